"""`bot brief`: a decision brief on the command line (a thin wrapper over bot.answer.briefing)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.config import Settings
from bot.cost.model import CostModelError
from bot.cost.request import CostValidationError
from bot.lang import LANGS


# Options take text, so every bad value reaches the brief's validation and is reported in the
# chosen language with the field named, never as a Click error.
def brief(
    situation: Annotated[
        str, typer.Argument(help="Your situation, in Indonesian or English.")
    ] = "",
    agents: Annotated[str | None, typer.Option(help="Seats staffed at the same time.")] = None,
    contacts_per_month: Annotated[
        str | None, typer.Option("--contacts-per-month", "--contacts", help="Monthly contacts.")
    ] = None,
    avg_handle_minutes: Annotated[
        str | None, typer.Option("--avg-handle-minutes", "--aht", help="Average handle time.")
    ] = None,
    service_level_pct: Annotated[
        str | None, typer.Option("--service-level-pct", "--service-level", help="e.g. 80.")
    ] = None,
    channels: Annotated[str | None, typer.Option(help="phone,email,chat,social_media.")] = None,
    support_type: Annotated[str | None, typer.Option(help="basic | technical.")] = None,
    expertise: Annotated[str | None, typer.Option(help="standard | skilled | specialist.")] = None,
    location: Annotated[str | None, typer.Option(help="offshore | nearshore | domestic.")] = None,
    coverage: Annotated[str | None, typer.Option(help="business_hours | extended | 24x7.")] = None,
    languages: Annotated[str | None, typer.Option(help="Codes served, e.g. en,id.")] = None,
    months: Annotated[str | None, typer.Option(help="Contract horizon in months.")] = None,
    inhouse_people: Annotated[
        str | None, typer.Option("--inhouse-people", help="People in your in-house team.")
    ] = None,
    inhouse_monthly: Annotated[
        str | None,
        typer.Option(
            "--inhouse-monthly", help="In-house monthly cost: 180jt, 'Rp 180 juta', $45000."
        ),
    ] = None,
    sensitivity: Annotated[
        str | None, typer.Option(help="Customer data: none | personal | financial_or_health.")
    ] = None,
    growth_pct: Annotated[
        str | None, typer.Option("--growth", "--growth-pct", help="Expected growth, %.")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="id | en; default: the situation's.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the brief as JSON.")] = False,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file.")] = None,
) -> None:
    """Write a decision brief: cheapest option, savings, cost drivers, risks, ROI, assumptions."""
    from bot.answer.briefing import BriefService

    if lang is not None and lang not in LANGS:
        typer.echo("--lang: id | en", err=True)
        raise typer.Exit(code=2)
    given = {
        "agents": agents,
        "contacts_per_month": contacts_per_month,
        "avg_handle_minutes": avg_handle_minutes,
        "service_level_pct": service_level_pct,
        "channels": channels,
        "support_type": support_type,
        "expertise": expertise,
        "location": location,
        "coverage": coverage,
        "languages": languages,
        "months": months,
        "inhouse_people": inhouse_people,
        "inhouse_monthly": inhouse_monthly,
        "sensitivity": sensitivity,
        "growth_pct": growth_pct,
    }
    fields: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    settings = Settings()
    language = BriefService.language(situation, lang)
    try:
        service = BriefService.from_dirs(settings.corpus_dir, settings.prompts_dir)
        made = service.build(situation, fields)
    except CostValidationError as err:
        typer.echo(service.error_text(err, language), err=True)
        raise typer.Exit(code=2) from None
    except CostModelError as err:
        typer.echo(f"cost_model.yaml: {err}", err=True)
        raise typer.Exit(code=1) from None
    if as_json:
        text = json.dumps(
            service.json(made, language), ensure_ascii=False, indent=2, sort_keys=True
        )
    else:
        text = service.markdown(made, language)
    if out is None:
        typer.echo(text)
    else:
        out.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def register(app: typer.Typer) -> None:
    """Add the `brief` command to a Typer app (bot/cli.py calls this)."""
    app.command(name="brief")(brief)
