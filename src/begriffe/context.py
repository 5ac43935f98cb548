"""Classify the situation of a match: mention, quotation, scare quote, legal or historical text.

All cue words live in rules/context.yaml; this module only knows the shapes of the cues:
a marker or naming noun right before the term, a verb right after it, a quoted list, a
definition sentence, a renaming, a term discussed earlier in the same paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from begriffe.entries import ContextKind
from begriffe.rules import ContextCues
from begriffe.sentences import Sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from begriffe.matching import Match

ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "diese dieser dieses diesen diesem jene jener unser unsere ihre ihr sein seine".split()
)
SKIPPABLE_BEFORE = frozenset({"wie", ":", ",", "–", "-", "etwa", "also", "von", "vom", "zum", "zur"})
COORDINATORS = frozenset({",", "und", "oder", "sowie", "bzw.", "/"})
QUOTE_MARKS = frozenset("„“”\"»«‚‘’'›‹")
TERM_LIST_MIN = 3
TERM_LIST_SHARE = 0.6
SPEECH_WINDOW_BEFORE = 8
SPEECH_WINDOW_AFTER = 4
QUOTE_PAIRS = {"„": "“”\"", "»": "«", "«": "»", "‚": "‘’'", "›": "‹", "“": "”", '"': '"', "'": "'", "‘": "’"}
TIGHT_QUOTE_WORDS = 2
COMPOUND_NAMING_HEADS = ("begriff", "begriffs", "begriffe", "bezeichnung", "bezeichnungen", "wörter", "ausdruck", "ausdrucks", "vokabel")
CONCEPT_HEADS = ("begriff", "begriffs", "begriffe", "bezeichnung", "bezeichnungen")
DEFINITE = ("der", "die", "das", "den", "dem", "des", "dies", "jen", "solch")


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """What a whole sentence holds, found once per sentence rather than once per match in it."""

    last_named_noun: int
    """Index of the last naming noun after a definite word („der Begriff“), or -1."""
    mention_noun: bool
    renaming: bool


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
        self.naming_verbs = lemma_set(cues.naming_verbs)
        self.renaming = lemma_set(cues.renaming)
        markers = sorted({m.lower() for m in cues.mention_markers}, key=len, reverse=True)
        self.marker_before = re.compile(
            r"(?:^|[\s(„\"»«‚'“])(?:" + "|".join(_marker_regex(m) for m in markers) + r")\s*[„\"»«‚'“‘]?\s*$",
            re.IGNORECASE,
        )
        self.legal = re.compile(_legal_regex(cues))
        self.historical_words = re.compile(
            r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(cues.historical_cues, key=len, reverse=True)) + r")(?:e|n|en|s|es)?(?![\w])"
        )
        self.before_year = cues.historical_before_year
        self.min_quote_words = cues.quotation_min_words

    def is_mention_noun(self, lemma: str) -> bool:
        """A naming noun, also at the end of a compound (NS-Begriff, Schimpfwörter)."""
        if lemma in self.mention_nouns:
            return True
        return lemma.endswith(COMPOUND_NAMING_HEADS)


def _marker_regex(marker: str) -> str:
    escaped = re.escape(marker).replace(r"\ ", r"\s+")
    return escaped if marker.endswith(".") else escaped + r"\w*"


def _legal_regex(cues: ContextCues) -> str:
    marks = [r"§", r"\bArt\.\s*\d", r"\bArtikel\s+\d", r"\bAbs\.\s*\d", r"\bi\.\s?V\.\s?m\."]
    names = sorted({*cues.laws, *cues.authorities}, key=len, reverse=True)
    words = "|".join(re.escape(n) for n in names)
    return "|".join(marks) + (r"|(?<![\w-])(?:" + words + r")(?![\w-])" if words else "")


ITALICS = re.compile(r"(?<![*_\w])([*_])(?![*_\s])([^*_\n]+?)(?<!\s)\1(?![*_\w])")
YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d)(?!\d)")
DECADE = re.compile(
    r"(?<![\w])(?:19)?([2-8]0)er(?:[\s-]*Jahre\w*)?|(?:zwanziger|dreißiger|vierziger|fünfziger|sechziger|siebziger|achtziger)\s+Jahre",
    re.IGNORECASE,
)


class DocContext:
    """Context of the matches in one paragraph (a spaCy Doc), classified in text order.

    ``matches`` are all glossary matches of the doc (recommended terms included): a sentence
    that mostly enumerates glossary terms talks about them.
    """

    def __init__(
        self, doc: Doc, cues: CueSet, matches: list[Match] | None = None, *, markdown: bool = False,
        sentences: Sentences | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.cues = cues
        self.markdown = markdown
        self.sentences = sentences or Sentences(doc)
        self._sentence_flags: dict[int, frozenset[ContextKind]] = {}
        self._sentence_cues: dict[int, SentenceCues] = {}
        self._term_lists = _term_list_sentences(doc, matches or [], self.sentences)
        self._definition_sentences: set[int] = set()
        self._legal_paragraph = bool(cues.legal.search(self.text))

    @cached_property
    def quotes(self) -> list[Quote]:
        """Quotations in the text; an unclosed one runs to the end of the paragraph."""
        return find_quotes(self.text)

    @cached_property
    def quotes_by_close(self) -> dict[int, Quote]:
        """Quotations by the position of their closing mark."""
        return {q.close_pos: q for q in self.quotes}

    @cached_property
    def titles(self) -> list[tuple[int, int]]:
        """Markdown italics of two or more words, the usual way to set a title (*Das Boot ist voll*)."""
        if not self.markdown:
            return []
        return [m.span() for m in ITALICS.finditer(self.text) if len(m.group(2).split()) >= 2]

    def classify(self, match: Match) -> frozenset[ContextKind]:
        """The contexts that apply to ``match`` (call in text order)."""
        kinds: set[ContextKind] = set()
        sentence = self.sentences.span(match.start)
        quote = self._enclosing_quote(match)
        tight = quote is not None and quote.words <= TIGHT_QUOTE_WORDS + (match.end - match.start - 1)
        if self._is_mention(match, quote if tight else None, sentence):
            kinds.add(ContextKind.MENTION)
        elif quote is not None:
            kinds.add(ContextKind.SCARE_QUOTE if tight and quote.words < self.cues.min_quote_words else ContextKind.QUOTATION)
        elif any(start <= match.start_char and match.end_char <= end for start, end in self.titles):
            kinds.add(ContextKind.QUOTATION)
        kinds |= self._sentence_kinds(sentence)
        return frozenset(kinds)

    def _enclosing_quote(self, match: Match) -> Quote | None:
        best = None
        for quote in self.quotes:
            if quote.open_pos < match.start_char and match.end_char <= quote.close_pos:
                if best is None or quote.open_pos > best.open_pos:
                    best = quote
        return best

    def _is_mention(self, match: Match, tight: Quote | None, sentence: Span) -> bool:
        doc, cues = self.doc, self.cues
        if sentence.start in self._term_lists or sentence.start in self._definition_sentences:
            return True
        if self._denied(match, sentence) or self._names_a_concept(match):
            return True
        start_char = self._list_start(tight.open_pos) if tight else self._list_start(match.start_char, quoted=False)
        if cues.marker_before.search(self.text[max(0, start_char - 40) : start_char + (1 if tight else 0)]):
            return True
        before = self._word_before(start_char)
        if before is not None and cues.is_mention_noun(doc[before].lemma_):
            return True
        if self._named_by_verb(start_char, match, sentence):
            return True
        end_char = tight.close_pos + 1 if tight else match.end_char
        after = self._token_after(end_char)
        named_first = self._starts_phrase(tight.open_pos, sentence) if tight else self._opens_sentence(match, sentence)
        if after is not None and named_first:
            word = doc[after].lower_
            if word in cues.verbs_after:
                self._definition_sentences.add(sentence.start)
                return True
            if tight and word in cues.copulas_after and self._cues_of(sentence).mention_noun:
                return True
        if self._cues_of(sentence).last_named_noun > match.end:
            # „Kriminelle Asylanten – mit diesem Slogan …“, „…; der Begriff ist …“: the sentence
            # goes on to call the term a word.
            return True
        if tight and self._speech_about_near(tight, sentence):
            return True
        return self._cues_of(sentence).renaming

    def _cues_of(self, sentence: Span) -> SentenceCues:
        found = self._sentence_cues.get(sentence.start)
        if found is None:
            doc, cues = self.doc, self.cues
            named = [
                i for i in range(sentence.start + 1, sentence.end)
                if cues.is_mention_noun(doc[i].lemma_) and doc[i - 1].lower_.startswith(DEFINITE)
            ]
            found = SentenceCues(
                last_named_noun=named[-1] if named else -1,
                mention_noun=any(cues.is_mention_noun(t.lemma_) for t in sentence),
                renaming=any(t.lemma_ in cues.renaming for t in sentence),
            )
            self._sentence_cues[sentence.start] = found
        return found

    def _denied(self, match: Match, sentence: Span) -> bool:
        """„Es gibt keine Rassen“, „Rassen gibt es nicht“: the concept itself is denied."""
        doc = self.doc
        before = doc[max(sentence.start, match.start - 1)].lower_ if match.start > sentence.start else ""
        window = {t.lower_ for t in doc[max(sentence.start, match.start - 4) : min(sentence.end, match.end + 4)]}
        if before == "keine" and ("gibt" in window or "gebe" in window or "existieren" in window):
            return True
        after = [t.lower_ for t in doc[match.end : min(sentence.end, match.end + 4)]]
        return after[:3] in (["gibt", "es", "nicht"], ["gebe", "es", "nicht"]) or after[:2] == ["existieren", "nicht"]

    def _names_a_concept(self, match: Match) -> bool:
        """A compound whose head is a naming noun talks about the word: Rassenbegriff, Rassenkonzept."""
        token = self.doc[match.end - 1]
        norm = token.norm_
        return any(norm.endswith(noun) and len(norm) > len(noun) + 3 for noun in CONCEPT_HEADS)

    def _word_before(self, char: int) -> int | None:
        """The word before ``char``, skipping quote marks, list words and articles."""
        doc = self.doc
        i = self._token_before(char)
        while i is not None and i >= 0 and (doc[i].text in QUOTE_MARKS or doc[i].lower_ in SKIPPABLE_BEFORE or doc[i].lower_ in ARTICLES):
            i -= 1
        return i if i is not None and i >= 0 else None

    def _named_by_verb(self, start_char: int, match: Match, sentence: Span) -> bool:
        """„als X bezeichnen“, „von X sprechen“, „ob man X schreibt“: the word is being named."""
        doc = self.doc
        i = self._token_before(start_char)
        while i is not None and i >= sentence.start and doc[i].text in QUOTE_MARKS:
            i -= 1
        if i is None or i < sentence.start:
            return False
        hi = min(sentence.end, match.end + SPEECH_WINDOW_AFTER + 2)
        verb_after = any(doc[k].lemma_ in self.cues.naming_verbs for k in range(match.end, hi))
        if doc[i].lower_ in ("als", "von", "vom") and verb_after:
            return True
        close = range(match.end, min(sentence.end, match.end + 2))
        impersonal = any(doc[k].lower_ == "man" for k in range(max(sentence.start, i - 2), i + 1))
        return impersonal and any(doc[k].lemma_ in self.cues.naming_verbs for k in close)

    def _speech_about_near(self, quote: Quote, sentence: Span) -> bool:
        """Talk about words close to a quoted term („Sie sprach von „Umvolkung““)."""
        doc = self.doc
        first = self._token_before(quote.open_pos)
        last = self._token_after(quote.close_pos + 1)
        lo = max(sentence.start, (first if first is not None else sentence.start) - SPEECH_WINDOW_BEFORE + 1)
        hi = min(sentence.end, (last if last is not None else sentence.end) + SPEECH_WINDOW_AFTER)
        return any(doc[i].lemma_ in self.cues.speech_about for i in range(lo, hi))

    def _list_start(self, start: int, *, quoted: bool = True) -> int:
        """Start of the first item of a list („A“, „B“ oder „C“ / A, B oder C) ending at ``start``."""
        doc = self.doc
        by_close = self.quotes_by_close
        while True:
            i = self._token_before(start)
            if i is None or i < 1 or doc[i].lower_ not in COORDINATORS:
                return start
            previous = doc[i - 1]
            if quoted:
                quote = by_close.get(previous.idx)
                if quote is None:
                    return start
                start = quote.open_pos
            elif previous.is_alpha and previous.text[:1].isupper():
                start = previous.idx
            else:
                return start

    def _opens_sentence(self, match: Match, sentence: Span) -> bool:
        """The unquoted term is the first word of its sentence („Asylant bezeichnet …“)."""
        first = sentence.start
        while first < match.start and (self.doc[first].is_space or self.doc[first].text in QUOTE_MARKS):
            first += 1
        return first == match.start

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
        if char >= len(self.text):
            return None
        span = doc.char_span(char, min(len(self.text), char + 1), alignment_mode="expand")
        if span is None:
            return None
        i = span.start
        while i < len(doc) and (doc[i].is_space or doc[i].idx < char):
            i += 1
        return i if i < len(doc) else None

    def _sentence_kinds(self, sentence: Span) -> frozenset[ContextKind]:
        """Legal context is a property of the paragraph, historical narration of the sentence."""
        cached = self._sentence_flags.get(sentence.start)
        if cached is not None:
            return cached
        kinds = set()
        if self._legal_paragraph:
            kinds.add(ContextKind.LEGAL)
        if self._historical(sentence.text):
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


def _term_list_sentences(doc: Doc, matches: list[Match], sentences: Sentences) -> frozenset[int]:
    """Starts of sentences that mostly enumerate glossary terms."""
    per_sentence: dict[int, list[Match]] = {}
    for match in matches:
        per_sentence.setdefault(sentences.bounds(match.start)[0], []).append(match)
    lists = set()
    for start, found in per_sentence.items():
        if len(found) < TERM_LIST_MIN:
            continue
        sentence = sentences.span(start)
        words = sum(1 for t in sentence if t.is_alpha)
        covered = sum(1 for m in found for t in doc[m.start : m.end] if t.is_alpha or "-" in t.text)
        if words and covered / words >= TERM_LIST_SHARE:
            lists.add(start)
    return frozenset(lists)


def find_quotes(text: str) -> list[Quote]:
    """Quotations in ``text`` (German, French, English and straight quotes).

    An opening mark that is never closed starts a quotation that runs to the end of the text
    (a quotation cut off by the end of a paragraph or excerpt).
    """
    stack: list[tuple[str, int]] = []
    found: list[tuple[int, int]] = []
    n = len(text)
    for pos, char in enumerate(text):
        if char not in QUOTE_PAIRS and char not in "“”«’‘‹":
            continue
        if stack and char in QUOTE_PAIRS.get(stack[-1][0], ""):
            if char == "'" and pos + 1 < n and text[pos + 1].isalpha():
                continue
            _opener, start = stack.pop()
            found.append((start, pos))
            continue
        if char in QUOTE_PAIRS:
            if char in "'‘" and pos > 0 and text[pos - 1].isalnum():
                continue
            if pos + 1 < n and text[pos + 1].isspace() and char in "\"'":
                continue
            stack.append((char, pos))
    for opener, start in stack:
        if opener in "„»«" and start + 1 < n and not text[start + 1].isspace():
            found.append((start, n))
    quotes = []
    for start, end in sorted(found):
        inner = text[start + 1 : end]
        words = len(re.findall(r"[^\W\d_][\w:*/-]*", inner))
        quotes.append(Quote(start, end, words))
    return quotes
