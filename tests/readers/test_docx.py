"""Word documents: reading order, kinds, tracked changes, text boxes, notes, broken and oversized files."""

from __future__ import annotations

import io
import zipfile

import pytest

from begriffe.errors import InputError
from begriffe.readers import SegmentKind, read_document
from begriffe.readers import archive as archive_module
from builders import PARAGRAPHS, build_docx, build_simple_docx


@pytest.fixture(scope="module")
def rich(tmp_path_factory):
    return read_document(build_docx(tmp_path_factory.mktemp("docx") / "entwurf.docx"))


def test_one_line_per_paragraph_in_documented_order(rich):
    assert rich.source.split("\n") == [text for text, _ in PARAGRAPHS]
    assert rich.markup == "docx"


def test_kinds(rich):
    assert [(s.text, s.kind) for s in rich.segments] == PARAGRAPHS


def test_tracked_deletion_is_not_text_insertion_is(rich):
    assert rich.source.split("\n")[1] == "Vorher neue Bewohner."


def test_text_box_is_read_once(rich):
    assert rich.source.count("Im Textfeld stehen Asylanten.") == 1


def test_segments_map_to_their_line(rich):
    for segment in rich.segments:
        start = segment.offsets.to_source(0)
        assert rich.source[start : start + len(segment.text)] == segment.text


def test_findings_point_to_paragraph_and_column(tmp_path, mini):
    document = read_document(build_docx(tmp_path / "entwurf.docx"))
    findings = mini.check_document(document)
    lines = document.source.split("\n")
    assert {f.line for f in findings} == {i for i, (text, _) in enumerate(PARAGRAPHS, 1) if "Asylanten" in text}
    for finding in findings:
        assert lines[finding.line - 1][finding.column - 1 : finding.end_column - 1] == finding.text == "Asylanten"


def test_runs_and_line_breaks_inside_a_paragraph(tmp_path):
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Die Asyl").bold = True
    paragraph.add_run("anten\nkamen.")
    document.add_paragraph("Zweiter Absatz")
    document.save(tmp_path / "umbruch.docx")
    read = read_document(tmp_path / "umbruch.docx")
    assert read.source == "Die Asylanten kamen.\nZweiter Absatz"


def test_empty_paragraphs_count_as_lines(tmp_path):
    path = build_simple_docx(tmp_path / "leer.docx", [[("Erster", False)], [], [("Dritter", False)]])
    read = read_document(path)
    assert read.source == "Erster\n\nDritter"
    assert [s.text for s in read.segments] == ["Erster", "Dritter"]


@pytest.mark.parametrize("damage", [lambda raw: raw[: len(raw) // 2], lambda raw: b"kein zip" * 100, lambda raw: b""])
def test_damaged_files_raise_input_error(tmp_path, damage):
    raw = build_simple_docx(tmp_path / "gut.docx", [[("Text", False)]]).read_bytes()
    path = tmp_path / "kaputt.docx"
    path.write_bytes(damage(raw))
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.code == "B313" and "beschädigt" in caught.value.message


def test_zip_that_is_no_word_file(tmp_path):
    path = tmp_path / "fremd.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hallo.txt", "Hallo")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.code == "B313"


def _with_member(source, target, name, data: bytes) -> None:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in original.infolist():
            out.writestr(info, original.read(info))
        out.writestr(name, data)


def test_zip_bomb_is_refused_before_decompression(tmp_path, monkeypatch):
    base = build_simple_docx(tmp_path / "basis.docx", [[("Text", False)]])
    bomb = tmp_path / "bombe.docx"
    _with_member(base, bomb, "word/media/nullen.bin", bytes(60 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024

    def no_inflating(*args, **kwargs):
        raise AssertionError("an entry was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflating)
    with pytest.raises(InputError) as caught:
        read_document(bomb)
    assert caught.value.code == "B311" and "verdächtig stark gepackt" in caught.value.message


def test_oversized_container_is_refused(tmp_path, monkeypatch):
    import os

    base = build_simple_docx(tmp_path / "basis.docx", [[("Text", False)]])
    big = tmp_path / "gross.docx"
    _with_member(base, big, "word/media/rauschen.bin", os.urandom(2 * 1024 * 1024))
    monkeypatch.setattr(archive_module, "MAX_UNPACKED", 1024 * 1024)
    with pytest.raises(InputError) as caught:
        read_document(big)
    assert caught.value.code == "B311" and "höchstens" in caught.value.message


def test_password_protected_word_file(tmp_path):
    path = tmp_path / "geschuetzt.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.code == "B312"


def test_heading_by_outline_level_and_numbered_list(tmp_path):
    import docx
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    heading = document.add_paragraph("Gliederungsebene")
    heading._p.get_or_add_pPr().append(OxmlElement("w:outlineLvl", attrs={qn("w:val"): "0"}))
    document.add_paragraph("Aufzählung", style="List Number")
    document.save(tmp_path / "arten.docx")
    kinds = [s.kind for s in read_document(tmp_path / "arten.docx").segments]
    assert kinds == [SegmentKind.HEADING, SegmentKind.LIST]


def test_in_memory_raw_bytes_are_enough():
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Speicher")
    document.save(buffer)
    from begriffe.readers.docx import read_docx

    assert read_docx("mem.docx", buffer.getvalue()).source == "Speicher"
