"""One ``begriffe check`` run: settings → files → documents → findings → RunResult."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from begriffe.compiled import Compiled, load_compiled
from begriffe.config import Settings
from begriffe.engine import Engine, Options
from begriffe.errors import InputError
from begriffe.files import Unreadable, discover
from begriffe.findings import FileError, Finding, RuleInfo, RunResult
from begriffe.readers import READERS, Document, read_document, read_text
from begriffe.readers.decode import decode_text

STDIN = Path("-")


@dataclass(frozen=True)
class CheckRequest:
    """What the user asked to check, and how."""

    paths: tuple[Path, ...]
    settings: Settings = field(default_factory=Settings)
    stdin_name: str | None = None
    force: bool = False
    progress: bool = False
    on_build: Callable[[], None] | None = None

    @property
    def suffixes(self) -> tuple[str, ...]:
        """File suffixes that have a reader."""
        return tuple(READERS)


@dataclass(frozen=True)
class Checked:
    """A finished run: the result plus the documents' findings before baseline filtering."""

    result: RunResult
    all_findings: list[Finding]


def run_check(request: CheckRequest, baseline: Callable[[list[Finding]], list[Finding]] | None = None) -> Checked:
    """Check every requested file; unreadable files become FileErrors, the rest is checked."""
    settings = request.settings
    compiled = load_compiled(settings.extend_glossary, on_build=request.on_build)
    if settings.profile not in compiled.rules.profiles:
        known = ", ".join(sorted(compiled.rules.profiles))
        raise InputError("B310", f"Unbekanntes Profil „{settings.profile}“ (möglich: {known}).")
    engine = Engine(compiled, Options(settings.profile, settings.select, settings.ignore, settings.accept))
    errors: list[FileError] = []
    skipped: list[str] = []
    documents = list(_documents(request, errors, skipped))
    findings: list[Finding] = []
    checked = 0
    stream = engine.check_documents(documents)
    if request.progress and len(documents) > 20:
        stream = _with_progress(stream, len(documents))
    for document, file_findings in stream:
        checked += 1
        findings += _without_per_file_ignores(file_findings, document.path, settings, engine)
    findings.sort(key=lambda f: f.sort_key)
    shown = baseline(findings) if baseline else findings
    result = RunResult(tuple(shown), tuple(errors), checked, tuple(skipped), rule_infos(compiled, shown))
    return Checked(result, findings)


def rule_infos(compiled: Compiled, findings: list[Finding]) -> tuple[RuleInfo, ...]:
    """Descriptions of the rules that fired, for reporters."""
    entries = compiled.rule_entries()
    sources = compiled.glossary.sources
    infos = []
    for rule in sorted({f.rule for f in findings}):
        entry = entries.get(rule)
        if entry is None:
            continue
        url = next((sources[k].url for k in entry.sources if k in sources), "")
        infos.append(RuleInfo(rule, entry.term, entry.note, entry.status.value, " ".join(entry.context.split()), url))
    return tuple(infos)


def _without_per_file_ignores(findings: list[Finding], path: str, settings: Settings, engine: Engine) -> list[Finding]:
    if not settings.per_file_ignores:
        return findings
    relative = _relative(Path(path), settings)
    ignored: set[str] = set()
    for pattern, rules in settings.per_file_ignores:
        if _matches(relative, pattern):
            ignored |= set(rules)
    if not ignored:
        return findings
    clusters = engine.known.clusters
    return [f for f in findings if f.rule not in ignored and clusters.get(f.rule) not in ignored]


def _relative(path: Path, settings: Settings) -> PurePosixPath:
    base = settings.config_file.parent if settings.config_file else Path.cwd()
    try:
        return PurePosixPath(path.resolve().relative_to(base.resolve()).as_posix())
    except ValueError:
        return PurePosixPath(path.as_posix())


def _matches(path: PurePosixPath, pattern: str) -> bool:
    text = str(path)
    return fnmatch(text, pattern) or fnmatch(path.name, pattern) or path.match(pattern) or fnmatch(text, pattern.rstrip("/") + "/*")


def excluded(path: Path, settings: Settings) -> bool:
    """Whether ``exclude`` patterns drop ``path``."""
    if not settings.exclude:
        return False
    relative = _relative(path, settings)
    return any(_matches(relative, pattern) or any(_matches(PurePosixPath(p), pattern) for p in relative.parents if str(p) != ".") for pattern in settings.exclude)


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
        if excluded(item.path, request.settings) and not item.explicit:
            continue
        supported = item.path.suffix.lower() in request.suffixes
        if item.explicit and not supported and item.path.exists() and not request.force:
            skipped.append(f"{item.path}: übersprungen – Dateityp „{item.path.suffix or '(ohne Endung)'}“ wird nicht unterstützt (mit --force als Text lesen).")
            continue
        try:
            yield read_document(item.path, display=str(item.path), force_text=request.force)
        except InputError as exc:
            errors.append(FileError(str(item.path), exc.code, exc.message))


def _with_progress(stream, total: int):  # noqa: ANN001, ANN202 - generator passthrough
    import click

    with click.progressbar(length=total, label="Prüfe Dateien", file=sys.stderr, show_pos=True) as bar:
        for item in stream:
            bar.update(1)
            yield item
