"""POST /api/brief over a small app with the brief's router: JSON, Markdown with ?format=md,
errors in the user's language naming the field."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.config import REPO_ROOT, Settings
from bot.cost.service import CostService
from bot.prompts import load_prompts
from bot.surfaces.brief_api import make_brief_router

COST = CostService.from_dirs(REPO_ROOT / "corpus", REPO_ROOT / "prompts")
SAAS = (
    "We're a SaaS company with 10 support staff costing about $45k a month, phone and email, "
    "English and Indonesian, business hours."
)


@pytest.fixture(scope="module")
def http() -> TestClient:
    settings = Settings(corpus_dir=REPO_ROOT / "corpus", prompts_dir=REPO_ROOT / "prompts")
    assistant = SimpleNamespace(prompts=load_prompts(settings.prompts_dir), settings=settings)
    app = FastAPI()
    app.include_router(make_brief_router(assistant))
    return TestClient(app)


def test_text_gives_the_brief_as_json_with_the_estimators_figures(http: TestClient) -> None:
    response = http.post("/api/brief", json={"text": SAAS})
    assert response.status_code == 200
    data = response.json()
    assert data["lang"] == "en" and data["currency"] == "USD"
    fields = {"agents": 10, "channels": ["phone", "email"], "languages": ["en", "id"]}
    fields |= {"coverage": "business_hours", "inhouse_monthly_usd": 45000, "location": "offshore"}
    assert data["figures"]["estimate"] == COST.estimate(fields).to_json_dict()
    assert [s["id"] for s in data["sections"]][0] == "bottom_line"


def test_fields_and_markdown(http: TestClient) -> None:
    body = {"lang": "id", "agents": 5, "inhouse_monthly": "180jt", "sensitivity": "financial"}
    response = http.post("/api/brief?format=md", json=body)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/markdown")
    assert response.text.startswith("# Ringkasan keputusan")
    assert "Rp 180.000.000 ($11.250,00)" in response.text


@pytest.mark.parametrize(
    ("body", "needle", "field"),
    [
        ({"lang": "id", "agents": 0}, "jumlah agen", "agents"),
        ({"text": "Tolong buatkan ringkasan"}, "Ceritakan situasi Anda", "text"),
        ({"lang": "en", "agents": 2, "sensitivity": "x"}, "data sensitivity", "sensitivity"),
        ({"lang": "en", "agents": 2, "colour": "red"}, "colour", "colour"),
    ],
)
def test_errors_in_the_users_language(
    http: TestClient, body: dict, needle: str, field: str
) -> None:
    response = http.post("/api/brief", json=body)
    assert response.status_code == 422
    data = response.json()
    assert data["error"] == "invalid_brief_request"
    assert needle in data["message"]
    assert data["issues"][0]["field"] == field


def test_the_body_is_documented(http: TestClient) -> None:
    spec = http.get("/openapi.json").json()
    body = spec["paths"]["/api/brief"]["post"]["requestBody"]["content"]["application/json"]
    properties = body["schema"]["properties"]
    assert {"text", "lang", "agents", "inhouse_monthly", "sensitivity", "growth_pct"} <= set(
        properties
    )
