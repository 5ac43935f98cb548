"""Reporters render a RunResult; they never compute positions, sort or decide exit codes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from begriffe.findings import RunResult


class Reporter(Protocol):
    """Renders a complete RunResult to a text stream."""

    name: str

    def render(self, result: RunResult, out: TextIO, *, color: bool = False, statistics: bool = False) -> None:
        """Write ``result`` to ``out``."""


def _registry() -> dict[str, type]:
    from begriffe.reporters.github import GithubReporter
    from begriffe.reporters.json import JsonReporter
    from begriffe.reporters.sarif import SarifReporter
    from begriffe.reporters.text import TextReporter

    return {"text": TextReporter, "json": JsonReporter, "sarif": SarifReporter, "github": GithubReporter}


FORMATS = ("text", "json", "sarif", "github")


def get_reporter(name: str) -> Reporter:
    """The reporter for format ``name``."""
    return _registry()[name]()
