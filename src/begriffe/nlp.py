"""The spaCy pipeline: blank German, tokenizer rules for gender forms, lookup lemmas, sentences.

spaCy is imported only when a text actually needs analysing (see the engine's prefilter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from begriffe.morphology import normalize

if TYPE_CHECKING:
    from spacy.language import Language

# Abbreviations that must stay one token so legal citations are not cut into sentences.
ABBREVIATIONS = (
    "Art.", "Abs.", "Nr.", "Ziff.", "lit.", "Buchst.", "ff.", "Anl.", "Kap.", "Rn.", "Rz.", "Bd.",
    "Aufl.", "Hrsg.", "i.V.m.", "a.F.", "n.F.", "v.", "vom.", "Drs.", "Prof.", "St.", "Verf.",
    "sog.", "bzw.", "ggf.", "vgl.", "z.B.", "d.h.", "u.a.", "bspw.", "evtl.", "insb.", "ca.",
)
GENDER_SUFFIX = r"(?!-?in(?:nen)?\b|-?innen)"
# Footnote marks glued to a word: Ehrenmorde[128], Asylanten(3)
FOOTNOTE_MARKS = [r"(?<=[^\W\d_])\[(?=\d)"]


def build_nlp(lemmas: dict[str, str]) -> Language:
    """A blank German pipeline with begriffe's tokenizer rules, lemmas and sentence splitting."""
    import spacy
    from spacy.lang.de.punctuation import TOKENIZER_INFIXES
    from spacy.util import compile_infix_regex

    nlp = spacy.blank("de")
    infixes = [_keep_gender_forms(pattern) for pattern in TOKENIZER_INFIXES] + FOOTNOTE_MARKS
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbreviation in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
    _register_lemma_component()
    nlp.add_pipe("begriffe_lemmas", config={})
    nlp.get_pipe("begriffe_lemmas").lemmas = lemmas
    nlp.add_pipe("sentencizer")
    return nlp


def _keep_gender_forms(pattern: str) -> str:
    """Stop ':' and '/' infixes from splitting Migrant:innen or Sachbearbeiter/in."""
    if r"[:<>=]" in pattern:
        return pattern.replace(r"[:<>=]", r"(?:[<>=]|:" + GENDER_SUFFIX + ")")
    if r"\/" in pattern and "(?=" in pattern:
        return pattern.replace(r"\/", r"\/" + GENDER_SUFFIX)
    return pattern


def _register_lemma_component() -> None:
    from spacy.language import Language

    if Language.has_factory("begriffe_lemmas"):
        return

    @Language.factory("begriffe_lemmas", default_config={})
    def _make(nlp: Language, name: str) -> LemmaSetter:  # noqa: ARG001 - spaCy factory signature
        return LemmaSetter()


class LemmaSetter:
    """Sets ``token.norm_`` (normalised word) and ``token.lemma_`` (lookup lemma) for a whole Doc.

    Both are computed once per distinct word form and written with ``Doc.from_array``, so a
    document costs one dictionary lookup per token.
    """

    def __init__(self) -> None:
        self.lemmas: dict[str, str] = {}
        self._by_orth: dict[int, tuple[int, int]] = {}

    def __call__(self, doc):  # noqa: ANN001, ANN204 - spaCy component protocol
        from spacy.attrs import LEMMA, NORM, ORTH

        if not len(doc):
            return doc
        known = self._by_orth
        strings = doc.vocab.strings
        values = []
        for orth in doc.to_array(ORTH).tolist():
            pair = known.get(orth)
            if pair is None:
                norm = normalize(strings[orth])
                pair = (strings.add(norm), strings.add(self.lemmas.get(norm, norm)))
                known[orth] = pair
            values.append(pair)
        import numpy

        doc.from_array([NORM, LEMMA], numpy.array(values, dtype="uint64"))
        return doc
