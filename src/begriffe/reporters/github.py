"""GitHub Actions workflow commands: annotations on the changed lines of a pull request."""

from __future__ import annotations

from typing import TextIO

from begriffe.entries import Severity
from begriffe.findings import RunResult

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


class GithubReporter:
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``."""

    name = "github"

    def render(self, result: RunResult, out: TextIO, *, color: bool = False, statistics: bool = False) -> None:  # noqa: ARG002
        """One workflow command per finding and per unreadable file."""
        for f in result.findings:
            message = f"„{f.text}“: {f.message}"
            if f.suggestions:
                message += " Besser: " + ", ".join(f.suggestions) + "."
            props = {
                "file": f.path, "line": f.line, "col": f.column, "endLine": f.end_line, "endColumn": f.end_column,
                "title": f"begriffe ({f.rule})",
            }
            out.write(f"::{COMMANDS[f.severity]} {_properties(props)}::{_data(message)}\n")
        for e in result.errors:
            out.write(f"::error {_properties({'file': e.path, 'title': f'begriffe ({e.code})'})}::{_data(e.message)}\n")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _properties(props: dict[str, object]) -> str:
    return ",".join(f"{key}={_data(str(value)).replace(':', '%3A').replace(',', '%2C')}" for key, value in props.items())
