"""A message with two asks: one for a price and one for knowledge ("Need a ballpark: 15 agents,
offshore, 24/7. Also, why is offshore cheaper anyway?", "Kenapa multibahasa lebih mahal?
Sekalian hitung buat 6 agen ..."), or two questions ("ballpark hourly rate?? and why are offshore
shops cheaper"): each part is answered (the second question as a follow-up of the first) and the
answers are joined, in the message's order, with one list of sources."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from bot.answer.costturn import SIZING, WHAT_IF
from bot.cost.parse import QUANTITY_FIELDS
from bot.types import Answer, Message

# Where one ask ends and the next begins: after a sentence's end, or at a comma that opens a
# question of its own ("..., and why is offshore cheaper?", "..., terus kenapa lebih murah?").
BOUNDARY = re.compile(
    r"(?<=[?.!])\s+"
    r"|,\s*(?=(?:and|also|plus|dan|terus|trus|lalu|sekalian|juga)\s+(?:also\s+)?"
    r"(?:why|how|what|which|is|are|does|do|can|kenapa|mengapa|gimana|bagaimana|apa|apakah)\b)",
    re.IGNORECASE,
)
QUESTION_START = re.compile(
    r"^\W*(?:(?:and|also|plus|so|dan|terus|trus|lalu|sekalian|juga|oh|btw|by the way),?\s+)*"
    r"(?:why|how|what|which|where|when|who|is|are|does|do|can|could|should|kenapa|mengapa"
    r"|gimana|bagaimana|apa|apakah|apa aja|apa saja|kapan|di mana|siapa|bisa|emang)\b",
    re.IGNORECASE,
)
CONNECTED = re.compile(
    r"^\W*(?:and|also|plus|dan|terus|trus|trs|lalu|sekalian|juga|btw|by the way|if so|if yes"
    r"|(?:kalau|kalo|klo) (?:iya|ya))\b",
    re.IGNORECASE,
)
WH_START = re.compile(
    r"^\W*(?:(?:and|also|plus|so|dan|terus|trus|lalu|sekalian|juga|btw),?\s+)*(?:why|how|what|which"
    r"|where|when|who|kenapa|mengapa|knp|gimana|bagaimana|apa|kapan|siapa|di ?mana)\b",
    re.IGNORECASE,
)
CITE = re.compile(r"\[(\d+)\]")
# Words that ask for a price to be worked out, beside the analyzer's price patterns
PRICE_REQUEST = re.compile(
    r"\b(?:ballpark|estimate|estimasi|perkiraan|hitung\w*|itung\w*|quote|run (?:us|me)"
    r"|set (?:us|me) back|what(?:'s| is| would be) the (?:damage|total|bill))\b"
)
# An ask that weighs a decision with the numbers told beside it: never split from them
WEIGHED = frozenset({"decision"})
WORD = re.compile(r"\w+")
FIRST_WORDS = 3  # a first question shorter than this ("Really?", "Kenapa?") is no ask of its own


class TwoAsks:
    """Finds the two asks of a message: `cost` parses quantities, `price` are the analyzer's
    patterns of a price asked (both languages)."""

    def __init__(self, cost: Any, price: list[re.Pattern[str]]) -> None:
        self.cost = cost
        self.price = price

    def split(self, text: str) -> tuple[str, str, bool] | None:
        """The message as (first ask, second ask, whether the second follows on the first):
        one side asks a price of a team it sizes and the other is a question of its own that
        asks no price; or two questions that ask no price ("Are there hidden costs? If so,
        which ones bite hardest?"), the second read as a follow-up of the first; else None."""
        pieces = [p for p in BOUNDARY.split(text.strip()) if p and p.strip()]
        if len(pieces) < 2:
            return None
        fields = cache(lambda part: self.cost.parse_fields(part).keys())  # each part read once
        # the question is the last piece (the price asked before it) or the first one
        for cut, cost_first in ((len(pieces) - 1, True), (1, False)):
            first, second = " ".join(pieces[:cut]).strip(), " ".join(pieces[cut:]).strip()
            priced, asked = (first, second) if cost_first else (second, first)
            if is_question(asked) and self._asks(asked, fields) and self._prices(priced, fields):
                return first, second, False
        *before, last_asked, second = pieces
        # a second question of its own opens with "and", "terus", "if so" ...; without one it
        # narrows the first ("penghematannya dari mana? kenapa begitu?"), answered as one
        if not (is_question(second) and is_question(last_asked) and CONNECTED.match(second)):
            return None
        if len(WORD.findall(last_asked)) < FIRST_WORDS:
            return None  # "Why? ...": one ask said twice
        first = " ".join([*before, last_asked]).strip()
        # no estimate on either side ("... 5 agents? And with 24/7?" changes one estimate; "and
        # why are offshore shops cheaper?" asks why)
        said = fields(second)
        if QUANTITY_FIELDS & said or (said and not WH_START.match(second)):
            return None
        if WHAT_IF.search(second.lower()) or self._prices(first, fields) or self._price(second):
            return None  # "How many agents do 5 seats give us, and what does it cost?": one ask
        if QUANTITY_FIELDS & fields(first):
            return None  # the numbers told are the estimate's, whichever part asks it
        return first, second, True

    def _price(self, part: str) -> bool:
        return any(p.search(part.lower()) for p in self.price)

    def _prices(self, part: str, fields: Callable[[str], Any]) -> bool:
        """A team sized and its price asked ("Our 8 agents cost us Rp 75 juta." asks none)."""
        asked = PRICE_REQUEST.search(part.lower()) or (is_question(part) and self._price(part))
        return bool(asked) and bool(SIZING & fields(part))

    def _asks(self, part: str, fields: Callable[[str], Any]) -> bool:
        """No quantity, no price ("why is offshore cheaper?"), no change of what was priced
        ("What if we moved them offshore?")."""
        changes = WHAT_IF.search(part.lower())
        return not self._price(part) and not QUANTITY_FIELDS & fields(part) and not changes


def both_answered(
    run: Callable[[dict], Answer],
    text: str,
    history: list,
    lang: str,
    parts: tuple,
    unstated: str = "",
) -> Answer | None:
    """Each ask answered by `run` (the chain), the second with the first before it when it
    follows on it ("Are there hidden costs? If so, which ones ...?"), and the two joined;
    `unstated` is the phrase that opens an answer the article cannot give."""
    first, second, follows = parts
    one = run({"question": first, "history": history, "lang": lang})
    told = [Message("user", first), Message.of(one)] if follows else []
    other = run({"question": second, "history": [*history, *told], "lang": lang})
    return combined([one, other], text, follows, unstated)


def combined(
    answers: list[Answer], question: str, follows: bool = False, unstated: str = ""
) -> Answer | None:
    """The two answers as one; None when a part of a price and a question weighs a decision
    with the numbers told beside it ("We spend $20k on 6 agents. Worth it?"), which the whole
    message answers; a part out of scope ("... Also, a good sourdough recipe?") leaves the
    other alone."""
    if not follows and any(a.ask_type in WEIGHED for a in answers):
        return None
    if follows and any(a.refused for a in answers):
        return None  # "Should we outsource our SEO, and what ROI can we expect?": the whole
    if any(a.refused for a in answers):
        return next((a for a in answers if not a.refused), answers[0])
    first, second = answers
    if unstated and second.body.startswith(unstated) and not first.body.startswith(unstated):
        if not first.tool_calls and second.ask_type not in WEIGHED:  # "... worth it?" weighs
            return unstated_first(first, second, question)
    return joined(first, second, question)


def unstated_first(first: Answer, second: Answer, question: str) -> Answer:
    """ "What are the hidden costs, and how long does onboarding take?": what the article does
    not say comes first, then the first ask's answer, then what the second's related passages
    add (nothing when the first answer cites them already)."""
    opening, _, rest = second.body.partition("\n\n")
    if {s.id for s in second.sources} <= {s.id for s in first.sources}:
        rest = ""
    tail = replace(second, body=rest) if rest else replace(second, body="", sources=[])
    both = joined(first, tail, question)
    return replace(both, body=f"{opening}\n\n{both.body}".rstrip())


def is_question(text: str) -> bool:
    """Whether a part asks (a question mark, or a question word first)."""
    return text.rstrip().endswith("?") or bool(QUESTION_START.match(text))


def joined(first: Answer, second: Answer, question: str) -> Answer:
    """One answer: the first's body, then the second's, its [n] markers renumbered into one
    list of sources; the ask type is the first's, the estimate, its details, the route and
    the cost state are the priced part's."""
    sources = list(first.sources)
    numbers: dict[int, int] = {}
    for n, source in enumerate(second.sources, start=1):
        same = next((i for i, s in enumerate(sources, 1) if s.id == source.id), None)
        if same is None:
            sources.append(source)
            same = len(sources)
        numbers[n] = same
    body = CITE.sub(lambda m: f"[{numbers.get(int(m.group(1)), int(m.group(1)))}]", second.body)
    priced = first if first.tool_calls else second
    timings = {k: first.timings_ms.get(k, 0) + second.timings_ms.get(k, 0)
               for k in {*first.timings_ms, *second.timings_ms}}  # fmt: skip
    return replace(
        first,
        question=question,
        route=priced.route,
        body=f"{first.body}\n\n{body}",
        sources=sources,
        tool_calls=priced.tool_calls,
        timings_ms=timings,
        details=priced.details,
        cost_state=priced.cost_state,
    )
