"""HTML: the visible text of block elements, mapped character by character into the raw HTML.

Python's own ``html.parser`` is used because it reports the source position of every text
chunk and character reference (``getpos``); lxml, html5lib and selectolax build trees without
them. Script, style, template, noscript, code and elements with ``hidden`` are skipped, as are
comments and attributes. Whitespace is collapsed as a browser does; a decoded reference
(&auml;, &nbsp;) maps to the position of its ``&``; ``<q>`` gets German quotation marks, as
a browser shows it, so quotations and mentions are judged as in plain text.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from begriffe.errors import InputError
from begriffe.positions import OffsetMap, Run
from begriffe.readers import Document, Segment, SegmentKind, bounded
from begriffe.readers.decode import decode_text

SKIPPED = frozenset({"script", "style", "template", "noscript", "code", "kbd", "samp", "svg", "math"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# fmt: off
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "html", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "title", "tr", "ul",
})
# fmt: on
KINDS = {
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6", "title"), SegmentKind.HEADING),
    **dict.fromkeys(("li", "dt", "dd"), SegmentKind.LIST),
    **dict.fromkeys(("td", "th", "caption"), SegmentKind.TABLE),
}
# An opening tag closes the nearest open element of the first set, unless one of the second comes first.
IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol", "menu", "table"}),
    "dt": ({"dt", "dd"}, {"dl", "table"}),
    "dd": ({"dt", "dd"}, {"dl", "table"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
    "option": ({"option"}, {"select", "datalist"}),
}
QUOTES = (("„", "“"), ("‚", "‘"))
WHITESPACE = re.compile(r"[ \t\n\r\f]+")
REFERENCE = re.compile(r"&#?[0-9A-Za-z]+;?")


def read_html(path: str, raw: bytes) -> Document:
    """Decode and read an HTML file."""
    return html_document(path, decode_text(raw))


def html_document(path: str, source: str) -> Document:
    """Segments of the visible text of ``source``; offsets point into the raw HTML."""
    parser = _TextParser(source)
    try:
        parser.feed(source)
        parser.close()
    except AssertionError:  # html.parser's way of giving up on markup it cannot scan
        raise InputError("B313", "Die HTML-Datei enthält Markup, das nicht gelesen werden kann.") from None
    parser.flush()
    return Document(path, source, bounded(parser.segments), markup="html")


class _Builder:
    """Segment text with its runs; collapses whitespace as it goes."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[Run] = []
        self.length = 0
        self.space_at: int | None = None

    def space(self, source_pos: int) -> None:
        if self.length and self.space_at is None:
            self.space_at = source_pos

    def add(self, text: str, source_pos: int, *, copied: bool = True) -> None:
        """Append ``text``; copied text maps 1:1 from ``source_pos``, other text maps to it."""
        if self.space_at is not None:
            self._append(" ", self.space_at, copied=True)
            self.space_at = None
        self._append(text, source_pos, copied=copied)

    def _append(self, text: str, source_pos: int, *, copied: bool) -> None:
        if copied:
            last = self.runs[-1] if self.runs else None
            if (
                last
                and last.segment_start + last.length == self.length
                and last.source_start + last.length == source_pos
            ):
                self.runs[-1] = Run(last.segment_start, last.source_start, last.length + len(text))
            else:
                self.runs.append(Run(self.length, source_pos, len(text)))
        else:
            self.runs += [Run(self.length + i, source_pos, 1) for i in range(len(text))]
        self.parts.append(text)
        self.length += len(text)


class _TextParser(HTMLParser):
    """Collects block-level text runs with their source positions."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[tuple[str, bool]] = []
        self.hidden = 0
        self.segments: list[Segment] = []
        self.builder = _Builder()
        self.kind = SegmentKind.PARAGRAPH

    def _position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in IMPLIED_END:
            self._close_implied(*IMPLIED_END[tag])
        if tag in BLOCKS:
            self._close_implied({"p"}, BLOCKS)
            self.flush()
        if tag == "br":
            self.builder.space(self._position())
        if tag in VOID:
            return
        hide = tag in SKIPPED or any(name == "hidden" for name, _ in attrs)
        self.stack.append((tag, hide))
        self.hidden += hide
        if tag == "q" and not self.hidden:
            self._text(QUOTES[(self._quote_depth() - 1) % 2][0], copied=False)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """``<![CDATA[…]]>`` and the like; anything else after ``<![`` is a bogus comment, as in a browser
        (html.parser would raise AssertionError)."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return self.parse_bogus_comment(i)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if not any(name == tag for name, _ in self.stack):
            return
        if tag == "q" and not self.hidden:
            self._text(QUOTES[(self._quote_depth() - 1) % 2][1], copied=False)
        while self.stack:
            name, hide = self.stack.pop()
            self.hidden -= hide
            if name == tag:
                break
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        start = self._position()
        pos = 0
        for match in WHITESPACE.finditer(data):
            if match.start() > pos:
                self._text(data[pos : match.start()], start + pos)
            self.builder.space(start + match.start())
            pos = match.end()
        if pos < len(data):
            self._text(data[pos:], start + pos)

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()

    def _reference(self) -> None:
        if self.hidden:
            return
        start = self._position()
        raw = REFERENCE.match(self.source, start)
        text = unescape(raw.group()) if raw else ""
        if not text:
            return
        if WHITESPACE.fullmatch(text):
            self.builder.space(start)
        else:
            self._text(text, start, copied=False)

    def _text(self, text: str, source_pos: int | None = None, *, copied: bool = True) -> None:
        if not self.builder.length:
            self.kind = self._current_kind()
        self.builder.add(text, self._position() if source_pos is None else source_pos, copied=copied)

    def _current_kind(self) -> SegmentKind:
        names = [name for name, _ in self.stack]
        if "blockquote" in names:
            return SegmentKind.QUOTE
        for name in reversed(names):
            if name in KINDS:
                return KINDS[name]
        return SegmentKind.PARAGRAPH

    def _quote_depth(self) -> int:
        return sum(1 for name, _ in self.stack if name == "q")

    def _close_implied(self, targets: set[str] | frozenset[str], boundaries: set[str] | frozenset[str]) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            name = self.stack[index][0]
            if name in targets:
                self.handle_endtag(name)
                return
            if name in boundaries:
                return

    def flush(self) -> None:
        """End the current segment."""
        builder = self.builder
        if builder.length:
            text = "".join(builder.parts)
            self.segments.append(Segment(text, OffsetMap(tuple(builder.runs)), self.kind))
        self.builder = _Builder()
