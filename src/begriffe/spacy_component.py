"""A spaCy component for users with their own pipeline: ``nlp.add_pipe("begriffe")``.

It writes ``doc.spans["begriffe"]`` (label = rule id, id = glossary entry id, as SpanRuler does)
and registers itself through the ``spacy_factories`` entry point, so no import is needed.
If the pipeline tags parts of speech (a trained German model), begriffe's noun/adjective
conditions use those tags instead of its capitalisation heuristic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from begriffe.compiled import load_compiled
from begriffe.engine import Engine, Options

if TYPE_CHECKING:
    from collections.abc import Iterable

SPANS_KEY = "begriffe"


@Language.factory("begriffe", assigns=["doc.spans"], default_config={"profile": "kommunal", "spans_key": SPANS_KEY})
def make_begriffe(nlp: Language, name: str, profile: str, spans_key: str) -> BegriffeComponent:  # noqa: ARG001
    """Create the component (the glossary loads from package data, not from the config)."""
    return BegriffeComponent(profile, spans_key)


class BegriffeComponent:
    """Finds glossary terms in any German Doc and stores them as spans."""

    def __init__(self, profile: str = "kommunal", spans_key: str = SPANS_KEY) -> None:
        self.engine = Engine(load_compiled(), Options(profile=profile))
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        """Add ``doc.spans[spans_key]``; the user's tokens, lemmas and tags stay untouched."""
        inner = self._analysis_copy(doc)
        spans = []
        for item in self.engine.judge_doc(inner):
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is not None:
                entry_id = item.entry.id if item.entry.kind.value == "entry" else ""
                spans.append(Span(doc, span.start, span.end, label=item.entry.id, span_id=entry_id))
        doc.spans[self.spans_key] = spans
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:  # noqa: ARG002
        """Process a stream of Docs."""
        for doc in docs:
            yield self(doc)

    def _analysis_copy(self, doc: Doc) -> Doc:
        """The same tokens in begriffe's vocabulary, with its lemmas, the user's tags and sentences."""
        nlp = self.engine.nlp
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        pos = [t.pos_ for t in doc] if doc.has_annotation("POS") else None
        inner = Doc(nlp.vocab, words=words, spaces=spaces, pos=pos)
        inner = nlp.get_pipe("begriffe_lemmas")(inner)
        if doc.has_annotation("SENT_START"):
            for token, original in zip(inner, doc):
                token.is_sent_start = original.is_sent_start
        else:
            inner = nlp.get_pipe("sentencizer")(inner)
        return inner
