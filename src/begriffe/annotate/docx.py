"""Word comments with python-docx (≥ 1.2): runs are split so a comment covers exactly the finding.

Word allows comments only in the body (text boxes included). A finding in a footnote or endnote
is commented on its reference mark, one in a header or footer on the body's first run.
"""

from __future__ import annotations

import io
from copy import deepcopy
from typing import TYPE_CHECKING, Any

from begriffe.annotate.comment import AUTHOR, INITIALS, comment_lines, locate
from begriffe.findings import Finding
from begriffe.readers.docx import RPR, docx_paragraphs, load_docx, paragraph_inline, run_child_text
from begriffe.readers.office import Paragraph, Place

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def annotate_docx(raw: bytes, findings: list[Finding]) -> bytes:
    """The .docx in ``raw`` with one comment per finding, as bytes."""
    from docx.text.run import Run

    document = load_docx(raw)
    paragraphs = docx_paragraphs(document)
    opening = None
    for finding in findings:
        paragraph, start, end = locate(paragraphs, finding)
        if paragraph.place is Place.BODY:
            first, last = _exact_runs(paragraph.element, start, end)
        elif paragraph.anchor is not None:
            first = last = paragraph.anchor
        else:
            opening = opening if opening is not None else _first_body_run(document, paragraphs)
            first = last = opening
        text = "\n".join(comment_lines(finding, paragraph.place))
        document.add_comment([Run(first, document), Run(last, document)], text=text, author=AUTHOR, initials=INITIALS)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _exact_runs(p: Any, start: int, end: int) -> tuple[Any, Any]:
    """Split runs at ``start`` and ``end``; return the first and last run of [start, end)."""
    _split_at(p, start)
    _split_at(p, end)
    pieces = paragraph_inline(p).pieces
    first = next(piece for piece in pieces if piece.start <= start < piece.end)
    last = next(piece for piece in pieces if piece.start < end <= piece.end)
    return first.node.getparent(), last.node.getparent()


def _split_at(p: Any, offset: int) -> None:
    """Make ``offset`` (a paragraph character) the start of a run."""
    run, run_start = None, 0
    for piece in paragraph_inline(p).pieces:
        parent = piece.node.getparent()
        if parent is not run:
            run, run_start = parent, piece.start
        if piece.start <= offset < piece.end and run_start < offset:
            _split_run(run, offset - run_start)
            return


def _split_run(run: Any, offset: int) -> None:
    """Move everything from character ``offset`` of ``run`` into a new run after it (same formatting)."""
    right = deepcopy(run)
    for child in list(right):
        if child.tag != RPR:
            right.remove(child)
    count = 0
    for child in list(run):
        if child.tag == RPR:
            continue
        length = len(run_child_text(child))
        if count >= offset:
            right.append(child)
        elif count + length > offset:
            rest = deepcopy(child)
            rest.text, child.text = child.text[offset - count :], child.text[: offset - count]
            for t in (child, rest):
                t.set(XML_SPACE, "preserve")
            right.append(rest)
        count += length
    run.addnext(right)


def _first_body_run(document: DocxDocument, paragraphs: list[Paragraph]) -> Any:
    for paragraph in paragraphs:
        if paragraph.place is Place.BODY:
            pieces = paragraph_inline(paragraph.element).pieces
            if pieces:
                return pieces[0].node.getparent()
    return document.add_paragraph().add_run()._r
