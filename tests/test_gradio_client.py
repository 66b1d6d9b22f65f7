"""The web UI's public functions through Gradio's own client, against the real server on
loopback: only `ask` and `estimate_cost` are offered; the page's handlers are not."""

from __future__ import annotations

import httpx
import pytest
from gradio_client import Client

from bot.surfaces.ui.client_api import PUBLIC_API

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gradio(live_server):
    client = Client(live_server.url, verbose=False, download_files=False)
    yield client
    client.close()


def test_only_the_deliberate_functions_are_public(gradio):
    endpoints = gradio.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert sorted(endpoints) == sorted(f"/{name}" for name in PUBLIC_API)
    assert not gradio.view_api(print_info=False, return_format="dict")["unnamed_endpoints"]


def test_an_indonesian_question_is_answered_in_indonesian_with_sources(gradio):
    answer = gradio.predict(
        "Berapa tarif per jam untuk dukungan pelanggan outsourcing?", api_name="/ask"
    )
    assert answer["language"] == "id" and not answer["refused"]
    assert answer["sources"][0]["id"] == "faq-hourly-rate"
    assert "$10" in answer["body"] and "Sumber:" in answer["answer"]


def test_an_english_question_is_answered_in_english(gradio):
    answer = gradio.predict(
        "What are the challenges of outsourcing customer support?", lang="en", api_name="/ask"
    )
    assert answer["language"] == "en" and answer["route"] == "knowledge"
    assert answer["sources"][0]["id"] == "challenges" and "Sources:" in answer["answer"]


def test_a_cost_estimate_matches_the_json_api(gradio, live_server):
    request = {"agents": 5, "location": "offshore", "coverage": "24x7"}
    result = gradio.predict(request, "en", api_name="/estimate_cost")
    direct = httpx.post(f"{live_server.url}/api/cost", json=request, timeout=60).json()
    assert result["monthly_total_usd"] == direct["monthly_total_usd"] > 0


def test_a_bad_request_is_an_error_in_the_callers_language(gradio):
    with pytest.raises(Exception, match="agents") as raised:
        gradio.predict({"agents": 0}, "en", api_name="/estimate_cost")
    assert "Traceback" not in str(raised.value)
