"""Document-level rules: terms mixed as if they were synonyms, definitions left unsaid.

They look at every use of a glossary term in one document (recommended terms included,
mentions excluded) and report at most one hint per rule and document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from begriffe.entries import ContextKind, Severity
from begriffe.findings import Finding, Located, build_finding
from begriffe.positions import LineIndex, OffsetMap, SourceMap
from begriffe.rules import Rules


class Usage(NamedTuple):
    """A glossary term used (not mentioned) in a document, in source offsets."""

    rule: str
    start: int
    end: int


def document_findings(
    usages: Iterable[tuple[str, int, int]], source: str, path: str, index: LineIndex, rules: Rules, enabled: frozenset[str]
) -> list[Finding]:
    """One hint per mixture whose groups are both used, and per definition that is missing.

    ``usages`` are (rule, start, end) in source offsets."""
    ordered = sorted(map(Usage._make, usages), key=lambda u: u.start)
    if not ordered:
        return []
    identity = OffsetMap.identity(0, len(source))
    found = []
    for mixture in rules.mixtures:
        if mixture.entry.id not in enabled:
            continue
        group_of = {rule: label for label, rules_ in mixture.members for rule in rules_}
        seen: list[str] = []
        for usage in ordered:
            label = group_of.get(usage.rule)
            if label is None or label in seen:
                continue
            seen.append(label)
            if len(seen) == 2:
                found.append(_hint(mixture.entry, usage, source, path, index, identity, _mixture_note(mixture.entry.note, seen)))
                break
    for definition in rules.definitions:
        if definition.entry.id not in enabled:
            continue
        first = next((u for u in ordered if u.rule == definition.term_entry), None)
        if first is not None and not _mentions_any(source, definition.cues):
            found.append(_hint(definition.entry, first, source, path, index, identity, definition.entry.note))
    return found


def _mentions_any(source: str, cues: tuple[str, ...]) -> bool:
    """Whether any cue occurs in ``source``, ignoring case (without a lowercased copy of a huge text)."""
    return _cue_pattern(cues).search(source) is not None


@cache
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, cues)), re.IGNORECASE)


def _mixture_note(note: str, labels: list[str]) -> str:
    return f"Der Text verwendet „{labels[0]}“ und „{labels[1]}“ nebeneinander. {note}"


def _hint(entry, usage: Usage, source: str, path: str, index: LineIndex, offsets: SourceMap, message: str) -> Finding:  # noqa: ANN001
    located = Located(entry, usage.start, usage.end, Severity.INFO, frozenset[ContextKind]())
    finding = build_finding(path, source, index, offsets, located, entry_id="")
    return _with_message(finding, message)


def _with_message(finding: Finding, message: str) -> Finding:
    from dataclasses import replace

    return replace(finding, message=message, suggestions=())
