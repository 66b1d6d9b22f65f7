"""Numbers as people write them in a cost question: salaries per head ("we pay 3 reps $2,500
each"), the days a month a daily volume comes in, a week as 52/12 of a month, coverage said
indirectly ("siang malam", "weekends too"), halves in words; and the follow-ups that change one
of them ("kalau per bulannya jadi 4.800?", "eh salah, tetap 2.400", "rata-ratanya jadi 7
menit")."""

from __future__ import annotations

import pytest
from converse import converse

from bot.config import REPO_ROOT, Settings
from bot.cost.service import CostService

SETTINGS = Settings()
COST = CostService.from_dirs(SETTINGS.corpus_dir, REPO_ROOT / "prompts")


@pytest.fixture(scope="module")
def assistant(session_home):
    from bot.answer.assistant import get_assistant

    return get_assistant(Settings(home=session_home))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a salary per head is paid to the people counted before it, not to the agents asked
        (
            "We pay 3 support reps $2,500 each per month. Would 3 nearshore agents be cheaper?",
            {"inhouse_monthly_usd": 7500, "agents": 3},
        ),
        (
            "Sekarang kami gaji 4 orang CS masing-masing Rp 6 juta. Kalau outsource 2 agen?",
            {"inhouse_monthly_idr": 24_000_000, "agents": 2},
        ),
        (
            "Tim CS in-house kami 3 orang, masing-masing digaji Rp 5,5 juta. Outsource 3 agen?",
            {"inhouse_monthly_idr": 16_500_000},
        ),
        (
            "We pay four support staff Rp 7.5 juta each a month. What would 2 agents cost?",
            {"inhouse_monthly_idr": 30_000_000, "agents": 2},
        ),
        ("We pay $4,000 per agent per month for 6 agents in house", {"inhouse_monthly_usd": 24000}),
        # the days a month a daily volume comes in, when the question says them
        ("400 chat per hari, buka 30 hari sebulan, 4 menit", {"contacts_per_month": 12000}),
        ("~800 calls a day, 30 days a month, 3 min each", {"contacts_per_month": 24000}),
        ("500 chats a day, 6 days a week, 4 min each", {"contacts_per_month": 13000}),
        # a week is 52/12 of a month
        ("Tiket kami 1.200 per minggu via email, 5 menit", {"contacts_per_month": 5200}),
        ("1,200 tickets a week by email, 5 minutes", {"contacts_per_month": 5200}),
        # coverage said indirectly
        ("4 agen support teknis, siang malam 7 hari seminggu", {"coverage": "24x7"}),
        ("8 agents, weekends too (not overnight though)", {"coverage": "extended"}),
        ("8 agents, including weekends", {"coverage": "extended"}),
        # halves in words
        ("5k tickets a month, about a minute and a half each", {"avg_handle_minutes": 1.5}),
        ("800 calls a day, each about three and a half minutes", {"avg_handle_minutes": 3.5}),
    ],
)
def test_numbers_as_written_are_read(text, expected):
    fields = COST.parse_fields(text)
    assert {k: fields.get(k) for k in expected} == expected


def test_a_per_head_salary_is_read_the_same_in_both_languages():
    english = COST.parse_fields("We pay 5 agents Rp 8 juta each. What would 5 agents cost?")
    indonesian = COST.parse_fields("Kami menggaji 5 agen masing-masing Rp 8 juta. 5 agen berapa?")
    assert english["inhouse_monthly_idr"] == indonesian["inhouse_monthly_idr"] == 40_000_000


def test_a_month_said_before_a_volume_is_no_contract_length(assistant):
    _, changed, kept = converse(
        assistant,
        "estimasi 2.400 chat per bulan, 3 menit per chat, vendor luar negeri",
        "kalau per bulannya jadi 4.800?",
        "eh salah, tetap 2.400 deh, tapi kontraknya setengah tahun",
    )
    assert changed.estimate.args["contacts_per_month"] == 4800
    assert "months" not in changed.estimate.args
    assert kept.estimate.args["contacts_per_month"] == 2400 and kept.estimate.args["months"] == 6


def test_keeping_a_handle_time_is_no_volume(assistant):
    _, kept = converse(
        assistant,
        "12000 tickets a month, 6 minutes each, chat",
        "Fine, keep it at 7 minutes, but make it 24/7 and add email.",
    )
    args = kept.estimate.args
    assert args["contacts_per_month"] == 12000 and args["avg_handle_minutes"] == 7
    assert args["coverage"] == "24x7" and "email" in args["channels"]


@pytest.mark.parametrize(
    ("first", "follow_up", "field", "value"),
    [
        (
            "we handle ~20000 tickets a month, 5 min avg, chat + email. what would that cost?",
            "volume will probably grow to 30000 next year, rerun it",
            "contacts_per_month",
            30000,
        ),
        (
            "Hitung dong: 15000 kontak per bulan, rata-rata 4 menit, chat & media sosial",
            "balik ke hitungan tadi, rata-ratanya jadi 7 menit",
            "avg_handle_minutes",
            7,
        ),
        (
            "Berapa biaya outsourcing CS untuk 10 agen, chat dan email, jam kantor?",
            "Kalau jadi siang malam gimana?",
            "coverage",
            "24x7",
        ),
    ],
)
def test_a_follow_up_that_changes_one_number_reprices(assistant, first, follow_up, field, value):
    _, changed = converse(assistant, first, follow_up)
    assert changed.ask_type == "cost_estimate" and changed.estimate.args[field] == value


@pytest.mark.parametrize("spec", ["10 agen chat, jam kantor", "5 agen offshore 24/7"])
def test_a_team_described_in_a_few_words_is_priced(assistant, spec):
    answer = assistant.answer(spec)
    assert answer.ask_type == "cost_estimate" and answer.estimate is not None
