"""Benchmark the index and search path in one run: build, cold start, warm latency vs. its floor.

Each measurement is a function taking the shared `Bench` state and returning `Row`s; add a section
by appending a function to MEASUREMENTS. Results go to stdout (Markdown) and bench/results.{json,md}.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench_brief import measure_brief
from bench_capacity import measure_capacity, measure_fresh_start, measure_mix
from bench_growth import measure_growth
from bench_server import measure_cold_ask, measure_server, watch_peak

HERE = Path(__file__).resolve().parent
GOAL_RATIO = 1.3  # warm search p50 may cost at most this much over embed + raw query
GOAL_ANSWER_RATIO = 1.5  # warm extractive answer p50 over the same floor
GOAL_ANSWER_MS = 50.0
ROUNDS = 5  # passes over QUERIES: 5 x 40 = 200 timed searches
WARMUP = 10
COLD_RUNS = 3
COLD_QUESTION = "Berapa tarif per jam untuk dukungan pelanggan outsourcing?"
QUERIES = [
    # Indonesian, formal and colloquial
    "Berapa tarif per jam untuk layanan pelanggan yang dioutsource?",
    "Kisaran harga per jam agen customer support outsourcing berapa ya?",
    "Apa saja faktor yang mempengaruhi biaya outsourcing dukungan pelanggan?",
    "Jelaskan rincian biaya outsourcing layanan pelanggan",
    "Komponen biaya apa saja dalam kontrak outsourcing call center?",
    "Apa manfaat outsourcing dukungan pelanggan bagi perusahaan?",
    "Apa tantangan atau risiko outsourcing customer service?",
    "Masalah apa yang sering muncul kalau CS dioutsource?",
    "Bagaimana praktik terbaik memilih penyedia outsourcing?",
    "Apakah data pelanggan aman jika dukungan dioutsource?",
    "Bagaimana vendor menjaga keamanan data pelanggan kami?",
    "Apakah outsourcing ke luar negeri lebih murah?",
    "Apakah ada biaya tersembunyi dalam outsourcing?",
    "Biaya tambahan apa yang sering tidak terduga saat outsourcing?",
    "Bagaimana cara menghitung ROI outsourcing dukungan pelanggan?",
    "Apa itu outsourcing dukungan pelanggan?",
    "Gambaran umum biaya outsourcing layanan pelanggan",
    "Kesimpulan soal biaya outsourcing customer support",
    "Bisakah dukungan pelanggan tersedia 24/7 lewat outsourcing?",
    "Berapa biaya agen CS per bulan kalau outsourcing?",
    # English, formal and casual
    "What is the hourly rate for outsourced customer support?",
    "How much per hour does an outsourced support agent cost?",
    "Which factors drive the cost of outsourcing customer service?",
    "Give me a breakdown of customer support outsourcing costs",
    "What cost components are in a call center outsourcing contract?",
    "What are the benefits of outsourcing customer support?",
    "What are the challenges of outsourcing customer service?",
    "What can go wrong when support is outsourced?",
    "Best practices for choosing an outsourcing provider",
    "Is customer data secure when support is outsourced?",
    "How do outsourcing providers protect our customers' data?",
    "Is offshore outsourcing cheaper than domestic?",
    "Are there hidden costs in outsourcing customer support?",
    "What unexpected fees come with outsourcing?",
    "How do I calculate the ROI of outsourced support?",
    "What is customer support outsourcing?",
    "Overview of what outsourcing customer support costs",
    "Summary: how much does outsourcing support cost overall?",
    "Can outsourced support cover 24/7?",
    "Monthly cost of an outsourced support agent",
]


@dataclass(frozen=True)
class Row:
    section: str
    metric: str
    value: float
    unit: str
    goal: str = ""

    def cell(self) -> str:
        return f"{self.value:.2f}{'x' if self.unit == 'x' else ' ' + self.unit}"


@dataclass
class Bench:
    """State shared by the measurements, filled in as they run."""

    home: Path
    settings: Any
    embeddings: Any = None
    intent: Any = None  # the retriever's intent model, trained by measure_build
    child_peaks_mb: list[float] = field(default_factory=list)  # cold-start `bot search` runs


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def measure_build(bench: Bench) -> list[Row]:
    from bot.knowledge.embeddings import make_embeddings
    from bot.knowledge.index import build_index, open_index
    from bot.knowledge.intent import load_or_train

    started = time.perf_counter()
    bench.embeddings = make_embeddings(bench.settings.retrieval.embeddings)
    loaded = time.perf_counter() - started
    report = build_index(bench.settings, bench.embeddings)
    started = time.perf_counter()
    index = open_index(bench.settings, bench.embeddings)
    bench.intent = load_or_train(
        bench.settings.corpus_dir, index.chunks, bench.embeddings, index.embedder, bench.home
    )
    trained = time.perf_counter() - started
    return [
        Row("build", f"embedder load ({bench.settings.retrieval.embeddings})", loaded, "s"),
        Row("build", f"index build, fresh ({report.total} chunks)", report.seconds, "s"),
        Row(
            "build",
            f"intent model training, fresh ({len(bench.intent.classes)} entries)",
            trained,
            "s",
        ),
    ]


def measure_cold_start(bench: Bench) -> list[Row]:
    """Time a new `bot search` process from spawn to its first line of answer."""
    bot = Path(sys.executable).parent / "bot"
    env = os.environ | {"BOT_HOME": str(bench.home)}
    times = []
    for _ in range(COLD_RUNS):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [str(bot), "search", COLD_QUESTION], env=env, stdout=subprocess.PIPE
        )
        watcher = threading.Thread(target=watch_peak, args=(proc, bench.child_peaks_mb))
        watcher.start()
        first = proc.stdout.readline()
        times.append(time.perf_counter() - started)
        proc.communicate(timeout=60)
        watcher.join(timeout=10)
        if proc.returncode or b"faq-hourly-rate" not in first:
            raise RuntimeError(f"cold-start search failed: {first!r}")
    return [
        Row(
            "cold start",
            f"`bot search` to first answer (median of {COLD_RUNS})",
            statistics.median(times),
            "s",
        )
    ]


def measure_latency(bench: Bench) -> list[Row]:
    """Warm search vs. its floor (embed + raw chroma query), interleaved per query."""
    from bot.knowledge.index import make_client, open_index
    from bot.knowledge.retrieve import Retriever
    from bot.lang import detect_language

    index = open_index(bench.settings, bench.embeddings)
    retriever = Retriever(index, bench.intent)
    collection = make_client(bench.settings).get_collection(index.collection)
    detect_language("warm up the language detector")

    def search(q: str) -> None:
        retriever.retrieve(q, k=4)

    def floor(q: str) -> None:
        collection.query(query_embeddings=[bench.embeddings.embed_query(q)], n_results=8)

    for q in QUERIES[:WARMUP]:
        search(q)
        floor(q)
    timings: dict[Callable[[str], None], list[float]] = {search: [], floor: []}
    for i, q in enumerate(QUERIES * ROUNDS):
        for fn in (search, floor) if i % 2 else (floor, search):  # alternate who goes first
            started = time.perf_counter()
            fn(q)
            timings[fn].append((time.perf_counter() - started) * 1000)
    s, f = timings[search], timings[floor]
    ratio = statistics.median(s) / statistics.median(f)
    verdict = "met" if ratio <= GOAL_RATIO else "MISSED"
    n = len(s)
    return [
        Row("search", f"Retriever.retrieve p50 ({n} queries, warm)", statistics.median(s), "ms"),
        Row("search", f"Retriever.retrieve p95 ({n} queries, warm)", pct(s, 95), "ms"),
        Row(
            "search",
            "floor p50: embed_query + collection.query(n_results=8)",
            statistics.median(f),
            "ms",
        ),
        Row("search", "floor p95", pct(f, 95), "ms"),
        Row("search", "search p50 / floor p50", ratio, "x", f"<= {GOAL_RATIO} ({verdict})"),
    ]


def measure_answer(bench: Bench) -> list[Row]:
    """Warm extractive answers (knowledge and cost questions) vs. the retrieval floor."""
    from bot.answer.assistant import get_assistant
    from bot.knowledge.index import make_client

    # The answer path itself: the question and answer caches would answer every repeat from
    # memory (their hit rates are measured in the Zipf mix, bench_capacity.py).
    off = type(bench.settings.cache)(vectors=0, answers=0)
    uncached = bench.settings.model_copy(update={"cache": off})
    assistant = get_assistant(uncached)
    index = assistant.retriever.index
    collection = make_client(bench.settings).get_collection(index.collection)
    questions = QUERIES + [
        "Berapa biaya 5 agen luar negeri 24/7 per bulan?",
        "How much do 3 domestic technical agents in business hours cost a month?",
    ]

    def answer(q: str) -> None:
        assistant.answer(q)

    def floor(q: str) -> None:
        collection.query(query_embeddings=[index.embeddings.embed_query(q)], n_results=8)

    for q in questions[:WARMUP]:
        answer(q)
    timings: dict[Callable[[str], None], list[float]] = {answer: [], floor: []}
    for i, q in enumerate(questions * ROUNDS):
        for fn in (answer, floor) if i % 2 else (floor, answer):
            started = time.perf_counter()
            fn(q)
            timings[fn].append((time.perf_counter() - started) * 1000)
    a, f = timings[answer], timings[floor]
    p50, ratio = statistics.median(a), statistics.median(a) / statistics.median(f)
    return [
        Row(
            "answer",
            f"extractive answer p50 ({len(a)} questions, warm)",
            p50,
            "ms",
            f"<= {GOAL_ANSWER_MS:.0f} ms ({'met' if p50 <= GOAL_ANSWER_MS else 'MISSED'})",
        ),
        Row("answer", "extractive answer p95", pct(a, 95), "ms"),
        Row(
            "answer",
            "answer p50 / floor p50",
            ratio,
            "x",
            f"<= {GOAL_ANSWER_RATIO} ({'met' if ratio <= GOAL_ANSWER_RATIO else 'MISSED'})",
        ),
    ]


def measure_memory(bench: Bench) -> list[Row]:
    # ru_maxrss is in KiB on Linux. Not RUSAGE_CHILDREN for the children: a forked child's
    # maximum starts at this process's RSS, which training the intent model made the larger.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = max(bench.child_peaks_mb, default=0.0)
    return [
        Row("memory", "peak RSS, this process (build + search)", own, "MB"),
        Row("memory", "peak RSS, largest child (cold-start `bot search`)", child, "MB"),
    ]


MEASUREMENTS: list[Callable[[Bench], list[Row]]] = [
    measure_build,
    measure_cold_start,
    measure_latency,
    measure_answer,
    measure_brief,
    measure_memory,
    measure_server,
    measure_cold_ask,
    measure_capacity,
    measure_mix,
    measure_fresh_start,
    measure_growth,
]


def markdown(rows: list[Row], meta: dict[str, Any]) -> str:
    lines = [
        "# Benchmark",
        "",
        ", ".join(f"{k}: {v}" for k, v in meta.items()),
        "",
        "| Section | Metric | Value | Goal |",
        "|---|---|---:|---|",
    ]
    lines += [f"| {r.section} | {r.metric} | {r.cell()} | {r.goal} |" for r in rows]
    return "\n".join(lines) + "\n"


def main() -> int:
    for key, value in {"HF_HUB_OFFLINE": "1", "ANONYMIZED_TELEMETRY": "False"}.items():
        os.environ.setdefault(key, value)
    import chromadb

    from bot.config import Settings

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bot-bench-") as tmp:
        home = Path(tmp) / "home"
        os.environ["BOT_HOME"] = str(home)
        bench = Bench(home=home, settings=Settings(home=home))
        for measure in MEASUREMENTS:
            rows += measure(bench)
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "python": platform.python_version(),
        "chromadb": chromadb.__version__,
        "embeddings": bench.settings.retrieval.embeddings,
        "cpus": os.cpu_count(),
        "load avg": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    text = markdown(rows, meta)
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    data = {"meta": meta, "rows": [asdict(r) for r in rows]}
    (HERE / "results.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
