"""Framed answers: the first sentence says what the article cannot answer, or yes / no."""

from __future__ import annotations

import pytest

from bot.answer.analysis import Ask
from bot.answer.compose import Draft, Point
from bot.answer.coverage import Coverage, Terms
from bot.answer.frame import Framer, framing_phrases
from bot.config import REPO_ROOT
from bot.knowledge.retrieve import Hit
from bot.prompts import load_prompts

PROMPTS = load_prompts(REPO_ROOT / "prompts")
VOCABULARY = "offshore providers rates hidden costs Outsourcing".split()
COVERAGE = Coverage(PROMPTS, Terms.load(REPO_ROOT / "prompts"), VOCABULARY, ["cs", "kpi"])
FRAMER = Framer(PROMPTS, COVERAGE)


def _draft(text: str, lead: str | None = None) -> Draft:
    hit = Hit("factors", "Factors", "en", 0.9, text, "section", "en")
    return Draft(Point(lead or text, 1), [], [hit])


@pytest.mark.parametrize(
    ("question", "ask", "passage", "key"),
    [
        ("How long does onboarding take?", "duration", "Setup fees apply.", "not_covered_duration"),
        ("Which country is best?", "place", "Offshore providers cost less.", "not_covered_place"),
        (
            "What percentage can we save?",
            "quantity",
            "Rates range from $10 to $50.",
            "not_covered_figure",
        ),
        (
            "How much is the setup fee?",
            "quantity",
            "There may be setup fees.",
            "not_covered_figure",
        ),
        (
            "Does it give the setup fee amount?",
            "quantity",
            "There are setup fees.",
            "not_covered_figure",
        ),
        (
            "biaya setup vendor biasanya berapaan?",
            "quantity",
            "Ada biaya penyiapan.",
            "not_covered_figure",
        ),
        (
            "Is there a price per ticket?",
            "yes_no",
            "Rates are $10 to $50 per hour.",
            "not_covered_figure",
        ),
    ],
)
def test_an_ask_the_passages_cannot_answer_opens_with_the_sentinel(question, ask, passage, key):
    body = FRAMER.frame(question, Ask(ask, False), _draft(passage), "en")
    assert body.startswith(PROMPTS.text("en", key))
    assert body.startswith(PROMPTS.text("en", "not_covered_sentinel"))
    assert body.endswith(f"{passage} [1]")  # then what the article does say, cited


@pytest.mark.parametrize(
    ("question", "ask", "passage"),
    [
        ("How much per hour?", "quantity", "Rates range from $10 to $50 per hour."),
        ("How long does it take?", "duration", "Onboarding takes 6 weeks."),
        ("What are the costs?", "quantity", "Labour and technology."),  # no number asked
        ("Which is the cheapest?", "comparison", "Offshore rates are lower than domestic."),
    ],
)
def test_an_answerable_ask_is_not_framed_as_uncovered(question, ask, passage):
    assert FRAMER.frame(question, Ask(ask, False), _draft(passage), "en") == f"{passage} [1]"


def test_names_the_article_never_uses_are_named_in_the_first_sentence():
    body = FRAMER.frame(
        "Is Teleperformance cheaper than Concentrix for CS?",
        Ask("comparison", True),
        _draft("Offshore providers often charge lower rates."),
        "en",
    )
    assert body.startswith(
        "The article does not say anything about Teleperformance and Concentrix."
    )
    assert COVERAGE.unknown_names("Outsourcing is cheaper. Really? Which KPI?") == []


@pytest.mark.parametrize(
    ("question", "ask", "opening"),
    [
        ("Do vendors offer a free trial?", "yes_no", "anything about free trial."),
        ("How does nearshore compare with offshore?", "comparison", "anything about nearshore."),
    ],
)
def test_a_subject_the_article_never_discusses_is_named_in_the_first_sentence(
    question, ask, opening
):
    body = FRAMER.frame(question, Ask(ask, False), _draft("Offshore costs less."), "en")
    assert body.startswith(f"The article does not say {opening}")


@pytest.mark.parametrize(
    ("question", "lead", "key"),
    [
        ("Are there hidden costs?", "There may be hidden costs to consider.", "yes_hedged_lead"),
        ("Is it free?", "Outsourcing is not free.", "no_lead"),
        ("Does it need agreements?", "Set service level agreements.", "yes_lead"),
    ],
)
def test_a_yes_no_ask_opens_with_the_answer_the_lead_supports(question, lead, key):
    body = FRAMER.frame(question, Ask("yes_no", False), _draft(lead), "en")
    assert body == f"{PROMPTS.text('en', key)} {lead} [1]"


@pytest.mark.parametrize(
    "question", ["Is offshore always cheaper?", "Is data security guaranteed?"]
)
def test_an_absolute_the_article_never_makes_is_said_not_to_be_made(question):
    body = FRAMER.frame(question, Ask("yes_no", False), _draft("Offshore often costs less."), "en")
    assert body.startswith("Not necessarily; the article does not say that it always holds")


def test_the_framing_sentences_are_known_to_the_eval():
    phrases = framing_phrases(PROMPTS)
    assert "Artikel tidak menyebutkan berapa lama prosesnya;" in phrases
    assert "The article does not say anything about" in phrases


@pytest.mark.parametrize(
    ("question", "subjects"),
    [
        ("Is there usually a minimum contract length?", ["minimum contract length"]),
        ("vendor CS biasanya ada uji coba gratis gak?", ["uji coba gratis"]),
        ("Nearshore or offshore: which is cheaper?", ["nearshore"]),  # mid-sentence
        ("What goes into the cost of an outsourcing contract?", []),  # a contract, no term asked
        ("What are the hidden costs?", []),
        ("How do we negotiate a lower rate with a vendor?", ["negotiate a lower rate"]),
        ("Gmn cara nego tarif sama vendor?", ["cara nego tarif"]),
        ("Biaya tersembunyi yang sering kelewat pas nego sama vendor?", []),
        ("What resolution rate should we be targeting?", ["targeting"]),
    ],
)
def test_subjects_the_article_never_discusses_are_named_as_the_question_words_them(
    question, subjects
):
    assert COVERAGE.absent_subjects(question, "setup fees and onboarding costs") == subjects


@pytest.mark.parametrize(
    ("question", "sides"),
    [
        ("chat support vs phone support: which is cheaper?", ({"chat"}, {"phone"})),
        (
            "Lebih murah mana, vendor luar negeri atau dalam negeri?",
            ({"luar", "negeri"}, {"dalam", "negeri"}),
        ),
        ("Is offshore support cheaper than domestic?", ({"offshore"}, {"domestic"})),
        ("in-house vs outsourced support, which one is cheaper?", None),  # the article's benefits
        ("What are the challenges?", None),
    ],
)
def test_the_two_sides_of_a_comparison_are_read_from_the_question(question, sides):
    assert COVERAGE.sides(question) == sides


def test_a_sentence_compares_only_when_it_compares_and_names_both_sides():
    sides = COVERAGE.sides("offshore vs domestic providers?")
    assert COVERAGE.compares("Offshore providers may offer lower costs than domestic ones.", sides)
    assert not COVERAGE.compares("Offshore providers offer a global talent pool.", sides)
    assert not COVERAGE.compares("Offshore labour costs are lower.", sides)  # one side only
    regular = COVERAGE.sides("regular agents vs agents with industry expertise?")
    assert COVERAGE.compares("Agents with industry knowledge may command higher rates.", regular)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("why do firms ship their support overseas, say to the Philippines?", []),
        ("Kenapa perusahaan lempar CS ke luar negeri, misalnya ke Filipina?", []),
        ("Why are vendors in Filipina cheaper than in India?", ["Filipina", "India"]),
    ],
)
def test_a_name_given_only_as_an_example_is_not_the_subject(question, names):
    assert COVERAGE.unknown_names(question) == names


@pytest.mark.parametrize(
    ("question", "lang", "hedge"),
    [
        ("Is a per-ticket price always cheaper?", "en", "Not necessarily; the article does not"),
        ("Harga per tiket pasti lebih murah?", "id", "Belum tentu; artikel tidak"),
    ],
)
def test_a_yes_no_claiming_always_answers_it_before_what_the_article_does_not_say(
    question, lang, hedge
):
    body = FRAMER.frame(question, Ask("yes_no", False), _draft("Rates are $10 to $50."), lang)
    assert body.startswith(hedge)
    # without "always" the first sentence is what the article does not say, as before
    plain = FRAMER.frame("Is there a per-ticket price?", Ask("yes_no", False), _draft("x"), "en")
    assert plain.startswith(PROMPTS.text("en", "not_covered_sentinel"))


@pytest.mark.parametrize(
    ("question", "risks", "both"),
    [
        ("What challenges come with going offshore?", True, False),
        ("Apa kendala kalau pakai vendor luar negeri?", True, False),
        ("How do the benefits stack up against the challenges?", True, True),
        ("Manfaatnya dibandingkan tantangannya gimana?", True, True),
        ("What are the benefits of going offshore?", False, False),
    ],
)
def test_challenges_ask_for_the_risks_and_weighed_against_benefits_for_both_sides(
    question, risks, both
):
    # the shaper answers both sides before it answers the risks alone (bot/answer/shape.py)
    assert COVERAGE.asks_risks(question) is risks
    assert COVERAGE.asks_both_sides(question) is both


def test_a_figure_asked_of_that_is_asked_of_the_leading_entry_only():
    subject = Hit("faq-hidden-costs", "Hidden", "en", 0.9, "There may be setup fees.", "faq", "en")
    rates = Hit("faq-hourly-rate", "Rate", "en", 0.8, "Rates range from $10 to $50.", "faq", "en")
    draft = Draft(Point("There may be setup fees.", 1), [], [subject, rates])
    for question, uncovered in (("How much does that usually run?", True), ("Rates?", False)):
        body = FRAMER.frame(question, Ask("quantity", True), draft, "en", follow_up=True)
        assert body.startswith(PROMPTS.text("en", "not_covered_sentinel")) is uncovered
    # a first question has no subject to point back to: every cited entry counts
    fresh = FRAMER.frame("How much does that usually run?", Ask("quantity", True), draft, "en")
    assert not fresh.startswith(PROMPTS.text("en", "not_covered_sentinel"))


@pytest.mark.parametrize(
    "question",
    [
        "vendor BPO biasanya ada minimum jumlah seat gak?",
        "Kalo pakai vendor, biaya per tiketnya berapa?",
        "Rasio supervisor ke agen yang ideal berapa?",
    ],
)
def test_minimums_per_ticket_prices_and_ratios_are_never_given(question):
    body = FRAMER.frame(
        question, Ask("quantity", True), _draft("Tarif $10 hingga $50 per jam."), "id"
    )
    assert body.startswith(PROMPTS.text("id", "not_covered_sentinel"))


@pytest.mark.parametrize(
    ("question", "lang", "uncovered"),
    [
        ("How much is a typical setup fee?", "en", True),
        ("Biaya setup-nya biasanya berapa sih?", "id", True),
        ("How much is the hourly rate with training costs included?", "en", False),
        ("Berapa tarif per jam agen CS?", "id", False),
    ],
)
def test_a_price_of_an_item_the_article_gives_no_figure_for_is_not_the_hourly_band(
    question, lang, uncovered
):
    draft = _draft("Rates range from $10 to $50 per hour. Setup fees and onboarding costs.")
    body = FRAMER.frame(question, Ask("quantity", True), draft, lang)
    assert body.startswith(PROMPTS.text(lang, "not_covered_sentinel")) is uncovered
