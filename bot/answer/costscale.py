"""A cost follow-up that changes a number of the estimate before it by an amount ("add 2 more
agents") or by a multiple ("double the volume")."""

from __future__ import annotations

import re

# "double the volume", "halve the agents", "volumenya dua kali lipat", "agennya digandakan": a
# multiple of what the estimate had.
FACTORS = (
    (
        2,
        r"double|doubles|doubled|doubling|twice|2x|(?:dua|2) kali(?: lipat)?|digandakan|dilipatgandakan",
    ),
    (3, r"triple|triples|tripled|tripling|3x|(?:tiga|3) kali(?: lipat)?"),
    (0.5, r"halve|halves|halved|half|setengah(?:nya)?|separuh(?:nya)?|dibagi dua"),
)
WILL = (
    r"jadi|naik|is|are|goes|go|will|would|might|may|could|probably|likely|bakal|akan|mungkin|bisa"
)
SCALED = {
    "contacts_per_month": r"volume|tickets?|contacts?|calls?|emails?|chats?|kontak|tiket|panggilan"
    r"|volumenya|tiketnya|kontaknya",
    "agents": r"agents?|seats?|headcount|team|agen|agennya|kursi|tim|timnya",
}


# "tambahin 6 bulan lagi", "add 2 more agents", "kurangin 3 agen", "3 fewer agents": a change
# by so many, on top of what the estimate had.
RELATIVE_UNITS = {
    "months": r"bulan|months?",
    "agents": r"agen|agents?|orang|org|people|seats?|kursi",
}
MORE = r"tambah\w*|add|plus|extend(?:ed)?(?: it)?(?: by)?|another|\+"
LESS = r"kurang\w*|reduce(?:d)?(?: it)?(?: by)?|cut(?: it)?(?: by)?|minus|potong"


def relative(lowered: str, previous: dict) -> dict:
    """The field a follow-up changes by an amount ("tambahin 6 bulan lagi"), with its new
    value (which may be invalid: the estimator says so); else {}. `lowered` is normalised."""
    for field, units in RELATIVE_UNITS.items():
        if field not in previous:
            continue
        for sign, words in ((1, MORE), (-1, LESS)):
            before = rf"\b(?:{words})\s*(\d+)\s*(?:more\s+|lagi\s+)?(?:{units})\b"
            fewer = r"more|lagi" if sign > 0 else r"fewer|less|lebih sedikit"
            after = rf"\b(\d+)\s*(?:{fewer})\s+(?:{units})\b|\b(\d+)\s*(?:{units})\s+(?:{fewer})\b"
            if m := re.search(before, lowered) or re.search(after, lowered):
                amount = int(next(g for g in m.groups() if g))
                return {field: previous[field] + sign * amount}
    return {}


def scaled(lowered: str, previous: dict) -> dict:
    """The field a follow-up multiplies ("double the volume"), with its new value; else {}.
    `lowered` is normalised."""
    for field, nouns in SCALED.items():
        if field not in previous:
            continue
        for factor, words in FACTORS:
            near = rf"\b(?:{words})\b(?:\s+(?:the|our|jumlah))?\s+(?:{nouns})\b"
            # "volume will probably double", "volumenya bakal naik dua kali lipat"
            after = rf"\b(?:{nouns})\b(?:\s+(?:{WILL}))*\s+(?:{words})\b"
            if re.search(near, lowered) or re.search(after, lowered):
                return {field: max(1, round(previous[field] * factor))}
    return {}
