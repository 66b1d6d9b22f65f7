"""A manager's first session (held-out v56-v58): another business function is refused even when
the question also says "service", "customers" or "support"; a single agent, "weekdays 9-5" and a
bare list of languages are read; who offers a coverage is no change of the estimate; "lebih
hemat gak?" with an in-house cost is priced like "lebih murah gak?"; "and the cons?" after the
pros gives the challenges; a follow-up that names a point of the last answer stays on it."""

from __future__ import annotations

import pytest
from converse import converse


@pytest.mark.parametrize(
    "question",
    [
        "Berapa biaya outsourcing tim akuntansi dan layanan pajak untuk UMKM?",
        "How much does outsourced payroll processing cost per employee for a customer-facing firm?",
        "Gimana cara bikin iklan media sosial yang bisa narik pelanggan baru?",
        "What's the best way to train for a marathon?",
    ],
)
def test_another_function_or_subject_is_refused(assistant, question):
    assert assistant.answer(question).refused


def test_customer_service_beside_another_function_is_answered(assistant):
    answer = assistant.answer(
        "We outsource customer service and bookkeeping: what does support cost?"
    )
    assert not answer.refused and answer.sources


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pricing for a single agent handling email only, with a domestic vendor?",
            {"agents": 1, "channels": ["email"], "location": "domestic"},
        ),
        ("seorang agen chat, berapa biayanya?", {"agents": 1, "channels": ["chat"]}),
        (
            "Price for technical agents, 4 seats, weekdays 9-5 only",
            {"agents": 4, "coverage": "business_hours"},
        ),
        ("kalau cuma indo sama inggris aja?", {"languages": ["en", "id"]}),
    ],
)
def test_counts_hours_and_languages_as_written(assistant, text, expected):
    fields = assistant.cost.parse_fields(text)
    assert {k: fields.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "text", ["di Filipina atau India mending mana?", "vendor di indonesia dan inggris beda harga?"]
)
def test_countries_are_no_languages(assistant, text):
    assert "languages" not in assistant.cost.parse_fields(text)


def test_who_offers_a_coverage_is_no_change_of_the_estimate(assistant):
    _, changed, who = converse(
        assistant,
        "kami butuh 4 agen CS lewat chat, jam kantor aja. kira2 biayanya brp per bulan?",
        "kalau jadi 24 jam gimana?",
        "vendor yg sanggup 24 jam di indonesia siapa aja?",
    )
    assert changed.estimate.args["coverage"] == "24x7"
    assert who.estimate is None and who.cost_state == changed.estimate.args


def test_a_languages_list_changes_the_estimate(assistant):
    first, fewer = converse(
        assistant,
        "estimasi 3 agen chat, bahasa Indonesia, Inggris dan Melayu, jam operasional extended",
        "kalau cuma indo sama inggris aja?",
    )
    assert first.estimate.args["languages"] == ["en", "id", "ms"]
    assert fewer.estimate.args == {**first.estimate.args, "languages": ["en", "id"]}


def test_saving_asked_with_an_in_house_cost_is_priced(assistant):
    question = (
        "Tim CS kami 10 orang di jam kantor, biayanya Rp 120 juta per bulan. Kalau outsource "
        "10 agen di jam kerja yang sama, lebih hemat gak?"
    )
    answer = assistant.answer(question)
    assert answer.estimate is not None
    assert answer.estimate.args["inhouse_monthly_idr"] == 120_000_000


def test_the_cons_after_the_pros_are_the_challenges(assistant):
    _, cons = converse(
        assistant, "Should we even outsource? give me the pros first", "and the cons?"
    )
    assert cons.ask_type == "list" and [s.id for s in cons.sources][:1] == ["challenges"]


@pytest.mark.parametrize(
    ("first", "follow_up", "lead"),
    [
        (
            "Apa saja faktor yang mempengaruhi biaya outsourcing CS?",
            "Kenapa lokasi ngaruh?",
            "Lokasi",
        ),
        ("What factors affect the cost of outsourcing?", "why does location matter?", "Location"),
    ],
)
def test_a_follow_up_naming_a_point_stays_on_it(assistant, first, follow_up, lead):
    _, why = converse(assistant, first, follow_up)
    assert [s.id for s in why.sources][:1] == ["factors"]
    assert why.body.lstrip("*").startswith(lead)


@pytest.mark.parametrize(
    ("question", "ask_type"),
    [
        ("Dukungan bisa tersedia berapa jam sehari kalau pakai vendor?", "quantity"),
        ("Rangkum praktik terbaik outsourcing CS secara singkat dong", "summary"),
    ],
)
def test_ask_types_of_a_first_session(assistant, question, ask_type):
    answer = assistant.answer(question)
    assert answer.ask_type == ask_type
    assert answer.estimate is None


def test_choosing_a_tool_is_no_decision_and_said_to_be_absent(assistant):
    answer = assistant.answer("which tool should we use to track our KPIs?")
    assert answer.ask_type != "decision"
    assert answer.body.startswith("The article does not say anything about")
    assert [s.id for s in answer.sources][:1] == ["faq-roi"]  # where the KPIs are listed
