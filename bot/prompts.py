"""Load prompts and fixed phrases per language, checking both languages carry the same templates.

prompts/<lang>/ holds messages.yaml (the chain's phrases, flat), surfaces.yaml (the API's, web
UI's, Slack's and CLI's phrases, nested by surface), cost.yaml (the estimate's phrases, read by
bot.cost.render and only checked here, so a broken one stops the start), brief.yaml (the decision
brief's, read by bot.answer.brief_render, also only checked here) and system.md (the LLM's system
prompt).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.lang import LANGS, Lang
from bot.yamlio import read_yaml

MESSAGES = "messages.yaml"
SURFACES = "surfaces.yaml"
COST = "cost.yaml"
BRIEF = "brief.yaml"
SYSTEM = "system.md"


class PromptError(ValueError):
    """A prompt file is missing, malformed or out of step with the other language."""


@dataclass(frozen=True)
class Prompts:
    messages: dict[Lang, dict[str, str]]  # lang -> key -> template
    system: dict[Lang, str]  # lang -> system prompt template
    surfaces: dict[Lang, dict[str, Any]]  # lang -> surface -> key -> phrase (maps, lists, text)

    def text(self, lang: str, key: str, **values: object) -> str:
        """Return a phrase in `lang`, filled with `values`."""
        template = self.messages[lang][key]
        if "{examples}" in template and "examples" not in values:
            values["examples"] = self.messages[lang]["examples"]
        return template.format(**values)

    def section(self, lang: str, path: str) -> Any:
        """Return a surface's phrases (or any node under them) by dotted path, e.g. 'api.problems'."""
        node: Any = self.surfaces[lang]
        for part in path.split("."):
            if not isinstance(node, Mapping) or part not in node:
                raise PromptError(f"prompts/{lang}/{SURFACES}: no phrase {path!r}")
            node = node[part]
        return node

    def phrase(self, lang: str, path: str, **values: object) -> str:
        """Return a surface phrase in `lang` by dotted path, filled with `values`."""
        template = self.section(lang, path)
        if not isinstance(template, str):
            raise PromptError(f"prompts/{lang}/{SURFACES}: {path!r} is not a phrase")
        return template.format(**values)

    def both(self, path: str, **values: object) -> str:
        """Return the phrase as 'id / en', for text shown before the reader's language is known."""
        return " / ".join(self.phrase(lang, path, **values) for lang in LANGS)


def placeholders(template: str) -> set[str]:
    """Return the named placeholders of a str.format template."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError as exc:
        raise PromptError(f"malformed template {template[:40]!r}: {exc}") from exc


def check_same(tables: Mapping[str, Any], files: Mapping[str, Path], what: str = "phrase") -> None:
    """Raise PromptError unless both languages hold the same keys, shapes and placeholders."""
    first, second = LANGS
    _check_node(tables[first], tables[second], "", files, what)


def _check_node(a: Any, b: Any, key: str, files: Mapping[str, Path], what: str) -> None:
    first, second = LANGS
    if isinstance(a, dict) and isinstance(b, dict):
        for name in sorted(set(a) ^ set(b), key=str):
            side = second if name in a else first
            raise PromptError(f"{files[side]}: {what} {_join(key, name)!r} is missing")
        for name in a:
            _check_node(a[name], b[name], _join(key, name), files, what)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            raise PromptError(
                f"{what} {key!r}: {len(a)} items in {files[first]}, {len(b)} in {files[second]}"
            )
        for number, (x, y) in enumerate(zip(a, b, strict=True)):
            _check_node(x, y, f"{key}[{number}]", files, what)
    elif isinstance(a, str) and isinstance(b, str):
        try:
            pa, pb = placeholders(a), placeholders(b)
        except PromptError as exc:
            raise PromptError(f"{files[first]} or {files[second]}: {what} {key!r}: {exc}") from exc
        if pa != pb:
            raise PromptError(
                f"{what} {key!r}: placeholders differ "
                f"({sorted(pa)} in {files[first]} vs {sorted(pb)} in {files[second]})"
            )
    else:
        kinds = f"{type(a).__name__} in {files[first]}, {type(b).__name__} in {files[second]}"
        raise PromptError(f"{what} {key!r}: must be text, a list or a map in both ({kinds})")


def _join(prefix: str, name: object) -> str:
    return f"{prefix}.{name}" if prefix else str(name)


def _read_yaml(path: Path) -> Any:
    try:
        return read_yaml(path)
    except (OSError, yaml.YAMLError) as exc:
        raise PromptError(f"{path}: cannot read prompts ({exc})") from exc


def load_prompts(prompts_dir: Path) -> Prompts:
    """Load and check both languages' messages, surface phrases, system prompt (and cost.yaml,
    brief.yaml)."""
    messages: dict[Lang, dict[str, str]] = {}
    surfaces: dict[Lang, dict[str, Any]] = {}
    cost: dict[Lang, Any] = {}
    brief: dict[Lang, Any] = {}
    system: dict[Lang, str] = {}
    for lang in LANGS:
        folder = prompts_dir / lang
        data = _read_yaml(folder / MESSAGES)
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise PromptError(f"{folder / MESSAGES}: must map keys to strings")
        messages[lang] = data
        phrases = _read_yaml(folder / SURFACES)
        if not isinstance(phrases, dict):
            raise PromptError(f"{folder / SURFACES}: must map surfaces to their phrases")
        surfaces[lang] = phrases
        cost[lang] = _read_yaml(folder / COST)
        brief[lang] = _read_yaml(folder / BRIEF)
        try:
            system[lang] = (folder / SYSTEM).read_text(encoding="utf-8")
        except OSError as exc:
            raise PromptError(f"{folder / SYSTEM}: cannot read prompts ({exc})") from exc
    check_same(messages, {lang: prompts_dir / lang / MESSAGES for lang in LANGS}, "template")
    check_same(surfaces, {lang: prompts_dir / lang / SURFACES for lang in LANGS}, "phrase")
    check_same(cost, {lang: prompts_dir / lang / COST for lang in LANGS}, "phrase")
    check_same(brief, {lang: prompts_dir / lang / BRIEF for lang in LANGS}, "phrase")
    first, second = LANGS
    if placeholders(system[first]) != {"passages"} or placeholders(system[second]) != {"passages"}:
        raise PromptError("system.md must use exactly the {passages} placeholder in both languages")
    return Prompts(messages=messages, system=system, surfaces=surfaces)
