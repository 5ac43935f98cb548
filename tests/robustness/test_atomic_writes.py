"""Nothing is lost: every file begriffe writes appears whole or not at all, never over an input.

Annotated copies, baselines, glossary exports, ``begriffe init`` and the cache go through
``begriffe.atomic.write_atomic`` (temporary file in the same directory, then rename). A run
interrupted with SIGINT (Ctrl+C) or SIGTERM while writing ends with „Abgebrochen.“ and exit
code 130 or 143, leaves the target as it was and no temporary file behind.
"""

from __future__ import annotations

import ast
import os
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from subproc import ROOT, SIGNALS, finish, interrupt, popen, run_begriffe, warm_caches  # noqa: F401 - warm_caches is a fixture

from begriffe.atomic import write_atomic, write_text_atomic
from begriffe.cli import main
from builders import build_simple_docx

SRC = ROOT / "src" / "begriffe"
DRAFT = "Die Asylanten wurden in der Turnhalle untergebracht.\n\nDie Flüchtlingswelle kommt.\n"

pytestmark = pytest.mark.usefixtures("warm_caches")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- the helper ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("error", [OSError("Platte voll"), KeyboardInterrupt(), SystemExit(143)])
def test_write_atomic_keeps_the_old_file_on_any_interruption(tmp_path, error):
    target = tmp_path / "ziel.json"
    target.write_text("alt", encoding="utf-8")

    def half_then_fail(handle):
        handle.write(b"neu, aber nur zur H")
        raise error

    with pytest.raises(type(error)):
        write_atomic(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "alt"
    assert leftovers(tmp_path) == []
    fresh = tmp_path / "neu.json"
    with pytest.raises(type(error)):
        write_atomic(fresh, half_then_fail)
    assert not fresh.exists() and leftovers(tmp_path) == []


def test_write_atomic_writes_next_to_the_target(tmp_path, monkeypatch):
    import os

    seen = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: seen.append((Path(a).parent, Path(b).parent)) or real_replace(a, b))
    write_text_atomic(tmp_path / "unter" / "datei.txt", "Inhalt")
    assert seen == [(tmp_path / "unter", tmp_path / "unter")], "same directory: the rename is atomic"
    assert (tmp_path / "unter" / "datei.txt").read_text(encoding="utf-8") == "Inhalt"


WRITERS_OUTSIDE_ATOMIC = {
    # module: why it may write without write_atomic
    "web/documents.py": "writes an upload into its own TemporaryDirectory, removed right after",
}


def test_every_writer_uses_write_atomic():
    """No module writes files directly except begriffe.atomic (and the listed exceptions)."""
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        if name == "atomic.py" or name in WRITERS_OUTSIDE_ATOMIC:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("write_text", "write_bytes", "mkstemp", "NamedTemporaryFile", "copyfile", "copy", "move"):
                offenders.append(f"{name}:{node.lineno} {called}")
            elif called in ("replace", "rename") and isinstance(func, ast.Attribute) and _is_os(func):
                offenders.append(f"{name}:{node.lineno} os.{called}")
            elif called == "open" and _write_mode(node):
                offenders.append(f"{name}:{node.lineno} open(…, 'w')")
    assert offenders == []


def _is_os(func: ast.Attribute) -> bool:
    return isinstance(func.value, ast.Name) and func.value.id in ("os", "shutil")


def _write_mode(node: ast.Call) -> bool:
    modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
    modes += [k.value.value for k in node.keywords if k.arg == "mode" and isinstance(k.value, ast.Constant)]
    return any(isinstance(m, str) and set(m) & set("wax+") for m in modes)


# --- never over the input ------------------------------------------------------------------------------------------


def test_annotated_copy_never_replaces_the_original(tmp_path):
    source = build_simple_docx(tmp_path / "Entwurf.docx", [[("Die Asylanten kamen.", False)]])
    before = source.read_bytes()
    result = CliRunner().invoke(main, ["check", "--isolated", "--annotate", "--force", str(source)])
    assert result.exit_code == 1, result.output
    assert source.read_bytes() == before
    assert (tmp_path / "Entwurf.begriffe.docx").exists()
    assert leftovers(tmp_path) == []


def test_baseline_never_replaces_a_checked_file(tmp_path):
    draft = tmp_path / "entwurf.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--baseline", str(draft), "--update-baseline", str(draft)]
    )
    assert result.exit_code == 2 and "B104" in result.output and "geprüften Dateien" in result.output
    assert draft.read_text(encoding="utf-8") == DRAFT


# --- interrupted runs -----------------------------------------------------------------------------------------------

# Runs begriffe with write_atomic slowed down for one target: half the data is written and
# flushed, a "ready" file tells the test, then it waits for the signal.
# Ctrl+C is set up as in a terminal: a test run started in the background (``pytest &``)
# passes SIGINT on as ignored, and Python then raises no KeyboardInterrupt.
HOOK = """
import io, os, signal, sys, time
import begriffe.atomic as atomic

signal.signal(signal.SIGINT, signal.default_int_handler)

ready, target = sys.argv[1], sys.argv[2]
original = atomic.write_atomic

def slow_write_atomic(path, write):
    if os.path.basename(str(path)) != target:
        return original(path, write)

    def halfway(handle):
        buffer = io.BytesIO()
        write(buffer)
        data = buffer.getvalue()
        handle.write(data[: len(data) // 2])
        handle.flush()
        open(ready, "w").close()
        time.sleep(120)
        handle.write(data[len(data) // 2 :])

    return original(path, halfway)

atomic.write_atomic = slow_write_atomic
sys.argv = ["begriffe", *sys.argv[3:]]
from begriffe.cli import main
main()
"""


def _writers(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    draft = tmp_path / "entwurf.txt"
    draft.write_text(DRAFT * 50, encoding="utf-8")
    docx = build_simple_docx(tmp_path / "Entwurf.docx", [[("Die Asylanten kamen. " * 20, False)]] * 40)
    return {
        "annotate": (["check", "--isolated", "--annotate", "--force", str(docx)], "Entwurf.begriffe.docx"),
        "baseline": (
            ["check", "--isolated", "--baseline", str(tmp_path / "b.json"), "--update-baseline", str(draft)],
            "b.json",
        ),
        "export": (
            ["glossary", "export", "--format", "csv", "--force", "-o", str(tmp_path / "glossar.csv")],
            "glossar.csv",
        ),
        "init": (["init", "--force"], ".begriffe.toml"),
    }


INTERRUPTIONS = [
    *((writer, signal_name, False) for writer in ("annotate", "baseline", "export", "init") for signal_name in SIGNALS),
    ("annotate", "SIGTERM", True),  # an older copy is overwritten with --force: it must survive
    ("baseline", "SIGINT", True),
]


@pytest.mark.parametrize(("writer", "signal_name", "existing"), INTERRUPTIONS)
def test_interrupted_while_writing(tmp_path, writer, signal_name, existing):
    args, name = _writers(tmp_path)[writer]
    target = tmp_path / name
    if existing:
        target.write_bytes(b"alter Inhalt")
    ready = tmp_path / "bereit"
    sig, code = SIGNALS[signal_name]
    started = time.monotonic()
    process, out, err = popen([str(ready), name, *args], cwd=tmp_path, code=HOOK)
    while not ready.exists():
        assert os.waitpid(process.pid, os.WNOHANG) == (0, 0), "begriffe ended before writing"
        assert time.monotonic() - started < 120, "begriffe did not start writing"
        time.sleep(0.05)
    halfway = leftovers(tmp_path)
    assert len(halfway) == 1 and halfway[0].startswith(f".{name}."), "mid-write: a temporary file next to the target"
    interrupt(process, sig)
    done = finish(process, out, err, 60, started)
    assert done.code == code, done.output
    assert done.stderr.strip().endswith("begriffe: Abgebrochen."), done.stderr
    assert "Traceback" not in done.output
    assert leftovers(tmp_path) == [], "temporary file left behind"
    if existing:
        assert target.read_bytes() == b"alter Inhalt"
    else:
        assert not target.exists()


@pytest.mark.slow
def test_killed_at_random_moments_during_a_large_annotation(tmp_path):
    """Without any hook: a big document, SIGTERM at several moments; the copy is whole or absent."""
    import zipfile

    paragraphs = [[(f"Absatz {i}: Die Asylanten und die Flüchtlingswelle. ", False)] * 3 for i in range(400)]
    source = build_simple_docx(tmp_path / "Gross.docx", paragraphs)
    target = tmp_path / "Gross.begriffe.docx"
    full = run_begriffe(["check", "--isolated", "--annotate", str(source)], cwd=tmp_path, timeout=300)
    assert full.code == 1 and target.exists()
    again = run_begriffe(["check", "--isolated", "--annotate", "--force", str(source)], cwd=tmp_path, timeout=300)
    seconds = min(full.seconds, again.seconds)

    def comments(path: Path) -> int:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None, "a damaged member"
            return archive.read("word/comments.xml").count(b"<w:comment ")

    whole = comments(target)
    assert whole >= 400
    outcomes = []
    for fraction in (0.5, 0.85, 0.95, 0.99):
        target.unlink(missing_ok=True)
        started = time.monotonic()
        process, out, err = popen(["check", "--isolated", "--annotate", str(source)], cwd=tmp_path)
        time.sleep(seconds * fraction)
        interrupt(process, signal.SIGTERM)
        done = finish(process, out, err, 120, started)
        # 143: stopped by the handler; -15: the signal came after the run had finished and restored
        # the default handler (a shell shows both as 143); 1: finished first
        assert done.code in (1, 143, -15), done.output
        assert "Traceback" not in done.output
        assert leftovers(tmp_path) == []
        if target.exists():
            assert comments(target) == whole, f"incomplete copy at {fraction}"
        outcomes.append(done.code)
    assert 143 in outcomes, "no run was interrupted"
