"""Reading files: encodings, binary detection, paragraphs and Markdown blocks."""

from __future__ import annotations

import pytest

from begriffe.errors import InputError
from begriffe.readers import SegmentKind, read_document, read_text
from begriffe.readers.decode import decode_text


def test_utf8_and_bom():
    assert decode_text("Flüchtlinge".encode()) == "Flüchtlinge"
    assert decode_text(b"\xef\xbb\xbfFl\xc3\xbcchtlinge") == "Flüchtlinge"


def test_utf16_with_bom():
    assert decode_text("Flüchtlinge".encode("utf-16")) == "Flüchtlinge"


def test_cp1252_with_umlauts_is_read_correctly():
    raw = "Ausländerbehörde „Größe“ – Maßnahme".encode("cp1252")
    assert decode_text(raw) == "Ausländerbehörde „Größe“ – Maßnahme"


def test_broken_utf8_is_reported_not_guessed():
    raw = "Flüchtlinge ".encode() + b"\xff\xfe kaputt"
    with pytest.raises(InputError) as caught:
        decode_text(raw)
    assert caught.value.code == "B303" and "UTF-8" in caught.value.message


def test_binary_is_refused():
    with pytest.raises(InputError) as caught:
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert caught.value.code == "B304"


def test_empty_file_has_no_segments(tmp_path):
    path = tmp_path / "leer.txt"
    path.write_bytes(b"")
    assert read_document(path).segments == ()


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as caught:
        read_document(tmp_path / "fehlt.txt")
    assert caught.value.code == "B301"


def test_plain_paragraphs_and_list_items():
    text = "Erster Absatz\nmit zwei Zeilen.\n\n- Punkt eins\n- Punkt zwei\n\nLetzter."
    segments = read_text("t.txt", text).segments
    assert [s.text for s in segments] == ["Erster Absatz\nmit zwei Zeilen.", "- Punkt eins", "- Punkt zwei", "Letzter."]
    assert [s.kind for s in segments][1] is SegmentKind.LIST
    for s in segments:
        start = s.offsets.to_source(0)
        assert text[start : start + len(s.text)] == s.text


def test_markdown_blocks_and_kinds():
    text = "# Titel\n\nAbsatz.\n\n> Zitat im Block.\n\n- Punkt\n"
    segments = read_text("t.md", text, markdown=True).segments
    assert [(s.text.strip("#> -"), s.kind) for s in segments] == [
        ("Titel", SegmentKind.HEADING),
        ("Absatz.", SegmentKind.PARAGRAPH),
        ("Zitat im Block.", SegmentKind.QUOTE),
        ("Punkt", SegmentKind.LIST),
    ]
