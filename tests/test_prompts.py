from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.prompts import PromptError, load_prompts

PROMPTS = REPO_ROOT / "prompts"


@pytest.fixture
def prompts_copy(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(PROMPTS, target)
    return target


def test_every_template_exists_in_both_languages():
    prompts = load_prompts(PROMPTS)
    assert set(prompts.messages["id"]) == set(prompts.messages["en"])
    assert "{passages}" in prompts.system["id"] and "{passages}" in prompts.system["en"]


def test_templates_fill_in_both_languages():
    prompts = load_prompts(PROMPTS)
    assert "2500" in prompts.text("id", "too_long", length=2500, limit=2000)
    assert "Maaf" in prompts.text("id", "refusal") and "Sorry" in prompts.text("en", "refusal")
    assert "- " in prompts.text("en", "greeting")  # examples are filled in


def test_missing_template_is_named(prompts_copy):
    path = prompts_copy / "en" / "messages.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("refusal:", "refusal_x:"), "utf-8")
    with pytest.raises(PromptError, match="template 'refusal' is missing"):
        load_prompts(prompts_copy)


def test_placeholder_drift_is_named(prompts_copy):
    path = prompts_copy / "id" / "messages.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{limit}", "{batas}"), "utf-8")
    with pytest.raises(PromptError, match="'too_long': placeholders differ"):
        load_prompts(prompts_copy)
