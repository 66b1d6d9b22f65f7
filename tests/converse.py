"""Ask an assistant several questions in one conversation, and the phrase that opens an answer the
article cannot give (shared by the conversation tests)."""

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


def sentinel(assistant, lang: str) -> str:
    """The phrase that opens every answer the article cannot give, in `lang`."""
    return assistant.prompts.text(lang, "not_covered_sentinel")


def money_forms(amount: float) -> tuple[str, str]:
    """A sum as an English answer writes it ("1,234.50") and as an Indonesian one ("1.234,50")."""
    english = f"{amount:,.2f}"
    return english, english.replace(",", "X").replace(".", ",").replace("X", ".")
