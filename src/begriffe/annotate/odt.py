"""OpenDocument comments: office:annotation … office:annotation-end around the finding in content.xml.

Only content.xml changes; every other part is copied byte for byte. A finding in a header or
footer (styles.xml) is commented at the start of the body's first paragraph.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from itertools import count
from typing import Any

from begriffe.annotate.comment import AUTHOR, comment_lines, locate
from begriffe.findings import Finding
from begriffe.readers.archive import damaged
from begriffe.readers.odt import BODY_TEXT, OFFICE, TEXT, OdtPackage, load_odt, odt_paragraphs, paragraph_inline
from begriffe.readers.office import Paragraph, Place

DC = "{http://purl.org/dc/elements/1.1/}"
ANNOTATION, ANNOTATION_END, NAME = OFFICE + "annotation", OFFICE + "annotation-end", OFFICE + "name"


def annotate_odt(raw: bytes, findings: list[Finding]) -> bytes:
    """The .odt in ``raw`` with one comment per finding, as bytes."""
    from lxml import etree

    package = load_odt(raw)
    paragraphs = odt_paragraphs(package)
    taken = {element.get(NAME) for element in package.content.iter(ANNOTATION, ANNOTATION_END)}
    names = (name for name in (f"begriffe-{i}" for i in count(1)) if name not in taken)
    opening = None
    for finding in findings:
        paragraph, start, end = locate(paragraphs, finding)
        lines = comment_lines(finding, paragraph.place)
        if paragraph.place in (Place.HEADER, Place.FOOTER):
            opening = opening if opening is not None else _first_body_paragraph(etree, package, paragraphs)
            _insert(opening, 0, _annotation(etree, "", lines), after=False)
            continue
        name = next(names)
        _insert(paragraph.element, end, etree.Element(ANNOTATION_END, {NAME: name}), after=True)
        _insert(paragraph.element, start, _annotation(etree, name, lines), after=False)
    return _write(package, etree.tostring(package.content, xml_declaration=True, encoding="UTF-8"))


def _annotation(etree: Any, name: str, lines: list[str]) -> Any:
    note = etree.Element(ANNOTATION, {NAME: name} if name else {})
    etree.SubElement(note, DC + "creator").text = AUTHOR
    etree.SubElement(note, DC + "date").text = datetime.now().replace(microsecond=0).isoformat()
    for line in lines:
        etree.SubElement(note, TEXT + "p").text = line
    return note


def _insert(p: Any, offset: int, element: Any, *, after: bool) -> None:
    """Put ``element`` at paragraph character ``offset``, next to the character before (after) or at it."""
    pieces = paragraph_inline(p).pieces
    if after:
        piece = next((x for x in reversed(pieces) if x.start < offset <= x.end), None)
    else:
        piece = next((x for x in pieces if x.start <= offset < x.end), None)
    if piece is None:
        p.append(element)
        return
    node, cut = piece.node, offset - piece.start
    if piece.slot == "text":
        node.text, element.tail = node.text[:cut], node.text[cut:]
        node.insert(0, element)
        return
    # parent.insert keeps tails where they are on every lxml version (addnext moves them)
    parent = node.getparent()
    if piece.slot == "tail":
        node.tail, element.tail = node.tail[:cut], node.tail[cut:]
        parent.insert(parent.index(node) + 1, element)
    elif cut == 0:
        parent.insert(parent.index(node), element)
    else:
        node.tail, element.tail = None, node.tail
        parent.insert(parent.index(node) + 1, element)


def _first_body_paragraph(etree: Any, package: OdtPackage, paragraphs: list[Paragraph]) -> Any:
    """The body's first paragraph; an empty body gets one."""
    found = next((p.element for p in paragraphs if p.place is Place.BODY), None)
    if found is None:
        found = etree.SubElement(package.content.find(BODY_TEXT), TEXT + "p")
    return found


def _write(package: OdtPackage, content: bytes) -> bytes:
    """The package with a new content.xml; every other entry copied unchanged, in order."""
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w") as target:
            for info in package.archive.infolist():
                data = content if info.filename == "content.xml" else package.archive.read(info)
                entry = zipfile.ZipInfo(info.filename, info.date_time)
                entry.compress_type, entry.external_attr = info.compress_type, info.external_attr
                target.writestr(entry, data)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError):
        raise damaged("OpenDocument") from None
    return out.getvalue()
