"""A summary of the article: the lead point of every section, each cited."""

from __future__ import annotations

from bot.answer.compose import BULLET_LABEL, UnitIndex
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
        lines.append(f"- **{chunk.title}**: {section_point(units, rows)} [{len(cited)}]")
    return "\n".join(lines), cited


def section_point(units: UnitIndex, rows: list[int]) -> str:
    """A section's lead sentence; one that only announces a list gets the list's labels."""
    parts = [units.units[r] for r in rows]
    lead = parts[0].text
    if not lead.endswith(":"):
        return lead
    labels = [m.group(1) for u in parts if u.bullet and (m := BULLET_LABEL.match(u.text))]
    return f"{lead} {', '.join(labels[:MAX_LABELS])}." if labels else lead
