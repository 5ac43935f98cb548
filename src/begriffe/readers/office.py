"""Paragraph model shared by the .docx and .odt readers and by ``annotate``.

An office document becomes one line of ``source`` per paragraph, so a finding's line is the
paragraph number and its column the character in that paragraph. The annotator walks the same
``Paragraph`` list and the same ``Piece`` layout, so both always agree on positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from begriffe.positions import OffsetMap
from begriffe.readers import Document, Segment, SegmentKind, bounded

LINE_BREAKS = str.maketrans(dict.fromkeys("\n\r\v\f\x85\u2028\u2029", " "))
HEADING_STYLE = re.compile(r"heading|überschrift|^title$|^titel$", re.IGNORECASE)
QUOTE_STYLE = re.compile(r"quot|zitat", re.IGNORECASE)
LIST_STYLE = re.compile(r"^list|aufzählung", re.IGNORECASE)


class Place(str, Enum):
    """Where in the document a paragraph lives."""

    BODY = "body"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    HEADER = "header"
    FOOTER = "footer"


@dataclass(frozen=True, slots=True)
class Piece:
    """Characters [start, end) of a paragraph and the XML node they come from.

    ``slot`` is "text" or "tail" when the characters are that attribute of ``node`` (lxml),
    and "" when ``node`` itself stands for them (a w:t, a tab, a text:s).
    """

    start: int
    end: int
    node: Any
    slot: str = ""


@dataclass(slots=True)
class Inline:
    """What walking one paragraph's inline content yields."""

    parts: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)
    notes: list[Any] = field(default_factory=list)
    length: int = 0

    def add(self, text: str | None, node: Any, slot: str = "") -> None:
        """Append ``text`` (kept on one line) as coming from ``node``."""
        if not text:
            return
        text = text.translate(LINE_BREAKS)
        self.pieces.append(Piece(self.length, self.length + len(text), node, slot))
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        """The paragraph text."""
        return "".join(self.parts)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its element, text and kind; ``anchor`` is a note's reference in the body."""

    element: Any
    text: str
    kind: SegmentKind = SegmentKind.PARAGRAPH
    place: Place = Place.BODY
    anchor: Any = None


def style_kind(names: Iterable[str]) -> SegmentKind | None:
    """QUOTE, HEADING or LIST if one of the style names (a style and its ancestors) says so."""
    for name in names:
        if QUOTE_STYLE.search(name):
            return SegmentKind.QUOTE
        if HEADING_STYLE.search(name):
            return SegmentKind.HEADING
        if LIST_STYLE.search(name):
            return SegmentKind.LIST
    return None


def paragraph_document(path: str, paragraphs: list[Paragraph], markup: str) -> Document:
    """A Document with one source line per paragraph and one segment per non-empty paragraph."""
    segments = []
    offset = 0
    for paragraph in paragraphs:
        if paragraph.text.strip():
            segments.append(Segment(paragraph.text, OffsetMap.identity(offset, len(paragraph.text)), paragraph.kind))
        offset += len(paragraph.text) + 1
    source = "\n".join(p.text for p in paragraphs)
    return Document(path, source, bounded(segments), markup=markup)
