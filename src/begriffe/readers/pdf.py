"""PDF: text lines page by page; each text box (a paragraph, as far as the layout shows) is a segment.

pdfminer.six rather than pypdf: both extract single-column and two-column text equally well,
and pypdf is about twice as fast, but pdfminer's layout analysis also yields the text boxes
and lines with which paragraphs are rebuilt and hyphenation at line ends is undone; pypdf
only returns a page's text as one string. ``source`` holds one extracted line per line;
a segment joins its box's lines with spaces and „Flücht-⏎linge“ to „Flüchtlinge“.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from begriffe.errors import InputError
from begriffe.positions import OffsetMap, Run
from begriffe.readers import Document, Segment, bounded, without_surrogates
from begriffe.readers.office import LINE_BREAKS

HYPHENS = "-\u00ad\u2010"
# A hyphen before these words is a suspended compound („Ein- und Ausreise“), not a break.
KEEP_HYPHEN_BEFORE = re.compile(r"(?:und|oder|bzw|sowie|bis|noch|als|wie)\b")


def read_pdf(path: str, raw: bytes) -> Document:
    """Lines and paragraphs of a PDF; ``pages`` holds each page's first source offset."""
    lines: list[str] = []
    starts: list[int] = []
    boxes: list[tuple[int, int]] = []
    pages: list[int] = []
    offset = 0
    for page in _pages(raw):
        pages.append(offset)
        for box in page:
            boxes.append((len(lines), len(lines) + len(box)))
            for line in box:
                lines.append(line)
                starts.append(offset)
                offset += len(line) + 1
    source = "\n".join(lines)
    segments = [_segment(lines, starts, first, last) for first, last in boxes]
    return Document(path, source, bounded(s for s in segments if s.text.strip()), markup="pdf", pages=tuple(pages))


def _pages(raw: bytes) -> Iterator[list[list[str]]]:
    """Per page, the text boxes in reading order, each as its list of lines."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with _quiet("pdfminer"):
            for layout in extract_pages(io.BytesIO(raw), laparams=LAParams(all_texts=True)):
                yield [box for box in (_lines(b) for b in _text_boxes(layout)) if box]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(
            "B312", "Die PDF-Datei ist verschlüsselt und kann ohne Passwort nicht gelesen werden."
        ) from None
    except Exception:  # whatever the parser trips over in untrusted input means: damaged
        raise InputError(
            "B313", "Die PDF-Datei ist beschädigt oder unvollständig und kann nicht gelesen werden."
        ) from None


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Silence a library's log while it reads (its English warnings would reach stderr)."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def _text_boxes(container: Any) -> Iterator[Any]:
    from pdfminer.layout import LTFigure, LTTextBox

    for item in container:
        if isinstance(item, LTTextBox):
            yield item
        elif isinstance(item, LTFigure):
            yield from _text_boxes(item)


def _lines(box: Any) -> list[str]:
    from pdfminer.layout import LTTextLine

    texts = (without_surrogates(item.get_text()) for item in box if isinstance(item, LTTextLine))
    found = (text.translate(LINE_BREAKS).strip() for text in texts)
    return [line for line in found if line]


def _segment(lines: list[str], starts: list[int], first: int, last: int) -> Segment:
    """One box's lines as a paragraph: joined with spaces, line-end hyphenation undone."""
    parts: list[str] = []
    runs: list[Run] = []
    length = 0
    for i in range(first, last):
        line, start = lines[i], starts[i]
        following = lines[i + 1] if i + 1 < last else ""
        keep = len(line)
        joiner = " " if following else ""
        if following and line[-1] in HYPHENS and len(line) > 1 and line[-2].isalpha():
            if following[0].islower() and not KEEP_HYPHEN_BEFORE.match(following):
                keep, joiner = len(line) - 1, ""
            elif following[0].isupper():
                joiner = ""
        runs.append(Run(length, start, keep + len(joiner)))
        parts.append(line[:keep] + joiner)
        length += keep + len(joiner)
    return Segment("".join(parts), OffsetMap(tuple(runs)))
