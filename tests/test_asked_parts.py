"""Questions of the v27/v28 held-out batches' kinds, each failing before its fix: a later clause
that asks a figure the article never gives, statistics about other companies, "per jam" read as
a time, "sebaiknya ... apa saja" read as a decision, look-alike subjects refused, corrections
and keahlian in cost conversations, a turn back to another subject, a named challenge's
remedies. The questions are paraphrases, not the batches' wording."""

from __future__ import annotations

import pytest
from converse import converse, sentinel

from bot.answer.analysis import Analyzer
from bot.answer.route import topic_level
from bot.config import REPO_ROOT

ANALYZER = Analyzer(REPO_ROOT / "prompts")


@pytest.fixture(scope="module")
def assistant(session_home):
    from bot.answer.assistant import get_assistant
    from bot.config import Settings

    return get_assistant(Settings(home=session_home))


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Sebutkan biaya tersembunyinya, lalu kira-kira berapa masing-masing?", "id"),
        ("List the challenges, and how many percent of firms give up on it?", "en"),
        ("How many businesses move their support back in-house every year?", "en"),
        ("Berapa banyak perusahaan yang berhenti outsourcing CS?", "id"),
        ("Is there any data on how much churn falls once support is outsourced?", "en"),
    ],
)
def test_a_figure_the_article_never_gives_is_said_uncovered(assistant, question, lang):
    answer = assistant.answer(question)
    assert not answer.refused and answer.body.startswith(sentinel(assistant, lang))


def test_a_later_clause_on_the_hourly_rate_is_answered_not_said_uncovered(assistant):
    answer = assistant.answer("Apa saja faktor biayanya, dan tarif per jamnya berapa?")
    assert not answer.body.startswith(sentinel(assistant, "id"))


@pytest.mark.parametrize(
    ("question", "not_type"),
    [
        ("tarif agen outsourcing per jam berapa?", "duration"),
        ("kisaran tarif CS per jam berapa ya?", "duration"),
        ("Kontrak dengan vendor sebaiknya mencakup apa saja?", "decision"),
        ("SLA sebaiknya isinya apa aja?", "decision"),
    ],
)
def test_rates_per_hour_and_what_a_contract_should_hold_are_not_misread(question, not_type):
    assert ANALYZER.analyze(question).type != not_type


@pytest.mark.parametrize(
    "question",
    [
        "HP Samsung saya mati, nomor call center Samsung berapa?",
        "My Tokopedia order is late, how can I contact their customer service?",
        "I'm looking for a job as a call centre agent, any openings?",
        "mau melamar kerja jadi agen CS, syaratnya apa?",
        "berapa harga iPhone terbaru?",
    ],
)
def test_a_consumers_own_support_a_job_and_a_gadgets_price_are_another_matter(question):
    assert topic_level(question) == "foreign"


def test_offshoring_and_nearshoring_are_outsourcing_terms(assistant):
    assert topic_level("apa itu nearshoring?") == "general"
    answer = assistant.answer("What does nearshoring mean?")
    assert not answer.refused


@pytest.mark.parametrize(
    ("questions", "changed"),
    [
        (("hitung biaya 10 agen teknis spesialis 24/7", "kalau keahliannya standar saja?"),
         {"agents": 10, "expertise": "standard", "support_type": "technical"}),
        (("Quote 4 agents on email, offshore", "oops, I meant 14"),
         {"agents": 14, "location": "offshore", "channels": ["email"]}),
        (("biaya setengah lusin agen chat, offshore?",), {"agents": 6, "location": "offshore"}),
    ],
)  # fmt: skip
def test_cost_turns_keep_the_estimate_and_change_what_they_name(assistant, questions, changed):
    *_, answer = converse(assistant, *questions)
    assert answer.estimate is not None
    args = answer.estimate.args
    assert {k: args.get(k) for k in changed} == {
        k: (list(v) if isinstance(v, list) else v) for k, v in changed.items()
    }


def test_a_turn_back_to_another_subject_is_not_read_as_the_last_answer(assistant):
    *_, rate = converse(
        assistant,
        "Apa saja tantangan outsourcing CS?",
        "yang soal data itu, gimana mitigasinya?",
        "oke balik ke biaya, tarif per jamnya kisaran berapa?",
    )
    assert rate.sources[0].id == "faq-hourly-rate"
    assert not rate.body.startswith(sentinel(assistant, "id"))


def test_a_named_challenge_gets_its_own_remedies(assistant):
    _, remedy = converse(
        assistant,
        "What are the challenges of outsourcing support?",
        "the data one, how to mitigate?",
    )
    assert remedy.sources[0].id == "faq-data-security"
    assert "data security" in remedy.body.splitlines()[0].lower()


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Apa beda outsourcing dengan staff augmentation?", "id"),
        ("Do you have a sample SLA template we could reuse?", "en"),
    ],
)
def test_subjects_the_article_never_discusses_are_named(assistant, question, lang):
    assert assistant.answer(question).body.startswith(sentinel(assistant, lang))


def test_an_hourly_figure_given_as_an_example_is_placed_in_the_band(assistant):
    above = assistant.answer("What hourly rate does a domestic vendor charge, something like $90?")
    assert "$90.00" in above.body.splitlines()[0] and "above" in above.body.splitlines()[0]
    for question in (
        "We can spend $6,000 a month; what hourly rate fits?",
        "Tarif per jam outsourcing CS selalu di bawah $50 kan?",
    ):
        first = assistant.answer(question).body.splitlines()[0]
        assert "$6" not in first and "sepertiga" not in first


def test_how_long_a_ramp_up_takes_points_to_the_setup_costs(assistant):
    *_, ramp = converse(
        assistant,
        "estimate 6 chat agents offshore",
        "how long until the vendor's team is up and running?",
    )
    assert ramp.body.startswith(sentinel(assistant, "en"))
    assert ramp.sources[0].id == "faq-hidden-costs"


def test_which_vendor_to_pick_points_to_choosing_the_partner(assistant):
    *_, answer = converse(
        assistant, "Quote 8 email agents, nearshore", "Which provider would you recommend for this?"
    )
    assert answer.body.startswith(sentinel(assistant, "en"))
    assert answer.sources[0].id == "best-practices"


def test_a_polite_form_of_address_is_no_unknown_name(assistant):
    answer = assistant.answer("Negara mana yang Bapak/Ibu sarankan untuk outsourcing CS kami?")
    assert "Bapak" not in answer.body.splitlines()[0]


def test_besides_one_point_what_else_stays_on_the_topic(assistant):
    *_, rest = converse(
        assistant, "Bagaimana mengukur ROI outsourcing CS?", "selain KPI, apa lagi yang dicek?"
    )
    assert rest.sources[0].id == "faq-roi"


@pytest.mark.parametrize(
    ("indonesian", "english"),
    [
        ("Shift malam saja, 3 agen chat, berapa?", "Only the night shift, 3 chat agents: price?"),
        (
            "Akhir pekan saja, 2 agen telepon, berapa?",
            "Weekends only (Sat and Sun), 2 phone agents?",
        ),
    ],
)
def test_nights_and_weekends_only_are_priced_alike_in_both_languages(
    assistant, indonesian, english
):
    ours, theirs = assistant.answer(indonesian).estimate, assistant.answer(english).estimate
    assert ours.args.get("coverage") == theirs.args.get("coverage") == "extended"


def test_a_new_daily_volume_without_its_noun_changes_the_volume_not_the_in_house_cost(assistant):
    first, bumped, compared = converse(
        assistant,
        "We get about 200 chats a day, 4 minutes each. What would outsourcing cost?",
        "bump it to 300 a day",
        "Our in-house team costs $20,000 a month, how does that compare?",
    )
    before = first.estimate.args["contacts_per_month"]
    assert bumped.estimate.args["contacts_per_month"] == before * 300 // 200
    assert (
        compared.estimate.args["contacts_per_month"] == bumped.estimate.args["contacts_per_month"]
    )
    assert compared.estimate.args["inhouse_monthly_usd"] == 20000


@pytest.mark.parametrize(
    ("question", "not_type"),
    [
        ("Which channels can an outsourced helpdesk take over?", "duration"),
        ("Apa saja yang bisa salah kalau vendor yang pegang telepon pelanggan kami?", "how_to"),
        ("What could go wrong if a vendor answers our angry customers?", "how_to"),
    ],
)
def test_a_guess_needs_its_sentence_form(assistant, question, not_type):
    assert assistant.answer(question).ask_type != not_type


def test_which_languages_to_cover_is_said_uncovered(assistant):
    answer = assistant.answer("Which languages should our outsourced team cover?")
    assert answer.body.startswith(sentinel(assistant, "en"))


@pytest.mark.parametrize(
    ("question", "lang", "term", "entry"),
    [
        ("What does the article mean by 'economies of scale'?", "en", "economies of scale", "benefits"),
        ("Skala ekonomi itu maksudnya apa sih?", "id", "skala ekonomi", "benefits"),
        ("Define 'overhead' as the benefits section uses it.", "en", "overhead", "benefits"),
    ],
)  # fmt: skip
def test_a_term_the_article_only_mentions_is_said_unexplained(
    assistant, question, lang, term, entry
):
    answer = assistant.answer(question)
    first = answer.body.splitlines()[0]
    assert first.startswith(sentinel(assistant, lang)) and term in first
    assert answer.sources[0].id == entry


@pytest.mark.parametrize(
    ("question", "label"),
    [("apa itu perbedaan budaya?", "Perbedaan Budaya"),
     ("What is meant by quality control issues?", "Quality Control Issues")],
)  # fmt: skip
def test_a_term_the_article_explains_leads_with_its_point(assistant, question, label):
    first = assistant.answer(question).body.splitlines()[0]
    assert first.startswith(f"**{label}**")


def test_a_general_definition_names_no_term(assistant):
    answer = assistant.answer(
        "hi! first time here - what actually is customer support outsourcing?"
    )
    assert not answer.body.startswith(sentinel(assistant, "en"))


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Isn't going offshore riskier, though?", "en"),
        ("Bukannya vendor luar negeri justru lebih berisiko?", "id"),
        ("ada rumus ROI-nya gak di artikel?", "id"),
    ],
)
def test_risk_comparisons_and_formulas_are_said_uncovered(assistant, question, lang):
    assert assistant.answer(question).body.startswith(sentinel(assistant, lang))


def test_a_question_in_capitals_names_no_unknown_words(assistant):
    first = assistant.answer("APAKAH VENDOR OUTSOURCING BISA KASIH LAYANAN 24/7???").body
    assert not first.startswith(sentinel(assistant, "id"))


def test_a_pasted_quote_before_the_question_is_background():
    from bot.answer.analysis import question_sentence

    text = (
        "From our memo: 'Vendors give us expertise we cannot hire, call +1 415 555 0199.' "
        "Does the article back up the expertise claim?"
    )
    assert question_sentence(text) == "Does the article back up the expertise claim?"


def test_besides_one_cost_asking_for_other_costs_asks_its_own_subject(assistant):
    *_, other = converse(
        assistant,
        "Estimasi 3 agen telepon dan chat, bahasa Indonesia dan Inggris, per bulan?",
        "Selain tarif agen, ada biaya lain yang bisa muncul nggak?",
    )
    assert other.sources[0].id == "faq-hidden-costs"


@pytest.mark.parametrize(
    "follow_up", ["Angka segitu biasanya sudah termasuk apa aja?", "What does that figure include?"]
)
def test_what_an_estimate_includes_is_the_cost_breakdown(assistant, follow_up):
    *_, included = converse(assistant, "2 phone agents, office hours, how much?", follow_up)
    assert included.sources[0].id == "breakdown"


@pytest.mark.parametrize(
    ("questions", "entry", "lang"),
    [
        (("What are the challenges of outsourcing support?", "which is worst?"), "challenges", "en"),
        (("Rincian biaya outsourcing CS apa saja?", "mana paling besar?"), "breakdown", "id"),
    ],
)  # fmt: skip
def test_a_bare_superlative_chooses_among_the_last_answers_points(
    assistant, questions, entry, lang
):
    *_, chosen = converse(assistant, *questions)
    assert not chosen.refused and chosen.sources[0].id == entry
    assert chosen.body.startswith(sentinel(assistant, lang))  # the article ranks none of them


def test_a_bare_summary_request_summarises_the_last_topic(assistant):
    *_, short = converse(assistant, "Apa saja manfaat outsourcing CS?", "ringkas dong")
    assert not short.refused and short.sources[0].id == "benefits"


@pytest.mark.parametrize(
    ("questions", "lang"),
    [
        (("What's the usual hourly rate for outsourced support?", "why is the range so wide?"), "en"),
        (("Tarif CS outsourcing per jam berapa?", "kenapa rentangnya lebar?"), "id"),
    ],
)  # fmt: skip
def test_why_a_range_is_wide_is_the_last_answers_own_reason(assistant, questions, lang):
    *_, why = converse(assistant, *questions)
    assert why.sources[0].id == "faq-hourly-rate"
    assert ("depending on" if lang == "en" else "tergantung") in why.body.splitlines()[0]


def test_how_to_fix_that_after_one_challenge_gets_its_own_remedies(assistant):
    *_, fix = converse(
        assistant,
        "What challenges come with outsourcing support?",
        "the 2nd one?",
        "how do we fix that?",
    )
    assert fix.body.splitlines()[0].startswith("Quality Control Issues")


def test_whether_a_budget_covers_the_team_described_before_it_is_priced(assistant):
    answer = assistant.answer(
        "Nearshore vendor, 9,000 emails a month at about 5 minutes each. Would $12k a month be enough?"
    )
    assert answer.estimate is not None
    assert answer.estimate.args["contacts_per_month"] == 9000


@pytest.mark.parametrize(
    ("question", "lang", "words"),
    [
        ("Apakah ada vendor dengan tarif kurang dari $8 per jam?", "id", "di bawah $8,00"),
        ("Do any providers charge more than $70 an hour?", "en", "above $70.00"),
    ],
)
def test_a_rate_bound_past_the_band_is_said_uncovered(assistant, question, lang, words):
    first = assistant.answer(question).body.splitlines()[0]
    assert first.startswith(sentinel(assistant, lang)) and words in first


def test_the_band_itself_is_no_quote_and_rupiah_is_never_given(assistant):
    first = assistant.answer("How much is $10-$50 an hour in rupiah?").body.splitlines()[0]
    assert first.startswith(sentinel(assistant, "en")) and "rupiah" in first


@pytest.mark.parametrize(
    ("questions", "lang"),
    [
        (("tarif per jam agen teknis bisa sampai $90 nggak?",), "id"),
        (("what's an acceptable resolution rate for a vendor?",), "en"),
        (("What drives the cost of outsourced support?", "is basic support cheaper than technical?",
          "how much cheaper?"), "en"),
    ],
)  # fmt: skip
def test_figures_the_article_never_gives_in_a_drill_down_are_said_uncovered(
    assistant, questions, lang
):
    *_, answer = converse(assistant, *questions)
    assert answer.body.startswith(sentinel(assistant, lang))


def test_whether_something_is_legal_is_said_uncovered(assistant):
    answer = assistant.answer("is outsourcing customer service legal in malaysia?")
    assert answer.body.startswith(sentinel(assistant, "en"))


@pytest.mark.parametrize(
    "question", ["tp aman gk data pelanggan kalau di-outsource?", "sorry. setup fee is part of it?"]
)
def test_informal_yes_no_forms_are_yes_no(assistant, question):
    assert assistant.answer(question).ask_type == "yes_no"


def test_an_in_house_cost_without_a_team_size_is_not_priced_as_one_seat(assistant):
    answer = assistant.answer(
        "Biaya tim CS kami Rp 150 juta per bulan. Apa manfaatnya kalau dioutsource?"
    )
    assert answer.estimate is None and answer.sources[0].id == "benefits"


def test_the_counterarguments_are_the_challenges(assistant):
    *_, against = converse(
        assistant, "Why would we outsource support at all?", "and the counterarguments?"
    )
    assert against.sources[0].id == "challenges"


def test_an_in_house_cost_stated_earlier_is_compared_with_the_next_estimate(assistant):
    _, priced = converse(
        assistant,
        "Biaya tim CS kami Rp 150 juta per bulan. Apa manfaatnya kalau dioutsource?",
        "Tim kami 8 agen, chat dan email. Berapa kalau outsource ke luar negeri?",
    )
    assert priced.estimate.args["inhouse_monthly_idr"] == 150_000_000
    assert priced.estimate.args["agents"] == 8
