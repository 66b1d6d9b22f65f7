"""A vendor's quoted hourly rate ("penawaran vendor $45/jam, kemahalan?"), placed in the $10-$50
band the article gives: the one figure the article has to judge a quote by; and the agent hours a
sum pays for at that band ("how many agent hours does $8,000 buy?")."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bot.cost.budget import stated_sum
from bot.cost.render import fmt_money, fmt_number, fmt_stated
from bot.prompts import Prompts

# "$45/jam", "$45 per hour", "USD 30 an hour", "$ 12,5 sejam", "$80+/hour"
RATE = re.compile(
    r"(?:\$|\busd\s*)\s*(\d{1,4}(?:[.,]\d{1,2})?)\+?\s*(?:/\s*|per\s+|an?\s+|se)"
    r"(?:hour|hr|h|jam)\b",
    re.I,
)
# "what hourly rate would a US vendor charge, like $80?": an amount beside words of an hourly rate
HOURLY = re.compile(r"\b(?:hourly|per hour|an hour|per jam|sejam|tarif per jam)\b", re.I)
AMOUNT = re.compile(
    r"(?:\$|\busd\s*)\s*(\d{1,3}(?:[.,]\d{1,2})?)\b(?![.,]\d)(?!\s*(?:k|rb|ribu|juta|jt|m|million|thousand)\b)"
    r"(?!\s*(?:/|per|a|an|se)\s*(?:month|bulan|bln|mo)\b)",
    re.I,
)
BOUND = re.compile(
    r"\b(?:under|below|above|over|than|up to|to|max(?:imum)?|at most|at least|bawah|atas|dari"
    r"|daripada|hingga|sampai|maks\w*|minimal|paling|tembus|nembus|menembus|capai|mencapai|reach"
    r"|hit|exceed|melebihi|lewat)\s*$",
    re.I,
)
RANGE = re.compile(
    r"(?:\$|\busd\s*)\s*\d[\d.,]*\s*(?:-|–|to|hingga|sampai|s/d|sd)\s*(?:\$|\busd\s*)?\s*\d", re.I
)
# "$80-100 an hour": both ends of a range, read when the range lies outside the band
RANGE_ENDS = re.compile(
    r"(?:\$|\busd\s*)\s*(\d{1,4}(?:[.,]\d{1,2})?)\s*(?:-|–|to|hingga|sampai|s/d|sd)\s*"
    r"(?:\$|\busd\s*)?\s*(\d{1,4}(?:[.,]\d{1,2})?)(?P<hourly>\+?\s*(?:/\s*|per\s+|an?\s+|se)"
    r"(?:hour|hr|h|jam)\b)?",
    re.I,
)
# "how many agent hours does $8,000 buy?" asks hours at the article's rates, not seats.
HOURS_ASKED = re.compile(
    r"\bagent[- ]hours?\b|\bhow many (?:\w+ )?hours\b|\b(?:berapa|brp) jam\b|\bjam agen\b", re.I
)
BELOW = re.compile(
    r"\b(?:under|below|bawah|kurang|maks\w*|max\w*|at most|(?:less|lower|cheaper) than"
    r"|(?:lebih )?(?:murah|rendah) (?:dari|daripada))\b",
    re.I,
)
THIRD = Decimal(1) / 3
RATE_SIZED = Decimal(150)  # a bare bound up to this many dollars is an hourly rate, not a budget


def _rate_in(text: str) -> re.Match[str] | None:
    """The hourly amount a question names ("$45/jam"; "$80" beside words of an hourly rate),
    or None; "$10-$50 an hour" is the band itself."""
    if RANGE.search(text):
        return None
    match = RATE.search(text)
    if match is None and HOURLY.search(text):
        amounts = list(AMOUNT.finditer(text))
        match = amounts[0] if len(amounts) == 1 else None
    return match


def _bounded(text: str, match: re.Match[str]) -> bool:
    """ "di bawah $10/jam", "more than $70": the amount is a bound, not a quote."""
    return BOUND.search(text[: match.start()]) is not None


def _amount(match: re.Match[str]) -> Decimal | None:
    try:
        return Decimal(match.group(1).replace(",", "."))
    except InvalidOperation:
        return None


def quoted_rate(text: str) -> Decimal | None:
    """The hourly rate a question quotes, or None."""
    match = _rate_in(text)
    return None if match is None or _bounded(text, match) else _amount(match)


def quote_sentence(
    text: str, lang: str, band: tuple[Decimal, Decimal], prompts: Prompts
) -> str | None:
    """Where a quoted rate sits in the article's band, as a framing sentence; None without one."""
    rate, low, high = quoted_rate(text), *band
    if rate is None:
        return _outside(text, lang, low, high, prompts) or _beyond(text, lang, low, high, prompts)
    if rate < low:
        where = "below"
    elif rate > high:
        where = "above"
    else:
        share = (rate - low) / (high - low)
        where = "lower" if share < THIRD else "middle" if share < 2 * THIRD else "upper"
    return prompts.text(
        lang,
        "quote_band",
        rate=fmt_money(rate, lang),
        position=prompts.text(lang, f"quote_{where}"),
        low=fmt_money(low, lang),
        high=fmt_money(high, lang),
    )


def _outside(text: str, lang: str, low: Decimal, high: Decimal, prompts: Prompts) -> str | None:
    """ "Do some charge $80-100 an hour for specialists?": an hourly range wholly past one end
    of the band, which the article never reaches; None for any other question."""
    match = RANGE_ENDS.search(text)
    if match is None or not (match["hourly"] or HOURLY.search(text)):
        return None
    start, end = (Decimal(g.replace(",", ".")) for g in match.group(1, 2))
    if start <= high and end >= low:
        return None  # "$20-30 an hour" overlaps the band
    above = start > high
    return prompts.text(
        lang,
        "quote_beyond",
        position=prompts.text(lang, "quote_above" if above else "quote_below"),
        rate=fmt_money(high if above else low, lang),  # the band's end it lies past
        low=fmt_money(low, lang),
        high=fmt_money(high, lang),
    )


def _beyond(text: str, lang: str, low: Decimal, high: Decimal, prompts: Prompts) -> str | None:
    """ "Any vendor under $10 an hour?": a bound past the band's end, which the article never
    reaches; None for any other question."""
    match = _rate_in(text)  # "tarif per jam bisa sampai $80?"
    if match is None:  # "ada yang di atas $50 nggak?": a bound the size of an hourly rate
        bounds = [m for m in AMOUNT.finditer(text) if _bounded(text, m)]
        amount = _amount(bounds[0]) if len(bounds) == 1 else None
        match = bounds[0] if amount is not None and amount <= RATE_SIZED else None
    rate = _amount(match) if match is not None and _bounded(text, match) else None
    if match is None or rate is None:
        return None
    below = BELOW.search(text[max(0, match.start() - 20) : match.start()]) is not None
    if (below and rate > low) or (not below and rate < high):
        return None  # "always under $50?": inside the band
    money = {"rate": fmt_money(rate, lang), "low": fmt_money(low, lang)}
    position = prompts.text(lang, "quote_below" if below else "quote_above")
    return prompts.text(
        lang, "quote_beyond", position=position, **money, high=fmt_money(high, lang)
    )


def hours_sentence(
    text: str, lang: str, band: tuple[Decimal, Decimal], prompts: Prompts, idr_per_usd: Decimal
) -> str | None:
    """How many agent hours a sum the question names pays for at the ends of the band; None
    unless the question asks hours of a sum."""
    asked = HOURS_ASKED.search(text) and not (HOURLY.search(text) or RATE.search(text))
    stated = stated_sum(text) if asked else None  # "tarif per jam agen ... $80?" is a rate
    if stated is None:
        return None
    amount, currency = stated
    usd = amount / idr_per_usd if currency == "idr" else amount
    low, high = band
    if usd < high:
        return None  # less than an hour at the band's top is no budget of hours
    return prompts.text(
        lang,
        "budget_hours",
        budget=fmt_stated(usd, amount if currency == "idr" else None, lang),
        fewest=fmt_number(usd / high, lang, 0),
        most=fmt_number(usd / low, lang, 0),
        low=fmt_money(low, lang),
        high=fmt_money(high, lang),
    )
