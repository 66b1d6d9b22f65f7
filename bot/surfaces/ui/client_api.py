"""The web UI's public functions for gradio_client: ask and estimate_cost, named on purpose.

Every event handler of the page itself is private (the chat's queue and session state make no
sense to a caller); these two are the Gradio API, the same as POST /api/ask and /api/cost.
"""

from __future__ import annotations

from typing import Any

from bot.lang import LANGS
from bot.types import QuestionError

PUBLIC_API = ("ask", "estimate_cost")


def register(assistant: Any) -> None:
    """Add the public functions to the Blocks being built (call inside its `with`)."""
    import gradio as gr

    def ask(question: str, lang: str = "auto") -> dict:
        """Answer a question in Indonesian or English with its sources (the JSON of /api/ask);
        lang: 'auto', 'id' or 'en'."""
        try:
            answer = assistant.answer(question, None, lang if lang in LANGS else None)
        except QuestionError as err:
            raise gr.Error(err.message, print_exception=False) from None
        return answer.to_json_dict()

    def estimate_cost(request: dict, lang: str = "id") -> dict:
        """Estimate outsourced support's monthly cost (the fields and result of /api/cost);
        errors are in lang ('id' or 'en')."""
        from bot.cost.request import CostValidationError

        try:
            return assistant.cost.estimate(request).to_json_dict()
        except CostValidationError as err:
            message = assistant.cost.issue_lines(err, lang if lang in LANGS else "id")
            raise gr.Error(message, print_exception=False) from None

    gr.api(ask, api_name="ask")
    gr.api(estimate_cost, api_name="estimate_cost")
