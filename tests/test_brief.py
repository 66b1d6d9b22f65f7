"""Decision briefs: figures equal the estimator's, paired Indonesian and English briefs agree,
every section is there in order, sensitive data ranks data security first."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer.brief import DATA_SECURITY, SECTIONS
from bot.answer.brief_render import brief_phrases
from bot.answer.briefing import BriefService
from bot.config import REPO_ROOT
from bot.cost.request import CostValidationError
from bot.cost.service import CostService
from bot.prompts import PromptError, load_prompts

BRIEFS = BriefService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")
COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")

# (name, Indonesian text, English text, the estimator's fields both must give)
PAIRS = [
    (
        "shop_idr_inhouse_24x7_payments",
        "Kami toko online di Surabaya, 6 orang CS in-house, biaya sekitar Rp 180 juta per bulan, "
        "sekitar 15 ribu chat dan 2 ribu email per bulan, mau 24/7, data pelanggan sensitif "
        "(pembayaran).",
        "We're an online shop in Surabaya with 6 CS staff in-house costing about Rp 180 juta a "
        "month, around 15 thousand chats and 2 thousand emails a month, we want 24/7, customer "
        "data is sensitive (payments).",
        {
            "contacts_per_month": 17000,
            "channels": ["email", "chat"],
            "coverage": "24x7",
            "inhouse_monthly_idr": 180_000_000,
        },
    ),
    (
        "saas_usd_inhouse_bilingual",
        "Kami perusahaan SaaS dengan 10 staf support, biayanya sekitar $45k per bulan, telepon dan "
        "email, bahasa Inggris dan Indonesia, jam kerja.",
        "We're a SaaS company with 10 support staff costing about $45k a month, phone and email, "
        "English and Indonesian, business hours.",
        {
            "agents": 10,
            "channels": ["phone", "email"],
            "languages": ["en", "id"],
            "coverage": "business_hours",
            "inhouse_monthly_usd": 45000,
        },
    ),
    (
        "clinic_no_inhouse_patients",
        "Klinik kami menerima 3000 panggilan telepon per bulan, menyangkut data pasien, jam kerja.",
        "Our clinic gets 3,000 phone calls a month involving patient data, business hours.",
        {"contacts_per_month": 3000, "channels": ["phone"], "coverage": "business_hours"},
    ),
    (
        "fintech_idr_yearly_growth",
        "Startup fintech kami punya 4 agen in-house dengan biaya 1,2 miliar setahun, 8000 chat per "
        "bulan, diperkirakan tumbuh 30%, bahasa Indonesia dan Inggris.",
        "Our fintech startup has 4 in-house agents costing Rp 1.2 billion a year, 8,000 chats a "
        "month, expected to grow 30%, English and Indonesian.",
        {
            "contacts_per_month": 8000,
            "channels": ["chat"],
            "languages": ["en", "id"],
            "inhouse_monthly_idr": 100_000_000,
        },
    ),
    (
        "travel_idr_digits_inhouse_team_personal",
        "Perusahaan travel kami punya 12 agen CS in-house dengan biaya Rp250.000.000 per bulan, "
        "telepon dan chat, 24/7, bahasa Indonesia dan Inggris, data pribadi pelanggan.",
        "Our travel company has 12 in-house CS agents costing Rp250,000,000 a month, phone and "
        "chat, 24/7, Indonesian and English, customers' personal data.",
        {
            "agents": 12,
            "channels": ["phone", "chat"],
            "coverage": "24x7",
            "languages": ["en", "id"],
            "inhouse_monthly_idr": 250_000_000,
        },
    ),
    (
        "marketplace_usd_no_inhouse_growth",
        "Marketplace kami menerima 40 ribu chat per bulan, dukungan teknis, diperkirakan tumbuh "
        "50%, belum punya tim in-house, jam kerja diperpanjang.",
        "Our marketplace gets 40 thousand chats a month, technical support, expected to grow "
        "50%, no in-house team yet, extended hours.",
        {
            "contacts_per_month": 40000,
            "channels": ["chat"],
            "coverage": "extended",
            "support_type": "technical",
        },
    ),
]
# Situations given as fields (the API's and the CLI's flags), with the estimator's fields.
FIELD_CASES = [
    (
        {"agents": 5, "location": "domestic", "inhouse_monthly": "180jt", "sensitivity": "personal"},
        {"agents": 5, "inhouse_monthly_idr": 180_000_000},
    ),
    (
        {"contacts_per_month": 20000, "channels": "chat,email", "support_type": "technical",
         "expertise": "skilled", "months": 24, "inhouse_monthly": 60000, "growth_pct": 25},
        {"contacts_per_month": 20000, "channels": ["chat", "email"], "support_type": "technical",
         "expertise": "skilled", "months": 24, "inhouse_monthly_usd": 60000},
    ),
]  # fmt: skip


def _estimate(fields: dict[str, Any], location: str) -> dict[str, Any]:
    return COST.estimate({**fields, "location": location}).to_json_dict()


@pytest.mark.parametrize(
    ("name", "id_text", "en_text", "expected"), PAIRS, ids=[p[0] for p in PAIRS]
)
def test_brief_figures_are_the_estimators(
    name: str, id_text: str, en_text: str, expected: dict
) -> None:
    for text in (id_text, en_text):
        brief = BRIEFS.build(text)
        # The cheapest option's estimate is the estimator's for the fields the text states.
        assert brief.result.to_json_dict() == _estimate(expected, brief.best)
        results, _ = COST.compare(expected, "location", None, "en")
        assert [(loc, r.total_usd) for loc, r in results] == [
            (loc, r.total_usd) for loc, r in brief.options
        ]
        assert brief.best == min(results, key=lambda lr: lr[1].total_usd)[0]
        data = BRIEFS.json(brief, "en")
        assert data["figures"]["estimate"] == _estimate(expected, brief.best)
        for loc, r in results:
            assert data["figures"]["options"][loc]["total_usd"] == float(r.total_usd)


@pytest.mark.parametrize(
    ("name", "id_text", "en_text", "expected"), PAIRS, ids=[p[0] for p in PAIRS]
)
def test_paired_briefs_agree(name: str, id_text: str, en_text: str, expected: dict) -> None:
    brief_id, brief_en = BRIEFS.build(id_text), BRIEFS.build(en_text)
    json_id, json_en = BRIEFS.json(brief_id, "id"), BRIEFS.json(brief_en, "en")
    assert json_id["figures"] == json_en["figures"]
    assert json_id["cited_ids"] == json_en["cited_ids"]
    assert json_id["risks"] == json_en["risks"]
    assert [s["id"] for s in json_id["sections"]] == [s["id"] for s in json_en["sections"]]
    assert (brief_id.situation.sensitivity, brief_id.situation.growth_pct) == (
        brief_en.situation.sensitivity,
        brief_en.situation.growth_pct,
    )
    # The same brief in the other language: the same figures, the same entries.
    assert BRIEFS.json(brief_id, "en")["figures"] == json_en["figures"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("name", "id_text", "en_text", "expected"), PAIRS, ids=[p[0] for p in PAIRS]
)
def test_every_section_in_order_and_every_marker_a_source(
    name: str, id_text: str, en_text: str, expected: dict, lang: str
) -> None:
    text = id_text if lang == "id" else en_text
    brief = BRIEFS.build(text)
    markdown = BRIEFS.markdown(brief, lang)
    titles = brief_phrases(lang, REPO_ROOT / "prompts")["sections"]
    headings = re.findall(r"^## (.+)$", markdown, flags=re.M)
    assert headings == [titles[s] for s in SECTIONS]
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", markdown)}
    sources = re.findall(r"^\[(\d+)\] ", markdown, flags=re.M)
    assert markers == {int(n) for n in sources} == set(range(1, len(brief.cited_ids()) + 1))


def test_amounts_in_the_users_currency_with_usd_beside() -> None:
    _, id_text, en_text, _ = PAIRS[0]
    md_id = BRIEFS.markdown(BRIEFS.build(id_text), "id")
    md_en = BRIEFS.markdown(BRIEFS.build(en_text), "en")
    assert "Rp 180.000.000 ($11.250,00)" in md_id
    assert "Rp 180,000,000 ($11,250.00)" in md_en
    usd = BRIEFS.markdown(BRIEFS.build(PAIRS[1][2]), "en")
    assert "$45,000.00 a month" in usd and "Rp " not in usd


@pytest.mark.parametrize("index", [0, 2, 3])
def test_patient_or_payment_data_ranks_data_security_first(index: int) -> None:
    for text in PAIRS[index][1:3]:
        brief = BRIEFS.build(text)
        first = brief.risks[0]
        assert first.challenge == DATA_SECURITY and first.reason == "sensitive"
        safeguards = [r for r in first.steps if r.entry == "faq-data-security"]
        assert len(safeguards) == 4
    markdown = BRIEFS.markdown(BRIEFS.build(PAIRS[2][2]), "en")
    risks = markdown.split("## 5.")[1].split("## 6.")[0]
    assert risks.index("Data Security Concerns") < risks.index("Communication Barriers")
    for safeguard in ("strong data protection", "encryption", "regular audits", "Train support"):
        assert safeguard in risks


def test_languages_rank_communication_and_culture_with_no_step_and_channels_quality() -> None:
    brief = BRIEFS.build(PAIRS[1][2])
    assert [(r.challenge.position, r.reason) for r in brief.risks] == [
        (1, "languages"),
        (4, "languages"),
        (2, "channels"),
        (3, "other"),
    ]
    assert brief.risks[0].steps == () and brief.risks[1].steps == ()
    assert {r.entry for r in brief.risks[2].steps} == {"best-practices"}
    assert "The article gives no step for this one." in BRIEFS.markdown(brief, "en")


@pytest.mark.parametrize(("fields", "expected"), FIELD_CASES)
def test_briefs_from_fields(fields: dict, expected: dict) -> None:
    brief = BRIEFS.build(fields=fields)
    assert brief.result.to_json_dict() == _estimate(expected, brief.best)


def test_drivers_and_sensitivity_rerun_the_estimator() -> None:
    fields = dict(FIELD_CASES[1][0])
    brief = BRIEFS.build(fields=fields)
    assert [d.factor for d in brief.drivers] == ["support_type", "expertise", "location"]
    basic = COST.estimate({**brief.fields, "support_type": "basic"})
    assert brief.drivers[0].delta_usd == brief.result.monthly_total_usd - basic.monthly_total_usd
    assert len(brief.swings) == 3
    assert list(brief.swings) == sorted(brief.swings, key=lambda s: -s.spread)
    volume = next(s for s in brief.swings if s.name == "contacts_per_month")
    low = COST.estimate({**brief.fields, "contacts_per_month": 16000})
    assert volume.totals[0] == low.total_usd
    grown = COST.estimate({**brief.fields, "contacts_per_month": 25000})
    assert brief.growth is not None and brief.growth.total_usd == grown.total_usd


def test_defaults_are_named_and_missing_inputs_listed() -> None:
    brief = BRIEFS.build(fields={"agents": 3})
    markdown = BRIEFS.markdown(brief, "en")
    assumed = markdown.split("## 8.")[1]
    for label in ("channels", "coverage", "languages", "data sensitivity", "expertise level"):
        assert label in assumed
    for missing in ("in-house monthly cost", "monthly contacts", "growth", "in-house team size"):
        assert missing in assumed
    assert "Add your in-house monthly cost" in markdown


def test_the_exchange_rate_is_shown_when_rupiah_was_used() -> None:
    markdown = BRIEFS.markdown(
        BRIEFS.build(fields={"agents": 2, "inhouse_monthly": "Rp 45 juta"}), "en"
    )
    rate = COST.model.currency
    assert f"Rp {rate.idr_per_usd.value:,.0f} per USD, set {rate.rate_date.value}" in markdown


@pytest.mark.parametrize(
    ("fields", "lang", "needle"),
    [
        ({}, "id", "Ceritakan situasi Anda"),
        ({}, "en", "Describe your situation"),
        ({"agents": 2, "sensitivity": "secret"}, "en", "`sensitivity` (data sensitivity)"),
        ({"agents": 2, "inhouse_monthly": "banyak"}, "id", "biaya in-house per bulan"),
        ({"agents": 0}, "id", "jumlah agen"),
        ({"agents": 2, "growth_pct": "lots"}, "en", "expected growth"),
    ],
)
def test_errors_name_fields_in_the_users_words(fields: dict, lang: str, needle: str) -> None:
    with pytest.raises(CostValidationError) as caught:
        BRIEFS.build(fields=fields)
    assert needle in BRIEFS.error_text(caught.value, lang)


def test_brief_phrase_drift_stops_the_start(tmp_path: Path) -> None:
    target = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "prompts", target)
    path = target / "id" / "brief.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{headcount}", "{orang}"), "utf-8")
    with pytest.raises(PromptError, match=r"'bottom\.cheapest': placeholders differ"):
        load_prompts(target)


def test_every_cited_point_exists_in_both_languages() -> None:
    brief = BRIEFS.build(PAIRS[0][2])
    for lang in ("id", "en"):
        assert BRIEFS.markdown(brief, lang)  # a missing entry#position would raise
    assert Decimal(brief.idr_per_usd) > 0


def test_default_handle_times_move_on_every_channel() -> None:
    brief = BRIEFS.build(fields={"contacts_per_month": 17000, "channels": "chat,email"})
    swing = next(s for s in brief.swings if s.name == "avg_handle_minutes")
    markdown = BRIEFS.markdown(brief, "en")
    assert "| email 6.40, chat 8.00 |" in markdown and "| email 9.60, chat 12.00 |" in markdown
    assert swing.totals[1] > brief.result.total_usd > swing.totals[0]


def test_without_a_stated_cost_amounts_are_in_usd() -> None:
    brief = BRIEFS.build("We're a corporate help desk with 2000 calls a month, business hours.")
    assert brief.currency == "USD"
    assert "Rp " not in BRIEFS.markdown(brief, "en")


@settings(max_examples=20, deadline=None)
@given(
    agents=st.one_of(st.none(), st.integers(1, 300)),
    contacts=st.integers(1, 200_000),
    coverage=st.sampled_from(["business_hours", "extended", "24x7"]),
    languages=st.sampled_from(["id", "en,id", "en,id,ja"]),
    inhouse=st.one_of(st.none(), st.integers(1, 500_000)),
)
def test_any_brief_is_the_estimators_cheapest_option(
    agents: int | None, contacts: int, coverage: str, languages: str, inhouse: int | None
) -> None:
    fields: dict[str, Any] = {"contacts_per_month": contacts, "coverage": coverage}
    fields |= {"languages": languages}
    if agents is not None:
        fields["agents"] = agents
    if inhouse is not None:
        fields["inhouse_monthly"] = inhouse
    brief = BRIEFS.build(fields=fields)
    expected = {k: v for k, v in fields.items() if k != "inhouse_monthly"}
    if inhouse is not None:
        expected["inhouse_monthly_usd"] = inhouse
    results, _ = COST.compare(expected, "location", None, "en")
    cheapest = min(r.total_usd for _, r in results)
    assert brief.result.total_usd == cheapest
    assert brief.result.to_json_dict() == _estimate(expected, brief.best)
    assert [s.spread for s in brief.swings] == sorted(
        (s.spread for s in brief.swings), reverse=True
    )


def test_savings_paid_back_only_after_the_horizon_say_so() -> None:
    brief = BRIEFS.build(fields={"agents": 5, "months": 2, "inhouse_monthly": 15000})
    cmp = brief.result.comparison
    assert cmp is not None and cmp.monthly_savings_usd > 0 > cmp.horizon_savings_usd
    bottom = BRIEFS.markdown(brief, "en").split("## 2.")[0]
    assert f"break-even only in month {cmp.break_even_month}" in bottom
    assert "$-" not in bottom
