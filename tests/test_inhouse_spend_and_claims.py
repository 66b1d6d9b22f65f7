"""Held-out v153-v156: the in-house spend a cost question states, however it is said (per week
as 52/12 of it a month, "1,2 M" as miliar, "6 jt x 15 org", "each of our 6 agents costs
$4,200/mo", "eats IDR 50 million a week"), priced against a vendor even when the question only
asks how it "stacks up"; a yes/no that doubts outsourcing saves money, denies any risk, or claims
what a challenge puts in doubt is answered no or not necessarily, not a bare yes."""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.cost.service import CostService
from bot.evaluation.metrics import request_matches
from bot.types import Message
from tests.converse import converse

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("question", "want"),
    [
        # a week is 52/12 of a month, exactly: $9,000 a week is $39,000, not $38,999.70
        ("We spend about $9,000 a week on our in-house team of 20. 20 offshore agents?", {"inhouse_monthly_usd": 39000}),
        ("CS kami makan 50 juta per minggu untuk 15 agen. Kalau vendor dalam negeri?", {"inhouse_monthly_idr": 216666667}),
        ("Our phone support eats IDR 50 million a week across 15 agents. A domestic vendor?", {"inhouse_monthly_idr": 216666667}),
        ("pengeluaran CS kita per minggu sekitar 25jt, isinya 6 agen. vendor lokal berapa?", {"inhouse_monthly_idr": 108333333}),
        # "M" after a decimal comma or before an Indonesian period is miliar; "IDR 45M" is millions
        ("Tim CS internal kita 8 orang ngabisin sekitar 1,2 M setahun. Vendor dalam negeri?", {"inhouse_monthly_idr": 100000000}),
        ("Anggaran CS tahunan kami Rp 2,4 M untuk 15 agen. Bandingkan dengan vendor nearshore.", {"inhouse_monthly_idr": 200000000}),
        ("In-house runs us IDR 45M monthly. 5 offshore agents?", {"inhouse_monthly_idr": 45000000}),
        # a salary times the people it pays, however it is written
        ("gaji agen kami 6 jt/bln x 15 org. klo pindah ke vendor nearshore itungannya gimana?", {"inhouse_monthly_idr": 90000000}),
        ("kami bayar 15 org x Rp 6 jt sebulan, kalau offshore?", {"inhouse_monthly_idr": 90000000}),
        ("Each of our 6 agents costs about $4,200/mo fully loaded. Offshore, phone only?", {"inhouse_monthly_usd": 25200}),
        ("our payroll is 5 reps at $3,800/month each. a domestic vendor?", {"inhouse_monthly_usd": 19000}),
        ("We have 10 agents earning IDR 6.5m each. What if we moved to a domestic vendor?", {"inhouse_monthly_idr": 65000000}),
        ("We budget $540k a year for support across 25 agents. How would a domestic outsourcer compare?", {"inhouse_monthly_usd": 45000}),
        ("offshore team, English and Tagalog, 5 agents", {"languages": ["en", "tl"]}),
    ],
)  # fmt: skip
def test_the_in_house_spend_is_read_however_it_is_said(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


def test_money_the_gold_rounds_to_whole_units_matches_within_one_unit():
    assert request_matches({"inhouse_monthly_usd": 28166.67}, {"inhouse_monthly_usd": 28167})
    assert not request_matches({"inhouse_monthly_usd": 28165.5}, {"inhouse_monthly_usd": 28167})
    assert not request_matches({"agents": 5}, {"agents": 6})


@pytest.mark.parametrize(
    "question",
    [
        "We're spending Rp 30m weekly on 7 in-house support agents - how does a nearshore vendor stack up?",
        "our payroll is 5 reps at $3,800/month each. if we moved to a domestic vendor, would we save anything?",
    ],
)
def test_a_stated_team_cost_set_against_a_vendor_is_priced(assistant, question):
    answer = assistant.answer(question)
    assert not answer.refused
    assert answer.estimate is not None
    assert any(k.startswith("inhouse_monthly") for k in answer.estimate.args)


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("bukannya outsourcing CS itu malah mahal ya?", "Belum tentu;"),
        ("Isn't outsourcing support actually more expensive?", "Not necessarily;"),
        ("is there no risk at all in outsourcing?", "No, it is not without risk."),
        ("masa sih nggak ada risikonya?", "Tidak, bukan tanpa risiko."),
        ("agen offshore ngerti bahasa gaul pelanggan kita gak?", "Belum tentu."),
    ],
)
def test_a_claim_the_article_does_not_bear_out_is_not_answered_yes(assistant, question, lead):
    assert assistant.answer(question).body.startswith(lead)


def test_a_claim_the_article_bears_out_is_still_yes(assistant):
    assert assistant.answer("Isn't it true that outsourcing saves money?").body.startswith("Yes")
    answer = assistant.answer("wouldn't offshore agents struggle with our players' slang though?")
    assert answer.body.startswith("Yes") and answer.sources[0].id == "challenges"


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("Is it true outsourced agents churn way faster than in-house staff?", "churn"),
        ("which encryption standard should we require from them, AES-256?", "AES-256"),
    ],
)
def test_a_subject_the_article_never_names_is_said_missing(assistant, question, name):
    body = assistant.answer(question).body
    assert body.startswith("The article does not say") and name in body.split("\n")[0]


def test_one_sentence_after_a_list_sums_up_the_conversation(assistant):
    first = assistant.answer("apa aja faktor yg bikin biaya outsourcing CS beda2?")
    history = [
        Message("user", "apa aja faktor yg bikin biaya outsourcing CS beda2?"),
        Message.of(first),
    ]
    answer = assistant.answer("oke, ringkas dalam satu kalimat aja", history)
    assert answer.ask_type == "summary"
    assert answer.sources[0].id != "breakdown"
    assert answer.body.count("\n- ") <= 2


def test_a_supervisor_is_no_agent_to_price(assistant):
    assert "agents" not in COST.parse_fields("satu supervisor idealnya pegang berapa agen?")
    answer = assistant.answer("ada patokan nggak satu supervisor idealnya pegang berapa agen?")
    assert answer.estimate is None
    assert answer.body.startswith("Artikel tidak menyebutkan")


def test_a_price_per_ticket_asked_yes_or_no_is_said_missing(assistant):
    answer = assistant.answer(
        "Do you have any sense of what a single email ticket costs when outsourced?"
    )
    assert answer.body.startswith("The article does not say what figure")


def test_a_remedy_after_a_side_question_is_of_the_challenge_before_it(assistant):
    *_, answer = converse(
        assistant,
        "apa aja tantangannya klo outsource cs?",
        "yg kedua maksudnya?",
        "tools QA apa yg bagus buat mantau kerjaan vendor?",
        "trs gmn ngatasinnya?",
    )
    assert answer.sources[0].id == "best-practices"
    assert answer.body.startswith("Masalah Kontrol Kualitas")


@pytest.mark.parametrize(
    "question",
    [
        "ada rekomendasi vendor BPO di Jakarta yg oke nggak?",
        "Who are the big players, Teleperformance, Concentrix? Which one's cheapest?",
    ],
)
def test_a_vendor_asked_for_by_name_leads_with_choosing_a_partner(assistant, question):
    assert assistant.answer(question).sources[0].id == "best-practices"


def test_cheaper_than_keeping_it_in_house_weighs_in_house(assistant):
    *_, answer = converse(
        assistant,
        "what are the main benefits of outsourcing support?",
        "so is that really cheaper than keeping it in-house? where's the saving?",
    )
    assert answer.body.startswith("The article does not say how your in-house costs compare")


def test_tagalog_is_priced(assistant):
    answer = assistant.answer(
        "We handle around 4,000 contacts a month, about 6 minutes each. "
        "Offshore team, English and Tagalog. Rough cost?"
    )
    assert answer.estimate is not None
    assert answer.estimate.args["languages"] == ["en", "tl"]


@pytest.mark.parametrize(
    "question",
    [
        "Team of 12 agents, in-house cost is about Rp 150 juta per month, mostly phone. "
        "Keep it or move to a nearshore provider?",
        "Volume tiket kami sekitar 12.000 per bulan lewat email dan chat, dipegang 10 agen "
        "internal. Lebih baik pindah ke vendor luar negeri atau tetap in-house?",
        "Tim kami 4 agen, habis sekitar Rp 40 juta per bulan. Dengan tarif segitu masih untung "
        "kalau outsource?",
    ],
)
def test_keep_or_move_with_numbers_is_weighed_with_a_costed_example(assistant, question):
    answer = assistant.answer(question)
    assert answer.ask_type == "decision"
    assert answer.estimate is not None  # the costed example
    assert "| Labour |" not in answer.body and "| Tenaga kerja |" not in answer.body


def test_the_step_shown_for_quality_control_is_not_the_data_privacy_one(assistant):
    body = assistant.answer(
        "Team of 12 agents, in-house cost is about Rp 150 juta per month, mostly phone. "
        "Keep it or move to a nearshore provider?"
    ).body
    advice = [line for line in body.split("\n") if "What the article advises" in line]
    assert advice and all("Data Privacy" not in line for line in advice)


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("Same but weekends and evenings too.", {"coverage": "extended"}),
        ("add weekends", {"coverage": "extended"}),
        ("Quote me a couple of agents, domestic, phone only.", {"agents": 2}),
        ("a couple of months", {"agents": None}),
    ],
)
def test_weekends_and_a_couple_are_read(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


@pytest.mark.parametrize(
    "question",
    [
        "tolong bikinin balesan buat customer yg ngamuk krn paketnya telat 5 hari",
        "Can you draft a calm reply to a customer who's furious that we double-charged his card?",
        "I'm a support agent at a telco. What's a reasonable raise to ask for after two years?",
        "my own bank's support leaked my info, how do I file a complaint with them?",
    ],
)
def test_support_work_itself_and_a_persons_own_matters_are_refused(assistant, question):
    assert assistant.answer(question).refused


def test_what_a_vendor_writes_for_our_customers_is_in_scope(assistant):
    answer = assistant.answer(
        "Should the vendor write reply templates for our customers in both languages?"
    )
    assert not answer.refused


def test_a_term_the_article_only_lists_is_said_undefined(assistant):
    body = assistant.answer("what's a transaction fee exactly?").body
    assert body.startswith("The article does not say what transaction fee means")


@pytest.mark.parametrize(
    ("question", "want"),
    [
        (
            "Kalau dalam seminggu ada 12.000 email dan agen butuh 3 menit per email, berapa?",
            {"agents": None, "contacts_per_month": 52000, "avg_handle_minutes": 3},
        ),
        (
            "Each chat takes our agents about 90 seconds, and there are 2,500 of them every day.",
            {"agents": None, "contacts_per_month": 54250, "avg_handle_minutes": 1.5},
        ),
        ("Daily we see 600 chats, each wrapped up in about 4 minutes.", {"contacts_per_month": 13020, "avg_handle_minutes": 4}),
        ("Chat masuk per minggu: 7.000. Vendor nearshore berapa?", {"contacts_per_month": 30333}),
        ("Weekly chat volume is around 7,000.", {"contacts_per_month": 30333}),
        ("AHT kami lumayan lama, sekitar 540 detik.", {"avg_handle_minutes": 9}),
        ("a ticket takes 300 seconds to handle", {"avg_handle_minutes": 5}),
        ("200 emails a day, each needing 15 minutes of troubleshooting", {"avg_handle_minutes": 15}),
        ("We get 2,800 questions a week, averaging 180 seconds each", {"contacts_per_month": 12133}),
        ("Tiap minggu masuk 5.000-an, semuanya email, penanganan 4 menit per email.", {"contacts_per_month": 21667}),
        ("need en + es btw", {"languages": ["en", "es"]}),
        ("we pay $2,000 each, there are 10 of them", {"agents": 10}),
    ],
)  # fmt: skip
def test_volumes_and_handle_times_far_from_their_cues(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


def test_a_reversed_comparison_asked_yes_or_no_is_answered_no(assistant):
    answer = assistant.answer("vendor lokal biasanya lebih murah drpd vendor luar negeri kan?")
    assert answer.body.startswith("Umumnya tidak")


def test_does_the_article_say_a_country_is_said_missing(assistant):
    answer = assistant.answer(
        "Does the article say India is the cheapest place to send our support work?"
    )
    assert answer.body.startswith("The article does not say anything about India")


@pytest.mark.parametrize(
    "question",
    [
        "Can you boil the benefits section down to a few bullets? It's for the board deck.",
        "any vendor recs? is teleperformance any good",
    ],
)
def test_board_decks_and_vendor_names_are_in_scope(assistant, question):
    assert not assistant.answer(question).refused


def test_a_recap_for_the_board_memo_recaps_the_conversation(assistant):
    *_, answer = converse(
        assistant,
        "what are the risks of outsourcing?",
        "how do we handle data security?",
        "Give me a recap I can paste into the board memo.",
    )
    assert not answer.refused and answer.ask_type == "summary"
    assert {s.id for s in answer.sources} >= {"challenges", "faq-data-security"}


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("Calls average two and a half minutes, and 1,000 come in every day.", {"contacts_per_month": 21700}),
        ("Around 400 land on us daily, chat and email tickets, and closing one takes roughly six minutes.", {"contacts_per_month": 8680, "avg_handle_minutes": 6}),
        ("Roughly 5,000 emails hit the inbox weekly, four minutes to handle each.", {"contacts_per_month": 21667, "avg_handle_minutes": 4}),
        ("12,000 emails arrive in a week and an agent needs 3 minutes for each", {"avg_handle_minutes": 3}),
    ],
)  # fmt: skip
def test_volumes_that_arrive_and_times_to_handle_each(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want
