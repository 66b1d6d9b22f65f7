"""The "Decision brief" tab's handlers without a browser: the understood fields fill the form,
an edited form rewrites the brief, errors come in the page's language, old files are dropped.
tests/test_ui_brief_browser.py drives the same tab in Chromium."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.answer.briefing import BriefService
from bot.config import REPO_ROOT, Settings
from bot.cost.render import fmt_money
from bot.surfaces.ui.brief_tab import FIELDS, BriefTab, sweep_orphans

SETTINGS = Settings(corpus_dir=REPO_ROOT / "corpus", prompts_dir=REPO_ROOT / "prompts")
BRIEFS = BriefService.from_dirs(SETTINGS.corpus_dir, SETTINGS.prompts_dir)
SHOP = (
    "Kami toko online di Surabaya, 6 orang CS in-house, biaya sekitar Rp 180 juta per bulan, "
    "sekitar 15 ribu chat dan 2 ribu email per bulan, mau 24/7, data pelanggan sensitif "
    "(pembayaran)."
)


@pytest.fixture
def tab() -> BriefTab:
    return BriefTab(SETTINGS)


def split(out: tuple) -> tuple[str, dict, str, dict, dict]:
    status, _opened, *rest = out
    form = dict(zip(FIELDS, rest[: len(FIELDS)], strict=True))
    doc, md, pdf = rest[len(FIELDS) :]
    return status, form, doc, md, pdf


def test_the_situation_fills_the_form_and_the_brief(tab: BriefTab) -> None:
    status, form, doc, md, pdf = split(tab.write(SHOP, "auto", "id"))
    assert status.startswith("Ringkasan selesai")
    assert form["contacts_per_month"] == "17000" and form["inhouse_people"] == "6"
    assert form["inhouse_monthly"] == "Rp 180.000.000" and form["coverage"] == "24x7"
    assert form["channels"] == ["email", "chat"] and form["sensitivity"] == "financial_or_health"
    assert form["agents"] == "" and form["support_type"] == ""  # left to the defaults
    brief = BRIEFS.build(SHOP)
    assert fmt_money(brief.result.monthly_total_usd, "id") in doc
    assert doc.count('src="data:image/png;base64,') == 2
    assert Path(pdf["value"]).read_bytes().startswith(b"%PDF")
    assert Path(md["value"]).read_text(encoding="utf-8") == BRIEFS.markdown(brief, "id")


def test_an_edited_form_rewrites_the_brief_in_the_chosen_language(tab: BriefTab) -> None:
    _, form, *_ = split(tab.write(SHOP, "auto", "id"))
    form |= {"coverage": "business_hours", "contacts_per_month": "20.000"}
    status, _, doc, _, _ = split(tab.rewrite(SHOP, "en", "id", *form.values()))
    assert status.startswith("Brief written in English")
    fields = {"contacts_per_month": 20000, "channels": ["email", "chat"],
              "coverage": "business_hours", "inhouse_monthly": "180jt"}  # fmt: skip
    expected = BRIEFS.build(fields=fields)
    assert fmt_money(expected.result.monthly_total_usd, "en") in doc


@pytest.mark.parametrize(
    ("field", "value", "lang", "needle"),
    [
        ("inhouse_monthly", "banyak", "id", "biaya in-house per bulan"),
        ("agents", "0", "en", "`agents` (number of agents) must be at least 1"),
        ("sensitivity", "", "en", None),
    ],
)
def test_a_bad_field_is_named_in_the_pages_language(
    tab: BriefTab, field: str, value: str, lang: str, needle: str | None
) -> None:
    _, form, *_ = split(tab.write(SHOP, "auto", "id"))
    form[field] = value
    status, _, doc, md, _ = split(tab.rewrite("", lang, lang, *form.values()))
    if needle is None:
        assert doc and md["visible"]  # an emptied choice falls back to its default
    else:
        assert status.startswith("⚠️") and needle in status
        assert doc == "" and md["visible"] is False


def test_an_empty_situation_asks_for_one(tab: BriefTab) -> None:
    status, *_ = split(tab.write("", "id", "id"))
    assert "Ceritakan situasi Anda" in status


def test_only_the_latest_files_are_kept(tab: BriefTab) -> None:
    for _ in range(3):
        tab.write(SHOP, "id", "id")
    tab._prune(keep=1)
    assert len(list(tab.files.iterdir())) == 1


def test_the_downloads_folder_is_made_on_use_and_removed_with_the_tab() -> None:
    unused = BriefTab(SETTINGS)
    assert "files" not in vars(unused)  # building the UI leaves nothing in the temp dir
    tab = BriefTab(SETTINGS)
    tab.write(SHOP, "en", "en")
    folder = tab.files
    assert any(folder.rglob("brief-en.pdf"))
    del tab
    gc.collect()
    assert not folder.exists()


def test_a_killed_servers_downloads_folder_is_swept(tmp_path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = tmp_path / f"bot-brief-{gone.stdout.strip()}-abc"
    live = tmp_path / f"bot-brief-{os.getpid()}-def"
    other = tmp_path / "bot-brief-notapid"  # not one of ours by name: left alone
    for folder in (dead, live, other):
        (folder / "x").mkdir(parents=True)
    assert sweep_orphans(tmp_path) == [dead]
    assert not dead.exists() and live.exists() and other.exists()
