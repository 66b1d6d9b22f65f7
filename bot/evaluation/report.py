"""Evaluation output: thresholds verdict, answer snapshot, Markdown / HTML report, terminal summary."""

from __future__ import annotations

import base64
import difflib
import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot import charts
from bot.config import REPO_ROOT
from bot.evaluation.run import CaseRun, ConfigRun, snapshot_lines

SNAPSHOT = REPO_ROOT / "eval" / "answers.snapshot.jsonl"
RETRIEVAL_COLUMNS = [
    ("hit_at_1", "hit@1"),
    ("recall_at_k", "recall@k"),
    ("mrr", "MRR"),
    ("context_precision", "ctx-prec"),
]
ANSWER_COLUMNS = [
    ("fact_coverage", "facts"),
    ("faithfulness", "faithful"),
    ("language_match", "lang"),
    ("citation_validity", "cites"),
    ("answer_source_hit", "ans-src"),
    ("citation_precision", "cite-prec"),
    ("refusal_precision", "ref-P"),
    ("refusal_recall", "ref-R"),
    ("injection_safety", "inject"),
    ("parse_accuracy", "parse"),
    ("tool_request_accuracy", "tool-req"),
    ("pair_sources", "pair-src"),
    ("pair_cost", "pair-cost"),
    ("determinism", "determ"),
    ("latency_p50_ms", "p50 ms"),
    ("latency_p95_ms", "p95 ms"),
]
Metrics = dict[str, dict[str, dict[str, float | None]]]  # config -> scope -> name -> value
Table = tuple[list[str], list[list[str]]]


# -- snapshot -------------------------------------------------------------------------------------
def write_snapshot(runs: Sequence[CaseRun], path: Path = SNAPSHOT) -> int:
    lines = snapshot_lines(runs)
    path.write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    return len(lines)


def _readable(record: dict[str, Any] | None) -> list[str]:
    if record is None:
        return []
    head = [f"{k}: {json.dumps(record.get(k), ensure_ascii=False, sort_keys=True)}" for k in (
        "question", "route", "refused", "sources", "tool_calls", "error") if k in record]  # fmt: skip
    return head + ["answer:"] + str(record.get("answer", "")).splitlines()


def snapshot_diff(
    runs: Sequence[CaseRun], path: Path = SNAPSHOT, subset: bool = False
) -> list[str]:
    """Unified diffs of every case whose answer differs from the snapshot (subset: only cases run)."""
    stored = {}
    if path.exists():
        stored = {
            r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r
        }
    current = {r["id"]: r for r in map(json.loads, snapshot_lines(runs))}
    ids = sorted(set(current) | (set() if subset else set(stored)))
    blocks = []
    for case_id in ids:
        old, new = stored.get(case_id), current.get(case_id)
        if old == new:
            continue
        diff = difflib.unified_diff(
            _readable(old), _readable(new), f"snapshot/{case_id}", f"current/{case_id}", lineterm=""
        )
        blocks.append("\n".join(diff))
    return blocks


# -- tables ---------------------------------------------------------------------------------------
def fmt(name: str, value: float | None) -> str:
    if value is None:
        return "—"
    if name.endswith("_ms"):
        return f"{value:.0f}"
    if name == "errors":
        return f"{value:.0f}"
    return f"{value:.2f}"


def side_by_side(metrics: Metrics, k: int) -> tuple[list[str], list[list[str]]]:
    """One table: a row per configuration and scope, retrieval then answer columns."""
    columns = RETRIEVAL_COLUMNS + ANSWER_COLUMNS
    header = ["config", "scope"] + [label.replace("@k", f"@{k}") for _, label in columns]
    rows = []
    for config, scopes in metrics.items():
        for scope, values in scopes.items():
            rows.append([config, scope] + [fmt(n, values.get(n)) for n, _ in columns])
    return header, rows


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# -- plots ----------------------------------------------------------------------------------------
def plots(metrics: Metrics, latencies: dict[str, list[float]]) -> dict[str, bytes]:
    """PNG plots: metrics per language and configuration, latency histogram."""
    plt = charts.pyplot()
    out = {}
    panels = [("Retrieval", RETRIEVAL_COLUMNS), ("Answer quality", ANSWER_COLUMNS[:9])]
    fig, axes = plt.subplots(2, 1, figsize=(13, 8))
    for ax, (title, columns) in zip(axes, panels, strict=True):
        series = [
            (f"{config} · {scope}", [values.get(n) or 0.0 for n, _ in columns])
            for config, scopes in metrics.items()
            for scope, values in scopes.items()
            if scope != "all" and any(values.get(n) is not None for n, _ in columns)
        ]
        width = 0.8 / max(1, len(series))
        for i, (label, ys) in enumerate(series):
            ax.bar([x + i * width for x in range(len(columns))], ys, width, label=label)
        ax.set_xticks([x + 0.4 - width / 2 for x in range(len(columns))], [c[1] for c in columns])
        ax.set_ylim(0, 1.05)
        ax.set_title(f"{title} per configuration and language")
        if series:
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    out["metrics.png"] = charts.png(fig)
    fig, ax = plt.subplots(figsize=(8, 4))
    for config, values in latencies.items():
        ax.hist(values, bins=30, alpha=0.6, label=config)
    ax.set_xlabel("answer latency (ms)")
    ax.set_ylabel("cases")
    ax.set_title("Answer latency" + ("" if latencies else " (no configuration with answers)"))
    if latencies:
        ax.legend()
    out["latency.png"] = charts.png(fig)
    return out


# -- failures -------------------------------------------------------------------------------------
def case_failures(run: CaseRun, scores: dict[str, float | None]) -> list[str]:
    """Why a case lost points, in words a reader can act on."""
    from bot.evaluation import metrics as m

    c, a, why = run.case, run.answer, []
    if run.error:
        why.append(f"error: {run.error}")
    if scores.get("hit_at_1") == 0.0:
        why.append(f"retrieval: top {run.ranked[:3]}, expected {list(c.expected_sources)}")
    if scores.get("fact_coverage", 1.0) < 1.0:
        body = a.body if a else ""
        why.append(f"missing facts {[f for f in c.facts if not m.contains_fact(body, f)]}")
    if scores.get("answer_source_hit") == 0.0 and a and not a.refused:
        why.append(f"cited {[s.id for s in a.sources]}, expected {list(c.expected_sources)}")
    if a is not None and c.expected_refusal is not None and a.refused != c.expected_refusal:
        why.append(f"refused={a.refused}, expected {c.expected_refusal} (route {a.route})")
    if scores.get("faithfulness", 1.0) < 1.0:
        passages, results = [s.text for s in a.sources], [t.result for t in a.tool_calls]
        bad = m.faithfulness(a.body, passages, results, c.question, run.fixed)[1]
        why.append("unsupported: " + " / ".join(repr(s[:90]) for s in bad[:3]))
    if scores.get("language_match") == 0.0:
        why.append(f"answer not in {c.language}")
    if scores.get("citation_validity") == 0.0:
        why.append("citation markers missing or pointing past the sources")
    if scores.get("injection_safety") == 0.0:
        why.append("injection not refused and answer not grounded / carries the injected claim")
    if scores.get("tool_request_accuracy") == 0.0:
        args = a.tool_calls[0].args if a and a.tool_calls else None
        why.append(
            f"estimator request {args} (route {a.route if a else None}), expected {c.expected_request}"
        )
    if scores.get("parse_accuracy") == 0.0:
        why.append("parse_cost_question does not give the expected fields")
    if scores.get("determinism") == 0.0:
        why.append("second run gave a different answer")
    return why


# -- report files ---------------------------------------------------------------------------------
def write_report(
    report_dir: Path,
    metrics: Metrics,
    verdict: Table,
    primary: ConfigRun,
    failures: dict[str, list[str]],
    pairs: dict[str, list[tuple[str, float]]],
    latencies: dict[str, list[float]],
    k: int,
    meta: dict[str, Any],
) -> list[Path]:
    """Write report.md, report.html (plots inlined), the PNGs and results.json."""
    report_dir.mkdir(parents=True, exist_ok=True)
    images = plots(metrics, latencies)
    for name, data in images.items():
        (report_dir / name).write_bytes(data)
    table = side_by_side(metrics, k)
    cases = {r.case.id: r.case for r in primary.runs}
    fail_rows = [
        [cid, cases[cid].language, cases[cid].category, cases[cid].question, "; ".join(why)]
        for cid, why in failures.items()
        if why
    ]
    fail_table = (["case", "lang", "category", "question", "what failed"], fail_rows)
    broken = [[name, key] for name, items in pairs.items() for key, v in items if v < 1.0]
    pair_table = (["pair metric", "pair"], broken)
    summary = (
        f"{meta['cases']} cases ({meta['by_language']}); configurations: "
        f"{', '.join(metrics)}; {meta['seconds']:.1f}s"
    )
    sections = [
        ("Side by side", table),
        ("Thresholds (primary configuration " + primary.config.name + ")", verdict),
        ("Failing cases (primary configuration)", fail_table),
        ("Inconsistent pairs", pair_table),
    ]
    md = ["# Evaluation report", "", summary, ""]
    for title, (header, rows) in sections:
        md += [f"## {title}", "", markdown_table(header, rows) if rows else "_none_", ""]
    md += ["## Plots", "", "![metrics](metrics.png)", "", "![latency](latency.png)", ""]
    (report_dir / "report.md").write_text("\n".join(md), encoding="utf-8")
    style = (
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;font-size:13px}"
        "td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}th{background:#eee}"
    )
    parts = [
        f"<!doctype html><meta charset='utf-8'><title>Evaluation report</title><style>{style}</style>"
    ]
    parts += ["<h1>Evaluation report</h1>", f"<p>{html.escape(summary)}</p>"]
    for title, (header, rows) in sections:
        parts += [
            f"<h2>{html.escape(title)}</h2>",
            html_table(header, rows) if rows else "<p>none</p>",
        ]
    parts.append("<h2>Plots</h2>")
    for name, data in images.items():
        parts.append(
            f"<img alt='{name}' src='data:image/png;base64,{base64.b64encode(data).decode()}'>"
        )
    (report_dir / "report.html").write_text("\n".join(parts), encoding="utf-8")
    results = {"meta": meta, "metrics": metrics, "failures": failures, "pairs": pairs}
    (report_dir / "results.json").write_text(
        json.dumps(results, indent=2, sort_keys=True), encoding="utf-8"
    )
    return [report_dir / "report.md", report_dir / "report.html"]


def terminal_summary(metrics: Metrics, verdict: Table, k: int, meta: dict[str, Any]) -> str:
    """One screen: retrieval and answer tables, then every threshold with its goal and gate."""
    lines = [f"bot eval: {meta['cases']} cases ({meta['by_language']}), {meta['seconds']:.1f}s"]
    for columns in (RETRIEVAL_COLUMNS, ANSWER_COLUMNS):
        header = ["config", "scope"] + [label.replace("@k", f"@{k}") for _, label in columns]
        rows = [
            [config, scope] + [fmt(n, values.get(n)) for n, _ in columns]
            for config, scopes in metrics.items()
            for scope, values in scopes.items()
            if any(values.get(n) is not None for n, _ in columns)
        ]
        if not rows:
            continue
        widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
        lines.append("")
        for row in [header, *rows]:
            lines.append("  ".join(str(x).ljust(w) for x, w in zip(row, widths, strict=True)))
    header, rows = verdict
    widths = [max(len(x) for x in col) for col in zip(header, *rows, strict=True)]
    lines.append("")
    for row in [header, *rows]:
        lines.append("  ".join(x.ljust(w) for x, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
