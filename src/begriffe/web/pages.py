"""HTML pages: check a draft, browse the glossary, one entry; German error pages."""

from __future__ import annotations

from http import HTTPStatus

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from begriffe.readers import READERS
from begriffe.web.api import MAX_LIMIT, check_filters
from begriffe.web.catalog import STATUSES, Catalog
from begriffe.web.security import size_text

MESSAGES = {
    400: "Die Anfrage ist ungültig.",
    404: "Diese Seite gibt es nicht.",
    405: "Diese Anfrageart ist hier nicht erlaubt.",
    408: "Die Anfrage kam zu langsam an und wurde abgebrochen.",
    413: "Die Datei ist zu groß.",
    503: "Die Prüfung hat zu lange gedauert und wurde abgebrochen.",
    500: "Interner Fehler. Bitte die Seite neu laden; tritt der Fehler wieder auf, bitte melden.",
}


def render(request: Request, template: str, status_code: int = 200, nav: str = "", **context: object) -> Response:
    """A page from ``templates/`` (autoescaped); ``nav`` marks the current menu item."""
    context["nav"] = nav
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


async def check_page(request: Request) -> Response:
    """``/``: paste or upload a draft and see its findings in place."""
    suffixes = sorted(READERS)
    max_body = request.app.state.max_body
    return render(request, "pruefen.html", nav="pruefen", accept=",".join(suffixes), suffixes=suffixes,
                  max_bytes=max_body, max_size=size_text(max_body))


async def glossary_page(request: Request) -> Response:
    """``/glossar``: search as you type, filter by cluster and status (works without JavaScript too)."""
    catalog: Catalog = request.app.state.catalog
    query = request.query_params.get("q", "")
    cluster = request.query_params.get("cluster", "")
    status = request.query_params.get("status", "")
    check_filters(catalog, cluster, status)
    entries = [catalog.summary(e) for e in catalog.search(query, cluster, status, MAX_LIMIT)]
    return render(request, "glossar.html", nav="glossar", query=query, cluster=cluster, status=status,
                  clusters=catalog.clusters(), statuses=STATUSES, entries=entries)


async def entry_page(request: Request) -> Response:
    """``/eintrag/{id}``: the whole entry; renamed ids redirect to the new one."""
    catalog: Catalog = request.app.state.catalog
    wanted = request.path_params["id"]
    found, key = catalog.resolve(wanted)
    if found is None:
        raise HTTPException(404, f"Im Glossar gibt es keinen Eintrag „{wanted}“.")
    if key != wanted:
        return RedirectResponse(f"/eintrag/{key}", status_code=301)
    return render(request, "eintrag.html", nav="glossar", entry=catalog.detail(found))


async def http_error(request: Request, exc: Exception) -> Response:
    """German error: JSON ``{"error": …}`` under /api/, a page elsewhere."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else ""
    message = detail if detail and detail != HTTPStatus(status).phrase else MESSAGES.get(status, MESSAGES[400])
    headers = getattr(exc, "headers", None)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    return render(request, "fehler.html", status_code=status, message=message, status=status)


ROUTES = [
    Route("/", check_page),
    Route("/glossar", glossary_page),
    Route("/eintrag/{id}", entry_page),
]
