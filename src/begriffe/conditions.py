"""Evaluate an entry's ``when``/``unless`` conditions on a match (simple German morphology)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from begriffe.entries import Condition, Entry, WordClass

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from begriffe.matching import Match

MIN_AFFIX = 4


class ConditionChecker:
    """Checks conditions against tokens; condition words are compared by lemma."""

    def __init__(self, lemmas: dict[str, str]) -> None:
        self.lemmas = lemmas
        self._sets: dict[frozenset[str], frozenset[str]] = {}

    def applies(self, entry: Entry, doc: Doc, match: Match) -> bool:
        """True when the match satisfies ``when`` (if any) and no ``unless``."""
        if entry.when and not any(self.holds(c, doc, match) for c in entry.when):
            return False
        return not any(self.holds(c, doc, match) for c in entry.unless)

    def holds(self, condition: Condition, doc: Doc, match: Match) -> bool:
        """Whether every part of one condition holds."""
        if condition.pos is not None and word_class(doc, match) is not condition.pos:
            return False
        if condition.prev and not self._hit(self._neighbour(doc, match.start, -1), condition.prev):
            return False
        if condition.next and not self._hit(self._neighbour(doc, match.end - 1, +1), condition.next):
            return False
        if condition.near:
            sentence = doc[match.start].sent
            lo = max(sentence.start, match.start - condition.window)
            hi = min(sentence.end, match.end + condition.window)
            if not any(self._hit(doc[i], condition.near) for i in range(lo, hi)):
                return False
        if condition.sentence and not any(self._hit(t, condition.sentence) for t in doc[match.start].sent):
            return False
        return True

    def _words(self, words: frozenset[str]) -> frozenset[str]:
        found = self._sets.get(words)
        if found is None:
            found = frozenset({w.lower() for w in words} | {self.lemmas.get(w.lower(), w.lower()) for w in words})
            self._sets[words] = found
        return found

    def _hit(self, token: Token | None, words: frozenset[str]) -> bool:
        if token is None:
            return False
        wanted = self._words(words)
        if token.lemma_ in wanted or token.norm_ in wanted:
            return True
        norm = token.norm_
        return any(len(w) >= MIN_AFFIX and (norm.startswith(w) or norm.endswith(w)) for w in wanted)

    @staticmethod
    def _neighbour(doc: Doc, i: int, step: int) -> Token | None:
        j = i + step
        while 0 <= j < len(doc) and (doc[j].is_space or doc[j].is_quote):
            j += step
        return doc[j] if 0 <= j < len(doc) else None


def word_class(doc: Doc, match: Match) -> WordClass:
    """Noun if capitalised and not directly followed by a capitalised word (an adjective would be)."""
    token = doc[match.end - 1]
    if not token.text[:1].isupper():
        return WordClass.ADJECTIVE
    j = match.end
    while j < len(doc) and (doc[j].is_space or doc[j].is_quote):
        j += 1
    if j < len(doc):
        nxt = doc[j]
        if nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_sent_start:
            return WordClass.ADJECTIVE
    return WordClass.NOUN
