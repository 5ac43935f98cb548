"""A small on-disk cache for compiled data, keyed by content hashes.

A corrupt, stale or unwritable cache is ignored (and rebuilt), never an error. Files are
written to a temporary name and renamed, so readers never see half a file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from begriffe.atomic import write_atomic

T = TypeVar("T")
FORMAT = 3


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
            digest.update(path.read_bytes())
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
                return pickle.load(handle)  # noqa: S301 - the user's own cache directory
        except Exception:  # noqa: BLE001 - any corrupt cache file is rebuilt
            pass
    value = build()
    if path is not None:
        store(path, value)
    return value


def store(path: Path, value: object) -> None:
    """Pickle ``value`` to ``path`` atomically; silently give up if that is impossible."""
    try:
        write_atomic(path, lambda handle: pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return


def package_version() -> str:
    """begriffe's version (part of every cache key)."""
    from begriffe import __version__

    return __version__
