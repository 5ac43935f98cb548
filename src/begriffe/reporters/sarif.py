"""SARIF 2.1.0 for GitHub code scanning and other tools; columns count Unicode code points."""

from __future__ import annotations

import json
from typing import TextIO
from urllib.parse import quote

from begriffe.entries import Severity
from begriffe.findings import Finding, RunResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://github.com/begriffe/begriffe"


class SarifReporter:
    """One SARIF log with one run; rules are the entries that fired."""

    name = "sarif"

    def render(self, result: RunResult, out: TextIO, *, color: bool = False, statistics: bool = False) -> None:  # noqa: ARG002
        """Write the SARIF log as JSON."""
        json.dump(to_sarif(result), out, ensure_ascii=False, indent=2)
        out.write("\n")


def to_sarif(result: RunResult) -> dict[str, object]:
    """The SARIF log of a RunResult."""
    from begriffe import __version__

    fired = sorted({f.rule for f in result.findings})
    info = {r.id: r for r in result.rules}
    index = {rule: i for i, rule in enumerate(fired)}
    rules = []
    for rule in fired:
        r = info.get(rule)
        first = next(f for f in result.findings if f.rule == rule)
        descriptor: dict[str, object] = {
            "id": rule,
            "name": _pascal(rule),
            "shortDescription": {"text": r.note if r else first.message},
            "fullDescription": {"text": (r.help or r.note) if r else first.message},
            "defaultConfiguration": {"level": LEVELS[first.severity]},
            "properties": {"term": r.term if r else first.term, "status": r.status if r else first.status},
        }
        if r and r.help:
            descriptor["help"] = {"text": r.help}
        if r and r.url:
            descriptor["helpUri"] = r.url
        rules.append(descriptor)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "begriffe", "version": __version__, "semanticVersion": __version__,
                                    "informationUri": INFORMATION_URI, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, index[f.rule]) for f in result.findings],
                "invocations": [_invocation(result)],
            }
        ],
    }


def _result(f: Finding, rule_index: int) -> dict[str, object]:
    message = f"„{f.text}“: {f.message}"
    if f.suggestions:
        message += " Besser: " + ", ".join(f.suggestions) + "."
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(f.path)},
                    "region": {
                        "startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column,
                        "charOffset": f.offset, "charLength": f.length, "snippet": {"text": f.text},
                    },
                }
            }
        ],
        "partialFingerprints": {"begriffe/v1": f.fingerprint},
    }


def _invocation(result: RunResult) -> dict[str, object]:
    notes = [
        {"level": "error", "message": {"text": f"{e.code} {e.message}"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.path)}}}]}
        for e in result.errors
    ]
    return {"executionSuccessful": True, "toolExecutionNotifications": notes}


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/")


def _pascal(rule: str) -> str:
    return "".join(part.capitalize() for part in rule.split("-"))
