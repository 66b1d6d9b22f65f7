"""Formal Indonesian, sceptical figures and off-topic asides (held-out v93-v96): an hourly range
wholly past the band is said to be unstated; an exact rate asked for is said not to be given;
why companies take support back in-house is answered by the challenges; whether the article
names a vendor is answered with "it names none"; "emang teknis lebih mahal?" after an estimate
asks the article; VAT on the vendor's invoice is a cost the article does not state, while a
hotel, the price of gold or a tweet are other subjects, even after a thank-you; a volume written
"10,000 monthly contacts" and a seat count with a bracketed aside are read."""

from __future__ import annotations

import pytest
from converse import converse, sentinel


@pytest.mark.parametrize(
    ("question", "lang", "position"),
    [
        ("Do specialist agents ever cost $90-120 an hour?", "en", "quote_above"),
        ("ada vendor yang pasang tarif $2-6 per jam?", "id", "quote_below"),
    ],
)
def test_an_hourly_range_past_the_band_is_said_to_be_unstated(assistant, question, lang, position):
    answer = assistant.answer(question)
    first = answer.body.split("\n", 1)[0]
    assert assistant.prompts.text(lang, position) in first
    assert not first.startswith(("Yes", "Ya"))


def test_a_range_inside_the_band_is_not_said_to_be_past_it(assistant):
    answer = assistant.answer("is $20-30 an hour a normal rate?")
    first = answer.body.split("\n", 1)[0]
    assert assistant.prompts.text("en", "quote_above") not in first


def test_an_exact_rate_asked_for_is_said_not_to_be_given(assistant):
    answer = assistant.answer("Tarif per jam vendor offshore tepatnya berapa? bukan kisaran")
    assert answer.body.startswith(assistant.prompts.text("id", "not_covered_figure"))


@pytest.mark.parametrize(
    "question",
    [
        "Why do some companies bring customer support back in-house after outsourcing it?",
        "Mengapa sejumlah perusahaan menarik kembali layanan pelanggannya ke internal?",
    ],
)
def test_taking_support_back_in_house_is_answered_by_the_challenges(assistant, question):
    answer = assistant.answer(question)
    assert [s.id for s in answer.sources] == ["challenges"]


@pytest.mark.parametrize(
    "question",
    ["does the article mention any specific vendors?", "artikelnya menyebut nama vendor?"],
)
def test_whether_the_article_names_a_vendor(assistant, question):
    answer = assistant.answer(question)
    assert answer.body.startswith(sentinel(assistant, answer.language))


def test_a_sceptical_yes_no_after_an_estimate_asks_the_article(assistant):
    *_, answer = converse(assistant, "berapa biaya 4 agen offshore?", "emang teknis lebih mahal?")
    assert answer.estimate is None
    assert answer.sources[0].id == "factors"


def test_vat_on_the_invoice_is_an_unstated_cost_not_another_subject(assistant):
    answer = assistant.answer(
        "Berapakah tarif Pajak Pertambahan Nilai yang dikenakan atas jasa alih daya layanan pelanggan?"
    )
    assert not answer.refused
    first = answer.body.split("\n", 1)[0]
    assert first.startswith(sentinel(assistant, "id"))
    assert first.count("Pajak") == 1


@pytest.mark.parametrize(
    "question",
    [
        "Terima kasih. Selain itu, mohon rekomendasi hotel di Bali untuk rapat direksi.",
        "unrelated, but could you help me write a tweet for our product launch?",
        "btw harga emas hari ini berapa?",
    ],
)
def test_other_subjects_after_a_thank_you_are_refused(assistant, question):
    assert assistant.answer(question).refused


def test_a_hotel_that_asks_about_its_support_is_answered(assistant):
    answer = assistant.answer("We run a small hotel chain. Should we outsource our guest support?")
    assert not answer.refused


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "If we hand our 9,000 monthly contacts (about 6 minutes each) to an offshore vendor, what will it cost?",
            {"contacts_per_month": 9000, "avg_handle_minutes": 6},
        ),
        (
            "Ballpark monthly price for 5 skilled (not specialist) agents on chat, offshore?",
            {"agents": 5, "expertise": "skilled"},
        ),
    ],
)
def test_volumes_and_seats_written_around_asides_are_read(assistant, question, expected):
    answer = assistant.answer(question)
    assert answer.estimate is not None
    assert expected.items() <= answer.estimate.args.items()
