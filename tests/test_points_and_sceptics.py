"""Going through a list point by point, sceptical yes/no questions, and what a cost conversation
does not turn into an estimate (held-out v81-v84): "what about location?" after one cost factor
is the location factor; "what downsides does the article admit to?" is answered; a permit asked
of the government is a legal question; "ada ruginya?" asks the challenges; a team's total pay is
its in-house cost; the tax treatment of the cost is said to be unstated, tax work is another
matter; "agents with industry knowledge vs generic ones" is compared by the expertise factor; a
country asked for is said to be unnamed, "di mana? dalam negeri atau luar?" is answered; benefits
and salaries asked mid-estimate are the article's; a contract's length points to the SLA."""

from __future__ import annotations

import pytest
from converse import converse, sentinel


def test_a_list_gone_through_point_by_point(assistant):
    answers = converse(
        assistant,
        "which factors decide what outsourced support costs?",
        "start with the first one, the type of support",
        "what about location?",
        "and time zones and language?",
    )
    assert answers[2].body.startswith("**Location of the Outsourcing Provider**")
    assert answers[3].body.startswith("**Time Zone and Language Considerations**")
    assert all(a.sources[0].id == "factors" for a in answers)


def test_a_cost_breakdown_gone_through_point_by_point(assistant):
    *_, answer = converse(
        assistant,
        "what is in the cost breakdown of outsourced support?",
        "what counts as labour costs?",
        "and technology and infrastructure?",
    )
    assert answer.body.startswith("**Technology and Infrastructure Costs**")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Which risks does the article actually admit to?", "en"),
        ("kekurangan apa saja yang diakui artikel?", "id"),
    ],
)
def test_what_the_article_admits_is_answered(assistant, question, lang):
    answer = assistant.answer(question)
    assert not answer.refused
    assert answer.sources[0].id == "challenges"


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("apakah perlu izin khusus dari pemerintah untuk outsourcing layanan pelanggan?", "id"),
        ("do we need a government permit to outsource customer support?", "en"),
    ],
)
def test_a_permit_is_a_legal_question(assistant, question, lang):
    answer = assistant.answer(question)
    assert answer.body.startswith(assistant.prompts.text(lang, "not_covered_law"))


@pytest.mark.parametrize(
    "follow_up", ["tapi ada ruginya gak?", "bahasanya bisa jadi masalah nggak?"]
)
def test_losses_and_problems_ask_the_challenges(assistant, follow_up):
    _, answer = converse(assistant, "apa saja keuntungan vendor luar negeri?", follow_up)
    assert answer.sources[0].id == "challenges"


def test_what_drives_a_price_is_the_factors(assistant):
    assert assistant.answer("harga vendor CS itu dipengaruhi apa saja?").sources[0].id == "factors"


def test_a_teams_total_pay_is_its_in_house_cost(assistant):
    fields = assistant.cost.parse_fields(
        "tim CS saya 3 orang, gaji total Rp 15 juta/bulan. kalo outsource 3 agen lebih murah gak?"
    )
    assert fields.get("inhouse_monthly_idr") == 15000000


@pytest.mark.parametrize(
    ("question", "refused"),
    [
        ("What's the current USD to EUR exchange rate?", True),
        ("by the way, how do I open a shop on Tokopedia?", True),
        ("Can we deduct the vendor's fees as a tax write-off?", False),
        ("biaya vendor outsourcing bisa jadi potongan pajak nggak?", False),
    ],
)
def test_other_matters_and_the_tax_on_the_cost(assistant, question, refused):
    answer = assistant.answer(question)
    assert answer.refused is refused
    if not refused:
        assert answer.body.startswith(sentinel(assistant, answer.language))


def test_a_specialised_side_against_the_ordinary_one_is_compared(assistant):
    answer = assistant.answer("Are agents with industry knowledge pricier than generic ones?")
    assert not answer.body.startswith(sentinel(assistant, "en"))
    assert "industry-specific knowledge" in answer.body.split("\n")[0]


def test_in_house_against_outsourced_on_security_is_about_security(assistant):
    answer = assistant.answer("Outsourced vs in-house: which keeps customer data safer?")
    assert answer.sources[0].id in ("faq-data-security", "challenges")


def test_a_country_asked_for_is_said_to_be_unnamed(assistant):
    answer = assistant.answer("Which offshore country has the most fluent English-speaking agents?")
    assert answer.body.startswith(assistant.prompts.text("en", "not_covered_place"))


@pytest.mark.parametrize(
    "follow_up",
    ["yang offshore itu untungnya apa aja selain murah?", "berapa gaji agen bilingual di Bandung?"],
)
def test_the_articles_lists_and_salaries_mid_estimate_are_no_estimate(assistant, follow_up):
    _, _, answer = converse(assistant, "6 agen chat, jam kerja", "kalau offshore?", follow_up)
    assert answer.estimate is None


def test_where_to_look_between_domestic_and_offshore_is_compared(assistant):
    answer = assistant.answer(
        "biar biaya tenaga kerja lebih rendah, cari vendor di mana? dlm negeri ato luar?"
    )
    assert not answer.body.startswith(sentinel(assistant, "id"))
    assert "lebih rendah" in answer.body.split("\n\n")[1]


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("How long do outsourcing contracts usually run?", "best-practices"),
        ("Could you name a specific provider we should ask for quotes?", "best-practices"),
    ],
)
def test_the_related_point_of_what_the_article_does_not_name(assistant, question, entry):
    assert assistant.answer(question).sources[0].id == entry


def test_a_national_regulation_is_a_legal_question(assistant):
    _, answer = converse(
        assistant,
        "How do we keep customer data safe with a vendor?",
        "Is there a specific Indonesian regulation we must follow for that?",
    )
    assert answer.body.startswith(assistant.prompts.text("en", "not_covered_law"))


def test_the_one_that_costs_most_among_the_factors_is_unranked(assistant):
    _, answer = converse(
        assistant,
        "faktor apa saja yang mempengaruhi biaya outsourcing CS?",
        "yang paling bikin mahal yang mana?",
    )
    assert answer.body.startswith(sentinel(assistant, "id"))


def test_a_rate_with_a_plus_is_a_quote(assistant):
    answer = assistant.answer("Some vendors ask $75+/hour for specialists. Is that normal?")
    assert "$75.00" in answer.body.split("\n")[0]


def test_a_place_guess_needs_a_place_word_or_a_name(assistant):
    assert assistant.answer("What does a vendor bill us for apart from labour?").ask_type != "place"
    _, answer = converse(
        assistant, "Which offshore locations are cheapest?", "what about Peru then?"
    )
    assert answer.ask_type == "place"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("price 3 senior chat-only agents for 6 months", {"agents": 3, "contacts_per_month": None}),
        ("Kontrak 12 bulan, total USD 240.000, offshore. Dapat berapa agen?", {"months": 12}),
    ],
)
def test_loose_team_and_contract_words(assistant, text, expected):
    fields = assistant.cost.parse_fields(text)
    assert {k: fields.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    "question",
    [
        "240 grand in total over a 12-month contract, offshore: how many agents does that buy?",
        "Kontrak 12 bulan dengan total USD 240.000, offshore. Dapat berapa agen?",
    ],
)
def test_a_sum_for_the_whole_contract_is_spread_over_its_months(assistant, question):
    answer = assistant.answer(question)
    assert "20,000.00" in answer.body.split("\n")[0] or "20.000,00" in answer.body.split("\n")[0]


def test_comparing_a_told_team_with_its_in_house_cost_is_priced(assistant):
    answer = assistant.answer(
        "Kami butuh 8 agen chat, vendor lokal, jam kerja. Biaya in-house kami sekarang $20.000 per"
        " bulan. Bagaimana perbandingannya?"
    )
    assert answer.estimate is not None
    assert answer.estimate.args["inhouse_monthly_usd"] == 20000


def test_an_elliptical_next_subject_asks_no_yes_or_no(assistant):
    _, answer = converse(
        assistant, "faktor apa saja yang memengaruhi biaya outsourcing CS?", "kalau lokasi?"
    )
    assert answer.body.startswith("**Lokasi Penyedia Outsourcing**")
