"""Which way of the cost a text speaks: dearer ("may add extra cost") or cheaper ("lower labour
costs"); a why-question and a comparing sentence are matched on it."""

from __future__ import annotations

import re

DEARER = re.compile(
    r"\b(?:expensive|costly|pricey|pricier|costlier|dearer|higher|extra|additional|premium|more|mahal\w*|naik|"
    r"tambahan|lebih tinggi|membengkak)\b",
    re.I,
)
CHEAPER = re.compile(
    r"\b(?:cheap\w*|lower|sav(?:e|es|ing|ings)|less|murah\w*|(?:meng)?hemat\w*|lebih rendah|"
    r"penghematan)\b",
    re.I,
)


def direction(text: str) -> str | None:
    """'dearer' or 'cheaper' when a text speaks of one way of the cost only."""
    dearer, cheaper = DEARER.search(text), CHEAPER.search(text)
    if bool(dearer) == bool(cheaper):
        return None
    return "dearer" if dearer else "cheaper"
