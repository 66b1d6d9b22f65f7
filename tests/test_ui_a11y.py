"""axe-core (from the npm registry: `make test` installs it into .cache/axe) injected into the
page in Chromium: no serious or critical accessibility violation on the chat or the cost tab, at
a desktop and a phone size, before and after they show results."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import test_ui_browser as ui
from servers import REPO
from test_ui_browser import SIZES, ask
from test_ui_browser_cost import choose, estimate, open_cost_tab

pytestmark = pytest.mark.browser
browser, page = ui.browser, ui.page  # the fixtures, shared


@pytest.fixture(autouse=True)
def _paced():
    """The browser tests share one client address (127.0.0.1) and so one budget of the server's
    UI rate limit (60 events a minute, refilled 1 a second); these tests spend it faster than
    it refills, so each first lets it refill a little."""
    time.sleep(ui.UI_PACE_S)


AXE = Path(os.environ.get("BOT_TEST_AXE", REPO / ".cache/axe/node_modules/axe-core/axe.min.js"))
RUN_AXE = """async () => {
  const result = await axe.run(document);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}"""


def violations(page) -> list[str]:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make test` (it installs axe-core with npm)")
    # Gradio fades its blocks in: colours are checked once nothing is moving any more.
    page.wait_for_function(
        "document.getAnimations().every((a) => a.playState !== 'running'"
        " || a.effect?.getTiming().iterations === Infinity)"
    )
    page.wait_for_timeout(300)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


@pytest.mark.parametrize("page", SIZES, indirect=True)
def test_chat_tab_has_no_serious_accessibility_violation(page):
    assert violations(page) == []  # the first view
    ask(page, "Berapa tarif per jam untuk CS outsourcing?", ("#sources", "Sumber yang dikutip"))
    assert violations(page) == []  # an answer with its thumbs, copy buttons and sources


@pytest.mark.parametrize("page", SIZES, indirect=True)
def test_cost_tab_has_no_serious_accessibility_violation(page):
    open_cost_tab(page)
    assert violations(page) == []
    page.fill("#cost-agents input", "5")
    choose(page, "compare", "Lokasi penyedia")
    estimate(page)
    assert page.locator("#cost-chart .bot-chart").count() == 1
    assert violations(page) == []  # the comparison table and chart
    page.fill("#cost-agents input", "0")
    estimate(page)
    assert page.locator("#tab-cost .bot-invalid").count() == 1
    assert violations(page) == []  # a field marked wrong
