"""Baselines for legacy texts: record today's findings, report only new ones later.

A finding is identified by its path, rule and fingerprint (the words and their neighbourhood),
so moving lines or editing other paragraphs does not make old findings new again.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from begriffe.atomic import write_text_atomic
from begriffe.errors import ConfigError, SourceLocation
from begriffe.findings import Finding

VERSION = 1


def _key(finding: Finding) -> tuple[str, str, str]:
    return (Path(finding.path).as_posix(), finding.rule, finding.fingerprint)


def load_baseline(path: Path) -> Counter[tuple[str, str, str]]:
    """Recorded findings (as a multiset) from a baseline file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("Baseline-Datei nicht gefunden (mit --update-baseline anlegen).", SourceLocation(str(path))) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"Baseline-Datei nicht lesbar ({exc.__class__.__name__}).", SourceLocation(str(path))) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError("Keine gültige begriffe-Baseline (Version 1 erwartet).", SourceLocation(str(path)))
    counts: Counter[tuple[str, str, str]] = Counter()
    for item in data["findings"]:
        if isinstance(item, dict) and {"path", "rule", "fingerprint"} <= set(item):
            counts[(str(item["path"]), str(item["rule"]), str(item["fingerprint"]))] += int(item.get("count", 1))
    return counts


def filter_new(findings: list[Finding], recorded: Counter[tuple[str, str, str]]) -> list[Finding]:
    """Findings not covered by the baseline (each recorded occurrence hides one finding)."""
    remaining = Counter(recorded)
    out = []
    for finding in findings:
        key = _key(finding)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(finding)
    return out


def write_baseline(path: Path, findings: list[Finding]) -> int:
    """Write all findings as the new baseline, atomically; returns the number recorded."""
    counts = Counter(_key(f) for f in findings)
    texts = {_key(f): f.text for f in findings}
    items = [
        {"path": p, "rule": r, "fingerprint": fp, "text": texts[(p, r, fp)], "count": n}
        for (p, r, fp), n in sorted(counts.items())
    ]
    payload = json.dumps({"version": VERSION, "findings": items}, ensure_ascii=False, indent=1) + "\n"
    write_text_atomic(path, payload)
    return sum(counts.values())
