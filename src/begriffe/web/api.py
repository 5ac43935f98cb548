"""JSON endpoints the page uses: check a draft, look up terms, fetch an entry, annotate a copy."""

from __future__ import annotations

import json
from urllib.parse import quote

from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from begriffe.entries import Status
from begriffe.errors import InputError
from begriffe.reporters.json import to_json
from begriffe.web.catalog import Catalog
from begriffe.web.checker import Checker
from begriffe.web.documents import (
    ANNOTATABLE,
    TEXT_FORMATS,
    annotated_copy,
    display_name,
    from_text,
    from_upload,
    suffix_of,
)

MAX_LIMIT = 500


async def check(request: Request) -> JSONResponse:
    """``POST /api/check``: JSON ``{"text", "format"}`` or a multipart ``file``; findings as in ``--format json``."""
    checker: Checker = request.app.state.checker
    try:
        if _is_multipart(request):
            name, raw = await _upload(request)
            document, result = await checker.check(from_upload, name, raw)
            kind = suffix_of(name).lstrip(".")
        else:
            text, kind = await _text_payload(request)
            document, result = await checker.check(from_text, text, kind)
    except InputError as exc:
        return JSONResponse({"error": exc.message, "code": exc.code}, status_code=422)
    annotatable = f".{kind}" in ANNOTATABLE
    described = {"name": document.path, "format": kind, "source": document.source, "annotatable": annotatable}
    return JSONResponse({**to_json(result), "document": described})


async def annotate(request: Request) -> Response:
    """``POST /api/annotate``: the uploaded .docx/.odt back, with a review comment per finding."""
    checker: Checker = request.app.state.checker
    name, raw = await _upload(request)
    suffix = suffix_of(name)
    if suffix not in ANNOTATABLE:
        raise HTTPException(415, "Eine kommentierte Kopie gibt es nur für .docx- und .odt-Dateien.")

    def work() -> bytes:
        return annotated_copy(suffix, raw, checker.findings(from_upload(name, raw)))

    try:
        data = await checker.run(work)
    except InputError as exc:
        return JSONResponse({"error": exc.message, "code": exc.code}, status_code=422)
    stem = name[: -len(suffix)] or "Dokument"
    download = f"{stem}-kommentiert{suffix}"
    disposition = f"attachment; filename=\"kommentiert{suffix}\"; filename*=UTF-8''{quote(download)}"
    return Response(data, media_type=ANNOTATABLE[suffix], headers={"content-disposition": disposition})


async def lookup(request: Request) -> JSONResponse:
    """``GET /api/lookup?q=&cluster=&status=&limit=``: fuzzy search, like ``begriffe lookup``."""
    catalog: Catalog = request.app.state.catalog
    params = request.query_params
    query, cluster, status = params.get("q", ""), params.get("cluster", ""), params.get("status", "")
    check_filters(catalog, cluster, status)
    limit = params.get("limit", "50")
    if not limit.isdigit() or not 1 <= int(limit) <= MAX_LIMIT:
        raise HTTPException(400, f"„limit“ muss eine Zahl von 1 bis {MAX_LIMIT} sein.")
    entries = catalog.search(query, cluster, status, int(limit))
    return JSONResponse({"query": query, "count": len(entries), "entries": [catalog.summary(e) for e in entries]})


async def entry(request: Request) -> JSONResponse:
    """``GET /api/entries/{id}``: the whole entry (renamed ids resolve to the new entry)."""
    catalog: Catalog = request.app.state.catalog
    found, _ = catalog.resolve(request.path_params["id"])
    if found is None:
        raise HTTPException(404, f"Unbekannte Kennung „{request.path_params['id']}“.")
    return JSONResponse(catalog.detail(found))


def check_filters(catalog: Catalog, cluster: str, status: str) -> None:
    """400 for an unknown cluster or status."""
    if cluster and cluster not in catalog.glossary.clusters:
        raise HTTPException(400, f"Unbekanntes Themenfeld „{cluster}“.")
    if status and status not in {s.value for s in Status}:
        raise HTTPException(400, f"Unbekannter Status „{status}“.")


def _is_multipart(request: Request) -> bool:
    return request.headers.get("content-type", "").startswith("multipart/form-data")


async def _upload(request: Request) -> tuple[str, bytes]:
    if not _is_multipart(request):
        raise HTTPException(415, "Bitte eine Datei im Feld „file“ hochladen.")
    form = await request.form(max_files=1, max_fields=10)
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise HTTPException(400, "Bitte eine Datei im Feld „file“ hochladen.")
    return display_name(upload.filename), await upload.read()


async def _text_payload(request: Request) -> tuple[str, str]:
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise HTTPException(415, 'Erwartet wird JSON ({"text": …, "format": "txt"}) oder eine hochgeladene Datei.')
    try:
        payload = json.loads(await request.body())
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise HTTPException(400, "Die Anfrage ist kein gültiges JSON.") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        raise HTTPException(400, "Das Feld „text“ fehlt oder ist kein Text.")
    kind = payload.get("format", "txt")
    if kind not in TEXT_FORMATS:
        raise HTTPException(400, "Das Feld „format“ muss „txt“ oder „md“ sein.")
    return payload["text"], kind


ROUTES = [
    Route("/api/check", check, methods=["POST"]),
    Route("/api/annotate", annotate, methods=["POST"]),
    Route("/api/lookup", lookup, methods=["GET"]),
    Route("/api/entries/{id}", entry, methods=["GET"]),
]
