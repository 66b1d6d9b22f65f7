"""Load and validate the structured bilingual corpus into chunks."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.lang import LANGS
from bot.yamlio import read_yaml

KINDS = ("section", "faq")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9-]*$")
REQUIRED = ("id", "kind", "title", "text")
# addresses: ids of entries whose problems this entry answers; steps: the entry says how to do
# something (its points are actions); handled_by: for a list of problems, the entries whose steps
# answer each numbered point ({2: [best-practices]}; an empty list: the article gives no step).
OPTIONAL = ("addresses", "steps", "handled_by")
# Figures whose presence must agree across the two languages of one entry.
FIGURE_PATTERN = re.compile(r"\$\d+(?:[.,]\d+)?|\b24/7\b|\b\d+(?:[.,]\d+)?%")


class CorpusError(ValueError):
    """A corpus file is malformed; the message names the file, the entry and the problem."""

    def __init__(self, path: Path, entry: str | None, problem: str) -> None:
        where = f"{path}" + (f", entry {entry!r}" if entry else "")
        super().__init__(f"{where}: {problem}")
        self.path, self.entry, self.problem = path, entry, problem


@dataclass(frozen=True)
class Chunk:
    """One retrievable passage: an article section or a FAQ entry in one language."""

    id: str
    lang: str
    kind: str
    title: str
    text: str
    source: str
    addresses: tuple[str, ...] = ()
    steps: bool = False
    handled_by: tuple[tuple[str, ...], ...] = ()  # per bullet, in order

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(f"{self.title}\n{self.text}".encode()).hexdigest()[:16]

    @property
    def embed_text(self) -> str:
        return f"{self.title}\n{self.text}"

    def metadata(self) -> dict[str, str]:
        return {
            "id": self.id,
            "lang": self.lang,
            "section": self.id,
            "title": self.title,
            "kind": self.kind,
            "source": self.source,
            "hash": self.content_hash,
        }


def load_language(path: Path) -> list[Chunk]:
    """Read one language file, validating every entry."""
    try:
        data = read_yaml(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(path, None, f"cannot be read as YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise CorpusError(path, None, "top level must be a mapping with 'lang' and 'entries'")
    lang = data.get("lang")
    if lang not in LANGS:
        raise CorpusError(path, None, f"'lang' must be one of {LANGS}, got {lang!r}")
    entries = data.get("entries")
    if not isinstance(entries, list) or not entries:
        raise CorpusError(path, None, "'entries' must be a non-empty list")
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for position, entry in enumerate(entries, start=1):
        label = entry.get("id") if isinstance(entry, dict) else None
        name = str(label) if label else f"#{position}"
        if not isinstance(entry, dict):
            raise CorpusError(path, name, "entry must be a mapping")
        for key in REQUIRED:
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                raise CorpusError(path, name, f"field {key!r} is missing or empty")
        unknown = set(entry) - set(REQUIRED) - set(OPTIONAL)
        if unknown:
            raise CorpusError(path, name, f"unknown field(s) {sorted(unknown)}")
        if not ID_PATTERN.match(entry["id"]):
            raise CorpusError(path, name, "id must be lower-case letters, digits and dashes")
        if entry["kind"] not in KINDS:
            raise CorpusError(path, name, f"kind must be one of {KINDS}, got {entry['kind']!r}")
        addresses = entry.get("addresses", [])
        if not isinstance(addresses, list) or not all(isinstance(a, str) for a in addresses):
            raise CorpusError(path, name, "'addresses' must be a list of entry ids")
        handled_by = _handled_by(path, name, entry.get("handled_by"), entry["text"])
        if not isinstance(entry.get("steps", False), bool):
            raise CorpusError(path, name, "'steps' must be true or false")
        if entry["id"] in seen:
            raise CorpusError(path, name, "duplicate id")
        seen.add(entry["id"])
        chunks.append(
            Chunk(
                id=entry["id"],
                lang=lang,
                kind=entry["kind"],
                title=entry["title"].strip(),
                text=entry["text"].strip(),
                source=path.name,
                addresses=tuple(addresses),
                steps=entry.get("steps", False),
                handled_by=handled_by,
            )
        )
    known = {c.id for c in chunks}
    for chunk in chunks:
        links = {"addresses": chunk.addresses, "handled_by": sum(chunk.handled_by, ())}
        for field_name, targets in links.items():
            for target in targets:
                if target not in known:
                    raise CorpusError(path, chunk.id, f"'{field_name}' names unknown id {target!r}")
    return chunks


def _handled_by(
    path: Path, name: str | None, raw: object, text: str
) -> tuple[tuple[str, ...], ...]:
    """The entries that handle each bullet of `text`, from {bullet number: [entry ids]}."""
    if raw is None:
        return ()
    bullets = sum(1 for line in text.splitlines() if line.strip().startswith("- "))
    if not isinstance(raw, dict) or set(raw) != set(range(1, bullets + 1)):
        raise CorpusError(path, name, f"'handled_by' must map each bullet 1..{bullets} to ids")
    if not all(isinstance(v, list) and all(isinstance(t, str) for t in v) for v in raw.values()):
        raise CorpusError(path, name, "'handled_by' values must be lists of entry ids")
    return tuple(tuple(raw[n]) for n in range(1, bullets + 1))


def figures(text: str) -> set[str]:
    """Return the money amounts, percentages and '24/7' mentioned in a text."""
    return {m.replace(",", ".") for m in FIGURE_PATTERN.findall(text)}


def check_alignment(by_lang: dict[str, list[Chunk]], corpus_dir: Path) -> None:
    """Fail when the languages drift apart: ids, kinds or figures that differ."""
    maps = {lang: {c.id: c for c in chunks} for lang, chunks in by_lang.items()}
    ids = {lang: list(m) for lang, m in maps.items()}
    first, second = LANGS
    for lang, other in ((first, second), (second, first)):
        missing = [i for i in ids[lang] if i not in maps[other]]
        if missing:
            raise CorpusError(
                corpus_dir / f"{other}.yaml", missing[0], f"id missing ({lang} has it)"
            )
    if ids[first] != ids[second]:
        raise CorpusError(corpus_dir / f"{second}.yaml", None, "entries are in a different order")
    for entry_id, chunk in maps[first].items():
        twin = maps[second][entry_id]
        for field in ("addresses", "steps", "handled_by"):
            if getattr(chunk, field) != getattr(twin, field):
                raise CorpusError(corpus_dir / f"{second}.yaml", entry_id, f"'{field}' differs")
        if chunk.kind != twin.kind:
            raise CorpusError(corpus_dir / f"{second}.yaml", entry_id, "kind differs from id.yaml")
        a, b = figures(chunk.embed_text), figures(twin.embed_text)
        if a != b:
            raise CorpusError(
                corpus_dir / f"{second}.yaml",
                entry_id,
                f"figures differ: id has {sorted(a)}, en has {sorted(b)}",
            )


def load_corpus(corpus_dir: Path) -> list[Chunk]:
    """Load both languages, validate each file and their alignment."""
    by_lang = {lang: load_language(corpus_dir / f"{lang}.yaml") for lang in LANGS}
    check_alignment(by_lang, corpus_dir)
    return [chunk for lang in LANGS for chunk in by_lang[lang]]


def corpus_fingerprint(chunks: list[Chunk]) -> str:
    """Hash of every chunk's identity and content, for naming the collection."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(f"{chunk.id}|{chunk.lang}|{chunk.kind}|{chunk.content_hash}\n".encode())
    return digest.hexdigest()[:12]
