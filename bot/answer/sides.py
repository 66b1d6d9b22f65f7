"""Comparisons in a question and in the article: the two sides of "X vs Y", whether a sentence
compares them and which way it points, in-house set against outsourcing, and the places a
question carries a topic to. `Coverage` (bot/answer/coverage.py) reads them with these methods;
the lists are the `coverage` block of prompts/<lang>/analysis.yaml (bot/answer/terms.py)."""

from __future__ import annotations

import re

from bot.answer.direction import direction
from bot.answer.names import any_match
from bot.answer.terms import Terms
from bot.cost.normalize import normalize

# Money words that make "in-house or outsourced?" a question about cost.
MONEY = re.compile(
    r"\b(?:cheap\w*|expensive|costs?|costly|sav(?:e|es|ing|ings)|price\w*|murah\w*|mahal\w*|"
    r"hemat\w*|biaya\w*|harga\w*|ongkos\w*)\b"
)
OUTSOURCED = re.compile(r"\b(?:outsourc\w*|vendors?|providers?|penyedia|alih ?daya|bpo)\b")
# "is that really cheaper than keeping it in-house?": the outsourcing is the "that" of a follow-up
THAN_IN_HOUSE = re.compile(
    r"\bthan (?:keeping|doing|running|having|building|hiring)? ?(?:it|support|them|this|that|an?|our)?"
    r" ?(?:own )?(?:in-?house|internal|own team)\b"
    r"|\b(?:daripada|dibanding(?:kan)?|ketimbang|drpd) (?:pakai |punya |bikin |tim |cs )*"
    r"(?:in-?house|internal|sendiri)\b"
)
# "What's the difference between in-house and outsourcing?" weighs the same points ("what does
# outsourcing mean, compared to doing it in-house?" asks for a definition).
DIFFERENCE = re.compile(r"\b(?:differen\w*|vs\.?|versus|beda\w*|perbedaan)\b")
# What else than money an in-house vs outsourced comparison can be about ("which is more secure
# for customer data?"): the article's passages on that, not its savings.
OTHER_ASPECT = re.compile(
    r"\b(?:secur\w*|safe\w*|privacy|privasi|aman\w*|keamanan|quality|kualitas|cultur\w*|budaya"
    r"|languages?|bahasa|control|kontrol|flexib\w*|fleksib\w*|scal\w*)\b"
)
SIDE_WORDS = 3  # content words nearest the separator that name a side of a comparison
# What a comparing sentence puts first and second: "A may be cheaper than B".
THAN = re.compile(r"\s+(?:than|dibanding(?:kan)?(?: dengan)?|daripada|dari|dr)\s+")


class Sides:
    """What a question compares; `terms` are both languages' coverage lists."""

    terms: Terms

    def offers_both_sides(self, question: str) -> bool:
        """ "dlm negeri ato luar?": the question names a domestic and an offshore provider, both
        of which the article compares."""
        lowered = normalize(question)  # "dlm negri" is "dalam negeri"
        lowered = re.sub(r"\b(atau|ato|or|apa)\s+luar\b(?! negeri)", r"\1 luar negeri", lowered)
        groups = self.terms.places_kinds
        return len(groups) >= 2 and all(any(mentions(lowered, w) for w in g) for g in groups)

    def sides(self, question: str) -> tuple[set[str], set[str]] | None:
        """The two sides of "X vs Y" / "X atau Y", as their content words; None when there are
        not two, or when one side is outsourcing itself or the in-house team."""
        lowered = " ".join(re.sub(r"[?!.,;:()—–]", " ", question.lower()).split())
        for separator in self.terms.separators:
            parts = separator.split(lowered, maxsplit=1)
            if len(parts) != 2:
                continue
            left, right = self._content(parts[0]), self._content(parts[1])
            if not left or not right:
                return None
            # The words nearest the separator name each side ("... biaya setup vs biaya ...").
            pair = (set(left[-SIDE_WORDS:]), set(right[:SIDE_WORDS]))
            if self.terms.in_house & {*left, *right} or any(s & self.terms.generic for s in pair):
                return None
            return pair
        return None

    def _content(self, text: str) -> list[str]:
        """Words of a side that can name it: not fillers, not numbers, three letters or more."""
        words = (w for w in text.split() if w not in self.terms.fillers)
        return [w for w in words if len(w) >= 3 and w.replace("-", "").isalpha()]

    def elsewhere(self, question: str, topic: str) -> str | None:
        """ "Is that also true offshore?" after an answer about data security: the place the
        question carries the topic to, when the topic's own text never names it; else None."""
        lowered = question.lower()
        if not any_match(self.terms.holds_there, lowered):
            return None
        topic = topic.lower()
        for group in self.terms.places_kinds:
            named = next((w for w in group if mentions(lowered, w)), None)
            if named and not any(mentions(topic, w) for w in group):
                return named
        return None

    def weighs_in_house(self, question: str) -> bool:
        """'Is outsourcing cheaper than our in-house team?', 'what's the difference between
        in-house and outsourcing?': the article's savings and hidden costs, and the estimator
        for the user's own figures."""
        lowered = question.lower()
        if not self.against_in_house(question):
            return False
        if MONEY.search(lowered) is not None:
            return True
        return DIFFERENCE.search(lowered) is not None and OTHER_ASPECT.search(lowered) is None

    def doubts_savings(self, question: str) -> bool:
        """'Isn't outsourcing actually more expensive?': a claim about outsourcing's own cost,
        weighed like in-house against outsourced (the savings, the hidden costs)."""
        return any_match(self.terms.doubts_savings, question.lower())

    def weighs_other_aspect(self, question: str) -> bool:
        """'In-house vs outsourced: which keeps data safer?': a comparison the article never
        makes, of something other than money."""
        lowered = question.lower()
        return (
            self.against_in_house(question)
            and not MONEY.search(lowered)
            and bool(OTHER_ASPECT.search(lowered))
        )

    def prefers(self, question: str) -> bool:
        """Whether a question asks which of two is better ("better in-house or outsourced?")."""
        return any_match(self.terms.preference, question.lower())

    def against_in_house(self, question: str) -> bool:
        """Whether a question sets the in-house team against outsourcing."""
        lowered = question.lower()
        words = set(re.findall(r"[\w-]+", lowered))
        if THAN_IN_HOUSE.search(lowered):
            return True
        return bool(words & self.terms.in_house) and OUTSOURCED.search(lowered) is not None

    def asks_both_sides(self, question: str) -> bool:
        """'Pros and cons?', 'plus minus?': the benefits and the challenges, together."""
        return any_match(self.terms.pros_and_cons, question.lower())

    def ranks(self, cited: str, across: bool = False) -> bool:
        """The cited text ranks or compares ("lower labour costs than ..."), so it may answer;
        `across` its points, only a superlative does (each factor compares within itself)."""
        if across:
            return any_match(self.terms.superlative, cited)
        return any_match(self.terms.superlative, cited) or any_match(self.terms.comparative, cited)

    def compares(self, sentence: str, sides: tuple[set[str], set[str]]) -> bool:
        """True when the sentence compares and names both sides."""
        lowered = sentence.lower()
        if not any_match(self.terms.comparative, lowered):
            return False
        # "Regular agents vs specialists": the ordinary side is the one the sentence leaves out.
        return all(
            side & self.terms.baseline
            or any(mentions(lowered, s) for w in side for s in self.terms.synonyms.get(w, {w}))
            for side in sides
        )

    def same_way(self, question: str, sentence: str) -> bool | None:
        """Whether a comparing sentence points the way the question asks ("is A cheaper than
        B?" against "B may be cheaper than A": False); None when it cannot tell."""
        sides, parts = self.sides(question), THAN.split(sentence.lower(), maxsplit=1)
        asked, said = direction(question), direction(sentence)
        if sides is None or len(parts) != 2 or asked is None or said is None:
            return None
        left, right = sides[0] - sides[1], sides[1] - sides[0]  # "luar negeri" / "dalam negeri"
        first, second = self._side_in(left, parts), self._side_in(right, parts)
        if first is None and second is None:
            return None
        swapped = first == 1 or second == 0
        return (asked == said) != swapped

    def _side_in(self, side: set[str], parts: list[str]) -> int | None:
        """Which part of a comparing sentence names a side (its words, their synonyms, or a
        word for the ordinary option when the side is one); None when neither or both do."""
        words = {s for w in side for s in self.terms.synonyms.get(w, {w})}
        if side & self.terms.baseline:
            words |= self.terms.baseline
        named = [any(mentions(part, w) for w in words) for part in parts]
        return named.index(True) if named.count(True) == 1 else None


def mentions(text: str, word: str) -> bool:
    """The word, or a word starting with its first five letters (offshore ~ offshoring)."""
    stem = re.escape(word[:5] if len(word) > 5 else word)
    return re.search(rf"\b{stem}", text) is not None
