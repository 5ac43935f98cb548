"""Baselines for legacy texts: record today's findings, report only new ones later.

A finding is identified by its path, rule and fingerprint (the words and their neighbourhood),
so moving lines or editing other paragraphs does not make old findings new again.
"""

from __future__ import annotations

import json
import stat
from collections import Counter
from pathlib import Path

from begriffe.atomic import write_text_atomic
from begriffe.errors import ConfigError, SourceLocation, os_reason
from begriffe.findings import Finding

VERSION = 1
MB = 1024 * 1024
MAX_BYTES = 256 * MB


def _key(finding: Finding) -> tuple[str, str, str]:
    return (Path(finding.path).as_posix(), finding.rule, finding.fingerprint)


def load_baseline(path: Path) -> Counter[tuple[str, str, str]]:
    """Recorded findings (as a multiset) from a baseline file."""
    where = SourceLocation(str(path))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            raise ConfigError(f"Keine gültige begriffe-Baseline (keine gewöhnliche Datei oder größer als {MAX_BYTES // MB} MB).", where)
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("Baseline-Datei nicht gefunden (mit --update-baseline anlegen).", where) from None
    except OSError as exc:
        raise ConfigError(f"Baseline-Datei nicht lesbar ({os_reason(exc)}).", where) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ConfigError("Baseline-Datei nicht lesbar (kein gültiges JSON).", where) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError("Keine gültige begriffe-Baseline (Version 1 erwartet).", where)
    counts: Counter[tuple[str, str, str]] = Counter()
    for item in data["findings"]:
        if isinstance(item, dict) and {"path", "rule", "fingerprint"} <= set(item):
            count = item.get("count", 1)
            if not isinstance(count, int) or isinstance(count, bool) or count < 1:
                raise ConfigError("Keine gültige begriffe-Baseline („count“ muss eine positive ganze Zahl sein).", where)
            counts[(str(item["path"]), str(item["rule"]), str(item["fingerprint"]))] += count
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
