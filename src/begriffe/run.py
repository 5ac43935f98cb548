"""One ``begriffe check`` run: settings → files → documents → findings → RunResult."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from begriffe.compiled import Compiled, load_compiled
from begriffe.config import Settings
from begriffe.engine import Options
from begriffe.errors import InputError
from begriffe.files import Unreadable, discover
from begriffe.findings import FileError, Finding, RuleInfo, RunResult
from begriffe.parallel import EngineSpec, Target, check_targets, default_jobs
from begriffe.readers import READERS
from begriffe.readers.decode import decode_text

STDIN = Path("-")
PROGRESS_FROM = 20
"""Show a progress bar (in a terminal) when checking more files than this."""


@dataclass(frozen=True)
class CheckRequest:
    """What the user asked to check, and how."""

    paths: tuple[Path, ...]
    settings: Settings = field(default_factory=Settings)
    stdin_name: str | None = None
    force: bool = False
    progress: bool = False
    on_build: Callable[[], None] | None = None
    jobs: int | None = None
    """Worker processes; None: one per core from a handful of files on."""
    remember: bool = True
    """Reuse and keep analyses of paragraphs across runs (the user cache)."""

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
    options = Options(settings.profile, settings.select, settings.ignore, settings.accept)
    spec = EngineSpec(settings.extend_glossary, options, remember=request.remember)
    errors: list[FileError] = []
    skipped: list[str] = []
    targets = list(_targets(request, errors, skipped))
    jobs = request.jobs or default_jobs(len(targets))
    outcomes = check_targets(targets, spec, force=request.force, jobs=jobs, compiled=compiled)
    if request.progress and len(targets) > PROGRESS_FROM:
        outcomes = _with_progress(outcomes, len(targets))
    clusters = {rule: entry.cluster for rule, entry in compiled.rule_entries().items()} if settings.per_file_ignores else {}
    findings: list[Finding] = []
    checked = 0
    for outcome in outcomes:
        if isinstance(outcome, FileError):
            errors.append(outcome)
            continue
        path, file_findings = outcome
        checked += 1
        findings += _without_per_file_ignores(file_findings, path, settings, clusters)
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


def _without_per_file_ignores(findings: list[Finding], path: str, settings: Settings, clusters: dict[str, str]) -> list[Finding]:
    if not settings.per_file_ignores:
        return findings
    relative = _relative(Path(path), settings)
    ignored: set[str] = set()
    for pattern, rules in settings.per_file_ignores:
        if _matches(relative, pattern):
            ignored |= set(rules)
    if not ignored:
        return findings
    return [f for f in findings if f.rule not in ignored and clusters.get(f.rule) not in ignored]


def _relative(path: Path, settings: Settings) -> PurePosixPath:
    base = settings.config_file.parent if settings.config_file else Path.cwd()
    try:
        return PurePosixPath(path.resolve().relative_to(base.resolve()).as_posix())
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop
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


def _targets(request: CheckRequest, errors: list[FileError], skipped: list[str]) -> Iterator[Target]:
    paths = [p for p in request.paths if p != STDIN]
    if STDIN in request.paths:
        name = request.stdin_name or "<stdin>"
        try:
            text = decode_text(sys.stdin.buffer.read())
            yield Target(STDIN, name, text, markdown=Path(name).suffix.lower() in (".md", ".markdown"))
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
        yield Target(item.path, str(item.path))


def _with_progress(stream, total: int):  # noqa: ANN001, ANN202 - generator passthrough
    import click

    with click.progressbar(length=total, label="Prüfe Dateien", file=sys.stderr, show_pos=True, show_eta=True) as bar:
        for item in stream:
            bar.update(1)
            yield item
