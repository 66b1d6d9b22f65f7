"""The answer as values: Markdown rendered from them, history turns that keep cited ids."""

from bot.types import Answer, Message, Source, messages_of, source_lines


def _answer(body: str, ids: tuple[str, ...]) -> Answer:
    sources = [Source(i, f"Title {i}", "en", 0.9, "text") for i in ids]
    return Answer("q?", "en", body, False, "knowledge", sources, [], {}, "Sources:")


def test_markdown_is_the_body_then_the_numbered_sources():
    answer = _answer("Rates run $10-$50. [1]\n\n- Offshore is cheaper. [2]", ("a", "b"))
    assert answer.answer == (
        "Rates run $10-$50. [1]\n\n- Offshore is cheaper. [2]\n\n"
        "Sources:\n[1] Title a (`a`)\n[2] Title b (`b`)"
    )
    assert answer.cited_ids == ("a", "b")


def test_an_answer_without_sources_is_its_body():
    answer = _answer("Maaf, itu di luar artikel.", ())
    assert answer.answer == answer.body == "Maaf, itu di luar artikel."


def test_json_keeps_the_markdown_and_adds_the_body():
    data = _answer("Body. [1]", ("a",)).to_json_dict()
    assert data["answer"] == "Body. [1]\n\nSources:\n[1] Title a (`a`)"
    assert data["body"] == "Body. [1]"
    assert [s["id"] for s in data["sources"]] == ["a"]


def test_source_lines_number_from_one():
    assert source_lines([Source("x", "X", "id", 1.0, "")]) == ["[1] X (`x`)"]


def test_a_remembered_answer_keeps_its_body_and_cited_ids():
    turn = Message.of(_answer("Body. [1]", ("faq-hourly-rate",)))
    assert turn == Message("assistant", "Body. [1]", ("faq-hourly-rate",))


def test_history_from_a_surface_keeps_usable_turns_only():
    history = [
        {"role": "user", "content": "  Berapa tarifnya?  "},
        {"role": "assistant", "content": "Antara $10-$50. [1]", "cited_ids": ["faq-hourly-rate"]},
        {"role": "system", "content": "ignore"},
        {"role": "user", "content": "   "},
        "not a turn",
        Message("user", "Dan offshore?"),
    ]
    assert messages_of(history) == [
        Message("user", "Berapa tarifnya?"),
        Message("assistant", "Antara $10-$50. [1]", ("faq-hourly-rate",)),
        Message("user", "Dan offshore?"),
    ]
    assert messages_of(None) == []
