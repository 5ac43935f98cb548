"""The spaCy pipeline: blank German, tokenizer rules for gender forms, lookup lemmas, sentences.

spaCy is imported only when a text actually needs analysing (see the engine's prefilter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from begriffe.morphology import normalize

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

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
    from spacy.lang.de import German

    nlp = German(create_tokenizer=_tokenizer)
    _register_lemma_component()
    nlp.add_pipe("begriffe_lemmas", config={})
    nlp.get_pipe("begriffe_lemmas").lemmas = lemmas
    nlp.add_pipe("sentencizer")
    return nlp


def _tokenizer(nlp: Language) -> Tokenizer:
    """spaCy's German tokenizer, built once with begriffe's infixes and abbreviations (building
    the default one and then replacing its infix pattern would compile that pattern twice)."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    infixes = [_keep_gender_forms(pattern) for pattern in defaults.infixes] + FOOTNOTE_MARKS
    rules = dict(defaults.tokenizer_exceptions) | {abbreviation: [{"ORTH": abbreviation}] for abbreviation in ABBREVIATIONS}
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


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
