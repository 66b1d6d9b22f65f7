"""The ask-case harness: files load, the splits stay apart, and each metric can fail."""

from __future__ import annotations

import json

import pytest

from bot.config import REPO_ROOT
from bot.evaluation import asks
from bot.knowledge.corpus import load_corpus
from bot.types import Answer, Source, ToolCall

ENTRIES = {c.id for c in load_corpus(REPO_ROOT / "corpus")}
SENTINELS = {"id": "Artikel tidak menyebutkan", "en": "The article does not say"}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_the_split_loads_and_names_real_entries(split):
    folder = asks.SPLITS[split]
    cases = asks.load_cases(folder / "cases.jsonl")
    turns = [t for c in asks.load_conversations(folder / "conversations.jsonl") for t in c.turns]
    assert len(cases) >= 100 and len(turns) >= 50
    for case in [*cases, *turns]:
        assert set(case.expected_entries) <= ENTRIES, case.id
        assert case.language in ("id", "en")
    assert {c.ask_type for c in cases} == set(asks.ASK_TYPES)


def test_dev_and_test_share_no_question():
    def questions(split):
        folder = asks.SPLITS[split]
        single = {c.question.lower() for c in asks.load_cases(folder / "cases.jsonl")}
        convs = asks.load_conversations(folder / "conversations.jsonl")
        return single | {t.question.lower() for c in convs for t in c.turns}

    assert not questions("dev") & questions("test")


def test_a_case_file_with_an_unknown_ask_type_is_refused(tmp_path):
    path = tmp_path / "cases.jsonl"
    case = {"id": "x", "language": "en", "question": "?", "ask_type": "riddle"}
    path.write_text(json.dumps(case) + "\n")
    with pytest.raises(asks.AskError, match="riddle"):
        asks.load_cases(path)


def _case(**values) -> asks.AskCase:
    base = dict(
        id="c",
        language="en",
        question="q?",
        ask_type="duration",
        expected_entries=("factors",),
        covered=False,
        expected_refusal=False,
    )
    return asks.AskCase(**{**base, **values})


def _answer(body: str, ids=("factors",), refused=False, calls=()) -> Answer:
    sources = [Source(i, i, "en", 0.9, "") for i in ids]
    return Answer("q?", "en", body, refused, "knowledge", sources, list(calls), {}, "Sources:")


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("The article does not say how long onboarding takes. It names setup costs. [1]", 1.0),
        ("Setup costs are one of the hidden costs. [1] The article does not say how long.", 0.0),
    ],
)
def test_an_uncovered_ask_must_say_so_in_the_first_sentence(body, said):
    assert asks.score(_case(), _answer(body), SENTINELS)["uncovered_said"] == said


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("The article does not say how long onboarding takes. [1]", 1.0),
        ("Artikel tidak menyebutkan berapa lama onboarding. [1]", 0.0),
    ],
)
def test_a_turn_asked_in_the_other_language_is_read_in_the_answers_language(body, said):
    """A conversation that began in Indonesian asks this turn in English: its English answer
    must say in English that the article does not say."""
    case = _case(language="id")
    assert asks.score(case, _answer(body), SENTINELS)["uncovered_said"] == said


@pytest.mark.parametrize(
    ("body", "ok"),
    [("Yes, generally: offshore providers charge less. [1]", 1.0), ("Offshore providers.", 0.0)],
)
def test_a_yes_no_ask_leads_with_yes_or_no(body, ok):
    case = _case(ask_type="yes_no", covered=True)
    assert asks.score(case, _answer(body), SENTINELS)["yes_no_lead"] == ok


def test_a_wrong_refusal_and_a_wrong_entry_score_zero():
    assert asks.score(_case(expected_refusal=True), _answer("Sure."), SENTINELS)["refusal_ok"] == 0
    scores = asks.score(_case(covered=True), _answer("About ROI. [1]", ("faq-roi",)), SENTINELS)
    assert scores["entry_hit"] == 0.0 and scores["refusal_ok"] == 1.0


def test_a_cost_turn_must_carry_the_accumulated_request():
    turn = _case(
        ask_type="cost_estimate",
        covered=True,
        expected_request={"agents": 8, "location": "offshore"},
    )
    good = ToolCall(
        "estimate_cost", {"agents": 8, "location": "offshore"}, {"monthly_total_usd": 1}
    )
    lost = ToolCall("estimate_cost", {"agents": 8}, {"monthly_total_usd": 1})
    assert asks._state_ok(turn, _answer("x", calls=[good])) == 1.0
    assert asks._state_ok(turn, _answer("x", calls=[lost])) == 0.0


@pytest.mark.parametrize(
    ("lang", "lead", "ok"),
    [
        ("en", "Not always. Offshore providers may offer lower labour costs.", True),
        ("en", "Yes, in general. There may be hidden costs.", True),
        ("en", "Several factors contribute to the cost:", False),
        ("en", "Nothing in the article says so.", False),
        ("id", "Tidak selalu. Penyedia luar negeri mungkin ...", True),
        ("id", "Beberapa faktor berkontribusi:", False),
        # the product's own hedged no (prompts no_hedged_lead)
        ("en", "Generally not; the article puts it the other way round. Basic ...", True),
        ("id", "Umumnya tidak; artikel menyebutnya sebaliknya. Dukungan ...", True),
    ],
)
def test_the_yes_no_lead_is_a_yes_or_a_no_and_nothing_else(lang, lead, ok):
    assert bool(asks.YES_NO[lang].match(asks.lead_sentence(lead).lower())) is ok


@pytest.mark.parametrize(
    ("en_args", "same"),
    [({"agents": -5, "location": "offshore"}, 1.0), ({"agents": -5}, 0.0), ({"agents": 5}, 0.0)],
)
def test_a_pair_refused_for_the_same_invalid_request_counts_as_the_same(en_args, same):
    """'-5 agen' and '-5 agents' refused alike agree; a pair read differently does not."""
    request = {"agents": -5, "location": "offshore"}
    bad = ToolCall("estimate_cost", request, {"error": "agents must be at least 1"})
    twin_result = {"error": "x"} if en_args["agents"] < 1 else {"monthly_total_usd": 1}
    twin = ToolCall("estimate_cost", en_args, twin_result)
    ids = asks.Outcome(_case(id="a", language="id", pair="b", expected_request=request))
    ens = asks.Outcome(_case(id="b", pair="a", expected_request=request))
    ids.answer, ens.answer = _answer("x", calls=[bad]), _answer("x", calls=[twin])
    ids.scores = ens.scores = {"lines": 1.0}
    assert asks.summarize([ids, ens])["all"]["pair_cost"] == same
