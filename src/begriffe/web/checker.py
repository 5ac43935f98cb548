"""Run engine work in one worker thread: the engine is not thread-safe."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from begriffe.engine import Engine
from begriffe.findings import Finding, RunResult
from begriffe.readers import Document, read_text

T = TypeVar("T")


class Checker:
    """One engine, one thread; every call is queued behind the previous one."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="begriffe-check")

    async def run(self, func: Callable[..., T], *args: object) -> T:
        """Run ``func(*args)`` in the worker thread."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, func, *args)

    def findings(self, document: Document) -> list[Finding]:
        """Findings of ``document`` (call inside the worker thread)."""
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
