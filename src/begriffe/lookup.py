"""Fuzzy, typo-tolerant lookup of glossary entries (rapidfuzz; no spaCy)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from begriffe.entries import Entry, Glossary

TRANSLIT = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
GENDER = re.compile(r"(?<=[a-zäöüß])(?:[:*_·/]-?innen|[:*_·/]-?in\b|\(inn\)en|\(innen\)|\(in\))")
BINNEN_I = re.compile(r"(?<=[a-zäöüß])In(?:nen)?\b")
MIN_SCORE = 62.0


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry found by lookup, with the matched text and a score of 0–100."""

    entry: Entry
    matched: str
    score: float


def fold(text: str) -> str:
    """Comparable form: lowercase, umlauts transliterated, extra spaces removed, and gender forms
    read as the word they are made from (Migrant:innen, Migrant*innen, MigrantInnen → migrant)."""
    s = GENDER.sub("", BINNEN_I.sub("", text.strip()).lower())
    for a, b in TRANSLIT:
        s = s.replace(a, b)
    return " ".join(re.sub(r"[^\w\s-]", " ", s).split())


def load_index(extra_glossaries: tuple[Path, ...] = (), on_build: Callable[[], None] | None = None) -> LookupIndex:
    """The lookup index of the shipped (and extra) glossary, cached on its own: a lookup then
    reads neither YAML nor the matcher's tables."""
    from begriffe import cache
    from begriffe.compiled import compiled_key, load_compiled

    key = cache.content_key(compiled_key(extra_glossaries), files=[Path(__file__)])  # fold() shapes the index
    return cache.cached("lookup", key, lambda: LookupIndex(load_compiled(extra_glossaries, on_build=on_build).glossary))


class LookupIndex:
    """Headwords, forms, ids and preferred terms of every entry, folded for comparison."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.entries = glossary.by_id()
        keys: list[str] = []
        owners: list[tuple[str, str, float]] = []
        for entry in glossary.entries:
            names = [(entry.term, 1.0), (entry.id.replace("-", " "), 1.0)]
            names += [(form, 1.0) for form in entry.forms]
            names += [(p, 0.85) for p in entry.preferred]
            for name, weight in names:
                keys.append(fold(name))
                owners.append((entry.id, name, weight))
        self.keys = keys
        self.owners = owners

    def search(self, query: str, limit: int = 5) -> list[Hit]:
        """Best entries for ``query``: exact id first, then by fuzzy score."""
        folded = fold(query)
        if not folded:
            return []
        best: dict[str, Hit] = {}
        if query.strip() in self.entries:
            entry = self.entries[query.strip()]
            best[entry.id] = Hit(entry, entry.term, 100.0)
        for index in self._shortlist(folded, limit):
            entry_id, name, weight = self.owners[index]
            score = _score(folded, self.keys[index])
            if score < MIN_SCORE:
                continue
            weighted = score * weight
            current = best.get(entry_id)
            if current is None or weighted > current.score:
                best[entry_id] = Hit(self.entries[entry_id], name, round(weighted, 1))
        ranked = sorted(best.values(), key=lambda h: (-h.score, len(h.entry.term), h.entry.id))
        return [h for h in ranked if h.score >= MIN_SCORE][:limit]

    def _shortlist(self, folded: str, limit: int) -> set[int]:
        """Keys worth scoring: rapidfuzz's own scorers (in C) pick the closest, prefixes are added."""
        from rapidfuzz import fuzz, process

        wanted = max(limit * 8, 40)
        picked: set[int] = set()
        for scorer in (fuzz.ratio, fuzz.token_set_ratio):
            picked |= {i for _, _, i in process.extract(folded, self.keys, scorer=scorer, limit=wanted, score_cutoff=MIN_SCORE)}
        if len(folded) >= 4:
            picked |= {i for i, key in enumerate(self.keys) if key.startswith(folded)}
        return picked


def _score(query: str, key: str) -> float:
    from rapidfuzz import fuzz

    if query == key:
        return 100.0
    whole = fuzz.ratio(query, key)
    if len(query) >= 4 and key.startswith(query):
        whole = max(whole, 90.0 - max(0, len(key) - len(query)) * 0.5)
    partial = fuzz.token_set_ratio(query, key) * 0.95 if " " in query or " " in key else 0.0
    return max(whole, partial)
