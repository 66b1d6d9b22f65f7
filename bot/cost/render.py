"""Render cost estimates and cost errors as Markdown in Indonesian or English.

Every fixed phrase comes from prompts/{id,en}/cost.yaml; numbers use the reader's separators
(12.345,67 in Indonesian, 12,345.67 in English).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bot.cost.model import CostModelError
from bot.cost.request import CostValidationError, Issue
from bot.lang import LANGS
from bot.prompts import PromptError, check_same
from bot.yamlio import read_yaml

if TYPE_CHECKING:
    from bot.cost.estimate import CostResult


@lru_cache(maxsize=8)
def _cached_phrases(prompts_dir: str) -> dict[str, dict[str, Any]]:
    tables: dict[str, dict[str, Any]] = {}
    paths = {lang: Path(prompts_dir) / lang / "cost.yaml" for lang in LANGS}
    for lang, path in paths.items():
        try:
            tables[lang] = read_yaml(path)
        except (OSError, yaml.YAMLError) as exc:
            raise CostModelError(f"{path}: {exc}") from exc
    try:
        check_same(tables, paths)
    except PromptError as exc:
        raise CostModelError(str(exc)) from exc
    return tables


def load_phrases(lang: str, prompts_dir: Path) -> dict[str, Any]:
    """Return the fixed cost phrases for 'id' or 'en'; both files checked as bot.prompts does."""
    return _cached_phrases(str(prompts_dir))[lang if lang in LANGS else "en"]


def fmt_number(value: Decimal | float | int, lang: str, places: int | None = None) -> str:
    """Format a number with the language's separators; places=None keeps up to 4 decimals."""
    number = Decimal(str(value))
    if not number.is_finite() or number.adjusted() > 20:
        return str(value)  # too large to group and round; shown as given
    if places is None:
        text = f"{number.quantize(Decimal('0.0001'), rounding=ROUND_HALF_UP).normalize():,f}"
    else:
        quantum = Decimal(1).scaleb(-places)
        text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_money(value: Decimal | float | int, lang: str) -> str:
    """Format USD with cents, e.g. $12.345,67 (id) or $12,345.67 (en)."""
    return f"${fmt_number(value, lang, 2)}"


def fmt_stated(usd: Decimal, idr: Decimal | None, lang: str) -> str:
    """A sum as the user stated it: Rupiah with its dollars beside, else dollars."""
    money = fmt_money(usd, lang)
    return f"Rp {fmt_number(idr, lang, 0)} (≈ {money})" if idr is not None else money


def _value(value: Any, phrases: dict[str, Any], lang: str) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_value(v, phrases, lang) for v in value)
    if isinstance(value, str):
        return phrases["languages"].get(value) or phrases["values"].get(value, value)
    return fmt_number(value, lang)


def _basis(key: str, basis: dict[str, Any], phrases: dict[str, Any], lang: str) -> str:
    shown = {
        name: fmt_money(v, lang)
        if name.endswith("usd") or name == "usd_per_agent"
        else _value(v, phrases, lang)
        for name, v in basis.items()
    }
    return phrases["basis"][key].format(**shown)


def _assumption_label(key: str, phrases: dict[str, Any]) -> str:
    labels, parts = phrases["assumption_labels"], key.split(".")
    if parts[0] == "defaults":
        return labels["defaults"].format(item=phrases["fields"].get(parts[1], parts[1]))
    if parts[0] == "channels":
        item = phrases["values"].get(parts[1], parts[1])
        return labels[f"channels.{parts[2]}"].format(item=item)
    if key in labels:
        return labels[key]
    return labels[parts[0]].format(item=phrases["values"].get(parts[1], parts[1]))


def _band_sentence(result: CostResult, phrases: dict[str, Any], lang: str) -> str:
    low, high = result.article_band_usd
    share = (result.hourly_rate_usd - low) / (high - low)
    position = "low" if share < Decimal(1) / 3 else "middle" if share < Decimal(2) / 3 else "high"
    all_in = result.all_in_usd_per_agent_hour
    return phrases["band"].format(
        position=phrases["band_position"][position],
        band_min=f"${fmt_number(low, lang)}",
        band_max=f"${fmt_number(high, lang)}",
        all_in=fmt_money(all_in, lang),
    )


def _staffing(result: CostResult, phrases: dict[str, Any], lang: str) -> list[str]:
    assumptions = {key: value for key, value, _ in result.assumptions}
    template = phrases["staffing_workload" if result.mode == "workload" else "staffing_agents"]
    out = [
        template.format(
            seats=result.seats,
            seat_word=phrases["seat_words"][result.seats != 1].split()[0],
            hours=fmt_number(result.covered_hours_per_month, lang),
            agent_hours=fmt_number(result.agent_hours_per_month, lang),
            fte=fmt_number(result.fte, lang, 2),
            headcount=result.headcount,
            paid_hours=fmt_number(assumptions["staffing.paid_hours_per_fte_month"], lang),
            shrinkage=fmt_number(assumptions["staffing.shrinkage_pct"], lang),
        )
    ]
    for plan in result.channel_seats:
        out.append(
            phrases["channel_seats"].format(
                channel=phrases["values"][plan.channel],
                contacts=fmt_number(plan.contacts_per_month, lang, 0),
                aht=fmt_number(plan.aht_minutes, lang),
                traffic=fmt_number(plan.traffic_erlangs, lang, 2),
                seats=plan.seats,
                service_level=fmt_number(plan.service_level * 100, lang, 1),
                occupancy=fmt_number(plan.occupancy * 100, lang, 1),
            )
        )
    return out


def render_cost(result: CostResult, lang: str, prompts_dir: Path) -> str:
    """Render an estimate: headline, table of lines, rate vs the article's band, assumptions."""
    summary, details = render_cost_parts(result, lang, prompts_dir)
    return f"{summary}\n\n{details}"


def render_cost_parts(result: CostResult, lang: str, prompts_dir: Path) -> tuple[str, str]:
    """The estimate as (summary, details): the headline, the cost lines, the rate against the
    article's band and what the seats mean, in about 15 lines; then the assumptions and
    defaults, which chat folds away."""
    p = load_phrases(lang, prompts_dir)
    money = lambda v: fmt_money(v, lang)  # noqa: E731
    inputs = result.inputs
    out = [f"### {p['title']}"]
    out.append(
        p["headline"].format(
            monthly=money(result.monthly_total_usd),
            months=result.months,
            total=money(result.total_usd),
            one_time=money(result.one_time_total_usd),
            seats=result.seats,
            seat_word=p["seat_words"][result.seats != 1],
            coverage=_value(inputs["coverage"], p, lang),
            headcount=result.headcount,
            person_word=p["person_words"][result.headcount != 1],
        )
    )
    out += ["", p["table_header"], "|---|---|---:|"]
    coverage = _value(inputs["coverage"], p, lang)
    for line in result.lines:  # the totals are in the headline; a line of 0.00 says nothing
        if line.amount_usd == 0:
            continue
        basis = _basis(line.key, {**line.basis, "coverage": coverage}, p, lang)
        out.append(f"| {p['lines'][line.key]} | {basis} | {fmt_number(line.amount_usd, lang, 2)} |")
    out.append("")
    parts = result.rate_parts
    rate = p["rate"].format(
        rate=money(result.hourly_rate_usd),
        location=_value(inputs["location"], p, lang),
        base=money(parts["base_usd"]),
        support_type=_value(inputs["support_type"], p, lang),
        type_mult=fmt_number(parts["support_type_multiplier"], lang, 2),
        expertise=_value(inputs["expertise"], p, lang),
        expertise_mult=fmt_number(parts["expertise_multiplier"], lang, 2),
    )
    staffing, *channel_seats = _staffing(result, p, lang)
    paragraph = [rate, _band_sentence(result, p, lang), staffing]
    if result.cost_per_contact_usd is not None:
        contacts = fmt_number(inputs["contacts_per_month"], lang, 0)
        amount = money(result.cost_per_contact_usd)
        paragraph.append(p["per_contact"].format(amount=amount, contacts=contacts))
    out.append(" ".join(paragraph))
    if (cmp := result.comparison) is not None:
        month = cmp.break_even_month
        dearer = cmp.monthly_savings_usd < 0  # "savings of $-11,990" reads as a typo
        out.append(
            p["comparison_dearer" if dearer else "comparison"].format(
                inhouse=_inhouse(result, lang),
                savings=money(abs(cmp.monthly_savings_usd)),
                horizon_savings=money(abs(cmp.horizon_savings_usd)),
                months=result.months,
                roi=fmt_number(cmp.roi_pct, lang, 1),
            )
            + " "
            + (p["break_even"].format(month=month) if month else p["no_break_even"])
        )
    summary = "\n".join(out).rstrip()
    out = [*channel_seats, ""] if channel_seats else []
    out.append(p["assumptions_title"])
    for key, value, source in result.assumptions:
        label = _assumption_label(key, p)
        out.append(f"- {label}: {_value(value, p, lang)} ({p['sources'][source]})")
    if result.defaults_used:
        shown = ", ".join(p["fields"][name] for name in result.defaults_used)
        out += ["", f"{p['defaults_title']} {shown}"]
    return summary, "\n".join(out)


def _inhouse(result: CostResult, lang: str) -> str:
    """The in-house cost as the user stated it: Rupiah with USD beside, or USD."""
    usd = fmt_money(result.comparison.inhouse_monthly_usd, lang) if result.comparison else ""
    idr = result.inputs.get("inhouse_monthly_idr")
    return f"Rp {fmt_number(idr, lang, 0)} ({usd})" if idr is not None else usd


def render_comparison(
    field: str,
    results: Sequence[tuple[str, CostResult]],
    lang: str,
    prompts_dir: Path,
) -> str:
    """Render several estimates side by side, one column per value of the compared field."""
    p = load_phrases(lang, prompts_dir)
    label = p["fields"].get(field, field)
    heads = [_value(value.split(","), p, lang) for value, _ in results]
    out = [f"### {p['compare_title'].format(field=label)}", ""]
    out += ["| | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(results)]
    rows: list[tuple[str, list[str]]] = [
        (
            p["compare_rows"]["hourly_rate"],
            [fmt_money(r.hourly_rate_usd, lang) for _, r in results],
        ),
        (p["compare_rows"]["seats"], [str(r.seats) for _, r in results]),
    ]
    for index, line in enumerate(results[0][1].lines):
        if line.kind == "one_time":
            continue
        rows.append(
            (
                p["lines"][line.key],
                [fmt_number(r.lines[index].amount_usd, lang, 2) for _, r in results],
            )
        )
    compare_rows = p["compare_rows"]
    rows += [
        (
            f"**{compare_rows['monthly_total']}**",
            [f"**{fmt_money(r.monthly_total_usd, lang)}**" for _, r in results],
        ),
        (compare_rows["one_time"], [fmt_money(r.one_time_total_usd, lang) for _, r in results]),
        (compare_rows["horizon_total"], [fmt_money(r.total_usd, lang) for _, r in results]),
    ]
    out += [f"| {name} | " + " | ".join(cells) + " |" for name, cells in rows]
    return "\n".join(out)


def render_issues(issues: Sequence[Issue], lang: str, prompts_dir: Path) -> str:
    """Return one line per invalid field, naming the field in the reader's language."""
    p = load_phrases(lang, prompts_dir)
    lines = []
    for issue in issues:
        template = p["errors"].get(issue.code, p["errors"]["invalid"])
        ctx = {"value": "", "limit": "", "options": "", **issue.ctx}
        ctx = {
            k: fmt_number(v, lang)
            if isinstance(v, int | float | Decimal) and not isinstance(v, bool)
            else v
            for k, v in ctx.items()
        }
        label = p["fields"].get(issue.field, issue.field)
        lines.append(template.format(field=issue.field, label=label, **ctx))
    return "\n".join(lines)


def render_cost_error(err: CostValidationError, lang: str, prompts_dir: Path) -> str:
    """Render a validation error for the user: a title line and one line per field."""
    title = load_phrases(lang, prompts_dir)["error_title"]
    return f"{title}\n{render_issues(err.issues, lang, prompts_dir)}"
