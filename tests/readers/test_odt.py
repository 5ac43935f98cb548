"""OpenDocument text: reading order, kinds, tracked changes, notes, frames, broken files."""

from __future__ import annotations

import zipfile

import pytest

from begriffe.errors import InputError
from begriffe.readers import read_document
from builders import PARAGRAPHS, build_odt, build_simple_odt


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    return read_document(build_odt(tmp_path_factory.mktemp("odt") / "entwurf.odt"))


def test_same_paragraphs_and_order_as_word(rich):
    assert rich.source.split("\n") == [text for text, _ in PARAGRAPHS]
    assert [(s.text, s.kind) for s in rich.segments] == PARAGRAPHS
    assert rich.markup == "odt"


def test_tracked_deletion_is_not_text(rich):
    assert rich.source.split("\n")[1] == "Vorher neue Bewohner."


def test_findings_point_to_paragraph_and_column(rich, mini):
    lines = rich.source.split("\n")
    findings = mini.check_document(rich)
    assert len(findings) == sum("Asylanten" in text for text, _ in PARAGRAPHS)
    for finding in findings:
        assert lines[finding.line - 1][finding.column - 1 : finding.end_column - 1] == finding.text == "Asylanten"


def test_spaces_tabs_and_line_breaks(tmp_path):
    from odf import text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    paragraph = text.P(text="Die")
    paragraph.addElement(text.S(c=3))
    paragraph.addText("Asyl")
    paragraph.addElement(text.Span(text="anten"))
    paragraph.addElement(text.LineBreak())
    paragraph.addText("kamen")
    paragraph.addElement(text.Tab())
    paragraph.addText("heute.")
    document.text.addElement(paragraph)
    document.save(str(tmp_path / "leerraum.odt"))
    assert read_document(tmp_path / "leerraum.odt").source == "Die   Asylanten kamen\theute."


def test_existing_comments_are_not_text(tmp_path):
    from odf import dc, office, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    paragraph = text.P(text="Vor ")
    note = office.Annotation()
    note.addElement(dc.Creator(text="Jemand"))
    note.addElement(text.P(text="Asylanten im Kommentar"))
    paragraph.addElement(note)
    paragraph.addText("nach.")
    document.text.addElement(paragraph)
    document.save(str(tmp_path / "kommentar.odt"))
    assert read_document(tmp_path / "kommentar.odt").source == "Vor nach."


@pytest.mark.parametrize("damage", [lambda raw: raw[: len(raw) // 2], lambda raw: b"kein zip" * 100])
def test_damaged_files_raise_input_error(tmp_path, damage):
    raw = build_simple_odt(tmp_path / "gut.odt", [[("Text", False)]]).read_bytes()
    (tmp_path / "kaputt.odt").write_bytes(damage(raw))
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "kaputt.odt")
    assert caught.value.code == "B313"


def _replace_member(source, target, name, data: bytes) -> None:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as out:
        for info in original.infolist():
            out.writestr(info, data if info.filename == name else original.read(info))


def test_malformed_content_xml(tmp_path):
    good = build_simple_odt(tmp_path / "gut.odt", [[("Text", False)]])
    _replace_member(good, tmp_path / "kaputt.odt", "content.xml", b"<office:document-content")
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "kaputt.odt")
    assert caught.value.code == "B313" and "beschädigt" in caught.value.message


def test_spreadsheet_is_no_text_document(tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet

    OpenDocumentSpreadsheet().save(str(tmp_path / "tabelle.odt"))
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "tabelle.odt")
    assert caught.value.code == "B313" and "kein OpenDocument-Textdokument" in caught.value.message


def test_entities_are_not_expanded(tmp_path):
    from lxml import etree

    good = build_simple_odt(tmp_path / "gut.odt", [[("Text", False)]])
    with zipfile.ZipFile(good) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    doctype = b'<!DOCTYPE x [<!ENTITY a "Asylanten">]>'
    body = etree.tostring(root)
    _replace_member(good, tmp_path / "entity.odt", "content.xml", doctype + body.replace(b">Text<", b">&a;<"))
    assert "Asylanten" not in read_document(tmp_path / "entity.odt").source
