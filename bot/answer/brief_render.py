"""Render a Brief (bot.answer.brief) as Markdown or JSON in Indonesian or English.

Phrases come from prompts/<lang>/brief.yaml and the estimate's labels from cost.yaml; article
points are the corpus's own sentences and bullets, each with its [n]; amounts are shown in the
currency the user stated the in-house cost in, with USD beside.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.answer.brief import BAND, SECTIONS, Brief, Risk
from bot.answer.compose import Unit, render_unit, split_units
from bot.answer.situation import PointRef
from bot.cost.render import fmt_money, fmt_number, load_phrases, render_issues
from bot.cost.request import CostValidationError
from bot.knowledge.corpus import Chunk
from bot.lang import LANGS
from bot.prompts import BRIEF, PromptError, check_same
from bot.yamlio import read_yaml

BRIEF_CODES = ("empty", "not_money", "not_number", "out_of_range")


@lru_cache(maxsize=8)
def _tables(prompts_dir: str) -> dict[str, dict[str, Any]]:
    paths = {lang: Path(prompts_dir) / lang / BRIEF for lang in LANGS}
    try:
        tables = {lang: read_yaml(p) for lang, p in paths.items()}
    except (OSError, yaml.YAMLError) as exc:
        raise PromptError(f"{BRIEF}: {exc}") from exc
    check_same(tables, paths)
    return tables


def brief_phrases(lang: str, prompts_dir: Path) -> dict[str, Any]:
    """The brief's phrases in `lang`, both languages checked alike."""
    return _tables(str(prompts_dir))[lang]


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    text: str  # Markdown


class Writer:
    """One brief in one language: phrases, amounts, article points and their numbers."""

    def __init__(self, brief: Brief, lang: str, chunks: Mapping[str, Chunk], prompts_dir: Path):
        self.b, self.lang, self.chunks = brief, lang, chunks
        self.p = brief_phrases(lang, prompts_dir)
        self.c = load_phrases(lang, prompts_dir)
        self.cited = brief.cited_ids()
        self.units: dict[str, list[Unit]] = {k: split_units(v) for k, v in chunks.items()}

    def usd(self, value: Decimal) -> str:
        return fmt_money(value, self.lang)

    def amount(self, usd: Decimal, idr: Decimal | None = None) -> str:
        """In the user's currency, USD beside; `idr`: the user's own figure, not converted."""
        if self.b.currency != "IDR":
            return self.usd(usd)
        rupiah = idr if idr is not None else usd * self.b.idr_per_usd
        return f"Rp {fmt_number(rupiah, self.lang, 0)} ({self.usd(usd)})"

    def n(self, ref: PointRef) -> int:
        return self.cited.index(ref.entry) + 1

    def point(self, ref: PointRef) -> str:
        unit = next(u for u in self.units[ref.entry] if u.position == ref.position)
        return render_unit(unit)

    def value(self, value: Any) -> str:
        if isinstance(value, list | tuple):
            return ", ".join(self.value(v) for v in value)
        return self.c["languages"].get(value) or self.c["values"].get(value, str(value))

    # 1
    def bottom_line(self) -> str:
        r, p, months = self.b.result, self.p["bottom"], self.b.result.months
        out = [
            p["cheapest"].format(
                location=self.value(self.b.best),
                monthly=self.amount(r.monthly_total_usd),
                one_time=self.amount(r.one_time_total_usd),
                total=self.amount(r.total_usd),
                months=months,
                seats=r.seats,
                headcount=r.headcount,
            )
        ]
        if (cmp := r.comparison) is not None:
            common = {
                "inhouse": self.amount(
                    cmp.inhouse_monthly_usd, r.inputs.get("inhouse_monthly_idr")
                ),
                "months": months,
                "roi": fmt_number(cmp.roi_pct, self.lang, 1),
            }
            if cmp.monthly_savings_usd <= 0:
                extra = self.amount(-cmp.monthly_savings_usd)
                horizon = self.amount(-cmp.horizon_savings_usd)
                out.append(p["dearer"].format(extra=extra, horizon_extra=horizon, **common))
            elif cmp.horizon_savings_usd < 0:  # saves monthly, pays back after the horizon
                savings = self.amount(cmp.monthly_savings_usd)
                horizon = self.amount(-cmp.horizon_savings_usd)
                out.append(
                    p["savings_late"].format(
                        savings=savings, horizon_extra=horizon, month=cmp.break_even_month, **common
                    )
                )
            else:
                savings = self.amount(cmp.monthly_savings_usd)
                horizon = self.amount(cmp.horizon_savings_usd)
                key = "savings" if cmp.break_even_month else "savings_no_break_even"
                out.append(
                    p[key].format(
                        savings=savings,
                        horizon_savings=horizon,
                        month=cmp.break_even_month,
                        **common,
                    )
                )
        else:
            out.append(p["no_inhouse"])
        band = self.point(BAND)
        rate = self.usd(r.hourly_rate_usd)
        out.append(p["basis"].format(band=band, n=self.n(BAND), rate=rate))
        return " ".join(out)

    # 2
    def options(self) -> str:
        p, months = self.p["options"], self.b.result.months
        heads = []
        for loc, _ in self.b.options:
            mark = f" ({p['cheapest']})" if loc == self.b.best else ""
            heads.append(f"{self.value(loc)}{mark}")
        rows = [p["header"].format(heads=" | ".join(heads)), "|---|" + "---:|" * len(heads)]

        def row(label: str, cells: list[str]) -> None:
            rows.append(f"| {label} | " + " | ".join(cells) + " |")

        results = [r for _, r in self.b.options]
        row(p["monthly"], [self.amount(r.monthly_total_usd) for r in results])
        row(p["one_time"], [self.amount(r.one_time_total_usd) for r in results])
        row(p["total"].format(months=months), [self.amount(r.total_usd) for r in results])
        if all(r.comparison for r in results):
            cmps = [r.comparison for r in results if r.comparison]
            row(p["savings"], [self.amount(c.monthly_savings_usd) for c in cmps])
            row(
                p["horizon_savings"].format(months=months),
                [self.amount(c.horizon_savings_usd) for c in cmps],
            )
            row(p["break_even"], [str(c.break_even_month or p["never"]) for c in cmps])
        return "\n".join(rows)

    # 3
    def drivers(self) -> str:
        p, r = self.p["drivers"], self.b.result
        out = [p["intro"], ""]
        for d in self.b.drivers:
            key = (
                "location_domestic"
                if d.factor == "location" and self.b.best == "domestic"
                else d.factor
            )
            out.append(
                "- "
                + p[key].format(
                    value=self.value(r.inputs[d.factor]),
                    line=self.c["lines"][d.line],
                    amount=self.amount(d.line_usd),
                    delta=self.amount(abs(d.delta_usd)),
                    rate=self.usd(r.hourly_rate_usd),
                    factor=self.point(d.ref),
                    n=self.n(d.ref),
                )
            )
        return "\n".join(out)

    # 4
    def sensitivity(self) -> str:
        p, r = self.p["sensitivity"], self.b.result
        out = [p["intro"].format(months=r.months, total=self.amount(r.total_usd)), ""]
        out += [p["header"], "|---|---:|---:|---:|---:|"]
        for s in self.b.swings:
            places = 0 if s.name in ("contacts_per_month", "agents") else 2
            low, _, high = (fmt_number(v, self.lang, places) for v in s.values)
            if s.name == "avg_handle_minutes" and "avg_handle_minutes" not in self.b.fields:
                low, high = (
                    self._handle_times(f)
                    for f in (s.values[0] / s.values[1], s.values[2] / s.values[1])
                )
            name = p["names"][s.name]
            out.append(
                f"| {name} | {low} | {self.amount(s.totals[0])} | {high} | {self.amount(s.totals[1])} |"
            )
        if (g := self.b.growth) is not None and self.b.situation.growth_pct is not None:
            growth = fmt_number(self.b.situation.growth_pct, self.lang)
            out += [
                "",
                p["growth"].format(
                    growth=growth,
                    monthly=self.amount(g.monthly_total_usd),
                    total=self.amount(g.total_usd),
                    months=g.months,
                ),
            ]
        return "\n".join(out)

    def _handle_times(self, factor: Decimal) -> str:
        """Every channel's default handle time moved by `factor` ("email 6.40, chat 8.00")."""
        assumptions = {k: v for k, v, _ in self.b.result.assumptions}
        return ", ".join(
            f"{self.value(ch)} {fmt_number(assumptions[f'channels.{ch}.aht_minutes'] * factor, self.lang, 2)}"
            for ch in self.b.result.inputs["channels"]
        )

    # 5
    def risks(self) -> str:
        p = self.p["risks"]
        out = [p["intro"], ""]
        for number, risk in enumerate(self.b.risks, 1):
            out.append(
                f"{number}. "
                + p["item"].format(
                    challenge=self.point(risk.challenge),
                    reason=self._reason(risk),
                    n=self.n(risk.challenge),
                )
            )
            if risk.steps:
                out.append(f"   {p['steps']}")
                out += [f"   - {self.point(s)} [{self.n(s)}]" for s in risk.steps]
            else:
                out.append(f"   {p['none']}")
        return "\n".join(out)

    def _reason(self, risk: Risk) -> str:
        reasons, inputs = self.p["risks"]["reason"], self.b.result.inputs
        level = self.b.situation.sensitivity or "personal"
        return reasons[risk.reason].format(
            sensitivity=self.p["sensitivity_levels"][level],
            languages=self.value(inputs["languages"]),
            channels=self.value(inputs["channels"]),
        )

    # 6
    def hidden_costs(self) -> str:
        p, r = self.p["hidden"], self.b.result
        out = [p["intro"], ""]
        for ref, keys in self.b.hidden:
            lines = [
                f"{self.c['lines'][ln.key]} {self.amount(ln.amount_usd)}"
                for key in keys
                for ln in r.lines
                if ln.key == key and ln.amount_usd
            ]
            out.append(
                "- "
                + p["item"].format(
                    point=self.point(ref), n=self.n(ref), lines="; ".join(lines) or p["none"]
                )
            )
        pct = next(v for k, v, _ in r.assumptions if k == "costs.hidden_cost_allowance_pct")
        out += ["", p["note"].format(pct=fmt_number(pct, self.lang))]
        return "\n".join(out)

    # 7
    def roi(self) -> str:
        p, r = self.p["roi"], self.b.result
        out = [p["intro"].format(n=self.n(self.b.roi[0])), ""]
        out += [f"- {self.point(ref)} [{self.n(ref)}]" for ref in self.b.roi]
        cmp = r.comparison
        if cmp is not None and cmp.break_even_month:
            month = cmp.break_even_month
            out += ["", p["compare"].format(monthly=self.amount(r.monthly_total_usd), month=month)]
        else:
            key = "compare_no_inhouse" if cmp is None else "compare_no_break_even"
            out += ["", p[key].format(monthly=self.amount(r.monthly_total_usd))]
        return "\n".join(out)

    # 8
    def assumed(self) -> str:
        p, r, s = self.p["assumed"], self.b.result, self.b.situation
        assumptions = {k: v for k, v, _ in r.assumptions}
        out = [p["defaults"]]
        for name in r.defaults_used:
            value = assumptions.get(f"defaults.{name}", assumptions.get(f"staffing.{name}"))
            if name == "avg_handle_minutes":
                value = ", ".join(
                    f"{self.value(ch)} {fmt_number(assumptions[f'channels.{ch}.aht_minutes'], self.lang)}"
                    for ch in r.inputs["channels"]
                )
            shown = value if name == "avg_handle_minutes" else self._shown(value)
            out.append("- " + p["default_item"].format(label=self.c["fields"][name], value=shown))
        if s.sensitivity is None:
            label = self.c["fields"]["sensitivity"]
            out.append(
                "- "
                + p["default_item"].format(label=label, value=self.p["sensitivity_levels"]["none"])
            )
        if s.inhouse_people:
            out.append("- " + p["inhouse_people"].format(people=s.inhouse_people))
        if s.seats_from_people:
            out.append("- " + p["seats_from_people"].format(people=s.inhouse_people))
        if self.b.currency == "IDR":
            rate = fmt_number(self.b.idr_per_usd, self.lang)
            out.append("- " + p["rate"].format(rate=rate, date=self.b.rate_date))
        if s.growth_pct is not None:
            out.append("- " + p["growth"].format(growth=fmt_number(s.growth_pct, self.lang)))
        missing = missing_inputs(self.b)
        out += ["", p["missing"] if missing else p["none_missing"]]
        out += [f"- {p['items'][m]}" for m in missing]
        return "\n".join(out)

    def _shown(self, value: Any) -> str:
        return (
            self.value(value)
            if isinstance(value, str | list | tuple)
            else fmt_number(value, self.lang)
        )

    def sections(self) -> list[Section]:
        return [Section(sid, self.p["sections"][sid], getattr(self, sid)()) for sid in SECTIONS]

    def sources(self) -> list[dict[str, Any]]:
        return [
            {"n": n, "id": i, "title": self.chunks[i].title} for n, i in enumerate(self.cited, 1)
        ]

    def summary(self) -> str:
        r, p = self.b.result, self.p["summary"]
        if r.mode == "workload":
            head = p["workload"].format(
                contacts=fmt_number(r.inputs["contacts_per_month"], self.lang, 0)
            )
        else:
            head = p["agents"].format(agents=r.seats)
        parts = [head, self.value(r.inputs["channels"]), self.value(r.inputs["coverage"])]
        parts.append(self.value(r.inputs["languages"]))
        return ", ".join(parts)


def missing_inputs(brief: Brief) -> list[str]:
    """What the user could add: named by brief.yaml assumed.items keys."""
    s, r = brief.situation, brief.result
    out = []
    if r.comparison is None:
        out.append("inhouse_cost")
    if r.mode != "workload":
        out.append("contacts_per_month")
    if s.sensitivity is None:
        out.append("sensitivity")
    if s.growth_pct is None:
        out.append("growth")
    if s.inhouse_people is None:
        out.append("inhouse_people")
    return out


def render_brief(brief: Brief, lang: str, chunks: Mapping[str, Chunk], prompts_dir: Path) -> str:
    """The brief as Markdown: title, situation, the eight sections in order, the sources."""
    w = Writer(brief, lang, chunks, prompts_dir)
    out = [f"# {w.p['title']}", "", w.p["situation"].format(summary=w.summary())]
    for section in w.sections():
        out += ["", f"## {section.title}", "", section.text]
    out += ["", f"**{w.p['sources']}**"]
    out += [w.p["source_item"].format(n=s["n"], title=s["title"]) for s in w.sources()]
    return "\n".join(out) + "\n"


def render_brief_error(err: CostValidationError, lang: str, prompts_dir: Path) -> str:
    """A title line and one line per field, the field named in words a user knows."""
    p, c = brief_phrases(lang, prompts_dir)["errors"], load_phrases(lang, prompts_dir)
    lines = [p["title"]]
    for issue in err.issues:
        if issue.code in BRIEF_CODES or (
            issue.code == "not_option" and issue.field == "sensitivity"
        ):
            ctx = {"value": "", "low": "", "high": "", "options": "", **issue.ctx}
            label = c["fields"].get(issue.field, issue.field)
            lines.append(p[issue.code].format(field=issue.field, label=label, **ctx))
        else:
            lines.append(render_issues([issue], lang, prompts_dir))
    return "\n".join(lines)
