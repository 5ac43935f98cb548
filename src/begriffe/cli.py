"""The ``begriffe`` command: check, lookup, explain, list, glossary validate.

Thin: parses options, calls engine/lookup/describe, picks a reporter and decides the exit code.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from enum import IntEnum
from pathlib import Path
from typing import NoReturn, TextIO

import click

from begriffe import __version__
from begriffe.entries import Severity, Status
from begriffe.errors import BegriffeError, DataError, InputError
from begriffe.german_click import Choice, GermanGroup, german_error
from begriffe.reporters import FORMATS


class ExitCode(IntEnum):
    """0: nothing at or above the fail level; 1: findings (or unreadable files); 2: usage or input error;
    130/143: interrupted by Ctrl+C (SIGINT) or SIGTERM (128 + signal number, as shells report it)."""

    OK = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130
    TERMINATED = 143


SEVERITIES = [s.value for s in Severity]
STATUSES = [s.value for s in Status]


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl+C so that ``finally`` blocks remove temporary files."""


def _on_sigterm(signum: int, frame: object) -> None:  # noqa: ARG001 - signal handler signature
    raise Terminated


class Cli(GermanGroup):
    """Top-level group: every error becomes a German message and exit code 2, never a traceback."""

    def __call__(self, *args, **kwargs) -> NoReturn:  # noqa: ANN002, ANN003 - click's signature
        """The ``begriffe`` command itself (tests call ``main`` instead, in their own process)."""
        try:
            self.main(*args, **kwargs)
            code: object = ExitCode.OK
        except SystemExit as exc:
            code = exc.code
        _leave(code)

    def main(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201 - click's signature
        """Run with SIGTERM handled like Ctrl+C (the previous handler is restored afterwards)."""
        if threading.current_thread() is not threading.main_thread():  # signal handlers need the main thread
            return self._main(*args, **kwargs)
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
        try:
            self._main(*args, **kwargs)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)

    def _main(self, *args, **kwargs) -> NoReturn:  # noqa: ANN002, ANN003
        """Run, translating click's usage errors and begriffe's errors into German messages."""
        kwargs["standalone_mode"] = False
        verbose = "--verbose" in sys.argv or "-v" in sys.argv
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except (click.Abort, KeyboardInterrupt) as exc:  # click turns KeyboardInterrupt (and Terminated) into Abort
            interrupt = exc.__cause__ if isinstance(exc, click.Abort) else exc
            _fail("Abgebrochen.", code=ExitCode.TERMINATED if isinstance(interrupt, Terminated) else ExitCode.INTERRUPTED)
        except click.ClickException as exc:
            hint = "\nHilfe: begriffe --help" if isinstance(exc, click.UsageError) else ""
            _fail(german_error(exc) + hint)
        except BegriffeError as exc:
            _fail(str(exc))
        except Exception as exc:  # noqa: BLE001 - last line of defence: no tracebacks for users
            if verbose:
                import traceback

                traceback.print_exc()
            _fail(
                f"Interner Fehler ({exc.__class__.__name__}: {exc}). Bitte mit --verbose wiederholen "
                "und die Ausgabe als Fehlerbericht melden."
            )
        sys.exit(result if isinstance(result, int) else ExitCode.OK)


def _leave(code: object) -> NoReturn:
    """Flush the output and end the process without tearing the interpreter down, as mypy does:
    once spaCy is loaded, freeing every object at exit takes longer than a clean page's check.
    Everything begriffe writes (output, caches, temporary files) is finished by now."""
    if not isinstance(code, int):  # None, or a message given to sys.exit()
        if code is not None:
            print(code, file=sys.stderr)
        code = ExitCode.OK if code is None else ExitCode.ERROR
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (BrokenPipeError, OSError, ValueError):  # the reader has gone, or the stream is closed
            pass
    os._exit(code)


def _fail(message: str, code: int = ExitCode.ERROR) -> NoReturn:
    click.echo(f"begriffe: {message}", err=True)
    sys.exit(code)


def announce_build() -> None:
    """Tell a waiting user why the first run takes a few seconds."""
    if sys.stderr.isatty():
        click.echo("begriffe: Glossar wird vorbereitet (einmalig nach jeder Änderung, einige Sekunden) …", err=True)


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


@click.group(cls=Cli, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", message="begriffe %(version)s", help="Version zeigen und beenden.")
def main() -> None:
    """Glossar und Prüfprogramm für Begriffe der Einwanderungs- und Integrationspolitik.

    Prüft deutsche Texte auf diskriminierende, veraltete oder ungenaue Begriffe, erklärt warum
    und schlägt bessere Begriffe vor.
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="[PFAD]...")
@click.option("--format", "--output-format", "output_format", type=Choice(FORMATS), default=None,
              help="Ausgabeformat (Standard: text; auch BEGRIFFE_FORMAT).")
@click.option("--fail-level", type=Choice(SEVERITIES), default=None,
              help="Ab diesem Schweregrad endet das Programm mit Exit-Code 1 (Standard: warning).")
@click.option("--profile", default=None, metavar="NAME", help="Profil: kommunal (Standard), streng oder presse.")
@click.option("--select", default=None, metavar="LISTE", help="Nur diese Regeln oder Themenfelder prüfen (durch Kommas getrennt).")
@click.option("--ignore", default=None, metavar="LISTE", help="Diese Regeln oder Themenfelder nicht prüfen (durch Kommas getrennt).")
@click.option("--exclude", default=None, metavar="LISTE", help="Diese Dateimuster beim Durchsuchen von Verzeichnissen auslassen.")
@click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="DATEI",
              help="Diese Konfigurationsdatei verwenden (.begriffe.toml oder pyproject.toml).")
@click.option("--isolated", is_flag=True, help="Keine Konfigurationsdatei lesen.")
@click.option("--show-settings", is_flag=True, help="Die wirksamen Einstellungen zeigen und beenden.")
@click.option("--baseline", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="DATEI",
              help="Funde aus dieser Baseline-Datei nicht melden (nur neue Funde).")
@click.option("--update-baseline", is_flag=True, help="Alle heutigen Funde in die --baseline-Datei schreiben.")
@click.option("--statistics", is_flag=True, help="Anzahl der Funde je Regel zeigen.")
@click.option("--exit-zero", is_flag=True, help="Immer mit Exit-Code 0 enden (nur berichten).")
@click.option("--annotate", is_flag=True, help="Word/ODT: eine Kopie mit einem Kommentar je Fund schreiben (Entwurf.begriffe.docx).")
@click.option("--force", is_flag=True, help="Unbekannte Dateitypen als Text lesen; vorhandene kommentierte Kopien überschreiben.")
@click.option("--stdin-filename", default=None, metavar="NAME", help="Dateiname für Text von der Standardeingabe (bestimmt das Format).")
@click.option("--color", type=Choice(["auto", "always", "never"]), default="auto", help="Farbige Ausgabe (Standard: auto, nur im Terminal).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="So viele Prozesse nutzen (Standard: einer je Prozessorkern ab 8 Dateien, sonst 1).")
@click.option("--no-cache", is_flag=True, help="Keine gespeicherten Ergebnisse früherer Läufe verwenden oder speichern.")
@click.option("-v", "--verbose", is_flag=True, help="Bei internen Fehlern den Python-Traceback zeigen.")
def check(  # noqa: PLR0913 - one parameter per documented option
    paths: tuple[Path, ...],
    output_format: str | None,
    fail_level: str | None,
    profile: str | None,
    select: str | None,
    ignore: str | None,
    exclude: str | None,
    config_file: Path | None,
    isolated: bool,
    show_settings: bool,
    baseline: Path | None,
    update_baseline: bool,
    statistics: bool,
    exit_zero: bool,
    annotate: bool,
    force: bool,
    stdin_filename: str | None,
    color: str,
    jobs: int | None,
    no_cache: bool,
    verbose: bool,  # noqa: ARG001 - read in Cli.main before parsing
) -> int:
    """Texte prüfen (Dateien, Verzeichnisse oder - für die Standardeingabe)."""
    from begriffe.config import describe_settings, load_settings
    from begriffe.reporters import get_reporter
    from begriffe.run import CheckRequest, run_check

    settings = load_settings(config_file, isolated=isolated).with_overrides(
        format=output_format or os.environ.get("BEGRIFFE_FORMAT") or None,
        fail_level=fail_level,
        profile=profile,
        select=_split(select),
        ignore=_split(ignore),
        exclude=_split(exclude),
    )
    if settings.format not in FORMATS:
        raise InputError("B101", f"Unbekanntes Ausgabeformat „{settings.format}“ (möglich: {', '.join(FORMATS)}).")
    if show_settings:
        for line in describe_settings(settings):
            click.echo(line)
        return ExitCode.OK
    if not paths:
        raise click.UsageError("Bitte mindestens eine Datei, ein Verzeichnis oder - angeben.")
    if update_baseline and baseline is None:
        raise click.UsageError("--update-baseline braucht --baseline DATEI.")
    if update_baseline and baseline is not None:
        from begriffe.files import identity

        if identity(baseline) in {identity(p) for p in paths if str(p) != "-"}:
            message = f"Die Baseline-Datei {baseline} ist eine der geprüften Dateien und wird nicht überschrieben."
            raise InputError("B104", message)
    request = CheckRequest(
        paths=paths,
        settings=settings,
        stdin_name=stdin_filename,
        force=force,
        progress=sys.stderr.isatty() and settings.format == "text",
        on_build=announce_build,
        jobs=jobs,
        remember=not no_cache,
    )
    checked = run_check(request, baseline=_baseline_filter(baseline) if baseline and not update_baseline else None)
    result = checked.result
    if result.files == 0 and not result.errors:
        raise InputError("B307", "Keine prüfbaren Dateien gefunden (unterstützt: " + ", ".join(request.suffixes) + ").")
    for skipped in result.skipped:
        click.echo(f"begriffe: {skipped}", err=True)
    if update_baseline and baseline is not None:
        from begriffe.baseline import write_baseline

        count = write_baseline(baseline, checked.all_findings)
        click.echo(f"begriffe: {count} Funde in die Baseline {baseline} geschrieben.", err=True)
        return ExitCode.OK
    get_reporter(settings.format).render(result, sys.stdout, color=_use_color(color, sys.stdout), statistics=statistics)
    if annotate:
        _write_annotated(paths, result.findings, force=force)
    if result.files == 0:
        return ExitCode.ERROR
    if exit_zero:
        return ExitCode.OK
    threshold = Severity(settings.fail_level).rank
    failing = any(f.severity.rank >= threshold for f in result.findings) or bool(result.errors)
    return ExitCode.FINDINGS if failing else ExitCode.OK


def _write_annotated(paths: tuple[Path, ...], findings: tuple, *, force: bool) -> None:  # noqa: ANN001
    """Write a commented copy of every Word/ODT file that was named or found."""
    from begriffe.annotate import SUFFIXES, annotate
    from begriffe.files import Found, discover

    targets = [i.path for i in discover([p for p in paths if str(p) != "-"], suffixes=SUFFIXES) if isinstance(i, Found)]
    if not targets:
        click.echo("begriffe: --annotate: keine .docx- oder .odt-Datei unter den geprüften Dateien.", err=True)
        return
    for path in targets:
        own = [f for f in findings if f.path == str(path)]
        try:
            written = annotate(path, own, force=force)
        except BegriffeError as exc:
            hint = " Mit --force überschreiben." if exc.code == "B314" else ""
            click.echo(f"begriffe: {path}: {exc.message}{hint}", err=True)
            continue
        click.echo(f"begriffe: {written} geschrieben ({len(own)} Kommentare).", err=True)


def _baseline_filter(path: Path):  # noqa: ANN202 - returns a findings filter
    from begriffe.baseline import filter_new, load_baseline

    recorded = load_baseline(path)
    return lambda findings: filter_new(findings, recorded)


@main.command()
@click.option("--force", is_flag=True, help="Eine vorhandene .begriffe.toml überschreiben.")
def init(force: bool) -> int:
    """Eine kommentierte Startkonfiguration .begriffe.toml anlegen."""
    from begriffe.atomic import write_text_atomic
    from begriffe.config import CONFIG_NAME, STARTER

    path = Path(CONFIG_NAME)
    if path.exists() and not force:
        raise InputError("B102", f"{CONFIG_NAME} gibt es schon (mit --force überschreiben).")
    write_text_atomic(path, STARTER)
    click.echo(f"{CONFIG_NAME} angelegt.")
    return ExitCode.OK


@main.command()
@click.argument("query", nargs=-1, required=True, metavar="SUCHBEGRIFF...")
@click.option("-n", "--limit", default=5, type=click.IntRange(1, 50), metavar="ZAHL", help="Höchstens so viele Treffer (Standard: 5).")
@click.option("--color", type=Choice(["auto", "always", "never"]), default="auto", help="Farbige Ausgabe (Standard: auto, nur im Terminal).")
def lookup(query: tuple[str, ...], limit: int, color: str) -> int:
    """Begriff nachschlagen – auch mit Tippfehlern oder ohne Umlaute."""
    from begriffe import describe
    from begriffe.lookup import load_index

    index = load_index(on_build=announce_build)
    text = " ".join(query)
    hits = index.search(text, limit=limit)
    use_color = _use_color(color, sys.stdout)
    if not hits:
        click.echo(f"Kein Eintrag zu „{text}“ gefunden.")
        return ExitCode.FINDINGS
    first, *rest = hits
    click.echo(describe.one_line(first.entry, color=use_color))
    neighbours = describe.family(first.entry, index.glossary, color=use_color)
    if neighbours:
        click.echo("  Verwandte Begriffe:")
        for line in neighbours:
            click.echo(f"    {line}")
    if rest:
        click.echo("Weitere Treffer:")
        for hit in rest:
            click.echo(f"  {describe.one_line(hit.entry, color=use_color)}")
    click.echo(f"Ganzer Eintrag: begriffe explain {first.entry.id}")
    return ExitCode.OK


@main.command()
@click.argument("entry_id", metavar="KENNUNG")
@click.option("--color", type=Choice(["auto", "always", "never"]), default="auto", help="Farbige Ausgabe (Standard: auto, nur im Terminal).")
def explain(entry_id: str, color: str) -> int:
    """Einen Eintrag vollständig zeigen (Kennung wie „asylant“)."""
    from begriffe import describe
    from begriffe.compiled import load_compiled
    from begriffe.lookup import LookupIndex

    compiled = load_compiled(on_build=announce_build)
    glossary = compiled.glossary
    entries = compiled.rule_entries()
    key = glossary.redirects.get(entry_id, entry_id)
    entry = entries.get(key)
    if entry is None:
        hits = LookupIndex(glossary).search(entry_id, limit=3)
        hint = f" Meinten Sie: {', '.join(h.entry.id for h in hits)}?" if hits else ""
        raise InputError("B308", f"Unbekannte Kennung „{entry_id}“.{hint}")
    if key != entry_id:
        click.echo(f"Hinweis: „{entry_id}“ heißt jetzt „{key}“.")
    click.echo(describe.explain(entry, glossary, color=_use_color(color, sys.stdout)))
    return ExitCode.OK


@main.command(name="list")
@click.option("--cluster", default=None, metavar="NAME", help="Nur dieses Themenfeld.")
@click.option("--status", type=Choice(STATUSES), default=None, help="Nur Einträge mit diesem Status.")
@click.option("--color", type=Choice(["auto", "always", "never"]), default="auto", help="Farbige Ausgabe (Standard: auto, nur im Terminal).")
def list_entries(cluster: str | None, status: str | None, color: str) -> int:
    """Einträge auflisten, nach Themenfeld und Status filterbar."""
    from begriffe import describe
    from begriffe.compiled import load_compiled

    glossary = load_compiled(on_build=announce_build).glossary
    if cluster is not None and cluster not in glossary.clusters:
        raise InputError("B309", f"Unbekanntes Themenfeld „{cluster}“ (möglich: {', '.join(sorted(glossary.clusters))}).")
    use_color = _use_color(color, sys.stdout)
    shown = [e for e in glossary.entries if (cluster is None or e.cluster == cluster) and (status is None or e.status.value == status)]
    for entry in shown:
        click.echo(describe.one_line(entry, color=use_color))
    click.echo(f"{len(shown)} Einträge.")
    return ExitCode.OK


@main.group(cls=GermanGroup)
def glossary() -> None:
    """Das Glossar prüfen und exportieren."""


@glossary.command()
@click.option("--glossary-dir", type=click.Path(path_type=Path, file_okay=False), default=None, metavar="VERZEICHNIS", help="Anderes Glossarverzeichnis prüfen.")
@click.option("--rules-dir", type=click.Path(path_type=Path, file_okay=False), default=None, metavar="VERZEICHNIS", help="Anderes Regelverzeichnis verwenden.")
@click.option("--show-notes", is_flag=True, help="Auch Hinweise zeigen (Überschneidungen, Formkonflikte).")
def validate(glossary_dir: Path | None, rules_dir: Path | None, show_notes: bool) -> int:
    """Schema, Verweise und alle Beispiele prüfen; Exit-Code 2 bei jedem Problem."""
    from begriffe.compiled import load_compiled
    from begriffe.validate import validate as run_validation

    try:
        compiled = load_compiled(glossary_dir=glossary_dir, rules_dir=rules_dir)
    except DataError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(exc.problems)} Probleme beim Laden; Beispiele wurden nicht geprüft.", err=True)
        return ExitCode.ERROR
    report = run_validation(compiled)
    for problem in report.problems:
        click.echo(str(problem), err=True)
    if show_notes:
        for note in report.notes:
            click.echo(f"Hinweis: {note}", err=True)
    entries = len(compiled.glossary.entries)
    summary = f"{entries} Einträge, {report.examples_run} Beispiele geprüft: "
    if report.problems:
        click.echo(summary + f"{len(report.problems)} Probleme.", err=True)
        return ExitCode.ERROR
    notes = f" ({len(report.notes)} Hinweise, siehe --show-notes)" if report.notes and not show_notes else ""
    click.echo(summary + f"keine Probleme{notes}.")
    return ExitCode.OK


@glossary.command()
@click.option("--format", "export_format", type=Choice(["md", "html", "csv", "tbx"]), default="md",
              help="md (Markdown), html (druckbar), csv (Tabellen) oder tbx (TBX-Basic für Terminologiesysteme); Standard: md.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="DATEI",
              help="In diese Datei schreiben statt auf die Standardausgabe.")
@click.option("--force", is_flag=True, help="Eine vorhandene Ausgabedatei überschreiben.")
def export(export_format: str, output: Path | None, force: bool) -> int:
    """Das Glossar exportieren: zum Ausdrucken, für Tabellen oder Terminologiesysteme."""
    from begriffe.atomic import write_text_atomic
    from begriffe.compiled import load_compiled
    from begriffe.export import EXPORTERS

    text = EXPORTERS[export_format](load_compiled(on_build=announce_build).glossary)
    if output is None:
        click.echo(text, nl=False)
        return ExitCode.OK
    if output.exists() and not force:
        raise InputError("B103", f"{output} gibt es schon (mit --force überschreiben).")
    write_text_atomic(output, text)
    click.echo(f"{output} geschrieben.", err=True)
    return ExitCode.OK


def _split(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.strip() for v in value.split(",") if v.strip())


@main.command()
@click.option("--port", default=8765, type=click.IntRange(1, 65535), metavar="PORT", help="Port der Seite (Standard: 8765).")
@click.option("--host", default="127.0.0.1", metavar="ADRESSE",
              help="Adresse, an die die Seite gebunden wird (Standard: 127.0.0.1, nur dieser Rechner).")
@click.option("--open", "open_browser", is_flag=True, help="Die Seite gleich im Browser öffnen.")
@click.option("--max-upload", default=20, type=click.IntRange(1, 200), metavar="MB",
              help="Größte Datei (und Anfrage), die die Seite annimmt, in MB (Standard: 20).")
def serve(port: int, host: str, open_browser: bool, max_upload: int) -> int:
    """Die Prüfseite und das Glossar als lokale Webseite zeigen."""
    from begriffe.web.server import serve as run_server

    run_server(host, port, open_browser=open_browser, on_build=announce_build, max_body=max_upload * 1024 * 1024)
    return ExitCode.OK
