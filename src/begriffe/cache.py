"""A small on-disk cache for compiled data, keyed by content hashes.

A corrupt, stale or unwritable cache is ignored (and rebuilt), never an error. Files are
written to a temporary name and renamed, so readers never see half a file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FORMAT = 3
MAX_HASHED_BYTES = 64 * 1024 * 1024
KEEP_PER_KIND = 8


def cache_dir() -> Path | None:
    """The user cache directory, or None when caching is switched off."""
    if os.environ.get("BEGRIFFE_NO_CACHE"):
        return None
    custom = os.environ.get("BEGRIFFE_CACHE_DIR")
    if custom:
        return Path(custom)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("begriffe", appauthor=False))


def content_key(*parts: str | bytes, files: Iterable[Path] = ()) -> str:
    """SHA-256 over ``parts`` and the names and contents of ``files``."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    for path in sorted(files):
        digest.update(str(path.name).encode())
        try:
            info = path.stat()
            if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_HASHED_BYTES:
                digest.update(path.read_bytes())
            else:  # a device or pipe would be read forever; the loader rejects such files anyway
                digest.update(f"<special {info.st_mode} {info.st_size} {info.st_mtime_ns}>".encode())
        except OSError:
            digest.update(b"<unreadable>")
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """Load ``kind``/``key`` from the cache, or build it and try to store it."""
    directory = cache_dir()
    path = directory / f"{kind}-{key}.pickle" if directory else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)  # noqa: S301 - the user's own cache directory
            _touch(path)
            return value
        except Exception:  # noqa: BLE001 - any corrupt cache file is rebuilt
            pass
    value = build()
    if path is not None:
        store(path, value)
    return value


def store(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically and prune older files of its kind; silently give
    up if that is impossible."""
    try:
        from begriffe.atomic import write_atomic

        write_atomic(path, lambda handle: pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return
    prune(path)


def _touch(path: Path) -> None:
    """Mark a cache file as used, so that pruning keeps it."""
    try:
        os.utime(path)
    except OSError:
        return


def prune(path: Path, keep: int = KEEP_PER_KIND) -> None:
    """Remove all but the ``keep`` newest cache files of ``path``'s kind (stale keys pile up:
    every glossary edit or upgrade makes a new one)."""
    kind = path.name.rsplit("-", 1)[0]
    try:
        siblings = sorted(path.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in siblings[keep:]:
            stale.unlink()
    except OSError:
        return


def package_version() -> str:
    """begriffe's version (part of every cache key)."""
    from begriffe import __version__

    return __version__
