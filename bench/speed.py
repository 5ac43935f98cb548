"""Speed and memory of begriffe, side by side with codespell and a bare spaCy tokenizer.

Builds the corpora in a temporary directory (the bundled example draft, plus the real council
texts in ../shared/seeds when present, repeated to one million words), runs every command
several times in alternation and reports medians, ratios and peak memory. Installs nothing:
codespell is compared when it is installed (``pip install -e '.[bench]'``).

    python bench/speed.py [--runs 5] [--output bench/RESULTS.md]

Two states are measured for the checks: *kalt* (``--no-cache``: no analyses remembered from
earlier runs; the compiled glossary is cached as after any first run) and *warm* (default:
paragraphs analysed in an earlier run are not analysed again). A "varied" corpus, in which
no paragraph repeats, shows the speed on text the paragraph memo cannot help with.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
WORDS = 1_000_000
SCALE = 5
"""The jobs comparison is repeated on this many times the words, to show how it grows with the work."""
CLEAN_PAGE = """Beschlussvorlage: Sanierung der Grundschule am Lindenplatz

Der Gemeinderat beschließt die Sanierung der Grundschule am Lindenplatz in zwei Bauabschnitten.
Im ersten Abschnitt werden die Fenster erneuert, die Heizung auf Fernwärme umgestellt und das
Dach gedämmt. Im zweiten Abschnitt folgen die Sanitäranlagen, die Beleuchtung der Turnhalle und
ein barrierefreier Zugang zum Hauptgebäude.

Die Kosten betragen nach der Kostenberechnung des Hochbauamts 4,2 Millionen Euro. Davon
übernimmt das Land im Rahmen des Schulbauförderprogramms voraussichtlich 1,6 Millionen Euro.
Der Eigenanteil der Stadt ist im Haushalt 2027 veranschlagt. Während der Bauzeit wird der
Unterricht in Containern auf dem Sportplatz fortgeführt; die Schulleitung, der Elternbeirat und
der Hort wurden beteiligt und tragen die Planung mit.

Die Bauarbeiten beginnen in den Sommerferien. Der Ausschuss für Bildung und Sport wird
halbjährlich über den Stand der Arbeiten, die Kosten und den Zeitplan unterrichtet. Die
Verwaltung prüft zudem, ob die Dachflächen für eine Photovoltaikanlage genutzt werden können,
und legt dazu bis zum Herbst eine gesonderte Vorlage vor.
"""


@dataclass
class Timing:
    """Wall times (seconds) and peak memory (MB) of one command over several runs."""

    label: str
    seconds: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def memory(self) -> float:
        return max(self.peak_mb) if self.peak_mb else 0.0


MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and peak resident memory (MB) of one run, taken in a fresh wrapper process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, env=env, check=True)
    wall, kilobytes = out.stdout.split()
    return float(wall), int(kilobytes) / 1024


def alternate(commands: dict[str, list[str]], runs: int, env: dict[str, str], prepare=None) -> dict[str, Timing]:  # noqa: ANN001
    """Run every command ``runs`` times, taking turns, so drift hits all of them alike."""
    timings = {label: Timing(label) for label in commands}
    for _ in range(runs):
        for label, command in commands.items():
            if prepare is not None:
                prepare(label)
            seconds, peak = measure(command, env)
            timings[label].seconds.append(seconds)
            timings[label].peak_mb.append(peak)
    return timings


def executable(name: str) -> str | None:
    """A console script installed next to this Python, or on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def source_texts() -> list[tuple[str, str]]:
    """The council texts to repeat: the bundled example and, when present, the seeds."""
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.md"))]
    if SEEDS.is_dir():
        texts += [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    return texts


def build_corpora(work: Path) -> dict[str, Path]:
    """One 1M-word file, the same words as many files (and five times as many), a varied
    corpus and two pages."""
    texts = source_texts()
    many = write_files(work / "viele", texts, WORDS)
    more = write_files(work / "fuenfmal-mehr", texts, SCALE * WORDS)
    one = work / "eine-million-woerter.txt"
    one.write_text("\n\n".join(p.read_text(encoding="utf-8") for p in sorted(many.iterdir())), encoding="utf-8")
    varied = work / "abwechslungsreich.txt"
    varied.write_text("\n\n".join(varied_paragraphs()), encoding="utf-8")
    clean = work / "saubere-seite.txt"
    clean.write_text(CLEAN_PAGE, encoding="utf-8")
    page = work / "seite-mit-funden.md"
    page.write_text((ROOT / "examples" / "beschlussvorlage-entwurf.md").read_text(encoding="utf-8"), encoding="utf-8")
    return {"one": one, "many": many, "more": more, "varied": varied, "clean": clean, "page": page}


def write_files(directory: Path, texts: list[tuple[str, str]], words: int) -> Path:
    """``texts`` written again and again as separate files until they hold ``words`` words."""
    directory.mkdir()
    written, copy = 0, 0
    while written < words:
        for name, text in texts:
            (directory / f"{copy:05d}-{Path(name).stem}{Path(name).suffix}").write_text(text, encoding="utf-8")
            written += len(text.split())
        copy += 1
    return directory


def varied_paragraphs() -> list[str]:
    """Paragraphs that do not repeat: the labelled corpus, every glossary example, the seeds."""
    from begriffe.compiled import load_compiled
    from begriffe.validate import example_cases

    seen: dict[str, None] = {}
    corpus = ROOT / "tests" / "corpus" / "passages.jsonl"
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            seen[json.loads(line)["text"].strip()] = None
    for case in example_cases(load_compiled()):
        seen[case.example.text.strip()] = None
    for _, text in source_texts():
        for paragraph in text.split("\n\n"):
            if paragraph.strip():
                seen[paragraph.strip()] = None
    return list(seen)


def codespell_dictionary(path: Path) -> int:
    """codespell's format (``wrong->right``) for every single-word form of every term begriffe flags."""
    from begriffe.compiled import load_compiled

    compiled = load_compiled()
    entries = {e.id: e for e in compiled.glossary.entries}
    lines = {}
    for form, rule in compiled.patterns.exact.items():
        entry = entries.get(rule)
        if entry is None or entry.status.value == "empfohlen" or not form.isalpha():
            continue
        suggestion = entry.preferred[0] if entry.preferred else entry.term
        lines[form.lower()] = f"{form.lower()}->{suggestion.replace(',', ' ')}"
    path.write_text("\n".join(sorted(lines.values())) + "\n", encoding="utf-8")
    return len(lines)


# Both end as begriffe does, without tearing the interpreter down (that alone takes 0.15 s
# once spaCy is loaded).
SPACY_FLOOR = """
import os, sys, spacy
nlp = spacy.blank("de")
text = open(sys.argv[1], encoding="utf-8").read()
for paragraph in text.split("\\n\\n"):
    nlp.tokenizer(paragraph)
os._exit(0)
"""


SPACY_LOAD = """
import os
from begriffe.nlp import build_nlp
build_nlp({})
os._exit(0)
"""


def words_in(path: Path) -> int:
    files = [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file())
    return sum(len(p.read_text(encoding="utf-8").split()) for p in files)


def spacy_imported(begriffe_args: list[str], env: dict[str, str]) -> bool:
    """Whether a begriffe run imported spaCy."""
    probe = (
        "import sys\n"
        "from begriffe.cli import main\n"
        "try:\n"
        f"    main.main({begriffe_args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write('SPACY=%s\\n' % ('spacy' in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False)
    return "SPACY=True" in out.stderr


def main() -> int:  # noqa: PLR0915 - one measurement after the other, in report order
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median reported)")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()

    begriffe = executable("begriffe")
    if begriffe is None:
        print("begriffe ist nicht installiert (pip install -e .).", file=sys.stderr)
        return 2
    codespell = executable("codespell")
    work = Path(tempfile.mkdtemp(prefix="begriffe-speed-"))
    env = dict(os.environ, BEGRIFFE_CACHE_DIR=str(work / "cache"))
    for variable in ("PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"):  # as on users' machines: compiled
        env.pop(variable, None)  # modules are kept, output is buffered
    try:
        corpora = build_corpora(work)
        dictionary = work / "begriffe-formen.txt"
        forms = codespell_dictionary(dictionary)
        one, many, varied = corpora["one"], corpora["many"], corpora["varied"]
        n_one, n_varied, n_files = words_in(one), words_in(varied), len(list(many.iterdir()))
        n_more, n_more_files = words_in(corpora["more"]), len(list(corpora["more"].iterdir()))
        print(f"Korpus: {n_one:,} Wörter in einer Datei und in {n_files} Dateien; abwechslungsreich: {n_varied:,} Wörter", file=sys.stderr)

        subprocess.run([begriffe, "check", str(corpora["page"])], env=env, capture_output=True, check=False)  # compile once
        compile_env = dict(env, BEGRIFFE_CACHE_DIR=str(work / "cache-compile"))
        compile_time, _ = measure([begriffe, "lookup", "Asyl"], compile_env)

        def check(path: Path, *extra: str) -> list[str]:
            return [begriffe, "check", "--isolated", "--exit-zero", *extra, str(path)]

        volume = {
            "begriffe kalt": check(one, "--no-cache"),
            "begriffe warm": check(one),
            "spaCy-Tokenizer allein": [sys.executable, "-c", SPACY_FLOOR, str(one)],
            "spaCy laden (Import und Pipeline)": [sys.executable, "-c", SPACY_LOAD],
            "Python starten": [sys.executable, "-c", "pass"],
        }
        if codespell:
            volume["codespell"] = [codespell, "-D", str(dictionary), str(one)]
        subprocess.run(check(one), env=env, capture_output=True, check=False)  # prime the warm state
        print("Messe 1 Mio. Wörter …", file=sys.stderr)
        t_volume = alternate(volume, args.runs, env)

        print("Messe viele Dateien mit --jobs 1 und 2 …", file=sys.stderr)
        jobs = {
            "--jobs 1 kalt": check(many, "--no-cache", "--jobs", "1"),
            "--jobs 2 kalt": check(many, "--no-cache", "--jobs", "2"),
            "--jobs 1 warm": check(many, "--jobs", "1"),
            "--jobs 2 warm": check(many, "--jobs", "2"),
        }
        more = corpora["more"]
        for state, extra in (("kalt", ("--no-cache",)), ("warm", ())):
            for n in (1, 2):
                jobs[f"{SCALE}-fach, --jobs {n} {state}"] = check(more, *extra, "--jobs", str(n))
        subprocess.run(check(more), env=env, capture_output=True, check=False)  # prime the warm state
        t_jobs = alternate(jobs, args.runs, env)

        print("Messe abwechslungsreichen Text …", file=sys.stderr)
        varied_commands = {"abwechslungsreich: begriffe kalt": check(varied, "--no-cache")}
        if codespell:
            varied_commands["abwechslungsreich: codespell"] = [codespell, "-D", str(dictionary), str(varied)]
        t_varied = alternate(varied_commands, args.runs, env)

        print("Messe Einzelseiten und Nachschlagen …", file=sys.stderr)
        pages = {
            "saubere Seite": check(corpora["clean"], "--no-cache"),
            "Seite mit Funden kalt": check(corpora["page"], "--no-cache"),
            "Seite mit Funden warm": check(corpora["page"]),
            "lookup Asylbewerba": [begriffe, "lookup", "Asylbewerba"],
        }
        t_pages = alternate(pages, args.runs, env)
        clean_spacy = spacy_imported(["check", "--isolated", "--no-cache", str(corpora["clean"])], env)

        report = render(
            args.runs, n_one, n_files, (n_more, n_more_files), n_varied, forms, compile_time, t_volume, t_jobs, t_varied, t_pages, clean_spacy, codespell is not None
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.output.write_text(report, encoding="utf-8")
    print(report)
    print(f"geschrieben: {args.output}", file=sys.stderr)
    return 0


def _mark(ok: bool) -> str:
    return "ja" if ok else "**nein**"


def render(runs, n_one, n_files, more, n_varied, forms, compile_time, t_volume, t_jobs, t_varied, t_pages, clean_spacy, have_codespell) -> str:  # noqa: ANN001, PLR0913
    """The Markdown report."""
    from begriffe import __version__
    from begriffe.parallel import cores

    cpu = platform.processor() or platform.machine()
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    lines = [
        "# Geschwindigkeit und Speicher",
        "",
        f"Gemessen mit `python bench/speed.py --runs {runs}` am {date.today().isoformat()}, begriffe {__version__}, "
        f"Python {platform.python_version()}, {cores()} Kerne ({cpu}). Mediane aus {runs} abwechselnden Läufen; "
        "Speicher: höchster Wert (maximale residente Größe).",
        "",
        f"Korpus: Beispielentwurf{' und Seeds' if SEEDS.is_dir() else ''} wiederholt, {n_one:,} Wörter "
        f"(eine Datei und {n_files} Dateien); abwechslungsreich: {n_varied:,} Wörter ohne Wiederholung. "
        f"codespell-Wörterbuch: {forms} Formen aus dem Glossar.",
        "",
        "*kalt* = `--no-cache` (keine gespeicherten Absatz-Analysen; das übersetzte Glossar liegt im Cache wie nach "
        f"jedem ersten Lauf). Das erste Übersetzen des Glossars nach Installation oder Glossaränderung dauert {compile_time:.1f} s.",
        "*warm* = Standard: Absätze, die ein früherer Lauf schon analysiert hat, werden nicht erneut analysiert.",
        "",
        "| Messung | Ziel | Ergebnis | erfüllt |",
        "|---|---|---|---|",
    ]
    v = t_volume
    if have_codespell:
        base = v["codespell"].median
        for state in ("kalt", "warm"):
            t = v[f"begriffe {state}"]
            ratio = t.median / base
            lines.append(
                f"| 1 Mio. Wörter, ein Prozess, {state} | ≤ 1,0 × codespell ({base:.2f} s) | {t.median:.2f} s = {ratio:.2f} × | {_mark(ratio <= 1.0)} |"
            )
    else:
        lines.append("| 1 Mio. Wörter, ein Prozess | ≤ 1,0 × codespell | codespell nicht installiert | – |")
    for state in ("kalt", "warm"):
        one, two = t_jobs[f"--jobs 1 {state}"].median, t_jobs[f"--jobs 2 {state}"].median
        lines.append(
            f"| {n_files} Dateien, `--jobs 2` gegen `--jobs 1`, {state} | ≥ 1,7 × schneller | {one:.2f} s → {two:.2f} s = {one / two:.2f} × | {_mark(one / two >= 1.7)} |"
        )
    memory = max(v["begriffe kalt"].memory, v["begriffe warm"].memory)
    lines.append(f"| Speicher, eine Datei mit 1 Mio. Wörtern | ≤ 200 MB | {memory:.0f} MB | {_mark(memory <= 200)} |")
    clean = t_pages["saubere Seite"].median
    lines.append(
        f"| saubere Seite | ≤ 0,15 s, spaCy nicht geladen | {clean:.3f} s, spaCy {'geladen' if clean_spacy else 'nicht geladen'} | {_mark(clean <= 0.15 and not clean_spacy)} |"
    )
    for state in ("kalt", "warm"):
        page = t_pages[f"Seite mit Funden {state}"].median
        lines.append(f"| Seite mit Funden, {state} | ≤ 0,6 s | {page:.3f} s | {_mark(page <= 0.6)} |")
    lookup = t_pages["lookup Asylbewerba"].median
    lines.append(f"| `begriffe lookup Asylbewerba` | ≤ 0,1 s | {lookup:.3f} s | {_mark(lookup <= 0.1)} |")
    lines += ["", "## Alle Messwerte", "", "| Befehl | Median | alle Läufe (s) | Speicher |", "|---|---|---|---|"]
    for group in (t_volume, t_jobs, t_varied, t_pages):
        for t in group.values():
            runs_text = " ".join(f"{s:.2f}" for s in t.seconds)
            lines.append(f"| {t.label} | {t.median:.3f} s | {runs_text} | {t.memory:.0f} MB |")
    floor = v["spaCy-Tokenizer allein"].median
    load, start = v["spaCy laden (Import und Pipeline)"].median, v["Python starten"].median
    scaled = [
        f"{state}: {t_jobs[f'{SCALE}-fach, --jobs 1 {state}'].median:.2f} s → {t_jobs[f'{SCALE}-fach, --jobs 2 {state}'].median:.2f} s = "
        f"{t_jobs[f'{SCALE}-fach, --jobs 1 {state}'].median / t_jobs[f'{SCALE}-fach, --jobs 2 {state}'].median:.2f} ×"
        for state in ("kalt", "warm")
    ]
    varied = t_varied["abwechslungsreich: begriffe kalt"].median
    lines += [
        "",
        f"Untergrenze eines spaCy-Entwurfs, der jeden Absatz tokenisiert: {floor:.2f} s für 1 Mio. Wörter "
        "(Import, `spacy.blank(\"de\")`, Tokenizer über jeden Absatz).",
        f"Abwechslungsreicher Text ohne Wiederholungen: {n_varied / varied:,.0f} Wörter/s kalt"
        + (
            f" (codespell: {n_varied / t_varied['abwechslungsreich: codespell'].median:,.0f} Wörter/s)."
            if "abwechslungsreich: codespell" in t_varied
            else "."
        ),
        f"Feste Kosten jedes Laufs, der einen Absatz analysieren muss: spaCy laden {load - start:.2f} s "
        f"(Import und Pipeline, ohne den Start von Python: {start:.2f} s).",
        f"`--jobs 2` gegen `--jobs 1` mit {SCALE}-mal so viel Arbeit ({more[0]:,} Wörter in {more[1]} Dateien): "
        + "; ".join(scaled) + ".",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
