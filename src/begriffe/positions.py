"""Offsets and positions: offset → 1-based line/column, segment → source offsets."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps character offsets of one text to 1-based lines and columns.

    ``\\r\\n`` counts as one line break; a lone ``\\r`` or ``\\n`` too.
    """

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        # One regex pass: searching for "\r" and "\n" separately from every line start
        # rescans the rest of the text for a break kind that is absent (quadratic).
        self._starts = [0, *map(re.Match.end, LINE_BREAK.finditer(text))]

    def location(self, offset: int) -> tuple[int, int]:
        """Return (line, column), both 1-based, of ``offset``."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    @property
    def line_count(self) -> int:
        """Number of lines."""
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[line - 1]


class Run(NamedTuple):
    """A stretch of segment text copied unchanged from the source (a tuple: cheap to make)."""

    segment_start: int
    source_start: int
    length: int


class OffsetMap(NamedTuple):
    """Maps offsets in a segment's text back to offsets in the source text (a tuple: cheap to make)."""

    runs: tuple[Run, ...]

    @staticmethod
    def identity(source_start: int, length: int) -> Shift:
        """A segment that is one unchanged slice of the source."""
        return Shift(source_start, length)

    def to_source(self, offset: int) -> int:
        """Source offset of segment ``offset`` (end offsets map to the run's end)."""
        runs = self.runs
        lo, hi = 0, len(runs) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if runs[mid].segment_start <= offset:
                lo = mid
            else:
                hi = mid - 1
        _, source_start, length = run = runs[lo]
        inside = offset - run.segment_start
        return source_start + (inside if inside < length else length)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) of the segment span [start, end)."""
        return _span_to_source(self, start, end)

    def slice(self, start: int, end: int) -> OffsetMap:
        """The map of segment characters [start, end), re-based to start at 0."""
        runs = []
        for run in self.runs:
            lo, hi = max(run.segment_start, start), min(run.segment_start + run.length, end)
            if lo < hi:
                runs.append(Run(lo - start, run.source_start + lo - run.segment_start, hi - lo))
        return OffsetMap(tuple(runs) or (Run(0, self.to_source(start), 0),))


class Shift(NamedTuple):
    """The offsets of a segment that is one unchanged slice of the source: they only move.

    Most segments are such slices; one small tuple instead of a map, a run and a tuple of runs
    keeps a large file's segments small.
    """

    source_start: int
    length: int

    def to_source(self, offset: int) -> int:
        """Source offset of segment ``offset`` (end offsets map to the slice's end)."""
        return self.source_start + (offset if offset < self.length else self.length)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) of the segment span [start, end)."""
        return _span_to_source(self, start, end)

    def slice(self, start: int, end: int) -> OffsetMap:
        """The map of segment characters [start, end), re-based to start at 0."""
        return OffsetMap((Run(0, self.source_start, self.length),)).slice(start, end)


SourceMap = OffsetMap | Shift
"""How a segment's offsets lead back to its source."""


def _span_to_source(mapping: SourceMap, start: int, end: int) -> tuple[int, int]:
    if end <= start:
        s = mapping.to_source(start)
        return s, s
    return mapping.to_source(start), mapping.to_source(end - 1) + 1
