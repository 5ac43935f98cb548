"""Review comments in .docx and .odt: anchors cover exactly the finding, nothing else changes."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from begriffe.annotate import annotate, output_path
from begriffe.errors import InputError
from begriffe.readers import read_document
from builders import build_docx, build_odt, build_simple_docx, build_simple_odt

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SIMPLE = [
    [("Die Asyl", True), ("anten kamen, weitere Asylanten gingen.", False)],
    [("Keine Treffer hier.", False)],
    [("Asylanten", False)],
]


def _findings(engine, path):
    return engine.check_document(read_document(path))


def docx_comments(path):
    """(author, text, anchored text) per comment, from python-docx and the body XML."""
    import docx

    document = docx.Document(path)
    anchored: dict[str, str] = {}
    open_ids: list[str] = []
    for element in document.element.body.iter():
        if element.tag == W + "commentRangeStart":
            open_ids.append(element.get(W + "id"))
            anchored[open_ids[-1]] = ""
        elif element.tag == W + "commentRangeEnd":
            open_ids.remove(element.get(W + "id"))
        elif element.tag == W + "t":
            for comment_id in open_ids:
                anchored[comment_id] += element.text or ""
    return [(c.author, c.text, anchored.get(str(c.comment_id), "")) for c in document.comments]


def odt_comments(path):
    """(author, text, anchored text) per comment, read back with odfpy."""
    from odf import teletype
    from odf.namespaces import DCNS, OFFICENS, TEXTNS
    from odf.opendocument import load

    notes: dict[str, tuple[str, str]] = {}
    anchored: dict[str, str] = {}
    open_names: list[str] = []

    def walk(node):
        for child in node.childNodes:
            if child.nodeType == child.TEXT_NODE:
                for name in open_names:
                    anchored[name] += child.data
            elif child.qname == (OFFICENS, "annotation"):
                name = child.getAttrNS(OFFICENS, "name") or ""
                author = "".join(teletype.extractText(c) for c in child.childNodes if c.qname == (DCNS, "creator"))
                text = "\n".join(teletype.extractText(c) for c in child.childNodes if c.qname == (TEXTNS, "p"))
                notes[name or f"punkt-{len(notes)}"] = (author, text)
                if name:
                    open_names.append(name)
                    anchored[name] = ""
            elif child.qname == (OFFICENS, "annotation-end"):
                open_names.remove(child.getAttrNS(OFFICENS, "name"))
            elif child.qname == (TEXTNS, "s"):
                for name in open_names:
                    anchored[name] += " " * int(child.getAttrNS(TEXTNS, "c") or 1)
            else:
                walk(child)

    walk(load(str(path)).text)
    return [(author, text, anchored.get(name, "")) for name, (author, text) in notes.items()]


@pytest.mark.parametrize(("build", "comments"), [(build_simple_docx, docx_comments), (build_simple_odt, odt_comments)])
def test_each_comment_covers_exactly_the_finding(tmp_path, mini, build, comments):
    suffix = ".docx" if build is build_simple_docx else ".odt"
    original = build(tmp_path / f"Entwurf{suffix}", SIMPLE)
    before = original.read_bytes()
    findings = _findings(mini, original)
    assert [f.text for f in findings] == ["Asylanten", "Asylanten", "Asylanten"]
    written = annotate(original, findings, force=False)
    assert written == tmp_path / f"Entwurf.begriffe{suffix}"
    assert original.read_bytes() == before
    read_back = comments(written)
    assert [anchor for _, _, anchor in read_back] == [f.text for f in findings]
    for author, text, _ in read_back:
        assert author == "begriffe"
        assert "„Asylanten“: Abwertend." in text
        assert "Regel „asylant“" in text and "begriffe explain asylant" in text
    assert [text.splitlines()[1] for _, text, _ in read_back] == [
        "Besser: Asylsuchenden, Schutzsuchenden",  # „Die Asylanten kamen“
        "Besser: Asylsuchende, Schutzsuchende",  # „weitere Asylanten gingen“
        "Besser: Asylsuchende, Schutzsuchende",  # „Asylanten“ alone
    ]
    assert read_document(written).source == read_document(original).source
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([original.name, written.name])


def test_docx_split_keeps_formatting(tmp_path, mini):
    import docx

    original = build_simple_docx(tmp_path / "Entwurf.docx", SIMPLE)
    written = annotate(original, _findings(mini, original), force=False)
    runs = docx.Document(written).paragraphs[0].runs
    assert [(r.text, bool(r.bold)) for r in runs if r.text] == [
        ("Die ", True),
        ("Asyl", True),
        ("anten", False),
        (" kamen, weitere ", False),
        ("Asylanten", False),
        (" gingen.", False),
    ]


@pytest.mark.parametrize(("build", "comments"), [(build_docx, docx_comments), (build_odt, odt_comments)])
def test_notes_headers_and_text_boxes(tmp_path, mini, build, comments):
    suffix = ".docx" if build is build_docx else ".odt"
    original = build(tmp_path / f"Bericht{suffix}")
    findings = _findings(mini, original)
    read_back = comments(annotate(original, findings, force=False))
    assert len(read_back) == len(findings)
    texts = [text for _, text, _ in read_back]
    assert any(t.startswith("In der Kopfzeile: „Asylanten“") for t in texts)
    assert any(t.startswith("In der Fußzeile: „Asylanten“") for t in texts)
    assert any(t.startswith("In einer Fußnote: „Asylanten“") for t in texts)
    anchors = [anchor for _, _, anchor in read_back]
    assert anchors.count("Asylanten") >= 5  # heading, table, text box, list, quote
    if suffix == ".odt":  # notes live in content.xml and are commented in place
        assert anchors.count("Asylanten") == 7


def test_refuses_to_overwrite_unless_forced(tmp_path, mini):
    original = build_simple_docx(tmp_path / "Entwurf.docx", SIMPLE)
    findings = _findings(mini, original)
    target = output_path(original)
    target.write_bytes(b"alt")
    with pytest.raises(InputError) as caught:
        annotate(original, findings, force=False)
    assert caught.value.code == "B314" and "Entwurf.begriffe.docx" in caught.value.message
    assert target.read_bytes() == b"alt"
    annotate(original, findings, force=True)
    assert len(docx_comments(target)) == 3


def test_other_formats_are_refused(tmp_path):
    path = tmp_path / "text.md"
    path.write_text("Asylanten", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        annotate(path, [], force=False)
    assert caught.value.code == "B315"


def test_stale_findings_are_refused(tmp_path, mini):
    original = build_simple_odt(tmp_path / "Entwurf.odt", SIMPLE)
    findings = _findings(mini, original)
    build_simple_odt(original, [[("Ganz anderer Text ohne Treffer", False)]])
    with pytest.raises(InputError) as caught:
        annotate(original, findings, force=False)
    assert caught.value.code == "B317"
    assert not output_path(original).exists()


def test_no_findings_still_writes_a_copy(tmp_path):
    original = build_simple_docx(tmp_path / "Sauber.docx", [[("Alles gut.", False)]])
    assert docx_comments(annotate(original, [], force=False)) == []


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _soffice(tmp_path, source, fmt):
    outdir = tmp_path / fmt
    result = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--convert-to",
            fmt,
            "--outdir",
            str(outdir),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    converted = outdir / f"{source.stem}.{fmt}"
    assert converted.exists(), result.stderr
    return converted


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; cannot prove the files open")
@pytest.mark.parametrize("build", [build_docx, build_odt])
def test_libreoffice_opens_the_annotated_file(tmp_path, mini, build):
    suffix = ".docx" if build is build_docx else ".odt"
    original = build(tmp_path / f"Bericht{suffix}")
    findings = _findings(mini, original)
    written = annotate(original, findings, force=False)
    assert "Asylanten" in read_document(_soffice(tmp_path, written, "pdf")).source
    kept = odt_comments(_soffice(tmp_path, written, "odt"))
    assert len(kept) == len(findings)
    assert all(author == "begriffe" for author, _, _ in kept)
