"""The gold set, the metric functions on hand-made inputs, and the fast evaluation gate."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import typer
from typer.testing import CliRunner

from bot.config import REPO_ROOT
from bot.evaluation import metrics as m
from bot.evaluation.baselines import BM25, fuse, rank
from bot.evaluation.cli import check_thresholds, passes, register
from bot.evaluation.gold import CATEGORIES, GoldCase, fast_subset, load_gold
from bot.evaluation.report import snapshot_diff, write_snapshot
from bot.evaluation.run import CaseRun, case_scores
from bot.knowledge.corpus import load_corpus
from bot.lang import detect_language
from bot.types import Answer, Source

GOLD = load_gold()
CHUNKS = load_corpus(REPO_ROOT / "corpus")
TEXTS = {(c.id, c.lang): f"{c.title}\n{c.text}" for c in CHUNKS}
ENTRY_IDS = sorted({c.id for c in CHUNKS})


# -- the gold set -----------------------------------------------------------------------------------
def check_gold(cases: list[GoldCase], texts: dict[tuple[str, str], str]) -> list[str]:
    """Return every problem of the gold set against the corpus ((id, lang) -> title + text)."""
    problems: list[str] = []
    by_id = {c.id: c for c in cases}
    if len(by_id) != len(cases):
        problems.append("duplicate case ids")
    entries = {entry for entry, _ in texts}
    for c in cases:
        where = f"{c.id}:"
        if c.language not in ("id", "en") or c.category not in CATEGORIES:
            problems.append(f"{where} bad language or category")
        if unknown := set(c.expected_sources) - entries:
            problems.append(f"{where} unknown source ids {sorted(unknown)}")
        pool = [texts[(e, c.language)] for e in c.expected_sources] or [
            t for (_, lang), t in texts.items() if lang == c.language
        ]
        for fact in c.facts:
            if not any(fact.lower() in t.lower() for t in pool):
                problems.append(f"{where} fact {fact!r} is not in the {c.language} corpus passage")
        if c.expected_refusal is True and (c.expected_sources or c.facts):
            problems.append(f"{where} a refusal case expects no sources or facts")
        if (c.category == "cost") != (c.expected_request is not None):
            problems.append(f"{where} cost cases, and only they, carry an expected request")
        if c.pair:
            twin = by_id.get(c.pair)
            if twin is None or twin.pair != c.id or twin.language == c.language:
                problems.append(f"{where} pair {c.pair!r} is missing, one-sided or same-language")
            elif twin.expected_request != c.expected_request:
                problems.append(f"{where} paired cost requests differ")
    return problems


def test_gold_set_is_consistent_with_the_corpus():
    assert check_gold(GOLD, TEXTS) == []


def test_gold_set_covers_every_entry_in_both_languages_and_styles():
    asked = Counter(
        (e, c.language, c.style)
        for c in GOLD
        if c.category == "knowledge"
        for e in c.expected_sources
    )
    missing = [
        (e, lang, style)
        for e in ENTRY_IDS
        for lang in ("id", "en")
        for style in ("formal", "colloquial")
        if not asked[(e, lang, style)]
    ]
    assert len(GOLD) >= 100
    assert missing == []


def test_gold_set_has_every_category():
    counts = Counter(c.category for c in GOLD)
    assert counts["code_mixed"] >= 4 and counts["typo"] >= 4
    assert all(c.history for c in GOLD if c.category == "follow_up") and counts["follow_up"] >= 4
    assert counts["cost"] >= 8 and all(c.pair for c in GOLD if c.category == "cost")
    assert counts["out_of_scope"] >= 10 and counts["injection"] >= 4
    assert all(c.expected_refusal is True for c in GOLD if c.category == "out_of_scope")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_questions_do_not_copy_the_source_headings():
    titles = [c.title for c in CHUNKS]
    for case in GOLD:
        q = _words(case.question)
        for title in titles:
            t = _words(title)
            assert len(q & t) / len(q | t) < 0.7, (case.id, title)


def test_fast_subset_keeps_pairs_and_all_refusals():
    fast = fast_subset(GOLD)
    ids = {c.id for c in fast}
    assert len(fast) < len(GOLD) / 2
    assert all(c.id in ids for c in GOLD if c.expected_refusal is not False)
    assert all(c.pair in ids for c in fast if c.pair)


# -- retrieval metrics ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("ranked", "expected", "hit", "recall2", "rr", "precision2"),
    [
        (["a", "b", "c"], ["a"], 1.0, 1.0, 1.0, 1.0),
        (["b", "a", "c"], ["a"], 0.0, 1.0, 0.5, 0.5),
        (["b", "c", "a"], ["a"], 0.0, 0.0, 1 / 3, 0.0),
        (["a", "c", "b"], ["a", "b"], 1.0, 0.5, 1.0, 1.0),
        ([], ["a"], 0.0, 0.0, 0.0, 0.0),
    ],
)
def test_retrieval_metrics(ranked, expected, hit, recall2, rr, precision2):
    assert m.hit_at_1(ranked, expected) == hit
    assert m.recall_at_k(ranked, expected, 2) == recall2
    assert m.reciprocal_rank(ranked, expected) == pytest.approx(rr)
    assert m.context_precision(ranked, expected, 2) == precision2


# -- answer metrics ------------------------------------------------------------------------------
RATE = "Generally, rates can range from $10 to $50 per hour, with offshore providers often cheaper."
ANSWER = "Rates can range from $10 to $50 per hour. [1]"  # a body: the sources are values


@pytest.mark.parametrize(
    ("facts", "coverage"),
    [(["$10", "$50"], 1.0), (["$10", "$99"], 0.5), (["RATES"], 1.0), (["faq-hourly-rate"], 0.0)],
)
def test_fact_coverage(facts, coverage):
    assert m.fact_coverage(ANSWER, facts) == coverage


@pytest.mark.parametrize(
    ("answer", "n_sources", "valid"),
    [
        (ANSWER, 1, 1.0),
        (ANSWER, 0, 0.0),
        ("No marker at all.", 1, 0.0),
        ("A [1] and B [3].", 2, 0.0),
    ],
)
def test_citation_validity(answer, n_sources, valid):
    assert m.citation_validity(answer, n_sources) == valid


@pytest.mark.parametrize(
    ("answer", "score"),
    [
        ("Rates can range from $10 to $50 per hour. [1]", 1.0),
        ("Rates can range from $10 to $90 per hour. [1]", 0.0),  # invented number
        ("Offshore providers guarantee instant refunds worldwide. [1]", 0.0),  # invented claim
        (
            "Rates range from $10 to $50 per hour. [1]\nUnicorns negotiate contracts monthly. [1]",
            0.5,
        ),
        ("Rates can range from $10 to $50 per hour. [2]", 0.0),  # cites a missing source
    ],
)
def test_faithfulness_checks_words_and_numbers(answer, score):
    assert m.faithfulness(answer, [RATE])[0] == score


def test_faithfulness_accepts_estimator_figures_in_either_locale():
    result = {"monthly_total_usd": 12345.67, "inputs": {"coverage": "24x7"}}
    assert m.faithfulness("**Total bulanan: $12.345,67** (24/7)", [], [result])[0] == 1.0
    assert m.faithfulness("**Monthly total: $12,345.67**", [], [result])[0] == 1.0
    assert m.faithfulness("**Monthly total: $12,999.00**", [], [result])[0] == 0.0


@pytest.mark.parametrize(
    ("line", "ok"),
    [
        ("- phone: 11.52 Erlangs, 16 seats (service level 87.8%)", True),  # shown rounded
        ("- phone: 11.6 Erlangs, 16 seats (service level 87.8%)", False),
        ("- so the all-in cost per agent-hour is $15.26.", False),  # derived, not in the result
    ],
)
def test_faithfulness_accepts_display_rounding_only(line, ok):
    result = {"traffic_erlangs": 11.5207, "seats": 16, "service_level": 0.8777, "total": 10597.36}
    assert (m.faithfulness(line, [], [result])[0] == 1.0) is ok


@pytest.mark.parametrize(
    ("answer", "lang", "ok"),
    [
        ("Tarif umumnya berkisar antara $10 hingga $50 per jam. [1]", "id", True),
        ("Rates generally range from $10 to $50 per hour. [1]", "id", False),
        ("Rates generally range from $10 to $50 per hour. [1]", "en", True),
    ],
)
def test_language_match(answer, lang, ok):
    assert m.language_matches(answer, lang, detect_language) is ok


@pytest.mark.parametrize(
    ("pairs", "precision", "recall"),
    [
        ([(True, True), (False, False)], 1.0, 1.0),
        ([(True, True), (False, True)], 0.5, 1.0),
        ([(True, False), (True, True), (False, False)], 1.0, 0.5),
        ([(False, False)], 1.0, None),
        ([(True, False)], None, 0.0),
    ],
)
def test_refusal_scores(pairs, precision, recall):
    assert m.refusal_scores(pairs) == (precision, recall)


@pytest.mark.parametrize(
    ("actual", "ok"),
    [
        ({"agents": 5, "location": "offshore", "coverage": "24x7", "months": 12}, True),
        ({"agents": 5.0, "location": "offshore", "coverage": "24x7"}, True),
        ({"agents": 4, "location": "offshore", "coverage": "24x7"}, False),
        ({"agents": 5, "location": "offshore"}, False),
        (None, False),
    ],
)
def test_request_matches_compares_only_expected_fields(actual, ok):
    assert (
        m.request_matches(actual, {"agents": 5, "location": "offshore", "coverage": "24x7"}) is ok
    )


def test_same_figures_and_percentile():
    a = {"monthly_total_usd": 100.0, "one_time_total_usd": 5, "total_usd": 1205}
    assert m.same_figures(a, dict(a)) and not m.same_figures(a, {**a, "total_usd": 1})
    assert not m.same_figures(a, None)
    assert m.percentile([5, 1, 3, 2, 4], 50) == 3 and m.percentile(list(range(1, 101)), 95) == 95


def test_bm25_and_fusion_rank_the_matching_entry_first():
    bm25 = BM25([("rate", "hourly rate dollars"), ("security", "encryption audits data")])
    assert rank(bm25.scores("encryption of customer data")) == ["security", "rate"]
    assert fuse({"a": 0.9, "b": 0.8}, {"a": 0.0, "b": 5.0}, alpha=0.3) == ["b", "a"]


# -- case scoring, thresholds, snapshot ------------------------------------------------------------
CASE = GoldCase(
    "rate-en", "en", "knowledge", "formal", "hourly rate?", ("faq-hourly-rate",), ("$10",), False
)


def _answer(
    text: str, refused: bool = False, ids: tuple[str, ...] = ("faq-hourly-rate",)
) -> Answer:
    sources = [Source(i, i, "en", 0.9, RATE) for i in ids]
    return Answer("hourly rate?", "en", text, refused, "knowledge", sources, [], {}, "Sources:")


def test_case_scores_penalise_a_wrong_refusal():
    good = case_scores(CaseRun(CASE, ["faq-hourly-rate"], _answer(ANSWER)), 4)
    bad = case_scores(CaseRun(CASE, ["factors"], _answer("Sorry, out of scope.", True, ())), 4)
    assert good["fact_coverage"] == 1.0 and good["faithfulness"] == 1.0
    assert good["answer_source_hit"] == 1.0 and good["hit_at_1"] == 1.0
    assert bad["fact_coverage"] == 0.0 and bad["answer_source_hit"] == 0.0
    assert bad["hit_at_1"] == 0.0 and "faithfulness" not in bad


def test_check_thresholds_reads_goals_and_gate(tmp_path):
    path = tmp_path / "t.yaml"
    path.write_text(
        "goals:\n  hit_at_1@id: 0.9\ngate:\n  hit_at_1@id: 0.7\n  latency_p95_ms: {max: 500}\n"
    )
    checks = check_thresholds({"id": {"hit_at_1": 0.8}, "all": {"latency_p95_ms": 600}}, path)
    assert [(c.key, passes(c.value, c.goal), passes(c.value, c.gate)) for c in checks] == [
        ("hit_at_1@id", False, True),
        ("latency_p95_ms", None, False),
    ]


def test_snapshot_diff_shows_changed_answers(tmp_path):
    path = tmp_path / "snap.jsonl"
    write_snapshot([CaseRun(CASE, answer=_answer(ANSWER))], path)
    assert snapshot_diff([CaseRun(CASE, answer=_answer(ANSWER))], path) == []
    changed = _answer(ANSWER.replace("$50", "$60"))
    (block,) = snapshot_diff([CaseRun(CASE, answer=changed)], path)
    assert "-Rates can range from $10 to $50 per hour. [1]" in block
    assert "+Rates can range from $10 to $60 per hour. [1]" in block


# -- the gate: fast subset through the real chain ----------------------------------------------------
@pytest.mark.slow
def test_fast_evaluation_passes_the_gate(tmp_path, monkeypatch, session_home):
    monkeypatch.setenv("BOT_HOME", str(session_home))
    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    result = CliRunner().invoke(app, ["eval", "--fast", "--report", str(tmp_path / "report")])
    assert result.exit_code == 0, result.output
    assert "gate (e5+extractive): pass" in result.output
    assert (tmp_path / "report" / "report.html").read_text().count("data:image/png;base64,") == 2
