"""Classify the situation of a match: mention, quotation, scare quote, legal or historical text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from begriffe.entries import ContextKind
from begriffe.rules import ContextCues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from begriffe.matching import Match

ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "diese dieser dieses diesen diesem jene jener unser unsere ihre ihr sein seine".split()
)
SKIPPABLE_BEFORE = frozenset({"wie", ":", ",", "–", "-", "etwa", "also", "von", "vom"})
COORDINATORS = frozenset({",", "und", "oder", "sowie", "bzw.", "/"})
TERM_LIST_MIN = 3
TERM_LIST_SHARE = 0.6
QUOTE_PAIRS = {"„": "“”\"", "»": "«", "«": "»", "‚": "‘’'", "›": "‹", "“": "”", '"': '"', "'": "'", "‘": "’"}
TIGHT_QUOTE_WORDS = 2


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted stretch: opening and closing mark positions, word count."""

    open_pos: int
    close_pos: int
    words: int


class CueSet:
    """Context cues compiled for fast use on many documents."""

    def __init__(self, cues: ContextCues, lemmas: dict[str, str]) -> None:
        def lemma_set(words: tuple[str, ...]) -> frozenset[str]:
            out = set()
            for word in words:
                lower = word.lower()
                out.add(lower)
                out.add(lemmas.get(lower, lower))
            return frozenset(out)

        self.cues = cues
        self.mention_nouns = lemma_set(cues.mention_nouns)
        self.verbs_after = frozenset(w.lower() for w in cues.verbs_after)
        self.copulas_after = frozenset(w.lower() for w in cues.copulas_after)
        self.speech_about = lemma_set(cues.speech_about_words)
        markers = sorted({m.lower() for m in cues.mention_markers}, key=len, reverse=True)
        self.marker_before = re.compile(
            r"(?:^|[\s(„\"»«‚'“])(?:" + "|".join(_marker_regex(m) for m in markers) + r")\s*[„\"»«‚'“‘]?\s*$",
            re.IGNORECASE,
        )
        self.legal = re.compile(_legal_regex(cues))
        self.historical_words = re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in sorted(cues.historical_cues, key=len, reverse=True)) + r")\b"
        )
        self.before_year = cues.historical_before_year
        self.min_quote_words = cues.quotation_min_words


def _marker_regex(marker: str) -> str:
    escaped = re.escape(marker).replace(r"\ ", r"\s+")
    return escaped if marker.endswith(".") else escaped + r"\w*"


def _legal_regex(cues: ContextCues) -> str:
    marks = [r"§", r"\bArt\.\s*\d", r"\bArtikel\s+\d", r"\bAbs\.\s*\d", r"\bi\.\s?V\.\s?m\."]
    names = sorted({*cues.laws, *cues.authorities}, key=len, reverse=True)
    words = "|".join(re.escape(n) for n in names)
    return "|".join(marks) + (r"|(?<![\w-])(?:" + words + r")(?![\w-])" if words else "")


YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d)(?!\d)")
DECADE = re.compile(r"(?<![\w])(?:19)?([2-8]0)er(?:[\s-]*Jahre\w*)?|(?:zwanziger|dreißiger|vierziger|fünfziger|sechziger|siebziger|achtziger)\s+Jahre", re.IGNORECASE)


class DocContext:
    """Per-document helpers: quote spans and cached sentence classifications.

    ``matches`` are all glossary matches of the doc (recommended terms included); a sentence
    that is mostly a list of glossary terms talks about the terms („Integration, Teilhabe,
    Inklusion, Person mit Migrationshintergrund?“) and counts as a mention.
    """

    def __init__(self, doc: Doc, cues: CueSet, matches: list[Match] | None = None) -> None:
        self.doc = doc
        self.cues = cues
        self._sentence_flags: dict[int, frozenset[ContextKind]] = {}
        self._term_lists = _term_list_sentences(doc, matches or [])

    @cached_property
    def quotes(self) -> list[Quote]:
        """Balanced quotations in the text, innermost last."""
        return find_quotes(self.doc.text, self.doc)

    def classify(self, match: Match) -> frozenset[ContextKind]:
        """The contexts that apply to ``match``."""
        doc = self.doc
        kinds: set[ContextKind] = set()
        quote = self._enclosing_quote(match)
        tight = quote is not None and quote.words <= TIGHT_QUOTE_WORDS + (match.end - match.start - 1)
        if doc[match.start].sent.start in self._term_lists or self._is_mention(match, quote if tight else None):
            kinds.add(ContextKind.MENTION)
        elif quote is not None:
            kinds.add(ContextKind.SCARE_QUOTE if tight and quote.words < self.cues.min_quote_words else ContextKind.QUOTATION)
        kinds |= self._sentence_kinds(doc[match.start].sent)
        return frozenset(kinds)

    def _enclosing_quote(self, match: Match) -> Quote | None:
        best = None
        for quote in self.quotes:
            if quote.open_pos < match.start_char and match.end_char <= quote.close_pos:
                if best is None or quote.open_pos > best.open_pos:
                    best = quote
        return best

    def _is_mention(self, match: Match, tight: Quote | None) -> bool:
        doc, cues = self.doc, self.cues
        first = match.start
        before_char = self._list_start(tight) if tight else match.start_char
        if cues.marker_before.search(doc.text[max(0, before_char - 40) : before_char + (1 if tight else 0)]):
            return True
        i = self._token_before(before_char)
        if i is not None and doc[i].lower_ in SKIPPABLE_BEFORE:
            i -= 1
        if i is not None and i >= 0 and doc[i].lemma_ in cues.mention_nouns:
            return True
        sentence = doc[first].sent
        after = self._token_after(tight.close_pos + 1 if tight else match.end_char)
        at_start = self._starts_phrase(tight.open_pos if tight else match.start_char, sentence)
        if after is not None and at_start:
            word = doc[after].lower_
            if word in cues.verbs_after:
                return True
            if tight and word in cues.copulas_after and any(t.lemma_ in cues.mention_nouns for t in sentence):
                return True
        if tight and any(t.lemma_ in cues.speech_about for t in sentence):
            return True
        return False

    def _list_start(self, quote: Quote) -> int:
        """Opening mark of the first quote in a list („A“, „B“ oder „C“) that ends with ``quote``."""
        doc = self.doc
        start = quote.open_pos
        by_close = {q.close_pos: q for q in self.quotes}
        while True:
            i = self._token_before(start)
            if i is None or i < 1 or doc[i].lower_ not in COORDINATORS:
                return start
            previous = by_close.get(doc[i - 1].idx)
            if previous is None:
                return start
            start = previous.open_pos

    def _starts_phrase(self, char: int, sentence: Span) -> bool:
        """No article directly before (a word is named, not a thing referred to)."""
        i = self._token_before(char)
        if i is None or i < sentence.start:
            return True
        return self.doc[i].lower_ not in ARTICLES

    def _token_before(self, char: int) -> int | None:
        doc = self.doc
        span = doc.char_span(char, char + 1, alignment_mode="expand")
        index = span.start if span is not None else None
        if index is None:
            return None
        i = index - 1
        while i >= 0 and doc[i].is_space:
            i -= 1
        return i if i >= 0 else None

    def _token_after(self, char: int) -> int | None:
        doc = self.doc
        if char >= len(doc.text):
            return None
        span = doc.char_span(char, min(len(doc.text), char + 1), alignment_mode="expand")
        if span is None:
            return None
        i = span.start
        while i < len(doc) and (doc[i].is_space or doc[i].idx < char):
            i += 1
        return i if i < len(doc) else None

    def _sentence_kinds(self, sentence: Span) -> frozenset[ContextKind]:
        cached = self._sentence_flags.get(sentence.start)
        if cached is not None:
            return cached
        text = sentence.text
        kinds = set()
        if self.cues.legal.search(text):
            kinds.add(ContextKind.LEGAL)
        if self._historical(text):
            kinds.add(ContextKind.HISTORICAL)
        result = frozenset(kinds)
        self._sentence_flags[sentence.start] = result
        return result

    def _historical(self, text: str) -> bool:
        if any(int(y) < self.cues.before_year for y in YEAR.findall(text)):
            return True
        if DECADE.search(text):
            return True
        return bool(self.cues.historical_words.search(text))


def _term_list_sentences(doc: Doc, matches: list[Match]) -> frozenset[int]:
    """Starts of sentences that mostly enumerate glossary terms."""
    per_sentence: dict[int, list[Match]] = {}
    for match in matches:
        per_sentence.setdefault(doc[match.start].sent.start, []).append(match)
    lists = set()
    for start, found in per_sentence.items():
        if len(found) < TERM_LIST_MIN:
            continue
        sentence = doc[start].sent
        words = sum(1 for t in sentence if t.is_alpha)
        covered = sum(1 for m in found for t in doc[m.start : m.end] if t.is_alpha or "-" in t.text)
        if words and covered / words >= TERM_LIST_SHARE:
            lists.add(start)
    return frozenset(lists)


def find_quotes(text: str, doc: Doc | None = None) -> list[Quote]:
    """Balanced quotations in ``text`` (German, French, English and straight quotes)."""
    stack: list[tuple[str, int]] = []
    found: list[tuple[int, int]] = []
    n = len(text)
    for pos, char in enumerate(text):
        if char not in QUOTE_PAIRS and char not in "“”«’‘‹":
            continue
        if stack and char in QUOTE_PAIRS.get(stack[-1][0], ""):
            if char == "'" and pos + 1 < n and text[pos + 1].isalpha():
                continue
            opener, start = stack.pop()
            found.append((start, pos))
            continue
        if char in QUOTE_PAIRS:
            if char in "'‘" and pos > 0 and text[pos - 1].isalnum():
                continue
            if pos + 1 < n and text[pos + 1].isspace() and char in "\"'":
                continue
            stack.append((char, pos))
    quotes = []
    for start, end in sorted(found):
        inner = text[start + 1 : end]
        words = len(re.findall(r"[^\W\d_][\w:*/-]*", inner))
        quotes.append(Quote(start, end, words))
    return quotes
