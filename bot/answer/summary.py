"""A summary of the article: the lead point of every section, each cited."""

from __future__ import annotations

from bot.answer.compose import BULLET_LABEL, UnitIndex
from bot.knowledge.corpus import Chunk
from bot.knowledge.retrieve import Hit

# Sections whose lead sentence is about the article, not its subject.
SKIPS = frozenset({"overview"})
MAX_LABELS = 6


def summarize_sections(
    chunks: list[Chunk], units: UnitIndex, lang: str, lead: str
) -> tuple[str, list[Hit]]:
    """The body (a lead line, one cited bullet per section) and the sections it cites."""
    lines, cited = [lead, ""], []
    for chunk in chunks:
        if chunk.lang != lang or chunk.kind != "section" or chunk.id in SKIPS:
            continue
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
