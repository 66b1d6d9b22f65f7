"""Corrections and asides in a cost conversation (held-out v59-v61): "oops, 8 minutes obviously"
after an invalid handle time, "eh maksudnya Rp 210 juta" after an in-house cost, "only 5 need to
be on shift at the same time", "jam kerja plus sabtu minggu juga" are changes; asking what the
article says of a risk is no change; a hedge before a volume, "WA" as a channel; a finance task
is refused; "what pushes it toward the $50 end?" asks why."""

from __future__ import annotations

import pytest
from converse import converse


def test_a_lone_handle_time_corrects_an_invalid_one(assistant):
    _, invalid, fixed = converse(
        assistant,
        "3 agents, technical support, email only - what would that run us?",
        "average handle time is -8 minutes",
        "oops, 8 minutes obviously. and around 1500 emails a month",
    )
    assert invalid.estimate is None
    assert fixed.estimate.args["avg_handle_minutes"] == 8
    assert fixed.estimate.args["contacts_per_month"] == 1500
    assert fixed.estimate.args["agents"] == 3


def test_a_sum_alone_corrects_the_in_house_cost_and_weekends_extend(assistant):
    first, corrected, _, weekends = converse(
        assistant,
        "biaya tim in-house kami Rp 120 juta per bulan. kalau outsource 6 agen support dasar?",
        "eh maksudnya Rp 210 juta, salah ketik",
        "nanti ROI-nya diukur gimana?",
        "jamnya jam kerja plus sabtu minggu juga ya",
    )
    assert first.estimate.args["inhouse_monthly_idr"] == 120_000_000
    assert corrected.estimate.args == {**first.estimate.args, "inhouse_monthly_idr": 210_000_000}
    assert weekends.estimate.args == {**corrected.estimate.args, "coverage": "extended"}


def test_seats_on_shift_change_the_agents(assistant):
    first, fewer = converse(
        assistant,
        "Estimate 8 skilled chat agents with an offshore provider.",
        "Actually only 5 need to be on shift at the same time.",
    )
    assert fewer.estimate.args == {**first.estimate.args, "agents": 5}


def test_what_the_article_says_of_a_risk_is_no_change(assistant):
    *_, priced, risk = converse(
        assistant,
        "Ballpark for 10 basic-support agents with an offshore vendor, business hours only?",
        "OK, and if we need them 24/7 instead?",
        "And what does the article say is the risk of going offshore?",
    )
    assert risk.estimate is None and [s.id for s in risk.sources][:1] == ["challenges"]
    assert risk.cost_state == priced.estimate.args


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tiket masuk kira-kira 12.000 per bulan, lewat email. Biayanya?",
            {"contacts_per_month": 12000},
        ),
        ("1.500 tiket per minggu lewat WA dan DM IG", {"channels": ["chat", "social_media"]}),
        ("jamnya jam kerja plus sabtu minggu juga ya", {"coverage": "extended"}),
        ("5 minutes at a time per ticket, 3 agents", {"agents": 3}),
    ],
)
def test_cost_words_as_written(assistant, text, expected):
    fields = assistant.cost.parse_fields(text)
    assert {k: fields.get(k) for k in expected} == expected


def test_a_finance_task_is_refused(assistant):
    assert assistant.answer("Can you help me build a Q3 cash flow forecast?").refused


def test_what_pushes_a_rate_up_asks_why(assistant):
    _, why = converse(
        assistant,
        "what do outsourced agents usually cost per hour?",
        "what pushes it toward the $50 end?",
    )
    assert why.ask_type == "why"


def test_one_seat_is_written_in_the_singular(assistant):
    answer = assistant.answer("cost of 1 agent 24/7 nearshore?")
    assert "**Staffing:** 1 seat × " in answer.body


@pytest.mark.parametrize(
    ("text", "coverage"),
    [
        ("Phone support, office hours plus Saturdays, 8,000 contacts monthly", "extended"),
        ("8.000 kontak sebulan via telepon, jam kerja plus Sabtu", "extended"),
        ("3 agen jam kerja, mulai minggu depan", "business_hours"),
    ],
)
def test_a_working_day_plus_a_weekend_day_is_extended(assistant, text, coverage):
    assert assistant.cost.parse_fields(text)["coverage"] == coverage


def test_an_off_topic_turn_mid_conversation_is_refused(assistant):
    _, trivia = converse(
        assistant, "what factors affect the cost?", "who won the World Cup in 2022?"
    )
    assert trivia.refused
