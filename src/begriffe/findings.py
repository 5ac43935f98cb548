"""Findings: immutable records built from judged matches, with positions computed at the edge."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from begriffe.entries import Action, ContextKind, Entry, Severity, Status
from begriffe.positions import LineIndex, SourceMap
from begriffe.records import quick_pickle
from begriffe.rules import Profile

CONTEXT_NOTES = {
    ContextKind.MENTION: "als Erwähnung erkannt",
    ContextKind.QUOTATION: "in einem Zitat – Zitate nicht ändern, aber einordnen",
    ContextKind.SCARE_QUOTE: "in Anführungszeichen – allein distanzieren diese nicht",
    ContextKind.LEGAL: "im Rechtszusammenhang",
    ContextKind.HISTORICAL: "in geschichtlicher Darstellung",
}
_LENIENCY = {Action.IGNORE: 0, Action.INFO: 1, Action.LOWER: 2, Action.KEEP: 3}


@quick_pickle  # worker processes send thousands of them to the parent
@dataclass(frozen=True, slots=True)
class Finding:
    """One reported use of a term. Field names are the public JSON format."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    length: int
    text: str
    entry: str
    term: str
    rule: str
    severity: Severity
    status: str
    message: str
    suggestions: tuple[str, ...] = ()
    context: str | None = None
    fingerprint: str = ""
    page: int | None = None

    def to_json(self) -> dict[str, object]:
        """The finding as a JSON-ready mapping (``page`` only where the format has pages).

        Built field by field: every value is a string, a number or a tuple of strings, so the
        deep copy of ``dataclasses.asdict`` would only cost time (a sixth of a large JSON run)."""
        data = {name: getattr(self, name) for name in _FINDING_FIELDS}
        data["severity"] = self.severity.value
        data["suggestions"] = list(self.suggestions)
        if self.page is None:
            del data["page"]
        return data

    @property
    def sort_key(self) -> tuple[str, int, str]:
        """Stable order: path, offset, rule."""
        return (self.path, self.offset, self.rule)


_FINDING_FIELDS = tuple(f.name for f in fields(Finding))


@quick_pickle
@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be checked."""

    path: str
    code: str
    message: str

    def to_json(self) -> dict[str, str]:
        """JSON-ready mapping."""
        return {"path": self.path, "code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What reporters may say about a rule that fired (SARIF rules, help texts)."""

    id: str
    term: str
    note: str
    status: str
    help: str = ""
    url: str = ""


@dataclass(frozen=True, slots=True)
class RunResult:
    """Everything one run produced; reporters render it, the CLI decides the exit code."""

    findings: tuple[Finding, ...]
    errors: tuple[FileError, ...] = ()
    files: int = 0
    skipped: tuple[str, ...] = field(default_factory=tuple)
    rules: tuple[RuleInfo, ...] = ()

    def count(self, severity: Severity) -> int:
        """Number of findings of ``severity``."""
        return sum(1 for f in self.findings if f.severity is severity)

    def statistics(self) -> list[tuple[str, int]]:
        """Findings per rule id, most frequent first (ties by id)."""
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.rule] = counts.get(f.rule, 0) + 1
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def judge_severity(entry: Entry, contexts: frozenset[ContextKind], profile: Profile) -> Severity | None:
    """Severity after the profile and the contexts, or None if nothing is reported."""
    if entry.status is Status.EMPFOHLEN:
        return None
    severity = profile.severity[entry.status]
    action = Action.KEEP
    for kind in contexts:
        candidate = _context_action(entry, kind, profile)
        if _LENIENCY[candidate] < _LENIENCY[action]:
            action = candidate
    return apply_action(severity, action)


def deciding_contexts(entry: Entry, contexts: frozenset[ContextKind], profile: Profile) -> frozenset[ContextKind]:
    """The contexts that changed the outcome: only these are worth telling the reader about
    (a paragraph that cites a law does not make every finding in it a legal one)."""
    return frozenset(k for k in contexts if _context_action(entry, k, profile) is not Action.KEEP)


def _context_action(entry: Entry, kind: ContextKind, profile: Profile) -> Action:
    """What a context does to a finding: the entry's own rule first, then the profile's."""
    return entry.context_action(kind) or profile.contexts.get(kind, Action.KEEP)


def apply_action(severity: Severity, action: Action) -> Severity | None:
    """Apply a context action to a severity."""
    if action is Action.IGNORE:
        return None
    if action is Action.INFO:
        return Severity.INFO
    if action is Action.LOWER:
        return Severity.WARNING if severity is Severity.ERROR else Severity.INFO
    return severity


def context_note(contexts: frozenset[ContextKind]) -> str | None:
    """The most telling context, for messages and the JSON ``context`` field."""
    for kind in (ContextKind.MENTION, ContextKind.QUOTATION, ContextKind.SCARE_QUOTE, ContextKind.HISTORICAL, ContextKind.LEGAL):
        if kind in contexts:
            return kind.value
    return None


@dataclass(frozen=True, slots=True)
class Located:
    """A judged match in segment coordinates, before positions are computed.

    ``suggestions`` are the entry's preferred terms declined to fit the sentence.
    """

    entry: Entry
    start: int
    end: int
    severity: Severity
    contexts: frozenset[ContextKind]
    suggestions: tuple[str, ...] = ()


def build_finding(
    path: str, source: str, index: LineIndex, offsets: SourceMap, item: Located, *, entry_id: str
) -> Finding:
    """A Finding with source offsets and 1-based line/column (end exclusive)."""
    start, end = offsets.span_to_source(item.start, item.end)
    line, column = index.location(start)
    end_line, end_column = index.location(end)
    entry = item.entry
    context = context_note(item.contexts)
    message = entry.note
    if context is not None and context in {k.value for k in CONTEXT_NOTES}:
        message = f"{entry.note} ({CONTEXT_NOTES[ContextKind(context)]})"
    return Finding(
        path=path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        offset=start,
        length=end - start,
        text=source[start:end],
        entry=entry_id,
        term=entry.term,
        rule=entry.id,
        severity=item.severity,
        status=entry.status.value,
        message=message,
        suggestions=item.suggestions,
        context=context,
        fingerprint=fingerprint(entry.id, source, start, end),
    )


def fingerprint(rule: str, source: str, start: int, end: int) -> str:
    """Identity of a finding that survives moved lines: rule, words and up to three neighbours
    on each side within the same line."""
    import hashlib

    lo, hi = max(0, start - FINGERPRINT_WINDOW), min(len(source), end + FINGERPRINT_WINDOW)
    line_start = max(source.rfind("\n", lo, start), source.rfind("\r", lo, start)) + 1
    line_ends = [i for i in (source.find("\n", end, hi), source.find("\r", end, hi)) if i >= 0]
    line_end = min(line_ends) if line_ends else hi
    before = " ".join(source[max(line_start, start - FINGERPRINT_WINDOW) : start].split()[-3:])
    after = " ".join(source[end : min(line_end, end + FINGERPRINT_WINDOW)].split()[:3])
    text = " ".join(source[start:end].split()).casefold()
    return hashlib.sha1(f"{rule}\0{before}\0{text}\0{after}".encode()).hexdigest()[:16]  # noqa: S324 - not security


FINGERPRINT_WINDOW = 60
