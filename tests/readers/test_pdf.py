"""PDF: lines, pages, paragraphs with hyphenation undone, encrypted and broken files."""

from __future__ import annotations

import pytest

from begriffe.errors import InputError
from begriffe.readers import read_document
from builders import build_pdf

PAGES = [
    [
        "Die Unterbringung der Flücht-",
        "linge und der Asy-",
        "lanten. Die Ein- und Ausreise,",
        "Asyl-",
        "Bewerber und Aus-",
        "oder Einreise.",
    ],
    ["Auf Seite zwei stehen Asylanten."],
]


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    return read_document(build_pdf(tmp_path_factory.mktemp("pdf") / "bericht.pdf", PAGES))


def test_one_source_line_per_text_line(document):
    assert document.source.split("\n") == [line for page in PAGES for line in page]
    assert document.markup == "pdf"


def test_pages_start_offsets(document):
    assert document.pages == (0, document.source.index("Auf Seite zwei"))


def test_hyphenation_is_joined_in_the_segment(document):
    first = document.segments[0].text
    assert "Flüchtlinge" in first and "Asylanten" in first
    assert "Ein- und Ausreise" in first and "Asyl-Bewerber" in first and "Aus- oder Einreise" in first


def test_segment_characters_map_back(document):
    for segment in document.segments:
        for i, char in enumerate(segment.text):
            at = document.source[segment.offsets.to_source(i)]
            assert at == char or (char == " " and at == "\n"), (segment.text, i)


def test_findings_carry_page_and_cover_the_break(document, mini):
    findings = mini.check_document(document)
    assert [(f.text, f.line, f.column, f.end_line, f.page) for f in findings] == [
        ("Asy-\nlanten", 2, 15, 3, 1),
        ("Asylanten", 7, 23, 7, 2),
    ]
    assert findings[0].to_json()["page"] == 1


def test_other_formats_have_no_page(mini):
    from begriffe.readers import read_text

    finding = mini.check_document(read_text("t.txt", "Die Asylanten kamen."))[0]
    assert finding.page is None and "page" not in finding.to_json()


def test_encrypted_pdf_is_refused(tmp_path):
    path = build_pdf(tmp_path / "geheim.pdf", [["Vertraulich"]], password="geheim")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.code == "B312" and "verschlüsselt" in caught.value.message


def test_pdf_encrypted_only_against_editing_is_read(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = build_pdf(
        tmp_path / "gesperrt.pdf", [["Lesbar für alle"]], password=StandardEncryption("", ownerPassword="chef")
    )
    assert read_document(path).source == "Lesbar für alle"


@pytest.mark.parametrize("damage", [lambda raw: raw[: len(raw) // 3], lambda raw: b"%PDF-1.4\n kaputt"])
def test_damaged_pdf(tmp_path, damage):
    raw = build_pdf(tmp_path / "gut.pdf", [["Text"]]).read_bytes()
    (tmp_path / "kaputt.pdf").write_bytes(damage(raw))
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "kaputt.pdf")
    assert caught.value.code == "B313"


def test_library_warnings_do_not_reach_the_user(tmp_path, caplog):
    import logging

    raw = build_pdf(tmp_path / "gut.pdf", [["Ohne Seitengröße"]]).read_bytes()
    (tmp_path / "schief.pdf").write_bytes(raw.replace(b"/MediaBox", b"/MediaBux"))
    caplog.set_level(logging.DEBUG)
    assert read_document(tmp_path / "schief.pdf").source == "Ohne Seitengröße"
    assert not [r for r in caplog.records if r.name.startswith("pdfminer")]
    assert logging.getLogger("pdfminer").level == logging.NOTSET
