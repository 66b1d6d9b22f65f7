"""The cost tab's chart, drawn in HTML: monthly costs grouped by component, one bar per option
side by side, with one-time costs in a block of their own. Plain HTML (not a plot library) so its
numbers use the reader's separators, its legend wraps instead of being clipped and its text stays
readable on a phone."""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import ROUND_CEILING, Decimal
from typing import Any

from bot.cost.render import fmt_money, fmt_number

COLOURS = 4  # bar colours; options beyond them repeat (CSS .bot-c0 ... .bot-c3)
TICKS = 4  # axis divisions


def nice_top(largest: Decimal) -> tuple[Decimal, Decimal]:
    """The axis end and step: a round step (1, 2, 2.5 or 5 × 10^k) covering `largest`."""
    if largest <= 0:
        return Decimal(1), Decimal("0.25")
    rough = largest / TICKS
    scale = Decimal(10) ** (rough.adjusted())
    step = next(
        m * scale
        for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))
        if m * scale >= rough
    )
    ticks = (largest / step).to_integral_value(rounding=ROUND_CEILING)
    return step * ticks, step


def _pct(value: Decimal, top: Decimal) -> str:
    return f"{float(value / top * 100):.2f}%"


def _bar(index: int, option: str, value: Decimal, top: Decimal, lang: str) -> str:
    width = _pct(value, top)
    amount = fmt_number(value, lang, 0)
    return (
        f'<div class="bot-bar-row" title="{html.escape(option)}: {amount}">'
        f'<span class="bot-sr">{html.escape(option)}: </span>'
        f'<span class="bot-bar bot-c{index % COLOURS}" style="width:{width}"></span>'
        f'<span class="bot-bar-value">{amount}</span></div>'
    )


def chart_html(
    options: Sequence[tuple[str, Any]], phrases: dict[str, Any], words: dict[str, Any], lang: str
) -> str:
    """The chart for (option label, CostResult) pairs; `phrases` name the cost lines
    (cost.yaml), `words` are the tab's own (surfaces.yaml ui_cost)."""
    first = options[0][1]
    groups: list[tuple[str, list[Decimal]]] = [
        (words["monthly_total"], [r.monthly_total_usd for _, r in options])
    ]
    one_time: list[tuple[str, list[Decimal]]] = []
    for index, line in enumerate(first.lines):
        amounts = [r.lines[index].amount_usd for _, r in options]
        if not any(amounts):
            continue
        target = one_time if line.kind == "one_time" else groups
        target.append((phrases["lines"][line.key], amounts))
    top, step = nice_top(max(max(a) for _, a in groups))
    legend = "".join(
        f'<li><span class="bot-swatch bot-c{i % COLOURS}"></span>{html.escape(name)}</li>'
        for i, (name, _) in enumerate(options)
    )
    out = [
        f'<figure class="bot-chart" role="group" aria-label="{html.escape(words["chart_label"])}">',
        f'<figcaption class="bot-chart-title">{html.escape(words["chart"])}</figcaption>',
        f'<ul class="bot-legend">{legend}</ul>' if len(options) > 1 else "",
        '<div class="bot-groups">',
    ]
    for name, amounts in groups:
        bars = "".join(
            _bar(i, option, amount, top, lang)
            for i, ((option, _), amount) in enumerate(zip(options, amounts, strict=True))
        )
        out.append(
            f'<div class="bot-group"><div class="bot-group-label">{html.escape(name)}</div>{bars}</div>'
        )
    ticks = "".join(
        f'<span class="bot-tick" style="left:{_pct(step * i, top)}">{fmt_number(step * i, lang, 0 if step >= 1 else 2)}</span>'
        for i in range(int(top / step) + 1)
    )
    out += ["</div>", f'<div class="bot-axis" aria-hidden="true">{ticks}</div>']
    if one_time:  # apart from the monthly bars: one row per option, one column per cost
        heads = "".join(f'<th scope="col">{html.escape(n)}</th>' for n, _ in one_time)
        rows = "".join(
            f'<tr><th scope="row">{html.escape(option)}</th>'
            + "".join(f'<td class="bot-num">{fmt_money(a[i], lang)}</td>' for _, a in one_time)
            + "</tr>"
            for i, (option, _) in enumerate(options)
        )
        title = html.escape(words["one_time_title"])
        out.append(
            f'<div class="bot-one-time"><div class="bot-chart-title">{title}</div>'
            f"<table><thead><tr><td></td>{heads}</tr></thead><tbody>{rows}</tbody></table></div>"
        )
    out.append("</figure>")
    return "".join(out)
