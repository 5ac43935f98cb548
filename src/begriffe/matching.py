"""Find glossary matches in a spaCy Doc: words, compounds, phrases and metaphor patterns."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from begriffe.morphology import How, WordAnalyzer, WordHit
from begriffe.patterns import EXCEPTION, PatternSet
from begriffe.sentences import Sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

MAX_SPLIT_GAP = 3
VERB_WINDOW = 5
TRUNCATION_JOINERS = frozenset({"und", "oder", "bzw.", "sowie", ","})
MIN_TRUNCATED_HEAD = 3


class MatchKind(str, Enum):
    """How a match was found."""

    WORD = "word"
    COMPOUND = "compound"
    PHRASE = "phrase"
    METAPHOR = "metaphor"


_PRIORITY = {MatchKind.WORD: 3, MatchKind.PHRASE: 3, MatchKind.METAPHOR: 2, MatchKind.COMPOUND: 1}


@dataclass(frozen=True, slots=True)
class Match:
    """A rule matched on tokens [start, end) of a Doc, characters [start_char, end_char)."""

    rule: str
    start: int
    end: int
    start_char: int
    end_char: int
    kind: MatchKind

    @property
    def is_exception(self) -> bool:
        """True for correct names that only block shorter matches."""
        return self.rule == EXCEPTION


class TermMatcher:
    """Matches compiled patterns in Docs made by ``begriffe.nlp.build_nlp``."""

    def __init__(self, patterns: PatternSet, analyzer: WordAnalyzer, vocab: Vocab) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        self.p = patterns
        self.analyzer = analyzer
        self.phrase_matcher = PhraseMatcher(vocab, attr="LEMMA")
        for rule, sequences in patterns.phrases.items():
            key = rule or "__exception__"
            self.phrase_matcher.add(key, [Doc(vocab, words=list(seq), lemmas=list(seq)) for seq in sequences])

    def find_matches(self, doc: Doc, sentences: Sentences | None = None) -> list[Match]:
        """All non-overlapping matches in ``doc``, in text order; longest and most specific win."""
        sentences = sentences or Sentences(doc)
        candidates = [*self._word_matches(doc), *self._phrase_matches(doc), *self._metaphor_matches(doc, sentences)]
        return _resolve_overlaps(candidates)

    def _word_matches(self, doc: Doc) -> list[Match]:
        out = []
        analyze, image = self.analyzer.analyze, self.analyzer.image
        for token in doc:
            norm = token.norm_
            if len(norm) < 3 or not norm[0].isalpha():
                continue
            start, end = token.idx, token.idx + len(token.text)
            if norm.endswith("-"):
                hit = self._truncated(doc, token.i)
                if hit is not None:
                    out.append(Match(hit.rule, token.i, token.i + 1, start, end, MatchKind.COMPOUND))
                continue
            hit = analyze(norm)
            if hit is not None:
                kind = MatchKind.WORD if hit.how is How.EXACT else MatchKind.COMPOUND
                out.append(Match(hit.rule, token.i, token.i + 1, start, end, kind))
            if hit is None or hit.how is not How.EXACT:
                pic = image(norm)
                if pic is not None:
                    out.append(Match(pic.rule, token.i, token.i + 1, start, end, MatchKind.METAPHOR))
        return out

    def _truncated(self, doc: Doc, i: int) -> WordHit | None:
        """A truncated first part: „Armuts- und Kriegsflüchtlinge“ reads Armuts[flüchtlinge]."""
        if i + 2 >= len(doc) or doc[i + 1].lower_ not in TRUNCATION_JOINERS or not doc[i + 2].is_alpha:
            return None
        first = doc[i].norm_.rstrip("-")
        second = doc[i + 2].norm_
        for cut in range(MIN_TRUNCATED_HEAD, len(second) - MIN_TRUNCATED_HEAD + 1):
            head = second[cut:]
            if not self.analyzer.is_head(head):
                continue
            hit = self.analyzer.analyze(first + head)
            if hit is not None and hit.rule and (hit.how is How.EXACT or (hit.how is How.MODIFIER and hit.covered >= len(first))):
                return hit
        return None

    def _phrase_matches(self, doc: Doc) -> list[Match]:
        out = []
        strings = doc.vocab.strings
        for key, start, end in self.phrase_matcher(doc):
            name = strings[key]
            rule = EXCEPTION if name == "__exception__" else name
            span = doc[start:end]
            out.append(Match(rule, start, end, span.start_char, span.end_char, MatchKind.PHRASE))
        return out

    def _metaphor_matches(self, doc: Doc, sentences: Sentences) -> list[Match]:
        out = []
        heads, verbs, linkers = self.p.image_heads, self.p.image_verbs, self.p.linkers
        for token in doc:
            norm = token.norm_
            rule = heads.get(norm)
            if rule is not None and token.i + 1 < len(doc) and doc[token.i + 1].norm_ in linkers:
                subject = self._subject_after(doc, token.i + 2)
                if subject is not None:
                    end = doc[subject]
                    out.append(Match(rule, token.i, subject + 1, token.idx, end.idx + len(end.text), MatchKind.METAPHOR))
                continue
            rule = verbs.get(norm)
            if rule is not None and self._subject_near(doc, token.i, sentences):
                out.append(Match(rule, token.i, token.i + 1, token.idx, token.idx + len(token.text), MatchKind.METAPHOR))
        return out

    def _subject_after(self, doc: Doc, start: int) -> int | None:
        for i in range(start, min(start + MAX_SPLIT_GAP + 1, len(doc))):
            token = doc[i]
            if token.is_punct or token.is_space or token.is_sent_start:
                return None
            if self.analyzer.is_subject(token.norm_):
                return i
        return None

    def _subject_near(self, doc: Doc, i: int, sentences: Sentences) -> bool:
        start, end = sentences.bounds(i)
        lo = max(start, i - VERB_WINDOW)
        hi = min(end, i + VERB_WINDOW + 1)
        return any(self.analyzer.is_subject(doc[j].norm_) for j in range(lo, hi) if j != i)


def _resolve_overlaps(candidates: list[Match]) -> list[Match]:
    """Longest (then most specific) matches first; a match overlapping one already taken is dropped.

    The taken matches never overlap, so they stay sorted by start and each new candidate is
    checked against its two neighbours only (a paragraph full of terms stays fast)."""
    ranked = sorted(candidates, key=lambda m: (-(m.end_char - m.start_char), -_PRIORITY[m.kind], m.start_char))
    starts: list[int] = []
    taken: list[Match] = []
    for match in ranked:
        i = bisect_right(starts, match.start_char)
        if i > 0 and taken[i - 1].end_char > match.start_char:
            continue
        if i < len(taken) and taken[i].start_char < match.end_char:
            continue
        starts.insert(i, match.start_char)
        taken.insert(i, match)
    return sorted(taken, key=lambda m: (m.start_char, m.end_char))
