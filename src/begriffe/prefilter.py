"""Decide cheaply, without spaCy, whether a paragraph can produce anything at all.

Stage 1 is one Aho-Corasick scan over every form the glossary and rules can match. Stage 2
looks at the words around each hit: a paragraph goes on to spaCy only if one of them is a
rule that can report (under the current options), a term the document rules count, a phrase
anchor or a metaphor word. Words are analysed in several cuts (whole, and split at hyphens,
slashes and gender marks) so that no tokenisation spaCy might choose is missed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from begriffe.morphology import WordAnalyzer, normalize
from begriffe.normalize import INVISIBLE
from begriffe.patterns import PatternSet

WORD_CHARS = re.compile(r"[\w:*_·/'’()\-]+")
CUTS = re.compile(r"[/:*_·()'’\-]+")


class Prefilter:
    """``may_match(text)`` is False only if no rule can match anywhere in ``text``."""

    def __init__(self, patterns: PatternSet, analyzer: WordAnalyzer, relevant: Callable[[str], bool]) -> None:
        self.p = patterns
        self.analyzer = analyzer
        self.relevant = relevant
        self._words: dict[str, bool] = {}
        self._automaton = None

    def _scanner(self):  # noqa: ANN202 - an ahocorasick.Automaton
        if self._automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for term in self.p.scan_terms:
                automaton.add_word(term, len(term))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def may_match(self, text: str) -> bool:
        """Whether ``text`` needs the full analysis."""
        lowered = text.translate(INVISIBLE).lower()
        seen: set[tuple[int, int]] = set()
        for end, length in self._scanner().iter(lowered):
            start = end - length + 1
            word = _enclosing_word(lowered, start, end + 1)
            if word in seen:
                continue
            seen.add(word)
            if self._candidate(lowered[word[0] : word[1]]):
                return True
        return False

    def _candidate(self, word: str) -> bool:
        cached = self._words.get(word)
        if cached is None:
            cached = any(self._relevant_word(normalize(part)) for part in _cuts(word))
            self._words[word] = cached
        return cached

    def _relevant_word(self, norm: str) -> bool:
        p = self.p
        if not norm or len(norm) < 3:
            return False
        if norm in p.phrase_anchors or norm in p.image_heads or norm in p.image_verbs or norm in p.subject_forms:
            return True
        hit = self.analyzer.analyze(norm)
        if hit is not None and hit.rule and self.relevant(hit.rule):
            return True
        return self.analyzer.image(norm) is not None


def _enclosing_word(text: str, start: int, end: int) -> tuple[int, int]:
    n = len(text)
    while start > 0 and WORD_CHARS.match(text, start - 1):
        start -= 1
    while end < n and WORD_CHARS.match(text, end):
        end += 1
    return start, end


def _cuts(word: str) -> set[str]:
    """The word, and every piece and adjacent pair of pieces between separators."""
    pieces = [p for p in CUTS.split(word) if p]
    out = {word, word.strip("-/()'’:*_·")}
    out |= set(pieces)
    out |= {a + "-" + b for a, b in zip(pieces, pieces[1:])}
    return out
