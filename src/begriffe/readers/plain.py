"""Plain text: paragraphs separated by blank lines; list items and headings on their own."""

from __future__ import annotations

import re

from begriffe.positions import OffsetMap
from begriffe.readers import Document, Segment, SegmentKind, blank_directives, bounded
from begriffe.readers.decode import decode_text

BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t\f\v]*(?:\r\n|\r|\n)")
LIST_LINE = re.compile(r"(?:\r\n|\r|\n)(?=[ \t]*(?:[-•*–·▪]\s|\d{1,3}[.)]\s|#{1,6}\s))")
NON_SPACE = re.compile(r"\S")
LIST_ITEM = re.compile(r"[-•*–·▪]\s|\d{1,3}[.)]\s")


def read_plain(path: str, raw: bytes) -> Document:
    """Decode and split a plain text file."""
    return plain_document(path, decode_text(raw))


def plain_document(path: str, text: str) -> Document:
    """Split ``text`` into paragraph segments (identity offset maps)."""
    analysed, directives = blank_directives(text)
    return Document(path, text, bounded(split_paragraphs(analysed, 0, len(text))), directives=directives)


def split_paragraphs(text: str, start: int, end: int, kind: SegmentKind = SegmentKind.PARAGRAPH) -> list[Segment]:
    """Segments for text[start:end], cut at blank lines and before list items."""
    segments = []
    cuts = {start, end}
    for regex in (BLANK_LINE, LIST_LINE):
        cuts.update(m.end() for m in regex.finditer(text, start, end))
    ordered = sorted(cuts)
    for a, b in zip(ordered, ordered[1:]):
        first = NON_SPACE.search(text, a, b)
        if first is None:
            continue
        a = first.start()
        stripped = text[a:b].rstrip()
        segment_kind = kind
        if kind is SegmentKind.PARAGRAPH and LIST_ITEM.match(stripped):
            segment_kind = SegmentKind.LIST
        segments.append(Segment(stripped, OffsetMap.identity(a, len(stripped)), segment_kind))
    return segments
