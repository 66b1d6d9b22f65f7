"""Each answer's sources in Chromium: under the answer on a phone, in the panel on a desktop for
the answer the user clicks; a citation [n] leads to its source. Screenshots go to BOT_SHOTS
(default test-output/ui/)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import test_ui_browser as ui
from test_ui_browser import DESKTOP, PHONE, ask

pytestmark = [pytest.mark.browser, pytest.mark.heavy]
browser, page = ui.browser, ui.page  # the fixtures, shared
SHOTS = Path(os.environ.get("BOT_SHOTS", ui.SHOTS))
LAST = "#chat .message-row:not(.user-row) >> nth=-1"


@pytest.fixture(autouse=True)
def _paced():
    """The browser tests share one budget of the server's UI rate limit (test_ui_a11y._paced)."""
    time.sleep(ui.UI_PACE_S)


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{page.viewport_size['width']}.png"))


def box(page, selector: str) -> dict:
    return page.locator(selector).bounding_box()


@pytest.mark.parametrize("page", [("id-ID", PHONE)], indirect=True)
def test_on_a_phone_the_sources_sit_under_their_answer(page):
    ask(page, "Berapa tarif per jam untuk CS outsourcing?", ("#chat", "Sumber (1)"))
    answer = page.locator(LAST)
    summary = answer.locator(".bot-inline-sources summary")
    assert summary.inner_text() == "Sumber (1)"
    assert page.is_hidden("#sources-column")  # no second copy far below the chat
    # The chat shows the start of the answer; its end, with the sources, is one scroll of the
    # chat away: in view above the question box, the page itself not scrolled past the box.
    summary.evaluate("e => e.scrollIntoView({block: 'nearest'})")
    place, question, chat = (
        summary.bounding_box(),
        box(page, "#question textarea"),
        box(page, "#chat"),
    )
    bottom = place["y"] + place["height"]
    assert chat["y"] <= place["y"] and bottom <= chat["y"] + chat["height"] + 2  # ~ rounding
    assert 0 <= place["y"] and bottom <= question["y"]
    assert question["y"] + question["height"] <= PHONE[1]  # the box still in view below them
    title = answer.locator(".bot-inline-list li .bot-source-title").first
    assert title.is_hidden()  # folded until asked for
    shot(page, "knowledge-answer-sources-folded")
    answer.locator("a.bot-cite", has_text="[1]").first.click()
    title.wait_for(state="visible")
    page.wait_for_timeout(300)  # the chat scrolls the opened source into view
    place, chat = title.bounding_box(), box(page, "#chat")
    assert chat["y"] <= place["y"] and place["y"] + place["height"] <= chat["y"] + chat["height"]
    assert (
        title.inner_text() == "Berapa tarif rata-rata per jam untuk dukungan pelanggan outsourcing?"
    )
    assert "faq-hourly-rate" not in answer.inner_text()  # the title, not the id
    assert page.url.endswith("/")  # the link opened the source, it did not navigate
    shot(page, "knowledge-answer-sources")


@pytest.mark.parametrize("page", [("id-ID", DESKTOP)], indirect=True)
def test_on_a_desktop_the_panel_follows_the_clicked_answer_and_its_citations(page):
    ask(page, "Berapa tarif per jam untuk CS outsourcing?", ("#sources", "Sumber yang dikutip"))
    ask(page, "bagaimana dengan biaya tersembunyinya?", ("#sources", "tersembunyi"))
    assert page.is_hidden(f"{LAST} .bot-inline-sources")  # the panel beside it has them
    assert page.locator("#sources li[data-id='faq-hidden-costs']").count() == 1
    first = page.locator("#chat .message-row:not(.user-row)").first
    first.locator("a.bot-cite").first.click()  # [1] in the earlier answer
    hourly = page.locator("#sources li.bot-source[data-id='faq-hourly-rate']")
    hourly.wait_for()
    assert page.locator("#sources li[data-id='faq-hidden-costs']").count() == 0
    page.wait_for_selector("#sources li.bot-source.bot-cited")  # the cited source, pointed at
    assert hourly.is_visible()
    assert first.evaluate("e => e.classList.contains('bot-shown')")  # whose sources they are
    shot(page, "knowledge-answer-sources")
    page.locator(LAST).click()  # back to the latest answer
    page.wait_for_selector("#sources li[data-id='faq-hidden-costs']")
