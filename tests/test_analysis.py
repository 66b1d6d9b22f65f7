"""Question analysis: the ask type and the price cue, in both languages, from data files."""

from __future__ import annotations

import shutil

import pytest

from bot.answer.analysis import Analyzer
from bot.config import REPO_ROOT
from bot.prompts import PromptError

ANALYZER = Analyzer(REPO_ROOT / "prompts")


@pytest.mark.parametrize(
    ("question", "ask_type"),
    [
        ("Why do overseas vendors charge less?", "why"),
        ("Mengapa dukungan 24/7 bikin biaya naik?", "why"),
        ("How long until an outsourced team is up and running?", "duration"),
        ("Berapa lama proses onboarding vendor CS?", "duration"),
        ("Which country has the cheapest call centres?", "place"),
        ("Negara mana yang paling murah buat outsourcing CS?", "place"),
        ("Should our clinic outsource its helpdesk?", "decision"),
        ("Mending pakai vendor atau rekrut sendiri, worth it gak?", "decision"),
        ("Offshore vs domestic providers: what's the difference?", "comparison"),
        ("Lebih hemat outsourcing daripada tim internal?", "comparison"),
        ("How can we keep customer data safe with a vendor?", "how_to"),
        ("Gimana cara menjaga kualitas layanan vendor?", "how_to"),
        ("Are there costs nobody tells you about?", "yes_no"),
        ("Apakah outsourcing bisa menghemat biaya?", "yes_no"),
        ("Give me the key points of the article", "summary"),
        ("Ringkasan artikelnya apa?", "summary"),
        ("What does economies of scale mean here?", "definition"),
        ("Apa itu outsourcing dukungan pelanggan?", "definition"),
        ("What are the benefits of outsourcing support?", "list"),
        ("Apa saja manfaat outsourcing CS?", "list"),
        ("How much is an outsourced agent per hour?", "quantity"),
        ("Berapa tarif rata-rata per jam?", "quantity"),
    ],
)
def test_ask_types(question, ask_type):
    assert ANALYZER.analyze(question).type == ask_type


@pytest.mark.parametrize(
    ("question", "price"),
    [
        ("What would 4 domestic agents cost us?", True),
        ("Berapa biaya 3 agen luar negeri?", True),
        ("Hitungin 10 agen 24/7 dong", True),
        ("We are 4 people on support. Is outsourcing worth it?", False),
        ("Tim kami 6 orang, cocok outsourcing nggak?", False),
    ],
)
def test_the_price_cue(question, price):
    assert ANALYZER.analyze(question).price is price


def test_the_two_languages_must_rank_ask_types_alike(tmp_path):
    prompts = tmp_path / "prompts"
    shutil.copytree(REPO_ROOT / "prompts", prompts)
    path = prompts / "id" / "analysis.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("order: [place, why,", "order: [why, place,"), encoding="utf-8")
    with pytest.raises(PromptError, match="order"):
        Analyzer(prompts)
