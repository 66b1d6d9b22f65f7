"""bot.charts and the brief's two charts: PNG images whose labels are the estimator's amounts in the
user's currency, formatted the language's way; the widest swing on top of the tornado."""

from __future__ import annotations

from typing import Any

import pytest

from bot import charts
from bot.answer.briefing import BriefService
from bot.config import REPO_ROOT

BRIEFS = BriefService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")
PNG = b"\x89PNG\r\n\x1a\n"


def _texts(fig: Any) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The texts of every chart drawn, instead of its PNG."""
    seen: list[list[str]] = []
    real = charts.png

    def record(fig: Any, dpi: int = 100) -> bytes:
        seen.append(_texts(fig))
        return real(fig, dpi)

    monkeypatch.setattr(charts, "png", record)
    return seen


def test_charts_are_png_images() -> None:
    fmt = str
    bars = charts.side_by_side(["a", "b"], [charts.Panel("x", [1.0, 2.0])], fmt)
    tornado = charts.tornado(["v"], [1.0], [3.0], 2.0, fmt, ("-", "+", "total"))
    assert bars.startswith(PNG) and tornado.startswith(PNG)


@pytest.mark.parametrize(
    ("lang", "inhouse", "monthly", "tick"),
    [
        ("id", "in-house: Rp 180.000.000", "Rp 1.000.860.000", "Rp 12.272.400.000"),
        ("en", "in-house: Rp 180,000,000", "Rp 1,000,860,000", "Rp 12,272,400,000"),
    ],
)
def test_brief_charts_show_rupiah_the_languages_way(
    drawn: list[list[str]], lang: str, inhouse: str, monthly: str, tick: str
) -> None:
    brief = BRIEFS.build(fields={"contacts_per_month": 17000, "channels": "email,chat",
                                 "coverage": "24x7", "inhouse_monthly": "Rp 180 juta"})  # fmt: skip
    made = BRIEFS.charts(brief, lang)
    assert [c.id for c in made] == ["options", "sensitivity"]
    assert all(c.png.startswith(PNG) and c.alt for c in made)
    options, tornado = drawn
    assert inhouse in options and monthly in options
    # Monthly figure = the estimator's monthly total at the model's rate.
    rupiah = brief.result.monthly_total_usd * brief.idr_per_usd
    assert monthly.replace(".", "").replace(",", "").endswith(f"{rupiah:.0f}")
    assert tick in tornado  # the total now, the tornado's centre


def test_tornado_puts_the_widest_swing_on_top(drawn: list[list[str]]) -> None:
    brief = BRIEFS.build(fields={"agents": 10, "inhouse_monthly": 45000})
    BRIEFS.charts(brief, "en")
    rows = ("Agents", "Hourly rate (USD)", "Technology per agent (USD/month)")
    names = [n for n in drawn[1] if n in rows]
    # y tick labels run bottom to top: the last is the widest swing, the brief's first row.
    assert names[-1] == "Agents" == {"agents": "Agents"}[brief.swings[0].name]
    assert f"${brief.result.total_usd:,.0f}" in drawn[1]  # the centre: the total now
