"""Side questions in a cost conversation: a turn that asks beside the estimate (whether to switch,
a figure in general, a claim or a subject the article never discusses) is answered from the
article, and the estimate stays as it was."""

from __future__ import annotations

import re

from bot.answer.analysis import Ask
from bot.answer.corrections import INHOUSE
from bot.answer.costturn import CHANGE_CUE, QUESTION_WORD, SAVINGS_ASK, asks_figure
from bot.answer.figures_asked import PERCENT_ASK
from bot.answer.normalise import own_words
from bot.cost.service import CostService

# "berapa persen hematnya biasanya kalau pindah ke luar negeri?", "how much extra per hour does
# Japanese usually cost?": a figure in general, which the article gives or not, not this estimate.
IN_GENERAL = re.compile(
    r"\b(?:biasanya|umumnya|pada umumnya|usually|typically|in general|generally|normally)\b"
)
# "how much cheaper are standard agents, in %?": a share between two kinds, which no estimate gives
CHEAPER = re.compile(
    r"\b(?:cheaper|pricier|more expensive|less expensive|lebih murah|lebih mahal|lebih hemat)\b"
)
INHOUSE_WORDS = re.compile(r"\b(?:in-?house|inhouse|internal|sendiri|our own|our team|tim kami)\b")
# "and nearshore is guaranteed to be cheaper, yeah?": a claim to check, not a change
CLAIM = re.compile(r"\b(?:always|never|guarantee[sd]?|selalu|pasti|dijamin|tidak pernah)\b")


# A yes/no about a problem a choice brings, not a change to the estimate
PROBLEM = re.compile(
    r"\b(?:masalah|bermasalah|kendala|problems?|problematic|issues?|trouble|risks?|risky|risiko|berisiko)\b"
)


def asks_beside(cost: CostService, coverage, text: str, ask: Ask) -> bool:
    """In a cost conversation, a turn that asks beside the estimate: whether to switch ("worth
    it?", weighed with its numbers, unless it gives the in-house cost and asks what it saves),
    or a yes/no about what the article never discusses ("bisa kasih diskon kalau setahun?")."""
    lowered = text.lower()
    if IN_GENERAL.search(lowered) and asks_figure(lowered):
        return True  # "berapa persen hematnya biasanya?": the article's figures, said or not
    if (
        PERCENT_ASK.search(lowered)
        and CHEAPER.search(lowered)
        and not INHOUSE_WORDS.search(lowered)
    ):
        return True  # "how much cheaper are standard agents, in %?": no estimate gives that
    if ask.form == "decision" and "?" not in text and not QUESTION_WORD.search(lowered):
        return False  # "and volume will probably double after launch" states, asks nothing
    if ask.form == "decision":
        if not SAVINGS_ASK.search(lowered):
            return True
        return not INHOUSE & cost.parse_fields(own_words(text)).keys()
    if ask.type == "yes_no" and CLAIM.search(lowered):
        return True  # "nearshore is guaranteed to be cheaper than domestic, yeah?"
    if ask.type == "yes_no" and not ask.price and PROBLEM.search(lowered):
        return True  # "bakal jadi masalah nggak kalau agennya dari vendor luar?": the challenges
    if ask.type != "yes_no" or ask.price or CHANGE_CUE.search(lowered):
        return False  # "kalau agennya skilled, yang paham asuransi?" changes the estimate
    # a subject the estimator prices ("nearshore?") is a change, not a side question
    return any(not cost.parse_fields(s) for s in coverage.absent_subjects(text, ""))
