"""How many seats a monthly budget pays for: the largest team whose estimated monthly total stays
within the budget, every other condition as stated (or the estimator's defaults)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.cost.estimate import CostResult
from bot.cost.normalize import normalize

MAX_SEATS = 5000  # past this many seats a budget is no support team's
# A sum of money after normalize(): "$8000", "8000 usd", "rp 100000000"; a bare number of at
# least a million (what "150jt" becomes) is rupiah.
USD = re.compile(
    r"(?:\$|\busd\s*|\bus\$\s*)(\d+(?:\.\d+)?)|\b(\d+(?:\.\d+)?)\s*(?:usd|dollars?|dolar)\b"
)
IDR = re.compile(
    r"\b(?:rp|idr)\s*(\d+(?:\.\d+)?)|\b(\d+(?:\.\d+)?)\s*rupiah\b|(?<![\d.$])(\d{7,})\b"
)
# A bare sum of money ("with 40k a month", "bump it to 10k"): four to six digits that count
# nothing else, in dollars.
BARE = re.compile(
    r"(?<![\d.$-])(\d{4,6}(?:\.\d+)?)\b(?!\s*(?:%|-|(?:months?|bulan|tahun|years?|minutes?|menit"
    r"|hours?|jam|days?|hari|weeks?|minggu|agents?|agen|seats?|kursi|orang|people|tickets?|tiket"
    r"|chats?|calls?|e ?mails?|contacts?|kontak|pesan|messages?|panggilan)\b))"
)
# A budget for a year, said before or after the sum ("annual budget of 300K USD", "setahun kami
# siap keluar Rp 1,2 miliar"): a twelfth of it a month.
YEARLY = re.compile(
    r"\b(?:annual(?:ly)?|yearly|a year|per year|per annum|each year|every year|setahun|per tahun"
    r"|pertahun|tahunan|tiap tahun|setiap tahun)\b|/\s*(?:year|yr|tahun)\b"
)


# A sum for a whole contract ("$480k in total over a 24-month contract", "total USD 480.000 untuk
# kontrak 24 bulan"): that sum spread over its months.
TOTAL = r"\b(?:in total|total|overall|altogether|keseluruhan|semuanya|seluruhnya)\b"
OVER_CONTRACT = re.compile(
    rf"{TOTAL}[^.?!]{{0,40}}?\b(\d+)\s*(?:months?|bulan)\b"
    rf"|\b(\d+)\s*(?:months?|bulan)\b[^.?!]{{0,40}}?{TOTAL}"
)

# "IDR 1.2 billion for a 12-month contract": a sum for the contract, unless said to be monthly
FOR_CONTRACT = re.compile(
    r"\b(?:for|untuk|buat)\s+(?:a |the |our |one |satu )?(?:kontrak\s+)?(\d+)\s*(?:months?|bulan)"
    r"(?:\s+(?:contract|kontrak))?\b"
)
PER_MONTH = re.compile(
    r"\b(?:a|per|each|every) month\b|/\s*(?:month|mo|bln|bulan)\b"
    r"|\b(?:sebulan|per ?bulan|bulanan|tiap bulan|setiap bulan|monthly)\b"
)


@dataclass(frozen=True)
class Within:
    """What a budget pays for: `seats` (0 when one costs more), the estimate of that many (of
    one seat when none fits) and the monthly total with one seat more."""

    budget_usd: Decimal
    budget_idr: Decimal | None  # the budget as stated in rupiah, else None
    seats: int
    result: CostResult
    next_total_usd: Decimal


def monthly_budget(text: str) -> tuple[Decimal, str] | None:
    """The monthly budget a text states and its currency ("usd" or "idr"; a yearly one divided
    by 12, one for a whole contract by its months); None without one."""
    stated = stated_sum(text)
    if stated is None:
        return None
    lowered = normalize(text)
    if YEARLY.search(lowered):
        return stated[0] / 12, stated[1]
    whole = OVER_CONTRACT.search(lowered) or (
        None if PER_MONTH.search(lowered) else FOR_CONTRACT.search(lowered)
    )
    months = int(next(g for g in whole.groups() if g)) if whole else 0
    return (stated[0] / months, stated[1]) if months > 0 else stated


def stated_sum(text: str) -> tuple[Decimal, str] | None:
    """The sum of money a text states, as said, and its currency; None without one."""
    lowered = normalize(text)
    found = USD.search(lowered)
    amount, currency = (found, "usd") if found else (IDR.search(lowered), "idr")
    if amount is None:
        amount, currency = BARE.search(lowered), "usd"
    if amount is None:
        return None
    value = Decimal(next(g for g in amount.groups() if g))
    return (value, currency) if value > 0 else None


def seats_within(
    estimate: Callable[[Mapping[str, Any]], CostResult],
    fields: Mapping[str, Any],
    budget: tuple[Decimal, str],
    idr_per_usd: Decimal,
) -> Within:
    """The most seats (staffed at the same time) whose monthly total is at most the budget."""
    amount, currency = budget
    budget_usd = amount / idr_per_usd if currency == "idr" else amount
    budget_idr = amount if currency == "idr" else None
    priced: dict[int, CostResult] = {}

    def total(seats: int) -> Decimal:
        if seats not in priced:
            priced[seats] = estimate({**fields, "agents": seats})
        return priced[seats].monthly_total_usd

    if total(1) > budget_usd:
        return Within(budget_usd, budget_idr, 0, priced[1], priced[1].monthly_total_usd)
    low, high = 1, 2  # total(low) fits; widen until total(high) does not
    while high <= MAX_SEATS and total(high) <= budget_usd:
        low, high = high, high * 2
    high = min(high, MAX_SEATS + 1)
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if total(middle) <= budget_usd else (low, middle)
    return Within(budget_usd, budget_idr, low, priced[low], total(low + 1))
