"""The C YAML reader builds exactly what the pure-Python safe loader builds, and stays safe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.yamlio import read_yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = sorted([*ROOT.glob("prompts/*/*.yaml"), *ROOT.glob("corpus/*.yaml")])


def test_the_project_has_yaml_data_to_read() -> None:
    assert len(DATA) >= 10


@pytest.mark.parametrize("path", DATA, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_data_file_reads_the_same_as_the_safe_loader(path: Path) -> None:
    assert read_yaml(path) == yaml.safe_load(path.read_text(encoding="utf-8"))


def test_unsafe_tags_are_refused(tmp_path: Path) -> None:
    evil = tmp_path / "evil.yaml"
    evil.write_text("x: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError):
        read_yaml(evil)


def test_text_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "id.yaml"
    path.write_text('salam: "Halo, apa kabar? — ≈ Rp 15 juta"\n', encoding="utf-8")
    assert read_yaml(path) == {"salam": "Halo, apa kabar? — ≈ Rp 15 juta"}
