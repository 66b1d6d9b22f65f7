"""Held-out v109-v112: two questions in one message are both answered, the second read as a
follow-up of the first ("Are there hidden costs? If so, which ones bite hardest?"); pay stated
per head before the team is counted ("tiap agen $1.800 ... ada 10 agen", "each rep costs us
$2,400 ... seven on the team"); "Mon-Sat", "jamnya diperpanjang sampai malam"; a university's
IT helpdesk for students is customer support, one for the company's own employees is not."""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.cost.service import CostService

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            "ballpark hourly rate for outsourced support?? and why are offshore shops cheaper",
            "faq-hourly-rate",
            "faq-offshore",
        ),
        (
            "kira2 tarif per jam outsourcing CS berapa sih? trus kenapa vendor luar negeri bisa "
            "lebih murah?",
            "faq-hourly-rate",
            "faq-offshore",
        ),
        (
            "Kapan sebaiknya perusahaan mulai outsource CS? Dan apa yg harus dicek dari calon "
            "mitra?",
            "benefits",
            "best-practices",
        ),
    ],
)
def test_two_questions_are_both_answered_in_order(assistant, question, first, second):
    answer = assistant.answer(question)
    ids = [s.id for s in answer.sources]
    assert ids[0] == first
    assert second in ids
    assert len(ids) == len(set(ids))  # one list of sources, each once
    second_marker = f"[{ids.index(second) + 1}]"
    assert answer.body.index(second_marker) > answer.body.index("[1]")


def test_the_first_question_sets_the_ask_type(assistant):
    answer = assistant.answer(
        "Are there hidden costs with outsourcing support? If so, which ones tend to bite hardest?"
    )
    assert answer.ask_type == "yes_no"
    assert answer.body.startswith(("Yes", "Generally"))
    assert answer.sources[0].id == "faq-hidden-costs"


@pytest.mark.parametrize(
    "question",
    [
        "What would 5 offshore agents cost? And with 24/7?",  # one estimate, changed
        "Why? What does the article say about offshore?",  # a first ask too short to be one
    ],
)
def test_a_change_or_an_interjection_is_no_second_question(assistant, question):
    answer = assistant.answer(question)
    assert "\n\n###" not in answer.body  # one answer, not two joined
    assert len(answer.tool_calls) <= 1


@pytest.mark.parametrize(
    ("text", "agents", "inhouse"),
    [
        ("Kami bayar tiap agen $1.800 per bulan, ada 10 agen.", 10, 18000),
        ("We pay each rep $1,800 monthly and there are 10 of them.", 10, 18000),
        (
            "Each rep costs us $2,400 a month including benefits, and there are seven on the team.",
            7,
            16800,
        ),
        ("Tiap rep dibayar $2.400/bln sudah termasuk tunjangan, tim 7 orang.", 7, 16800),
        ("we pay 3 reps $2,500 each", 3, 7500),
    ],
)
def test_pay_per_head_is_the_teams_monthly_cost(text, agents, inhouse):
    fields = COST.parse_fields(text)
    assert fields["agents"] == agents
    assert fields["inhouse_monthly_usd"] == inhouse


@pytest.mark.parametrize(
    ("text", "coverage"),
    [
        ("7 agents, Mon-Sat 8am-4pm", "extended"),
        ("7 agen, Senin-Sabtu jam 8-16", "extended"),
        ("3 agen, jamnya diperpanjang sampai malam", "extended"),
        ("5 agents Monday to Friday", "business_hours"),
    ],
)
def test_days_and_evenings_said_briefly(text, coverage):
    assert COST.parse_fields(text)["coverage"] == coverage


def test_a_universitys_helpdesk_is_customer_support(assistant):
    answer = assistant.answer(
        "University IT helpdesk: in-house staff vs outsourced agents - which tends to carry lower "
        "overhead?"
    )
    assert not answer.refused


def test_an_it_helpdesk_for_our_own_employees_is_another_function(assistant):
    assert assistant.answer(
        "IT helpdesk outsourcing for our own employees - typical rates?"
    ).refused


def test_a_second_question_about_another_function_keeps_the_refusal(assistant):
    answer = assistant.answer(
        "Should we outsource our digital marketing and SEO, and what ROI can we expect?"
    )
    assert answer.refused


def test_a_question_that_narrows_the_first_is_answered_as_one(assistant):
    answer = assistant.answer("Apa bener outsourcing pasti lebih hemat? Gak ada biaya tersembunyi?")
    assert answer.sources[0].id == "faq-hidden-costs"
