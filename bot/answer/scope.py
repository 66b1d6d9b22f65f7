"""Is a turn in scope? Another subject is refused (even mid-conversation), and so is a question
whose best passage is too far for its topic level; a follow-up keeps the conversation's topic."""

from __future__ import annotations

from typing import Any

from bot.answer.analysis import ELLIPSIS
from bot.answer.coverage import NAME_ASKS, Coverage
from bot.answer.followup import OFF_TOPIC, last
from bot.answer.route import asks_article, measures_back, names_outsourcing, reaches_floor
from bot.knowledge.retrieve import Hit

STANDS_ALONE = 0.75


def reaches(hits: list[Hit], level: str, lowest: bool = True) -> bool:
    return reaches_floor(max(h.score for h in hits), hits[0].confidence or 0.0, level, lowest)


def stands_alone(hits: list[Hit], topic: str) -> bool:
    """A follow-up that names its own subject clearly ("terus risikonya apa?") is answered on
    its own words, not read together with the previous question."""
    top = hits[0] if hits else None
    confident = top is not None and (top.confidence or 0.0) >= STANDS_ALONE
    # ... and passes the floor its own words are refused by (out_of_scope).
    return confident and topic != "foreign" and reaches(hits, topic, lowest=False)


def continues(turn: Any, query: str) -> bool:
    """True for a question read on its own in a conversation that was answered so far."""
    previous = last(turn.history, "assistant")
    answered = previous is not None and bool(previous.cited_ids or previous.cost_request)
    leaves = OFF_TOPIC.search(turn.text.lower()) is not None  # "btw, any good pizza place?"
    return answered and query == turn.text and turn.topic != "foreign" and not leaves


def out_of_scope(
    turn: Any, query: str, hits: list[Hit], coverage: Coverage, mentions: Any = None
) -> bool:
    """Refuse another subject (even mid-conversation), or a best passage too far; a follow-up
    keeps the topic. An outsourcing question about a vendor or country the article never names
    is answered with that said ("Teleperformance or Concentrix?")."""
    if not hits or turn.topic == "foreign":
        return True
    if turn.ask.type == "definition" and mentions is not None and mentions.find(query, turn.lang):
        return False  # "what does 'economies of scale' mean?": a term the article uses
    if coverage.unnamed_mentions(turn.text):
        return False  # "does it say anything about chatbots?" asks about the article itself
    if query != turn.text and measures_back(turn.text) and continues(turn, turn.text):
        return False  # "biasanya besarnya berapa?": a figure of what the last answer was about
    elliptical = query != turn.text and ELLIPSIS.match(" ".join(turn.text.lower().split()))
    if elliptical and continues(turn, turn.text):
        return False  # "kalau dalam negeri?" after the rates: the same question of another side
    level = "support" if query != turn.text else turn.topic
    if (
        level in ("support", "general")
        and turn.ask.type in NAME_ASKS
        and coverage.unknown_names(query)
    ):
        return False
    if level in ("support", "general") and turn.ask.type == "place" and coverage.names_place(query):
        return False  # "which country has the best English-speaking agents?": said it does not say
    if level in ("support", "general") and turn.ask.type == "duration":
        return False  # "onboarding brp lama?": said the article gives no timeline
    if level == "support" and turn.ask.type == "summary":
        return False  # "tolong rangkum poin2 pentingnya dong": the article's, whatever its score
    if level in ("support", "general") and coverage.nearest(query):
        return False  # "vendor bilang harganya udah all in?": an entry stands nearest it
    if level in ("support", "general") and coverage.absent_subjects(query, ""):
        return False  # "a minimum number of agents a vendor accepts?": said the article has none
    if level in ("support", "general", "none") and asks_article(turn.text):
        # "does the article quote a per-seat price?": what it says, or that it does not
        return False
    if level in ("support", "general") and names_outsourcing(query):
        level = "outsourcing"
    return not reaches(hits, level)
