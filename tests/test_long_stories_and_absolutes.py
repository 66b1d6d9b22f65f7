"""Held-out v137-v140: a cost request inside a story about the company is priced on the request,
not the story: the company's age is no contract ("sudah berdiri 7 tahun", "seven years old"), its
staff is no team to price ("karyawannya 45 orang"), a local brand is no local vendor, its own
trade and premises ("usaha katering", "2 gudang") are no other function to refuse, and no phrase
runs across two sentences ("... salah catat pesanan. Saya mau ..."). A yes/no with an absolute
the article never makes ("always", "guaranteed", "pasti") says the article does not say so."""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.cost.service import CostService

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("question", "want"),
    [
        (
            "Kami brand skincare lokal, sudah berdiri 7 tahun. Mau 9 agen dari vendor offshore.",
            {"months": None, "location": "offshore", "agents": 9},
        ),
        (
            "We're a local skincare brand, seven years old. 9 agents from an offshore vendor.",
            {"months": None, "location": "offshore"},
        ),
        (
            "I run a catering business, ten years in. 2 agents, local vendor, 3-month contract.",
            {"months": 3, "location": "domestic"},
        ),
        ("Startup kami karyawannya 45 orang. Kami mau 4 agen teknis offshore.", {"agents": 4}),
        ("Kontrak 2 tahun, 5 agen, vendor lokal.", {"months": 24, "location": "domestic"}),
        ("Quote for 4 offshore agents, 6 months in total.", {"months": 6}),
        # the company's story told around the period, not only just before it
        (
            "We've been operating for 25 years and want 5 offshore agents, how much?",
            {"months": None, "agents": 5},
        ),
        ("Usaha kami baru 18 bulan jalan, berapa biaya 4 agen offshore?", {"months": None}),
        ("5 agents for 6 months, we started 3 years ago.", {"months": 6}),
        ("The contract should last 12 months, 5 agents.", {"months": 12}),
        # a sum of money a month is no volume of contacts
        (
            "We spend $9,000 a month on calls; what would 5 offshore agents cost?",
            {"contacts_per_month": None, "inhouse_monthly_usd": 9000},
        ),
        ("We get 9,000 calls a month, 5 agents offshore.", {"contacts_per_month": 9000}),
        # the company's own staff is no team to price beside a count of agents or a volume
        ("admin kami cuma 4 orang, mau tambah 10 agen outsource, berapa biayanya?", {"agents": 10}),
        (
            "Startup kami baru 18 bulan, 25 orang tim. Butuh 3 agen support teknis, kontrak 6 bulan.",
            {"agents": 3, "months": 6},
        ),
        (
            "We get about 9,000 contacts a month. Company's been around 7 years, 200 staff across "
            "5 branches. Rough cost for basic support offshore?",
            {"agents": None, "contacts_per_month": 9000, "months": None},
        ),
        ("kami punya 4 orang CS, mau outsource 10 agen", {"agents": 10}),
        ("We have 12 support staff handling 9000 tickets a month.", {"agents": 12}),
        ("Brand skincare kami 6 tahun. Mau 7 agen jam kerja.", {"months": None, "agents": 7}),
        # revenue is no cost of support; a payroll is; a sum a week is a sum a week
        (
            "~$4M ARR, headcount 30. We spend $18,000/month on in-house support. 6 agents?",
            {"inhouse_monthly_usd": 18000, "agents": 6},
        ),
        (
            "Our support payroll is $14,000/month for 7 people. 7 agents nearshore?",
            {"inhouse_monthly_usd": 14000},
        ),
        (
            "per minggu kami habis sekitar $2.500 buat CS in-house. 4 agen offshore?",
            {"inhouse_monthly_usd": 10833.33},
        ),
        (
            "Each agent costs us around IDR 9 million a month and we have 8 of them.",
            {"inhouse_monthly_idr": 72000000, "agents": 8},
        ),
        (
            "Kami habiskan Rp 90 juta sebulan untuk telepon. 6 agen offshore?",
            {"contacts_per_month": None, "inhouse_monthly_idr": 90000000},
        ),
        (
            "kalo 10 orang dari perusahaan lokal bales chat 24 jam, abis berapa?",
            {"location": "domestic"},
        ),
    ],
)
def test_the_story_is_not_the_request(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


@pytest.mark.parametrize(
    "question",
    [
        "Saya punya usaha katering korporat, sudah 10 tahun. Admin kami sering salah catat pesanan. "
        "Saya mau coba 2 agen dari vendor lokal untuk email dan telepon. Biayanya berapa?",
        "Kami toko elektronik online dengan 2 gudang. Setiap bulan ada 40.000 pertanyaan lewat chat, "
        "rata-rata 3 menit. Butuh 24/7 dari vendor offshore. Hitung dong.",
        "I run a corporate catering business with three warehouses. Price 2 local agents on email.",
    ],
)
def test_the_askers_own_trade_is_no_other_function(assistant, question):
    answer = assistant.answer(question)
    assert not answer.refused
    assert answer.estimate is not None


def test_outsourcing_the_warehouse_itself_is_still_refused(assistant):
    assert assistant.answer("berapa biaya outsourcing gudang kami?").refused


@pytest.mark.parametrize(
    "question",
    [
        "If we pick a reputable partner, is our customers' data security guaranteed?",
        "Artikel ini bilang outsourcing pasti bikin hemat biaya gak?",
        "Is offshore always cheaper than domestic?",
    ],
)
def test_an_absolute_the_article_never_makes_opens_with_the_sentinel(assistant, question):
    answer = assistant.answer(question)
    sentinel = assistant.prompts.text(answer.language, "not_covered_sentinel")
    assert sentinel.lower() in answer.body.split("\n")[0].lower()
    assert answer.body.startswith(("Not necessarily", "Belum tentu"))


def test_at_all_is_no_absolute_and_a_payback_period_is_unmentioned(assistant):
    answer = assistant.answer("does the article give a payback period at all?")
    assert answer.body.startswith("The article does not say anything about payback period")
    quote = assistant.answer(
        "Our clinic got a quote of $18/hour per agent. Is that all we'd end up paying?"
    )
    assert quote.body.startswith("Not necessarily")
