"""The phrase lists that decide what the article cannot answer: the `coverage` block of
prompts/<lang>/analysis.yaml, both languages, compiled once (read by bot/answer/coverage.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.lang import LANGS
from bot.prompts import PromptError
from bot.yamlio import read_yaml

ABSENT_SEEN = 256  # questions whose absent-subject search is remembered


@dataclass
class Terms:
    """The `coverage` lists of both languages, compiled."""

    places: list[re.Pattern[str]] = field(default_factory=list)
    absent: list[re.Pattern[str]] = field(default_factory=list)
    per_unit: list[re.Pattern[str]] = field(default_factory=list)
    comparative: list[re.Pattern[str]] = field(default_factory=list)
    separators: list[re.Pattern[str]] = field(default_factory=list)
    fillers: set[str] = field(default_factory=set)
    generic: set[str] = field(default_factory=set)
    baseline: set[str] = field(default_factory=set)
    in_house: set[str] = field(default_factory=set)
    superlative: list[re.Pattern[str]] = field(default_factory=list)
    staffing: list[re.Pattern[str]] = field(default_factory=list)
    pros_and_cons: list[re.Pattern[str]] = field(default_factory=list)
    preference: list[re.Pattern[str]] = field(default_factory=list)  # "better X or Y?"
    risks: list[re.Pattern[str]] = field(default_factory=list)
    example_cues: list[re.Pattern[str]] = field(default_factory=list)
    frequency: list[re.Pattern[str]] = field(default_factory=list)
    synonyms: dict[str, set[str]] = field(default_factory=dict)  # a side's word -> its group
    frequency_given: list[re.Pattern[str]] = field(default_factory=list)
    unpriced: list[re.Pattern[str]] = field(default_factory=list)  # cost items with no figure
    hourly: list[re.Pattern[str]] = field(default_factory=list)  # words of the one figure given
    salary: list[re.Pattern[str]] = field(default_factory=list)  # pay per month: never given
    law: list[re.Pattern[str]] = field(default_factory=list)  # what is legal: never discussed
    mention_asked: list[re.Pattern[str]] = field(default_factory=list)  # "does it mention X?"
    mention_names: list[re.Pattern[str]] = field(default_factory=list)  # "whatsapp", "chatbot"
    aside: list[re.Pattern[str]] = field(default_factory=list)  # "Besides the hourly rate, ..."
    mention_object: list[re.Pattern[str]] = field(default_factory=list)  # "mention (bitcoin)?"
    mention_fillers: set[str] = field(default_factory=set)  # "any", "specifically", "soal"
    statistic: list[re.Pattern[str]] = field(default_factory=list)  # shares of companies: none
    # (entry, pattern): the entry nearest a subject the article never names ("Zendesk?")
    nearest: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)
    risk_comparative: list[re.Pattern[str]] = field(default_factory=list)  # "riskier?": no ranking
    holds_there: list[re.Pattern[str]] = field(default_factory=list)  # "is that also true ...?"
    doubts_savings: list[re.Pattern[str]] = field(default_factory=list)  # "isn't it dearer?"
    no_risk: list[re.Pattern[str]] = field(default_factory=list)  # "is there no risk at all?"
    capable: list[re.Pattern[str]] = field(default_factory=list)  # "will they understand ...?"
    places_kinds: list[set[str]] = field(default_factory=list)  # offshore, domestic: as groups
    absent_any: re.Pattern[str] = re.compile(r"(?!)")  # every `absent` pattern in one
    # the last questions' results: a turn asks it of the same text up to three times
    absent_seen: dict[str, bool] = field(default_factory=dict, repr=False)

    def any_absent(self, text: str) -> bool:
        """Whether any absent subject's pattern matches (one search, not one per subject)."""
        if (seen := self.absent_seen.get(text)) is not None:
            return seen
        if len(self.absent_seen) >= ABSENT_SEEN:
            self.absent_seen.clear()
        found = self.absent_seen[text] = self.absent_any.search(text) is not None
        return found

    @classmethod
    def load(cls, prompts_dir: Path) -> Terms:
        terms = cls()
        for lang in LANGS:
            path = prompts_dir / lang / "analysis.yaml"
            try:
                whole = read_yaml(path)
                data = whole["coverage"]
                terms.aside += [re.compile(p, re.IGNORECASE) for p in whole.get("aside") or ()]
                terms.places += [re.compile(rf"\b{re.escape(p)}\b") for p in data["places"]]
                terms.absent += [re.compile(p) for p in data["absent"]]
                for entry, patterns in data["nearest"].items():
                    terms.nearest += [(str(entry), re.compile(p)) for p in patterns]
                terms.per_unit += [re.compile(p) for p in data["per_unit"]]
                terms.comparative += [re.compile(p) for p in data["comparative"]]
                terms.separators += [re.compile(p) for p in data["side_separators"]]
                terms.fillers |= {str(w) for w in data["side_fillers"]}
                terms.generic |= {str(w) for w in data["generic_sides"]}
                terms.baseline |= {str(w) for w in data["baseline_words"]}
                terms.in_house |= {str(w) for w in data["in_house_words"]}
                terms.superlative += [re.compile(p) for p in data["superlative"]]
                terms.staffing += [re.compile(p) for p in data["staffing"]]
                terms.pros_and_cons += [re.compile(p) for p in data["pros_and_cons"]]
                terms.preference += [re.compile(p) for p in data["preference"]]
                terms.risks += [re.compile(p) for p in data["risks"]]
                terms.unpriced += [re.compile(p) for p in data["unpriced"]]
                terms.hourly += [re.compile(p) for p in data["hourly"]]
                terms.salary += [re.compile(p) for p in data["salary"]]
                terms.law += [re.compile(p) for p in data["law"]]
                terms.mention_asked += [re.compile(p) for p in data["mention_asked"]]
                terms.mention_names += [re.compile(p) for p in data["mention_names"]]
                terms.mention_object += [re.compile(p) for p in data["mention_object"]]
                terms.mention_fillers |= {str(w) for w in data["mention_fillers"]}
                terms.statistic += [re.compile(p) for p in data["statistic"]]
                terms.risk_comparative += [re.compile(p) for p in data["risk_comparative"]]
                terms.holds_there += [re.compile(p) for p in data["holds_there"]]
                terms.doubts_savings += [re.compile(p) for p in data["doubts_savings"]]
                terms.no_risk += [re.compile(p) for p in data["no_risk"]]
                terms.capable += [re.compile(p) for p in data["capable"]]
                terms.example_cues += [re.compile(p) for p in data["example_cues"]]
                terms.frequency += [re.compile(p) for p in data["frequency"]]
                terms.frequency_given += [re.compile(p) for p in data["frequency_given"]]
                terms.places_kinds += [{str(w) for w in g} for g in data["side_synonyms"]]
                # places are also the kinds of provider a question may offer both of; the other
                # kinds only name a side ("technical" / "teknis")
                for group in [*data["side_synonyms"], *(data.get("side_kinds") or ())]:
                    words = {str(w) for w in group}
                    for word in words:
                        terms.synonyms[word] = terms.synonyms.get(word, set()) | words
            except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
                raise PromptError(f"{path}: cannot read the coverage terms ({exc})") from exc
        terms.absent_any = re.compile("|".join(f"(?:{p.pattern})" for p in terms.absent) or "(?!)")
        return terms
