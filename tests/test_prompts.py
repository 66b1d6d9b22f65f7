from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.lang import LANGS
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


def test_surface_phrases_fill_in_both_languages():
    prompts = load_prompts(PROMPTS)
    assert prompts.phrase("en", "api.too_large", limit=10) == (
        "The request body is too large (at most 10 bytes)."
    )
    assert prompts.phrase("id", "api.problems.missing") == "wajib diisi"
    assert prompts.both("api.rate_limited", retry_after=3) == (
        "Terlalu banyak permintaan; coba lagi dalam 3 detik. / Too many requests; retry in 3 s."
    )
    assert prompts.section("en", "ui_chat")["sources"] == "Cited sources"


def _write(root: Path, lang: str, text: str) -> None:
    (root / lang / "surfaces.yaml").write_text(text, encoding="utf-8")


SURFACE_DRIFT = [
    # (id surfaces.yaml, en surfaces.yaml, the error names)
    (
        "api:\n  too_large: 'terlalu besar'\n  store_unavailable: 'tidak terjangkau'\n",
        "api:\n  too_large: 'too large'\n",
        r"en/surfaces\.yaml: phrase 'api\.store_unavailable' is missing",
    ),
    (
        "ui_loading:\n  starting:\n    title: 'dimuat'\n",
        "ui_loading:\n  starting:\n    title: 'starting'\n    body: 'reloads'\n",
        r"id/surfaces\.yaml: phrase 'ui_loading\.starting\.body' is missing",
    ),
    (
        "api:\n  too_large: 'maksimum {limit} byte'\n",
        "api:\n  too_large: 'at most {limit_bytes} bytes'\n",
        r"phrase 'api\.too_large': placeholders differ \(\['limit'\] in .*id/surfaces\.yaml "
        r"vs \['limit_bytes'\] in .*en/surfaces\.yaml\)",
    ),
    (
        "ui:\n  example_questions: ['satu', 'dua']\n",
        "ui:\n  example_questions: ['one']\n",
        r"phrase 'ui\.example_questions': 2 items in .*id/surfaces\.yaml, 1 in",
    ),
    (
        "ui:\n  chat: 'teks'\n",
        "ui:\n  chat:\n    score: 'score'\n",
        r"phrase 'ui\.chat': must be text, a list or a map in both",
    ),
    (
        "api:\n  too_large: 'maksimum {limit byte'\n",
        "api:\n  too_large: 'at most {limit} bytes'\n",
        r"surfaces\.yaml: phrase 'api\.too_large': malformed template",
    ),
]


@pytest.mark.parametrize(("id_text", "en_text", "needle"), SURFACE_DRIFT)
def test_surface_phrase_drift_is_named_with_file_and_key(prompts_copy, id_text, en_text, needle):
    _write(prompts_copy, "id", id_text)
    _write(prompts_copy, "en", en_text)
    with pytest.raises(PromptError, match=needle):
        load_prompts(prompts_copy)


def test_a_surface_phrase_missing_from_the_real_files_is_named(prompts_copy):
    path = prompts_copy / "id" / "surfaces.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  cost_usage:", "  usage:"), encoding="utf-8")
    with pytest.raises(PromptError, match=r"id/surfaces\.yaml: phrase 'slack\.cost_usage'"):
        load_prompts(prompts_copy)


def test_cost_phrase_drift_stops_the_start(prompts_copy):
    path = prompts_copy / "en" / "cost.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("{month}", "{n}"), encoding="utf-8")
    with pytest.raises(PromptError, match=r"phrase 'break_even': placeholders differ"):
        load_prompts(prompts_copy)


def test_a_missing_surfaces_file_is_named(prompts_copy):
    (prompts_copy / "en" / "surfaces.yaml").unlink()
    with pytest.raises(PromptError, match=r"en/surfaces\.yaml: cannot read prompts"):
        load_prompts(prompts_copy)


def test_an_unknown_surface_phrase_is_named():
    prompts = load_prompts(PROMPTS)
    with pytest.raises(PromptError, match=r"no phrase 'api\.nope'"):
        prompts.phrase("id", "api.nope")


def _holds_text(node: ast.expr) -> bool:
    """A string, an f-string, or a map / list / tuple with one among its values."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Dict):
        return any(_holds_text(value) for value in node.values)
    if isinstance(node, ast.Tuple | ast.List):
        return any(_holds_text(item) for item in node.elts)
    return False


def bilingual_literals(source: str) -> list[int]:
    """Lines of dict literals (or dict(...) calls) that give text under both 'id' and 'en'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            pairs = zip(node.keys, node.values, strict=True)
            by_key = {k.value: v for k, v in pairs if isinstance(k, ast.Constant)}
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "dict"
        ):
            by_key = {kw.arg: kw.value for kw in node.keywords}
        else:
            continue
        if all(lang in by_key and _holds_text(by_key[lang]) for lang in LANGS):
            found.append(node.lineno)
    return found


BILINGUAL_SNIPPETS = [
    'USAGE = {"id": "Contoh: ...", "en": "Example: ..."}',
    'LABELS = {"id": {"send": "Kirim"}, "en": {"send": "Send"}}',
    'PHRASES = {"too_large": {"id": f"maks {n}", "en": "at most"}}',
    'TEXT = dict(id=("Dimuat", "..."), en=("Starting", "..."))',
]


@pytest.mark.parametrize("source", BILINGUAL_SNIPPETS)
def test_the_scan_finds_a_bilingual_literal(source):
    assert bilingual_literals(source) == [1]


def test_the_scan_leaves_other_id_keys_alone():
    assert bilingual_literals('row = {"id": chunk.id, "en": None, "title": "x"}') == []


def test_no_surface_module_holds_its_own_bilingual_phrases():
    surfaces = REPO_ROOT / "bot" / "surfaces"
    found = {
        str(path.relative_to(REPO_ROOT)): lines
        for path in sorted(surfaces.rglob("*.py"))
        if (lines := bilingual_literals(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "move these phrases to prompts/{id,en}/surfaces.yaml"
