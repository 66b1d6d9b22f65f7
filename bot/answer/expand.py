"""Follow-ups that ask for more of the last answer: "explain in more detail" (its topic whole),
"more detail on the data part" (the entry those words name), "what does the second one mean?" and
"the location one" (that point, and what the article says elsewhere about it)."""

from __future__ import annotations

from collections.abc import Callable

from bot.answer.anchor import Anchor, Anchors
from bot.answer.compose import render_draft
from bot.answer.followup import MoreDetail, last
from bot.answer.route import asks_for_remedy
from bot.knowledge.retrieve import Hit
from bot.prompts import Prompts
from bot.types import Message


class Expander:
    """Builds the body and the cited hits of a request for more, or says it is not one."""

    def __init__(self, more_detail: MoreDetail, anchors: Anchors, prompts: Prompts) -> None:
        self.more_detail, self.anchors, self.prompts = more_detail, anchors, prompts

    def expand(
        self,
        text: str,
        lang: str,
        vector: list[float],
        history: list[Message],
        find: Callable[[str], Hit | None],
    ) -> tuple[str, list[Hit], str] | None:
        """(body, cited hits, ask type) for a request for more, else None. `find` is the best
        hit of a few words read on their own."""
        seen = [i for m in history if m.role == "assistant" for i in m.cited_ids]
        if (entry := self.more_detail.topic(text, history)) is not None:
            draft = self.more_detail.expand(entry, lang, vector, seen)
            return render_draft(draft), draft.cited, "list"
        anchor = self.anchors.find(text, lang, history)
        named = self.more_detail.named_entry(text, find) if seen else None
        lead = None
        previous = last(history, "assistant")
        if named is not None and previous is not None and tuple(previous.cited_ids[:1]) == (named,):
            # "more detail on the audits": the last answer's entry again, where one point is all
            # the article says about them
            subject = self.more_detail.subject(text) or ""
            if (row := self.anchors.point_named(subject, lang, named)) is not None:
                anchor, named = Anchor(named, row), None
                lead = self.prompts.text(lang, "not_covered_more", subject=subject)
        if named is not None and (anchor is None or named != anchor.entry):
            # "yang soal keamanan data, lebih detail dong" names an entry of its own
            draft = self.more_detail.expand(named, lang, vector, seen, False)
            return render_draft(draft), draft.cited, "list"
        if anchor is None or anchor.row is None:
            return None
        draft = self.more_detail.explain_point(anchor.entry, anchor.row, lang, vector, seen)
        body = render_draft(draft, self.prompts.text(lang, "point_related"))
        if lead is None and asks_for_remedy(text):  # "the first one: how do we deal with it?"
            lead = self.more_detail.no_steps(anchor.entry, anchor.row, lang, self.prompts)
        return (f"{lead}\n\n{body}" if lead else body), draft.cited, ""
