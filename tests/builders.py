"""Build real .docx, .odt and .pdf test files with python-docx, odfpy and reportlab.

``build_docx`` and ``build_odt`` write the same content, so both must read as ``PARAGRAPHS``.
"""

from __future__ import annotations

from pathlib import Path

from begriffe.readers import SegmentKind

PARAGRAPHS = [
    ("Bericht über Asylanten", SegmentKind.HEADING),
    ("Vorher neue Bewohner.", SegmentKind.PARAGRAPH),  # "Asylanten " is a tracked deletion, "neue " an insertion
    ("Siehe Fußnote.", SegmentKind.PARAGRAPH),
    ("Asylanten im Heim", SegmentKind.TABLE),
    ("Zweite Zelle", SegmentKind.TABLE),
    ("Mit Textfeld.", SegmentKind.PARAGRAPH),
    ("Im Textfeld stehen Asylanten.", SegmentKind.PARAGRAPH),
    ("Punkt mit Asylanten", SegmentKind.LIST),
    ("Die Asylanten kamen.", SegmentKind.QUOTE),
    ("Fußnote über Asylanten.", SegmentKind.PARAGRAPH),
    ("Endnote über Asylanten.", SegmentKind.PARAGRAPH),
    ("Kopfzeile mit Asylanten", SegmentKind.PARAGRAPH),
    ("Fußzeile mit Asylanten", SegmentKind.PARAGRAPH),
]

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
VML = "urn:schemas-microsoft-com:vml"


# --- Word -------------------------------------------------------------------------------------


def build_docx(path: Path) -> Path:
    """A .docx with heading, tracked changes, notes, table, text box, list, quote, header, footer."""
    import docx

    document = docx.Document()
    document.add_heading("Bericht über Asylanten", level=1)
    tracked = document.add_paragraph("Vorher ")
    tracked._p.append(_tracked("w:del", _docx_run("Asylanten ", deleted=True)))
    tracked._p.append(_tracked("w:ins", _docx_run("neue ")))
    tracked.add_run("Bewohner.")
    noted = document.add_paragraph("Siehe Fußnote.")
    noted._p.append(_note_reference("w:footnoteReference", "1"))
    noted._p.append(_note_reference("w:endnoteReference", "1"))
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Asylanten im Heim"
    table.cell(0, 1).text = "Zweite Zelle"
    boxed = document.add_paragraph("Mit Textfeld.")
    boxed._p.append(_text_box_run("Im Textfeld stehen Asylanten."))
    document.add_paragraph("Punkt mit Asylanten", style="List Bullet")
    document.add_paragraph("Die Asylanten kamen.", style="Quote")
    _add_notes(document, "footnotes", "Fußnote über Asylanten.")
    _add_notes(document, "endnotes", "Endnote über Asylanten.")
    section = document.sections[0]
    section.header.paragraphs[0].text = "Kopfzeile mit Asylanten"
    section.footer.paragraphs[0].text = "Fußzeile mit Asylanten"
    document.save(path)
    return path


def build_simple_docx(path: Path, paragraphs: list[list[tuple[str, bool]]]) -> Path:
    """A .docx whose paragraphs consist of the given (text, bold) runs."""
    import docx

    document = docx.Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text, bold in runs:
            paragraph.add_run(text).bold = bold
    document.save(path)
    return path


def _docx_run(text: str, *, deleted: bool = False):
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    return run


def _tracked(tag: str, run):
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    change = OxmlElement(
        tag,
        attrs={
            qn("w:id"): "7" if tag == "w:del" else "8",
            qn("w:author"): "Test",
            qn("w:date"): "2024-01-01T00:00:00Z",
        },
    )
    change.append(run)
    return change


def _note_reference(tag: str, note_id: str):
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    run = OxmlElement("w:r")
    run.append(OxmlElement(tag, attrs={qn("w:id"): note_id}))
    return run


def _add_notes(document, name: str, text: str) -> None:
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    note_tag = "w:" + name[:-1]
    root = OxmlElement("w:" + name)
    separator = OxmlElement(note_tag, attrs={qn("w:type"): "separator", qn("w:id"): "0"})
    separator.append(OxmlElement("w:p"))
    root.append(separator)
    note = OxmlElement(note_tag, attrs={qn("w:id"): "1"})
    paragraph = OxmlElement("w:p")
    paragraph.append(_docx_run(text))
    note.append(paragraph)
    root.append(note)
    content_type = CONTENT_TYPE.WML_FOOTNOTES if name == "footnotes" else CONTENT_TYPE.WML_ENDNOTES
    reltype = RELATIONSHIP_TYPE.FOOTNOTES if name == "footnotes" else RELATIONSHIP_TYPE.ENDNOTES
    part = XmlPart(PackURI(f"/word/{name}.xml"), content_type, root, document.part.package)
    document.part.relate_to(part, reltype)


def _text_box_run(text: str):
    """A run with a DrawingML text box and its VML fallback copy (as Word writes it)."""
    from docx.oxml.ns import nsmap, qn
    from docx.oxml.parser import OxmlElement
    from lxml import etree

    def content() -> object:
        box = OxmlElement("w:txbxContent")
        paragraph = OxmlElement("w:p")
        paragraph.append(_docx_run(text))
        box.append(paragraph)
        return box

    run = OxmlElement("w:r")
    alternate = etree.SubElement(run, f"{{{MC}}}AlternateContent", nsmap={"mc": MC, "wps": WPS, "v": VML})
    choice = etree.SubElement(alternate, f"{{{MC}}}Choice", Requires="wps")
    drawing = etree.SubElement(choice, qn("w:drawing"))
    inline = etree.SubElement(drawing, qn("wp:inline"))
    etree.SubElement(inline, qn("wp:extent"), cx="1828800", cy="457200")
    etree.SubElement(inline, qn("wp:docPr"), id="1", name="Textfeld 1")
    graphic = etree.SubElement(inline, qn("a:graphic"), nsmap={"a": nsmap["a"]})
    data = etree.SubElement(graphic, qn("a:graphicData"), uri=WPS)
    shape = etree.SubElement(data, f"{{{WPS}}}wsp")
    etree.SubElement(shape, f"{{{WPS}}}cNvSpPr", txBox="1")
    etree.SubElement(shape, f"{{{WPS}}}spPr")
    etree.SubElement(shape, f"{{{WPS}}}txbx").append(content())
    etree.SubElement(shape, f"{{{WPS}}}bodyPr")
    fallback = etree.SubElement(alternate, f"{{{MC}}}Fallback")
    pict = etree.SubElement(fallback, qn("w:pict"))
    rect = etree.SubElement(pict, f"{{{VML}}}rect", style="width:144pt;height:36pt")
    etree.SubElement(rect, f"{{{VML}}}textbox").append(content())
    return run


# --- OpenDocument -----------------------------------------------------------------------------


def build_odt(path: Path) -> Path:
    """The same content as ``build_docx``, written with odfpy."""
    from odf import dc, draw, office, style, table, text
    from odf.namespaces import TEXTNS, XMLNS
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    quote = style.Style(name="Quotations", family="paragraph")
    listed = style.Style(name="List_20_Bullet", displayname="List Bullet", family="paragraph")
    document.styles.addElement(quote)
    document.styles.addElement(listed)
    layout = style.PageLayout(name="pm1")
    document.automaticstyles.addElement(layout)
    master = style.MasterPage(name="Standard", pagelayoutname=layout)
    header, footer = style.Header(), style.Footer()
    header.addElement(text.P(text="Kopfzeile mit Asylanten"))
    footer.addElement(text.P(text="Fußzeile mit Asylanten"))
    master.addElement(header)
    master.addElement(footer)
    document.masterstyles.addElement(master)

    body = document.text
    changes = text.TrackedChanges()
    for change_id, kind in (("c1", text.Deletion), ("c2", text.Insertion)):
        region = text.ChangedRegion(qattributes={(TEXTNS, "id"): change_id, (XMLNS, "id"): change_id})
        change = kind()
        info = office.ChangeInfo()
        info.addElement(dc.Creator(text="Test"))
        info.addElement(dc.Date(text="2024-01-01T00:00:00"))
        change.addElement(info)
        if kind is text.Deletion:
            change.addElement(text.P(text="Asylanten "))
        region.addElement(change)
        changes.addElement(region)
    body.addElement(changes)
    body.addElement(text.H(outlinelevel=1, text="Bericht über Asylanten"))
    tracked = text.P(text="Vorher ")
    tracked.addElement(text.Change(changeid="c1"))
    tracked.addElement(text.ChangeStart(changeid="c2"))
    tracked.addText("neue ")
    tracked.addElement(text.ChangeEnd(changeid="c2"))
    tracked.addText("Bewohner.")
    body.addElement(tracked)
    noted = text.P(text="Siehe Fußnote.")
    for number, note_class, note_text in (
        ("1", "footnote", "Fußnote über Asylanten."),
        ("i", "endnote", "Endnote über Asylanten."),
    ):
        note = text.Note(id=f"{note_class}1", noteclass=note_class)
        note.addElement(text.NoteCitation(text=number))
        note_body = text.NoteBody()
        note_body.addElement(text.P(text=note_text))
        note.addElement(note_body)
        noted.addElement(note)
    body.addElement(noted)
    grid = table.Table(name="Tabelle1")
    grid.addElement(table.TableColumn(numbercolumnsrepeated=2))
    row = table.TableRow()
    for cell_text in ("Asylanten im Heim", "Zweite Zelle"):
        cell = table.TableCell()
        cell.addElement(text.P(text=cell_text))
        row.addElement(cell)
    grid.addElement(row)
    body.addElement(grid)
    boxed = text.P(text="Mit Textfeld.")
    frame = draw.Frame(anchortype="as-char", width="5cm", height="1cm")
    box = draw.TextBox()
    box.addElement(text.P(text="Im Textfeld stehen Asylanten."))
    frame.addElement(box)
    boxed.addElement(frame)
    body.addElement(boxed)
    items = text.List()
    item = text.ListItem()
    item.addElement(text.P(text="Punkt mit Asylanten"))
    items.addElement(item)
    body.addElement(items)
    body.addElement(text.P(stylename=quote, text="Die Asylanten kamen."))
    document.save(str(path))
    return path


def build_simple_odt(path: Path, paragraphs: list[list[tuple[str, bool]]]) -> Path:
    """An .odt whose paragraphs consist of the given (text, bold) spans."""
    from odf import style, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    bold = style.Style(name="Fett", family="text")
    bold.addElement(style.TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    for runs in paragraphs:
        paragraph = text.P()
        for run_text, is_bold in runs:
            if is_bold:
                paragraph.addElement(text.Span(stylename=bold, text=run_text))
            else:
                paragraph.addText(run_text)
        document.text.addElement(paragraph)
    document.save(str(path))
    return path


# --- PDF --------------------------------------------------------------------------------------


def build_pdf(path: Path, pages: list[list[str]], *, password: str | None = None) -> Path:
    """A PDF with the given lines per page, one paragraph per page, 12 pt type on 14 pt leading."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    for candidate in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
        if Path(candidate).exists():
            pdfmetrics.registerFont(TTFont("DejaVu", candidate))
            font = "DejaVu"
    sheet = canvas.Canvas(str(path), pagesize=A4, encrypt=password)
    for lines in pages:
        sheet.setFont(font, 12)
        y = A4[1] - 72
        for line in lines:
            sheet.drawString(72, y, line)
            y -= 14
        sheet.showPage()
    sheet.save()
    return path
