"""`bot cost`: the estimator on the command line (a thin wrapper over bot.cost.service)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from bot.config import Settings
from bot.cost.model import CostModelError
from bot.cost.request import CostValidationError
from bot.cost.service import CostService
from bot.lang import LANGS


def _fields(options: dict[str, str | None]) -> dict[str, Any]:
    return {name: value for name, value in options.items() if value is not None}


def _parse_compare(spec: str) -> tuple[str, list[str] | None]:
    field, _, values = spec.partition("=")
    field = field.strip().replace("-", "_")
    if not values:
        return field, None
    parts = [v.strip() for v in values.split(",") if v.strip()]
    return field, [p.split("+") if field in ("channels", "languages") else p for p in parts]


# The estimator's options, shared with `bot brief` (bot/surfaces/brief_cli.py).
Agents = Annotated[str | None, typer.Option(help="Seats staffed at the same time.")]
Contacts = Annotated[
    str | None, typer.Option("--contacts-per-month", "--contacts", help="Monthly contacts.")
]
HandleTime = Annotated[
    str | None, typer.Option("--avg-handle-minutes", "--aht", help="Average handle time.")
]
ServiceLevel = Annotated[
    str | None, typer.Option("--service-level-pct", "--service-level", help="e.g. 80.")
]
Channels = Annotated[str | None, typer.Option(help="Comma list: phone,email,chat,social_media.")]
SupportType = Annotated[str | None, typer.Option(help="basic | technical.")]
Expertise = Annotated[str | None, typer.Option(help="standard | skilled | specialist.")]
Location = Annotated[str | None, typer.Option(help="offshore | nearshore | domestic.")]
Coverage = Annotated[str | None, typer.Option(help="business_hours | extended | 24x7.")]
Languages = Annotated[str | None, typer.Option(help="Comma list of codes, e.g. en,id.")]
Months = Annotated[str | None, typer.Option(help="Contract horizon in months.")]


# Options take text so that every bad value goes through the request's validation and is
# reported with its field name in the chosen language, never as a Click error or a traceback.
def cost(
    agents: Agents = None,
    contacts_per_month: Contacts = None,
    avg_handle_minutes: HandleTime = None,
    service_level_pct: ServiceLevel = None,
    answer_within_seconds: Annotated[
        str | None, typer.Option("--answer-within-seconds", help="Phone/chat target, e.g. 20.")
    ] = None,
    email_response_hours: Annotated[
        str | None, typer.Option("--email-response-hours", help="Email/social target, hours.")
    ] = None,
    channels: Channels = None,
    support_type: SupportType = None,
    expertise: Expertise = None,
    location: Location = None,
    coverage: Coverage = None,
    languages: Languages = None,
    months: Months = None,
    inhouse_monthly_usd: Annotated[
        str | None, typer.Option("--inhouse-monthly-usd", "--inhouse", help="For savings/ROI.")
    ] = None,
    question: Annotated[
        str | None, typer.Option("--question", "-q", help="Read fields from a question too.")
    ] = None,
    compare_field: Annotated[
        str | None,
        typer.Option("--compare", help="FIELD or FIELD=v1,v2 (e.g. location, agents=1,5,10)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print byte-stable JSON.")] = False,
    lang: Annotated[str, typer.Option(help="Language of the output: id | en.")] = "id",
) -> None:
    """Estimate the monthly cost of outsourced customer support, line by line."""
    if lang not in LANGS:
        typer.echo("--lang: id | en", err=True)
        raise typer.Exit(code=2)
    options = _fields(
        {
            "agents": agents,
            "contacts_per_month": contacts_per_month,
            "avg_handle_minutes": avg_handle_minutes,
            "service_level_pct": service_level_pct,
            "answer_within_seconds": answer_within_seconds,
            "email_response_hours": email_response_hours,
            "channels": channels,
            "support_type": support_type,
            "expertise": expertise,
            "location": location,
            "coverage": coverage,
            "languages": languages,
            "months": months,
            "inhouse_monthly_usd": inhouse_monthly_usd,
        }
    )
    settings = Settings()
    try:
        service = CostService.from_dirs(settings.corpus_dir, settings.prompts_dir)
        fields = {**(service.parse_fields(question) if question else {}), **options}
        if compare_field:
            field, values = _parse_compare(compare_field)
            results, table = service.compare(fields, field, values, lang)
            if as_json:
                data = {label: result.to_json_dict() for label, result in results}
                typer.echo(json.dumps(data, sort_keys=True, ensure_ascii=False, indent=2))
            else:
                typer.echo(table)
            return
        reply = service.reply(fields, lang)
    except CostValidationError as err:
        typer.echo(service.error_text(err, lang), err=True)
        raise typer.Exit(code=2) from None
    except CostModelError as err:
        typer.echo(f"cost_model.yaml: {err}", err=True)
        raise typer.Exit(code=1) from None
    if reply.result is None:
        typer.echo(reply.text, err=True)
        raise typer.Exit(code=2)
    typer.echo(reply.result.to_json() if as_json else reply.text)


def register(app: typer.Typer) -> None:
    """Add the `cost` command to a Typer app (bot/cli.py calls this)."""
    app.command(name="cost")(cost)
