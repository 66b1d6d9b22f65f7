"""A Brief (bot.answer.brief) as JSON: every section's Markdown in one language, the figures as
numbers in USD (the estimator's own JSON for the chosen option), the cited entries and sources."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.answer.brief import Brief
from bot.answer.brief_render import Writer, missing_inputs, render_brief
from bot.knowledge.corpus import Chunk


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def brief_json(
    brief: Brief, lang: str, chunks: Mapping[str, Chunk], prompts_dir: Path
) -> dict[str, Any]:
    """The brief as JSON: its sections' Markdown, its figures as numbers (USD), its sources."""
    w = Writer(brief, lang, chunks, prompts_dir)
    r = brief.result
    options = {}
    for loc, res in brief.options:
        cmp = res.comparison
        options[loc] = {
            "monthly_usd": float(res.monthly_total_usd),
            "one_time_usd": float(res.one_time_total_usd),
            "total_usd": float(res.total_usd),
            "monthly_savings_usd": _num(cmp.monthly_savings_usd) if cmp else None,
            "horizon_savings_usd": _num(cmp.horizon_savings_usd) if cmp else None,
            "break_even_month": cmp.break_even_month if cmp else None,
        }
    figures = {
        "best_location": brief.best,
        "options": options,
        "drivers": [
            {
                "factor": d.factor,
                "line": d.line,
                "line_usd": float(d.line_usd),
                "delta_usd": float(d.delta_usd),
            }
            for d in brief.drivers
        ],
        "sensitivity": [
            {
                "name": s.name,
                "values": [float(v) for v in s.values],
                "totals_usd": [float(t) for t in s.totals],
            }
            for s in brief.swings
        ],
        "growth_monthly_usd": _num(brief.growth.monthly_total_usd) if brief.growth else None,
        "estimate": r.to_json_dict(),
    }
    return {
        "lang": lang,
        "title": w.p["title"],
        "currency": brief.currency,
        "idr_per_usd": float(brief.idr_per_usd),
        "fields": {k: (float(v) if isinstance(v, Decimal) else v) for k, v in brief.fields.items()},
        "sensitivity": brief.situation.sensitivity,
        "inhouse_people": brief.situation.inhouse_people,
        "growth_pct": _num(brief.situation.growth_pct),
        "sections": [{"id": s.id, "title": s.title, "text": s.text} for s in w.sections()],
        "risks": [r.challenge.entry + f"#{r.challenge.position}" for r in brief.risks],
        "missing": missing_inputs(brief),
        "cited_ids": brief.cited_ids(),
        "sources": w.sources(),
        "figures": figures,
        "markdown": render_brief(brief, lang, chunks, prompts_dir),
    }
