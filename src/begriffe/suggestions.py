"""Suggestions that fit the sentence: the preferred terms, declined for the slot of a match.

„den Asylanten“ → „Asylsuchenden“, „mit illegalen Migranten“ → „irregulär aufhältigen
Migrantinnen und Migranten“, „dunkelhäutigen“ → „Schwarzen“. A term keeps its written form
when the slot is ambiguous, when begriffe cannot decline it, and for compounds matched by one of
their parts (Asylantenunterkunft).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from begriffe import inflection
from begriffe.entries import Entry, WordClass
from begriffe.matching import Match, MatchKind
from begriffe.patterns import PatternSet
from begriffe.sentences import Sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

CONTEXT_WORDS = 6
MIN_IMAGE_HEAD = 3


class Suggester:
    """Declines preferred terms with the tables compiled into a PatternSet."""

    def __init__(self, patterns: PatternSet) -> None:
        self.p = patterns

    def suggest(self, doc: Doc, match: Match, entry: Entry, sentences: Sentences) -> tuple[str, ...]:
        """The entry's preferred terms in the form the match's place in the sentence needs."""
        if entry.pos is WordClass.VERB:
            return entry.preferred
        if entry.pos is WordClass.ADJECTIVE and match.kind is MatchKind.WORD:
            ending = self._adjective_ending(doc[match.start].norm_)
            return tuple(inflection.decline_adjective(term, ending) for term in entry.preferred)
        head = self._head(doc, match)
        noun = self.p.readings.get(head[1]) if head is not None else None
        if head is None or noun is None:
            return entry.preferred
        start = max(sentences.bounds(match.start)[0], match.start - CONTEXT_WORDS)
        before = [t.text for t in doc[start : match.start]]
        inner = [t.text for t in doc[match.start : head[0]]]
        readings, marked = inflection.context_readings(noun, inner, before)
        return tuple(self._decline(term, readings, marked) for term in entry.preferred)

    def _decline(self, term: str, readings: frozenset[inflection.Reading], marked: bool) -> str:
        table = self.p.inflections.get(term)
        return (inflection.inflect(table, readings, marked) if table else None) or term

    def _head(self, doc: Doc, match: Match) -> tuple[int, str] | None:
        """Token index and normalized form of the noun that decides the slot, if there is one."""
        norm = doc[match.start].norm_
        if match.kind is MatchKind.WORD:
            return match.start, norm
        if match.kind is MatchKind.PHRASE:
            offset = self.p.phrase_heads.get((match.rule, match.end - match.start))
            return None if offset is None else (match.start + offset, doc[match.start + offset].norm_)
        if match.kind is not MatchKind.METAPHOR or norm in self.p.image_verbs:
            return None
        if match.end - match.start > 1:  # „Welle von Flüchtlingen“
            return match.start, norm
        for start in range(len(norm) - MIN_IMAGE_HEAD + 1):  # „Migrationswelle“ declines like „Welle“
            if norm[start:] in self.p.image_heads:
                return match.start, norm[start:]
        return None

    def _adjective_ending(self, norm: str) -> str:
        """The ending of a matched adjective after its base form („dunkelhäutigen“ → „en“)."""
        lemma = self.p.lemmas.get(norm, norm)
        ending = norm[len(lemma) :] if norm.startswith(lemma) else ""
        return ending if ending in inflection.ENDINGS else ""
