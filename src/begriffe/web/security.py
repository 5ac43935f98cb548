"""ASGI middleware: security headers on every response, a size and time limit for request bodies,
and a Host check against DNS rebinding."""

from __future__ import annotations

import asyncio
import ipaddress
import json
from collections.abc import Iterable

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MB = 1024 * 1024
MAX_BODY = 20 * MB
BODY_SECONDS = 60.0
LOCAL_NAMES = frozenset({"localhost", "ip6-localhost", "localhost.localdomain"})
HEADERS = [
    (b"content-security-policy", b"default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


def size_text(limit: int) -> str:
    """``20 MB`` (or ``0,5 MB``) for messages."""
    return f"{limit / MB:g}".replace(".", ",") + " MB"


def seconds_text(seconds: float) -> str:
    """``60 Sekunden``, ``1 Sekunde``, ``0,5 Sekunden``."""
    return f"{seconds:g}".replace(".", ",") + (" Sekunde" if seconds == 1 else " Sekunden")


def too_large(limit: int) -> str:
    """The German 413 message for a body limit of ``limit`` bytes."""
    return f"Die Datei ist zu groß: höchstens {size_text(limit)}."


def too_slow(seconds: float) -> str:
    """The German 408 message for a body that took longer than ``seconds``."""
    return f"Die Anfrage kam zu langsam an (länger als {seconds_text(seconds)}) und wurde abgebrochen."


def host_allowed(header: str, names: Iterable[str] = ()) -> bool:
    """Whether a Host header names this server: an IP address, localhost or one of ``names``.

    DNS rebinding needs a host *name* that an attacker controls, so addresses always pass.
    """
    host = header.strip().lower()
    if host.startswith("["):
        return host.find("]") > 1
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    name = name.rstrip(".")
    if not name:
        return False
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return name in LOCAL_NAMES or name in {n.lower().rstrip(".") for n in names}
    return True


class Guard:
    """Security headers on every response; 400 for a foreign Host, 413 for large and 408 for slow bodies."""

    def __init__(
        self, app: ASGIApp, max_body: int = MAX_BODY, body_seconds: float = BODY_SECONDS, hosts: Iterable[str] = ()
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.body_seconds = body_seconds
        self.hosts = frozenset(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the Host, wrap ``receive`` (counting bytes, with a deadline) and ``send`` (adding headers)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        host = headers.get(b"host")
        if host is not None and not host_allowed(host.decode("latin-1"), self.hosts):
            await _reject(scope, secured, host.decode("latin-1"))
            return
        declared = headers.get(b"content-length", b"0")
        limit = self.max_body
        announced_too_large = declared.isdigit() and int(declared) > limit
        received = 0
        body_done = False
        deadline: float | None = None
        loop = asyncio.get_running_loop()

        async def counted() -> Message:
            nonlocal received, body_done, deadline
            if announced_too_large:
                raise HTTPException(413, too_large(limit))
            if body_done:  # later calls wait for a disconnect: no deadline
                return await receive()
            if deadline is None:
                deadline = loop.time() + self.body_seconds
            try:
                message = await asyncio.wait_for(receive(), max(deadline - loop.time(), 0.001))
            except TimeoutError:
                raise HTTPException(408, too_slow(self.body_seconds)) from None
            received += len(message.get("body", b""))
            body_done = message["type"] != "http.request" or not message.get("more_body", False)
            if received > limit:
                raise HTTPException(413, too_large(limit))
            return message

        await self.app(scope, counted, secured)


async def _reject(scope: Scope, send: Send, host: str) -> None:
    """400 for a Host header that names someone else's server (DNS rebinding)."""
    message = f"Unbekannter Host „{host[:100]}“: begriffe antwortet nur unter localhost oder seiner IP-Adresse."
    if scope.get("path", "").startswith("/api/"):
        body, kind = json.dumps({"error": message}, ensure_ascii=False).encode(), b"application/json"
    else:
        body, kind = message.encode(), b"text/plain; charset=utf-8"
    headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": 400, "headers": headers})
    await send({"type": "http.response.body", "body": body})
