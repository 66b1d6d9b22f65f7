"""Summaries of one part, list and decision phrasings, bounds past the band, cost words (held-out
v68-v70): "tl;dr on the risks?" summarises the challenges, not the whole article; "X itu apa
saja?" asks for a list; an imperative ("sebutin ...") is no yes/no; a decision the ask-type model
guesses needs a word that weighs a choice; "cheaper than $4 an hour" and "di atas $60" are bounds
the article never reaches; "~12rb", "rata2 kelar 6 menit", "at any one time", "a vendor in our
own country", "agennya yg standar", "if volume doubles", a need stated after an estimate."""

from __future__ import annotations

import pytest
from converse import converse


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("tl;dr on the risks?", "challenges"),
        ("Give me the short version of what the article says about privacy and data protection.",
         "faq-data-security"),
        ("Ringkas dong poin-poin praktik terbaik di artikel ini", "best-practices"),
        ("rangkum manfaatnya aja", "benefits"),
    ],
)  # fmt: skip
def test_a_summary_of_one_part_answers_that_part(assistant, question, entry):
    answer = assistant.answer(question)
    assert answer.sources[0].id == entry
    assert "conclusion" not in [s.id for s in answer.sources]


@pytest.mark.parametrize(
    "question",
    [
        "Summarise the article for me.",
        "ringkas isi artikel ini, terutama soal biaya dan tantangannya",
    ],
)
def test_a_summary_of_the_whole_covers_the_sections(assistant, question):
    answer = assistant.answer(question)
    assert len(answer.sources) >= 4


@pytest.mark.parametrize(
    "question",
    ["Tantangan outsourcing CS itu apa saja?", "Keuntungan outsourcing CS itu apa aja sih?"],
)
def test_what_x_are_asks_for_a_list(assistant, question):
    assert assistant.answer(question).ask_type == "list"


@pytest.mark.parametrize(
    "question",
    [
        "sebutin manfaat outsourcing cs dong",
        "jelasin tantangan outsourcing CS",
        "sebutin biaya tersembunyi kalau outsource cs dong",
    ],
)
def test_an_imperative_is_no_yes_no(assistant, question):
    answer = assistant.answer(question)
    assert answer.ask_type != "yes_no"
    assert not answer.body.startswith(("Ya", "Tidak"))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # an earlier question decides, whatever the last one asks
        ("tim CS kami cuma 4 orang, mending outsource atau tetap inhouse? ada minimal "
         "kontraknya gak?", "decision"),
        ("Is switching worth it, and how should we decide?", "decision"),
        ("Which offshore city has the best agents?", "place"),
    ],
)  # fmt: skip
def test_decision_and_place_phrasings(assistant, question, expected):
    assert assistant.answer(question).ask_type == expected


def test_a_choice_between_two_facts_is_no_decision(assistant):
    _, answer = converse(
        assistant,
        "What hidden costs does the article mention?",
        "Are these paid once, or do they come back every year?",
    )
    assert answer.ask_type != "decision"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Is there any vendor cheaper than $4 an hour?", "en"),
        ("Ada vendor yang tarifnya lebih murah dari $4 per jam?", "id"),
    ],
)
def test_a_bound_below_the_band_is_said_to_be_unstated(assistant, question, lang):
    answer = assistant.answer(question)
    assert answer.body.startswith(assistant.prompts.text(lang, "not_covered_sentinel"))


def test_a_bare_bound_after_the_rate_is_a_rate(assistant):
    _, answer = converse(
        assistant, "Tarif per jam outsourcing CS berapa?", "Ada yang di atas $60 nggak?"
    )
    assert answer.body.startswith(assistant.prompts.text("id", "not_covered_sentinel"))
    assert "$60" in answer.body.split("\n")[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("chat kami ~12rb per bulan, rata2 kelar 6 menit", {"contacts_per_month": 12000,
                                                          "avg_handle_minutes": 6}),
        ("We run ten agents at any one time on chat and email",
         {"agents": 10, "contacts_per_month": None}),
        ("Quote 5 agents with a provider in our own country", {"location": "domestic"}),
        ("agennya yg standar aja", {"expertise": "standard"}),
    ],
)  # fmt: skip
def test_cost_words(assistant, text, expected):
    fields = assistant.cost.parse_fields(text)
    assert {k: fields.get(k) for k in expected} == expected


def test_a_volume_that_doubles(assistant):
    first, more = converse(
        assistant,
        "Estimate 4000 calls a month at 6 minutes each, basic support",
        "what if the call volume doubles?",
    )
    assert more.estimate.args == {**first.estimate.args, "contacts_per_month": 8000}


@pytest.mark.parametrize(
    "follow_up",
    ["Tapi yang kami butuh dukungan teknis, bukan yang dasar", "We need technical support though"],
)
def test_a_need_stated_after_an_estimate_changes_it(assistant, follow_up):
    first, more = converse(assistant, "Estimate 6 offshore agents for chat and email", follow_up)
    assert more.estimate is not None
    assert more.estimate.args == {**first.estimate.args, "support_type": "technical"}


def test_an_employment_contract_is_another_matter(assistant):
    answer = assistant.answer("cara bikin PKWT untuk staf admin gimana?")
    assert answer.refused


@pytest.mark.parametrize(
    "question",
    [
        "Kami mau 5 agen terampil untuk chat, vendor nearshore, jam kerja, kontrak 6 bulan. Tolong "
        "dihitung.",
        "Eight standard agents, chat plus email, round the clock, offshore, 12 months. Number?",
        "Work out a 6-month contract for 2 specialist agents on the phone in business hours.",
        "sembilan agen buat telepon dan email, vendor lokal, 24 jam sehari tujuh hari seminggu",
        "Two or three agents, let's say three, chat and email, office hours, offshore, one year.",
    ],
)
def test_a_team_described_in_full_is_priced(assistant, question):
    answer = assistant.answer(question)
    assert answer.estimate is not None and answer.estimate.result is not None


def test_what_about_x_in_indonesian_asks_no_remedy(assistant):
    _, answer = converse(
        assistant,
        "Dari sisi biaya, apa bedanya support dasar sama support teknis?",
        "kalo multibahasa gimana?",
    )
    assert answer.ask_type != "how_to"
    assert answer.sources[0].id == "factors"
