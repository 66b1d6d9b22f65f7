"""A decision brief's two charts as PNG (bot.charts draws them): the options side by side
(monthly costs grouped, the in-house cost as a line, one-time costs in their own panel) and the
sensitivity tornado. Labels come from prompts/<lang>/brief.yaml, amounts are in the user's
currency with the language's separators."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from bot import charts
from bot.answer.brief import Brief
from bot.answer.brief_render import brief_phrases
from bot.cost.render import fmt_number, load_phrases


@dataclass(frozen=True)
class Chart:
    id: str  # options | sensitivity
    alt: str  # what it shows, in the brief's language
    png: bytes


def _amount(brief: Brief, lang: str) -> tuple[charts.Fmt, Decimal]:
    """A formatter for whole amounts in the user's currency, and the factor from USD to it."""
    if brief.currency == "IDR":
        return (lambda v: f"Rp {fmt_number(v, lang, 0)}"), brief.idr_per_usd
    return (lambda v: f"${fmt_number(v, lang, 0)}"), Decimal(1)


def brief_charts(brief: Brief, lang: str, prompts_dir: Path, dpi: int = 100) -> list[Chart]:
    """The options chart and, when the brief has swings, the tornado chart."""
    p = brief_phrases(lang, prompts_dir)["charts"]
    c = load_phrases(lang, prompts_dir)
    fmt, rate = _amount(brief, lang)
    months = brief.result.months
    names = [c["values"].get(loc, loc) for loc, _ in brief.options]
    results = [r for _, r in brief.options]
    cmp = brief.result.comparison
    inhouse = None if cmp is None else (p["inhouse"], float(cmp.inhouse_monthly_usd * rate))
    panels = [
        charts.Panel(p["monthly"], [float(r.monthly_total_usd * rate) for r in results], inhouse),
        charts.Panel(p["one_time"], [float(r.one_time_total_usd * rate) for r in results]),
    ]
    best = [loc for loc, _ in brief.options].index(brief.best)
    out = [
        Chart("options", p["options_alt"], charts.side_by_side(names, panels, fmt, best, dpi=dpi))
    ]
    if brief.swings:
        s = brief_phrases(lang, prompts_dir)["sensitivity"]["names"]
        png = charts.tornado(
            [s[w.name] for w in brief.swings],
            [float(w.totals[0] * rate) for w in brief.swings],
            [float(w.totals[1] * rate) for w in brief.swings],
            float(brief.result.total_usd * rate),
            fmt,
            (p["low"], p["high"], p["axis"].format(months=months)),
            dpi=dpi,
        )
        out.append(Chart("sensitivity", p["tornado_alt"].format(months=months), png))
    return out
