"""Decision-brief latency in the same run as one answer's: the brief as JSON (situation read,
every option and variant estimated, rendered) and as PDF (the same plus both charts and the
document), p50 each, over situations in both languages, interleaved with answers so machine load
hits all alike. Goals: JSON brief p50 < 5x an answer's p50; PDF p50 < 1 s.

Run by bench.py (measure_brief), or alone against a built index: `python bench/bench_brief.py`.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

GOAL_JSON_RATIO = 5.0
GOAL_PDF_MS = 1000.0
ROUNDS = 3
SITUATIONS = [
    "Kami toko online di Surabaya, 6 orang CS in-house, biaya sekitar Rp 180 juta per bulan, "
    "sekitar 15 ribu chat dan 2 ribu email per bulan, mau 24/7, data pelanggan sensitif "
    "(pembayaran).",
    "We're a SaaS company with 10 support staff costing about $45k a month, phone and email, "
    "English and Indonesian, business hours.",
    "Klinik kami menerima 3000 panggilan telepon per bulan, menyangkut data pasien, jam kerja.",
    "Our fintech startup has 4 in-house agents costing Rp 1.2 billion a year, 8,000 chats a "
    "month, expected to grow 30%, English and Indonesian.",
    "Marketplace kami menerima 40 ribu chat per bulan, dukungan teknis, diperkirakan tumbuh "
    "50%, belum punya tim in-house, jam kerja diperpanjang.",
    "Our travel company has 12 in-house CS agents costing Rp250,000,000 a month, phone and "
    "chat, 24/7, Indonesian and English, customers' personal data.",
]
QUESTIONS = [
    "Should we outsource our customer support?",
    "Apakah outsourcing CS worth it untuk toko online kami?",
    "Berapa tarif per jam untuk layanan pelanggan yang dioutsource?",
    "What are the challenges of outsourcing customer service?",
    "Berapa biaya 5 agen luar negeri 24/7 per bulan?",
    "Are there hidden costs in outsourcing customer support?",
]


def run(settings: Any) -> dict[str, Any]:
    """p50s (ms) of an answer, a JSON brief and a PDF brief, measured together."""
    from bot.answer.assistant import get_assistant
    from bot.answer.briefing import BriefService
    from bot.surfaces.brief_doc import document

    # The six questions repeat: with the caches on, "an answer" would be a cache hit (0.07 ms,
    # which made the JSON brief 66x an answer); an answer is measured whole, as asked afresh.
    uncached = settings.cache.model_copy(update={"answers": 0, "vectors": 0})
    assistant = get_assistant(settings.model_copy(update={"cache": uncached}))
    briefs = BriefService.from_dirs(settings.corpus_dir, settings.prompts_dir)

    def answer(i: int) -> None:
        assistant.answer(QUESTIONS[i % len(QUESTIONS)])

    def brief_json(i: int) -> None:
        text = SITUATIONS[i % len(SITUATIONS)]
        briefs.json(briefs.build(text), briefs.language(text, None))

    def brief_pdf(i: int) -> None:
        text = SITUATIONS[i % len(SITUATIONS)]
        document(briefs, briefs.build(text), briefs.language(text, None), "pdf")

    steps = (answer, brief_json, brief_pdf)
    for i in range(2 * len(QUESTIONS)):  # warm: imports, fonts, caches, the chain's first calls
        for fn in steps:
            fn(i)
    times: dict[Any, list[float]] = {fn: [] for fn in steps}
    n = max(len(SITUATIONS), len(QUESTIONS)) * ROUNDS
    for i in range(n):
        order = steps[i % 3 :] + steps[: i % 3]  # rotate which goes first
        for fn in order:
            started = time.perf_counter()
            fn(i)
            times[fn].append((time.perf_counter() - started) * 1000)
    p50 = {fn.__name__: statistics.median(t) for fn, t in times.items()}
    return {"n": n, **p50}


def measure_brief(bench: Any) -> list[Any]:
    """bench.py's section: p50s and the ratios against their goals."""
    from bench import Row

    r = run(bench.settings)
    ratio = r["brief_json"] / r["answer"]
    pdf_ratio = r["brief_pdf"] / r["answer"]
    json_goal = f"< {GOAL_JSON_RATIO:.0f}x ({'met' if ratio < GOAL_JSON_RATIO else 'MISSED'})"
    pdf_goal = f"< {GOAL_PDF_MS:.0f} ms ({'met' if r['brief_pdf'] < GOAL_PDF_MS else 'MISSED'})"
    return [
        Row("brief", f"answer p50 ({r['n']} questions, same run)", r["answer"], "ms"),
        Row("brief", f"JSON brief p50 ({r['n']} situations)", r["brief_json"], "ms"),
        Row("brief", "JSON brief p50 / answer p50", ratio, "x", json_goal),
        Row("brief", f"PDF brief p50 ({r['n']} situations)", r["brief_pdf"], "ms", pdf_goal),
        Row("brief", "PDF brief p50 / answer p50", pdf_ratio, "x"),
    ]


if __name__ == "__main__":
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from bot.config import Settings

    result = run(Settings())
    ratio = result["brief_json"] / result["answer"]
    print(
        f"answer p50 {result['answer']:.1f} ms; JSON brief p50 {result['brief_json']:.1f} ms "
        f"({ratio:.2f}x, goal < {GOAL_JSON_RATIO:.0f}x); PDF brief p50 "
        f"{result['brief_pdf']:.1f} ms ({result['brief_pdf'] / result['answer']:.2f}x; goal "
        f"< {GOAL_PDF_MS:.0f} ms); n={result['n']}"
    )
