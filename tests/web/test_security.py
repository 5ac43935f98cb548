"""Security of ``begriffe serve``: user strings stay text (checked in Chromium), limits for size and
time, no file system path from a request, the Host check against DNS rebinding, security headers
on every response, loopback by default, and a load test against a real server.
"""

from __future__ import annotations

import io
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from livebrowser import CHROMIUM, chromium, live_server, watched_page

from begriffe.web.app import create_app
from begriffe.web.security import MAX_BODY, host_allowed

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=".*httpx2")
    from starlette.testclient import TestClient

LOCAL = "http://127.0.0.1"
MB = 1024 * 1024
MARK = "window.__pwned = 1; document.title = 'pwned'"
PAYLOADS = [
    f"<script>{MARK}</script>",
    f'<img src=x onerror="{MARK}">',
    f'"><svg onload="{MARK}">',
    f'<iframe srcdoc="<script>parent.{MARK}</script>"></iframe>',
    f'<a href="javascript:{MARK}">Asylanten</a>',
    "{{7*7}} ${window.__pwned=1} <!-- ]]>",
]
DRAFT = "Die Asylanten kamen. " + " ".join(PAYLOADS) + "\n\nDie Flüchtlingswelle und <b>Asylanten</b>."
HTML_UPLOAD = (
    "<html><head><script>" + MARK + "</script></head><body>"
    '<p>Die Asyl<img src=x onerror="' + MARK + '">anten kamen.</p>'
    "<p>&lt;script&gt;" + MARK + "&lt;/script&gt; und die Asylanten</p></body></html>"
)
CHECK_TITLE = "Text prüfen – begriffe"


@pytest.fixture(scope="module")
def client(mini_compiled):
    with TestClient(create_app(mini_compiled), base_url=LOCAL) as test_client:
        yield test_client


def docx_bytes(text: str = "Die Asylanten warten.") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- in Chromium: nothing a user sends is ever run ------------------------------------------------------------------

browser_only = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} fehlt (Debian-Paket chromium)")


@pytest.fixture(scope="module")
def server(mini_compiled):
    with live_server(create_app(mini_compiled)) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} fehlt")
    with chromium(server) as (context, blocked):
        yield context, blocked


@pytest.fixture()
def page(browser):
    """A page that fails the test on console errors: an injected script or handler would be
    blocked by the CSP and reported there. Chromium logs a 404 page itself as "Failed to load
    resource"; that is no script and no CSP report."""
    with watched_page(*browser, tolerated=("status of 404",)) as page:
        yield page


def assert_not_run(page, title: str) -> None:
    page.wait_for_timeout(300)  # give onerror/onload handlers a chance
    assert page.evaluate("window.__pwned") is None
    assert page.title() == title
    assert page.locator("img[src=x], svg[onload], iframe, script:not([src])").count() == 0


@browser_only
@pytest.mark.parametrize("fmt", ["Text", "Markdown"])
def test_pasted_payloads_stay_text(page, server, fmt):
    from playwright.sync_api import expect

    page.goto(server + "/")
    page.get_by_label("Text einfügen").fill(DRAFT)
    page.get_by_label(fmt, exact=True).check()
    page.get_by_role("button", name="Prüfen", exact=True).click()
    expect(page.locator("#result")).to_be_visible()
    expect(page.locator("#document")).to_contain_text("<script>window.__pwned")
    marks = page.locator("mark.finding")
    assert marks.count() >= 2
    marks.first.click()  # the note shows the finding's text and suggestions
    expect(page.locator("[role=dialog]").first).to_be_visible()
    assert_not_run(page, CHECK_TITLE)


@browser_only
def test_uploaded_name_and_content_stay_text(page, server):
    from playwright.sync_api import expect

    page.goto(server + "/")
    name = f'<img src=x onerror="{MARK}">Entwurf.html'
    page.get_by_label("Oder eine Datei hochladen").set_input_files(
        {"name": name, "mimeType": "text/html", "buffer": HTML_UPLOAD.encode()}
    )
    expect(page.locator("#result")).to_be_visible()  # choosing a file starts the check
    expect(page.locator("#doc-name")).to_contain_text("Entwurf.html")
    expect(page.locator("#document")).to_contain_text("<script>window.__pwned")  # the HTML source, shown as text
    page.locator("mark.finding").first.click()
    assert_not_run(page, CHECK_TITLE)


@browser_only
def test_search_queries_stay_text(page, server):
    from playwright.sync_api import expect

    for payload in PAYLOADS[:3]:
        page.goto(server + "/glossar?q=" + quote(payload))
        expect(page.get_by_label("Begriff suchen")).to_have_value(payload)
        assert_not_run(page, "Glossar – begriffe")
        page.get_by_label("Begriff suchen").fill(payload + " ")
        expect(page.locator("#count")).to_contain_text("Kein Eintrag zu „" + payload.strip() + "“")
        assert_not_run(page, "Glossar – begriffe")


@browser_only
def test_error_pages_stay_text(page, server):
    from playwright.sync_api import expect

    page.goto(server + "/eintrag/" + quote(PAYLOADS[1], safe=""))
    expect(page.locator("main")).to_contain_text("keinen Eintrag „<img src=x onerror=")
    assert_not_run(page, "Fehler 404 – begriffe")


# --- every response carries the security headers -----------------------------------------------------------------


def all_kinds_of_responses(mini_compiled):
    """(description, response) for every kind of answer the app gives."""
    big = TestClient(create_app(mini_compiled, max_body=MB), base_url=LOCAL)
    slow = TestClient(create_app(mini_compiled, check_seconds=0.05), base_url=LOCAL)
    normal = TestClient(create_app(mini_compiled), base_url=LOCAL)
    with normal, big, slow:
        yield "page", normal.get("/")
        yield "static", normal.get("/static/pruefen.js")
        yield "favicon", normal.get("/static/favicon.svg")
        yield "static 404", normal.get("/static/gibtsnicht.css")
        yield "page 404", normal.get("/gibtsnicht")
        yield "api 404", normal.get("/api/entries/gibtsnicht")
        yield "405", normal.get("/api/check")
        yield "415", normal.post("/api/check", content=b"x", headers={"content-type": "text/plain"})
        yield "422", normal.post("/api/check", files={"file": ("a.txt", b"\x00\x01")})
        yield "redirect", normal.get("/glossar/", follow_redirects=False)
        yield "annotate", normal.post("/api/annotate", files={"file": ("a.docx", docx_bytes())})
        yield "413", big.post("/api/check", files={"file": ("a.txt", b"a" * (MB + 1))})
        yield "400 host", normal.get("/", headers={"host": "angreifer.example"})
        slow.app.state.checker._pool.submit(lambda: None).result(timeout=120)  # after the warm-up
        yield "503", slow.post("/api/check", json={"text": "Die Asylanten kamen. " * 40_000})


def test_security_headers_on_every_response(mini_compiled):
    seen = set()
    for kind, response in all_kinds_of_responses(mini_compiled):
        seen.add(response.status_code)
        assert response.headers["content-security-policy"].startswith("default-src 'self'"), kind
        assert response.headers["x-content-type-options"] == "nosniff", kind
        assert response.headers["referrer-policy"] == "no-referrer", kind
    assert {200, 307, 400, 404, 405, 413, 415, 422, 503} <= seen


# --- limits: size, body time, check time -------------------------------------------------------------------------


def test_upload_limit_is_configurable(mini_compiled):
    with TestClient(create_app(mini_compiled, max_body=2 * MB), base_url=LOCAL) as small:
        response = small.post("/api/check", files={"file": ("a.txt", b"Asylanten " * (MB // 4))})
        assert response.status_code == 413 and response.json() == {"error": "Die Datei ist zu groß: höchstens 2 MB."}
        assert small.post("/api/check", files={"file": ("a.txt", b"Asylanten")}).status_code == 200
        page = small.get("/").text
        assert f'data-max-bytes="{2 * MB}"' in page and "höchstens 2 MB." in page
    with TestClient(create_app(mini_compiled), base_url=LOCAL) as default:
        assert f'data-max-bytes="{MAX_BODY}"' in default.get("/").text and MAX_BODY == 20 * MB


def test_serve_options_bind_loopback_limit_uploads_and_time_out_idle_connections(monkeypatch, mini_compiled):
    import uvicorn

    from begriffe.cli import main

    served = []
    monkeypatch.setattr("begriffe.compiled.load_compiled", lambda **_: mini_compiled)
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: served.append((self.config, sockets)))
    result = CliRunner().invoke(main, ["serve", "--port", str(free_port()), "--max-upload", "3"])
    assert result.exit_code == 0, result.output
    config, sockets = served[0]
    assert sockets[0].getsockname()[0] == "127.0.0.1" and "Warnung" not in result.output
    assert config.timeout_keep_alive == 5
    with TestClient(config.app, base_url=LOCAL) as client:
        assert "höchstens 3 MB." in client.get("/").text
        assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
        assert client.get("/", headers={"host": "angreifer.example:8765"}).status_code == 400
    sockets[0].close()
    wide = CliRunner().invoke(main, ["serve", "--port", str(free_port()), "--host", "0.0.0.0"])
    assert "Warnung" in wide.output and "keine Anmeldung" in wide.output
    with TestClient(served[1][0].app, base_url=LOCAL) as client:  # the computer's own name is allowed then
        assert client.get("/", headers={"host": socket.gethostname()}).status_code == 200
    served[1][1][0].close()
    assert CliRunner().invoke(main, ["serve", "--max-upload", "0"]).exit_code == 2


def test_slow_request_bodies_time_out(mini_compiled):
    app = create_app(mini_compiled, body_seconds=1.0)
    with live_server(app) as url:
        port = int(url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(
                b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                b'Content-Length: 1000\r\n\r\n{"text": "Asyl'
            )
            started = time.monotonic()
            raw = conn.recv(65536)
            waited = time.monotonic() - started
            head, _, body = raw.partition(b"\r\n\r\n")
            length = int(
                next(ln.split(b":")[1] for ln in head.split(b"\r\n") if ln.lower().startswith(b"content-length"))
            )
            while len(body) < length:
                body += conn.recv(65536)
            answer = (head + b"\r\n\r\n" + body).decode("utf-8", "replace")
        assert answer.startswith("HTTP/1.1 408"), answer
        assert "zu langsam" in answer and "content-security-policy" in answer.lower()
        assert 0.5 < waited < 5


def test_checks_have_a_time_limit(mini_compiled):
    app = create_app(mini_compiled, check_seconds=1.0)
    idle = lambda: app.state.checker._pool.submit(lambda: None).result(timeout=120)  # noqa: E731 - queue drained
    with TestClient(app, base_url=LOCAL) as client:
        idle()  # the warm-up (spaCy) is done
        started = time.monotonic()
        # Sentences that differ, so no piece of the text is a repeat of one already analysed: minutes of work.
        text = " ".join(f"Die Asylanten kamen am {i}. Tag." for i in range(200_000))
        response = client.post("/api/check", json={"text": text})
        took = time.monotonic() - started
        assert response.status_code == 503
        assert response.json()["error"].startswith("Die Prüfung hat länger als 1 Sekunde gedauert")
        assert took < 5, took
        idle()
        assert time.monotonic() - started < 15, "the check stopped at the next paragraph"
        after = client.post("/api/check", json={"text": "Die Asylanten kamen."})
        assert after.status_code == 200 and after.json()["summary"]["findings"] == 1, "the worker is free again"


# --- no path from a request -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "/etc/passwd",
        "C:\\Users\\x\\.ssh\\id_rsa.txt",
        "....//....//etc/passwd.txt",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd.txt",
        "\x00/etc/passwd.txt",
        "passwd\x00.txt",
    ],
)
def test_upload_names_are_never_paths(client, name):
    response = client.post("/api/check", files={"file": (name, b"Die Asylanten kamen.")})
    assert response.status_code in (200, 422)
    assert "root:" not in response.text
    if response.status_code == 200:
        shown = response.json()["document"]["name"]
        assert "/" not in shown and "\\" not in shown and "\x00" not in shown


def test_annotate_download_name_is_never_a_path(client):
    response = client.post("/api/annotate", files={"file": ("../../../tmp/x/Vorlage.docx", docx_bytes())})
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert "/" not in disposition.split("filename*=")[1].replace("%2F", "/").split("''")[1]
    assert "Vorlage-kommentiert.docx" in disposition


@pytest.mark.parametrize(
    "path",
    [
        "/api/entries/..%2F..%2F..%2Fetc%2Fpasswd",
        "/api/entries/%2e%2e",
        "/eintrag/..%2F..%2Fetc%2Fpasswd",
        "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/../app.py",
        "/static/..%2fapp.py",
        "/static//etc/passwd",
        "/api/entries/%00",
    ],
)
def test_traversal_urls_reach_no_file(client, path):
    response = client.get(path)
    assert response.status_code in (400, 404), (path, response.status_code)
    assert "root:" not in response.text and "create_app" not in response.text


def test_traversal_on_the_raw_socket(server):
    """Without a client normalising the URL first."""
    port = int(server.rsplit(":", 1)[1])
    for target in ("/static/../../../../etc/passwd", "/static/../app.py", "/api/entries/../../../etc/passwd"):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            answer = b""
            while chunk := conn.recv(65536):
                answer += chunk
        assert b"root:" not in answer and b"create_app" not in answer, target


# --- the Host check (DNS rebinding) ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1:8765", True),
        ("localhost:8765", True),
        ("LOCALHOST", True),
        ("localhost.", True),
        ("[::1]:8765", True),
        ("192.168.1.20:8765", True),
        ("10.0.0.1", True),
        ("meinrechner:8765", False),
        ("angreifer.example", False),
        ("localhost.angreifer.example", False),
        ("127.0.0.1.nip.io", False),
        ("", False),
        ("[", False),
        (":8765", False),
    ],
)
def test_host_header_check(host, allowed):
    assert host_allowed(host) is allowed
    assert host_allowed("meinrechner:8765", ["meinrechner"])


def test_foreign_host_is_rejected_in_german(client):
    api = client.get("/api/lookup?q=asyl", headers={"host": "angreifer.example"})
    assert api.status_code == 400 and "Unbekannter Host „angreifer.example“" in api.json()["error"]
    page = client.get("/", headers={"host": "angreifer.example:80"})
    assert page.status_code == 400 and "nur unter localhost" in page.text
    assert client.get("/api/lookup?q=asyl", headers={"host": "localhost"}).status_code == 200


# --- load test: a real server, 8 clients, 1,000 checks --------------------------------------------------------------

LOAD_TEXTS = [
    ("Die Asylanten wurden in der Turnhalle untergebracht.\n\nDie Flüchtlingswelle kommt.", "txt"),
    (
        "# Vorlage\n\nDer Begriff „Asylant“ gilt als abwertend. `Asylanten` im Code.\n\n- Migrant:innen\n- Ausländer",
        "md",
    ),
    ("Ausländer im Sinne des § 2 Abs. 1 AufenthG ist jeder, der nicht Deutscher ist. " * 20, "txt"),
    ("In den 1960er Jahren kamen die ersten Gastarbeiter. Heute leben hier Menschen mit Migrationshintergrund.", "txt"),
    ("Ein ganz sauberer Text über die Verwaltung der Stadt und ihre Pläne für das nächste Jahr. " * 30, "txt"),
]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="misst den Speicher über /proc")
def test_load_thousand_checks_from_eight_clients(compiled, engine):
    """``begriffe serve`` as a real process: no error answers, memory stays put (figures printed)."""
    import httpx

    from begriffe.readers import read_text

    engine.check_document(read_text("warm.txt", "Die Asylantenheime"))  # every cache is built
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "begriffe", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "NO_COLOR": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert process.poll() is None, process.stderr.read().decode()
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)

        def client_run(count: int, offset: int, results: list) -> None:
            with httpx.Client(base_url=base, timeout=60) as http:
                for i in range(count):
                    text, fmt = LOAD_TEXTS[(offset + i) % len(LOAD_TEXTS)]
                    began = time.monotonic()
                    response = http.post("/api/check", json={"text": text, "format": fmt})
                    results.append((response.status_code, time.monotonic() - began, response.json().get("summary")))

        def burst(total: int) -> tuple[list, float]:
            results: list = []
            threads = [threading.Thread(target=client_run, args=(total // 8, n, results)) for n in range(8)]
            began = time.monotonic()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            return results, time.monotonic() - began

        burst(80)  # warm up: spaCy, the matcher, the first allocations
        before = rss_mb(process.pid)
        results, seconds = burst(1000)
        after = rss_mb(process.pid)
        codes = [code for code, _, _ in results]
        latencies = sorted(t for _, t, _ in results)
        figures = {
            "requests": len(results),
            "errors": sum(c != 200 for c in codes),
            "seconds": round(seconds, 1),
            "per_second": round(len(results) / seconds, 1),
            "p50_ms": round(statistics.median(latencies) * 1000),
            "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000),
            "rss_before_mb": round(before),
            "rss_after_mb": round(after),
            "growth_mb": round(after - before, 1),
        }
        print("\nLasttest:", json.dumps(figures))
        assert len(results) == 1000 and set(codes) == {200}
        assert all(summary["findings"] >= 0 for _, _, summary in results)
        assert after - before < 100, figures
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


# --- odd characters -------------------------------------------------------------------------------------------------


def test_lone_surrogates_in_json_are_replaced(client):
    """JSON may carry "\\ud800"; no encoder (nor spaCy) accepts it. It becomes U+FFFD, offsets unchanged."""
    body = b'{"text": "Die Asylanten \\ud800 kamen \\udfff. Die Asylanten", "format": "md"}'
    response = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200
    data = response.json()
    source = data["document"]["source"]
    assert "\ufffd" in source and [f["text"] for f in data["findings"]] == ["Asylanten", "Asylanten"]
    assert all(source[f["offset"] : f["offset"] + f["length"]] == f["text"] for f in data["findings"])


@pytest.mark.parametrize(
    "name",
    [b"Entw\xfcrf.txt", b"\xff\xfe.txt", "Entwurf\udcfc.txt".encode("utf-8", "surrogateescape"), b"a" * 5000 + b".txt"],
)
def test_odd_upload_names(client, name):
    boundary = "grenze"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="'.encode()
        + name
        + b'"\r\nContent-Type: text/plain\r\n\r\nDie Asylanten kamen.\r\n'
        + f"--{boundary}--\r\n".encode()
    )
    response = client.post(
        "/api/check", content=body, headers={"content-type": f"multipart/form-data; boundary={boundary}"}
    )
    assert response.status_code in (200, 400, 422), response.text
    if response.status_code == 200:
        assert len(response.json()["document"]["name"]) <= 120
