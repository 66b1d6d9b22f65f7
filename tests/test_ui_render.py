"""What the chat tab shows, without a browser: bubbles and the sources panel."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.config import REPO_ROOT
from bot.prompts import load_prompts
from bot.surfaces.ui.render import (
    answer_bubble,
    queued_bubble,
    shown_question,
    sources_html,
    unmarked,
    with_sources,
)
from bot.types import Answer, Source

PROMPTS = load_prompts(REPO_ROOT / "prompts")


def _answer(details: str = "") -> Answer:
    sources = [Source("faq-hourly-rate", "Hourly rate?", "en", 0.97, "From $10 to **$50**.")]
    body = "Rates run from $10 to $50 an hour. [1]"
    return Answer("q?", "en", body, False, "knowledge", sources, [], {}, "Sources:", None, details)


@pytest.mark.parametrize(
    ("question", "lang", "shown"),
    [
        ("Rates? mail budi@contoh.co.id", "en", "Rates? mail [email removed]"),
        ("Tarif? telepon 0812 3456 7890 ya", "id", "Tarif? telepon [nomor telepon dihapus] ya"),
        ("Berapa 5 agen 24/7, $40,000 sebulan?", "id", "Berapa 5 agen 24/7, $40,000 sebulan?"),
    ],
)
def test_a_dropped_contact_detail_shows_as_removed(question, lang, shown):
    assert shown_question(question, lang, PROMPTS) == shown


def test_an_edited_bubble_asks_without_the_markers():
    edited = "How much? [email removed] or [nomor telepon dihapus] please"
    assert unmarked(edited, PROMPTS) == "How much? or please"


def test_a_waiting_question_says_so_in_its_language():
    bubble = queued_bubble("Berapa tarif per jam?", "id", PROMPTS)
    assert bubble == {"role": "user", "content": "Berapa tarif per jam?\n\n*menunggu giliran*"}


def test_the_bubble_holds_the_body_not_the_sources_list():
    assert answer_bubble(_answer(), PROMPTS) == "Rates run from $10 to $50 an hour. [1]"
    folded = answer_bubble(_answer(details="- agents: 5"), PROMPTS)
    assert folded.endswith(
        "<summary>Assumptions and notes from the article</summary>\n\n- agents: 5\n\n</details>"
    )
    assert "Sources:" not in folded and "faq-hourly-rate" not in folded


def test_the_sources_panel_names_titles_not_ids_or_scores():
    twin = SimpleNamespace(title="Tarif per jam?", text="Dari $10 hingga $50.")
    panel = sources_html(_answer(), {("faq-hourly-rate", "id"): twin}, "en", PROMPTS)
    assert "[1] Hourly rate?" in panel and "<strong>$50</strong>" in panel
    assert 'data-id="faq-hourly-rate"' in panel  # for tests and styling, not shown
    text = panel.replace('data-id="faq-hourly-rate"', "")
    assert "faq-hourly-rate" not in text and "0.97" not in text and "score" not in text
    assert "Show the Indonesian version" in panel and "Tarif per jam?" in panel


def test_the_bubble_links_its_citations_and_folds_its_sources_by_title():
    bubble = with_sources(
        "Rates run from $10 to $50 an hour. [1] Not [2].", _answer(), "k1", PROMPTS
    )
    assert '<a class="bot-cite" href="#bot-src-k1-1">[1]</a>' in bubble
    assert "Not [2]." in bubble  # no source 2: left as written
    assert "<summary>Sources (1)</summary>" in bubble
    assert '<li id="bot-src-k1-1" lang="en">' in bubble
    assert '<span class="bot-source-title">Hourly rate?</span>' in bubble
    assert ">faq-hourly-rate<" not in bubble and "0.97" not in bubble  # titles, no ids or scores


def test_an_answer_without_sources_keeps_its_bubble():
    bare = Answer("q?", "en", "No idea.", False, "knowledge", [], [], {}, "", None, "")
    assert with_sources("No idea.", bare, "k", PROMPTS) == "No idea."
