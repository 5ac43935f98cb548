"""The web app's JSON API and pages: shapes, German errors, security headers, size limit."""

from __future__ import annotations

import asyncio
import io
import re
import socket
import sys
import threading
import warnings
import zipfile

import pytest
from click.testing import CliRunner

from begriffe.findings import RunResult
from begriffe.readers import READERS, read_text
from begriffe.reporters.json import to_json
from begriffe.web.app import create_app
from begriffe.web.documents import display_name
from begriffe.web.security import MAX_BODY
from begriffe.web.server import bind, is_loopback, page_url

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2")  # starlette prefers httpx2; httpx still works
    from starlette.testclient import TestClient

DRAFT = "Die Asylanten kamen mit der Flüchtlingswelle.\n\nDer Ausländer wartet."
LOCAL = "http://127.0.0.1"  # the app answers only to localhost and IP addresses (DNS rebinding)


@pytest.fixture(scope="module")
def client(mini_compiled):
    with TestClient(create_app(mini_compiled), base_url=LOCAL) as test_client:
        yield test_client


def test_check_text_returns_the_json_format(client, mini):
    response = client.post("/api/check", json={"text": DRAFT, "format": "txt"})
    assert response.status_code == 200
    data = response.json()
    expected = to_json(RunResult(tuple(mini.check_document(read_text("Eingabe", DRAFT))), files=1))
    assert {k: v for k, v in data.items() if k != "document"} == expected
    assert [f["rule"] for f in data["findings"]] == ["asylant", "metapher-welle", "auslaender"]
    assert data["summary"] == {**data["summary"], "findings": 3, "error": 1, "warning": 1, "info": 1}
    assert data["document"] == {"name": "Eingabe", "format": "txt", "source": DRAFT, "annotatable": False}
    for finding in data["findings"]:
        assert DRAFT[finding["offset"] : finding["offset"] + finding["length"]] == finding["text"]


def test_check_markdown_skips_code(client):
    data = client.post("/api/check", json={"text": "`Asylanten` und Asylanten", "format": "md"}).json()
    assert [f["offset"] for f in data["findings"]] == [16]


def test_check_empty_text_has_no_findings(client):
    data = client.post("/api/check", json={"text": ""}).json()
    assert data["findings"] == [] and data["summary"]["findings"] == 0


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        ({"content": b"{kaputt", "headers": {"content-type": "application/json"}}, 400, "kein gültiges JSON"),
        ({"json": {"format": "txt"}}, 400, "„text“ fehlt"),
        ({"json": ["Asylanten"]}, 400, "„text“ fehlt"),
        ({"json": {"text": "x", "format": "docx"}}, 400, "„format“ muss"),
        ({"content": b"Asylanten", "headers": {"content-type": "text/plain"}}, 415, "Erwartet wird JSON"),
        ({"data": {"text": "Asylanten"}, "files": {"andere": ("a.txt", b"x")}}, 400, "Feld „file“"),
    ],
)
def test_check_rejects_bad_requests_in_german(client, kwargs, status, message):
    response = client.post("/api/check", **kwargs)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_upload_text_and_markdown(client):
    data = client.post("/api/check", files={"file": ("entwurf.txt", DRAFT.encode("cp1252"))}).json()
    assert data["summary"]["findings"] == 3
    assert data["document"]["name"] == "entwurf.txt" and data["document"]["source"] == DRAFT
    data = client.post("/api/check", files={"file": ("notiz.md", b"# Asylanten\n\n`Asylanten`")}).json()
    assert [f["line"] for f in data["findings"]] == [1]


def test_upload_name_is_never_a_path(client):
    data = client.post("/api/check", files={"file": ("../../etc/passwd.txt", b"Asylanten")}).json()
    assert data["document"]["name"] == "passwd.txt"
    assert display_name("C:\\Users\\x\\Entwurf.md") == "Entwurf.md"
    assert display_name("\x00<b>.txt") == "b.txt"
    assert display_name("") == "Datei"


@pytest.mark.parametrize(
    ("name", "raw", "code"),
    [
        ("programm.exe", b"MZ", "B305"),
        ("ohne-endung", b"Asylanten", "B305"),
        ("bild.txt", b"\x00\x01\x02" * 50, "B304"),
    ],
)
def test_upload_unreadable_is_422_with_code(client, name, raw, code):
    response = client.post("/api/check", files={"file": (name, raw)})
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert response.json()["error"]


def test_upload_docx(client, tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("Die Asylanten warten.")
    path = tmp_path / "vorlage.docx"
    document.save(path)
    data = client.post("/api/check", files={"file": ("vorlage.docx", path.read_bytes())}).json()
    assert [f["text"] for f in data["findings"]] == ["Asylanten"]
    assert data["document"]["annotatable"] is True and data["document"]["format"] == "docx"


def test_body_over_20_mb_is_413(client):
    big = b"a" * (MAX_BODY + 1)
    response = client.post("/api/check", files={"file": ("gross.txt", big)})
    assert response.status_code == 413
    assert response.json() == {"error": "Die Datei ist zu groß: höchstens 20 MB."}
    body = b'{"text": "' + big + b'"}'
    response = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_body_over_20_mb_without_length_is_413(client):
    def chunks():
        for _ in range(21):
            yield b"a" * (1024 * 1024)

    response = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "20 MB" in response.json()["error"]


def test_lookup_is_fuzzy_and_filters(client):
    data = client.get("/api/lookup", params={"q": "asylantn"}).json()
    assert data["entries"][0]["id"] == "asylant"
    assert data["entries"][0]["url"] == "/eintrag/asylant"
    everything = client.get("/api/lookup").json()
    assert everything["count"] == len(everything["entries"]) > 5
    terms = [e["term"].casefold() for e in everything["entries"]]
    assert terms == sorted(terms)
    only = client.get("/api/lookup", params={"status": "diskriminierend"}).json()["entries"]
    assert only and {e["status"] for e in only} == {"diskriminierend"}
    assert client.get("/api/lookup", params={"cluster": "religion"}).json()["entries"] == []
    assert client.get("/api/lookup", params={"limit": "2"}).json()["count"] == 2


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"cluster": "mond"}, "Unbekanntes Themenfeld „mond“"),
        ({"status": "gut"}, "Unbekannter Status"),
        ({"limit": "0"}, "„limit“"),
    ],
)
def test_lookup_rejects_unknown_filters(client, params, message):
    response = client.get("/api/lookup", params=params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_entry_has_note_sources_and_neighbours(client):
    data = client.get("/api/entries/asylant").json()
    assert data["term"] == "Asylant" and data["status_label"] == "diskriminierend"
    assert data["note"] == "Abwertend." and data["preferred"] == ["Asylsuchende", "Schutzsuchende"]
    assert data["sources"] == [
        {"title": "NdM-Glossar", "publisher": "Neue deutsche Medienmacher*innen", "year": 2024, "url": "https://glossar.neuemedienmacher.de/"}
    ]
    metaphor = client.get("/api/entries/metapher-welle").json()
    assert metaphor["cluster_title"] == "Natur- und Katastrophenmetaphern"


def test_unknown_entry_is_404_in_german(client):
    response = client.get("/api/entries/gibtsnicht")
    assert response.status_code == 404
    assert response.json() == {"error": "Unbekannte Kennung „gibtsnicht“."}
    page = client.get("/eintrag/gibtsnicht")
    assert page.status_code == 404 and "keinen Eintrag „gibtsnicht“" in page.text


def test_unknown_routes_and_methods_are_german(client):
    assert client.get("/api/nichts").json() == {"error": "Diese Seite gibt es nicht."}
    response = client.get("/api/check")
    assert response.status_code == 405 and response.json() == {"error": "Diese Anfrageart ist hier nicht erlaubt."}
    assert "Diese Seite gibt es nicht." in client.get("/nichts").text


def test_annotate_only_for_office_files(client):
    response = client.post("/api/annotate", files={"file": ("a.txt", b"Asylanten")})
    assert response.status_code == 415
    assert ".docx" in response.json()["error"]


def test_annotate_docx(client, tmp_path):
    import docx
    document = docx.Document()
    document.add_paragraph("Die Asylanten warten.")
    buffer = io.BytesIO()
    document.save(buffer)
    response = client.post("/api/annotate", files={"file": ("Vorlage Rat.docx", buffer.getvalue())})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "Vorlage%20Rat-kommentiert.docx" in response.headers["content-disposition"]
    comments = zipfile.ZipFile(io.BytesIO(response.content)).read("word/comments.xml").decode()
    assert "Abwertend." in comments


@pytest.mark.parametrize(
    "path", ["/", "/glossar", "/eintrag/asylant", "/api/lookup?q=a", "/static/style.css", "/nichts"]
)
def test_security_headers_everywhere(client, path):
    headers = client.get(path).headers
    assert headers["content-security-policy"].startswith("default-src 'self'")
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/glossar", "/eintrag/asylant", "/nichts"])
def test_pages_are_german_without_inline_code(client, path):
    html = client.get(path).text
    assert '<html lang="de">' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html.split("<main", 1)[0]), "external asset in head"


def test_check_page_accepts_what_the_readers_read(client):
    html = client.get("/").text
    assert f'accept="{",".join(sorted(READERS))}"' in html


def test_user_input_is_escaped(client):
    html = client.get("/glossar", params={"q": '<script>alert("x")</script>'}).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_glossary_page_filters_server_side(client):
    html = client.get("/glossar", params={"status": "empfohlen"}).text
    assert "Ausländerbehörde" in html and "Asylant<" not in html
    assert client.get("/glossar", params={"cluster": "mond"}).status_code == 400


def test_checks_run_in_one_worker_thread(mini_compiled):
    checker = create_app(mini_compiled).state.checker

    async def many() -> set[str]:
        names = await asyncio.gather(*(checker.run(lambda: threading.current_thread().name) for _ in range(8)))
        return set(names)

    try:
        names = asyncio.run(many())
    finally:
        checker.close()
    assert len(names) == 1 and names.pop().startswith("begriffe-check")


def test_loopback_detection_and_urls():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    assert page_url("0.0.0.0", 80) == "http://127.0.0.1:80/"
    assert page_url("::1", 8765) == "http://[::1]:8765/"


def test_busy_port_is_a_german_error():
    import click

    sock = bind("127.0.0.1", 0)
    try:
        port = sock.getsockname()[1]
        with pytest.raises(click.ClickException, match=f"Port {port} ist schon belegt"):
            bind("127.0.0.1", port)
    finally:
        sock.close()


def test_serve_command_warns_for_other_hosts(monkeypatch, mini_compiled):
    import uvicorn

    from begriffe.cli import main

    served = []
    monkeypatch.setattr("begriffe.compiled.load_compiled", lambda **_: mini_compiled)
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: served.append(sockets))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert "Warnung" in result.output and "anderen Rechnern" in result.output
    assert f"läuft unter http://127.0.0.1:{port}/" in result.output
    served[0][0].close()
    quiet = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert "Warnung" not in quiet.output
    served[1][0].close()


def test_check_command_does_not_import_the_web_stack(tmp_path):
    import subprocess

    path = tmp_path / "t.txt"
    path.write_text("Asylanten", encoding="utf-8")
    code = (
        "import sys; from begriffe.cli import main\n"
        "try:\n    main.main(['check', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('starlette', 'uvicorn', 'multipart', 'begriffe.web') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stderr


def test_entry_page_lists_neighbours_one_line_each(mini_compiled):
    from dataclasses import replace

    glossary = mini_compiled.glossary
    linked = ("auslaender", "gibtsnicht")
    entries = tuple(replace(e, see_also=linked) if e.id == "asylant" else e for e in glossary.entries)
    compiled = replace(mini_compiled, glossary=replace(glossary, entries=entries, redirects={"asylant-alt": "asylant"}))
    with TestClient(create_app(compiled), base_url=LOCAL) as client:
        neighbours = client.get("/api/entries/asylant").json()["see_also"]
        assert [(n["id"], n["note"]) for n in neighbours] == [("auslaender", "Nur im Rechtssinn passend.")]
        html = client.get("/eintrag/asylant").text
        link = '<li><a href="/eintrag/auslaender">Ausländer</a> '
        assert re.search(re.escape(link) + r".*kontextabhängig.* – Nur im Rechtssinn passend\. → besser: ", html)
        moved = client.get("/eintrag/asylant-alt", follow_redirects=False)
        assert moved.status_code == 301 and moved.headers["location"] == "/eintrag/asylant"
        assert client.get("/api/entries/asylant-alt").json()["id"] == "asylant"
