"""The long fuzz run: the property tests of tests/property with the ``long`` Hypothesis profile.

    python bench/fuzz.py                   # 15,000 examples per property (7 properties: 105,000)
    python bench/fuzz.py --examples 2000   # a shorter run
    python bench/fuzz.py --only split      # only properties whose name contains "split"

Runs the same functions as ``pytest tests/property`` (no copy of the properties), prints the
examples and the time per property and writes the result to bench/FUZZ.md. A failing property
is reported with Hypothesis' smallest failing example; the run goes on with the next one.
Exit code 1 if any property failed.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "bench" / "FUZZ.md"
HISTORY = "## Funde früherer Läufe"  # this section of FUZZ.md is written by hand and kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=15000, help="examples per property (default: 15000)")
    parser.add_argument("--only", default="", help="run only properties whose name contains this")
    parser.add_argument("--no-report", action="store_true", help="do not write bench/FUZZ.md")
    args = parser.parse_args()

    os.environ["BEGRIFFE_FUZZ_EXAMPLES"] = str(args.examples)
    os.environ["BEGRIFFE_HYPOTHESIS_PROFILE"] = "long"
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "property")]
    import hypothesis
    from profiles import register

    register()
    import test_properties as props

    from begriffe.compiled import load_compiled
    from begriffe.engine import Engine

    props.use_engine(Engine(load_compiled()))
    names = sorted(n for n in dir(props) if n.startswith("test_") and args.only in n)
    rows, failures = [], []
    started = time.monotonic()
    for name in names:
        short = name.removeprefix("test_")
        before = props.COUNTS[short]
        began = time.monotonic()
        try:
            getattr(props, name)()
            outcome = "ok"
        except Exception:
            outcome = "FEHLER"
            failures.append((short, traceback.format_exc(limit=-3)))
        seconds = time.monotonic() - began
        calls = props.COUNTS[short] - before
        rows.append((short, calls, seconds, outcome))
        print(f"{short:55} {calls:>8} Beispiele {seconds:>8.1f} s  {outcome}", flush=True)
    total = time.monotonic() - started
    examples = sum(r[1] for r in rows)
    print(f"{'zusammen':55} {examples:>8} Beispiele {total:>8.1f} s  {len(failures)} fehlgeschlagen")
    for short, trace in failures:
        print(f"\n--- {short}\n{trace}")
    if not args.no_report:
        write_report(rows, failures, examples, total, args, hypothesis.__version__)
    return 1 if failures else 0


def write_report(rows, failures, examples: int, total: float, args, hypothesis_version: str) -> None:
    lines = [
        "# Lange Fuzz-Läufe",
        "",
        "*English summary: result of the last `python bench/fuzz.py` run — the property tests of "
        "`tests/property` with the Hypothesis profile `long`.*",
        "",
        f"Letzter Lauf: {datetime.now():%Y-%m-%d %H:%M}, {args.examples} Beispiele je Eigenschaft"
        + (f" (nur „{args.only}“)" if args.only else "")
        + f", Python {platform.python_version()}, Hypothesis {hypothesis_version}, {platform.machine()}.",
        "",
        "| Eigenschaft | Aufrufe | Sekunden | Ergebnis |",
        "|---|---:|---:|---|",
    ]
    lines += [f"| `{name}` | {calls} | {seconds:.0f} | {outcome} |" for name, calls, seconds, outcome in rows]
    lines += [
        f"| **zusammen** | **{examples}** | **{total:.0f}** | **{len(failures)} fehlgeschlagen** |",
        "",
        "„Aufrufe“ zählt jeden Aufruf der Eigenschaft, auch beim Verkleinern eines Gegenbeispiels.",
        "",
    ]
    for name, trace in failures:
        lines += [f"## {name}", "", "```", trace.strip(), "```", ""]
    kept = REPORT.read_text(encoding="utf-8").partition(HISTORY)[2] if REPORT.exists() else ""
    if kept:
        lines += [HISTORY + kept.rstrip("\n"), ""]
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    print(f"\n{REPORT.relative_to(ROOT)} geschrieben.")


if __name__ == "__main__":
    sys.exit(main())
