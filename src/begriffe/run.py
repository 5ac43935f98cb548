"""One ``begriffe check`` run: find files, read them, check them, collect a RunResult."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from begriffe.compiled import load_compiled
from begriffe.engine import Engine, Options
from begriffe.errors import InputError
from begriffe.files import Found, Unreadable, discover
from begriffe.findings import FileError, Finding, RunResult
from begriffe.readers import READERS, Document, read_document, read_text
from begriffe.readers.decode import decode_text

STDIN = Path("-")


@dataclass(frozen=True)
class CheckRequest:
    """What the user asked to check, and how."""

    paths: tuple[Path, ...]
    profile: str = "kommunal"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    stdin_name: str | None = None
    progress: bool = False
    suffixes: tuple[str, ...] = field(default_factory=lambda: tuple(READERS))
    on_build: Callable[[], None] | None = None


def run_check(request: CheckRequest) -> RunResult:
    """Check every requested file; unreadable files become FileErrors, the rest is checked."""
    compiled = load_compiled(on_build=request.on_build)
    if request.profile not in compiled.rules.profiles:
        known = ", ".join(sorted(compiled.rules.profiles))
        raise InputError("B310", f"Unbekanntes Profil „{request.profile}“ (möglich: {known}).")
    engine = Engine(compiled, Options(request.profile, request.select, request.ignore, request.accept))
    errors: list[FileError] = []
    skipped: list[str] = []
    documents = list(_documents(request, errors, skipped))
    findings: list[Finding] = []
    checked = 0
    stream = engine.check_documents(documents)
    if request.progress and len(documents) > 20:
        stream = _with_progress(stream, len(documents))
    for _document, file_findings in stream:
        checked += 1
        findings += file_findings
    findings.sort(key=lambda f: f.sort_key)
    return RunResult(tuple(findings), tuple(errors), checked, tuple(skipped))


def _documents(request: CheckRequest, errors: list[FileError], skipped: list[str]) -> Iterator[Document]:
    paths = [p for p in request.paths if p != STDIN]
    if STDIN in request.paths:
        name = request.stdin_name or "<stdin>"
        try:
            text = decode_text(sys.stdin.buffer.read())
            yield read_text(name, text, markdown=Path(name).suffix.lower() in (".md", ".markdown"))
        except InputError as exc:
            errors.append(FileError(name, exc.code, exc.message))
    for item in discover(paths, suffixes=request.suffixes):
        if isinstance(item, Unreadable):
            errors.append(FileError(str(item.path), "B302", f"Verzeichnis nicht lesbar ({item.reason})."))
            continue
        if item.explicit and item.path.suffix.lower() not in request.suffixes and item.path.exists():
            skipped.append(f"{item.path}: übersprungen – Dateityp „{item.path.suffix or '(ohne Endung)'}“ wird nicht unterstützt.")
            continue
        try:
            yield read_document(item.path, display=str(item.path))
        except InputError as exc:
            errors.append(FileError(str(item.path), exc.code, exc.message))


def _with_progress(stream, total: int):  # noqa: ANN001, ANN202 - generator passthrough
    import click

    with click.progressbar(length=total, label="Prüfe Dateien", file=sys.stderr, show_pos=True) as bar:
        for item in stream:
            bar.update(1)
            yield item
