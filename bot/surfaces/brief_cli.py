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
from bot.surfaces.brief_doc import document, format_of
from bot.surfaces.cost_cli import (
    Agents,
    Channels,
    Contacts,
    Coverage,
    Expertise,
    HandleTime,
    Languages,
    Location,
    Months,
    ServiceLevel,
    SupportType,
)


# Options take text, so every bad value reaches the brief's validation and is reported in the
# chosen language with the field named, never as a Click error.
def brief(
    situation: Annotated[
        str, typer.Argument(help="Your situation, in Indonesian or English.")
    ] = "",
    agents: Agents = None,
    contacts_per_month: Contacts = None,
    avg_handle_minutes: HandleTime = None,
    service_level_pct: ServiceLevel = None,
    channels: Channels = None,
    support_type: SupportType = None,
    expertise: Expertise = None,
    location: Location = None,
    coverage: Coverage = None,
    languages: Languages = None,
    months: Months = None,
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
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write to this file: brief.md, brief.html or brief.pdf."),
    ] = None,
) -> None:
    """Write a decision brief: cheapest option, savings, cost drivers, risks, ROI, assumptions."""
    given = {k: v for k, v in locals().items() if k not in ("situation", "lang", "as_json", "out")}
    from bot.answer.briefing import BriefService

    if lang is not None and lang not in LANGS:
        typer.echo("--lang: id | en", err=True)
        raise typer.Exit(code=2)
    fields: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    settings = Settings()
    language = BriefService.language(situation, lang)
    try:
        service = BriefService.from_settings(settings)
        made = service.build(situation, fields)
    except CostValidationError as err:
        typer.echo(service.error_text(err, language), err=True)
        raise typer.Exit(code=2) from None
    except CostModelError as err:
        typer.echo(f"cost_model.yaml: {err}", err=True)
        raise typer.Exit(code=1) from None
    kind = format_of(out.name) if out is not None else None
    if out is not None and not as_json and kind in ("html", "pdf"):
        out.write_bytes(document(service, made, language, kind))
        return
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
