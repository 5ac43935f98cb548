"""Word (.docx): body, text boxes, footnotes, endnotes, headers and footers, one line per paragraph.

python-docx is the maintained library for .docx; it opens the package and resolves parts and
styles, and since 1.2 it writes comments (used by ``annotate``). Its paragraph API hides
tracked changes, text boxes and notes, so paragraphs are walked on its lxml elements directly:
tracked insertions count as text, deletions (w:del, w:moveFrom) and field codes do not.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from begriffe.errors import InputError
from begriffe.readers import Document, SegmentKind
from begriffe.readers.archive import damaged, open_zip
from begriffe.readers.office import Inline, Paragraph, Place, paragraph_document, style_kind

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc are OLE compound files
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
P, TBL, TR, TC, SDT, SDT_CONTENT = (W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
R, TXBX_CONTENT, PPR, RPR = W + "r", W + "txbxContent", W + "pPr", W + "rPr"
BLOCK_WRAPPERS = frozenset(W + t for t in ("ins", "moveTo", "customXml", "smartTag"))
INLINE_WRAPPERS = frozenset(
    W + t for t in ("ins", "moveTo", "hyperlink", "smartTag", "fldSimple", "customXml", "dir", "bdo")
)
RUN_TEXT = {
    W + "tab": "\t",
    W + "ptab": "\t",
    W + "br": " ",
    W + "cr": " ",
    W + "noBreakHyphen": "-",
    W + "softHyphen": "\u00ad",
}
NOTE_REFS = {W + "footnoteReference": Place.FOOTNOTE, W + "endnoteReference": Place.ENDNOTE}
OUTLINE_LEVELS = frozenset("012345678")
SEPARATOR_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
NOTE_PARTS = (
    (Place.FOOTNOTE, "footnotes", W + "footnote"),
    (Place.ENDNOTE, "endnotes", W + "endnote"),
)


def read_docx(path: str, raw: bytes) -> Document:
    """Paragraphs of a .docx file as a Document (line = paragraph number)."""
    return paragraph_document(path, docx_paragraphs(load_docx(raw)), markup="docx")


def load_docx(raw: bytes) -> DocxDocument:
    """Open a .docx package; InputError for oversized, damaged or non-Word files."""
    import docx

    if raw.startswith(OLE_MAGIC):
        raise InputError("B312", "Die Word-Datei ist verschlüsselt (mit Kennwort geschützt) oder eine alte .doc-Datei.")
    open_zip(raw, "Word").close()
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception:  # whatever the parser trips over in untrusted input means: damaged
        raise damaged("Word") from None
    root = document.element
    if root.tag != W + "document" or root.find(W + "body") is None:  # python-docx does not check the root
        raise damaged("Word")
    return document


def docx_paragraphs(document: DocxDocument) -> list[Paragraph]:
    """All paragraphs in reading order: body, footnotes, endnotes, headers, footers."""
    walker = _Walker(_style_kinds(document))
    body = document.element.body
    walker.blocks(body, SegmentKind.PARAGRAPH, Place.BODY)
    for place, name, tag in NOTE_PARTS:
        for note in _note_elements(document, name, tag):
            anchor = walker.refs.get((place, note.get(W + "id")))
            walker.blocks(note, SegmentKind.PARAGRAPH, place, anchor)
    for place, tag in ((Place.HEADER, W + "headerReference"), (Place.FOOTER, W + "footerReference")):
        for root in _story_roots(document, body, tag):
            walker.blocks(root, SegmentKind.PARAGRAPH, place)
    return walker.paragraphs


def paragraph_inline(p: Any) -> Inline:
    """Text and pieces of one w:p; each piece's node is a run child (its run is the parent)."""
    inline = Inline()
    _inline(p, inline)
    return inline


def run_child_text(child: Any) -> str:
    """The characters one child of a w:r contributes to the paragraph text."""
    if child.tag == W + "t":
        return child.text or ""
    return RUN_TEXT.get(child.tag, "")


class _Walker:
    """Collects paragraphs of block content; remembers where notes are referenced."""

    def __init__(self, kinds: dict[str, SegmentKind]) -> None:
        self.kinds = kinds
        self.paragraphs: list[Paragraph] = []
        self.refs: dict[tuple[Place, str], Any] = {}

    def blocks(self, container: Any, kind: SegmentKind, place: Place, anchor: Any = None) -> None:
        for child in container:
            tag = child.tag
            if tag == P:
                self.paragraph(child, kind, place, anchor)
            elif tag == TBL:
                for row in child.iter(TR):
                    if _nearest(row, TBL) is child:
                        for cell in row.iterchildren(TC):
                            self.blocks(cell, SegmentKind.TABLE, place, anchor)
            elif tag == SDT:
                for content in child.iterchildren(SDT_CONTENT):
                    self.blocks(content, kind, place, anchor)
            elif tag in BLOCK_WRAPPERS:
                self.blocks(child, kind, place, anchor)

    def paragraph(self, p: Any, kind: SegmentKind, place: Place, anchor: Any) -> None:
        inline = paragraph_inline(p)
        self.paragraphs.append(Paragraph(p, inline.text, self.kind(p, kind), place, anchor))
        for run, note_place, note_id in inline.notes:
            self.refs.setdefault((note_place, note_id), run)
        for box in inline.boxes:
            self.blocks(box, SegmentKind.PARAGRAPH, place, anchor)

    def kind(self, p: Any, inherited: SegmentKind) -> SegmentKind:
        """Quote and heading styles win, then the table a cell sits in, then numbering."""
        style = p.find(f"{PPR}/{W}pStyle")
        by_style = self.kinds.get(style.get(W + "val")) if style is not None else None
        outline = p.find(f"{PPR}/{W}outlineLvl")
        if by_style is SegmentKind.QUOTE:
            return by_style
        if by_style is SegmentKind.HEADING or (outline is not None and outline.get(W + "val") in OUTLINE_LEVELS):
            return SegmentKind.HEADING
        if inherited is not SegmentKind.PARAGRAPH:
            return inherited
        if by_style is SegmentKind.LIST or p.find(f"{PPR}/{W}numPr") is not None:
            return SegmentKind.LIST
        return inherited


def _inline(container: Any, inline: Inline) -> None:
    for child in container:
        tag = child.tag
        if tag == R:
            _run(child, inline)
        elif tag in INLINE_WRAPPERS:
            _inline(child, inline)
        elif tag == SDT:
            for content in child.iterchildren(SDT_CONTENT):
                _inline(content, inline)


def _run(run: Any, inline: Inline) -> None:
    for child in run:
        text = run_child_text(child)
        if text:
            inline.add(text, child)
        elif child.tag in NOTE_REFS:
            inline.notes.append((run, NOTE_REFS[child.tag], child.get(W + "id")))
        elif child.tag != RPR:
            inline.boxes.extend(_text_boxes(child))


def _text_boxes(element: Any) -> list[Any]:
    """Outermost w:txbxContent below ``element``; mc:Fallback copies are skipped."""
    found = []
    for child in element:
        if child.tag == TXBX_CONTENT:
            found.append(child)
        elif child.tag != MC_FALLBACK:
            found.extend(_text_boxes(child))
    return found


def _nearest(element: Any, tag: str) -> Any:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _style_kinds(document: DocxDocument) -> dict[str, SegmentKind]:
    """Paragraph style id → QUOTE/HEADING/LIST, judged by the names along the based-on chain."""
    from docx.enum.style import WD_STYLE_TYPE

    kinds = {}
    for style in document.styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        names, current, depth = [], style, 0
        while current is not None and depth < 10:
            names.append(current.name or "")
            current, depth = current.base_style, depth + 1
        kind = style_kind(names)
        if kind is not None:
            kinds[style.style_id] = kind
    return kinds


def _note_elements(document: DocxDocument, name: str, tag: str) -> list[Any]:
    from docx.oxml.parser import parse_xml

    for rel in document.part.rels.values():
        if not rel.is_external and rel.reltype.endswith("/" + name):
            try:
                root = parse_xml(rel.target_part.blob)
            except Exception:  # a notes part that does not parse means: damaged
                raise damaged("Word") from None
            return [n for n in root.iterchildren(tag) if n.get(W + "type") not in SEPARATOR_NOTES]
    return []


def _story_roots(document: DocxDocument, body: Any, tag: str) -> list[Any]:
    """Header or footer roots in the order the sections reference them, each once."""
    roots, seen = [], set()
    for sect in body.iter(W + "sectPr"):
        for ref in sect.iterchildren(tag):
            part = document.part.related_parts.get(ref.get(R_ID))
            if part is not None and id(part) not in seen:
                seen.add(id(part))
                roots.append(part.element)
    return roots
