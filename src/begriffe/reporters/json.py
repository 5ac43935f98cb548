"""The public JSON format (version 1): findings, errors, summary. Field names never change."""

from __future__ import annotations

import json
from typing import TextIO

from begriffe.entries import Severity
from begriffe.findings import RunResult

VERSION = 1


class JsonReporter:
    """One JSON object on stdout, as documented in docs/json-format.md."""

    name = "json"

    def render(self, result: RunResult, out: TextIO, *, color: bool = False, statistics: bool = False) -> None:  # noqa: ARG002
        """Write the JSON object followed by a newline."""
        json.dump(to_json(result), out, ensure_ascii=False, indent=2)
        out.write("\n")


def to_json(result: RunResult) -> dict[str, object]:
    """The JSON-ready mapping of a RunResult."""
    return {
        "version": VERSION,
        "findings": [f.to_json() for f in result.findings],
        "errors": [e.to_json() for e in result.errors],
        "summary": {
            "files": result.files,
            "findings": len(result.findings),
            "error": result.count(Severity.ERROR),
            "warning": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
            "rules": dict(result.statistics()),
        },
    }
