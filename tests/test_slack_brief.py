"""The `/brief` slash command in-process (bolt over FastAPI's test client) against the mock Slack
Web API on loopback (tests/servers.py): a compact brief in blocks posted in the channel, the PDF
uploaded into its thread through files_upload_v2, errors only to the user who asked."""

from __future__ import annotations

import json
import time
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr
from servers import BOT_TOKEN, SIGNING_SECRET, MockSlack
from slack_sdk.signature import SignatureVerifier

from bot.answer.briefing import BriefService
from bot.config import REPO_ROOT, Settings
from bot.cost.render import fmt_money
from bot.prompts import load_prompts
from bot.surfaces.slack_link import slack_from_settings

SETTINGS = Settings(corpus_dir=REPO_ROOT / "corpus", prompts_dir=REPO_ROOT / "prompts")
BRIEFS = BriefService.from_dirs(SETTINGS.corpus_dir, SETTINGS.prompts_dir)
COMMAND = "/ringkasan"  # a configured name, not the default /brief
SHOP = (
    "Kami toko online di Surabaya, 6 orang CS in-house, biaya sekitar Rp 180 juta per bulan, "
    "sekitar 15 ribu chat dan 2 ribu email per bulan, mau 24/7, data pelanggan sensitif "
    "(pembayaran)."
)


@pytest.fixture(scope="module")
def slack():
    mock = MockSlack()
    server = SimpleNamespace(
        slack_bot_token=SecretStr(BOT_TOKEN),
        slack_signing_secret=SecretStr(SIGNING_SECRET),
        slack_app_token=None,
        slack_api_url=mock.api_url,
        slack_cost_command="/biaya",
        slack_brief_command=COMMAND,
        slack_retry_max_s=1.0,
    )
    assistant = SimpleNamespace(settings=SETTINGS, prompts=load_prompts(SETTINGS.prompts_dir))
    app = FastAPI()
    link = slack_from_settings(app, assistant, server)
    assert link is not None
    link.start()  # as `bot serve` does: events are taken once the token is checked
    deadline = time.monotonic() + 30
    while link.state != "ok" and time.monotonic() < deadline:
        time.sleep(0.05)
    with TestClient(app) as client:
        yield client, mock
    link.stop()
    mock.stop()


def command(
    client: TestClient, mock: MockSlack, text: str, name: str = COMMAND, status: int = 200
) -> str:
    """Send the slash command signed as Slack does; return its response_url path."""
    path = f"/response/{time.monotonic_ns()}"
    form = urlencode({
        "token": "legacy", "team_id": "T0001", "channel_id": "C0BRIEF", "user_id": "U0USER",
        "command": name, "text": text, "response_url": f"{mock.url}{path}",
        "trigger_id": "13345224609.738474920.8088930838d88f008e0",
    })  # fmt: skip
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp=stamp, body=form)
    headers = {"content-type": "application/x-www-form-urlencoded",
               "x-slack-request-timestamp": stamp, "x-slack-signature": signature}  # fmt: skip
    response = client.post("/slack/events", content=form, headers=headers)
    assert response.status_code == status  # 200: acknowledged at once; the brief follows
    return path


def wait(mock: MockSlack, path: str, count: int = 1, timeout: float = 60.0) -> list:
    deadline = time.monotonic() + timeout
    while len(mock.to_path(path)) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return mock.to_path(path)


def test_brief_posts_blocks_and_uploads_the_pdf_into_its_thread(slack) -> None:
    client, mock = slack
    command(client, mock, SHOP)
    completed = wait(mock, "/api/files.completeUploadExternal")
    assert len(completed) == 1
    post = mock.posts(channel="C0BRIEF")[-1].body
    blocks = json.loads(post["blocks"]) if isinstance(post["blocks"], str) else post["blocks"]
    assert blocks[0] == {
        "type": "header",
        "text": {
            "type": "plain_text",
            "text": "Ringkasan keputusan: outsourcing layanan pelanggan",
        },
    }
    brief = BRIEFS.build(SHOP)
    text = json.dumps(blocks, ensure_ascii=False)
    # The estimator's figures, in Rupiah with USD beside, for every option.
    for _, result in brief.options:
        assert fmt_money(result.monthly_total_usd, "id") in text
    assert "*Masalah Keamanan Data*" in text  # payment data: data security first
    assert "[1] Berapa tarif rata-rata per jam" in text
    # The PDF went up through files_upload_v2, into the message's thread.
    (upload,) = [c for c in mock.calls if c.path.startswith("/upload/")]
    assert upload.body["content"].startswith(b"%PDF")
    requested = mock.to_path("/api/files.getUploadURLExternal")[0].body
    assert requested["filename"] == "brief-id.pdf"
    assert int(requested["length"]) == len(upload.body["content"])
    done = completed[0].body
    assert done["channel_id"] == "C0BRIEF"
    assert done["thread_ts"]  # the blocks message's ts, as the mock returned it


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "Ceritakan situasi Anda, mis. `/brief"),
        ("tolong buatkan ringkasan", "Ceritakan situasi Anda atau"),
        ("We have 0 agents", "Describe your situation"),
    ],
)
def test_usage_and_errors_go_only_to_the_user(slack, text: str, needle: str) -> None:
    client, mock = slack
    before = len(mock.posts())
    path = command(client, mock, text)
    (reply,) = wait(mock, path)
    assert needle in reply.body["text"] and reply.body["response_type"] == "ephemeral"
    assert len(mock.posts()) == before  # nothing posted in the channel


def test_the_default_name_is_free_when_configured_otherwise(slack) -> None:
    client, mock = slack
    before = len(mock.calls)
    command(client, mock, SHOP, name="/brief", status=404)  # bolt: no listener by that name
    assert len(mock.calls) == before
