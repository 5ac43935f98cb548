"""Markdown: prose blocks only. Code, front matter, HTML comments, tags and link targets are
blanked out with spaces, so every offset in a segment is the offset in the source file."""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from begriffe.positions import LineIndex, OffsetMap
from begriffe.readers import Document, Segment, SegmentKind, blank_directives, bounded
from begriffe.readers.decode import decode_text

SKIPPED_BLOCKS = frozenset({"fence", "code_block", "front_matter"})
INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
LINK_TARGET = re.compile(r"(?<=\])\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|(?<=\])\[[^\]]*\]")
AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>|https?://\S+")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
KINDS = {"heading_open": SegmentKind.HEADING, "th_open": SegmentKind.TABLE, "td_open": SegmentKind.TABLE}


def read_markdown(path: str, raw: bytes) -> Document:
    """Decode and split a Markdown file."""
    return markdown_document(path, decode_text(raw))


@cache
def _parser() -> MarkdownIt:
    """Block structure only: inline markup is blanked with regexes below, so markdown-it's own
    inline pass (most of its time) is switched off."""
    return MarkdownIt("commonmark").use(front_matter_plugin).enable("table").disable("inline")


def markdown_document(path: str, text: str) -> Document:
    """Segments for each prose block of ``text``; non-prose is blanked, offsets stay exact."""
    tokens = _parser().parse(text)
    index = LineIndex(text)
    blanked, directives = blank_directives(text)
    masked = list(blanked)
    spans: list[tuple[int, int, SegmentKind]] = []
    quote_depth = 0
    list_depth = 0
    kind = SegmentKind.PARAGRAPH
    for token in tokens:
        if token.type == "blockquote_open":
            quote_depth += 1
        elif token.type == "blockquote_close":
            quote_depth -= 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type in KINDS:
            kind = KINDS[token.type]
        elif token.type in ("paragraph_open",):
            kind = SegmentKind.PARAGRAPH
        if token.map is None:
            continue
        start, end = _line_span(index, text, token.map)
        if token.type in SKIPPED_BLOCKS:
            _blank(masked, text, start, end)
        elif token.type == "html_block":
            _blank_markup(masked, text, start, end, (HTML_COMMENT, HTML_TAG))
        elif token.type == "inline":
            _blank_markup(masked, text, start, end, (HTML_COMMENT, INLINE_CODE, LINK_TARGET, AUTOLINK, HTML_TAG))
            segment_kind = SegmentKind.QUOTE if quote_depth else SegmentKind.LIST if list_depth and kind is SegmentKind.PARAGRAPH else kind
            spans.append((start, end, segment_kind))
    clean = "".join(masked)
    built = []
    for start, end, segment_kind in spans:
        while start < end and clean[start].isspace():
            start += 1
        while end > start and clean[end - 1].isspace():
            end -= 1
        if start < end:
            built.append(Segment(clean[start:end], OffsetMap.identity(start, end - start), segment_kind))
    return Document(path, text, bounded(built), markup="markdown", directives=directives)


def _line_span(index: LineIndex, text: str, line_map: list[int]) -> tuple[int, int]:
    first, last = line_map
    start = index.line_start(first + 1) if first < index.line_count else len(text)
    end = index.line_start(last + 1) if last < index.line_count else len(text)
    return start, end


def _blank(masked: list[str], text: str, start: int, end: int) -> None:
    for i in range(start, end):
        if text[i] not in "\r\n":
            masked[i] = " "


def _blank_markup(masked: list[str], text: str, start: int, end: int, patterns: tuple[re.Pattern[str], ...]) -> None:
    for pattern in patterns:
        for m in pattern.finditer(text, start, end):
            _blank(masked, text, m.start(), m.end())
