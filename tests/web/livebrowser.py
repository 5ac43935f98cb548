"""Shared by the browser tests and bench/screenshots.py: the app on a loopback port, Debian's Chromium."""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1366, "height": 768}


@contextmanager
def live_server(app: object) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a background thread on a free loopback port; yields the base URL."""
    import uvicorn

    from begriffe.web.server import bind

    sock = bind("127.0.0.1", 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@contextmanager
def chromium(base_url: str) -> Iterator[tuple[object, list[str]]]:
    """A fresh Chromium profile; every request off ``base_url`` is aborted and listed."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def only_local(route) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with tempfile.TemporaryDirectory(prefix="begriffe-chromium-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=ARGS, viewport=VIEWPORT, locale="de-DE"
        )
        context.route("**/*", only_local)
        try:
            yield context, blocked
        finally:
            context.close()


@contextmanager
def watched_page(context: object, blocked: list[str], *, tolerated: tuple[str, ...] = ()) -> Iterator[object]:
    """A new page; afterwards, no console error (CSP violations are reported there), no script
    error and no request to another host may have happened. ``tolerated`` console texts pass."""
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    page.close()
    problems = [p for p in problems if not any(t in p for t in tolerated)]
    assert problems == [], "console errors (CSP violations, script errors)"
    assert blocked == [], "requests to other hosts"
