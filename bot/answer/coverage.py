"""What the article cannot answer: the `not_covered_*` first sentence of prompts/<lang>/messages.yaml.

An ask opens with "The article does not say ..." when it needs something the cited passages do
not state: a duration, a country or provider, a figure (a percentage, a price per ticket), a name
or a subject the article never mentions, or a comparison no sentence of the article makes. The
term lists are data, in the `coverage` block of prompts/<lang>/analysis.yaml; both languages'
lists are tried, since questions mix them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from bot.answer.analysis import Ask, question_sentence, up_to_question, without_background
from bot.answer.figures_asked import (
    COUNT_ASK,
    COUNT_STEM,
    EXACT,
    FIGURE,
    HOW_MUCH_MORE,
    IN_THE_RANGE,
    LATER_NUMBER,
    MULTIPLE,
    NUMBER_ASK,
    PERCENT_ASK,
    PRICE_WORD,
    RATE,
    TARGET_ASK,
)
from bot.answer.names import NAMES_ASKED, absent_subjects, any_match, never_named, unknown_names
from bot.answer.sides import Sides
from bot.answer.terms import Terms
from bot.cost.languages import LANGUAGE_ONLY
from bot.cost.vocabulary import LANG_EN
from bot.prompts import Prompts

DURATION = re.compile(
    r"\b\d+\s*(?:hari|minggu|bulan|tahun|days?|weeks?|months?|years?)\b|\b(?:sehari|seminggu|"
    r"sebulan|setahun)\b"
)
# A yes/no bound to a time span ("scale up within a week?", "siap dalam waktu 2 minggu?").
TIME_SPAN = re.compile(
    r"\bwithin (?:a|an|one|two|three|four|\d+|a few|a couple of) (?:days?|weeks?|months?)\b"
    r"|\bdalam waktu (?:se|satu |dua |tiga |beberapa |\d+ ?)(?:hari|minggu|bulan)\b"
    # a claim of how long it takes ("onboarding takes about 3 months, right?")
    r"|\btakes? (?:about |around |roughly |only |just )?(?:a|an|one|two|three|four|six|\d+|a few"
    r"|a couple of) (?:days?|weeks?|months?|years?)\b|\b(?:butuh|makan|memakan|perlu) (?:waktu )?"
    r"(?:sekitar |kira kira |cuma |hanya )?(?:se|satu |dua |tiga |beberapa |\d+ ?)(?:hari|minggu|bulan|tahun)\b"
)
# A place ask that wants a country or a provider named, not "where is labour cheaper?".
PLACE_ASK = re.compile(
    r"\b(?:countr(?:y|ies)|negara(?:nya)?|vendors?|providers?|penyedia|compan(?:y|ies)|perusahaan|bpo|"
    r"cit(?:y|ies)|kota|names?|nama(?:nya)?|short-? ?list|firms?|brands?|merek)\b"
)
CONTRACT = re.compile(
    r"\b(?:contracts?|kontrak\w*|sla|slas|perjanjian|agreements?|klausul|clauses?)\b"
)
# "Spanish and Portuguese on top of English?": languages, which the article covers as multilingual
# support, not names it never uses
LANGUAGE_NAMES = frozenset(LANG_EN) | LANGUAGE_ONLY
COUNTRY_ASK = re.compile(
    r"\b(?:countr(?:y|ies)|negara(?:nya)?|cit(?:y|ies)|kota(?:nya)?|states?|provinces?|provinsi|regions?|wilayah)\b"
)
# A rule asked of: "must audits be quarterly?", "wajib tiap kuartal?"
OBLIGED = re.compile(
    r"\b(?:must|have to|has to|should|need to|needs to|required|wajib|harus|mesti|perlu)\b"
)
# Where the asker is: "Kami perusahaan di Jakarta, ...", "we're a shop in Surabaya"
OWN_PLACE = re.compile(
    r"\b(?:kami|kita|saya|aku|gue|gw|we|i|we're|i'm|our \w+)\b[^?,.]{0,40}?\b(?:di|in|dari|from|based in)"
    r"\s+[a-z]+(?:(?:,| dan| and| &| atau| or)\s+[a-z]+)*(?: [a-z]+)?",
    re.IGNORECASE,
)
# A place named as where support would go ("outsourcing support to Indonesia", "vendor di
# Vietnam") or judged as one ("Is Indonesia a good place to outsource?")
TO_PLACE = re.compile(
    r"\b(?:outsourc\w*|offshor\w*|vendors?|vendornya|providers?|bpos?|support|cs|teams?|agents?|agen"
    r"|partners?|mitra|penyedia)\b[^?.]{0,30}?\b(?:to|in|from|ke|di|dari|based in)\s+(?:the\s+)?$"
)
AS_PLACE = re.compile(
    r"^\s+(?:is\s+|itu\s+)?(?:a\s+|an\s+|the\s+)?(?:good|better|best|right|cheap\w*|safe\w*|smart|bagus|cocok"
    r"|tepat|murah|aman)\s+(?:place|location|destination|option|choice|hub|bet|tempat|lokasi|pilihan|tujuan)\b"
)
# Whether the article itself says something ("does the article say ...", "artikelnya nyebut ...")
ARTICLE_SAYS = re.compile(
    r"\b(?:does|did|do) (?:the |this )?(?:article|text|piece|author|it) (?:say|tell|give|state|mention"
    r"|list|show|quote|name)\b|\b(?:artikel|tulisan)(?:nya)?\s+(?:\w+\s+)?(?:menyebut\w*|nyebut\w*"
    r"|bilang|kasih|memberi\w*|ngasih|mencantumkan)\b"
)
# "Does the article recommend domestic or offshore for clinics?": it recommends neither
RECOMMENDS = re.compile(
    r"\b(?:does|did|would) (?:the |this )?(?:article|text|piece|author|it) (?:\w+ )?(?:recommend|suggest"
    r"|prefer|favou?r|advise|advocate)\b|\b(?:artikel|tulisan)(?:nya)?\s+(?:\w+\s+)?(?:merekomendasikan"
    r"|rekomendasiin|menyarankan|nyaranin|menganjurkan|nganjurin|memilih|milih)\b"
)
EITHER = re.compile(r"\b(?:or|atau|ato|vs\.?|versus)\b")
# "... say what an in-house team costs?": a figure asked without "how much"
WHAT_COSTS = re.compile(
    r"\bwhat\b(?!\s+(?:drives|affects|determines|influences|makes|raises|lowers|adds|goes|is|are)\b)"
    r"(?:\s+[\w-]+){1,5}\s+(?:costs?|pays?|charges?|earns?)(?=\s*(?:[?.!,]|$|per\b|a (?:month|year)\b"
    r"|us\b|monthly|annually|each))"
)
# Ask types where a name the article never uses means "not covered".
NAME_ASKS = frozenset("place comparison yes_no decision quantity definition why".split())
# Ask types that "does the article mention X?" takes for a yes/no (a list of names, a summary)
MENTION_AS_YES_NO = frozenset("summary list place definition quantity".split())
WHICH = re.compile(r"\b(?:which|what|where|mana)\b")
# Ask types where a figure per ticket or per call is asked for.
FIGURE_ASKS = frozenset("quantity yes_no comparison".split())
# Ask types where "which is the biggest?" asks for a ranking of what the article lists.
RANK_ASKS = frozenset("comparison list yes_no place".split())
# Ask types where "riskier?" / "lebih aman?" compares options by a risk the article never ranks.
RISK_COMPARED = frozenset("yes_no comparison".split())


class Coverage(Sides):
    """Decides whether the cited passages can answer the ask, and says so when they cannot."""

    def __init__(self, prompts: Prompts, terms: Terms, vocabulary: Iterable[str], known):
        self.prompts = prompts
        self.terms = terms
        self.vocabulary = {w.lower() for w in vocabulary}
        self.known = {w.lower() for w in known}  # abbreviations readers use, e.g. CS, KPI

    def not_covered(
        self, question: str, ask: Ask, cited: str, lang: str, selecting: bool = False
    ) -> str | None:
        """The opening sentence for an ask the cited text cannot answer, else None; with
        `selecting` ("which of those ...?"), only a ranking across the points answers a rank."""
        # the question itself, after any sentences about the asker ("Kami biro travel umrah,
        # jamaah kami di Saudi. Apa bener vendor luar negeri bisa 24/7?" asks nothing of Saudi)
        question = without_background(question)
        text, lowered, asked = self.prompts.text, cited.lower(), question.lower()
        # "how often should we audit them?", or one frequency asked as a rule ("... audits have to
        # be quarterly?") where the cited text gives none
        ruled = ask.type == "yes_no" and bool(OBLIGED.search(asked) or ARTICLE_SAYS.search(asked))
        if not any_match(self.terms.frequency_given, lowered) and (
            any_match(self.terms.frequency, asked)
            or (ruled and any_match(self.terms.frequency_given, asked))
        ):
            return text(lang, "not_covered_frequency")
        if ask.type == "duration" and not DURATION.search(lowered):
            return text(lang, "not_covered_duration")
        if ask.type == "yes_no" and TIME_SPAN.search(asked) and not DURATION.search(lowered):
            return text(lang, "not_covered_duration")  # "... within a week?": no time frames
        if any_match(self.terms.law, asked):
            return text(lang, "not_covered_law")  # "is it legal to process the data abroad?"
        if (said := RECOMMENDS.search(asked)) and EITHER.search(asked, said.end()):
            return text(lang, "not_covered_recommend")  # "... recommend offshore or domestic?"
        if NAMES_ASKED.search(asked) and not any_match(self.terms.places, lowered):
            return text(lang, "not_covered_place")  # "does it mention any specific vendors?"
        if (
            ask.type == "place"
            and COUNTRY_ASK.search(asked)
            and not any_match(self.terms.places, lowered)
        ):
            # "which offshore country has the best English speakers?": the country is what it
            # asks, whatever else it names
            return text(lang, "not_covered_place")
        if unnamed := self.unnamed_mentions(question):
            return text(lang, "not_covered_name", names=self.join(unnamed, lang))  # "WhatsApp?"
        # a name told after the question is background too ("Is multilingual support going to
        # cost extra? Our buyers write in Bahasa and English.")
        named = OWN_PLACE.sub(" ", up_to_question(question))  # not where the asker is
        names = self.unknown_names(named) if ask.type in NAME_ASKS else []
        if names and not self.names_country(question):  # "Intercom or Zendesk?": no country
            return text(lang, "not_covered_name", names=self.join(names, lang))
        if (
            ask.type == "place"
            and self.names_place(question)
            and not any_match(self.terms.places, lowered)
            and not self.offers_both_sides(question)  # "di mana? dlm negeri ato luar?" is answered
        ):
            return text(lang, "not_covered_place")
        if names:
            names = self.whole_places(question, names)  # "South Africa", not "South and Africa"
            return text(lang, "not_covered_name", names=self.join(names, lang))
        if (
            ask.type in ("yes_no", "comparison")
            and self.place_judged(asked)
            and not any_match(self.terms.places, lowered)
        ):
            return text(lang, "not_covered_place")  # "Is Indonesia a good place to outsource?"
        if ask.type != "summary" and (subjects := self.absent_subjects(question, lowered)):
            return text(lang, "not_covered_name", names=self.join(subjects, lang))
        per_unit = ask.price or ask.type in FIGURE_ASKS
        # ... a price per unit asked, not told after the question ("Are there hidden costs? We
        # were quoted a flat per-agent price.")
        # ... nor set aside before it ("Beyond the per-seat price, are there other costs?")
        own = up_to_question(question)
        for aside in self.terms.aside:
            own = aside.sub(" ", own)
        unit_asked = any_match(self.terms.per_unit, own.lower())
        if per_unit and unit_asked and not any_match(self.terms.per_unit, lowered):
            return text(lang, "not_covered_figure")
        if (
            ask.type == "quantity"
            and any_match(self.terms.unpriced, asked)
            and not any_match(self.terms.hourly, asked)
        ):
            return text(lang, "not_covered_figure")  # "a typical setup fee?": the band is hourly
        if ask.type == "quantity" and any_match(self.terms.salary, asked):
            return text(lang, "not_covered_figure")  # "gaji agen per bulan?": an hourly band only
        if ask.type == "quantity" and self.asks_staffing(question):
            return text(lang, "not_covered_team_size")  # "how many agents per 1k tickets?"
        ranked = self.ranks(lowered, across=selecting)
        if (ask.type in RANK_ASKS or selecting) and self.asks_rank(question) and not ranked:
            return text(lang, "not_covered_rank")
        percent_asks = ("yes_no", "comparison", "quantity")
        if ask.type in percent_asks and PERCENT_ASK.search(asked) and "%" not in cited:
            return text(lang, "not_covered_figure")  # "does it cut costs by more than 50%?"
        if ask.type in RISK_COMPARED and any_match(self.terms.risk_comparative, asked):
            if not any_match(self.terms.risk_comparative, lowered):
                return text(lang, "not_covered_comparison")  # "isn't offshore riskier?"
        if any_match(self.terms.statistic, asked) and "%" not in cited:
            return text(lang, "not_covered_figure")  # "how many companies bring it back?"
        later = LATER_NUMBER.search(asked)
        if later and not any_match(self.terms.hourly, clause := later["clause"]):
            if not _has_figure(clause, lowered):
                return text(lang, "not_covered_figure")
        if ask.type in RISK_COMPARED and MULTIPLE.search(asked) and PRICE_WORD.search(asked):
            return text(lang, "not_covered_figure")  # "24/7 doubles the price - true?"
        if HOW_MUCH_MORE.search(asked) and "%" not in cited:
            return text(lang, "not_covered_figure")  # "how much cheaper?": no difference given
        if IN_THE_RANGE.search(asked):  # "where does offshore sit in that range?"
            return text(lang, "not_covered_figure")  # the band only, nothing placed in it
        if ask.type in ("quantity", "yes_no") and EXACT.search(asked) and RATE.search(asked):
            # "persisnya berapa? bukan kisaran", "tarif khusus agen spesialis?": a range only
            return text(lang, "not_covered_figure")
        asks_number = NUMBER_ASK.search(asked)
        if TARGET_ASK.search(asked) and not _has_figure(question, lowered):
            return text(lang, "not_covered_figure")  # "what response time should the SLA set?"
        if ask.type == "quantity" and asks_number and not _has_figure(question, lowered):
            return text(lang, "not_covered_figure")
        # "does the article say what in-house support typically costs?": a figure, asked of it
        if ask.type == "yes_no" and ARTICLE_SAYS.search(asked):
            if any_match(self.terms.salary, asked):
                return text(lang, "not_covered_figure")
            if (asks_number or WHAT_COSTS.search(asked)) and not _has_figure(question, lowered):
                return text(lang, "not_covered_figure")
        return None

    def nearest(self, question: str) -> str | None:
        """The entry nearest a subject the article never names ("which CRM?": the breakdown's
        technology costs), or None."""
        lowered = question.lower()
        return next((entry for entry, p in self.terms.nearest if p.search(lowered)), None)

    def names_place(self, question: str) -> bool:
        """The question names a country, or asks for a country or a provider."""
        return bool(PLACE_ASK.search(question.lower())) or self.names_country(question)

    def whole_places(self, question: str, names: list[str]) -> list[str]:
        """The unknown names with the words of a country of several words ("South", "Africa")
        put back together as the question wrote it."""
        lowered = question.lower()
        for match in (m for p in self.terms.places for m in p.finditer(lowered)):
            words = match[0].split()
            parts = [n for n in names if n.lower() in words]
            if len(words) > 1 and len(parts) == len(words):
                at = names.index(parts[0])
                names = [n for n in names if n not in parts]
                names.insert(at, question[match.start() : match.end()])
        return names

    def place_judged(self, asked: str) -> bool:
        """A country or city named as where support would go, or judged as a place for it."""
        for place in self.terms.places:
            for m in place.finditer(asked):
                if TO_PLACE.search(asked[: m.start()]) or AS_PLACE.match(asked[m.end() :]):
                    return True
        return False

    def names_country(self, question: str) -> bool:
        return any_match(self.terms.places, question.lower())

    def unknown_names(self, question: str) -> list[str]:
        """Names and abbreviations in the question that the article never uses."""
        return unknown_names(question, self.vocabulary | self.known | LANGUAGE_NAMES, self.terms)

    def never_named(self, question: str) -> list[str]:
        """What a question asks the article to mention that it never does (names.never_named)."""
        return never_named(question, self.unknown_names(question), self.vocabulary, self.terms)

    def unnamed_mentions(self, question: str) -> list[str]:
        """ "Does the article mention WhatsApp?": the names it never uses that the question asks
        about (asked, not told: "Artikel menyebut 'skala ekonomi' ... Maksudnya?")."""
        asked = question_sentence(question)
        return self.never_named(asked) if any_match(self.terms.mention_asked, asked.lower()) else []

    def reframe(self, ask: Ask, text: str) -> Ask:
        """ "Philippines or India?" wants a country (a place a story names does not); "does it
        name ISO 27001 or SOC 2?", "artikel bahas soal AI gak?" ask yes or no."""
        asked = question_sentence(text)
        # ... but "mending offshore atau lokal buat kami yang pelanggannya orang Indonesia?"
        # weighs the two sides, whoever its customers are
        if (
            ask.type == "decision"
            and self.names_country(OWN_PLACE.sub(" ", asked.lower()))  # "Kami di Jakarta, ..."
            and not self.offers_both_sides(asked)
        ):
            return replace(ask, type="place")
        which = ask.type == "place" and WHICH.search(text.lower())  # "nyebut negara mana?"
        if ask.type in MENTION_AS_YES_NO and not which and self.unnamed_mentions(text):
            return replace(ask, type="yes_no", form="yes_no")
        return ask

    def absent_subjects(self, question: str, cited: str) -> list[str]:
        """Subjects of the question the article never discusses (names.absent_subjects)."""
        return absent_subjects(question, cited, self.terms)

    def asks_rank(self, question: str) -> bool:
        return any_match(self.terms.superlative, question.lower())

    def asks_staffing(self, question: str) -> bool:
        """'How many agents for 10k tickets?': a team size the article never gives."""
        return any_match(self.terms.staffing, question.lower())

    def asks_law(self, question: str) -> bool:
        """'Is it legal to send the data abroad?': what the law says, never stated; a contract's
        or an SLA's terms are the best practices' (its related point stays the closest one)."""
        asked = without_background(question).lower()
        return any_match(self.terms.law, asked) and not CONTRACT.search(asked)

    def asks_risks(self, question: str) -> bool:
        """'What are the risks of going offshore?': the challenges, whatever else it names."""
        return any_match(self.terms.risks, question.lower())

    def join(self, names: list[str], lang: str) -> str:
        """'a, b and c' in the language."""
        if len(names) == 1:
            return names[0]
        return f"{', '.join(names[:-1])} {self.prompts.text(lang, 'names_and')} {names[-1]}"


def _has_figure(question: str, cited: str) -> bool:
    asked = question.lower()
    if PERCENT_ASK.search(asked):
        return "%" in cited
    if count := COUNT_ASK.search(asked):
        # "how many tickets per agent?" needs a number of tickets, not the $10-$50 band
        noun = next(g for g in count.groups() if g)[:COUNT_STEM]
        # ... and a rate per hour is no number of hours
        return re.search(rf"\d[\d.,]*\s+(?:(?!per\b)[a-z-]+\s+)?{noun}", cited) is not None
    return bool(FIGURE.search(cited))
