"""Properties of the engine and the readers, checked on generated input (Hypothesis).

1. Nothing raises: any Unicode text (plain, Markdown, HTML), any bytes, mutated Word/ODT/PDF files
   give a Document and findings, or an InputError.
2. Positions are exact: every finding lies in the source, inside one analysed segment whose
   characters there are the source's, and line/column agree with the offset.
3. Splitting does not matter: a plain text of paragraphs gives the same paragraph findings
   as each paragraph checked alone, re-based by its offset.
4. Suppressions hide nothing outside their range.

``bench/fuzz.py`` runs the same functions with the ``long`` profile; ``COUNTS`` tells it how
many examples each one saw.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from profiles import register
from strategies import any_text, paragraph, prose

from begriffe.errors import InputError
from begriffe.positions import LineIndex
from begriffe.readers import READERS, Document, read_text
from begriffe.readers.html import html_document
from begriffe.suppressions import META_RULES

register()  # the Hypothesis profiles (no conftest.py here: several would clash as module "conftest")
COUNTS: Counter[str] = Counter()
SEPARATOR = "\n\n"


def counted(name: str) -> None:
    COUNTS[name] += 1


def document_rules(engine) -> frozenset[str]:
    """Rules that look at the whole document (one hint per document) or at suppression comments."""
    rules = engine.compiled.rules
    whole = {m.entry.id for m in getattr(rules, "mixtures", ())} | {
        d.entry.id for d in getattr(rules, "definitions", ())
    }
    return frozenset(whole) | frozenset(META_RULES)


def paragraph_findings(engine, document: Document, shift: int = 0) -> list[tuple]:
    """Comparable findings of paragraph rules, re-based by ``shift``."""
    skip = document_rules(engine)
    return sorted(
        (f.rule, f.offset + shift, f.length, f.text, f.severity.value, f.context, f.suggestions)
        for f in engine.check_document(document)
        if f.rule not in skip
    )


def assert_exact_positions(engine, document: Document) -> None:
    findings = engine.check_document(document)
    event("findings: " + ("none" if not findings else "1-2" if len(findings) < 3 else "3 or more"))
    source = document.source
    index = LineIndex(source)
    skip = document_rules(engine)
    for f in findings:
        assert 0 <= f.offset <= f.offset + f.length <= len(source), f
        assert source[f.offset : f.offset + f.length] == f.text, f
        assert (f.line, f.column) == index.location(f.offset), f
        assert (f.end_line, f.end_column) == index.location(f.offset + f.length), f
        if f.rule in skip:
            continue
        assert f.length > 0 and f.text.strip() == f.text, f
        holders = [s for s in document.segments if _covers(s, f.offset, f.length)]
        assert holders, f"finding outside every analysed segment: {f}"


def _covers(segment, offset: int, length: int) -> bool:
    """The segment's text holds source[offset:offset+length] unchanged (identity-mapped readers)."""
    start = segment.offsets.to_source(0)
    inside = start <= offset and offset + length <= start + len(segment.text)
    return inside and segment.offsets.span_to_source(offset - start, offset - start + length) == (
        offset,
        offset + length,
    )


# --- 1. nothing raises ------------------------------------------------------------------------------------


@given(text=any_text())
def test_any_plain_text_is_checked(text):
    counted("any_plain_text_is_checked")
    engine = current_engine()
    assert_exact_positions(engine, read_text("x.txt", text))


@given(text=any_text(markdown=True))
def test_any_markdown_is_checked(text):
    counted("any_markdown_is_checked")
    engine = current_engine()
    document = read_text("x.md", text, markdown=True)
    assert_exact_positions(engine, document)
    for segment in document.segments:  # Markdown blanks markup but never moves text
        start = segment.offsets.to_source(0)
        assert all(c == " " or c == document.source[start + i] for i, c in enumerate(segment.text))


@given(text=any_text(markdown=True))
def test_any_html_is_checked(text):
    counted("any_html_is_checked")
    engine = current_engine()
    document = html_document("x.html", read_text("x", text).source)
    for f in engine.check_document(document):
        assert 0 <= f.offset <= f.offset + f.length <= len(document.source), f


@given(
    raw=st.one_of(st.binary(max_size=400), prose(markdown=True).map(lambda t: t.encode("utf-8", "surrogatepass"))),
    suffix=st.sampled_from(sorted(READERS)),
)
def test_any_bytes_are_read_or_refused(raw, suffix):
    counted("any_bytes_are_read_or_refused")
    try:
        document = READERS[suffix](f"x{suffix}", raw)
    except InputError as error:
        assert error.code.startswith("B3") and error.message
        return
    assert isinstance(document.source, str)
    for segment in document.segments:
        assert segment.text


# --- Word, ODT and PDF: mutated real files ----------------------------------------------------------------


@cache
def office_samples() -> dict[str, bytes]:
    """One real file per format (built once), as bytes."""
    import tempfile

    from builders import build_docx, build_odt, build_pdf

    folder = Path(tempfile.mkdtemp(prefix="begriffe-fuzz-"))
    return {
        ".docx": build_docx(folder / "a.docx").read_bytes(),
        ".odt": build_odt(folder / "a.odt").read_bytes(),
        ".pdf": build_pdf(
            folder / "a.pdf", [["Die Asylanten kamen.", "Flücht-", "linge warten."], ["Seite 2"]]
        ).read_bytes(),
    }


MAIN_PART = {".docx": "word/document.xml", ".odt": "content.xml"}


def _mutate_xml(raw: bytes, member: str, edits: list[tuple[int, str]]) -> bytes:
    """The archive with ``member``'s XML text changed at a few places (tags, text, entities)."""
    with zipfile.ZipFile(io.BytesIO(raw)) as old:
        xml = old.read(member).decode("utf-8")
        for position, insert in edits:
            at = position % (len(xml) + 1)
            xml = xml[:at] + insert + xml[at:]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
            for info in old.infolist():
                new.writestr(
                    info.filename, xml.encode("utf-8", "surrogatepass") if info.filename == member else old.read(info)
                )
    return out.getvalue()


XML_PIECES = st.one_of(
    st.sampled_from(
        [
            "<",
            ">",
            "</w:p>",
            "<w:p>",
            "<w:r><w:t>Asylanten</w:t></w:r>",
            "<text:p>Asylanten</text:p>",
            "&amp;",
            "&lt;",
            "&#0;",
            "&#xD800;",
            "]]>",
            "<![CDATA[",
            "<!--",
            "-->",
            '"',
            '<text:s text:c="99999999"/>',
            "<w:tab/>",
            "<w:br/>",
            "<text:tab/>",
            "<text:note>",
            '<w:footnoteReference w:id="9"/>',
        ]
    ),
    st.text(max_size=6),
)


@given(
    suffix=st.sampled_from([".docx", ".odt", ".pdf"]),
    flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=6),
    edits=st.lists(st.tuples(st.integers(0, 10**7), XML_PIECES), max_size=4),
)
def test_mutated_office_files_are_read_or_refused(suffix, flips, edits):
    counted("mutated_office_files_are_read_or_refused")
    engine = current_engine()
    raw = office_samples()[suffix]
    if edits and suffix in MAIN_PART:
        raw = _mutate_xml(raw, MAIN_PART[suffix], edits)
    data = bytearray(raw)
    for position, value in flips:
        data[position % len(data)] = value
    try:
        document = READERS[suffix](f"x{suffix}", bytes(data))
    except InputError as error:
        assert error.code in {"B311", "B312", "B313"}, error
        return
    findings = engine.check_document(document)
    for f in findings:
        assert document.source[f.offset : f.offset + f.length] == f.text
    if suffix in MAIN_PART:
        from begriffe.annotate.docx import annotate_docx
        from begriffe.annotate.odt import annotate_odt

        annotate = annotate_docx if suffix == ".docx" else annotate_odt
        try:
            annotate(bytes(data), [f for f in findings if f.rule not in document_rules(engine)])
        except InputError as error:
            assert error.code in {"B313", "B317"}, error


# --- 2. and 3. positions and paragraph independence ---------------------------------------------------------


@given(paragraphs=st.lists(paragraph(), min_size=1, max_size=6))
def test_findings_do_not_depend_on_how_the_text_is_split(paragraphs):
    """Checking a text whole, or paragraph by paragraph with offsets re-based, finds the same."""
    counted("findings_do_not_depend_on_how_the_text_is_split")
    engine = current_engine()
    whole = SEPARATOR.join(paragraphs)
    together = paragraph_findings(engine, read_text("x.txt", whole))
    event("findings: " + ("none" if not together else "1-2" if len(together) < 3 else "3 or more"))
    apart, offset = [], 0
    for text in paragraphs:
        apart += paragraph_findings(engine, read_text("x.txt", text), shift=offset)
        offset += len(text) + len(SEPARATOR)
    assert together == sorted(apart)


# --- 4. suppressions ----------------------------------------------------------------------------------------


@st.composite
def suppressed_documents(draw):
    """Paragraphs, and a directive put in front of one of them (or around a stretch of them)."""
    paragraphs = draw(st.lists(paragraph(), min_size=1, max_size=6))
    kind = draw(st.sampled_from(["disable-next-line", "disable", "disable-file"]))
    first = draw(st.integers(0, len(paragraphs) - 1))
    last = draw(st.integers(first, len(paragraphs) - 1))
    comment = draw(st.booleans())
    return paragraphs, kind, first, last, comment


def _directive(kind: str, ids: str, comment: bool) -> str:
    text = f"begriffe-{kind} {ids}"
    return f"<!-- {text} -->" if comment else text


@given(case=suppressed_documents(), target=st.data())
def test_suppressions_hide_nothing_outside_their_range(case, target):
    counted("suppressions_hide_nothing_outside_their_range")
    engine = current_engine()
    paragraphs, kind, first, last, comment = case
    before = paragraph_findings(engine, read_text("x.txt", SEPARATOR.join(paragraphs)))
    rules = sorted({f[0] for f in before}) or ["asylant"]
    clusters = engine.known.clusters
    ids = target.draw(st.sampled_from(rules + sorted({clusters[r] for r in rules if r in clusters})), label="id")
    # Build the suppressed text by hand, remembering where each paragraph went.
    opening, closing = _directive(kind, ids, comment), _directive("enable", ids, comment)
    built, starts = "", []
    for i, text in enumerate(paragraphs):
        if i == first:
            built += opening + ("\n" if kind == "disable-next-line" else SEPARATOR)
        starts.append(len(built))
        built += text
        if kind == "disable" and i == last:
            enable_at = len(built) + len(SEPARATOR)
            built += SEPARATOR + closing
        built += SEPARATOR
    if kind == "disable-next-line":  # the next line that is not blank
        following = [i for i in range(first, len(paragraphs)) if paragraphs[i].strip()]
        cover = (starts[following[0]], starts[following[0]] + len(paragraphs[following[0]])) if following else (0, 0)
    elif kind == "disable":
        cover = (starts[first], enable_at)
    else:
        cover = (0, len(built))
    original_starts = [sum(len(t) + len(SEPARATOR) for t in paragraphs[:i]) for i in range(len(paragraphs))]

    def moved(offset: int) -> int:
        """Where an offset of the original text is in the suppressed one."""
        i = max(j for j, at in enumerate(original_starts) if at <= offset)
        return starts[i] + offset - original_starts[i]

    after = Counter(paragraph_findings(engine, read_text("x.txt", built)))
    event(f"{kind}, findings before: {'none' if not before else 'some'}")
    target_rule = engine.known.redirects.get(ids, ids)
    for rule, offset, length, text, severity, context, suggestions in before:
        key = (rule, moved(offset), length, text, severity, context, suggestions)
        if cover[0] <= key[1] < cover[1] and target_rule in (rule, clusters.get(rule)):
            assert after[key] == 0, f"{key} should be suppressed by {kind} {ids}:\n{built!r}"
        else:
            assert after[key] > 0, f"{key} was hidden by {kind} {ids} outside {cover}:\n{built!r}"


_ENGINE: list = []


def current_engine():
    """The engine on the shipped glossary (set by the fixture below, or by bench/fuzz.py)."""
    return _ENGINE[0]


def use_engine(engine) -> None:
    _ENGINE[:] = [engine]


@pytest.fixture(autouse=True, scope="module")
def _shared_engine(engine):
    """Share the session's engine without making it an argument (Hypothesis would print it)."""
    use_engine(engine)


def test_directive_words_are_not_analysed():
    """Found by the suppression property: the ids of a directive made its paragraph a list of terms,
    which hid a finding of another rule."""
    engine = current_engine()
    alone = paragraph_findings(engine, read_text("x.txt", "Antiziganismus Assimilation"))
    directive = "begriffe-disable-next-line antiziganismus\n"
    with_directive = paragraph_findings(engine, read_text("x.txt", directive + "Antiziganismus Assimilation"))
    kept = [f for f in alone if f[0] != "antiziganismus"]
    assert [(f[0], f[1] + len(directive), *f[2:]) for f in kept] == with_directive
