"""Run engine work in one worker thread: the engine is not thread-safe. Every job has a time limit."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from starlette.exceptions import HTTPException

from begriffe.engine import Engine
from begriffe.findings import Finding, RunResult
from begriffe.readers import Document, read_text
from begriffe.web.security import seconds_text

T = TypeVar("T")
CHECK_SECONDS = 60.0
DEADLINE_PIPE = "begriffe_web_deadline"
_deadline = threading.local()


class CheckTimeout(Exception):
    """A check ran past its time limit (raised between two paragraphs)."""


def _stop_when_late(doc):  # noqa: ANN001, ANN202 - a spaCy component: Doc in, Doc out
    at = getattr(_deadline, "at", None)
    if at is not None and time.monotonic() > at:
        raise CheckTimeout
    return doc


class Checker:
    """One engine, one thread; every call is queued behind the previous one and limited in time.

    The engine stops at the next paragraph once ``seconds`` have passed (a spaCy component checks
    the clock). Reading a file cannot be interrupted, so the caller also stops waiting after
    twice the limit; either way the answer is a German 503.
    """

    def __init__(self, engine: Engine, seconds: float = CHECK_SECONDS) -> None:
        self.engine = engine
        self.seconds = seconds
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="begriffe-check")

    async def run(self, func: Callable[..., T], *args: object) -> T:
        """Run ``func(*args)`` in the worker thread; HTTPException 503 when it takes too long."""

        def timed() -> T:
            _deadline.at = time.monotonic() + self.seconds
            try:
                return func(*args)
            finally:
                _deadline.at = None

        future = asyncio.get_running_loop().run_in_executor(self._pool, timed)
        try:
            return await asyncio.wait_for(future, self.seconds * 2)
        except (CheckTimeout, TimeoutError):
            raise HTTPException(503, self.too_slow()) from None

    def too_slow(self) -> str:
        """The German message for a check that ran out of time."""
        return (
            f"Die Prüfung hat länger als {seconds_text(self.seconds)} gedauert und wurde abgebrochen. "
            "Bitte den Text in kleineren Teilen prüfen."
        )

    def findings(self, document: Document) -> list[Finding]:
        """Findings of ``document`` (call inside the worker thread)."""
        self._add_deadline()
        return self.engine.check_document(document)

    async def check(self, read: Callable[..., Document], *args: object) -> tuple[Document, RunResult]:
        """Read a document with ``read(*args)`` and check it, both in the worker thread."""

        def work() -> tuple[Document, RunResult]:
            document = read(*args)
            return document, RunResult(tuple(self.findings(document)), files=1)

        return await self.run(work)

    def warm_up(self) -> None:
        """Load spaCy and the matcher in the background, so the first check is quick."""
        self._pool.submit(self.findings, read_text("warm-up", "Asylant"))

    def close(self) -> None:
        """Stop the worker thread; queued work is dropped."""
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _add_deadline(self) -> None:
        """Put the clock check first in this engine's own pipeline (once)."""
        nlp = self.engine.nlp
        if DEADLINE_PIPE in nlp.pipe_names:
            return
        from spacy.language import Language

        if not Language.has_factory(DEADLINE_PIPE):
            Language.component(DEADLINE_PIPE, func=_stop_when_late)
        nlp.add_pipe(DEADLINE_PIPE, first=True)
