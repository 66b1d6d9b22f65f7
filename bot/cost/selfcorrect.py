"""A request that corrects itself in the same message: "5 agen, eh bukan, 7 agen deh", "skilled,
no wait, specialist", "volume 5.000 sebulan, eh 6.000 ding". What comes after the correction word
changes what came before it, as a follow-up to an estimate of the first part would; a bare number
after it takes the place of the last number before it."""

from __future__ import annotations

import re

from bot.cost.vocabulary import LANG_ID

# The word that takes back what was just said, after something was said (never at the start).
CORRECTION = re.compile(
    r"(?<=\S)[\s,.;:!(-]+(?:"
    r"eh\b|ralat\b|koreksi\b(?!\s*:)|salah ketik\b|maksud (?:saya|aku|ku|gue|gw|kami|kita)\b"
    r"|maksud(?:nya|ku|ne)\b"
    # "about 5 minutes. Actually, closer to 6": "actually" before the value that replaces it
    r"|actually,?(?= (?:closer to|more like|nearer|make (?:it|that)|it'?s|it is)\b)"
    r"|no,? wait\b|wait,? no\b|(?:sorry|oops),?(?: i mean\w*)?\b|i mean(?:t)?\b|scratch that\b"
    r"|or rather\b|make that\b|correction\b"
    r")"
)
# "was leaning offshore but let's make it domestic", "I wanted 24/7 but extended hours is plenty":
# a value the user had in mind, then the one they want (the split is at "but")
HAD_IN_MIND = re.compile(
    r"\b(?:was|were|i'd|we'd|i wanted|we wanted|i said|had said|originally|initially|at first)\b"
    r"[^.;!?]*?\s(?=but\b)"
)
# A bare number just after the correction word: "eh 6000 ding", "eh bukan, 7", "sorry, 12"
BARE = re.compile(
    r"^\W*(?:(?:bukan|nggak|ngga|gak|ga|enggak|salah|no|not|but|make it|jadi|jadinya|let's say"
    r"|closer to|more like|nearer|it'?s|it is|lebih ke|sekitar)\W+)*(\d+(?:\.\d+)?)\s*"
    r"(?:(?:ding|deh|aja|saja|ya|dong|lah|then|instead)\b)?\s*(?:[,.;!?)]|$)"
)
# An Indonesian language name without "bahasa" ("eh sama Jepang juga"), after languages were listed
_NAMES = re.compile(rf"(?<!bahasa )\b({'|'.join(sorted(LANG_ID, key=len, reverse=True))})\b")
NOT_THIS = re.compile(r"\s(?:bukan|not)\s+$")
NUMBER = re.compile(r"(?<![\w./])\d+(?:\.\d+)?(?![\w./])")


def split_correction(plain: str) -> tuple[str, str] | None:
    """(what was said, the correction) of a normalised text, or None when it corrects nothing;
    a bare number in the correction is written into the last number of what was said."""
    if match := CORRECTION.search(plain):
        before, after = plain[: match.start()], plain[match.end() :]
    elif match := HAD_IN_MIND.search(plain):  # what was in mind stays before the "but"
        before, after = plain[: match.end()], plain[match.end() :]
    else:
        return None
    bare = BARE.match(after)
    if bare is not None:
        numbers = list(NUMBER.finditer(before))
        if numbers:
            last = numbers[-1]
            # "jumlah agen bukan 15, maksud kami 12": the number denied is the one replaced
            said = NOT_THIS.sub(" ", before[: last.start()])
            before = f"{said}{bare.group(1)}{before[last.end() :]}"
            after = after[bare.end() :]
    return before, after


def as_languages(after: str) -> str:
    """The correction with every bare language name read as a language: after "bahasa Inggris
    aja", the "Jepang" of "eh sama Jepang juga deh" is Japanese, not Japan."""
    return _NAMES.sub(r"bahasa \1", after)
