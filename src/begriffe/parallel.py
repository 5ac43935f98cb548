"""Check a list of files, in this process or spread over worker processes.

Workers check chunks of files with the parent's engine (forked on Linux) or one built from the
cache (elsewhere); results come back in the order of the files, so the output is the same for
any number of jobs. Analyses the workers add are saved once, by the parent.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from begriffe.compiled import Compiled, load_compiled
from begriffe.engine import Engine, Options
from begriffe.errors import InputError
from begriffe.findings import FileError, Finding
from begriffe.memo import Stored, store_path
from begriffe.readers import Document, preload, read_document, read_text

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

AUTO_PARALLEL_FILES = 8
"""From this many files on, ``--jobs`` defaults to the number of cores."""
CHUNKS_PER_JOB = 4
MAX_CHUNK = 128
FORK_SAFE = sys.platform == "linux"
"""Whether workers may be forked: macOS system libraries are not fork-safe, Windows cannot fork."""


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to check: a file, or text read from standard input (``text``)."""

    path: Path
    display: str
    text: str | None = None
    markdown: bool = False

    def read(self, *, force: bool) -> Document:
        """The document (raises InputError for unreadable files)."""
        if self.text is not None:
            return read_text(self.display, self.text, markdown=self.markdown)
        return read_document(self.path, display=self.display, force_text=force)


@dataclass(frozen=True, slots=True)
class EngineSpec:
    """Everything needed to build the run's engine again in another process (picklable)."""

    extend_glossary: tuple[Path, ...]
    options: Options
    remember: bool = True

    def build(self, compiled: Compiled | None = None) -> Engine:
        """The engine (on ``compiled`` if already loaded); with ``remember``, analyses outlive
        the run in the user cache."""
        compiled = compiled or load_compiled(self.extend_glossary)
        return Engine(compiled, self.options, self.store(compiled))

    def store(self, compiled: Compiled) -> Path | None:
        """Where this run's paragraph analyses are kept, or None without ``remember``."""
        return store_path(compiled.key, repr(self.options)) if self.remember else None


Outcome = tuple[str, list[Finding]] | FileError
"""A checked file (its name and findings) or a file that could not be read."""


def cores() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(files: int) -> int:
    """One job for a handful of files (starting workers costs more), else one per core."""
    return cores() if files >= AUTO_PARALLEL_FILES else 1


def check_targets(
    targets: list[Target], spec: EngineSpec, *, force: bool, jobs: int, compiled: Compiled | None = None
) -> Iterator[Outcome]:
    """Outcomes in the order of ``targets``."""
    jobs = max(1, min(jobs, len(targets)))
    if jobs == 1:
        engine = spec.build(compiled)
        yield from _check_here(engine, targets, force)
        engine.memo.save()
    else:
        yield from _check_in_workers(targets, spec, force, jobs, compiled)


def _check_here(engine: Engine, targets: Iterable[Target], force: bool) -> Iterator[Outcome]:
    errors: list[FileError] = []

    def documents() -> Iterator[Document]:
        for target in targets:
            try:
                yield target.read(force=force)
            except InputError as exc:
                errors.append(FileError(target.display, exc.code, exc.message))

    for document, findings in engine.check_documents(documents()):
        yield from _drain(errors)
        yield document.path, findings
    yield from _drain(errors)


def _drain(errors: list[FileError]) -> Iterator[FileError]:
    while errors:
        yield errors.pop(0)


def _check_in_workers(
    targets: list[Target], spec: EngineSpec, force: bool, jobs: int, compiled: Compiled | None
) -> Iterator[Outcome]:
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    count = max(jobs * CHUNKS_PER_JOB, -(-len(targets) // MAX_CHUNK))
    count = -(-count // jobs) * jobs  # as many chunks for every worker: none waits for the last one
    size = -(-len(targets) // count)
    chunks = [(targets[i : i + size], force) for i in range(0, len(targets), size)]
    engine = spec.build(compiled)
    if FORK_SAFE:
        # Forked workers share the parent's engine, readers and stored analyses: nothing is
        # loaded twice. (Elsewhere each worker builds its own engine from the cache.)
        engine.memo.load()
        preload(t.path for t in targets if t.text is None)
        _adopt(engine)
        gc.freeze()  # else the collector writes to every inherited object, and the pages get copied
        executor = ProcessPoolExecutor(jobs, multiprocessing.get_context("fork"), initializer=_start_worker)
    else:
        spawn = multiprocessing.get_context("spawn")
        executor = ProcessPoolExecutor(jobs, spawn, initializer=_start_worker, initargs=(spec,))
    try:
        for outcomes, added in executor.map(_check_chunk, chunks):
            engine.memo.absorb(added)
            yield from outcomes
    except BrokenProcessPool:
        raise InputError(
            "B318", "Ein Prüfprozess wurde unerwartet beendet (etwa weil der Arbeitsspeicher nicht reichte). "
            "Mit --jobs 1 zeigt sich, an welcher Datei es liegt."
        ) from None
    except BaseException:  # Ctrl+C, SIGTERM, a closed output: stop the workers at once
        _stop_workers(executor)
        raise
    finally:
        gc.unfreeze()
        executor.shutdown(wait=True, cancel_futures=True)
        _adopt(None)
    engine.memo.save()


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    """End the workers without letting them finish their chunks (Python 3.14 can say so; before,
    the executor's own process table is the only way)."""
    terminate = getattr(executor, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


_worker_engine: Engine | None = None


def _adopt(engine: Engine | None) -> None:
    global _worker_engine  # noqa: PLW0603 - one engine per worker process
    _worker_engine = engine


def _start_worker(spec: EngineSpec | None = None) -> None:
    """Ready a worker: Ctrl+C and SIGTERM are the parent's to handle; without fork, build the
    engine here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if spec is not None:
        _adopt(spec.build())


def _check_chunk(task: tuple[list[Target], bool]) -> tuple[list[Outcome], dict[bytes, Stored]]:
    targets, force = task
    engine = _worker_engine
    assert engine is not None, "worker started without an engine"  # noqa: S101 - set by the parent or initializer
    outcomes = list(_check_here(engine, targets, force))
    added, engine.memo.added = engine.memo.added, {}
    return outcomes, added
