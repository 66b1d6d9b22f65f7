"""The intent model: its training data is validated, its features match scikit-learn's, it is
trained once per corpus and embedder, and it separates entries passage similarity confuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge import intent
from bot.knowledge.charngrams import CharFeatures, char_wb_ngrams, fit_vectorizer
from bot.knowledge.corpus import CorpusError, load_corpus

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SAMPLES = [
    "Berapa tarif per jam CS outsourcing?",
    "brp tarif perjam utk cs outsorcing??",
    "What  are the\tchallenges of outsourcing?",
    "a b cd",
    "ROI",
    "",
]


@pytest.fixture(scope="module")
def vectorizer():
    texts, _ = intent.training_set(
        load_corpus(CORPUS), intent.load_questions(CORPUS, load_corpus(CORPUS))
    )
    return fit_vectorizer(texts)


def _ours(vectorizer) -> CharFeatures:
    vocabulary = {str(g): int(i) for g, i in vectorizer.vocabulary_.items()}
    return CharFeatures(vocabulary, vectorizer.idf_)


@pytest.mark.parametrize("text", SAMPLES)
def test_char_features_equal_scikit_learns(vectorizer, text):
    expected = vectorizer.transform([text]).toarray()[0]
    columns, values = _ours(vectorizer).transform(text)
    got = np.zeros_like(expected)
    got[columns] = values
    np.testing.assert_allclose(got, expected, atol=1e-6)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeiou bcdgkt?\t\nAÉ1")), max_size=40))
def test_char_ngrams_equal_scikit_learns_analyzer(text):
    from sklearn.feature_extraction.text import TfidfVectorizer

    analyzer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5)).build_analyzer()
    assert char_wb_ngrams(text) == analyzer(text)


def _copy_corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def _edit_questions(corpus: Path, change) -> None:
    path = corpus / intent.QUESTIONS_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data["entries"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "entry", "problem"),
    [
        (lambda e: e.pop(), "faq-closing", "no example questions"),
        (lambda e: e[2].update(en_questions=e[2]["en_questions"][:3]), "factors", "at least 8 en"),
        (lambda e: e[0].update(id="pricing"), "pricing", "not an entry of the corpus"),
        (lambda e: e.append(dict(e[1])), "introduction", "listed twice"),
        (lambda e: e[3].update(id_questions="apa?"), "breakdown", "must be a list"),
    ],
)
def test_bad_questions_file_names_the_entry_and_the_problem(tmp_path, change, entry, problem):
    corpus = _copy_corpus(tmp_path)
    _edit_questions(corpus, change)
    with pytest.raises(CorpusError) as err:
        intent.load_questions(corpus, load_corpus(corpus))
    assert "questions.yaml" in str(err.value) and entry in str(err.value)
    assert problem in str(err.value)


@pytest.mark.parametrize("command", [["ask", "Berapa tarif per jam?"], ["search", "ROI"]])
def test_the_cli_names_a_broken_questions_file_in_one_line(tmp_path, monkeypatch, command):
    from typer.testing import CliRunner

    from bot.surfaces.cli import app

    corpus = _copy_corpus(tmp_path)
    _edit_questions(corpus, lambda e: e[4].update(id_questions=e[4]["id_questions"][:2]))
    monkeypatch.setenv("BOT_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("BOT_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(
        "BOT_RETRIEVAL__EMBEDDINGS", "hash"
    )  # conftest's fake: the error comes before any model
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"Corpus error: {corpus / 'questions.yaml'}, entry 'benefits': "
        "needs at least 8 id questions, has 2"
    ]


class CountingEmbeddings:
    """A cheap deterministic embedder that counts the texts it embeds."""

    def __init__(self) -> None:
        self.embedded = 0

    def embed_query(self, text: str) -> list[float]:
        self.embedded += 1
        rng = np.random.default_rng(sum(map(ord, text)))
        vector = rng.standard_normal(16)
        return (vector / np.linalg.norm(vector)).tolist()


def test_the_model_is_trained_once_per_corpus_and_embedder(tmp_path):
    corpus = _copy_corpus(tmp_path)
    chunks = load_corpus(corpus)
    embeddings = CountingEmbeddings()
    first = intent.load_or_train(corpus, chunks, embeddings, "fake", tmp_path / "home")
    trained = embeddings.embedded
    assert trained > 14 * 2 * 8  # every question and every chunk's title and text
    again = intent.load_or_train(corpus, chunks, embeddings, "fake", tmp_path / "home")
    assert embeddings.embedded == trained  # loaded from the cache, nothing embedded
    assert again.classes == first.classes == tuple(sorted({c.id for c in chunks}))
    vector = embeddings.embed_query("biaya per jam")
    assert again.probabilities(vector, "biaya per jam") == first.probabilities(
        vector, "biaya per jam"
    )
    intent.load_or_train(corpus, chunks, embeddings, "other-embedder", tmp_path / "home")
    assert embeddings.embedded > trained + 1  # another embedder: another model
    _edit_questions(corpus, lambda e: e[0]["en_questions"].append("what is this piece about?"))
    before = embeddings.embedded
    intent.load_or_train(corpus, chunks, embeddings, "fake", tmp_path / "home")
    assert embeddings.embedded > before + 1  # edited questions: trained again
    assert len(list((tmp_path / "home").glob("intent-*.npz"))) == 3


def test_probabilities_cover_every_entry_and_sum_to_one(retriever):
    model = retriever.intent
    question = "Berapa tarif per jam agen CS outsourcing?"
    vector = retriever.index.embeddings.embed_query(question)
    probabilities = model.probabilities(vector, question)
    assert set(probabilities) == {c.id for c in retriever.index.chunks}
    assert abs(sum(probabilities.values()) - 1) < 1e-5
    assert max(probabilities, key=probabilities.get) == "faq-hourly-rate"


@pytest.mark.parametrize(
    ("question", "lang", "want"),
    [
        # General entries mention every topic and win on similarity alone for questions like these.
        ("Which costs make up the monthly invoice from a support vendor?", "en", "breakdown"),
        ("Hal apa yang membuat harga jasa CS pihak ketiga jadi lebih mahal?", "id", "factors"),
        ("tantangn apa aja kalo CS di-outsource?", "id", "challenges"),
    ],
)
def test_specific_questions_reach_their_specific_entry(retriever, question, lang, want):
    hits = retriever.retrieve(question, 3)
    assert hits[0].id == want and hits[0].lang == lang
