"""Offsets are kept from the first step; lines and columns are computed at the edge."""

from __future__ import annotations


import pytest

from begriffe.positions import LineIndex, OffsetMap, Run
from begriffe.readers import read_document, read_text

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "beschlussvorlage-entwurf.md"


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, (1, 1)),
        ("abc\ndef", 4, (2, 1)),
        ("abc\r\ndef", 5, (2, 1)),
        ("abc\r\ndef", 6, (2, 2)),
        ("a\rb\nc", 4, (3, 1)),
        ("\n\n", 2, (3, 1)),
    ],
)
def test_line_index(text, offset, expected):
    assert LineIndex(text).location(offset) == expected


def test_offset_map_runs():
    mapping = OffsetMap((Run(0, 10, 5), Run(5, 30, 5)))
    assert mapping.to_source(0) == 10
    assert mapping.to_source(6) == 31
    assert mapping.span_to_source(3, 8) == (13, 33)


def assert_offsets_exact(source: str, findings) -> None:
    for f in findings:
        assert source[f.offset : f.offset + f.length] == f.text
        index = LineIndex(source)
        assert index.location(f.offset) == (f.line, f.column)
        assert index.location(f.offset + f.length) == (f.end_line, f.end_column)


def test_invariant_on_the_example_draft(engine):
    document = read_document(EXAMPLE)
    found = engine.check_document(document)
    assert found, "the example draft is meant to contain findings"
    assert_offsets_exact(EXAMPLE.read_text(encoding="utf-8"), found)


@pytest.mark.parametrize(
    "text",
    [
        "Erste Zeile\r\nDie Asylanten kamen.\r\n\r\nNoch einmal Asylanten.",
        "Die *Asylanten* und **Zigeuner** und [Asylanten](https://example.org/x) im Text.",
        "Die Asylanten\nkamen über die Zeile hinweg.",
        "Eine Zeile mit `Asylanten` im Code und Asylanten im Text.",
        "---\ntitel: Asylanten\n---\n\nText mit Asylanten.\n\n```\nAsylanten\n```\n",
    ],
)
def test_invariant_on_edge_cases(mini, text):
    for markdown in (False, True):
        found = mini.check_document(read_text("t", text, markdown=markdown))
        assert found
        assert_offsets_exact(text, found)


def test_utf8_bom_is_stripped_before_offset_zero(mini, tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffDie Asylanten kamen.".encode("utf-8"))
    document = read_document(path)
    assert document.source.startswith("Die")
    [finding] = mini.check_document(document)
    assert (finding.offset, finding.column) == (4, 5)


def test_markdown_skips_code_front_matter_comments_and_urls(mini):
    text = "---\ntitel: Asylanten\n---\n\n<!-- Asylanten -->\n\n```\nAsylanten\n```\n\n    Asylanten eingerückt\n\n[Link](https://x.de/asylanten) und `Asylanten`.\n"
    assert mini.check_document(read_text("t.md", text, markdown=True)) == []


def test_a_shift_maps_like_a_map_with_one_run():
    """Most segments are unchanged slices of the source and carry a Shift; it must answer every
    question exactly as the equivalent one-run OffsetMap does."""
    from begriffe.positions import Shift

    for source_start in (0, 7):
        for length in (0, 1, 5):
            shift, mapping = Shift(source_start, length), OffsetMap((Run(0, source_start, length),))
            for offset in range(-1, length + 3):
                assert shift.to_source(offset) == mapping.to_source(offset)
                for end in range(-1, length + 3):
                    assert shift.span_to_source(offset, end) == mapping.span_to_source(offset, end)
                    if offset >= 0:
                        assert shift.slice(offset, end) == mapping.slice(offset, end)
    assert OffsetMap.identity(3, 4) == Shift(3, 4)
