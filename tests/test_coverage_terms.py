"""The absent-subject search remembers the last questions' results, bounded."""

from __future__ import annotations

from bot.answer.terms import ABSENT_SEEN, Terms
from bot.config import REPO_ROOT


def test_the_absent_subject_search_is_remembered_and_bounded():
    terms = Terms.load(REPO_ROOT / "prompts")
    asked = "is there a discount for a year?"
    assert terms.any_absent(asked) and terms.any_absent(asked)  # the second from memory
    assert not terms.any_absent("what are the benefits?")
    for n in range(ABSENT_SEEN * 2):
        terms.any_absent(f"question {n}")
        assert len(terms.absent_seen) <= ABSENT_SEEN
    assert terms.any_absent(asked)  # still right once forgotten
