"""Load prompts and fixed phrases per language, checking both languages carry the same templates."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.lang import LANGS


class PromptError(ValueError):
    """A prompt file is missing, malformed or out of step with the other language."""


@dataclass(frozen=True)
class Prompts:
    messages: dict[str, dict[str, str]]  # lang -> key -> template
    system: dict[str, str]  # lang -> system prompt template

    def text(self, lang: str, key: str, **values: object) -> str:
        """Return a phrase in `lang`, filled with `values`."""
        template = self.messages[lang][key]
        if "{examples}" in template and "examples" not in values:
            values["examples"] = self.messages[lang]["examples"]
        return template.format(**values)


def placeholders(template: str) -> set[str]:
    """Return the named placeholders of a str.format template."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}
    except ValueError as exc:
        raise PromptError(f"malformed template {template[:40]!r}: {exc}") from exc


def load_prompts(prompts_dir: Path) -> Prompts:
    """Load prompts/<lang>/messages.yaml and system.md for both languages and check them."""
    messages: dict[str, dict[str, str]] = {}
    system: dict[str, str] = {}
    for lang in LANGS:
        path = prompts_dir / lang / "messages.yaml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            system[lang] = (prompts_dir / lang / "system.md").read_text(encoding="utf-8")
        except (OSError, yaml.YAMLError) as exc:
            raise PromptError(f"{path.parent}: cannot read prompts ({exc})") from exc
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise PromptError(f"{path}: must map keys to strings")
        messages[lang] = data
    first, second = LANGS
    for key in sorted(set(messages[first]) ^ set(messages[second])):
        side = second if key in messages[first] else first
        raise PromptError(f"prompts/{side}/messages.yaml: template {key!r} is missing")
    for key in messages[first]:
        a, b = placeholders(messages[first][key]), placeholders(messages[second][key])
        if a != b:
            raise PromptError(f"template {key!r}: placeholders differ ({sorted(a)} vs {sorted(b)})")
    if placeholders(system[first]) != {"passages"} or placeholders(system[second]) != {"passages"}:
        raise PromptError("system.md must use exactly the {passages} placeholder in both languages")
    return Prompts(messages=messages, system=system)
