"""The Starlette application: pages, JSON API, local static files, security middleware."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from begriffe import __version__
from begriffe.compiled import Compiled, load_compiled
from begriffe.engine import Engine
from begriffe.web import api, pages
from begriffe.web.catalog import Catalog
from begriffe.web.checker import CHECK_SECONDS, Checker
from begriffe.web.security import BODY_SECONDS, MAX_BODY, Guard

HERE = Path(__file__).parent


def create_app(
    compiled: Compiled | None = None,
    *,
    max_body: int = MAX_BODY,
    check_seconds: float = CHECK_SECONDS,
    body_seconds: float = BODY_SECONDS,
    hosts: Iterable[str] = (),
) -> Starlette:
    """The web app for one compiled glossary (the shipped one by default), loaded once.

    ``max_body`` caps request bodies (bytes), ``check_seconds`` each check, ``body_seconds`` the
    upload of a request body; ``hosts`` are host names besides localhost and IP addresses
    under which the page may be called (the Host check stops DNS rebinding).
    """
    compiled = compiled or load_compiled()
    checker = Checker(Engine(compiled), check_seconds)

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        checker.warm_up()
        yield
        checker.close()

    app = Starlette(
        routes=[*pages.ROUTES, *api.ROUTES, Mount("/static", StaticFiles(directory=HERE / "static"), name="static")],
        middleware=[Middleware(Guard, max_body=max_body, body_seconds=body_seconds, hosts=tuple(hosts))],
        exception_handlers={HTTPException: pages.http_error, Exception: pages.http_error},
        lifespan=lifespan,
    )
    app.state.catalog = Catalog(compiled)
    app.state.checker = checker
    app.state.max_body = max_body
    app.state.templates = _templates()
    return app


def _templates() -> Jinja2Templates:
    loader = jinja2.FileSystemLoader(HERE / "templates")
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)
