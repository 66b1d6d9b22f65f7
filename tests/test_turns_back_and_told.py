"""Questions of the v35-v37 held-out batches' kinds, each failing before its fix: a cost
conversation that goes back to an earlier estimate ("balik ke awal", "never mind", "back to 6"),
puts a value back or drops one written "sosmed-nya"; a handle time said per message; a company's
size beside its support team; what the asker tells before a question that asks the article; a
statement of growth that is no decision; look-alike subjects on both sides of the scope line; a
bare "give me the gist". The questions are paraphrases, not the batches' wording."""

from __future__ import annotations

import pytest
from converse import converse, sentinel

from bot.answer.route import topic_level
from bot.config import REPO_ROOT, Settings
from bot.cost.service import CostService

SETTINGS = Settings()
COST = CostService.from_dirs(SETTINGS.corpus_dir, REPO_ROOT / "prompts")


@pytest.fixture(scope="module")
def assistant(session_home):
    from bot.answer.assistant import get_assistant

    return get_assistant(Settings(home=session_home))


def args(answer) -> dict:
    assert answer.estimate is not None, answer.body[:200]
    return answer.estimate.args


def test_back_to_the_start_restores_the_first_estimate(assistant):
    first, *_, back = converse(
        assistant,
        "berapa biaya 6 agen email, vendor luar negeri, jam kantor?",
        "kalau vendor dalam negeri?",
        "tambah 2 agen",
        "udah, balik ke awal aja",
    )
    assert args(back) == args(first)


def test_back_to_the_original_after_a_knowledge_turn(assistant):
    first, _, _, back = converse(
        assistant,
        "price 4 phone agents, nearshore, business hours",
        "switch it to 24/7",
        "why does round-the-clock cost more?",
        "ok, back to the original quote",
    )
    assert args(back) == args(first)


def test_never_mind_undoes_the_last_change_only(assistant):
    *_, offshore, undone = converse(
        assistant,
        "estimate 3 chat agents, domestic",
        "make it 24/7",
        "and offshore?",
        "never mind",
    )
    assert args(offshore)["location"] == "offshore"
    assert args(undone)["location"] == "domestic" and args(undone)["coverage"] == "24x7"


@pytest.mark.parametrize(
    ("change", "agents"), [("fine, go back to 6", 6), ("gak jadi deh, 6 aja", 6)]
)
def test_a_number_gone_back_to_is_the_number_of_agents(assistant, change, agents):
    *_, back = converse(assistant, "quote for 6 email agents", "add 4 more agents", change)
    assert args(back)["agents"] == agents and args(back)["channels"] == ["email"]


def test_a_volume_gone_back_to_keeps_the_volume_noun(assistant):
    *_, back = converse(
        assistant,
        "sekitar 9 ribu tiket sebulan, 6 menit per tiket, berapa biayanya?",
        "kalau 11 ribu?",
        "balik ke 9 ribu, tapi 24 jam",
    )
    assert args(back)["contacts_per_month"] == 9000 and args(back)["coverage"] == "24x7"


def test_a_language_put_back_joins_the_list(assistant):
    *_, back = converse(
        assistant,
        "8 agents 24/7, English and French, offshore: how much?",
        "drop French",
        "hmm, bring French back",
    )
    assert sorted(args(back)["languages"]) == ["en", "fr"]


def test_a_channel_dropped_as_sosmed_nya_is_dropped(assistant):
    *_, dropped = converse(
        assistant, "hitung 10 agen, telepon + email + sosmed, offshore", "email-nya dihapus aja"
    )
    assert sorted(args(dropped)["channels"]) == ["phone", "social_media"]


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("rata-rata satu tiket kelar 6 menit", 6), ("one email gets handled in 9 minutes", 9)],
)
def test_a_handle_time_per_contact_is_no_volume_of_one(text, minutes):
    fields = COST.parse_fields(text)
    assert fields.get("avg_handle_minutes") == minutes and "contacts_per_month" not in fields


@pytest.mark.parametrize(
    "text",
    [
        "We're a 120-person edtech; support is 7 agents on chat.",
        "Healthtech, 40 people, and 7 agents answer our chats.",
        "Kami fintech 80 karyawan, CS-nya 7 agen chat.",
    ],
)
def test_the_company_size_is_not_the_support_team(text):
    assert COST.parse_fields(text).get("agents") == 7


def test_money_spent_on_the_team_now_is_the_in_house_cost():
    fields = COST.parse_fields("tim CS 5 orang, habis kira-kira Rp 55 juta sebulan")
    assert fields.get("inhouse_monthly_idr") == 55_000_000


@pytest.mark.parametrize(
    "question",
    [
        "Kami toko online, tim CS 5 orang, habis Rp 50 juta sebulan. Biaya vendor ditentukan apa?",
        "We have 30 agents on phone and spend $70,000 a month in-house. What really drives a "
        "vendor's price?",
    ],
)
def test_a_question_after_the_askers_story_asks_the_article(assistant, question):
    answer = assistant.answer(question)
    assert answer.estimate is None and not answer.refused and answer.ask_type == "list"


def test_a_story_then_how_much_is_still_priced(assistant):
    answer = assistant.answer("We run 12 agents on email. How much would a vendor charge us?")
    assert args(answer)["agents"] == 12


def test_a_yes_no_after_a_story_in_a_cost_conversation_changes_nothing(assistant):
    first, asked = converse(
        assistant,
        "berapa biaya 500 chat sebulan, support dasar?",
        "Pelanggan kami banyak yang pakai bahasa Sunda. Bakal jadi kendala nggak kalau "
        "vendornya dari luar?",
    )
    assert asked.estimate is None and asked.cost_state == args(first)


def test_growth_stated_after_an_estimate_scales_the_volume(assistant):
    first, grown = converse(
        assistant,
        "price 2,000 emails a month, basic support, offshore",
        "and the volume will likely double next year",
    )
    assert args(grown)["contacts_per_month"] == 2 * args(first)["contacts_per_month"]


def test_english_on_top_of_indonesian_adds_a_language(assistant):
    *_, added = converse(
        assistant,
        "estimate 900 emails a month, offshore",
        "we open in Singapore next quarter, so English on top of Indonesian",
    )
    assert sorted(args(added)["languages"]) == ["en", "id"]


@pytest.mark.parametrize(
    "question",
    [
        "We store passport scans. How do we keep them safe with an offshore team?",
        "Why is round-the-clock cover worth the extra money?",
    ],
)
def test_support_questions_with_look_alike_words_are_answered(assistant, question):
    assert not assistant.answer(question).refused


@pytest.mark.parametrize(
    "question",
    ["I'm interviewing for a call center agent job on Monday, how do I prepare?",
     "Outsourcing KYC verification for our lending app: what does it cost?",
     "gimana cara pindah bank kalau CS bank saya lambat?",
     "Can you help me write a business plan for a bakery?"],
)  # fmt: skip
def test_a_job_interview_and_identity_checks_are_another_matter(question):
    assert topic_level(question) == "foreign"


@pytest.mark.parametrize(("question", "lang"), [("the gist?", "en"), ("intinya gimana?", "id")])
def test_a_bare_gist_to_begin_with_summarises_the_article(assistant, question, lang):
    answer = assistant.answer(question)
    assert answer.ask_type == "summary" and len(answer.cited_ids) >= 4
    assert "faq-closing" not in answer.cited_ids


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Does the article tell us which Malaysian laws apply to customer records?", "en"),
        ("regulasi apa saja yang wajib diikuti soal data pelanggan kalau pakai vendor?", "id"),
        ("is there a real-world case of a firm that got burned by this?", "en"),
        ("ada contoh perusahaan yang gagal outsourcing CS?", "id"),
        ("kalau lagi promo besar, nambah agen bisa secepat apa?", "id"),
        ("Would our regulator let us move customer support to an offshore vendor?", "en"),
        ("OJK ngizinin CS bank dialihdayakan ke vendor nggak?", "id"),
    ],
)
def test_rules_regulators_examples_and_how_fast_are_said_uncovered(assistant, question, lang):
    answer = assistant.answer(question)
    assert not answer.refused and answer.body.startswith(sentinel(assistant, lang))


def test_a_handle_time_put_back_is_no_volume_or_team(assistant):
    *_, back = converse(
        assistant,
        "6000 chats a month, AHT 4 minutes, business hours: cost?",
        "actually put AHT back to 8",
    )
    assert args(back)["avg_handle_minutes"] == 8 and args(back)["contacts_per_month"] == 6000


@pytest.mark.parametrize(
    "question",
    [
        "Kami toko online, tim CS 8 orang, biayanya Rp 120 juta sebulan. Risikonya apa aja?",
        "We have 9 agents in-house at $40,000 a month. What are the benefits of outsourcing?",
    ],
)
def test_a_list_asked_by_name_after_the_askers_story_is_no_estimate(assistant, question):
    answer = assistant.answer(question)
    assert answer.estimate is None and not answer.refused


def test_a_follow_up_naming_a_point_of_the_last_answer_is_not_refused(assistant):
    _, answer = converse(
        assistant, "What are the risks of outsourcing support?", "how do we tackle the quality one?"
    )
    assert not answer.refused


def test_what_eats_into_the_savings_after_an_estimate_is_the_hidden_costs(assistant):
    *_, asked = converse(
        assistant,
        "We pay $30,000 a month for 8 in-house agents. What would 8 offshore agents cost?",
        "what might eat into that saving?",
    )
    assert not asked.refused and asked.cited_ids[0] == "faq-hidden-costs"
