"""Precision and recall of begriffe on labelled passages.

    python bench/quality.py                 # tests/corpus/passages.jsonl (+ ../shared/realtext-dev.jsonl if present)
    python bench/quality.py --show-errors   # also list false positives and misses (terminal only)

Precision counts error and warning findings: a finding is correct when it overlaps a span
labelled ``flag: true``. Recall counts labelled true spans hit by a finding of any severity.
Figures are written to bench/QUALITY.md; passages are never written anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from begriffe.compiled import load_compiled
from begriffe.engine import Engine, Options
from begriffe.entries import Severity
from begriffe.readers import read_text

ROOT = Path(__file__).resolve().parents[1]
CORPORA = {
    "tests/corpus": ROOT / "tests" / "corpus" / "passages.jsonl",
    "realtext-dev": ROOT.parent / "shared" / "realtext-dev.jsonl",
}
TARGET_PRECISION = 0.95
TARGET_RECALL = 0.92


@dataclass
class Tally:
    """Counts for one group (overall, an entry or a concept)."""

    strict: int = 0
    strict_hits: int = 0
    true_spans: int = 0
    true_hits: int = 0

    @property
    def precision(self) -> float:
        return self.strict_hits / self.strict if self.strict else 1.0

    @property
    def recall(self) -> float:
        return self.true_hits / self.true_spans if self.true_spans else 1.0


@dataclass
class Report:
    """Results of one corpus."""

    name: str
    passages: int = 0
    overall: Tally = field(default_factory=Tally)
    groups: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(name: str, path: Path, engine: Engine) -> Report:
    report = Report(name)
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    report.passages = len(items)
    documents = [read_text(item["id"], item["text"]) for item in items]
    results = dict((d.path, f) for d, f in engine.check_documents(documents))
    for item in items:
        findings = results[item["id"]]
        true_spans = [e for e in item["expect"] if e.get("flag")]
        for span in true_spans:
            group = span.get("entry") or span.get("concept") or "?"
            hit = any(overlaps((f.offset, f.offset + f.length), (span["start"], span["end"])) for f in findings)
            for tally in (report.overall, report.groups[group]):
                tally.true_spans += 1
                tally.true_hits += hit
            if not hit:
                report.misses.append(f"{item['id']} [{group}] „{span['span']}“: {item['text']}")
        for f in findings:
            if f.severity is Severity.INFO:
                continue
            spans = [s for s in true_spans if overlaps((f.offset, f.offset + f.length), (s["start"], s["end"]))]
            group = (spans[0].get("entry") or spans[0].get("concept")) if spans else f.rule
            for tally in (report.overall, report.groups[group]):
                tally.strict += 1
                tally.strict_hits += bool(spans)
            if not spans:
                report.false_positives.append(f"{item['id']} [{f.rule} {f.severity.value}] „{f.text}“: {item['text']}")
    return report


def render(reports: list[Report]) -> str:
    lines = ["# Qualität: Präzision und Trefferquote", ""]
    lines.append(f"Ziele: Präzision ≥ {TARGET_PRECISION:.2f} (Fehler und Warnungen), Trefferquote ≥ {TARGET_RECALL:.2f} (alle Schweregrade).")
    lines.append("Erzeugt mit `python bench/quality.py`.")
    for r in reports:
        o = r.overall
        lines += ["", f"## {r.name}", "", f"{r.passages} Passagen, {o.true_spans} zu meldende Stellen, {o.strict} Fehler/Warnungen.", ""]
        lines.append(f"- **Präzision: {o.precision:.3f}** ({o.strict_hits}/{o.strict})")
        lines.append(f"- **Trefferquote: {o.recall:.3f}** ({o.true_hits}/{o.true_spans})")
        lines += ["", "| Gruppe | Präzision | Trefferquote |", "|---|---:|---:|"]
        for group, t in sorted(r.groups.items()):
            p = f"{t.precision:.2f} ({t.strict_hits}/{t.strict})" if t.strict else "–"
            rc = f"{t.recall:.2f} ({t.true_hits}/{t.true_spans})" if t.true_spans else "–"
            lines.append(f"| {group} | {p} | {rc} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list false positives and misses")
    parser.add_argument("--no-write", action="store_true", help="do not write bench/QUALITY.md")
    args = parser.parse_args()
    engine = Engine(load_compiled(), Options())
    reports = [evaluate(name, path, engine) for name, path in CORPORA.items() if path.exists()]
    text = render(reports)
    print(text)
    if args.show_errors:
        for r in reports:
            print(f"\n### {r.name}: falsch gemeldet ({len(r.false_positives)})")
            print("\n".join(r.false_positives))
            print(f"\n### {r.name}: übersehen ({len(r.misses)})")
            print("\n".join(r.misses))
    if not args.no_write:
        (ROOT / "bench" / "QUALITY.md").write_text(text, encoding="utf-8")
    ok = all(r.overall.precision >= TARGET_PRECISION and r.overall.recall >= TARGET_RECALL for r in reports)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
