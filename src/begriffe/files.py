"""Find the files to check: explicit paths and directories walked in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from begriffe.errors import os_reason
from begriffe.readers import READERS

SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".nox", ".mypy_cache",
     ".pytest_cache", ".ruff_cache", "site-packages", "build", "dist"}
)


@dataclass(frozen=True, slots=True)
class Found:
    """A path to check; ``explicit`` if the user named it directly."""

    path: Path
    explicit: bool


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A directory that could not be listed."""

    path: Path
    reason: str


def discover(paths: Iterable[Path], *, suffixes: Iterable[str] | None = None) -> Iterator[Found | Unreadable]:
    """Explicit files as given; directories walked for supported suffixes, without duplicates."""
    wanted = frozenset(s.lower() for s in (suffixes or READERS))
    seen: set[object] = set()
    for path in paths:
        if path.is_dir():
            for item in _walk(path, wanted):
                key = identity(item.path) if isinstance(item, Found) else item.path
                if key not in seen:
                    seen.add(key)
                    yield item
            continue
        key = identity(path) if path.exists() else path
        if key not in seen:
            seen.add(key)
            yield Found(path, explicit=True)


def identity(path: Path) -> object:
    """What makes two paths the same file: device and inode (one stat; resolving every path of
    a big tree costs more), or the path itself when it cannot be stat'ed (a symlink loop)."""
    try:
        info = path.stat()
    except (OSError, RuntimeError):
        return path
    return info.st_dev, info.st_ino


def _walk(root: Path, wanted: frozenset[str]) -> Iterator[Found | Unreadable]:
    errors: list[OSError] = []
    for directory, dirs, names in os.walk(root, onerror=errors.append, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(names):
            if name.startswith(".") or ".begriffe." in name:
                continue
            path = Path(directory) / name
            if path.suffix.lower() in wanted and (path.is_file() or path.is_symlink()):
                yield Found(path, explicit=False)
        while errors:
            error = errors.pop()
            yield Unreadable(Path(error.filename or directory), os_reason(error))
