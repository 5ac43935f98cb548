"""HTML: visible text only, block segments, entities, and positions in the raw HTML file."""

from __future__ import annotations

import pytest

from begriffe.positions import LineIndex
from begriffe.readers import SegmentKind, read_document
from begriffe.readers.html import html_document

PAGE = """<!DOCTYPE html>
<html lang="de">
<head><title>Über die Asylanten</title>
<style>p::after { content: "Asylanten"; }</style>
<script>const wort = "<p>Asylanten</p>";</script></head>
<body>
<!-- Asylanten im Kommentar -->
<h2 class="Asylanten">Die  Ausl&auml;nder&nbsp;und <b>Asyl</b>anten</h2>
<p>Erster Absatz mit Asylanten
über zwei Zeilen<p>Zweiter, nicht geschlossen
<ul><li>Punkt Asylanten<li>Punkt <i>zwei</i></ul>
<blockquote><p>Die Asylanten kamen.</p></blockquote>
<p>Der Begriff <q>Asylant</q> gilt als abwertend.</p>
<table><tr><th>Kopf<td>Asylanten-Zelle</table>
<template><p>Asylanten in der Vorlage</p></template>
<noscript>Asylanten ohne Skript</noscript>
<div hidden>Asylanten versteckt</div>
<p>Code: <code>asylanten()</code> Ende &#228;&#xE4;</p>
</body></html>
"""


@pytest.fixture(scope="module")
def page():
    return html_document("seite.html", PAGE)


def test_visible_text_by_block(page):
    assert [(s.text, s.kind) for s in page.segments] == [
        ("Über die Asylanten", SegmentKind.HEADING),
        ("Die Ausländer\xa0und Asylanten", SegmentKind.HEADING),
        ("Erster Absatz mit Asylanten über zwei Zeilen", SegmentKind.PARAGRAPH),
        ("Zweiter, nicht geschlossen", SegmentKind.PARAGRAPH),
        ("Punkt Asylanten", SegmentKind.LIST),
        ("Punkt zwei", SegmentKind.LIST),
        ("Die Asylanten kamen.", SegmentKind.QUOTE),
        ("Der Begriff „Asylant“ gilt als abwertend.", SegmentKind.PARAGRAPH),
        ("Kopf", SegmentKind.TABLE),
        ("Asylanten-Zelle", SegmentKind.TABLE),
        ("Code: Ende ää", SegmentKind.PARAGRAPH),
    ]
    assert page.source == PAGE and page.markup == "html"


def test_every_character_maps_back(page):
    for segment in page.segments:
        for i, char in enumerate(segment.text):
            at = PAGE[segment.offsets.to_source(i)]
            if char == " ":
                assert at.isspace()
            elif char in "ä\xa0„“":
                assert at in "&<", (segment.text, i)
            else:
                assert at == char, (segment.text, i)


def test_findings_point_into_the_html_file(tmp_path, mini):
    path = tmp_path / "seite.html"
    path.write_text(PAGE, encoding="utf-8")
    document = read_document(path)
    findings = mini.check_document(document)
    lines = PAGE.split("\n")
    assert [f.text for f in findings if f.rule == "auslaender"] == ["Ausl&auml;nder"]
    plain = [f for f in findings if f.rule == "asylant" and "<" not in f.text]
    assert [f.line for f in plain] == [3, 9, 11, 12, 14]
    for finding in plain:
        assert PAGE[finding.offset : finding.offset + finding.length] == finding.text
        assert finding.text.startswith("Asylanten")
        assert lines[finding.line - 1][finding.column - 1 :].startswith(finding.text)
    split = [f for f in findings if f.rule == "asylant" and "<" in f.text]
    assert [f.text for f in split] == ["Asyl</b>anten"]
    assert not any(f.line in (4, 5, 7, 15, 16, 17, 18) for f in findings)


def test_mention_in_q_is_not_reported(mini):
    findings = mini.check_document(html_document("q.html", "<p>Der Begriff <q>Asylant</q> gilt als abwertend.</p>"))
    assert findings == []


def test_entity_maps_to_its_ampersand():
    source = "<p>Die Ausl&auml;nder kamen.</p>"
    segment = html_document("e.html", source).segments[0]
    assert segment.text == "Die Ausländer kamen."
    start, end = segment.offsets.span_to_source(4, 13)
    assert source[start:end] == "Ausl&auml;nder"


def test_crlf_positions():
    source = "<p>Zeile eins</p>\r\n<p>Die Asylanten</p>"
    segment = html_document("crlf.html", source).segments[1]
    start = segment.offsets.to_source(segment.text.index("Asylanten"))
    assert LineIndex(source).location(start) == (2, 8)


def test_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "alt.htm"
    path.write_bytes("<p>Ausländer</p>".encode("cp1252"))
    assert read_document(path).segments[0].text == "Ausländer"
