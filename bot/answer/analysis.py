"""Question analysis: what kind of answer a question asks for (yes/no, why, how long, ...), and
whether it asks for a price. Deterministic: the phrase lists are data, per language, in
prompts/<lang>/analysis.yaml; both languages' lists are tried, since questions mix them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from bot.answer.asktype import BROAD, AskModel
from bot.lang import LANGS
from bot.prompts import PromptError
from bot.yamlio import read_yaml

if TYPE_CHECKING:
    import numpy as np

# Ask types the analysis can give; the chain adds cost_estimate and out_of_scope itself.
ASK_TYPES = (
    "decision comparison why duration place summary how_to yes_no quantity definition list".split()
)
DEFAULT = "list"  # no phrase matched: the answer lists what the passage says
# Rule results that a sure sentence form overrides ("Apakah ... termasuk ...?" is no definition).
WEAK = BROAD | {"definition", "summary"}


# A follow-up that only names a new subject: "and for 24/7?", "kalau yang offshore?", "what about
# email?" (a few words after the cue, no question word of its own).
ELLIPSIS = re.compile(
    r"^(?:and|what about|how about|then|kalau|kalo|klo|terus|trus|lalu|dan|gimana dengan|bagaimana"
    r" dengan)(?: for| untuk| buat| yang| yg| the)?(?: (?!(?:what|why|how|which|apa|kenapa|mengapa"
    r"|berapa|brp|gimana|gmn|bagaimana|siapa|kapan|mana)\b)[\w/-]+){1,3}\W*$"
)
CARRIED = frozenset({"quantity"})  # "how much ...? and for X?" (other asks name a new list)
# The question's own forms that ask the article, after the sentences that tell about the asker.
TOLD = ("why", "definition", "how_to")
# ... or asks what drives a price, or one of the article's lists by name ("Manfaatnya apa aja?",
# "what are the data risks?").
DRIVERS = re.compile(
    r"\b(?:influences?|affects?|determines?|drives?|goes into|mempengaruhi|memengaruhi|menentukan"
    r"|ditentukan|dipengaruhi|faktor\w*|factors?)\b"
)
LISTS = re.compile(  # unless the question asks a price too ("the costs and benefits for us?")
    r"\b(?:benefits?|advantages?|manfaat\w*|keuntungan\w*|kelebihan\w*|risks?|risiko\w*"
    r"|challenges?|tantangan\w*|downsides?|kekurangan\w*|best practices?|praktik terbaik)\b"
)
# A decision asked in its own words ("Sebaiknya ambil vendor termurah aja kan?"): no claim
SHOULD = re.compile(r"\b(?:sebaiknya|mending|should|worth(?! of\b)|layak)\b")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?]['\"”’])\s+")  # after a closing quote too
# A full stop that ends an abbreviation ends no sentence ("UU No. 27/2022", "e.g. chat").
ABBREVIATION = re.compile(
    r"(?:^|\s|\()(?:no|nr|nomor|e\.g|i\.e|vs|etc|dll|dsb|dst|approx|ca|mr|mrs|dr|pt|rp|jl|tbk)\.$",
    re.I,
)


def sentences(text: str) -> list[str]:
    """The text's sentences (a closing quote may follow the stop; an abbreviation ends none)."""
    out: list[str] = []
    for part in SENTENCE_END.split(text):
        if out and ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def asked_sentences(text: str) -> list[str]:
    """The text's sentences that end with a question mark."""
    return [s for s in sentences(text) if s.rstrip().endswith("?")]


def names_own_list(text: str) -> bool:
    """After a story, the question itself names one of the article's lists or asks what drives
    a price ("... 40 agen in-house. Faktor apa aja yang bikin biaya naik turun?")."""
    asked = question_sentence(text).lower()
    return bool(DRIVERS.search(asked) or LISTS.search(asked))


def question_sentence(text: str) -> str:
    """The last sentence that ends with a question mark, or the whole text without one."""
    asked = asked_sentences(text)
    return asked[-1] if asked else text


# Words by which a question points back at what its background named ("their track record");
# anchor.py's POINTS_BACK, for the last answer's topic, is a different list on purpose.
# An "it" that stands for no earlier thing ("does it make sense to outsource?", "is it worth
# it?", "or keep it in-house?") points at nothing.
BACKGROUND_REFERENCE = re.compile(
    r"\b(they|them|their|(?<!keep )(?<!do )it(?! (?:makes?|really makes?|worth|pays?) )|its|that"
    r"|those|mereka|itu|tersebut|tsb|ini|nya)\b",
    re.IGNORECASE,
)

# "Benar begitu?", "True?", "Is she right?": a short question that asks about the claim before it
CONFIRM_TAG = re.compile(
    r"\b(?:begitu|gitu|demikian|benar|bener|betul|iya|true|right|correct|realistic|accurate)\b",
    re.I,
)
TAG_WORDS = 4
# "my boss wants to know whether ...", "atasan saya nanya ...": a question passed on
INDIRECT = re.compile(
    r"\b(?:pengen tau|pengen tahu|ingin tahu|ingin tau|mau tau|mau tahu|nanya(?:in)?|bertanya"
    r"|menanyakan|wants? to know|wondering|asks? (?:whether|if|what|which|how|why)"
    r"|asked (?:me |us )?(?:whether|if|what|which|how|why))\b",
    re.I,
)
# "Sorry if it's basic, but ...": an apology's "it" points back at nothing the story said
APOLOGY = re.compile(
    r"^\W*(?:sorry|maaf|apologies|excuse me|forgive me)\b[^,?]*,\s*(?:but |tapi )?", re.I
)


def without_background(text: str) -> str:
    """The text from its first sentence that ends with a question mark: the sentences before
    it tell about the asker ("We're a travel agency; our pilgrims call from Saudi."), unless
    the question points back at them ("Apakah rekam jejak mereka bagus?")."""
    parts = sentences(text)
    first = next((i for i, s in enumerate(parts) if s.rstrip().endswith("?")), 0)
    # "Direktur kami pengen tau vendor mana yg paling bagus. Ada rekomendasi?": a question told
    first = next((i for i, s in enumerate(parts[:first]) if INDIRECT.search(s)), first)
    if BACKGROUND_REFERENCE.search(APOLOGY.sub("", parts[first])):
        return text
    if len(parts[first].split()) <= TAG_WORDS and CONFIRM_TAG.search(parts[first]):
        return text  # "Konsultan bilang 24/7 bikin harga 2x lipat. Benar begitu?": the claim asked
    return " ".join(parts[first:])


def up_to_question(text: str) -> str:
    """The text up to its last sentence that ends with a question mark (the whole text when
    none does)."""
    parts = sentences(text)
    last = max((i for i, s in enumerate(parts) if s.rstrip().endswith("?")), default=len(parts))
    return " ".join(parts[: last + 1])


# A name in the middle of a sentence ("what about Mexico specifically?", "Manila or Cebu?"): a
# place guessed by the model stands on it, whatever the place words.
PROPER_NOUN = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}")


@dataclass(frozen=True)
class Ask:
    type: str
    price: bool  # the question asks for a price or a cost
    form: str = ""  # the phrase rules' own type, before the model decided on a broad form
    background: bool = False  # sentences about the asker come before the question itself


class Analyzer:
    """The ask-type and price patterns of both languages, compiled once."""

    def __init__(self, prompts_dir: Path, model: AskModel | None = None) -> None:
        self.model = model  # decides where the rules only give a broad form (bot.answer.asktype)
        order: list[str] | None = None
        self.patterns: dict[str, list[re.Pattern[str]]] = {t: [] for t in ASK_TYPES}
        self.price: list[re.Pattern[str]] = []
        self.known: set[str] = set()  # abbreviations readers use (CS, KPI): no unknown names
        places: set[str] = set()  # countries and cities: a place guess stands on one
        # Phrases that rule an ask type out ("the article's conclusion" is no summary request).
        self.excluded: dict[str, list[re.Pattern[str]]] = {t: [] for t in ASK_TYPES}
        self.sure: dict[str, list[re.Pattern[str]]] = {t: [] for t in ASK_TYPES}
        self.alternatives: list[re.Pattern[str]] = []  # "... or ...?": a real comparison
        self.asked_yes_no: list[re.Pattern[str]] = []  # a last question that opens as a yes/no
        self.confirm: list[re.Pattern[str]] = []  # a claim put up to be confirmed ("..., right?")
        # Per language: sentence forms a model's guess of a type needs ("hidden costs of going
        # BPO?" has no yes/no form in English, whatever the model says).
        self.forms: dict[str, dict[str, list[re.Pattern[str]]]] = {}
        for lang in LANGS:
            path = prompts_dir / lang / "analysis.yaml"
            try:
                data = read_yaml(path)
                if order is not None and data["order"] != order:
                    raise PromptError(f"{path}: 'order' differs from the other language's")
                order = data["order"]
                if sorted(order) != sorted(ASK_TYPES) or set(data["ask_types"]) != set(ASK_TYPES):
                    raise PromptError(f"{path}: 'order' and 'ask_types' must name {ASK_TYPES}")
                for ask_type, phrases in data["ask_types"].items():
                    self.patterns[ask_type] += [re.compile(p) for p in phrases]
                self.price += [re.compile(p) for p in data["price"]]
                self.known |= {str(t).lower() for t in data.get("known_terms", ())}
                places |= {str(p).lower() for p in (data.get("coverage") or {}).get("places") or ()}
                for ask_type, phrases in (data.get("exclude") or {}).items():
                    self.excluded[ask_type] += [re.compile(p) for p in phrases]
                self.alternatives += [re.compile(p) for p in data.get("alternatives") or ()]
                self.asked_yes_no += [re.compile(p) for p in data.get("asked_yes_no") or ()]
                self.confirm += [re.compile(p) for p in data.get("confirm") or ()]
                for ask_type, phrases in (data.get("sure") or {}).items():
                    self.sure[ask_type] += [re.compile(p) for p in phrases]
                forms = (data.get("forms") or {}).items()
                self.forms[lang] = {t: [re.compile(p) for p in phrases] for t, phrases in forms}
            except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
                raise PromptError(f"{path}: cannot read the question analysis ({exc})") from exc
        self.order = tuple(order or ASK_TYPES)
        words = "|".join(re.escape(p) for p in sorted(places))
        self.places = re.compile(rf"\b(?:{words})\b") if words else None

    def analyze(
        self, text: str, vector: list[float] | np.ndarray | None = None, lang: str = ""
    ) -> Ask:
        """The first ask type in order whose phrases match (the model's, given the question's
        vector, when that is only a broad form), and whether a price is asked."""
        lowered = " ".join(text.lower().split())
        price = any(p.search(lowered) for p in self.price)
        # "We're a fintech with 15 agents. Does 24/7 push the bill up?": after the background,
        # a last question that opens as a yes/no asks yes or no
        questions = asked_sentences(lowered)
        asked = questions[-1] if questions else lowered  # question_sentence, split once
        told = asked != lowered
        # ... unless an earlier question asks something else ("mending outsource atau tetep
        # inhouse? ada batas minimal gak?" asks to decide first)
        alone = told and len(questions) == 1
        # "offshore is always cheaper, right?": a claim put up to be confirmed, the one question
        confirmed = len(questions) <= 1 and any(p.search(asked) for p in self.confirm)
        decides = alone and self._is("decision", asked)  # "is in-house better than ...?"
        if alone and not decides and any(p.search(asked) for p in self.asked_yes_no):
            return Ask("yes_no", price, "yes_no", background=True)
        # "Tim CS 4 orang, habis Rp 40 juta. Harga vendor ditentukan oleh apa aja?": after the
        # story, a question whose own words ask why, how, what it means or what drives a price
        if told:  # read only when there is a story: most questions have none
            listed = LISTS.search(asked) and not any(p.search(asked) for p in self.price)
            told = any(self._is(t, asked) for t in TOLD) or bool(DRIVERS.search(asked) or listed)
        kind = next((t for t in self.order if self._is(t, lowered)), DEFAULT)
        if confirmed and not (kind == "decision" and SHOULD.search(asked)):
            # "... cheaper than domestic, right?" stays a comparison asked as a yes/no
            return Ask("yes_no", price, "comparison" if kind == "comparison" else "yes_no", told)
        if kind in WEAK and (sure := self._sure(lowered)):
            return Ask(sure, price, sure, told)
        if (
            kind == "comparison"
            and (self._is("yes_no", lowered) or self._sure(lowered) == "yes_no")
            and not self._offers_choice(lowered)
        ):
            return Ask("yes_no", price, "comparison", told)  # "is offshore cheaper than domestic?"
        form = kind
        if kind in BROAD and self.model is not None and vector is not None:
            guess = self.model.predict(vector, text)
            if any(p.search(lowered) for p in self.excluded.get(guess, ())):
                guess = kind  # the phrases rule it out ("where does ..." is no yes/no)
            needed = self.forms.get(lang, {}).get(guess)
            if (
                needed
                and not any(p.search(lowered) for p in needed)
                and not self._names(guess, text)
            ):
                guess = kind if kind != guess else DEFAULT  # not in that type's sentence form
            # A price question is a decision only by its own words ("worth it"), never a guess.
            kind = kind if guess == "decision" and price else guess
        return Ask(kind, price, form, told)

    def carried(self, ask: Ask, text: str, before: str, lang: str) -> Ask:
        """ "and for 24/7?" after "how much extra for multilingual?": an elliptical follow-up
        that no phrase types asks what the question before it asked, of its new subject."""
        if ask.form != DEFAULT or not ELLIPSIS.match(" ".join(text.lower().split())):
            return ask
        earlier = self.analyze(before, None, lang)
        if earlier.type in CARRIED:
            return Ask(earlier.type, ask.price, earlier.form, ask.background)
        if ask.type == "yes_no" and earlier.type != "yes_no":
            # "kalau lokasi?" after the cost factors names the next subject; no yes or no
            return Ask(DEFAULT, ask.price, ask.form, ask.background)
        return ask

    def _names(self, guess: str, text: str) -> bool:
        """A place guessed by the model stands on a name ("what about Mexico?") or a place."""
        if guess != "place":
            return False
        named = self.places is not None and self.places.search(text.lower()) is not None
        return bool(PROPER_NOUN.search(text.strip())) or named

    def _offers_choice(self, text: str) -> bool:
        return any(p.search(text) for p in self.alternatives)

    def _sure(self, text: str) -> str | None:
        return next((t for t, pats in self.sure.items() if any(p.search(text) for p in pats)), None)

    def _is(self, ask_type: str, text: str) -> bool:
        if not any(p.search(text) for p in self.patterns[ask_type]):
            return False
        return not any(p.search(text) for p in self.excluded[ask_type])
