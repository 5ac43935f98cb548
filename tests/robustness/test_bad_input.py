"""Bad input never crashes ``begriffe check``: a German message naming the file, the other files are
still checked, the documented exit code (1 if some files were checked, 2 if none), no traceback,
bounded time and memory. Every file is built here, in ``tmp_path``.
"""

from __future__ import annotations

import io
import json
import os
import random
import resource
import stat
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from subproc import run_begriffe, warm_caches  # noqa: F401 - warm_caches is a fixture

from begriffe.cli import main
from begriffe.errors import InputError
from begriffe.readers import MAX_SEGMENT_CHARS, read_document
from begriffe.readers.archive import MAX_ENTRIES, declared_directory
from builders import build_docx, build_odt, build_pdf

FINDING = "Die Asylanten wurden in der Turnhalle untergebracht."
MB = 1024 * 1024

pytestmark = pytest.mark.usefixtures("warm_caches")


def cli(*args: str, stdin: bytes | None = None):
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result


def read_error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_document(path)
    return caught.value


# --- building bad files ---------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(range(256)) * 4
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + random.Random(7).randbytes(4096)


def deflated_zeros(size: int) -> tuple[bytes, int]:
    """``size`` zero bytes, raw-deflated (chunk by chunk: nothing large is ever in memory), and their CRC."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(MB)
    parts, crc = [], 0
    for _ in range(size // MB):
        parts.append(packer.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    parts.append(packer.flush())
    return b"".join(parts), crc


def zip_bomb(path: Path, member: str, size: int, *, declared: int | None = None) -> Path:
    """A zip whose one member inflates to ``size`` zero bytes; its directory claims ``declared`` bytes."""
    data, crc = deflated_zeros(size)
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo(member, (2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size, info.compress_size, info.CRC = size if declared is None else declared, len(data), crc
        info.header_offset = archive.fp.tell()
        archive.fp.write(info.FileHeader(False))
        archive.fp.write(data)
        archive.filelist.append(info)
        archive.NameToInfo[member] = info
        archive.start_dir = archive.fp.tell()
    return path


def many_entries(path: Path, count: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for i in range(count):
            archive.writestr(zipfile.ZipInfo(str(i), (2024, 1, 1, 0, 0, 0)), b"")
    return path


def replace_member(source: Path, target: Path, member: str, data: bytes | None) -> Path:
    """A copy of a zip with ``member`` replaced (or dropped, for None)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename == member:
                if data is not None:
                    new.writestr(info, data)
            else:
                new.writestr(info, old.read(info))
    return target


def cannot_read_after_chmod(path: Path) -> bool:
    """False when running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reading."""
    try:
        if path.is_dir():
            os.listdir(path)
        else:
            path.read_bytes()
    except PermissionError:
        return True
    return False


# --- text encodings, line endings, sizes ------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@pytest.mark.parametrize(
    "raw", [PNG, JPEG, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + bytes(300)], ids=["png", "jpeg", "gif"]
)
def test_images_with_text_suffixes_are_binary(tmp_path, suffix, raw):
    path = tmp_path / f"bild{suffix}"
    path.write_bytes(raw)
    error = read_error(path)
    assert error.code == "B304" and "Binärdatei" in error.message


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("cp1252", b""),
        ("latin-1", b""),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-8", b"\xef\xbb\xbf"),
    ],
)
def test_encodings_are_decoded_with_exact_positions(tmp_path, encoding, prefix):
    text = "Die Ausländerbehörde in Großstädten: Öffnungszeiten für Asylanten.\n"
    path = tmp_path / f"alt-{encoding}.txt"
    path.write_bytes(prefix + text.encode(encoding))
    result = cli("check", "--isolated", "--format", "json", str(path))
    data = json.loads(result.output)
    assert result.exit_code == 1
    [finding] = data["findings"]
    assert finding["text"] == "Asylanten" and (finding["line"], finding["column"]) == (1, text.index("Asylanten") + 1)
    assert text[finding["offset"] : finding["offset"] + finding["length"]] == "Asylanten"


def test_cp1252_specific_characters(tmp_path):
    path = tmp_path / "euro.txt"
    path.write_bytes("„Asylanten“ – 5 € für „Gastarbeiter“…".encode("cp1252"))
    document = read_document(path)
    assert document.source == "„Asylanten“ – 5 € für „Gastarbeiter“…"


def test_mixed_line_endings_count_lines_like_an_editor(tmp_path):
    text = "Erste Zeile\r\nZweite\rDritte\nVierte\r\n\r\nDie Asylanten\rkamen.\n"
    path = tmp_path / "gemischt.txt"
    path.write_bytes(text.encode())
    data = json.loads(cli("check", "--isolated", "--format", "json", str(path)).output)
    [finding] = data["findings"]
    assert (finding["line"], finding["column"]) == (6, 5)
    assert text[finding["offset"] : finding["offset"] + finding["length"]] == "Asylanten"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_empty_text_files_are_checked(tmp_path, suffix):
    path = tmp_path / f"leer{suffix}"
    path.write_bytes(b"")
    result = cli("check", "--isolated", str(path))
    assert result.exit_code == 0 and "Keine Funde in 1 Datei." in result.output


@pytest.mark.parametrize(("suffix", "kind"), [(".docx", "Word"), (".odt", "OpenDocument"), (".pdf", "PDF")])
def test_empty_office_files_are_damaged(tmp_path, suffix, kind):
    path = tmp_path / f"leer{suffix}"
    path.write_bytes(b"")
    error = read_error(path)
    assert error.code == "B313" and kind in error.message


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"Die Asylanten \x00 kamen.", "B304"),
        (b"Die Asylanten \xed\xa0\x80 kamen.", "B303"),  # a UTF-8 encoded surrogate
        (b"\xef\xbb\xbfDie Asylanten \xed\xb0\x80 kamen.", "B303"),
        (b"\xff\xfeD\x00i\x00e\x00 \x00\x00\xd8", "B303"),  # UTF-16 with a lone high surrogate at the end
        ("Flüchtlinge ".encode() + b"\xff\xfe\xfd", "B303"),
    ],
    ids=["nul", "surrogate", "surrogate-after-bom", "utf16-lone-surrogate", "mixed-utf8"],
)
def test_nul_bytes_and_invalid_sequences(tmp_path, raw, code):
    path = tmp_path / "kaputt.txt"
    path.write_bytes(raw)
    assert read_error(path).code == code


def test_invalid_input_on_stdin_exits_2():
    result = cli("check", "--isolated", "-", stdin=b"Asylanten \x00\x01\x02")
    assert result.exit_code == 2 and "<stdin>" in result.output and "B304" in result.output


def test_megabyte_on_one_line_is_checked_in_pieces(tmp_path):
    sentence = "Im Bericht stehen die Asylanten und die Zahlen der Verwaltung für das Jahr. "
    text = sentence * (MB // len(sentence))
    path = tmp_path / "eine-zeile.txt"
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    assert max(len(s.text) for s in document.segments) <= MAX_SEGMENT_CHARS
    done = run_begriffe(["check", "--isolated", "--format", "json", str(path)], timeout=120)
    assert done.code == 1, done.stderr
    findings = json.loads(done.stdout)["findings"]
    assert len(findings) == text.count("Asylanten")
    assert all(text[f["offset"] : f["offset"] + f["length"]] == "Asylanten" for f in findings)
    assert {f["line"] for f in findings} == {1}


def test_one_huge_sentence_full_of_terms_is_checked_completely(engine):
    """Without sentence ends every word lies in one sentence; the pieces keep the work linear."""
    from begriffe.readers import read_text

    text = "die Asylanten und die Flüchtlingswelle und " * 6000  # 258 KB, 12,000 matches, no full stop
    findings = engine.check_document(read_text("x", text))
    assert len(findings) == 12000
    assert all(text[f.offset : f.offset + f.length] == f.text for f in findings)


def test_work_in_one_sentence_grows_linearly_with_its_matches(engine, monkeypatch):
    """Cues that concern the whole sentence (a naming noun, a renaming, a condition word) are
    looked up once per sentence, not once per match in it: four times the matches in one
    sentence cost about four times the lookups, not sixteen."""
    from begriffe.conditions import ConditionChecker
    from begriffe.context import CueSet
    from begriffe.readers import read_text

    calls = {"lookups": 0}

    def counted(original):
        def lookup(*args):
            calls["lookups"] += 1
            return original(*args)

        return lookup

    monkeypatch.setattr(CueSet, "is_mention_noun", counted(CueSet.is_mention_noun))
    monkeypatch.setattr(ConditionChecker, "_hit", counted(ConditionChecker._hit))

    def lookups(matches: int) -> int:
        calls["lookups"] = 0
        sentence = " ".join(f"die Asylanten und die Ausländer Nr{i}" for i in range(matches // 2))
        findings = engine.check_document(read_text("x", sentence))
        assert len(findings) >= matches // 2
        return calls["lookups"]

    few, many = lookups(50), lookups(200)
    assert many <= 5 * few, (few, many)


@pytest.mark.slow
def test_hundred_megabyte_text_file(tmp_path):
    """100 MB of prose with a finding in every megabyte: checked completely, in bounded time and memory."""
    paragraph = "Der Stadtrat beschließt die Fortschreibung des Konzepts für die Jahre 2025 bis 2030.\n\n"
    block = (paragraph * (MB // len(paragraph.encode()) + 1)).encode() + (FINDING + "\n\n").encode()
    path = tmp_path / "riesig.txt"
    with path.open("wb") as handle:
        for _ in range(100):
            handle.write(block)
    assert path.stat().st_size >= 100 * MB
    done = run_begriffe(["check", "--isolated", "--format", "json", str(path)], timeout=180)
    assert done.code == 1
    data = json.loads(done.stdout)
    assert len(data["findings"]) == 100 and data["summary"]["files"] == 1
    assert done.max_rss_mb < 2000, done.max_rss_mb


def test_deeply_nested_html(tmp_path):
    depth = 10_000
    for tag in ("div", "b", "span"):
        source = f"<{tag}>" * depth + "Die Asylanten" + f"</{tag}>" * depth
        path = tmp_path / f"tief-{tag}.html"
        path.write_text(source, encoding="utf-8")
        data = json.loads(cli("check", "--isolated", "--format", "json", str(path)).output)
        [finding] = data["findings"]
        assert source[finding["offset"] : finding["offset"] + finding["length"]] == "Asylanten"
    unclosed = tmp_path / "offen.html"
    unclosed.write_text("<div><p><table><tr><td>" * 3000 + "Die Asylanten <!-- <b", encoding="utf-8")
    assert cli("check", "--isolated", str(unclosed)).exit_code == 1


# --- Word, OpenDocument, PDF ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    folder = tmp_path_factory.mktemp("office")
    return {
        ".docx": build_docx(folder / "gut.docx"),
        ".odt": build_odt(folder / "gut.odt"),
        ".pdf": build_pdf(folder / "gut.pdf", [["Die Asylanten kamen."], ["Zweite Seite"]]),
    }


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".pdf"])
@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.97])
def test_truncated_office_files_are_damaged(tmp_path, office, suffix, fraction):
    raw = office[suffix].read_bytes()
    path = tmp_path / f"abgeschnitten{suffix}"
    path.write_bytes(raw[: int(len(raw) * fraction)])
    assert read_error(path).code == "B313"


@pytest.mark.parametrize(
    ("suffix", "member", "data"),
    [
        (".docx", "word/document.xml", None),
        (".docx", "word/document.xml", b"<w:document><w:body><w:p>"),
        (".docx", "[Content_Types].xml", b"kein XML"),
        (".odt", "content.xml", None),
        (".odt", "content.xml", b"<office:document-content"),
        (".odt", "content.xml", b"<?xml version='1.0'?><x/>"),
        (".odt", "styles.xml", b"\x00\x01kaputt"),
    ],
    ids=[
        "docx-no-body",
        "docx-bad-xml",
        "docx-bad-types",
        "odt-no-content",
        "odt-bad-xml",
        "odt-not-text",
        "odt-bad-styles",
    ],
)
def test_malformed_office_parts_are_damaged(tmp_path, office, suffix, member, data):
    path = replace_member(office[suffix], tmp_path / f"kaputt{suffix}", member, data)
    assert read_error(path).code == "B313"


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_xml_entity_bombs_and_external_entities_are_not_expanded(tmp_path, office, suffix):
    entities = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    doctype = f'<!DOCTYPE x [{entities}<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
    if suffix == ".docx":
        member = "word/document.xml"
        body = (
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            "<w:p><w:r><w:t>Asylanten &j; &ext;</w:t></w:r></w:p></w:body></w:document>"
        )
    else:
        member = "content.xml"
        body = (
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            "<text:p>Asylanten &j; &ext;</text:p></office:text></office:body></office:document-content>"
        )
    path = replace_member(office[suffix], tmp_path / f"bombe{suffix}", member, (doctype + body).encode())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        document = read_document(path)
    except InputError as error:
        assert error.code == "B313"
    else:
        assert "lollol" not in document.source and "root:" not in document.source
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KB


@pytest.mark.parametrize(("suffix", "member"), [(".docx", "word/document.xml"), (".odt", "content.xml")])
def test_zip_bomb_is_refused_before_anything_is_inflated(tmp_path, monkeypatch, suffix, member):
    path = zip_bomb(tmp_path / f"bombe{suffix}", member, 300 * MB)
    assert path.stat().st_size < MB
    opened: list[str] = []
    original = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)  # ZipFile.read goes through open as well
    error = read_error(path)
    assert error.code == "B311" and "300 MB" in error.message and "nicht geöffnet" in error.message
    assert opened == [], "the archive was read"


@pytest.mark.parametrize(("suffix", "member"), [(".docx", "word/document.xml"), (".odt", "content.xml")])
def test_zip_bombs_in_a_real_run_stay_small(tmp_path, suffix, member):
    bombs = [
        zip_bomb(tmp_path / f"gross{suffix}", member, 300 * MB),  # more than 200 MB unpacked
        zip_bomb(tmp_path / f"verhaeltnis{suffix}", member, 120 * MB),  # over 100:1 and over 50 MB
        zip_bomb(tmp_path / f"luegt{suffix}", member, 300 * MB, declared=1000),  # the directory lies
        many_entries(tmp_path / f"viele{suffix}", 70_000),  # a zip64 end record, 70,000 parts
    ]
    done = run_begriffe(["check", "--isolated", *map(str, bombs)], timeout=60)
    assert done.code == 2
    for bomb, code in zip(bombs, ["B311", "B311", "B313", "B311"], strict=True):
        assert f"{bomb}: Lesefehler {code} " in done.stdout, done.stdout
    assert done.max_rss_mb < 200, f"peak memory {done.max_rss_mb:.0f} MB: something was inflated"


def test_directory_size_is_read_from_the_end_record():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a", b"x")
        archive.writestr("b", b"y")
    entries, size = declared_directory(buffer.getvalue())
    assert entries == 2 and 0 < size < 200
    assert declared_directory(b"PK\x03\x04 kein Ende") == (0, 0)
    assert MAX_ENTRIES < 70_000


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".pdf"])
def test_encrypted_files(tmp_path, suffix):
    path = tmp_path / f"geheim{suffix}"
    if suffix == ".pdf":
        build_pdf(path, [["Die Asylanten kamen."]], password="geheim")
    elif suffix == ".docx":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))  # what Word writes: an OLE container
    else:
        manifest = (
            b'<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            b'<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
            b"</manifest:file-entry></manifest:manifest>"
        )
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
            archive.writestr("META-INF/manifest.xml", manifest)
            archive.writestr("content.xml", random.Random(3).randbytes(500))
    error = read_error(path)
    assert error.code == "B312" and ("verschlüsselt" in error.message)


# --- the file system -------------------------------------------------------------------------------------


def test_unreadable_file_and_directory(tmp_path):
    secret = tmp_path / "geheim.txt"
    secret.write_text(FINDING, encoding="utf-8")
    closed = tmp_path / "zu"
    closed.mkdir()
    (closed / "innen.txt").write_text(FINDING, encoding="utf-8")
    good = tmp_path / "gut.txt"
    good.write_text(FINDING, encoding="utf-8")
    secret.chmod(0)
    closed.chmod(0)
    try:
        if not cannot_read_after_chmod(secret) or not cannot_read_after_chmod(closed):
            pytest.skip("chmod 000 hindert das Lesen nicht (läuft als root oder mit CAP_DAC_OVERRIDE)")
        done = run_begriffe(["check", "--isolated", str(good), str(secret), str(closed)])
        assert done.code == 1
        assert f"{secret}: Lesefehler B302 Keine Leseberechtigung." in done.stdout
        assert f"{closed}: Lesefehler B302 Verzeichnis nicht lesbar (keine Berechtigung)." in done.stdout
        assert f"{good}:1:5:" in done.stdout
        only = run_begriffe(["check", "--isolated", str(secret)])
        assert only.code == 2 and "Keine Leseberechtigung" in only.stdout
    finally:
        secret.chmod(stat.S_IRUSR | stat.S_IWUSR)
        closed.chmod(stat.S_IRWXU)


def test_symlink_loops(tmp_path):
    root = tmp_path / "ordner"
    (root / "unter").mkdir(parents=True)
    (root / "unter" / "zurueck").symlink_to(root, target_is_directory=True)  # a directory loop
    (root / "selbst").symlink_to(".", target_is_directory=True)
    (root / "a.txt").symlink_to(root / "b.txt")  # a file loop
    (root / "b.txt").symlink_to(root / "a.txt")
    (root / "gut.txt").write_text(FINDING, encoding="utf-8")
    done = run_begriffe(["check", "--isolated", str(root)], timeout=60)
    assert done.code == 1
    assert f"{root / 'gut.txt'}:1:5:" in done.stdout
    loop = "Datei kann nicht gelesen werden (symbolische Verknüpfungen verweisen im Kreis)."
    assert f"{root / 'a.txt'}: Lesefehler B302 {loop}" in done.stdout
    assert done.stdout.count("gut.txt:1:5") == 1, "a file found twice through a loop"
    named = run_begriffe(["check", "--isolated", str(root / "a.txt")])
    assert named.code == 2 and "im Kreis" in named.stdout


@pytest.mark.parametrize("special", ["fifo", "device"])
def test_pipes_and_devices_are_not_read(tmp_path, special):
    if special == "fifo":
        path = tmp_path / "rohr.txt"
        os.mkfifo(path)
        args = [str(path)]
    else:
        path = Path("/dev/zero")
        args = ["--force", str(path)]
    done = run_begriffe(["check", "--isolated", *args], timeout=30)
    assert done.code == 2 and f"{path}: Lesefehler B301 Keine gewöhnliche Datei" in done.stdout


def test_paths_with_spaces_and_umlauts(tmp_path):
    folder = tmp_path / "Entwürfe 2024" / "Ämter & Ausschüsse"
    folder.mkdir(parents=True)
    path = folder / "Über die Asylanten – Fassung „neu“.md"
    path.write_text(f"# Vorlage\n\n{FINDING}\n", encoding="utf-8")
    done = run_begriffe(["check", "--isolated", str(tmp_path / "Entwürfe 2024")])
    assert done.code == 1 and f"{path}:3:5: Fehler [asylant]" in done.stdout
    as_json = run_begriffe(["check", "--isolated", "--format", "json", str(path)], cwd=folder)
    assert json.loads(as_json.stdout)["findings"][0]["path"] == str(path)


# --- everything at once, as a user would run it ------------------------------------------------------------


def test_one_run_over_every_kind_of_bad_file(tmp_path, office):
    bad = {
        "bild.txt": (PNG, "B304"),
        "bild.md": (JPEG, "B304"),
        "bild.html": (PNG, "B304"),
        "nul.txt": (b"Asylanten\x00", "B304"),
        "surrogat.txt": (b"Asylanten \xed\xa0\x80", "B303"),
        "leer.docx": (b"", "B313"),
        "kaputt.odt": (b"PK\x03\x04kaputt", "B313"),
        "halb.pdf": (office[".pdf"].read_bytes()[:300], "B313"),
        "halb.docx": (office[".docx"].read_bytes()[:2000], "B313"),
        "geheim.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "B312"),
    }
    paths = []
    for name, (raw, _code) in bad.items():
        (tmp_path / name).write_bytes(raw)
        paths.append(tmp_path / name)
    paths.append(zip_bomb(tmp_path / "bombe.odt", "content.xml", 300 * MB))
    bad["bombe.odt"] = (b"", "B311")
    good = tmp_path / "gut.txt"
    good.write_text(FINDING, encoding="utf-8")
    done = run_begriffe(["check", "--isolated", *map(str, paths), str(good)], timeout=120)
    assert done.code == 1, "some files were checked: exit code 1"
    for name, (_raw, code) in bad.items():
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith(f"{tmp_path / name}: Lesefehler ")), "")
        assert f"Lesefehler {code} " in line, (name, done.stdout)
    assert f"{good}:1:5: Fehler [asylant]" in done.stdout
    assert done.stdout.rstrip().endswith(f"in 1 Datei. {len(bad)} Dateien nicht lesbar.")
    assert done.max_rss_mb < 1000
    nothing = run_begriffe(["check", "--isolated", "--format", "json", *map(str, paths)], timeout=120)
    assert nothing.code == 2, "nothing could be checked: exit code 2"
    data = json.loads(nothing.stdout)
    assert data["summary"]["files"] == 0 and len(data["errors"]) == len(bad)
    assert all(e["message"] and e["code"].startswith("B3") for e in data["errors"])


# --- found by the long fuzz run (bench/fuzz.py) -----------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "<![0",
        "<![0 Die Asylanten",
        "<p>Die <![foo[ x ]]> Asylanten</p>",
        "<![if !supportLists]>•<![endif]> Asylanten",
        "<![",
        "<!",
    ],
)
def test_broken_marked_sections_in_html(tmp_path, source):
    """html.parser raised AssertionError on „<![0“; a browser reads it as a comment."""
    path = tmp_path / "kaputt.html"
    path.write_text(source, encoding="utf-8")
    result = cli("check", "--isolated", "--format", "json", str(path))
    assert result.exit_code in (0, 1)
    for finding in json.loads(result.output)["findings"]:
        assert source[finding["offset"] : finding["offset"] + finding["length"]] == finding["text"]


def test_unknown_zip_version_is_damaged(tmp_path, office):
    """zipfile raised NotImplementedError („zip file version 6.4“) for a changed version byte."""
    raw = bytearray(office[".odt"].read_bytes())
    directory = raw.rfind(b"PK\x01\x02")
    raw[directory + 6] = 64  # "version needed to extract" of the last directory entry
    path = tmp_path / "version.odt"
    path.write_bytes(bytes(raw))
    assert read_error(path).code == "B313"
