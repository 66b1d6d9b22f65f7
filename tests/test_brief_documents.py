"""The twelve briefs of six situations (tests/test_brief.py's PAIRS, each in Indonesian and
English): figures equal `bot cost --json`'s, every sentence of article content cites its [n], the
PDF's text (pdftotext) holds the bottom line; HTML and PDF from the CLI and the API."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import typer
from fastapi import FastAPI
from fastapi.testclient import TestClient
from test_brief import BRIEFS, PAIRS
from typer.testing import CliRunner

from bot.answer.compose import split_units
from bot.config import REPO_ROOT, Settings
from bot.cost.render import fmt_money
from bot.prompts import load_prompts
from bot.surfaces import brief_cli, cost_cli
from bot.surfaces.brief_api import make_brief_router
from bot.surfaces.brief_doc import brief_pdf

# (pair name, lang, text, the estimator's fields): six situations, twelve briefs.
TWELVE = [
    (name, lang, text, expected)
    for name, id_text, en_text, expected in PAIRS
    for lang, text in (("id", id_text), ("en", en_text))
]
IDS = [f"{t[0]}-{t[1]}" for t in TWELVE]


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Keep subcommands, as in the real CLI."""

    brief_cli.register(app)
    cost_cli.register(app)
    return app


def _cost_flags(fields: dict[str, Any], location: str, inhouse_usd: float | None) -> list[str]:
    """`bot cost` flags for the estimator's fields (in-house cost in USD: its only currency)."""
    flags = ["cost", "--json", "--location", location]
    for key, value in fields.items():
        if key.startswith("inhouse_monthly"):
            continue
        text = ",".join(value) if isinstance(value, list) else str(value)
        flags += [f"--{key.replace('_', '-')}", text]
    if inhouse_usd is not None:
        flags += ["--inhouse-monthly-usd", str(inhouse_usd)]
    return flags


def test_six_situations_cover_both_currencies_with_and_without_in_house() -> None:
    assert len(TWELVE) == 12
    expected = [p[3] for p in PAIRS]
    assert any("inhouse_monthly_idr" in f for f in expected)
    assert any("inhouse_monthly_usd" in f for f in expected)
    assert any(not any(k.startswith("inhouse") for k in f) for f in expected)


@pytest.mark.parametrize(("name", "lang", "text", "expected"), TWELVE, ids=IDS)
def test_brief_figures_equal_bot_cost_json(
    app: typer.Typer, name: str, lang: str, text: str, expected: dict
) -> None:
    result = CliRunner().invoke(app, ["brief", text, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["lang"] == lang
    estimate = data["figures"]["estimate"]
    inhouse = (estimate["comparison"] or {}).get("inhouse_monthly_usd")
    for location, option in data["figures"]["options"].items():
        cost = CliRunner().invoke(app, _cost_flags(expected, location, inhouse))
        assert cost.exit_code == 0, cost.output
        figures = json.loads(cost.stdout)
        assert option["monthly_usd"] == figures["monthly_total_usd"]
        assert option["one_time_usd"] == figures["one_time_total_usd"]
        assert option["total_usd"] == figures["total_usd"]
        if inhouse is not None:
            assert option["monthly_savings_usd"] == figures["comparison"]["monthly_savings_usd"]
            assert option["break_even_month"] == figures["comparison"]["break_even_month"]
        if location == data["figures"]["best_location"]:
            for key in ("lines", "seats", "headcount", "hourly_rate_usd", "comparison"):
                assert estimate[key] == figures[key]


def _article_units(lang: str) -> list[tuple[str, str]]:
    """(entry id, rendered text) of every sentence and bullet of the corpus in `lang`."""
    from bot.answer.compose import render_unit

    out = []
    for entry, chunk in BRIEFS.chunks[lang].items():
        out += [(entry, render_unit(u)) for u in split_units(chunk) if len(u.text) > 25]
    return out


@pytest.mark.parametrize(("name", "lang", "text", "expected"), TWELVE, ids=IDS)
def test_every_sentence_of_article_content_cites_its_entry(
    name: str, lang: str, text: str, expected: dict
) -> None:
    brief = BRIEFS.build(text)
    markdown = BRIEFS.markdown(brief, lang)
    body = markdown.split("\n## 1.")[1].rsplit("\n**", 1)[0]  # the sections, not the sources
    cited = brief.cited_ids()
    found = 0
    for entry, unit in _article_units(lang):
        start = body.find(unit)
        while start != -1:
            found += 1
            rest = body[start + len(unit) :].split("\n", 1)[0]
            # Its [n] follows in the same sentence (a "(reason)" may come between).
            marker = re.search(r"\[(\d+)\]", rest)
            assert marker, f"{entry}: {unit!r} has no [n] after it"
            assert not re.search(r"[.!?] [A-Z]", rest[: marker.start()]), (entry, rest)
            assert cited[int(marker.group(1)) - 1] == entry, unit
            start = body.find(unit, start + len(unit))
    assert found >= 10  # the band, the drivers, the risks and their steps, hidden costs, ROI
    # Every [n] names an entry the brief cites, and the sources list them in that order.
    sources = re.findall(r"^\[(\d+)\] (.+)$", markdown, flags=re.M)
    titles = [BRIEFS.chunks[lang][e].title for e in cited]
    assert [t for _, t in sources] == titles


@pytest.mark.parametrize("name", [p[0] for p in PAIRS])
def test_paired_briefs_cite_the_same_entries_with_the_same_figures(name: str) -> None:
    pair = [t for t in TWELVE if t[0] == name]
    made = {lang: BRIEFS.json(BRIEFS.build(text), lang) for _, lang, text, _ in pair}
    assert made["id"]["cited_ids"] == made["en"]["cited_ids"]
    assert made["id"]["figures"] == made["en"]["figures"]
    assert [s["n"] for s in made["id"]["sources"]] == [s["n"] for s in made["en"]["sources"]]


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (Debian's poppler-utils) is not installed; .ci/run installs it")
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, timeout=30)
    return " ".join(out.stdout.decode("utf-8").split())


@pytest.mark.parametrize(("name", "lang", "text", "expected"), TWELVE, ids=IDS)
def test_the_pdfs_text_holds_the_bottom_line(
    tmp_path: Path, name: str, lang: str, text: str, expected: dict
) -> None:
    brief = BRIEFS.build(text)
    pdf = brief_pdf(BRIEFS, brief, lang, BRIEFS.charts(brief, lang))
    assert pdf.startswith(b"%PDF")
    words = _pdf_text(pdf, tmp_path)
    monthly = fmt_money(brief.result.monthly_total_usd, lang)  # USD, beside any Rupiah
    assert monthly in words
    if brief.currency == "IDR":
        rupiah = brief.result.monthly_total_usd * brief.idr_per_usd
        sep = "." if lang == "id" else ","
        assert f"Rp {rupiah:,.0f}".replace(",", sep) in words
    data = BRIEFS.json(brief, lang)
    for section in data["sections"]:
        assert section["title"] in words
    for source in data["sources"]:
        assert " ".join(f"[{source['n']}] {source['title']}".split()) in words


@pytest.mark.parametrize("suffix", ["md", "html", "pdf"])
def test_cli_writes_the_brief_in_the_files_format(
    app: typer.Typer, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"brief.{suffix}"
    result = CliRunner().invoke(app, ["brief", PAIRS[0][1], "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    if suffix == "pdf":
        assert data.startswith(b"%PDF") and "Kesimpulan" in _pdf_text(data, tmp_path)
    elif suffix == "html":
        page = data.decode("utf-8")
        assert page.startswith("<!doctype html>") and '<html lang="id">' in page
        assert page.count('src="data:image/png;base64,') == 2  # the options and the tornado
        assert page.count("<table>") == 2 and "<h2>1. Kesimpulan</h2>" in page
    else:
        assert data.decode("utf-8").startswith("# Ringkasan keputusan")


@pytest.fixture(scope="module")
def http() -> TestClient:
    settings = Settings(corpus_dir=REPO_ROOT / "corpus", prompts_dir=REPO_ROOT / "prompts")
    assistant = SimpleNamespace(prompts=load_prompts(settings.prompts_dir), settings=settings)
    api = FastAPI()
    api.include_router(make_brief_router(assistant))
    return TestClient(api)


@pytest.mark.parametrize(
    ("fmt", "media"), [("html", "text/html"), ("pdf", "application/pdf"), ("md", "text/markdown")]
)
def test_api_gives_each_format(http: TestClient, tmp_path: Path, fmt: str, media: str) -> None:
    response = http.post(f"/api/brief?format={fmt}", json={"text": PAIRS[1][2]})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    brief = BRIEFS.build(PAIRS[1][2])
    monthly = fmt_money(brief.result.monthly_total_usd, "en")
    text = _pdf_text(response.content, tmp_path) if fmt == "pdf" else response.text
    assert monthly in text and "Bottom line" in text


def test_api_errors_stay_json_for_a_document_format(http: TestClient) -> None:
    response = http.post("/api/brief?format=pdf", json={"lang": "id", "agents": 0})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/json")
    assert "jumlah agen" in response.json()["message"]
