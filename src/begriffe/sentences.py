"""Sentence boundaries of a Doc, computed once (spaCy's ``token.sent`` rescans the Doc each time)."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class Sentences:
    """Token index → sentence (start, end) for one Doc."""

    __slots__ = ("_doc", "_starts")

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import SENT_START

        self._doc = doc
        if not len(doc):
            self._starts = [0]
            return
        flags = doc.to_array(SENT_START).tolist()
        self._starts = [0] + [i for i, flag in enumerate(flags) if flag == 1 and i > 0]

    def bounds(self, i: int) -> tuple[int, int]:
        """(start, end) token indices of the sentence containing token ``i``."""
        k = bisect_right(self._starts, i) - 1
        end = self._starts[k + 1] if k + 1 < len(self._starts) else len(self._doc)
        return self._starts[k], end

    def span(self, i: int) -> Span:
        """The sentence containing token ``i`` as a Span."""
        start, end = self.bounds(i)
        return self._doc[start:end]
