"""A summary of the article: the lead point of every section, each cited; or of the
conversation so far: the lead point of every entry it cited."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.answer.analysis import BACKGROUND_REFERENCE, question_sentence
from bot.answer.compose import BULLET_LABEL, FIGURE, UnitIndex
from bot.answer.route import asks_for_remedy, names_subject, summary_scope
from bot.knowledge.corpus import Chunk
from bot.knowledge.retrieve import Hit
from bot.lang import LANGS
from bot.prompts import PromptError, Prompts
from bot.types import Message
from bot.yamlio import read_yaml

# Entries whose lead sentence is about the article, not its subject.
SKIPS = frozenset({"overview", "faq-closing"})
MAX_LABELS = 6
BOTTOM_LINE = "conclusion"  # a summary opens with the article's bottom line
MAX_RECAP = 6  # entries a recap of the conversation names at most


def summarize_sections(
    chunks: list[Chunk], units: UnitIndex, lang: str, lead: str, kind: str = "section"
) -> tuple[str, list[Hit]]:
    """The body (a lead line, one cited bullet per section, or per FAQ entry) and the entries
    it cites; the conclusion comes first."""
    lines, cited = [lead, ""], []
    chosen = [c for c in chunks if c.lang == lang and c.kind == kind and c.id not in SKIPS]
    chosen.sort(key=lambda c: c.id != BOTTOM_LINE)  # stable: the rest keep the article's order
    for chunk in chosen:
        rows = units.rows(chunk.id, lang)
        if not rows:
            continue
        cited.append(Hit(chunk.id, chunk.title, lang, 1.0, chunk.text, chunk.kind, lang))
        # The bottom line is the whole conclusion: its causes, trade-offs and advice.
        point = chunk.text if chunk.id == BOTTOM_LINE else section_point(units, rows)
        lines.append(f"- **{chunk.title}**: {point} [{len(cited)}]")
    return "\n".join(lines), cited


def section_point(units: UnitIndex, rows: list[int]) -> str:
    """A section's lead sentence (the first one with a figure, when its prose has one: "$10 to
    $50 per hour" is what a reader keeps); one that only announces a list gets its labels."""
    parts = [units.units[r] for r in rows]
    figures = [u for u in parts if not u.bullet and FIGURE.search(u.text)]
    lead = (figures[0] if figures and not parts[0].text.endswith(":") else parts[0]).text
    if not lead.endswith(":"):
        return lead
    labels = [m.group(1) for u in parts if u.bullet and (m := BULLET_LABEL.match(u.text))]
    if labels:
        return f"{lead} {', '.join(labels[:MAX_LABELS])}."
    # A list without labels (the FAQ's safeguards, its hidden costs): the points themselves.
    points = [u.text.rstrip(".") for u in parts if u.bullet][:MAX_LABELS]
    return f"{lead} {'; '.join(p[:1].lower() + p[1:] for p in points)}." if points else lead


ACK_REST = 6  # words a question has after "oh oke." to be read without it


class Recap:
    """'Sum all that up': the lead point of every entry the conversation has cited so far, in
    the order they came up. The phrases that ask for it are `recap` in analysis.yaml."""

    def __init__(self, prompts_dir: Path) -> None:
        self.patterns: list[re.Pattern[str]] = []
        self.gist: list[re.Pattern[str]] = []  # a summary asked for with no subject
        self.parts: list[re.Pattern[str]] = []  # ... or of one part of the article
        self.form: list[re.Pattern[str]] = []  # words that only ask for a summary's form
        self.whole: list[re.Pattern[str]] = []  # "..., especially the costs": still the whole
        self.brevity: list[re.Pattern[str]] = []  # words that only ask for a short answer
        self.thanks: list[re.Pattern[str]] = []  # ... or acknowledge the last one ("oh oke.")
        self.gaps: list[re.Pattern[str]] = []  # "what doesn't the article cover?"
        for lang in LANGS:
            path = prompts_dir / lang / "analysis.yaml"
            try:
                analysis = read_yaml(path)
                self.patterns += [re.compile(p) for p in analysis["recap"]]
                self.gist += [re.compile(p) for p in analysis["gist"]]
                self.parts += [re.compile(p) for p in analysis["summary_parts"]]
                self.form += [re.compile(p) for p in analysis["summary_form"]]
                self.whole += [re.compile(p) for p in analysis["summary_whole"]]
                self.brevity += [re.compile(p) for p in analysis["brevity"]]
                self.thanks += [re.compile(p) for p in analysis["acknowledgement"]]
                self.gaps += [re.compile(p) for p in analysis["gaps"]]
            except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as exc:
                raise PromptError(f"{path}: cannot read the summary phrases ({exc})") from exc

    def entries(self, text: str, history: list[Message]) -> list[str]:
        """The entries to recap, when the question asks to sum up the conversation; else []."""
        lowered = " ".join(text.lower().split())
        if not any(p.search(lowered) for p in self.patterns):
            return []
        cited = [i for m in history if m.role == "assistant" for i in m.cited_ids]
        return [i for i in dict.fromkeys(cited) if i not in SKIPS][:MAX_RECAP]

    def subject(self, text: str) -> str | None:
        """What a summary of one part of the article asks about, without the words that only
        ask for a summary ("tl;dr on the benefits?" -> "the benefits"); None for the whole."""
        lowered = " ".join(text.lower().split())
        if not any(p.search(lowered) for p in self.parts):
            return None
        asked = question_sentence(lowered)  # "Besok saya presentasi ... Poin-poin kelebihannya?"
        if asked != lowered and any(p.search(asked) for p in self.parts):
            lowered = asked  # the part is asked after a story, which names no part
        if any(p.search(lowered) for p in self.whole):
            return None  # "the article, especially the costs": the whole article
        if asks_for_remedy(lowered):
            return None  # "the risks and how to manage them": the risks and their remedies
        for pattern in self.form:
            lowered = pattern.sub(" ", lowered)
        return " ".join(lowered.split()) or None

    @staticmethod
    def asked_part(text: str, expand, lang: str) -> str | None:
        """The list asked for after a story, when it is the last sentence and names its own
        subject ("Besok saya presentasi ke direksi. Poin-poin kelebihannya?"): what retrieval
        reads instead of the story; None when it points back into the story ("those")."""
        asked = question_sentence(text)
        last = asked != text and text.rstrip().endswith(asked.rstrip())
        if not last or BACKGROUND_REFERENCE.search(asked.lower()):
            return None
        return asked if names_subject(expand(asked, lang)) else None

    def focus(self, text: str, form: str) -> str | None:
        """What retrieval reads instead of the whole question, or None: a summary's part, or a
        question without its "briefly" or its "oh oke."."""
        return self.subject(text) if form == "summary" else self.unhurried(text)

    def unhurried(self, text: str) -> str | None:
        """The question without the words that only ask for a short answer ("jelasin singkat
        dong manfaatnya" -> "jelasin dong manfaatnya") or acknowledge the last one ("Oh oke.
        Kalau ..." -> "kalau ..."), or None when it has none."""
        lowered = " ".join(text.lower().split())
        plain = lowered
        for pattern in self.brevity:
            plain = pattern.sub(" ", plain)
        for pattern in self.thanks:  # only before a question that stands on its own words
            rest = pattern.sub(" ", plain)
            plain = rest if len(rest.split()) >= ACK_REST else plain
        plain = " ".join(plain.split())
        return plain if plain and plain != lowered else None

    def _gist(self, text: str) -> bool:
        lowered = " ".join(text.lower().split())
        return any(p.search(lowered) for p in self.gist)

    def summary(
        self,
        chunks: list[Chunk],
        units: UnitIndex,
        prompts: Prompts,
        text: str,
        ask_type: str,
        history: list[Message],
        lang: str,
    ) -> tuple[str, list[Hit]] | None:
        """The body and citations of a recap of the conversation, of a summary of the article
        (or its FAQ) or of what it leaves out, when the question asks for one; else None."""
        lowered = " ".join(text.lower().split())
        if any(p.search(lowered) for p in self.gaps):
            # "what doesn't the article cover?": what it never gives, then what it does cover
            return summarize_sections(chunks, units, lang, prompts.text(lang, "not_covered_gaps"))
        subject = self.subject(text)
        if (ids := self.entries(text, history)) and not subject:
            lead = prompts.text(lang, "summary_lead_recap")
            return recap_entries(chunks, units, lang, lead, ids)
        scope = summary_scope(text) if ask_type == "summary" else None
        if scope == "section" and subject:
            scope = None  # "summarise what the article says about data security": that part
        if scope is None and not history and self._gist(text) and not names_subject(text):
            scope = "section"  # "give me the gist", "tl;dr" to begin with: the whole article
        if scope is None:
            return None  # "summarise the hidden costs" is a knowledge question
        lead = prompts.text(lang, f"summary_lead_{scope}")
        return summarize_sections(chunks, units, lang, lead, scope)


def recap_entries(
    chunks: list[Chunk], units: UnitIndex, lang: str, lead: str, ids: list[str]
) -> tuple[str, list[Hit]]:
    """The body (a lead line, one cited bullet per entry: its lead point) and the entries."""
    by_id = {c.id: c for c in chunks if c.lang == lang}
    lines, cited = [lead, ""], []
    for entry in ids:
        chunk, rows = by_id.get(entry), units.rows(entry, lang)
        if chunk is None or not rows:
            continue
        cited.append(Hit(chunk.id, chunk.title, lang, 1.0, chunk.text, chunk.kind, lang))
        lines.append(f"- **{chunk.title}**: {section_point(units, rows)} [{len(cited)}]")
    return "\n".join(lines), cited
