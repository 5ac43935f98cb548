"""Analyse single German words against the compiled patterns (no spaCy).

A word matches an entry as a whole word (Asylanten), as the first part of a compound
(Asylantenheim, Asylanten-Unterkunft) or as its last part (Scheinasylant). Compound parts are
checked against a German word list so that look-alikes do not match (Asylantrag is
Asyl+antrag, not Asylant+rag). The longest matched form wins. Results are cached per word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from begriffe.patterns import PatternSet

GENDER_MARK = re.compile(r"(?<=[a-zäöüß])(?:[:*_·/]-?|\(-?)(?=in)")
GENDER_CLOSE = re.compile(r"(?<=in)\)|(?<=innen)\)")
INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")
LINKS = ("", "s", "es", "n", "en", "e", "er", "ns", "ens")
MIN_PART = 3


def normalize(word: str) -> str:
    """Lowercase, gender forms joined (Migrant:innen → migrantinnen), invisible marks removed."""
    w = word.translate(INVISIBLE).lower()
    if "in" in w and any(c in w for c in ":*_·/("):
        w = GENDER_MARK.sub("", w)
        w = GENDER_CLOSE.sub("", w)
    return w.replace("’", "'")


class How(str, Enum):
    """How a word matched."""

    EXACT = "exact"
    MODIFIER = "modifier"
    HEAD = "head"


@dataclass(frozen=True, slots=True)
class WordHit:
    """A rule matched by one word; ``covered`` is the length of the matched form."""

    rule: str
    how: How
    covered: int


@dataclass(frozen=True, slots=True)
class ImageHit:
    """A metaphor compound such as Flüchtlingswelle."""

    rule: str


class WordAnalyzer:
    """Looks words up in a PatternSet; ``lexicon`` is loaded only when a compound needs it."""

    def __init__(self, patterns: PatternSet, lexicon: Callable[[], frozenset[str]]) -> None:
        self.p = patterns
        self._lexicon_loader = lexicon
        self._lexicon: frozenset[str] | None = None
        self._words: dict[str, WordHit | None] = {}
        self._images: dict[str, ImageHit | None] = {}
        self._valid: dict[str, bool] = {}

    @property
    def lexicon(self) -> frozenset[str]:
        """The compound word list (loaded on first use)."""
        if self._lexicon is None:
            self._lexicon = self._lexicon_loader()
        return self._lexicon

    def analyze(self, norm: str) -> WordHit | None:
        """Best rule for an already normalized word, or None."""
        if norm in self._words:
            return self._words[norm]
        hit = self._analyze(norm)
        self._words[norm] = hit
        return hit

    def _analyze(self, norm: str) -> WordHit | None:
        rule = self.p.exact.get(norm)
        if rule is not None:
            return WordHit(rule, How.EXACT, len(norm))
        if len(norm) < 2 * MIN_PART or not norm[0].isalpha():
            return None
        best: WordHit | None = None
        joined = norm.replace("-", "")
        for word in {norm, joined}:
            for hit in self._compound_hits(word):
                if best is None or hit.covered > best.covered:
                    best = hit
        return best

    def _compound_hits(self, word: str):  # noqa: ANN202 - generator of WordHit
        n = len(word)
        modifiers, heads = self.p.modifiers, self.p.heads
        for end in range(n - MIN_PART, MIN_PART - 1, -1):
            rule = modifiers.get(word[:end])
            if rule is not None and self.is_head(word[end:].lstrip("-")):
                yield WordHit(rule, How.MODIFIER, end)
                break
        for start in range(MIN_PART, n - MIN_PART + 1):
            rule = heads.get(word[start:])
            if rule is not None and self.is_modifier(word[:start].rstrip("-")):
                yield WordHit(rule, How.HEAD, n - start)
                break

    def is_head(self, rest: str) -> bool:
        """Whether ``rest`` can close a compound: a known word, or known word + known word."""
        if len(rest) < MIN_PART:
            return False
        return self._valid_word(rest, depth=2, strict_short=True)

    def is_modifier(self, first: str) -> bool:
        """Whether ``first`` can open a compound, allowing a linking element (Fugenelement)."""
        if len(first) < MIN_PART:
            return False
        return self._valid_word(first, depth=2, strict_short=False)

    def _valid_word(self, s: str, *, depth: int, strict_short: bool) -> bool:
        key = f"{depth}{int(strict_short)}{s}"
        cached = self._valid.get(key)
        if cached is not None:
            return cached
        result = self._check_word(s, depth=depth, strict_short=strict_short)
        self._valid[key] = result
        return result

    def _check_word(self, s: str, *, depth: int, strict_short: bool) -> bool:
        lex = self.lexicon
        if strict_short and len(s) <= MIN_PART:
            return s in SHORT_HEADS
        if s in lex or s in self.p.exact:
            return True
        for link in LINKS[1:]:
            stem = s[: -len(link)]
            if s.endswith(link) and len(stem) >= MIN_PART and stem in lex:
                return True
        if depth <= 0:
            return False
        for i in range(MIN_PART, len(s) - MIN_PART + 1):
            first, rest = s[:i], s[i:]
            if self._valid_word(first, depth=depth - 1, strict_short=False) and self._valid_word(
                rest, depth=depth - 1, strict_short=strict_short
            ):
                return True
        return False

    def image(self, norm: str) -> ImageHit | None:
        """Metaphor compound (migration word + image word), e.g. Migrationswelle."""
        if norm in self._images:
            return self._images[norm]
        hit = None
        word = norm.replace("-", "")
        for start in range(MIN_PART, len(word) - 2):
            rule = self.p.image_heads.get(word[start:])
            if rule is not None and self._ends_with_subject(word[:start]):
                hit = ImageHit(rule)
                break
        self._images[norm] = hit
        return hit

    def _ends_with_subject(self, first: str) -> bool:
        for i in range(len(first) - MIN_PART + 1):
            if first[i:] in self.p.subject_modifiers and (i == 0 or self.is_modifier(first[:i])):
                return True
        return False

    def is_subject(self, norm: str) -> bool:
        """Whether a word names migrants or migration (also as the head of a compound)."""
        if norm in self.p.subject_forms:
            return True
        for start in range(MIN_PART, len(norm) - MIN_PART + 1):
            if norm[start:] in self.p.subject_forms and self.is_modifier(norm[:start].rstrip("-")):
                return True
        return False


# Three-letter nouns that really close compounds (Asylamt, Flüchtlingsrat); anything else of
# that length after a glossary word is treated as a look-alike (Asylant+rag).
SHORT_HEADS = frozenset(
    "amt rat tag ort weg bau zug typ eid see hof arm bad ball bus dorf fall feld fest gut haus "
    "heim hilfe jahr kind kurs land lohn nest paar pass rad raum recht ring ruf satz saal sinn "
    "sohn teil tisch topf turm wahl welt wert wort zeit zahl".split()
)
