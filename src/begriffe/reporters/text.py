"""Human-readable German output: one line per finding, grep-friendly, colour only on request."""

from __future__ import annotations

from typing import TextIO

import click

from begriffe.entries import Severity
from begriffe.findings import Finding, RunResult

COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class TextReporter:
    """``pfad:zeile:spalte: Schweregrad [regel] „Treffer“ — Hinweis → Vorschläge``."""

    name = "text"

    def render(self, result: RunResult, out: TextIO, *, color: bool = False, statistics: bool = False) -> None:
        """Write findings, file errors, optional statistics and a summary line."""
        for finding in result.findings:
            out.write(self.line(finding, color=color) + "\n")
        for error in result.errors:
            label = click.style("Lesefehler", fg="red", bold=True) if color else "Lesefehler"
            out.write(f"{error.path}: {label} {error.code} {error.message}\n")
        if statistics and result.findings:
            out.write("\n")
            for rule, count in result.statistics():
                out.write(f"{count:>5}  {rule}\n")
        out.write(summary(result) + "\n")

    @staticmethod
    def line(finding: Finding, *, color: bool = False) -> str:
        """One finding as a single line."""
        where = f"{finding.path}:{finding.line}:{finding.column}:"
        label = finding.severity.german
        rule = f"[{finding.rule}]"
        if color:
            where = click.style(where, bold=True)
            label = click.style(label, fg=COLORS[finding.severity], bold=True)
            rule = click.style(rule, dim=True)
        text = f"{where} {label} {rule} „{_one_line(finding.text)}“ — {finding.message}"
        if finding.suggestions:
            text += " → " + ", ".join(finding.suggestions)
        return text


def summary(result: RunResult) -> str:
    """German summary: counts by severity, files checked, unreadable files."""
    n = len(result.findings)
    files = "1 Datei" if result.files == 1 else f"{result.files} Dateien"
    if n == 0:
        text = f"Keine Funde in {files}."
    else:
        parts = [
            _count(result.count(Severity.ERROR), "Fehler", "Fehler"),
            _count(result.count(Severity.WARNING), "Warnung", "Warnungen"),
            _count(result.count(Severity.INFO), "Hinweis", "Hinweise"),
        ]
        text = f"{_count(n, 'Fund', 'Funde')} ({', '.join(parts)}) in {files}."
    if result.errors:
        text += f" {_count(len(result.errors), 'Datei', 'Dateien')} nicht lesbar."
    return text


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _one_line(text: str) -> str:
    return " ".join(text.split())
