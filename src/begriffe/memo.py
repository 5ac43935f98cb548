"""Remembered analyses of paragraphs: within a run, and across runs in the user cache.

A paragraph's findings depend only on its text, whether it is a quotation, whether it is
Markdown, the compiled glossary and the options, so a paragraph seen before (boilerplate in
many council drafts, or an unchanged paragraph at the next commit) is never analysed again.
Across runs only paragraphs that needed spaCy are stored: those are the expensive ones.
The store is keyed by everything that shapes an analysis (glossary, rules, options and the
package's own code); a corrupt, stale or unwritable store is ignored, never an error.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from begriffe import cache
from begriffe.entries import ContextKind, Entry, Severity
from begriffe.findings import Located

MEMORY_LIMIT = 20_000
STORE_LIMIT = 50_000
PACKAGE_SOURCES = tuple(sorted(Path(__file__).parent.glob("*.py")))

Key = tuple[str, bool, bool]
"""A paragraph as the analysis sees it: its text, whether it is a quotation, whether Markdown."""

StoredMatch = tuple[str, int, int, str, tuple[str, ...], tuple[str, ...]]
"""A judged match without its Entry: rule, start, end, severity, contexts, suggestions."""

Stored = tuple[tuple[StoredMatch, ...], tuple[tuple[str, int, int], ...]]
"""An analysis without Entry objects: judged matches and usages."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one paragraph yields, in paragraph offsets: judged matches and uses of counted terms."""

    located: tuple[Located, ...] = ()
    usages: tuple[tuple[str, int, int], ...] = ()


NOTHING = Analysis()


def store_path(*identity: str) -> Path | None:
    """Where analyses made under ``identity`` (glossary key, options) are kept, or None."""
    directory = cache.cache_dir()
    if directory is None:
        return None
    key = cache.content_key(cache.package_version(), *identity, *map(_stamp, PACKAGE_SOURCES))
    return directory / f"paragraphs-{key}.pickle"


def _stamp(path: Path) -> str:
    """A source file's name, size and modification time: every edit or install changes it, and
    it costs one stat instead of reading the package's code on every run."""
    try:
        info = path.stat()
    except OSError:
        return f"{path.name} -"
    return f"{path.name} {info.st_size} {info.st_mtime_ns}"


class ParagraphMemo:
    """Analyses by paragraph; ``store`` (a file in the user cache) makes them outlive the run."""

    def __init__(self, entries: Mapping[str, Entry], store: Path | None = None) -> None:
        self.entries = entries
        self.store = store
        self._memory: dict[Key, Analysis] = {}
        self._stored: dict[bytes, Stored] | None = None
        self.added: dict[bytes, Stored] = {}

    def get(self, key: Key) -> Analysis | None:
        """The remembered analysis of ``key``, if any."""
        found = self._memory.get(key)
        if found is None and self.store is not None:
            stored = self.load().get(_digest(key))
            if stored is not None:
                found = self._unpack(stored)
                if found is not None:
                    self._remember(key, found)
        return found

    def put(self, key: Key, analysis: Analysis, *, durable: bool = True) -> Analysis:
        """Remember ``analysis``; ``durable`` ones are also written to the store by ``save``."""
        if durable and self.store is not None:
            self.added[_digest(key)] = _pack(analysis)
        return self._remember(key, analysis)

    def absorb(self, added: Mapping[bytes, Stored]) -> None:
        """Take over analyses another process added (to be saved by this one)."""
        if self.store is not None:
            self.added.update(added)

    def save(self) -> None:
        """Merge new analyses into the store (at most STORE_LIMIT; older ones make room)."""
        if self.store is None or not self.added:
            return
        stored = self.load()
        if len(stored) + len(self.added) > STORE_LIMIT:
            stored = {}
        stored.update(self.added)
        cache.store(self.store, stored)
        self.added = {}

    def _remember(self, key: Key, analysis: Analysis) -> Analysis:
        if len(self._memory) >= MEMORY_LIMIT:
            self._memory.clear()
        self._memory[key] = analysis
        return analysis

    def load(self) -> dict[bytes, Stored]:
        """The analyses kept by earlier runs (read from the store once)."""
        if self._stored is None:
            self._stored = {}
            if self.store is not None and self.store.is_file():
                try:
                    with self.store.open("rb") as handle:
                        loaded = pickle.load(handle)  # noqa: S301 - the user's own cache directory
                    if isinstance(loaded, dict):
                        self._stored = loaded
                except Exception:  # noqa: BLE001, S110 - a corrupt store is simply not used
                    pass
        return self._stored

    def _unpack(self, stored: Stored) -> Analysis | None:
        try:
            located, usages = stored
            return Analysis(
                tuple(
                    Located(self.entries[rule], start, end, Severity(level), frozenset(map(ContextKind, kinds)), hints)
                    for rule, start, end, level, kinds, hints in located
                ),
                tuple(usages),
            )
        except (KeyError, ValueError, TypeError):  # written by another version: analyse afresh
            return None


def _pack(analysis: Analysis) -> Stored:
    located = tuple(
        (
            item.entry.id, item.start, item.end, item.severity.value,
            tuple(sorted(k.value for k in item.contexts)), item.suggestions,
        )
        for item in analysis.located
    )
    return located, analysis.usages


def _digest(key: Key) -> bytes:
    text, quoted, markdown = key
    return hashlib.blake2b(f"{int(quoted)}{int(markdown)}{text}".encode(), digest_size=16).digest()
