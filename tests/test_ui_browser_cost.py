"""The cost tab in a real headless Chromium: options compared side by side with one chart,
numbers in the UI language, defaults named, and errors beside the field that is wrong."""

from __future__ import annotations

import re
import time

import pytest
import test_ui_browser as ui
from test_ui_browser import DESKTOP, PHONE, SIZES, shot

pytestmark = pytest.mark.browser
browser, page = ui.browser, ui.page  # the fixtures, shared


@pytest.fixture(autouse=True)
def _paced():
    """The browser tests share one client address (127.0.0.1) and so one budget of the server's
    UI rate limit (60 events a minute, refilled 1 a second); these tests spend it faster than
    it refills, so each first lets it refill a little."""
    time.sleep(ui.UI_PACE_S)


ENGLISH_SIZES = [
    pytest.param(("en-US", DESKTOP), id="desktop"),
    pytest.param(("en-US", PHONE), id="phone"),
]


def open_cost_tab(page, tab: str = "Estimasi biaya") -> None:
    page.get_by_role("tab", name=tab).click()
    page.wait_for_selector("#cost-agents input")


def choose(page, field: str, option: str) -> None:
    page.locator(f"#cost-{field} input").click()
    page.get_by_role("option", name=option, exact=True).click()


def estimate(page) -> None:
    page.click("#estimate")
    page.wait_for_function(
        "document.querySelector('#cost-chart .bot-chart')"
        " || document.querySelector('#tab-cost .bot-invalid')"
    )
    page.wait_for_timeout(400)  # the scroll into view follows the result


def top_in_view(page, selector: str) -> bool:
    """Whether the element's top edge lies inside the viewport."""
    return page.eval_on_selector(
        selector,
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }",
    )


def wrapped_numbers(page) -> list[str]:
    """Right-aligned number cells whose text runs over more than one line."""
    return page.evaluate(
        """() => [...document.querySelectorAll('#cost-result td[align="right"], #cost-chart .bot-num')]
          .filter((td) => { const r = document.createRange(); r.selectNodeContents(td);
                            const lines = new Set([...r.getClientRects()].map((b) => Math.round(b.top)));
                            return lines.size > 1; })
          .map((td) => td.innerText)"""
    )


@pytest.mark.parametrize("page", SIZES, indirect=True)
def test_comparison_of_locations_has_one_grouped_chart_and_indonesian_numbers(page):
    open_cost_tab(page)
    assert page.input_value("#cost-coverage input") == "Jam kerja (bawaan)"  # default named
    assert page.input_value("#cost-location input") == "Negara dekat (nearshore) (bawaan)"
    page.fill("#cost-agents input", "5")
    choose(page, "coverage", "24/7")
    choose(page, "compare", "Lokasi penyedia")
    estimate(page)

    result = page.inner_text("#cost-result")
    assert "Perbandingan menurut lokasi penyedia" in result
    assert "$62.553,75" in result and "43.800,00" in result  # Indonesian separators
    assert "Mengapa 31 orang? 5 kursi terisi bersamaan selama jam layanan" in result
    assert "31 orang digaji setelah penyusutan" in result
    # One chart: a legend of the three options, three bars per monthly group, and the one-time
    # costs in their own block, not among the monthly bars.
    chart = page.locator("#cost-chart .bot-chart")
    assert chart.count() == 1
    legend = page.locator("#cost-chart .bot-legend li").all_inner_texts()
    assert legend == [
        "Luar negeri (offshore)",
        "Negara dekat (nearshore)",
        "Dalam negeri (domestic)",
    ]
    groups = page.locator("#cost-chart .bot-groups .bot-group")
    assert groups.count() >= 5
    for index in range(groups.count()):
        assert groups.nth(index).locator(".bot-bar").count() == 3
    monthly_labels = page.locator("#cost-chart .bot-group-label").all_inner_texts()
    assert not any("satu kali" in label for label in monthly_labels)
    one_time = page.inner_text("#cost-chart .bot-one-time")
    assert "Biaya satu kali" in one_time and "$16.380,00" in one_time
    ticks = page.locator("#cost-chart .bot-tick").all_inner_texts()
    assert "50.000" in ticks and "100.000" in ticks  # the axis in Indonesian too
    widths = page.eval_on_selector_all(
        "#cost-chart .bot-bar", "bars => bars.map((b) => b.getBoundingClientRect().width)"
    )
    assert all(w > 0 for w in widths) and max(widths) > 5 * min(widths)  # drawn to scale
    # Legend and values are not clipped: inside the page's width.
    right = page.eval_on_selector_all(
        "#cost-chart .bot-legend li, #cost-chart .bot-bar-value",
        "els => Math.max(...els.map((e) => e.getBoundingClientRect().right))",
    )
    assert right <= page.viewport_size["width"]
    assert wrapped_numbers(page) == []  # totals never wrap mid-number
    align = page.eval_on_selector(
        "#cost-result td[align='right']", "td => getComputedStyle(td).textAlign"
    )
    assert align == "right"
    assert top_in_view(page, "#cost-output")  # scrolled to the result
    shot(page, "20-cost-comparison")


@pytest.mark.parametrize("page", ENGLISH_SIZES, indirect=True)
def test_comparison_of_agent_counts_in_english(page):
    page.get_by_label("English", exact=True).check()
    page.wait_for_function("document.body.innerText.includes('Cost estimate')")
    open_cost_tab(page, "Cost estimate")
    assert page.input_value("#cost-coverage input") == "Business hours (default)"
    choose(page, "location", "Offshore")
    choose(page, "compare", "Number of agents")
    page.fill("#cost-compare_values input", "5; 10; 20")
    estimate(page)
    legend = page.locator("#cost-chart .bot-legend li").all_inner_texts()
    assert legend == ["5", "10", "20"]
    result = page.inner_text("#cost-result")
    assert "Comparison by number of agents" in result
    assert re.search(r"\$\d{1,3},\d{3}\.\d\d", result)  # English separators: $10,512.60
    ticks = page.locator("#cost-chart .bot-tick").all_inner_texts()
    assert any(re.fullmatch(r"\d{1,3},\d{3}", t) for t in ticks)
    assert wrapped_numbers(page) == []
    shot(page, "21-cost-comparison-en")


@pytest.mark.parametrize("page", SIZES, indirect=True)
def test_a_wrong_field_is_marked_beside_it_in_words_and_the_ui_language(page):
    open_cost_tab(page)
    page.fill("#cost-agents input", "0")
    estimate(page)
    agents = page.locator("#cost-agents")
    assert "bot-invalid" in (agents.get_attribute("class") or "")
    assert "Minimal 1; Anda mengetik “0”." in agents.inner_text()  # beside the field
    assert page.get_attribute("#cost-agents input", "aria-invalid") == "true"
    status = page.inner_text("#cost-status")
    assert "Jumlah agen" in status
    for internal in ("agents", "inhouse_monthly_usd", "service_level_pct", "`"):
        assert internal not in status and internal not in agents.inner_text()
    assert page.locator("#cost-chart .bot-chart").count() == 0
    assert top_in_view(page, "#cost-agents")  # the wrong field is scrolled to
    shot(page, "22-cost-field-error")

    # Fixed, the mark goes; a decimal comma is read as typed and a wrong one echoed as typed.
    page.fill("#cost-agents input", "")
    page.fill("#cost-contacts_per_month input", "10.000")
    page.get_by_label("chat", exact=True).check()
    page.get_by_text("Target layanan (opsional)").click()
    page.fill("#cost-avg_handle_minutes input", "2,5x")
    estimate(page)
    handle = page.locator("#cost-avg_handle_minutes")
    assert "Harus berupa angka, mis. 5 atau 2,5; Anda mengetik “2,5x”." in handle.inner_text()
    assert "bot-invalid" not in (page.get_attribute("#cost-agents", "class") or "")
    page.fill("#cost-avg_handle_minutes input", "2,5")
    estimate(page)
    assert page.locator("#tab-cost .bot-invalid").count() == 0
    details = page.eval_on_selector("#cost-result", "e => e.textContent")
    assert "AHT 2,5 menit" in details  # accepted as 2.5 and shown the Indonesian way
    assert page.locator("#cost-chart .bot-chart").count() == 1


@pytest.mark.parametrize("page", [("en-US", DESKTOP)], indirect=True)
def test_errors_follow_the_ui_language(page):
    page.get_by_label("English", exact=True).check()
    page.wait_for_function("document.body.innerText.includes('Cost estimate')")
    open_cost_tab(page, "Cost estimate")
    page.fill("#cost-months input", "abc")
    estimate(page)
    months = page.inner_text("#cost-months")
    assert "Must be a whole number; you typed “abc”." in months
    assert "Please check the highlighted field" in page.inner_text("#cost-status")
    assert "months" not in page.inner_text("#cost-status").replace("Contract length (months)", "")
