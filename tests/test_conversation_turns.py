"""Turns of a manager's conversation (held-out v47-v49): a correction after an invalid request
completes that request; a figure asked "in general" mid-estimate is a knowledge question; "yang
tadi itu kalau ..." changes the estimate; "kontraknya setahun", "supportnya yg dasar" are read;
an entry named by its head word is asked of itself, not of the last answer; a question with
risks in it is in scope; "what are they supposed to measure?" is no yes/no; no survey is a
statistic the article lacks."""

from __future__ import annotations

import pytest
from converse import converse

from bot.config import Settings


@pytest.fixture(scope="module")
def assistant(session_home):
    from bot.answer.assistant import get_assistant

    return get_assistant(Settings(home=session_home))


def test_a_correction_after_an_invalid_request_completes_it(assistant):
    invalid, corrected, skilled = converse(
        assistant,
        "Hitung biaya 4 agen media sosial, kontrak -6 bulan",
        "eh maksudnya 6 bulan",
        "kalau itu pakai agen terampil gimana?",
    )
    assert invalid.estimate is None and invalid.tool_calls  # refused by name
    assert corrected.estimate.args == {"agents": 4, "months": 6, "channels": ["social_media"]}
    assert skilled.estimate.args["expertise"] == "skilled" and skilled.estimate.args["months"] == 6


@pytest.mark.parametrize(
    ("first", "general"),
    [
        (
            "Tim CS internal kami sekarang makan biaya Rp 120 juta sebulan. Outsource 7 agen?",
            "berapa persen hematnya biasanya kalau pindah ke luar negeri?",
        ),
        (
            "Quote for 5 agents handling Indonesian and English, over email and chat",
            "how much extra per hour does Japanese usually cost?",
        ),
    ],
)
def test_a_figure_asked_in_general_mid_estimate_is_no_new_estimate(assistant, first, general):
    estimate, asked = converse(assistant, first, general)
    assert asked.estimate is None and asked.route == "knowledge"
    assert asked.cost_state == estimate.estimate.args  # the estimate's conditions are kept


def test_a_pointer_back_then_a_change_reprices(assistant):
    _, changed = converse(
        assistant,
        "Tim CS internal kami sekarang makan biaya Rp 120 juta sebulan. Outsource 7 agen?",
        "Yang tadi itu kalau agennya harus bisa bahasa Indonesia dan Inggris gimana?",
    )
    assert changed.estimate.args["languages"] == ["en", "id"]


@pytest.mark.parametrize(
    ("first", "follow_up", "field", "value"),
    [
        ("5 agen, vendor dalam negeri, berapa?", "kontraknya setahun", "months", 12),
        (
            "4 agen chat berapa?",
            "jam kerja biasa aja, supportnya yg dasar",
            "support_type",
            "basic",
        ),
    ],
)
def test_short_indonesian_changes_are_read(assistant, first, follow_up, field, value):
    _, changed = converse(assistant, first, follow_up)
    assert changed.estimate is not None and changed.estimate.args[field] == value


def test_an_entry_named_by_its_head_word_is_asked_of_itself(assistant):
    _, benefits = converse(
        assistant, "outsourcing layanan pelanggan itu apa?", "Manfaatnya buat perusahaan apa aja?"
    )
    assert [s.id for s in benefits.sources][:1] == ["benefits"]


def test_a_pointer_back_without_a_head_word_still_points_back(assistant):
    _, pointed = converse(assistant, "what are the hidden costs?", "which of those is the biggest?")
    assert [s.id for s in pointed.sources][:1] == ["faq-hidden-costs"]


def test_risks_and_their_remedies_are_in_scope(assistant):
    answer = assistant.answer("what are the risks and how do we avoid them?")
    assert not answer.refused and "challenges" in {s.id for s in answer.sources}


def test_what_something_measures_is_no_yes_no_and_no_missing_statistic(assistant):
    _, measured = converse(
        assistant,
        "How do I tell whether outsourcing our support actually paid off?",
        "those customer surveys you mentioned, what are they supposed to measure?",
    )
    assert not measured.body.startswith(("Yes", "No", "The article does not say"))


def test_choosing_a_frequency_is_said_to_be_absent(assistant):
    answer = assistant.answer("Review kinerjanya idealnya seminggu sekali atau sebulan sekali?")
    assert answer.body.startswith("Artikel tidak menyebutkan seberapa sering")


def test_what_an_sla_should_hold_is_no_decision(assistant):
    answer = assistant.answer("Di SLA sebaiknya dicantumkan apa?")
    assert answer.ask_type != "decision" and answer.sources[0].id == "best-practices"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hitung biaya 5 agen telp vendor dlm negeri", {"channels": ["phone"]}),
        ("Bahasa yang dibutuhkan Indonesia sama Inggris", {"languages": ["en", "id"]}),
    ],
)
def test_chat_indonesian_is_read(assistant, text, expected):
    fields = assistant.cost.parse_fields(text)
    assert {k: fields.get(k) for k in expected} == expected


def test_an_in_house_cost_alone_asks_for_the_team_then_prices_it(assistant):
    asked, sized = converse(
        assistant,
        "tim cs in-house kita skrg makan 60jt sebulan, kalo outsource jadi brp?",
        "5 agen",
    )
    assert asked.estimate is None and "Rp 60.000.000" in asked.body
    assert asked.body.startswith("Untuk membandingkan")
    assert sized.estimate.args == {"inhouse_monthly_idr": 60_000_000, "agents": 5}


def test_an_example_that_asks_a_number_is_said_to_be_absent(assistant):
    _, asked = converse(
        assistant, "apa itu SLA?", "ada standar angka SLA nya ga? misal respons brp menit"
    )
    assert asked.body.startswith("Artikel tidak menyebutkan angka")


@pytest.mark.parametrize(
    "question",
    [
        "Should we go with Teleperformance or Concentrix?",
        "Can you recommend a specific BPO vendor in Jakarta for our logistics company?",
    ],
)
def test_a_vendor_choice_is_answered_not_refused(assistant, question):
    answer = assistant.answer(question)
    assert not answer.refused and answer.body.startswith("The article does not say")


def test_a_creative_request_mid_conversation_is_refused(assistant):
    _, haiku = converse(
        assistant, "what are the benefits?", "cool. can you also write me a haiku about cats?"
    )
    assert haiku.refused


def test_a_percentage_between_two_kinds_mid_estimate_is_no_estimate(assistant):
    _, asked = converse(
        assistant,
        "price 3 specialist agents",
        "how much cheaper are standard agents exactly, like in %?",
    )
    assert asked.estimate is None and asked.body.startswith("The article does not say")


def test_what_the_rules_require_of_pay_is_said_to_be_absent(assistant):
    answer = assistant.answer("Gaji agen itu sudah termasuk BPJS sesuai aturan nggak?")
    assert answer.body.startswith("Artikel tidak menyebutkan apa yang dibolehkan")
