"""`bot eval`: run the gold set through the configurations, report, gate on thresholds."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from bot.config import REPO_ROOT
from bot.yamlio import read_yaml

REPORT_DIR = REPO_ROOT / "eval" / "report"
THRESHOLDS = REPO_ROOT / "eval" / "thresholds.yaml"
Bound = tuple[str, float]  # (">=" | "<=", limit)


def register(app: typer.Typer) -> None:
    """Add the `eval` command to the bot CLI."""
    app.command("eval")(eval_command)
    app.command("eval-asks")(asks_command)


def asks_command(
    split: Annotated[str, typer.Option(help="dev (tune on it) or test (report only).")] = "dev",
    show: Annotated[
        int, typer.Option(help="Print this many failed dev cases (never for test).")
    ] = 0,
) -> None:
    """Score answers on the ask cases and conversations of one split."""
    import json

    from bot.answer.assistant import get_assistant
    from bot.config import Settings
    from bot.evaluation import asks

    if split not in asks.SPLITS:
        _usage("--split must be dev or test.")
    folder = asks.SPLITS[split]
    assistant = get_assistant(Settings())
    single = asks.run_cases(assistant, asks.load_cases(folder / "cases.jsonl"))
    turns = asks.run_conversations(
        assistant, asks.load_conversations(folder / "conversations.jsonl")
    )
    summary = {"cases": asks.summarize(single), "turns": asks.summarize(turns)}
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    (REPORT_DIR / f"asks-{split}.json").write_text(json.dumps(summary, indent=1, sort_keys=True))
    for part, table in summary.items():
        typer.echo(f"{split} {part}:")
        for key in sorted(table["all"]):
            cells = [table[s].get(key) for s in ("all", "id", "en")]
            shown = ["—" if v is None else f"{v:.2f}" for v in cells]
            typer.echo(f"  {key:20} " + "  ".join(f"{x:>6}" for x in shown))
    if split == "dev" and show:
        failed = [
            o for o in [*single, *turns] if any(v < 1 for k, v in o.scores.items() if k != "lines")
        ]
        for o in failed[:show]:
            bad = sorted(k for k, v in o.scores.items() if k != "lines" and v < 1)
            typer.echo(f"\n{o.case.id} [{o.case.ask_type}] {bad}\nQ: {o.case.question}")
            typer.echo(o.answer.answer if o.answer else o.error)


def eval_command(
    cases: Annotated[Path | None, typer.Option(help="Gold set (JSON Lines).")] = None,
    report: Annotated[Path, typer.Option(help="Report folder.")] = REPORT_DIR,
    config: Annotated[
        list[str] | None,
        typer.Option(help="Configuration to run (repeatable); default: the side-by-side set."),
    ] = None,
    snapshot: Annotated[
        bool, typer.Option("--snapshot", help="Write eval/answers.snapshot.jsonl.")
    ] = False,
    check_snapshot: Annotated[
        bool, typer.Option("--check-snapshot", help="Diff answers against the snapshot.")
    ] = False,
    fast: Annotated[
        bool, typer.Option("--fast", help="A quarter of the cases plus all refusals, e5 only.")
    ] = False,
) -> None:
    """Evaluate the assistant on the gold set; exit 1 below the gate or on a changed answer."""
    from bot.config import Settings
    from bot.evaluation import gold
    from bot.evaluation import report as rep
    from bot.evaluation import run as ev

    started = time.perf_counter()
    chosen = gold.load_gold(cases or gold.GOLD)
    chosen = gold.fast_subset(chosen) if fast else chosen
    names = config or ([ev.PRIMARY] if fast else list(ev.DEFAULT_CONFIGS))
    if unknown := [n for n in names if n not in ev.CONFIGS]:
        _usage(f"unknown configuration(s) {unknown}; choose from {sorted(ev.CONFIGS)}")
    if snapshot and fast:
        _usage("--snapshot records every case; run it without --fast.")
    chains = [n for n in names if ev.CONFIGS[n].generator]
    if not chains and (snapshot or check_snapshot):
        _usage("--snapshot / --check-snapshot need a configuration with a generator.")
    if any(ev.CONFIGS[n].retriever == "minilm" for n in names):
        _need_st_extra()
        _quiet_progress_bars()
    settings = Settings()
    k, shared = settings.retrieval.k, {}
    ordered = sorted(names, key=lambda n: (n != ev.PRIMARY, ev.CONFIGS[n].generator is None))
    runs = {
        n: ev.run_config(ev.CONFIGS[n], chosen, settings, repeat=n == ordered[0], shared=shared)
        for n in ordered
    }
    metrics = {n: ev.score_config(runs[n], k) for n in ordered}
    primary = runs[ordered[0]]
    checks = check_thresholds(metrics[ordered[0]])
    failures = {r.case.id: rep.case_failures(r, ev.case_scores(r, k)) for r in primary.runs}
    latencies = {n: [x.latency_ms for x in runs[n].runs if x.latency_ms] for n in chains}
    latencies = {n: v for n, v in latencies.items() if v}
    meta = _meta(chosen, runs, started, fast)
    verdict = checks_table(checks)
    pairs = ev.pair_scores(primary.runs)
    paths = rep.write_report(report, metrics, verdict, primary, failures, pairs, latencies, k, meta)
    typer.echo(rep.terminal_summary(metrics, verdict, k, meta))
    timings = [
        f"{n} {t['total']:.1f}s (setup {t['setup']:.1f}s)" for n, t in meta["timings_s"].items()
    ]
    typer.echo("\ntimings: " + ", ".join(timings))
    gated = primary.config.name == ev.PRIMARY  # the floors were measured on this configuration
    failed_gate = [c.key for c in checks if c.applies and passes(c.value, c.gate) is False]
    missed_goals = [c.key for c in checks if c.applies and passes(c.value, c.goal) is False]
    typer.echo(f"goals unmet ({len(missed_goals)}): {', '.join(missed_goals) or 'none'}")
    if not gated:
        failed_gate = []
        typer.echo(f"gate: not applied ({ev.PRIMARY} was not run)")
    else:
        typer.echo(
            f"gate ({ev.PRIMARY}): " + ("FAIL " + ", ".join(failed_gate) if failed_gate else "pass")
        )
    typer.echo(f"report: {' '.join(str(p) for p in paths)}")
    changed = False
    if snapshot:
        typer.echo(f"snapshot: wrote {rep.write_snapshot(primary.runs)} answers to {rep.SNAPSHOT}")
    elif check_snapshot:
        blocks = rep.snapshot_diff(primary.runs, subset=fast)
        typer.echo("".join(block + "\n\n" for block in blocks), nl=False)
        changed = bool(blocks)
        typer.echo(
            f"snapshot: {len(blocks)} answer(s) changed" if blocks else "snapshot: unchanged"
        )
    if failed_gate or changed:
        raise typer.Exit(code=1)


def _meta(
    chosen: Sequence[Any], runs: dict[str, Any], started: float, fast: bool
) -> dict[str, Any]:
    langs = Counter(c.language for c in chosen)
    return {
        "cases": len(chosen),
        "by_language": ", ".join(f"{lang} {n}" for lang, n in sorted(langs.items())),
        "categories": dict(Counter(c.category for c in chosen)),
        "seconds": time.perf_counter() - started,
        "timings_s": {
            n: {"setup": round(r.setup_seconds, 2), "total": round(r.seconds, 2)}
            for n, r in runs.items()
        },
        "fast": fast,
    }


def _need_st_extra() -> None:
    """Stop before the first case, not after the e5 run, when MiniLM cannot be loaded."""
    from bot.evaluation.run import MINILM
    from bot.knowledge.embeddings import EmbeddingsUnavailable, check_installed

    try:
        check_installed(MINILM)
    except EmbeddingsUnavailable as exc:
        _usage(f"{exc}; or leave out the minilm configurations (--config)")


def _quiet_progress_bars() -> None:
    """Keep the one-screen summary free of transformers' weight-loading bar."""
    try:
        from transformers.utils import logging as hf_logging
    except ImportError:
        return
    hf_logging.disable_progress_bar()


def _usage(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code=2)


# -- thresholds: goals are printed, the gate decides the exit status -----------------------------
@dataclass(frozen=True)
class Check:
    key: str  # metric or metric@lang
    value: float | None
    goal: Bound | None
    gate: Bound | None
    applies: bool = True  # False: this run does not compute the metric (e.g. retrieval only)


def passes(value: float | None, bound: Bound | None) -> bool | None:
    """Whether a value meets a bound; None when there is no bound, False when no value."""
    if bound is None:
        return None
    if value is None:
        return False
    op, limit = bound
    return value >= limit - 1e-9 if op == ">=" else value <= limit + 1e-9


def _bounds(section: dict[str, Any] | None) -> dict[str, Bound]:
    out = {}
    for key, spec in (section or {}).items():
        if isinstance(spec, dict):
            out[key] = (">=", float(spec["min"])) if "min" in spec else ("<=", float(spec["max"]))
        else:
            out[key] = (">=", float(spec))
    return out


def check_thresholds(metrics: dict[str, dict[str, Any]], path: Path = THRESHOLDS) -> list[Check]:
    """Compare one configuration's metrics (scope -> name -> value) with the goals and the gate."""
    data = read_yaml(path) or {}
    goals, gate = _bounds(data.get("goals")), _bounds(data.get("gate"))
    checks = []
    for key in sorted(set(goals) | set(gate), key=lambda k: (k.split("@")[0], k)):
        name, _, scope = key.partition("@")
        scores = metrics.get(scope or "all", {})
        checks.append(Check(key, scores.get(name), goals.get(key), gate.get(key), name in scores))
    return checks


def checks_table(checks: Sequence[Check]) -> tuple[list[str], list[list[str]]]:
    """Rows of metric, value, goal and gate with pass / FAIL marks."""
    from bot.evaluation.report import fmt

    def bound(b: Bound | None) -> str:
        return "—" if b is None else f"{b[0]} {b[1]:g}"

    def mark(check: Check, b: Bound | None) -> str:
        ok = passes(check.value, b) if check.applies else None
        return ("" if b is None else "n/a") if ok is None else ("pass" if ok else "FAIL")

    rows = [
        [
            c.key,
            fmt(c.key.split("@")[0], c.value),
            bound(c.goal),
            mark(c, c.goal),
            bound(c.gate),
            mark(c, c.gate),
        ]  # fmt: skip
        for c in checks
    ]
    return ["metric", "value", "goal", "goal?", "gate", "gate?"], rows
