"""Evaluate an entry's ``when``/``unless`` conditions on a match (simple German morphology)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from begriffe.entries import Condition, Entry, WordClass
from begriffe.sentences import Sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from begriffe.matching import Match

HIT_CACHE_LIMIT = 100_000
MIN_AFFIX = 4
MIN_PREFIX = 3
LINKS = ("s", "es", "n", "en", "e", "er")
# Derivational endings after a condition word: Ehrenamt → ehrenamtliche, Asyl → asylrechtlich is a compound.
DERIVATIONS = frozenset(
    stem + ending
    for stem in ("lich", "ig", "isch", "bar", "los", "haft", "sam")
    for ending in ("", "e", "en", "er", "es", "em")
) | frozenset({"ung", "ungen", "keit", "heit", "schaft", "in", "innen", "ler", "lerin", "ling", "linge", "lingen"})


class ConditionChecker:
    """Checks conditions against tokens: a condition word stands for all its inflected forms."""

    def __init__(self, forms: dict[str, frozenset[str]], is_head: Callable[[str], bool]) -> None:
        self.forms = forms
        self.is_head = is_head
        self._sets: dict[frozenset[str], frozenset[str]] = {}
        self._hits: dict[tuple[str, str, frozenset[str]], bool] = {}
        self._scope_doc: Doc | None = None
        self._scopes: dict[tuple[frozenset[str], int, int], bool] = {}

    def applies(self, entry: Entry, doc: Doc, match: Match, sentences: Sentences) -> bool:
        """True when the match satisfies ``when`` (if any) and no ``unless``."""
        if entry.when and not any(self.holds(c, doc, match, sentences) for c in entry.when):
            return False
        return not any(self.holds(c, doc, match, sentences) for c in entry.unless)

    def holds(self, condition: Condition, doc: Doc, match: Match, sentences: Sentences) -> bool:
        """Whether every part of one condition holds."""
        if condition.pos is not None and word_class(doc, match) is not condition.pos:
            return False
        if condition.prev and not self._hit(self._neighbour(doc, match.start, -1), condition.prev):
            return False
        if condition.next and not self._hit(self._neighbour(doc, match.end - 1, +1), condition.next):
            return False
        if condition.near:
            start, end = sentences.bounds(match.start)
            lo = max(start, match.start - condition.window)
            hi = min(end, match.end + condition.window)
            if not any(self._hit(doc[i], condition.near) for i in range(lo, hi)):
                return False
        if condition.sentence and not self._in_scope(doc, condition.sentence, *sentences.bounds(match.start)):
            return False
        return not condition.paragraph or self._in_scope(doc, condition.paragraph, 0, len(doc))

    def _in_scope(self, doc: Doc, words: frozenset[str], start: int, end: int) -> bool:
        """Whether a token of doc[start:end] hits ``words``; known per doc, so a sentence with
        many matches is scanned once, not once per match."""
        if self._scope_doc is not doc:
            self._scope_doc, self._scopes = doc, {}
        key = (words, start, end)
        found = self._scopes.get(key)
        if found is None:
            found = self._scopes[key] = any(self._hit(doc[i], words) for i in range(start, end))
        return found

    def _words(self, words: frozenset[str]) -> frozenset[str]:
        found = self._sets.get(words)
        if found is None:
            found = frozenset().union(*(self.forms.get(w, frozenset({w.lower()})) for w in words))
            self._sets[words] = found
        return found

    def _hit(self, token: Token | None, words: frozenset[str]) -> bool:
        """The token is a form of a condition word, or a compound that ends (Rassehunde) or
        starts with one, the rest being a real word (Asylsuchende, not Asylant+rag)."""
        if token is None:
            return False
        key = (token.norm_, token.lemma_, words)
        found = self._hits.get(key)
        if found is None:
            if len(self._hits) >= HIT_CACHE_LIMIT:
                self._hits.clear()
            found = self._hits[key] = self._word_hits(*key)
        return found

    def _word_hits(self, norm: str, lemma: str, words: frozenset[str]) -> bool:
        wanted = self._words(words)
        if norm in wanted or lemma in wanted:
            return True
        n = len(norm)
        if any(norm[i:] in wanted for i in range(MIN_PREFIX, n - MIN_AFFIX + 1)):
            return True
        return any(norm[:i] in wanted and self._rest_is_word(norm[i:]) for i in range(MIN_AFFIX, n - MIN_PREFIX + 1))

    def _rest_is_word(self, rest: str) -> bool:
        rest = rest.lstrip("-")
        if rest in DERIVATIONS:
            return True
        return self.is_head(rest) or any(rest.startswith(link) and self.is_head(rest[len(link) :]) for link in LINKS)

    @staticmethod
    def _neighbour(doc: Doc, i: int, step: int) -> Token | None:
        j = i + step
        while 0 <= j < len(doc) and (doc[j].is_space or doc[j].is_quote):
            j += step
        return doc[j] if 0 <= j < len(doc) else None


def word_class(doc: Doc, match: Match) -> WordClass:
    """The part of speech a tagger assigned, else: noun if capitalised and not directly followed
    by a capitalised word (an attributive adjective would be)."""
    token = doc[match.end - 1]
    if token.pos_ in ("NOUN", "PROPN"):
        return WordClass.NOUN
    if token.pos_ in ("ADJ", "ADV", "VERB", "AUX"):
        return WordClass.ADJECTIVE
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
