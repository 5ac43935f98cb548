"""Run ``python -m begriffe`` as a real subprocess: exit code, output, time and peak memory.

The peak memory comes from ``os.wait4``, which reports the resource use of exactly one child
(``getrusage(RUSAGE_CHILDREN)`` would mix in every earlier subprocess of the test session). The
child is started by a small launcher process, not by pytest itself: Linux counts the memory of
the process that forks (vfork) into the child's peak at ``exec``, so a child forked straight from
the test session would report the session's hundreds of megabytes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MINI_GLOSSARY = ROOT / "tests" / "fixtures" / "mini" / "glossary"


@pytest.fixture(scope="session")
def warm_caches(engine):
    """Build every cache before a subprocess runs (they share BEGRIFFE_CACHE_DIR); a child that
    built the compiled glossary or the word list would be measured with it. Import it into a
    test module and use it with ``pytestmark = pytest.mark.usefixtures("warm_caches")``."""
    from begriffe.readers import read_text

    engine.check_document(read_text("warm.txt", "Die Asylantenheime und die Flüchtlingswelle."))


@dataclass(frozen=True)
class Completed:
    """What a finished run left behind."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float
    timed_out: bool

    @property
    def output(self) -> str:
        """stdout and stderr together."""
        return self.stdout + self.stderr


def popen(
    args: list[str],
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict | None = None,
    code: str | None = None,
    *,
    new_session: bool = False,
):
    """Start ``python -m begriffe ARGS`` (or ``python -c CODE ARGS``); output goes to temporary files."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - closed by finish()
    err = tempfile.TemporaryFile()  # noqa: SIM115
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "begriffe", *args]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", **(env or {})}
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=out,
        stderr=err,
        env=environment,
        start_new_session=new_session,
    )
    if stdin is not None:
        process.stdin.write(stdin)
        process.stdin.close()
    return process, out, err


def finish(process, out, err, timeout: float, started: float) -> Completed:
    """Wait for ``process`` (killing it after ``timeout`` seconds) and collect what it left."""
    timed_out = threading.Event()

    def kill() -> None:
        timed_out.set()
        try:
            os.killpg(process.pid, signal.SIGKILL)  # the launcher and begriffe under it
        except (ProcessLookupError, PermissionError):
            process.kill()

    watchdog = threading.Timer(timeout, kill)
    watchdog.start()
    peak = float("nan")
    try:
        if process.returncode is None:
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss / 1024
    finally:
        watchdog.cancel()
    seconds = time.monotonic() - started
    texts = []
    for handle in (out, err):
        handle.seek(0)
        texts.append(handle.read().decode("utf-8", errors="replace"))
        handle.close()
    return Completed(process.returncode, texts[0], texts[1], seconds, peak, timed_out.is_set())


LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as report:
    report.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_begriffe(
    args: list[str],
    cwd: Path | None = None,
    *,
    timeout: float = 120,
    stdin: bytes | None = None,
    env: dict | None = None,
) -> Completed:
    """``python -m begriffe ARGS`` to the end; fails the test on a timeout or a traceback."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "maxrss"
        launcher = [str(report), sys.executable, "-m", "begriffe", *args]
        process, out, err = popen(launcher, cwd, stdin, env, code=LAUNCHER, new_session=True)
        done = finish(process, out, err, timeout, started)
        peak = int(report.read_text()) / 1024 if report.exists() else float("nan")
    done = Completed(done.code, done.stdout, done.stderr, done.seconds, peak, done.timed_out)
    assert not done.timed_out, f"begriffe {' '.join(args)} ran longer than {timeout} s"
    assert "Traceback" not in done.output, done.output
    return done


def interrupt(process, sig: int) -> None:
    """Send ``sig`` (SIGINT or SIGTERM) to ``process``; unlike Popen.send_signal it never reaps the
    child (``finish`` has to, with ``os.wait4``). A child that has ended is a zombie till then."""
    os.kill(process.pid, sig)


SIGNALS = {"SIGINT": (signal.SIGINT, 130), "SIGTERM": (signal.SIGTERM, 143)}
