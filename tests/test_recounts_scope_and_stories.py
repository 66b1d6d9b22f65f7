"""Held-out v193-v200: a daily volume counted again when a follow-up changes the coverage; a day
said by its length ("15 hours a day"); a volume "doubled to" a stated figure; another function
asked about after a story that names support; one-line asks ("pros cons, quick"); laws asked
with words between ("ada gak regulasi ... yg ngatur"); a story before the question that is no
subject of it ("Amazon seller here. Sorry if it's basic, but ..."); claims passed on and then
checked ("Kata bos saya ... Betul?"), with a multiple ("2x lipat") or a vendor's margin the
article never gives; Saturdays added and dropped; a total said after its parts."""

from __future__ import annotations

import pytest

from bot.answer.analysis import Analyzer
from bot.config import REPO_ROOT
from bot.cost.service import CostService
from tests.converse import converse, sentinel

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")
RULES = Analyzer(REPO_ROOT / "prompts")  # the phrase rules, without the ask-type model


@pytest.mark.parametrize(
    ("first", "follow_up", "before", "after"),
    [
        # 400 a day: 21.7 weekdays in office hours, 30.4 days round the clock
        ("400 chat sehari, jam kantor, vendor offshore, brp?", "kalau 24/7?", 8680, 12160),
        ("We get 250 emails a day, 24/7, nearshore. Cost?", "office hours only then", 7600, 5425),
    ],
)
def test_a_daily_volume_is_counted_again_when_the_coverage_changes(
    assistant, first, follow_up, before, after
):
    one, two = converse(assistant, first, follow_up)
    assert one.estimate.args["contacts_per_month"] == before
    assert two.estimate.args["contacts_per_month"] == after
    assert two.estimate.args["coverage"] != one.estimate.args["coverage"]


def test_a_monthly_volume_stays_when_the_coverage_changes(assistant):
    one, two = converse(assistant, "9,000 chats a month, office hours, offshore. Price?", "24/7?")
    assert two.estimate.args["contacts_per_month"] == 9000
    assert two.estimate.args["coverage"] == "24x7"


@pytest.mark.parametrize(
    ("question", "coverage"),
    [
        ("and 16 hours a day, every day?", "extended"),
        ("5 agen, 14 jam sehari, brp?", "extended"),
        ("4 agents, 8 hrs/day but 7 days a week, price?", "extended"),
        ("6 agents 23 hours a day, cost?", "24x7"),
    ],
)
def test_a_day_said_by_its_length_is_its_coverage(question, coverage):
    assert COST.parse_fields(question)["coverage"] == coverage


@pytest.mark.parametrize(
    "question", ["5 agents, 8 hours a day, cost?", "3 agen, 9 jam per hari, brp?"]
)
def test_a_day_of_office_length_on_weekdays_is_no_longer_coverage(question):
    assert COST.parse_fields(question).get("coverage") in (None, "business_hours")


def test_a_volume_doubled_to_a_stated_figure_is_that_figure(assistant):
    _, two = converse(
        assistant,
        "1,000 tickets a week, 6 min each, offshore, what's the cost?",
        "and if volume doubles to 2,000 a week?",
    )
    assert two.estimate.args["contacts_per_month"] == 8667  # 2,000 x 52 / 12, not 2 x 4,333


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("10 agents for Spanish and English customers, office hours", {"languages": ["es", "en"]}),
        ("3 tech agents offshore, quote?", {"support_type": "technical"}),
    ],
)
def test_languages_listed_before_customers_and_tech_agents_are_read(question, want):
    fields = COST.parse_fields(question)
    assert {k: sorted(v) if isinstance(v, list) else v for k, v in fields.items() if k in want} == {
        k: sorted(v) if isinstance(v, list) else v for k, v in want.items()
    }


@pytest.mark.parametrize(
    "question",
    [
        "Toko kami punya tim CS sendiri. Tapi kami juga mau outsource gudang. Biaya outsource gudang brp?",
        "Resort manager here. What would outsourcing our laundry cost?",
        "app dev outsourcing, what rates in Vietnam?",
    ],
)
def test_another_function_is_refused_even_after_a_story_that_names_support(assistant, question):
    assert assistant.answer(question).refused


def test_a_support_question_after_a_story_of_another_trade_is_answered(assistant):
    answer = assistant.answer(
        "We're a courier firm, 900 calls a day. What would outsourcing CS cost?"
    )
    assert not answer.refused
    assert answer.estimate is not None


@pytest.mark.parametrize(
    ("question", "entries"),
    [
        ("pros cons, briefly", {"benefits", "challenges"}),
        ("untung rugi, singkat aja", {"benefits", "challenges"}),
        ("quality control - how?", {"best-practices", "challenges"}),
    ],
)
def test_a_one_line_ask_about_the_articles_subjects_is_answered(assistant, question, entries):
    answer = assistant.answer(question)
    assert not answer.refused
    assert entries <= {s.id for s in answer.sources}


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Are there laws restricting how much vendors can charge for setup?", "en"),
        ("ada gak peraturan yg ngatur kontrak outsourcing CS?", "id"),
    ],
)
def test_a_law_asked_with_words_between_is_said_to_be_unstated(assistant, question, lang):
    answer = assistant.answer(question)
    assert answer.body.startswith(assistant.prompts.text(lang, "not_covered_law"))


@pytest.mark.parametrize("rate", ["tembus $75", "mencapai $90"])
def test_a_rate_that_reaches_past_the_band_is_no_yes(assistant, rate):
    _, answer = converse(
        assistant, "tarif per jam CS outsourcing kisarannya brp?", f"agen skilled bisa {rate} gak?"
    )
    assert answer.body.startswith(sentinel(assistant, "id"))


def test_an_apology_before_the_question_leaves_the_story_out(assistant):
    answer = assistant.answer(
        "We sell on Shopify and Etsy. Sorry if it's a silly one, but what is outsourced support?"
    )
    assert not answer.body.startswith(sentinel(assistant, "en"))
    assert answer.sources[0].id == "introduction"


def test_work_worth_so_many_agents_is_no_decision(assistant):
    answer = assistant.answer(
        "We're a SaaS with 9 agents' worth of work, 24/7, chat + email + social, nearshore. "
        "Can you price it?"
    )
    assert answer.estimate is not None
    assert not answer.body.startswith(sentinel(assistant, "en"))


def test_an_hourly_rate_asked_after_a_story_of_a_team_is_no_estimate(assistant):
    answer = assistant.answer(
        "Kami klinik gigi, admin CS ada 3 orang. Kalau outsource, tarif per jam agennya brp ya?"
    )
    assert answer.estimate is None
    assert answer.sources[0].id == "faq-hourly-rate"


@pytest.mark.parametrize(
    "question", ["tarif vendor offshore biasanya brp ya?", "kenapa vendor luar lebih murah sih?"]
)
def test_a_question_word_with_a_tag_is_no_yes_no(question):
    assert RULES.analyze(question).type != "yes_no"


def test_a_tool_asked_for_is_quoted_as_a_subject(assistant):
    answer = assistant.answer("which software should we use to track SLAs?")
    assert answer.body.startswith(sentinel(assistant, "en"))
    assert "about which software to use" in answer.body.split("\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "Kata bos saya vendor luar negeri pasti lebih murah. Betul?",
        "Rekan saya bilang agen spesialis tarifnya lebih tinggi. Emang iya?",
        "Our COO says domestic vendors are safer. Is he right?",
        "A friend claims outsourcing always saves money. True?",
        "Angka tadi udah termasuk biaya software belum?",
        "Bukannya vendor lokal lebih gampang diajak komunikasi?",
    ],
)
def test_a_claim_passed_on_and_then_checked_asks_yes_or_no(question):
    assert RULES.analyze(question).type == "yes_no"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Vendor kami bilang layanan 24/7 bikin tarif naik 3x lipat. Benar begitu?", "id"),
        ("is nearshore half the price of domestic?", "en"),
        (
            "My director wants to know which BPO in Manila is the best. Any names in the article?",
            "en",
        ),
        ("Is the provider's profit margin part of that hourly rate?", "en"),
        ("margin vendornya biasanya berapa persen?", "id"),
    ],
)
def test_a_multiple_a_passed_on_ask_or_a_margin_is_said_to_be_unstated(assistant, question, lang):
    assert assistant.answer(question).body.startswith(sentinel(assistant, lang))


def test_a_claim_that_the_price_is_all_in_is_answered_from_the_hidden_costs(assistant):
    answer = assistant.answer("katanya harga vendor udah all in, bener gak?")
    assert not answer.refused
    assert answer.sources[0].id == "faq-hidden-costs"


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("8 agen, jam kantor + Sabtu, chat, brp?", {"coverage": "extended"}),
        ("and if we also want Saturdays covered?", {"coverage": "extended"}),
        ("oke sabtunya gak usah", {"coverage": "business_hours"}),
        (
            "tambah email, 500 email seminggu, jadi total 1.500 tiket seminggu",
            {"contacts_per_month": 6500},
        ),
        ("satu bahasa aja deh, Jepang", {"languages": ["ja"]}),
    ],
)
def test_weekend_days_totals_and_one_language_are_read(question, want):
    fields = COST.parse_fields(question)
    assert {k: fields.get(k) for k in want} == want


def test_a_time_zone_difference_is_no_question_of_another_place(assistant):
    _, answer = converse(
        assistant,
        "Hitung 5 agen offshore, chat, jam kantor.",
        "Bukannya 24/7 dari vendor luar justru gampang karena beda zona waktu?",
    )
    assert not answer.body.startswith(sentinel(assistant, "id"))
    assert answer.sources[0].id in ("faq-offshore", "benefits")  # both name the time zones


def test_agents_who_resign_are_no_question_about_resigning(assistant):
    answer = assistant.answer(
        "CS kami 4 orang dan sering resign, capek rekrut terus. Kalau pakai vendor lokal 4 agen "
        "jam kantor, brp sebulan?"
    )
    assert not answer.refused
    assert answer.estimate is not None


@pytest.mark.parametrize(
    "question",
    ["Should I resign from my support job?", "How much is a team offsite in Bali per person?"],
)
def test_a_persons_own_job_or_a_company_outing_is_refused(assistant, question):
    assert assistant.answer(question).refused


def test_a_summary_asked_after_a_story_of_the_team_is_no_estimate(assistant):
    answer = assistant.answer(
        "We run a courier business with about 15 support staff. My manager wants the gist of this "
        "article. Can you give me the main points?"
    )
    assert answer.estimate is None


def test_support_narrowed_to_one_channel_is_not_confirmed(assistant):
    answer = assistant.answer("So outsourced support, is it just phone calls?")
    assert answer.body.startswith(assistant.prompts.text("en", "not_necessarily_joined"))
    assert answer.sources[0].id == "introduction"
