"""The answer and question-vector caches: repeated questions answered from memory, never a
conversation's turn, never an answer of another index; bounded in size."""

from __future__ import annotations

import pytest

from bot.answer.memo import Memo
from bot.config import Settings
from bot.knowledge.lru import LRUCache
from bot.types import Answer


def _answer(text: str) -> Answer:
    return Answer(text, "en", f"body of {text}", False, "knowledge", timings_ms={"total": 5.0})


class Counting:
    """make() for Memo.answer that counts how often the chain really ran."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, question: str):
        def make() -> Answer:
            self.calls += 1
            return _answer(question)

        return make


@pytest.fixture
def index():
    return {"name": "kb-aaaa-1"}


@pytest.fixture
def memo(index):
    return Memo(Settings(cache={"answers": 8, "vectors": 8}), lambda: index["name"])


def test_a_repeated_question_is_answered_from_memory(memo):
    chain = Counting()
    question = "What are the hidden costs?"
    first = memo.answer(memo.key(question, None, None), chain(question))
    again = memo.answer(memo.key("  What are the   hidden costs? ", [], None), chain(question))
    assert chain.calls == 1
    assert again.body == first.body and again.sources == first.sources
    assert set(again.timings_ms) == {"cache", "total"}  # it says where it came from
    assert memo.stats()["answers"]["hits"] == 1


def test_a_question_with_a_conversation_is_never_cached(memo):
    chain = Counting()
    history = [{"role": "user", "content": "What is the hourly rate?"}]
    assert memo.key("and with 8 agents?", history, None) is None
    for _ in range(2):
        memo.answer(memo.key("and with 8 agents?", history, None), chain("x"))
    assert chain.calls == 2 and len(memo.answers) == 0


def test_the_language_override_is_part_of_the_key(memo):
    chain = Counting()
    for lang in (None, "id", "en", "auto"):  # 'auto' is the same request as None
        memo.answer(memo.key("outsourcing?", None, lang), chain(lang or ""))
    assert chain.calls == 3


def test_a_rebuilt_index_never_serves_an_old_answer(memo, index):
    chain = Counting()
    memo.answer(memo.key("What are the benefits?", None, None), chain("old"))
    index["name"] = "kb-aaaa-2"  # `bot index --rebuild` names a new collection
    fresh = memo.answer(memo.key("What are the benefits?", None, None), chain("new"))
    assert chain.calls == 2 and fresh.question == "new"


def test_size_zero_turns_the_answer_cache_off():
    memo = Memo(Settings(cache={"answers": 0}), lambda: "kb")
    assert memo.key("What are the benefits?", None, None) is None


def test_an_llm_generator_is_never_answered_from_memory():
    memo = Memo(Settings(generator="llm"), lambda: "kb")
    assert memo.key("What are the benefits?", None, None) is None


def test_question_vectors_are_embedded_once(memo):
    embedded: list[str] = []

    def embed(text: str) -> list[float]:
        embedded.append(text)
        return [float(len(text))]

    assert memo.embed(embed, "biaya") == memo.embed(embed, "biaya") == [5.0]
    assert embedded == ["biaya"]


def test_the_cache_keeps_at_most_its_size_dropping_the_least_recently_used():
    cache: LRUCache[int] = LRUCache(3)
    for n in range(3):
        cache.put(f"q{n}", n)
    assert cache.get("q0") == 0  # read: now the newest
    for n in range(3, 6):
        cache.put(f"q{n}", n)
        assert len(cache) <= 3
    assert cache.get("q0") is None and cache.get("q5") == 5
    assert len(cache) == 3


def test_the_size_is_a_described_setting():
    fields = Settings.model_fields["cache"].annotation.model_fields
    assert {"vectors", "answers"} <= set(fields)
    assert all(field.description for field in fields.values())


@pytest.fixture(scope="module")
def fake(fake_home):
    """The real chain over the fake embedder (see test_assistant), caches on as by default."""
    from bot.answer import assistant as chain
    from bot.answer import route

    floors = {"support": -1.0, "general": -1.0, "outsourcing": -1.0, "none": 2.0}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(route, "MIN_SCORE", floors)
        patch.setattr(route, "SURE_INTENT", 2.0)
        settings = Settings(home=fake_home, retrieval={"embeddings": "hash"}, cache={"answers": 4})
        yield chain.get_assistant(settings)


def _same(a: Answer, b: Answer) -> bool:
    return {**a.to_json_dict(), "timings_ms": None} == {**b.to_json_dict(), "timings_ms": None}


def test_the_assistant_answers_a_repeated_question_from_memory(fake):
    question = "What are the hidden costs of outsourcing customer support?"
    first = fake.answer(question)
    hits = fake.memo.answers.hits
    again = fake.answer(question)
    assert fake.memo.answers.hits == hits + 1 and "cache" in again.timings_ms
    assert _same(first, again)


def test_the_assistant_does_not_cache_a_turn_of_a_conversation(fake):
    history = [{"role": "user", "content": "How much do 5 offshore agents cost a month?"}]
    entries = len(fake.memo.answers)
    first = fake.answer("and with 8 agents?", history)
    again = fake.answer("and with 8 agents?", history)
    assert len(fake.memo.answers) == entries and "cache" not in again.timings_ms
    assert _same(first, again) and first.estimate.args["agents"] == 8


def test_the_assistant_misses_after_the_index_changes(fake, monkeypatch):
    question = "What are the benefits of outsourcing customer support?"
    fake.answer(question)
    monkeypatch.setattr(fake.retriever.index, "collection", "kb-rebuilt-0000")
    assert "cache" not in fake.answer(question).timings_ms


def test_the_assistant_keeps_at_most_the_configured_answers(fake):
    for n in range(6):
        fake.answer(f"What does outsourcing customer support cost for team {'abcdef'[n]}?")
    assert len(fake.memo.answers) <= 4
