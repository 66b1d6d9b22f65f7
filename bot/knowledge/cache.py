"""Arrays cached under BOT_HOME, saved with a checksum and checked on load.

A cache is only a shortcut: a truncated, emptied, zeroed or wrong-shaped file (a full disk, a
copy cut short, an old version) is logged in one line and rebuilt, never served or fatal.
"""

from __future__ import annotations

import hashlib
import logging
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np

log = logging.getLogger("bot.knowledge.cache")

CHECKSUM = "__sha256__"

Check = Callable[[Mapping[str, np.ndarray]], str | None]  # the problem with the arrays, or None


def _digest(arrays: Mapping[str, np.ndarray]) -> str:
    sha = hashlib.sha256()
    for name in sorted(arrays):
        array = np.ascontiguousarray(arrays[name])
        sha.update(f"{name}|{array.dtype.str}|{array.shape}|".encode())
        sha.update(array.tobytes())
    return sha.hexdigest()


def save_arrays(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """Write the arrays and their checksum to `path` (.npz), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, **arrays, **{CHECKSUM: np.asarray(_digest(arrays))})
    tmp.replace(path)


def load_arrays(path: Path, check: Check) -> dict[str, np.ndarray] | None:
    """The arrays saved at `path`, or None (one line logged) if missing, unreadable or wrong."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, KeyError) as exc:
        return _reject(path, f"unreadable ({type(exc).__name__}: {exc})")
    stored = arrays.pop(CHECKSUM, None)
    if stored is None or str(stored) != _digest(arrays):
        return _reject(path, "checksum mismatch")
    problem = check(arrays)
    if problem:
        return _reject(path, problem)
    return arrays


def _reject(path: Path, why: str) -> None:
    log.warning("Cache %s is %s; rebuilding it", path.name, why.replace("\n", " "))
    return None


def expect(**specs: tuple[tuple[int | None, ...], str]) -> Check:
    """A check that each named array has the shape (None: any length) and dtype kind given."""

    def check(arrays: Mapping[str, np.ndarray]) -> str | None:
        for name, (shape, kinds) in specs.items():
            array = arrays.get(name)
            if array is None:
                return f"missing {name!r}"
            if array.dtype.kind not in kinds:
                return f"{name!r} has dtype {array.dtype}"
            if len(shape) != array.ndim or any(
                want is not None and want != got
                for want, got in zip(shape, array.shape, strict=True)
            ):
                return f"{name!r} has shape {array.shape}, expected {shape}"
            if array.dtype.kind == "f" and not np.isfinite(array).all():
                return f"{name!r} holds non-finite numbers"
        return None

    return check
