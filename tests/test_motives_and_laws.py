"""Why companies outsource, what the law says, and what a manager's own words point at (held-out
v85-v88): "why do companies hand support to a third party?" is answered by the reason (focus on
the core business), not by what outsourcing is; a yes/no about what 24/7 does to the price rests
on the point that says it adds cost; a question of the law (a sanction, GDPR) says the article
states no law and points to the data-security FAQ, while a contract's penalty is no law; vendor
names asked for are said to be unnamed; a place typed in small letters is a name too; a
question after a summary of the whole article asks about its own subject; "what's the damage?"
prices the team it lists."""

from __future__ import annotations

import pytest
from converse import converse, sentinel


def _law(assistant, lang: str) -> str:
    return assistant.prompts.text(lang, "not_covered_law")


@pytest.mark.parametrize(
    "question",
    [
        "why do businesses hand their customer service over to a third party at all?",
        "Mengapa banyak perusahaan menyerahkan layanan pelanggan ke pihak ketiga?",
    ],
)
def test_why_companies_outsource_is_the_reason_not_the_definition(assistant, question):
    answer = assistant.answer(question)
    assert answer.sources[0].id == "introduction"
    assert "core competencies" in answer.body or "kompetensi inti" in answer.body
    assert not answer.body.startswith(("It involves", "Ini melibatkan"))


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("Will round-the-clock 24/7 cover cost us extra?", "may add extra cost"),
        ("Apakah layanan 24 jam nonstop bikin biayanya nambah?", "biaya tambahan"),
    ],
)
def test_what_24_7_does_to_the_price_rests_on_the_factor_that_says_it(assistant, question, words):
    answer = assistant.answer(question)
    first = answer.body.split("\n", 1)[0]
    assert words in first
    assert answer.sources[0].id == "factors"


def test_a_season_that_triples_the_volume_is_met_by_scalability(assistant):
    answer = assistant.answer(
        "Our ticket volume triples every holiday season. Why would a vendor help with that?"
    )
    assert "Scalability" in answer.body.split("\n", 1)[0]


def test_a_sensible_move_is_a_decision(assistant):
    answer = assistant.answer(
        "Our volume doubles at the end of each year, then drops. Is outsourcing a sensible move?"
    )
    assert answer.ask_type == "decision"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Kalau data pelanggan bocor di vendor, sanksi hukumnya apa?", "id"),
        ("Does GDPR force us to sign anything special with a support vendor?", "en"),
        ("Is it legal to let an offshore team read our customers' records?", "en"),
    ],
)
def test_the_law_is_said_to_be_unstated_with_the_data_security_faq(assistant, question, lang):
    answer = assistant.answer(question)
    assert not answer.refused
    assert answer.body.startswith(_law(assistant, lang))
    assert answer.sources[0].id == "faq-data-security"


def test_a_contract_penalty_is_no_question_of_law(assistant):
    answer = assistant.answer("What penalty should the SLA carry if the vendor misses a target?")
    assert not answer.body.startswith(_law(assistant, "en"))
    assert answer.sources[0].id == "best-practices"


def test_vendor_names_asked_for_are_said_to_be_unnamed(assistant):
    answer = assistant.answer("Could you name a handful of support vendors we should call?")
    assert answer.body.startswith(sentinel(assistant, "en"))
    assert answer.sources[0].id == "best-practices"
    *_, later = converse(
        assistant,
        "how do we keep customer data safe with a vendor?",
        "and which names would you put on our shortlist?",
    )
    assert later.body.startswith(sentinel(assistant, "en"))


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("tarif vendor di vietnam kira2 brp per jam?", "Vietnam"),
        ("which is cheaper for us, india or the philippines?", "India"),
    ],
)
def test_a_place_typed_in_small_letters_is_named_once(assistant, question, name):
    answer = assistant.answer(question)
    first = answer.body.split("\n", 1)[0]
    assert first.startswith(sentinel(assistant, answer.language))
    assert first.count(name) == 1


@pytest.mark.parametrize(
    ("summary", "question", "entry"),
    [
        ("give me the gist of the whole article", "what are its main benefits?", "benefits"),
        ("ringkasan artikelnya dong", "tantangan utamanya apa aja?", "challenges"),
    ],
)
def test_a_question_after_a_summary_asks_about_its_own_subject(assistant, summary, question, entry):
    first, answer = converse(assistant, summary, question)
    assert len({s.id for s in first.sources}) >= 5  # the summary went over the article
    assert answer.sources[0].id == entry


def test_the_services_of_customer_support_after_its_definition(assistant):
    *_, answer = converse(assistant, "apa sih outsourcing CS itu?", "channelnya apa aja?")
    assert answer.sources[0].id == "introduction"
    assert "dukungan telepon" in answer.body.split("\n", 1)[0]
    charged = assistant.answer("Which services does a vendor bill extra for?")
    assert charged.sources[0].id == "faq-hidden-costs"


@pytest.mark.parametrize(
    "question",
    [
        "eh harga outsourcing CS tuh dipengaruhi apa aja sih?",
        "what really drives the price of an outsourced help desk?",
    ],
)
def test_what_moves_the_price_is_the_factors_list_led_by_its_intro(assistant, question):
    answer = assistant.answer(question)
    assert answer.sources[0].id == "factors"
    assert answer.body.split("\n", 1)[0].startswith(("Several factors", "Beberapa faktor"))


@pytest.mark.parametrize(
    "question",
    [
        "Kira-kira hemat berapa persen dibanding tim in-house sendiri?",
        "kalau datanya bocor di vendor, siapa yang tanggung jawab?",
    ],
)
def test_savings_against_in_house_and_a_data_leak_are_in_scope(assistant, question):
    assert not assistant.answer(question).refused


def test_whats_the_damage_prices_the_team_it_lists(assistant):
    answer = assistant.answer("4 offshore chat agents, 18-month contract - what's the damage?")
    assert answer.estimate is not None
    assert answer.estimate.args["agents"] == 4
    assert answer.estimate.args["months"] == 18
    assert answer.estimate.args["location"] == "offshore"
