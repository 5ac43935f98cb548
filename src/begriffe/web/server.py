"""Run the web app with uvicorn on a socket we bind ourselves (German errors, no English log lines)."""

from __future__ import annotations

import errno
import ipaddress
import socket
import threading
import time
import webbrowser
from collections.abc import Callable

import click

from begriffe.web.security import MAX_BODY

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}
WILDCARDS = {"0.0.0.0", "::", ""}
KEEP_ALIVE_SECONDS = 5


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this computer."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def page_url(host: str, port: int) -> str:
    """The address to open in a browser (the wildcard address becomes loopback)."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; German errors for the usual failures."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror:
        raise click.ClickException(f"Unbekannte Adresse „{host}“.") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            hint = f"Anderen Port wählen, etwa: begriffe serve --port {port + 1}"
            raise click.ClickException(f"Port {port} ist schon belegt. {hint}") from None
        if exc.errno == errno.EACCES:
            raise click.ClickException(f"Keine Berechtigung für Port {port}. Einen Port ab 1024 wählen.") from None
        raise click.ClickException(f"Die Adresse {host}:{port} lässt sich nicht verwenden ({exc.strerror}).") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def allowed_hosts(host: str) -> tuple[str, ...]:
    """Host names besides localhost and IP addresses under which the page answers.

    A wildcard address (0.0.0.0, ::) also allows this computer's own names.
    """
    if host in WILDCARDS:
        return tuple({socket.gethostname(), socket.getfqdn()})
    return (host,)


def serve(
    host: str,
    port: int,
    *,
    open_browser: bool = False,
    on_build: Callable[[], None] | None = None,
    max_body: int = MAX_BODY,
) -> None:
    """Serve the page until Ctrl+C."""
    import uvicorn

    from begriffe.compiled import load_compiled
    from begriffe.web.app import create_app

    if not is_loopback(host):
        click.echo(
            f"begriffe: Warnung: Die Seite wird an „{host}“ gebunden und ist damit womöglich von anderen Rechnern "
            "aus erreichbar. Sie hat keine Anmeldung; jeder, der sie erreicht, kann Texte prüfen lassen.",
            err=True,
        )
    sock = bind(host, port)
    app = create_app(load_compiled(on_build=on_build), max_body=max_body, hosts=allowed_hosts(host))
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_keep_alive=KEEP_ALIVE_SECONDS)
    server = uvicorn.Server(config)
    url = page_url(host, port)
    click.echo(f"begriffe läuft unter {url} – beenden mit Strg+C.", err=True)
    if open_browser:
        threading.Thread(target=_open_when_started, args=(server, url), daemon=True).start()
    server.run(sockets=[sock])


def _open_when_started(server: object, url: str) -> None:
    for _ in range(100):
        if getattr(server, "started", False):
            webbrowser.open(url)
            return
        time.sleep(0.1)
