from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.config import REPO_ROOT
from bot.knowledge.corpus import CorpusError, figures, load_corpus

CORPUS = REPO_ROOT / "corpus"
SOURCE = REPO_ROOT.parent / "shared" / "source" / "000_277ab6b985f8eee1.txt"
EXPECTED_IDS = [
    "overview", "introduction", "factors", "breakdown", "benefits", "challenges",
    "best-practices", "conclusion", "faq-hourly-rate", "faq-data-security", "faq-offshore",
    "faq-hidden-costs", "faq-roi", "faq-closing",
]  # fmt: skip


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_both_languages_have_every_entry_in_the_same_order():
    chunks = load_corpus(CORPUS)
    for lang in ("id", "en"):
        assert [c.id for c in chunks if c.lang == lang] == EXPECTED_IDS


def test_source_copy_is_verbatim():
    if not SOURCE.exists():
        pytest.skip("shared/ not beside this checkout")
    assert (CORPUS / "source.txt").read_bytes() == SOURCE.read_bytes()


def test_every_structured_sentence_comes_from_the_source():
    source = (CORPUS / "source.txt").read_text(encoding="utf-8")
    flat_source = " ".join(source.split())
    for chunk in load_corpus(CORPUS):
        if chunk.lang != "id":
            continue
        for line in chunk.text.splitlines():
            line = " ".join(line.removeprefix("- ").split())
            assert line in flat_source, (chunk.id, line)


def test_faq_lead_in_repeats_are_dropped():
    for chunk in load_corpus(CORPUS):
        lines = chunk.text.splitlines()
        assert len(lines) == len(set(lines)), chunk.id


def test_hourly_rate_figures_in_both_languages():
    chunks = {(c.id, c.lang): c for c in load_corpus(CORPUS)}
    for lang in ("id", "en"):
        assert {"$10", "$50"} <= figures(chunks[("faq-hourly-rate", lang)].text)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["entries"][2].pop("title"), "'factors': field 'title' is missing"),
        (lambda d: d["entries"][2].update(kind="blog"), "'factors': kind must be one of"),
        (lambda d: d["entries"][3].update(id="factors"), "'factors': duplicate id"),
        (lambda d: d["entries"][2].update(text="  "), "'factors': field 'text' is missing"),
        (lambda d: d["entries"][2].update(extra="x"), "'factors': unknown field"),
        (lambda d: d["entries"][2].update(id="Bad Id"), "id must be lower-case"),
        (lambda d: d.update(lang="fr"), "'lang' must be one of"),
        (lambda d: d["entries"][2].update(steps="yes"), "'factors': 'steps' must be true or"),
        (lambda d: d["entries"][5].update(handled_by={1: []}), "map each bullet 1..4"),
        (
            lambda d: d["entries"][5]["handled_by"].update({2: ["nope"]}),
            "'challenges': 'handled_by' names unknown id 'nope'",
        ),
    ],
)
def test_malformed_entry_names_file_entry_and_problem(corpus_copy, change, message):
    edit(corpus_copy / "en.yaml", change)
    with pytest.raises(CorpusError) as err:
        load_corpus(corpus_copy)
    assert "en.yaml" in str(err.value)
    assert message in str(err.value)


def test_unparseable_yaml_names_the_file(corpus_copy):
    (corpus_copy / "id.yaml").write_text("entries: [unclosed", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"id\.yaml.*cannot be read as YAML"):
        load_corpus(corpus_copy)


def test_id_missing_on_one_side_fails(corpus_copy):
    edit(corpus_copy / "en.yaml", lambda d: d["entries"].pop(4))
    with pytest.raises(CorpusError, match=r"en\.yaml, entry 'benefits': id missing"):
        load_corpus(corpus_copy)


@pytest.mark.parametrize(
    ("entry", "old", "new"),
    [("faq-hourly-rate", "$50", "$60"), ("factors", "24/7", "round-the-clock")],
)
def test_figure_drift_between_languages_fails(corpus_copy, entry, old, new):
    def change(data):
        for item in data["entries"]:
            if item["id"] == entry:
                item["text"] = item["text"].replace(old, new)

    edit(corpus_copy / "en.yaml", change)
    with pytest.raises(CorpusError, match=rf"entry '{entry}': figures differ"):
        load_corpus(corpus_copy)


def test_challenges_name_the_entries_whose_steps_handle_them():
    chunks = {(c.id, c.lang): c for c in load_corpus(CORPUS)}
    for lang in ("id", "en"):
        challenges = chunks[("challenges", lang)]
        assert len(challenges.handled_by) == challenges.text.count("\n- ")
        assert "faq-data-security" in challenges.handled_by[2]  # data security
        assert challenges.handled_by[0] == ()  # communication barriers: the article gives none
        assert chunks[("best-practices", lang)].steps and not chunks[("factors", lang)].steps


def test_handled_by_differing_between_languages_fails(corpus_copy):
    edit(
        corpus_copy / "en.yaml",
        lambda d: d["entries"][5]["handled_by"].update({1: ["best-practices"]}),
    )
    with pytest.raises(CorpusError, match=r"entry 'challenges': 'handled_by' differs"):
        load_corpus(corpus_copy)
