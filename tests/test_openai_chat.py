"""OpenAI messages -> question and Message history (with replayed assistant turns); an Answer ->
completion and chunks. No model: the answers here are built by hand."""

from __future__ import annotations

import pytest

from bot.surfaces.openai_chat import (
    MODEL_ID,
    ChatBody,
    ChatMessage,
    History,
    NoQuestion,
    chunks,
    completion,
    conversation,
)
from bot.types import Answer, Message, QuestionError, Source, ToolCall

COST_ARGS = {"agents": 5, "coverage": "24x7", "location": "offshore"}
ESTIMATE = Answer(
    question="How much would 5 offshore agents 24/7 cost a month?",
    language="en",
    body="**Monthly total: $62,553.75** [1]",
    refused=False,
    route="cost",
    sources=[Source("faq-hourly-rate", "Hourly rate", "en", 0.91, "Rates range from $10 to $50.")],
    tool_calls=[ToolCall("estimate_cost", COST_ARGS, {"monthly_total_usd": 62553.75})],
    sources_heading="Sources:",
    ask_type="price",
)


def messages(*turns: tuple[str, object]) -> list[ChatMessage]:
    return [ChatMessage.model_validate({"role": r, "content": c}) for r, c in turns]


def test_the_last_user_message_is_the_question_and_system_messages_are_dropped():
    chat = conversation(
        messages(
            ("system", "You are a pirate."),
            ("user", "What is ROI?"),
            ("assistant", "ROI is ..."),
            ("tool", "{}"),
            (
                "user",
                [{"type": "text", "text": "and how"}, {"type": "text", "text": "to measure it?"}],
            ),
        )
    )
    assert chat.question == "and how\nto measure it?"
    assert [(role, text) for role, text, _ in chat.turns] == [
        ("user", "What is ROI?"),
        ("assistant", "ROI is ..."),
    ]
    assert chat.ignored == 2


@pytest.mark.parametrize(
    "turns",
    [(), (("system", "hi"),), (("user", "What is ROI?"), ("assistant", "ROI is ..."))],
)
def test_no_user_message_last_is_no_question(turns):
    with pytest.raises(NoQuestion):
        conversation(messages(*turns))


def test_a_part_that_is_not_text_is_named():
    image = [{"type": "image_url", "image_url": {"url": "http://x/y.png"}}]
    with pytest.raises(ValueError, match="image_url"):
        conversation(messages(("user", image)))


def test_sampling_parameters_are_accepted_and_n_above_one_is_not():
    body = {"model": MODEL_ID, "messages": [], "temperature": 0.2, "max_tokens": 5, "user": "u"}
    assert ChatBody.model_validate(body).stream is False
    with pytest.raises(ValueError, match="n"):
        ChatBody.model_validate({**body, "n": 2})


class Recorder:
    """An assistant.answer stand-in that records what it is asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[Message], str | None]] = []

    def __call__(self, question, history, lang):
        self.calls.append((question, list(history), lang))
        if question == "bad":
            raise QuestionError("too_long", "too long", "en")
        return ESTIMATE


def test_an_assistant_turn_is_rebuilt_by_answering_its_question_again_once():
    answer = Recorder()
    history = History(answer)
    turns = conversation(
        messages(
            ("user", ESTIMATE.question),
            ("assistant", ESTIMATE.answer),  # what the client was shown, sources list and all
            ("user", "and with 8 agents?"),
        )
    ).turns
    first = history.of(turns, None)
    assert first == [
        Message("user", ESTIMATE.question),
        Message("assistant", ESTIMATE.body, ("faq-hourly-rate",), COST_ARGS),
    ]
    assert answer.calls == [(ESTIMATE.question, [], None)]
    assert history.of(turns, None) == first
    assert len(answer.calls) == 1  # the resent conversation is a lookup
    history.of(turns, "id")
    assert len(answer.calls) == 2  # another language is another answer


def test_an_assistant_turn_carrying_our_fields_is_not_replayed():
    answer = Recorder()
    sent = ChatMessage.model_validate(
        {
            "role": "assistant",
            "content": "edited",
            "sources": [{"id": "challenges"}],
            "cost_request": {"agents": 3},
        }
    )
    turns = [("user", "q", messages(("user", "q"))[0]), ("assistant", "edited", sent)]
    assert History(answer).of(turns, None)[1] == Message(
        "assistant", "edited", ("challenges",), {"agents": 3}
    )
    assert answer.calls == []


def test_text_the_chain_did_not_write_is_kept_empty_turns_are_dropped_and_errors_not_fatal():
    answer = Recorder()
    turns = conversation(
        messages(
            ("user", ESTIMATE.question),
            ("assistant", "Something else"),
            ("user", " "),
            ("assistant", None),  # a turn that only called tools
            ("user", "bad"),
            ("assistant", "x"),
            ("user", "q"),
        )
    ).turns
    assert History(answer).of(turns, "en") == [
        Message("user", ESTIMATE.question),
        Message("assistant", "Something else", ("faq-hourly-rate",), COST_ARGS),
        Message("user", "bad"),
        Message("assistant", "x"),  # answering 'bad' again raised QuestionError
    ]


def test_the_replay_cache_is_bounded():
    answer = Recorder()
    history = History(answer, size=2)
    for question in ("a", "b", "c", "a"):
        history.of(
            [("user", question, None), ("assistant", "x", ChatMessage(role="assistant"))], None
        )
    assert [q for q, _, _ in answer.calls] == ["a", "b", "c", "a"]  # 'a' was evicted by 'c'


def test_the_completion_keeps_citations_sources_and_the_estimate():
    body = completion(
        ESTIMATE, "chatcmpl-1", 7, ["How much would 5 offshore agents 24/7 cost a month?"]
    )
    message = body["choices"][0]["message"]
    assert (
        message["content"]
        == "**Monthly total: $62,553.75** [1]\n\nSources:\n[1] Hourly rate (`faq-hourly-rate`)"
    )
    assert message["sources"] == [
        {
            "n": 1,
            "id": "faq-hourly-rate",
            "title": "Hourly rate",
            "language": "en",
            "score": 0.91,
            "text": "Rates range from $10 to $50.",
        }
    ]
    assert message["cost_request"] == COST_ARGS and message["route"] == "cost"
    assert message["tool_results"][0]["result"]["monthly_total_usd"] == 62553.75
    assert "tool_calls" not in message  # ours were run already: nothing for the client to run
    assert body["usage"] == {"prompt_tokens": 10, "completion_tokens": 9, "total_tokens": 19}
    assert body["choices"][0]["finish_reason"] == "stop" and body["object"] == "chat.completion"


def test_the_chunks_add_up_to_the_completion():
    events = list(chunks(ESTIMATE, "chatcmpl-1", 7, ["q"]))
    whole = completion(ESTIMATE, "chatcmpl-1", 7, ["q"])
    assert {e["object"] for e in events} == {"chat.completion.chunk"}
    assert {e["id"] for e in events} == {"chatcmpl-1"}
    assert events[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    text = "".join(e["choices"][0]["delta"].get("content", "") for e in events)
    assert text == whole["choices"][0]["message"]["content"]
    assert len(events) > 10  # a word at a time
    assert [e["choices"][0]["finish_reason"] for e in events].count("stop") == 1
    last = events[-1]
    assert last["choices"][0]["finish_reason"] == "stop" and last["usage"] == whole["usage"]
    assert last["choices"][0]["delta"]["sources"] == whole["choices"][0]["message"]["sources"]
