"""The in-house cost a cost question states ("we spend $9,000 a month", "tim CS kami habis Rp 40
juta sebulan", "we pay 3 reps $2,500 each"): a monthly amount in the currency it was said in,
multiplied by the people a per-head salary pays."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from bot.cost.counts import EACH_BEFORE, plain_number, salary_heads, times_heads
from bot.cost.vocabulary import CURRENT_COST, NUM, PERIOD, PERIOD_KIND, REVENUE

# An amount per head: "$4,000 per agent per month", "$800/orang sebulan".
EACH = (
    r"(?P<each>(?:per|/|each|a|setiap|tiap)\s*(?:agents?|agen|orang|org|persons?|heads?|seats?|kursi"
    r"|ftes?|staff|karyawan|kepala)\b)"
)

# ... after its period: "$4,200/mo per agent", "5 reps at $3,800/month each"
EACH_LATE = (
    r"(?P<late>per\s*(?:agents?|agen|orang|org|persons?|heads?|seats?|kursi|kepala)|each|apiece)\b"
)

# A year said just before the sum: "biaya tim setahun sekitar $480.000", "runs an annual $480k",
# "tiap taun CS kita makan 480 juta"
YEAR_BEFORE = re.compile(
    r"\b(?:setahun|(?:per|tiap|setiap) tahun|pertahun|tahunan|annual(?:ly)?|yearly|a year|per year"
    r"|(?:each|every) year)\b(?:\s+\S+){0,4}\s*$"
)
# ... or a week: "per minggu kami habis sekitar $2.500"
WEEK_BEFORE = re.compile(
    r"\b(?:seminggu|per minggu|perminggu|tiap minggu|setiap minggu|mingguan|weekly|a week|per week"
    r"|each week|every week)\b(?:\s+\S+){0,3}\s*$"
)
# The team a per-head cost is paid to, counted after it: "..., twenty of them in total"
# (or its heads: "6 juta per kepala, 11 kepala", "per head for 11 heads")
OF_THEM = re.compile(r"\b(\d{1,4}) (?:of (?:them|us)|heads|kepala)\b")


def read_inhouse(t: Any, fields: dict[str, Any]) -> None:
    """Take the in-house monthly cost from `t` (bot.cost.parse's question text) into `fields`,
    when a word makes an amount the current cost (or `t.inhouse` says every amount is)."""
    # the cue is read on the whole question: "for our own 5-person support team" is also read as
    # the team's size, and that takes it out of `t.text`
    if not (t.inhouse or re.search(CURRENT_COST, t.text) or re.search(CURRENT_COST, t.full)):
        return
    while t.take(REVENUE):  # "~$4M ARR ... we spend $18,000/month": the revenue is no cost
        pass
    # not a rate ("$10-$50 per jam", "$12/hour"): an hourly amount is no monthly cost
    # ("$10-$50" reads "$10$-50" once normalised)
    tail = (
        r"(?!\s*(?:-|–|to|sampai|hingga)\s*\$?\d|\$-\d)(?!\s*(?:per|/|an?)\s*(?:jam|hours?|hr)\b)"
    )
    tail += rf"\s*{EACH}?\s*{PERIOD}?(?:\s*{EACH_LATE})?"
    m = t.take(rf"(?:\$|\busd|\bus\$)\s*{NUM}{tail}") or t.take(
        rf"{NUM}\s*(?:usd|dollars?|dolar)\b{tail}"
    )
    # Rupiah ("rp 180 juta", "180jt", "1,2 miliar": normalize() marks them "rp"), kept in
    # Rupiah so that a reply can show the user's own currency.
    idr = None if m else t.take(rf"\brp\s*{NUM}{tail}") or t.take(rf"{NUM}\s*rupiah\b{tail}")
    if m or idr:
        found = m or idr
        said = found.group("per") or found.group("adv")
        at = t.full.find(found.group(0))
        before = t.full[:at]
        if said is None and YEAR_BEFORE.search(before):
            said = "year"  # "biaya setahun sekitar $480.000", "an annual cost of $480k"
        elif said is None and WEEK_BEFORE.search(before):
            said = "week"
        period = PERIOD_KIND.get(said or "", "month")
        per_month = {"year": Decimal(1) / 12, "week": t.calendar.weeks_per_month.value}
        amount = Decimal(found.group(1)) * per_month.get(period, Decimal(1))
        agents = fields.get("agents")
        # "we pay 3 reps $2,500 each", "6 jt/bln x 15 org": the people paid
        heads = salary_heads(t.full) or times_heads(before, t.full[at + len(found.group(0)) :])
        if heads:
            amount *= heads
        elif (
            (found.group("each") or found.group("late") or EACH_BEFORE.search(t.full))
            and isinstance(agents, int)
            and agents > 0
        ):
            amount *= agents  # "$4,000 per agent per month ... for 6 agents", "tiap agen $1.800"
        elif (found.group("each") or found.group("late") or EACH_BEFORE.search(t.full)) and (
            them := OF_THEM.search(t.full)
        ):
            amount *= int(them.group(1))  # "every agent runs us Rp 12M a month, 20 of them"
            fields.setdefault("agents", int(them.group(1)))
        key = "inhouse_monthly_usd" if m else "inhouse_monthly_idr"
        fields[key] = plain_number(amount.quantize(Decimal("0.01") if m else Decimal(1)))
