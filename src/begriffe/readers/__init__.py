"""Readers turn files into a Document: the decoded source text plus segments that map back to it.

Each reader module handles one family of formats; ``READERS`` maps file suffixes to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from begriffe.errors import InputError
from begriffe.positions import OffsetMap


class SegmentKind(str, Enum):
    """What a stretch of text is, as far as the reader knows."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST = "list"
    TABLE = "table"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Segment:
    """Text to analyse, with its way back to the source."""

    text: str
    offsets: OffsetMap
    kind: SegmentKind = SegmentKind.PARAGRAPH


@dataclass(frozen=True, slots=True)
class Document:
    """A read file: ``source`` is what offsets refer to; ``segments`` is what gets analysed.

    ``pages`` (PDF only) holds the source offset at which each page starts.
    """

    path: str
    source: str
    segments: tuple[Segment, ...]
    markup: str = "text"
    pages: tuple[int, ...] | None = None


Reader = Callable[[str, bytes], Document]


def _plain(path: str, raw: bytes) -> Document:
    from begriffe.readers.plain import read_plain

    return read_plain(path, raw)


def _markdown(path: str, raw: bytes) -> Document:
    from begriffe.readers.markdown import read_markdown

    return read_markdown(path, raw)


def _html(path: str, raw: bytes) -> Document:
    from begriffe.readers.html import read_html

    return read_html(path, raw)


def _docx(path: str, raw: bytes) -> Document:
    from begriffe.readers.docx import read_docx

    return read_docx(path, raw)


def _odt(path: str, raw: bytes) -> Document:
    from begriffe.readers.odt import read_odt

    return read_odt(path, raw)


def _pdf(path: str, raw: bytes) -> Document:
    from begriffe.readers.pdf import read_pdf

    return read_pdf(path, raw)


READERS: dict[str, Reader] = {
    ".txt": _plain,
    ".text": _plain,
    ".md": _markdown,
    ".markdown": _markdown,
    ".html": _html,
    ".htm": _html,
    ".docx": _docx,
    ".odt": _odt,
    ".pdf": _pdf,
}

MAX_BYTES = 200 * 1024 * 1024


def supported(path: Path) -> bool:
    """Whether a reader exists for ``path``'s suffix."""
    return path.suffix.lower() in READERS


def read_document(path: Path, *, display: str | None = None, force_text: bool = False) -> Document:
    """Read ``path`` with the reader for its suffix (or as plain text with ``force_text``)."""
    shown = display or str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        if not force_text:
            raise InputError("B305", f"Dateityp „{path.suffix or '(ohne Endung)'}“ wird nicht unterstützt.")
        reader = _plain
    raw = read_bytes(path)
    return reader(shown, raw)


def read_bytes(path: Path) -> bytes:
    """File contents, with German errors for the usual failures."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError("B306", f"Datei ist zu groß ({size // (1024 * 1024)} MB; höchstens {MAX_BYTES // (1024 * 1024)} MB).")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("B301", "Datei nicht gefunden.") from None
    except IsADirectoryError:
        raise InputError("B301", "Das ist ein Verzeichnis, keine Datei.") from None
    except PermissionError:
        raise InputError("B302", "Keine Leseberechtigung.") from None
    except OSError as exc:
        raise InputError("B302", f"Datei kann nicht gelesen werden ({exc.strerror or exc}).") from None


def read_text(path: str, text: str, *, markdown: bool = False) -> Document:
    """A Document from text already in memory (stdin, the web page, tests)."""
    if markdown:
        from begriffe.readers.markdown import markdown_document

        return markdown_document(path, text)
    from begriffe.readers.plain import plain_document

    return plain_document(path, text)
