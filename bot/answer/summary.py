"""A summary of the article: the lead point of every section, each cited."""

from __future__ import annotations

from bot.answer.compose import BULLET_LABEL, FIGURE, UnitIndex
from bot.knowledge.corpus import Chunk
from bot.knowledge.retrieve import Hit

# Entries whose lead sentence is about the article, not its subject.
SKIPS = frozenset({"overview", "faq-closing"})
MAX_LABELS = 6
BOTTOM_LINE = "conclusion"  # a summary opens with the article's bottom line


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
