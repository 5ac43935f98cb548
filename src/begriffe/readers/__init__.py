"""Readers turn files into a Document: the decoded source text plus segments that map back to it.

Each reader module handles one family of formats; ``READERS`` maps file suffixes to them.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from importlib import import_module
from pathlib import Path
from typing import NamedTuple

from begriffe.errors import InputError, os_reason
from begriffe.positions import SourceMap


class SegmentKind(str, Enum):
    """What a stretch of text is, as far as the reader knows."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST = "list"
    TABLE = "table"
    QUOTE = "quote"


class Segment(NamedTuple):
    """Text to analyse, with its way back to the source (a tuple: a big file has many)."""

    text: str
    offsets: SourceMap
    kind: SegmentKind = SegmentKind.PARAGRAPH


@dataclass(frozen=True, slots=True)
class Document:
    """A read file: ``source`` is what offsets refer to; ``segments`` is what gets analysed.

    ``pages`` (PDF only) holds the source offset at which each page starts. ``directives``
    says whether the source may hold suppression comments, where the reader already looked.
    """

    path: str
    source: str
    segments: tuple[Segment, ...]
    markup: str = "text"
    pages: tuple[int, ...] | None = None
    directives: bool | None = None

    def may_hold_directives(self) -> bool:
        """Whether suppression comments may stand in the source (looked for once per document)."""
        return may_hold_directives(self.source) if self.directives is None else self.directives


# Longer paragraphs are analysed in pieces: the time spent on one paragraph grows faster than
# its length, so a megabyte on a single line (an export that lost its line breaks) would take
# minutes. Real paragraphs are far shorter; a piece ends after a sentence where possible.
MAX_SEGMENT_CHARS = 10_000
SENTENCE_END = re.compile(r"[.!?…][\"'»«“”‘’)\]]*\s+")
SPACE = re.compile(r"\s+")


def bounded(segments: Iterable[Segment], limit: int = MAX_SEGMENT_CHARS) -> tuple[Segment, ...]:
    """``segments`` with every segment longer than ``limit`` cut into pieces of at most ``limit``."""
    out: list[Segment] = []
    for segment in segments:
        if len(segment.text) <= limit:
            out.append(segment)
        else:
            out.extend(_pieces(segment, limit))
    return tuple(out)


def _pieces(segment: Segment, limit: int) -> list[Segment]:
    text, pieces, start = segment.text, [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            end = _cut(text, start + limit // 2, end)
        piece = text[start:end].rstrip()
        if piece.strip():
            pieces.append(Segment(piece, segment.offsets.slice(start, start + len(piece)), segment.kind))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    return pieces


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a piece within text[lo:hi]: after the last sentence, else at the last space."""
    for pattern in (SENTENCE_END, SPACE):
        last = None
        for last in pattern.finditer(text, lo, hi):  # noqa: B007 - the last one is wanted
            pass
        if last is not None:
            return last.end() if pattern is SENTENCE_END else last.start()
    return hi


class _Lazy:
    """The ``read_<module>`` function of a reader module, imported (with its parsing library)
    only when a file of that type is read."""

    def __init__(self, module: str) -> None:
        self.module = f"begriffe.readers.{module}"
        self.function = f"read_{module}"

    def __call__(self, path: str, raw: bytes) -> Document:
        return getattr(import_module(self.module), self.function)(path, raw)


def preload(paths: Iterable[Path]) -> None:
    """Import the readers (and their parsing libraries) that ``paths`` need, so that worker
    processes forked afterwards share them instead of importing them each."""
    for module in {READERS[p.suffix.lower()].module for p in paths if p.suffix.lower() in READERS}:
        import_module(module)


_plain = _Lazy("plain")
_markdown = _Lazy("markdown")
_html = _Lazy("html")
READERS: dict[str, _Lazy] = {
    ".txt": _plain,
    ".text": _plain,
    ".md": _markdown,
    ".markdown": _markdown,
    ".html": _html,
    ".htm": _html,
    ".docx": _Lazy("docx"),
    ".odt": _Lazy("odt"),
    ".pdf": _Lazy("pdf"),
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
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            # a pipe would block and a device (/dev/zero) never end
            raise InputError(
                "B301", "Keine gewöhnliche Datei (Gerät, Pipe oder Socket). Text über - von der Standardeingabe prüfen."
            )
        if info.st_size > MAX_BYTES:
            size, limit = info.st_size // (1024 * 1024), MAX_BYTES // (1024 * 1024)
            raise InputError("B306", f"Datei ist zu groß ({size} MB; höchstens {limit} MB).")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("B301", "Datei nicht gefunden.") from None
    except IsADirectoryError:
        raise InputError("B301", "Das ist ein Verzeichnis, keine Datei.") from None
    except PermissionError:
        raise InputError("B302", "Keine Leseberechtigung.") from None
    except OSError as exc:
        raise InputError("B302", f"Datei kann nicht gelesen werden ({os_reason(exc)}).") from None


SURROGATE = re.compile("[\ud800-\udfff]")
# A suppression comment (begriffe.suppressions): on a line of its own, or as an HTML comment.
DIRECTIVE = re.compile(
    r"(?:<!--\s*|^[ \t]*(?:#|//|%|;)?[ \t]*)"
    r"begriffe-(?P<kind>disable-next-line|disable-file|disable|enable)\b"
    r"(?P<ids>[ \t]+[\w\-]+(?:[ \t]*,[ \t]*[\w\-]+)*)?[ \t]*(?:-->|$)",
    re.IGNORECASE | re.MULTILINE,
)
DIRECTIVE_HINT = re.compile("[Bb][Ee][Gg][Rr][Iiİı][Ff][Ff][Ee]-")
"""What every directive contains, in every spelling its ``re.IGNORECASE`` accepts (as a
character class: a third faster than a case-insensitive search over megabytes)."""


def blank_directives(text: str) -> tuple[str, bool]:
    """``text`` with suppression comments turned into spaces (line breaks kept), so that their
    rule ids are not analysed as words of the paragraph they stand in (offsets do not move); and
    whether ``text`` may hold any, for ``Document.directives``."""
    if not may_hold_directives(text):
        return text, False
    return DIRECTIVE.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group()), text), True


def may_hold_directives(text: str) -> bool:
    """Quick test before the directive pattern runs, case-insensitive like the directives
    themselves (so „BeGriffe-disable“ counts wherever it stands)."""
    return DIRECTIVE_HINT.search(text) is not None


def without_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, one character for one.

    JSON (``"\\ud800"``) and broken PDF fonts can produce them; no encoder, and so not spaCy,
    accepts them. Decoded files never contain any (the decoders are strict).
    """
    return SURROGATE.sub("\ufffd", text) if SURROGATE.search(text) else text


def read_text(path: str, text: str, *, markdown: bool = False) -> Document:
    """A Document from text already in memory (stdin, the web page, tests)."""
    text = without_surrogates(text)
    if markdown:
        from begriffe.readers.markdown import markdown_document

        return markdown_document(path, text)
    from begriffe.readers.plain import plain_document

    return plain_document(path, text)
