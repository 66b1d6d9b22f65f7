"""Ask an assistant several questions in one conversation (shared by the conversation tests)."""

from __future__ import annotations

from bot.types import Message


def converse(assistant, *questions):
    """Each question asked with the conversation so far; the answers, in order."""
    history, answers = [], []
    for question in questions:
        answer = assistant.answer(question, history)
        history += [Message("user", question), Message.of(answer)]
        answers.append(answer)
    return answers
