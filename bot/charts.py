"""Charts as PNG bytes, one library (matplotlib, Agg) for every surface: the decision brief's
options and tornado charts (UI, PDF, HTML) and the evaluation report's plots.

Nothing here knows a domain: callers pass labels already in the user's language and a formatter
for their numbers ("1.234,5" in Indonesian, "1,234.5" in English). matplotlib is imported on the
first chart, never at import time.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

Fmt = Callable[[float], str]
# pyplot's figure registry is global: one chart is drawn at a time across threads.
_LOCK = threading.Lock()
PALETTE = ("#2f6f9f", "#e08a2e", "#4f9f5f", "#8a8a8a")
LOW, HIGH = "#4f9f5f", "#c8553d"


def pyplot() -> Any:
    """matplotlib.pyplot on the Agg backend (no display, no window)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def png(fig: Any, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (legends beside the axes kept inside); the figure is closed."""
    plt = pyplot()
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()


def _wrap(label: str) -> str:
    """Long category names on two lines ("luar negeri\n(offshore)")."""
    return label.replace(" (", "\n(", 1) if len(label) > 14 else label


@dataclass(frozen=True)
class Panel:
    """One group of bars: a title, one value per category, an optional reference line."""

    title: str
    values: Sequence[float]
    reference: tuple[str, float] | None = None  # (label, value): e.g. the in-house cost


def side_by_side(
    categories: Sequence[str],
    panels: Sequence[Panel],
    fmt: Fmt,
    highlight: int | None = None,
    dpi: int = 100,
) -> bytes:
    """Bars per category, one panel beside the other (monthly, one time), each bar labelled."""
    with _LOCK:
        return png(side_by_side_figure(categories, panels, fmt, highlight), dpi)


def side_by_side_figure(
    categories: Sequence[str], panels: Sequence[Panel], fmt: Fmt, highlight: int | None = None
) -> Any:
    """side_by_side's figure, not yet drawn (tests read its texts); close it with png()."""
    plt = pyplot()
    widths = [max(1.0, len(categories) * 0.9) for _ in panels]
    fig, axes = plt.subplots(
        1, len(panels), figsize=(7.2, 3.2), gridspec_kw={"width_ratios": widths}, squeeze=False
    )
    for ax, panel in zip(axes[0], panels, strict=True):
        colors = [
            PALETTE[0] if highlight is None or i == highlight else PALETTE[3]
            for i in range(len(categories))
        ]
        bars = ax.bar(range(len(categories)), panel.values, color=colors, width=0.6)
        top = max([*panel.values, panel.reference[1] if panel.reference else 0, 1])
        for bar, value in zip(bars, panel.values, strict=True):
            ax.annotate(
                fmt(value),
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=7,
            )
        if panel.reference is not None:
            label, value = panel.reference
            ax.axhline(value, color=PALETTE[1], linestyle="--", linewidth=1.2)
            ax.annotate(
                f"{label}: {fmt(value)}",
                (-0.45, value),
                xytext=(0, 3),
                textcoords="offset points",
                ha="left",
                va="bottom",
                fontsize=7,
                color=PALETTE[1],
                zorder=5,
                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
            )
        ax.set_ylim(0, top * 1.22)
        ax.set_xlim(-0.5, len(categories) - 0.5)
        ax.set_xticks(range(len(categories)), [_wrap(c) for c in categories], fontsize=8)
        ax.set_yticks([])
        ax.set_title(panel.title, fontsize=9)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
    return fig


def tornado(
    names: Sequence[str],
    lows: Sequence[float],
    highs: Sequence[float],
    base: float,
    fmt: Fmt,
    labels: tuple[str, str, str],
    dpi: int = 100,
) -> bytes:
    """A tornado chart: each name's total at its low and high value around `base`, the widest
    swing on top. `labels`: (low legend, high legend, the axis under the bars)."""
    with _LOCK:
        return png(tornado_figure(names, lows, highs, base, fmt, labels), dpi)


def tornado_figure(
    names: Sequence[str],
    lows: Sequence[float],
    highs: Sequence[float],
    base: float,
    fmt: Fmt,
    labels: tuple[str, str, str],
) -> Any:
    """tornado's figure, not yet drawn (tests read its texts); close it with png()."""
    plt = pyplot()
    order = sorted(range(len(names)), key=lambda i: abs(highs[i] - lows[i]))
    fig, ax = plt.subplots(figsize=(7.2, 0.8 + 0.55 * max(1, len(names))))
    for row, i in enumerate(order):
        for value, color, label in ((lows[i], LOW, labels[0]), (highs[i], HIGH, labels[1])):
            ax.barh(
                row,
                value - base,
                left=base,
                color=color,
                height=0.55,
                label=label if row == 0 else None,
            )
            if value == base:
                continue  # the axis's one tick shows it
            ax.annotate(
                fmt(value),
                (value, row),
                xytext=(3 if value >= base else -3, 0),
                textcoords="offset points",
                ha="left" if value >= base else "right",
                va="center",
                fontsize=7,
            )
    ax.axvline(base, color="#333333", linewidth=1)
    spread = max([abs(v - base) for v in (*lows, *highs)] + [abs(base) * 0.05, 1.0])
    ax.set_xlim(base - spread * 1.6, base + spread * 1.6)
    ax.set_yticks(range(len(order)), [names[i] for i in order], fontsize=8)
    ax.set_xticks([base], [fmt(base)], fontsize=7)
    ax.set_xlabel(labels[2], fontsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize=7, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, frameon=False)
    return fig
