"""Analyse single German words against the compiled patterns (no spaCy).

A word matches an entry as a whole word (Asylanten), as the first part of a compound
(Asylantenheim, Asylanten-Unterkunft) or as its last part (Scheinasylant). Compound parts are
checked against a German word list so that look-alikes do not match (Asylantrag is
Asyl+antrag, not Asylant+rag). The longest matched form wins. Results are cached per word.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from enum import Enum

from begriffe.normalize import INVISIBLE, normalize
from begriffe.patterns import PatternSet

__all__ = ["INVISIBLE", "How", "ImageHit", "WordAnalyzer", "WordHit", "normalize"]

LINKS = ("", "s", "es", "n", "en", "e", "er", "ns", "ens")
MIN_PART = 3


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

    def __init__(self, patterns: PatternSet, lexicon: Callable[[], Container[str]]) -> None:
        self.p = patterns
        self._lexicon_loader = lexicon
        self._lexicon: Container[str] | None = None
        self._words: dict[str, WordHit | None] = {}
        self._images: dict[str, ImageHit | None] = {}
        self._segments: dict[str, int | None] = {}

    @property
    def lexicon(self) -> Container[str]:
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
        candidates = list(self._hyphen_hits(norm)) if "-" in norm else []
        joined = norm.replace("-", "")
        for word in {norm, joined}:
            candidates += self._compound_hits(word)
        return max(candidates, key=lambda hit: hit.covered, default=None)

    def _hyphen_hits(self, norm: str):  # noqa: ANN202 - generator of WordHit
        """A hyphen marks a compound boundary: EU-Ausländer, NS-Zwangsarbeiter, Asylanten-Heim."""
        parts = [p for p in norm.split("-") if p]
        if len(parts) < 2:
            return
        first, last = parts[0], parts[-1]
        rule = self.p.exact.get(last) or self.p.heads.get(last)
        if rule is not None:
            yield WordHit(rule, How.HEAD, len(last))
        rule = self.p.exact.get(first) or self.p.modifiers.get(first)
        if rule is not None:
            yield WordHit(rule, How.MODIFIER, len(first))

    def _compound_hits(self, word: str):  # noqa: ANN202 - generator of WordHit
        """Readings of ``word`` with a glossary form as first or last part.

        A reading counts only if its parts are dictionary words and no segmentation of the whole
        word needs fewer parts: Asylantrag is Asyl+antrag, not Asylant+rag (no such word), and
        Asylantragsteller is Asyl+antragsteller, not Asylant+rags+teller (three parts).
        """
        n = len(word)
        modifiers, heads = self.p.modifiers, self.p.heads
        whole = self.segment(word, compound=True)
        if whole is None:
            return
        for end in range(n - MIN_PART, MIN_PART - 1, -1):
            rule = modifiers.get(word[:end])
            if rule is None:
                continue
            rest = self.segment(word[end:].lstrip("-"))
            if rest is not None and rest + 1 <= whole:
                yield WordHit(rule, How.MODIFIER, end)
                break
        for start in range(MIN_PART, n - MIN_PART + 1):
            rule = heads.get(word[start:])
            if rule is None:
                continue
            first = self.segment(word[:start].rstrip("-"), last=False)
            if first is not None and first + 1 <= whole:
                yield WordHit(rule, How.HEAD, n - start)
                break

    def is_head(self, rest: str) -> bool:
        """Whether ``rest`` can close a compound: one or more dictionary words."""
        return len(rest) >= MIN_PART and self.segment(rest) is not None

    def is_modifier(self, first: str) -> bool:
        """Whether ``first`` can open a compound, allowing a linking element (Fugenelement)."""
        return len(first) >= MIN_PART and self.segment(first, last=False) is not None

    def segment(self, s: str, *, last: bool = True, compound: bool = False) -> int | None:
        """Fewest dictionary words covering ``s`` (None: impossible).

        Parts may carry a linking element except the last part of a whole word (``last``);
        ``compound`` asks for at least two parts (a dictionary may list the compound itself).
        """
        key = f"{int(last)}{int(compound)}{s}"
        if key in self._segments:
            return self._segments[key]
        n = len(s)
        best: list[int | None] = [None] * (n + 1)
        best[0] = 0
        for i in range(MIN_PART, n + 1):
            closing = i == n and last
            for j in range(0, i - MIN_PART + 1):
                if compound and j == 0 and i == n:
                    continue
                before = best[j]
                if before is None or not self._is_part(s[j:i], linked=not closing):
                    continue
                current = best[i]
                if current is None or before + 1 < current:
                    best[i] = before + 1
        self._segments[key] = best[n]
        return best[n]

    def _is_part(self, part: str, *, linked: bool) -> bool:
        if self._word(part):
            return True
        if linked:
            for link in LINKS[1:]:
                if part.endswith(link) and self._word(part[: -len(link)]):
                    return True
        return False

    def _word(self, part: str) -> bool:
        if len(part) <= MIN_PART:
            return part in SHORT_WORDS
        p = self.p
        return part in self.lexicon or part in p.exact or part in p.modifiers or part in p.heads

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
        """Whether a word names migrants or migration: as a word, as part of a compound
        (Kriegsflüchtlinge, Flüchtlingsfamilien) or inside an image (Flüchtlingsströme)."""
        if norm in self.p.subject_forms:
            return True
        for start in range(MIN_PART, len(norm) - MIN_PART + 1):
            if norm[start:] in self.p.subject_forms and self.is_modifier(norm[:start].rstrip("-")):
                return True
            if norm[:start] in self.p.subject_modifiers and self.is_head(norm[start:].lstrip("-")):
                return True
        return False


# Three-letter words that really are compound parts (Asylamt, Flüchtlingsrat, Ostflüchtling);
# any other part that short is treated as a look-alike (Asylant+rag, Rasse+l).
SHORT_WORDS = frozenset(
    "amt rat tag ort weg bau zug typ eid see hof arm bad bus rad tat not akt ost alt neu bio öko "
    "eis tor tal mal maß zoo gut tee ruf rom".split()
)
