"""OpenDocument text (.odt): body, text boxes, footnotes, endnotes, headers and footers.

Read with zipfile and lxml rather than odfpy: odfpy prints a whole XML part to stdout and
carries on with an empty document when that part is malformed, and on saving it rewrites
every part; lxml reports errors, parses without entity expansion or network access, and lets
``annotate`` change content.xml alone. Tracked deletions live only in text:tracked-changes
and are skipped; tracked insertions are ordinary text.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import Any

from begriffe.errors import InputError
from begriffe.readers import Document, SegmentKind
from begriffe.readers.archive import damaged, open_zip
from begriffe.readers.office import Inline, Paragraph, Place, paragraph_document, style_kind

# Namespaces in lxml's {uri} form, ready to prefix local names.
OFFICE, TEXT, TABLE, DRAW, STYLE = (
    f"{{urn:oasis:names:tc:opendocument:xmlns:{name}:1.0}}" for name in ("office", "text", "table", "drawing", "style")
)
BODY_TEXT = f"{OFFICE}body/{OFFICE}text"
TEXT_P, TEXT_H, TEXT_LIST, TEXT_NOTE = TEXT + "p", TEXT + "h", TEXT + "list", TEXT + "note"
BLOCKS = frozenset({TEXT_P, TEXT_H, TEXT_LIST})
SECTIONS = frozenset({TEXT + "section", TEXT + "index-body", TEXT + "list-item", TEXT + "list-header"})
TABLE_ROWS = frozenset({TABLE + "table-rows", TABLE + "table-header-rows", TABLE + "table-row-group"})
TABLE_CELLS = frozenset({TABLE + "table-cell", TABLE + "covered-table-cell"})
INLINE_SKIP = frozenset({OFFICE + "annotation", TEXT + "ruby-text", TEXT + "tracked-changes"})
SPACE_LIKE = {TEXT + "tab": "\t", TEXT + "line-break": " "}
HEADERS = (STYLE + "header", STYLE + "header-left", STYLE + "header-first")
FOOTERS = (STYLE + "footer", STYLE + "footer-left", STYLE + "footer-first")


@dataclass(frozen=True, slots=True)
class OdtPackage:
    """An opened .odt: the zip and the parsed content.xml and styles.xml."""

    archive: zipfile.ZipFile
    content: Any
    styles: Any


def read_odt(path: str, raw: bytes) -> Document:
    """Paragraphs of an .odt file as a Document (line = paragraph number)."""
    return paragraph_document(path, odt_paragraphs(load_odt(raw)), markup="odt")


def load_odt(raw: bytes) -> OdtPackage:
    """Open an .odt package; InputError for oversized, damaged or non-text files."""
    archive = open_zip(raw, "OpenDocument")
    if b"encryption-data" in (_member(archive, "META-INF/manifest.xml") or b""):
        raise InputError(
            "B312", "Die OpenDocument-Datei ist mit einem Kennwort verschlüsselt und kann nicht gelesen werden."
        )
    content = _parse(archive, "content.xml")
    if content is None or content.find(BODY_TEXT) is None:
        raise InputError("B313", "Die Datei ist kein OpenDocument-Textdokument (kein office:text in content.xml).")
    return OdtPackage(archive, content, _parse(archive, "styles.xml"))


def odt_paragraphs(package: OdtPackage) -> list[Paragraph]:
    """All paragraphs in reading order: body, footnotes, endnotes, headers, footers."""
    walker = _Walker(_style_kinds(package))
    walker.blocks(package.content.find(BODY_TEXT), SegmentKind.PARAGRAPH, Place.BODY)
    for place in (Place.FOOTNOTE, Place.ENDNOTE):
        for note in walker.notes:
            if note.get(TEXT + "note-class", "footnote") == place.value:
                walker.blocks(note.find(TEXT + "note-body"), SegmentKind.PARAGRAPH, place)
    masters = list(package.styles.iter(STYLE + "master-page")) if package.styles is not None else []
    for place, tags in ((Place.HEADER, HEADERS), (Place.FOOTER, FOOTERS)):
        for master in masters:
            for story in master:
                if story.tag in tags and story.get(STYLE + "display") != "false":
                    walker.blocks(story, SegmentKind.PARAGRAPH, place)
    return walker.paragraphs


def paragraph_inline(p: Any) -> Inline:
    """Text and pieces of one text:p or text:h (lxml text/tail slots, text:s and tabs as nodes)."""
    inline = Inline()
    _inline(p, inline)
    return inline


class _Walker:
    """Collects paragraphs of block content; notes are gathered for a later pass."""

    def __init__(self, kinds: dict[str, SegmentKind]) -> None:
        self.kinds = kinds
        self.paragraphs: list[Paragraph] = []
        self.notes: list[Any] = []

    def blocks(self, container: Any, kind: SegmentKind, place: Place) -> None:
        if container is None:
            return
        for child in container:
            tag = child.tag
            if tag in (TEXT_P, TEXT_H):
                self.paragraph(child, kind, place)
            elif tag == TEXT_LIST:
                self.blocks(child, SegmentKind.LIST if kind is SegmentKind.PARAGRAPH else kind, place)
            elif tag in SECTIONS:
                self.blocks(child, kind, place)
            elif tag == TABLE + "table":
                self.table(child, place)
            elif child.find(TEXT + "index-body") is not None:
                self.blocks(child.find(TEXT + "index-body"), kind, place)
            elif isinstance(tag, str) and tag.startswith(DRAW):
                for box in _text_boxes(child):
                    self.blocks(box, SegmentKind.PARAGRAPH, place)

    def table(self, table: Any, place: Place) -> None:
        for child in table:
            if child.tag == TABLE + "table-row":
                for cell in child:
                    if cell.tag in TABLE_CELLS:
                        self.blocks(cell, SegmentKind.TABLE, place)
            elif child.tag in TABLE_ROWS:
                self.table(child, place)

    def paragraph(self, p: Any, kind: SegmentKind, place: Place) -> None:
        inline = paragraph_inline(p)
        by_style = self.kinds.get(p.get(TEXT + "style-name", ""))
        if by_style is SegmentKind.QUOTE:
            kind = by_style
        elif p.tag == TEXT_H or by_style is SegmentKind.HEADING:
            kind = SegmentKind.HEADING
        elif kind is SegmentKind.PARAGRAPH and by_style is SegmentKind.LIST:
            kind = SegmentKind.LIST
        self.paragraphs.append(Paragraph(p, inline.text, kind, place))
        self.notes.extend(inline.notes)
        for box in inline.boxes:
            self.blocks(box, SegmentKind.PARAGRAPH, place)


def _inline(element: Any, inline: Inline) -> None:
    inline.add(element.text, element, "text")
    for child in element:
        if isinstance(child.tag, str):  # not a comment, processing instruction or unexpanded entity
            _inline_child(child, inline)
        inline.add(child.tail, child, "tail")


def _inline_child(child: Any, inline: Inline) -> None:
    tag = child.tag
    if tag == TEXT + "s":
        inline.add(" " * _count(child), child)
    elif tag in SPACE_LIKE:
        inline.add(SPACE_LIKE[tag], child)
    elif tag == TEXT_NOTE:
        inline.notes.append(child)
    elif tag.startswith(DRAW):
        inline.boxes.extend(_text_boxes(child))
    elif tag not in INLINE_SKIP:
        _inline(child, inline)


def _count(space: Any) -> int:
    try:
        return max(1, min(int(space.get(TEXT + "c", "1")), 1000))
    except ValueError:
        return 1


def _text_boxes(shape: Any) -> list[Any]:
    """Elements below a drawing shape that hold paragraphs directly (text boxes, shape text)."""
    if any(child.tag in BLOCKS for child in shape):
        return [shape]
    found = []
    for child in shape:
        if isinstance(child.tag, str) and child.tag.startswith(DRAW):
            found.extend(_text_boxes(child))
    return found


def _style_kinds(package: OdtPackage) -> dict[str, SegmentKind]:
    """Paragraph style name → HEADING/QUOTE, judged along the parent-style chain."""
    styles: dict[str, tuple[str, str]] = {}
    for root in (package.styles, package.content):
        if root is None:
            continue
        for style in root.iter(STYLE + "style"):
            name = style.get(STYLE + "name", "")
            styles[name] = (style.get(STYLE + "parent-style-name", ""), style.get(STYLE + "display-name", name))
    kinds = {}
    for name in styles:
        names, current = [], name
        while current in styles and len(names) < 20:
            parent, display = styles[current]
            names += [current, display]
            current = parent
        kind = style_kind(names)
        if kind is not None:
            kinds[name] = kind
    return kinds


def _member(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        return archive.read(name)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise damaged("OpenDocument") from None


def _parse(archive: zipfile.ZipFile, name: str) -> Any:
    from lxml import etree

    data = _member(archive, name)
    if data is None:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise damaged("OpenDocument") from None
