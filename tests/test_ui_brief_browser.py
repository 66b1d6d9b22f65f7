"""The "Decision brief" tab in a real headless Chromium (Debian's) against the real server: a
situation typed in, the understood fields, the brief with its charts drawn, the PDF downloaded;
a bad field answered in the page's language. Screenshots at desktop and phone sizes go to
test-output/ui/ (brief-*.png)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from servers import REPO

pytestmark = [pytest.mark.browser, pytest.mark.heavy]

CHROMIUM = os.environ.get("BOT_TEST_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SHOTS = REPO / "test-output" / "ui"
SHOP = (
    "Kami toko online di Surabaya, 6 orang CS in-house, biaya sekitar Rp 180 juta per bulan, "
    "sekitar 15 ribu chat dan 2 ribu email per bulan, mau 24/7, data pelanggan sensitif "
    "(pembayaran)."
)
LOADED = "sel => { const i = document.querySelector(sel); return i && i.complete && i.naturalWidth > 0; }"


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


def open_tab(browser, live_server, width: int, height: int):
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="id-ID", accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(live_server.url + "/")
    page.wait_for_selector("#question textarea")
    page.wait_for_timeout(500)  # Gradio measures which tabs fit
    tab = page.get_by_role("tab", name="Ringkasan keputusan")
    if tab.count() and tab.is_visible():
        tab.click()
    else:  # a phone: the tabs that do not fit are behind "More tabs"
        page.click("button[aria-label='More tabs']")
        page.click(".overflow-dropdown button:has-text('Ringkasan keputusan')")
    page.wait_for_selector("#brief-situation textarea")
    return context, page


def write_brief(page, text: str) -> None:
    page.fill("#brief-situation textarea", text)
    page.click("#brief-write")
    page.wait_for_function(LOADED, arg="#brief-doc img#chart-options")
    page.wait_for_function(LOADED, arg="#brief-doc img#chart-sensitivity")


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_a_situation_gives_the_brief_with_charts_and_a_pdf(
    browser, live_server, width: int, height: int
) -> None:
    context, page = open_tab(browser, live_server, width, height)
    try:
        write_brief(page, SHOP)
        doc = page.locator("#brief-doc")
        assert "1. Kesimpulan" in doc.inner_text() and "Sumber:" in doc.inner_text()
        # What it understood is in the form, editable.
        assert page.input_value("#brief-contacts_per_month :is(input, textarea)") == "17000"
        assert page.input_value("#brief-inhouse_monthly :is(input, textarea)") == "Rp 180.000.000"
        # The page never scrolls sideways: wide tables scroll inside their own box.
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width + 1, f"page is {scroll}px wide at {width}px"
        page.screenshot(path=str(SHOTS / f"brief-{width}.png"), full_page=True)
        with page.expect_download() as caught:
            page.click("#brief-pdf")
        pdf = Path(caught.value.path()).read_bytes()
        assert pdf.startswith(b"%PDF") and caught.value.suggested_filename.endswith(".pdf")
        with page.expect_download() as caught:
            page.click("#brief-md")
        markdown = Path(caught.value.path()).read_text(encoding="utf-8")
        assert markdown.startswith("# Ringkasan keputusan")
    finally:
        context.close()


def test_editing_a_field_rewrites_and_a_bad_one_is_named(browser, live_server) -> None:
    context, page = open_tab(browser, live_server, 1280, 800)
    try:
        write_brief(page, SHOP)
        before = page.locator("#brief-doc").inner_text()
        page.fill("#brief-inhouse_monthly :is(input, textarea)", "banyak")
        page.click("#brief-rewrite")
        page.wait_for_function(
            "() => document.querySelector('#brief-status').innerText.includes('biaya in-house')"
        )
        assert "Ringkasan belum bisa dibuat" in page.inner_text("#brief-status")
        page.fill("#brief-inhouse_monthly :is(input, textarea)", "250jt")
        page.click("#brief-rewrite")
        page.wait_for_function(
            "() => /Rp\\s250\\.000\\.000/.test(document.querySelector('#brief-doc').innerText)"
        )
        assert page.locator("#brief-doc").inner_text() != before
    finally:
        context.close()
