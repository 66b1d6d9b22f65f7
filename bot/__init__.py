"""Bilingual (Indonesian / English) assistant on the cost of outsourcing customer support.

Read it in pipeline order: `knowledge/` (corpus -> vectors -> ranked hits), `answer/` (hits -> an
Answer), `cost/` (the estimator), `surfaces/` (CLI, API, UI, Slack) and `evaluation/`.
`bot.answer.assistant.get_assistant(settings).answer(question)` is the entry point.
"""

__version__ = "0.1.0"
