"""Held-out v117-v120: needs told indirectly price the same in both languages (clock hours
joined by a dash, "12 midnight", volumes per working day, "±25 menit", Instagram DMs, languages
named like countries); a first message that only says what it needs is a price request; the
downsides asked as "sisi negatif"; which of two support types is cheaper, code-mixed or asked
"mending ... mana yang lebih murah"; figures and terms the article never gives (a KPI threshold,
a waiver, who pays, Erlang C, a premium in percent) said to be missing; the asker's own trade
is no other function; a few other tasks that only mention customers are refused."""

from __future__ import annotations

import pytest
from converse import sentinel

from bot.config import REPO_ROOT
from bot.cost.service import CostService

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("indonesian", "english"),
    [
        (
            "Tiap hari ada sekitar 120 DM Instagram dan 80 chat WA. Jam operasional jam 10 "
            "pagi–8 malam, buka tiap hari. Estimasi biaya?",
            "We get roughly 120 Instagram DMs and 80 WhatsApp chats a day, open 10am-8pm seven "
            "days a week. Cost estimate?",
        ),
        (
            "Kami butuh layanan jam 6 pagi sampai 12 malam, lewat chat, 10 agen.",
            "Coverage from 6am to 12 midnight over chat, 10 agents. What's the damage?",
        ),
        (
            "Rata-rata 250 tiket email per hari kerja, tiap tiket sekitar 10 menit. Berapa?",
            "Around 250 email tickets per working day, roughly 10 minutes each. Monthly cost?",
        ),
        (
            "Sekitar 60 tiket teknis per hari, masing-masing ±25 menit, vendor dalam negeri.",
            "About 60 technical tickets a day, roughly 25 minutes each, domestic vendor. Price?",
        ),
        (
            "Game online kami perlu CS bahasa Inggris, Thailand, dan Vietnam, 24 jam, 18 agen.",
            "Our mobile game needs support in English, Thai and Vietnamese, 24 hours, 18 agents.",
        ),
    ],
)
def test_needs_told_indirectly_read_the_same_in_both_languages(indonesian, english):
    assert COST.parse_fields(indonesian) == COST.parse_fields(english)


def test_a_country_named_as_the_vendors_place_is_still_a_place():
    fields = COST.parse_fields("vendor di Vietnam, bahasa Inggris dan Indonesia, 5 agen")
    assert fields["location"] == "offshore"
    assert fields["languages"] == ["en", "id"]


def test_saying_what_is_needed_asks_its_price(assistant):
    answer = assistant.answer(
        "Perlu 16 agen untuk chat, email, telepon, sosmed, 24 jam, bahasa Indonesia, Inggris, "
        "Arab. Kontrak 2 tahun."
    )
    assert answer.route == "cost"
    assert answer.cost_state["agents"] == 16
    assert answer.cost_state["languages"] == ["ar", "en", "id"]


def test_the_negative_side_is_the_challenges(assistant):
    answer = assistant.answer("terus ada sisi negatifnya ga kalau outsource CS?")
    assert answer.sources[0].id == "challenges"


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("Technical support emang lebih mahal dari yg basic ya?", "Ya"),
        ("Vendor luar negeri biasanya lebih murah ga dibanding vendor lokal?", "Ya"),
    ],
)
def test_a_comparison_the_article_makes_is_answered_yes(assistant, question, lead):
    answer = assistant.answer(question)
    assert answer.body.startswith(lead)
    assert answer.sources[0].id == "factors"


def test_which_of_two_is_cheaper_is_a_comparison_not_a_decision(assistant):
    answer = assistant.answer(
        "Mending support telepon biasa atau technical support, mana yg lebih murah?"
    )
    assert answer.ask_type == "comparison"
    assert answer.sources[0].id == "factors"
    assert "dasar" in answer.body and "teknis" in answer.body


@pytest.mark.parametrize(
    "question",
    [
        "For outsourced support ROI, is there a specific KPI threshold the article recommends?",
        "any way to get the outsourcing vendor to waive the setup fees?",
        "Who normally pays for the software licences of an outsourced team, us or the vendor?",
        "How do I work out how many agents we need with an Erlang C calculation before asking "
        "vendors for quotes?",
        "how big is the premium for multilingual outsourced agents? like +20%? +40%?",
    ],
)
def test_what_the_article_never_gives_is_said_to_be_missing(assistant, question):
    answer = assistant.answer(question)
    assert answer.body.startswith(sentinel(assistant, "en"))


def test_the_askers_own_trade_is_no_other_function(assistant):
    answer = assistant.answer(
        "Perusahaan jasa kebersihan kami baru pertama kali akan menggunakan vendor layanan "
        "pelanggan. Berapa besaran biaya pengaturan (setup fee) yang umumnya ditagihkan vendor?"
    )
    assert not answer.refused
    assert answer.body.startswith(sentinel(assistant, "id"))


@pytest.mark.parametrize(
    "question",
    [
        "kalo development aplikasi juga di-outsource, biayanya berapa?",
        "Gimana cara bikin program poin loyalty buat pelanggan toko online saya?",
        "Can you help me draft a reply to an angry customer who received the wrong order?",
        "Our customer database spreadsheet keeps crashing, how do I fix it?",
    ],
)
def test_other_tasks_that_mention_customers_are_refused(assistant, question):
    assert assistant.answer(question).refused


def test_summing_the_whole_thing_up_is_the_articles_summary(assistant):
    answer = assistant.answer("sum the whole thing up for my boss in a few lines")
    assert not answer.refused
    assert answer.ask_type == "summary"
    assert len(answer.sources) >= 4


@pytest.mark.parametrize(
    "question",
    [
        "What would five offshore chat agents during business hours run us?",
        "What would 8 specialist-level agents from a local provider, speaking Indonesian, "
        "English and Mandarin, run us?",
    ],
)
def test_what_a_long_team_would_run_us_asks_its_price(assistant, question):
    answer = assistant.answer(question)
    assert answer.route == "cost"
    assert answer.cost_state["agents"] in (5, 8)


@pytest.mark.parametrize(
    "question",
    [
        "Cara rekrut karyawan gudang lewat agen outsourcing HR gimana prosedurnya?",
        "Can you help me write a job ad for a senior backend engineer?",
    ],
)
def test_recruiting_through_an_agency_is_another_function(assistant, question):
    assert assistant.answer(question).refused
