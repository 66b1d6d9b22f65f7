"""The web UI in a real headless Chromium (Debian's), driven by Playwright, against the real server.

Each step leaves a screenshot in test-output/ui/ to look at.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from servers import REPO

from bot.surfaces.feedback import FeedbackStore, feedback_path

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("BOT_TEST_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SHOTS = REPO / "test-output" / "ui"
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium chromium-driver")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(params=["id-ID"])
def page(request, browser, live_server):
    """A fresh page in a browser whose locale is the param (Gradio's own chrome follows it)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale=request.param)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(live_server.url + "/")
    page.wait_for_selector("#question textarea")
    yield page
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def ask(page, question: str, *expected: tuple[str, str]) -> None:
    """Type a question, send it, and wait until each (selector, text) shows: the answer is done."""
    page.fill("#question textarea", question)
    page.click("#send")
    for selector, text in expected:
        page.wait_for_function(
            "([sel, text]) => document.querySelector(sel).innerText.includes(text)",
            arg=[selector, text],
        )
    page.wait_for_timeout(700)  # the labels follow right after the answer


def _ratings(live_server, question: str) -> list[dict]:
    """The stored ratings of answers to `question`."""
    rows = FeedbackStore(feedback_path(live_server.home)).rows()
    return [r for r in rows if r["question"] == question]


def test_indonesian_question_answer_sources_and_feedback(page, live_server):
    ask(
        page,
        "Berapa tarif per jam untuk CS outsourcing?",
        ("#chat", "(faq-hourly-rate)"),
        ("#sources", "faq-hourly-rate"),
    )
    chat, sources = page.inner_text("#chat"), page.inner_text("#sources")
    assert "Umumnya, tarif dapat berkisar antara $10 hingga $50 per jam" in chat
    assert "Sumber:" in chat
    assert "Sumber yang dikutip" in sources and "faq-hourly-rate" in sources
    assert "Berapa tarif rata-rata per jam untuk dukungan pelanggan outsourcing?" in sources
    assert page.is_hidden("#sources details .bot-source-text")
    shot(page, "01-id-answer")

    page.click("#sources details summary")
    english = page.locator("#sources details .bot-source-title").first
    assert (
        english.inner_text() == "What is the average hourly rate for outsourced customer support?"
    )
    shot(page, "02-id-other-language-version")

    ask(
        page,
        "bagaimana dengan biaya tersembunyinya?",
        ("#chat", "(faq-hidden-costs)"),
        ("#sources", "faq-hidden-costs"),
    )
    assert "faq-hidden-costs" in page.inner_text("#sources")
    assert page.inner_text("#chat").count("Sumber:") == 2
    page.locator("#chat button[aria-label='Suka']").last.click()  # Gradio's "Like" in id-ID
    page.wait_for_function("document.querySelector('#status').innerText.includes('👍')")
    assert "Terima kasih! Penilaian 👍 Anda tersimpan." in page.inner_text("#status")
    shot(page, "03-id-follow-up-and-thumbs-up")
    rows = _ratings(live_server, "bagaimana dengan biaya tersembunyinya?")
    assert len(rows) == 1 and rows[0]["rating"] == 1 and rows[0]["lang"] == "id"
    assert "faq-hidden-costs" in rows[0]["sources"] and "Sumber:" in rows[0]["answer"]


@pytest.mark.parametrize("page", ["en-US"], indirect=True)
def test_english_question_switches_labels_and_override(page, live_server):
    ask(
        page,
        "What are the challenges of outsourcing customer service?",
        ("#chat", "(challenges)"),
        ("#sources", "Cited sources"),
    )
    assert "Communication Barriers" in page.inner_text("#chat")
    assert "Cited sources" in page.inner_text("#sources")
    assert page.get_by_role("tab", name="Cost estimate").is_visible()
    assert page.get_by_label("Your question").is_visible()
    shot(page, "04-en-answer-english-labels")

    page.locator("#chat button[aria-label='Like']").last.click()
    page.wait_for_function("document.querySelector('#status').innerText.includes('👍')")
    page.locator("#chat button[aria-label='Dislike']").last.click()  # changed its mind
    page.wait_for_function("document.querySelector('#status').innerText.includes('👎')")
    shot(page, "05-en-thumbs-down")
    rows = _ratings(live_server, "What are the challenges of outsourcing customer service?")
    assert [(r["rating"], r["lang"]) for r in rows] == [(-1, "en")]  # one row, the last rating

    page.get_by_label("Bahasa Indonesia").check()
    page.wait_for_function("document.body.innerText.includes('Pertanyaan Anda')")
    ask(
        page,
        "What are the benefits of outsourcing customer support?",
        ("#chat", "Penghematan Biaya"),
        ("#sources", "Sumber yang dikutip"),
    )
    assert "Penghematan Biaya" in page.inner_text("#chat")
    assert "Sumber yang dikutip" in page.inner_text("#sources")
    shot(page, "06-override-bahasa-indonesia")


def test_empty_and_over_long_questions_get_a_clear_message(page):
    ask(page, "", ("#status", "Pertanyaannya kosong."))
    assert "Pertanyaannya kosong." in page.inner_text("#status")
    shot(page, "07-empty-question")
    long = "How much does outsourced support cost for a team like ours? " * 40
    ask(page, long, ("#status", "The question is too long"))
    status = page.inner_text("#status")
    assert "The question is too long" in status and "the limit is 2000" in status
    assert page.input_value("#question textarea").startswith("How much")  # kept to shorten
    shot(page, "08-over-long-question")


def test_cost_tab(page):
    page.get_by_label("English").check()
    page.wait_for_function("document.body.innerText.includes('Your question')")
    page.get_by_role("tab", name="Cost estimate").click()
    page.fill("#cost-agents input", "5")
    page.fill("#cost-inhouse_monthly_usd input", "90,000")
    for field, option in (("location", "offshore"), ("coverage", "24/7")):
        page.locator(f"#cost-{field} input").click()
        page.get_by_role("option", name=option, exact=True).click()
    page.get_by_label("chat", exact=True).check()
    shot(page, "09-cost-form")
    page.click("#estimate")
    page.wait_for_selector("#cost-result table")
    page.wait_for_selector("#cost-chart canvas, #cost-chart svg")
    result = page.inner_text("#cost-result")
    assert "Estimated cost of outsourced customer support" in result
    assert "Monthly total" in result and "Against in-house at $90,000.00/month" in result
    assert "Assumptions used" in result and "Base rate offshore (USD/hour): 12" in result
    assert page.is_visible("#cost-chart")
    page.wait_for_timeout(800)  # let the chart draw
    shot(page, "10-cost-result")

    page.fill("#cost-agents input", "0")
    page.click("#estimate")
    page.wait_for_function("document.querySelector('#cost-status').innerText.includes('agents')")
    assert "agents (number of agents) must be at least 1" in page.inner_text("#cost-status")
    assert page.is_hidden("#cost-chart")
    shot(page, "11-cost-invalid-input")
