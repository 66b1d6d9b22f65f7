"""Held-out v145-v148: a subject the article never names is answered with the entry nearest it (a
tool or CRM: the breakdown's technology costs; a certification or a named regulation: the
data-security FAQ); "the 24/7 one" names its point; a claim checked in a cost conversation
("guaranteed to be cheaper, yeah?") leaves the estimate alone; Indonesian shift times and
"kalo indo aja?" are read; "need a number for ..." asks a price; deciding questions in other
words are decisions; a summary asked as "poin2 pentingnya" is the article's."""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.cost.service import CostService
from tests.converse import converse

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("question", "nearest"),
    [
        ("CRM apa yang biasanya dipakai vendor? Salesforce atau Zendesk?", "breakdown"),
        (
            "which helpdesk tools do outsourced teams usually run on - Zendesk? Intercom?",
            "breakdown",
        ),
        (
            "Which certifications should our support vendor have - ISO 27001, SOC 2?",
            "faq-data-security",
        ),
        ("Vendor wajib punya sertifikasi ISO 27001 gak?", "faq-data-security"),
    ],
)
def test_an_unnamed_subject_is_answered_with_the_entry_nearest_it(assistant, question, nearest):
    assert assistant.answer(question).sources[0].id == nearest


def test_tools_to_measure_roi_are_the_roi_faq(assistant):
    assert assistant.answer("what tools do we need to measure ROI?").sources[0].id == "faq-roi"


def test_the_24_7_one_names_its_point(assistant):
    _, answer = converse(
        assistant,
        "apa aja untungnya outsource CS ke luar negeri?",
        "yg poin 24/7 itu maksudnya gimana?",
    )
    assert answer.sources[0].id == "faq-offshore"
    assert answer.body.startswith("Ketersediaan dukungan 24/7")


def test_a_claim_checked_in_a_cost_conversation_leaves_the_estimate(assistant):
    *_, claim, after = converse(
        assistant,
        "Rough monthly cost for 12 agents, offshore, business hours, handling email and chat?",
        "what if we go nearshore instead?",
        "and nearshore is guaranteed to be cheaper than a domestic team, yeah?",
        "ok bump that to round-the-clock coverage",
    )
    assert claim.estimate is None
    assert claim.body.startswith("Not necessarily")
    assert after.estimate.args["location"] == "nearshore"
    assert after.estimate.args["coverage"] == "24x7"


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("berapa budget utk 4 agen chat, dari pagi sampe tengah malam?", {"coverage": "extended"}),
        (
            "Berapa biaya 18 agen, shift panjang 7 pagi-11 malam, offshore?",
            {"coverage": "extended"},
        ),
        ("kalo indo aja?", {"location": "domestic"}),
        ("pakai vendor Indonesia aja", {"location": "domestic"}),
        ("pelanggan kami di Indonesia, 5 agen offshore", {"location": "offshore"}),
    ],
)
def test_indonesian_shift_times_and_an_indonesian_vendor_are_read(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


def test_need_a_number_for_a_team_asks_its_price(assistant):
    answer = assistant.answer(
        "Need a number for 10 reps covering phones and chat around the clock."
    )
    assert answer.estimate is not None
    assert answer.estimate.args["agents"] == 10


@pytest.mark.parametrize(
    ("question", "ask_type"),
    [
        ("At what ticket volume does outsourcing start paying off?", "decision"),
        (
            "Perlu gak sih kita ambil layanan 24/7? customer kita kebanyakan di WIB doang",
            "decision",
        ),
        (
            "what KPIs should I be tracking to know if the outsourced team is worth the money?",
            "list",
        ),
    ],
)
def test_deciding_in_other_words_is_a_decision(assistant, question, ask_type):
    assert assistant.answer(question).ask_type == ask_type


def test_a_summary_asked_in_other_words_is_the_articles(assistant):
    answer = assistant.answer("tolong rangkum poin2 pentingnya dong, singkat aja")
    assert not answer.refused
    assert answer.ask_type == "summary"
    assert len(answer.sources) >= 4  # the lead point of every section
