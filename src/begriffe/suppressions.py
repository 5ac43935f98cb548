"""In-document suppressions, in the style of ruff's noqa and eslint's disable comments.

    <!-- begriffe-disable asylant, metapher-welle -->   … <!-- begriffe-enable asylant -->
    <!-- begriffe-disable-next-line asylant -->
    <!-- begriffe-disable-file gastarbeiter -->

In plain text (and extracted Word/ODT/PDF text) the directive stands on a line of its own.
A suppression that hides nothing, names an unknown id or never ends becomes a finding itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from begriffe.entries import Severity
from begriffe.findings import Finding, fingerprint
from begriffe.positions import LineIndex
from begriffe.readers import DIRECTIVE  # readers blank directives out of the analysed text


class Kind(str, Enum):
    """Directive kinds."""

    DISABLE = "disable"
    ENABLE = "enable"
    NEXT_LINE = "disable-next-line"
    FILE = "disable-file"


META_RULES = {
    "unused-suppression": (Severity.INFO, "Diese Unterdrückung verdeckt keinen Fund und kann entfernt werden."),
    "unknown-id": (Severity.WARNING, "Unbekannte Regel-Kennung in einer Unterdrückung."),
    "blanket-suppression": (Severity.WARNING, "Unterdrückung ohne Kennung verdeckt alle Regeln – bitte Kennungen nennen."),
    "unclosed-suppression": (Severity.WARNING, "„begriffe-disable“ ohne passendes „begriffe-enable“ – gilt bis zum Dateiende."),
    "redirected-id": (Severity.INFO, "Diese Kennung wurde umbenannt."),
}


@dataclass
class Directive:
    """One suppression comment and the source range it covers."""

    kind: Kind
    ids: tuple[str, ...]
    start: int
    end: int
    covers: tuple[int, int] = (0, 0)
    used: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Known:
    """Ids that suppressions may name: rules, clusters and renamed ids."""

    rules: frozenset[str]
    clusters: dict[str, str]
    redirects: dict[str, str]


def parse_directives(source: str) -> list[Directive]:
    """All directives with their ranges (next line, to the matching enable, or to the file end)."""
    index = LineIndex(source)
    found: list[Directive] = []
    for m in DIRECTIVE.finditer(source):
        ids = tuple(i.strip().lower() for i in (m.group("ids") or "").split(",") if i.strip())
        found.append(Directive(Kind(m.group("kind").lower()), ids, m.start(), m.end()))
    for i, directive in enumerate(found):
        if directive.kind is Kind.NEXT_LINE:
            directive.covers = _next_line(source, index, directive.end)
        elif directive.kind is Kind.FILE:
            directive.covers = (0, len(source))
        elif directive.kind is Kind.DISABLE:
            end = len(source)
            for later in found[i + 1 :]:
                if later.kind is Kind.ENABLE and (not later.ids or not directive.ids or set(directive.ids) & set(later.ids)):
                    end = later.start
                    break
            directive.covers = (directive.end, end)
    return found


def _next_line(source: str, index: LineIndex, after: int) -> tuple[int, int]:
    line, _ = index.location(after)
    for number in range(line + 1, index.line_count + 1):
        start = index.line_start(number)
        end = index.line_start(number + 1) if number < index.line_count else len(source)
        if source[start:end].strip():
            return start, end
    return after, after


def apply_suppressions(findings: list[Finding], source: str, known: Known, path: str) -> list[Finding]:
    """Findings that survive the document's directives, plus findings about the directives."""
    directives = parse_directives(source)
    if not directives:
        return findings
    kept = []
    for finding in findings:
        inside_directive = any(d.start <= finding.offset < d.end for d in directives)
        if not inside_directive and not _suppressed(finding, directives, known):
            kept.append(finding)
    index = LineIndex(source)
    meta = list(_meta_findings(directives, known, source, index, path))
    return sorted(kept + meta, key=lambda f: f.sort_key)


def _suppressed(finding: Finding, directives: list[Directive], known: Known) -> bool:
    hidden = False
    for d in directives:
        if d.kind is Kind.ENABLE or not d.covers[0] <= finding.offset < d.covers[1]:
            continue
        if not d.ids:
            d.used.add("*")
            hidden = True
            continue
        for name in d.ids:
            target = known.redirects.get(name, name)
            if target == finding.rule or known.clusters.get(finding.rule) == target:
                d.used.add(name)
                hidden = True
    return hidden


def _meta_findings(directives: list[Directive], known: Known, source: str, index: LineIndex, path: str) -> Iterable[Finding]:
    for d in directives:
        if d.kind is Kind.ENABLE:
            continue
        if not d.ids:
            yield _meta("blanket-suppression", d, source, index, path)
        for name in d.ids:
            if name in known.redirects:
                yield _meta("redirected-id", d, source, index, path, f"„{name}“ heißt jetzt „{known.redirects[name]}“.")
            elif name not in known.rules and name not in known.clusters.values():
                yield _meta("unknown-id", d, source, index, path, f"„{name}“ ist keine Regel und kein Themenfeld.")
                continue
            if name not in d.used:
                yield _meta("unused-suppression", d, source, index, path, f"„{name}“ verdeckt hier nichts.")
        if not d.ids and "*" not in d.used:
            yield _meta("unused-suppression", d, source, index, path)
        if d.kind is Kind.DISABLE and d.covers[1] == len(source):
            yield _meta("unclosed-suppression", d, source, index, path)


def _meta(rule: str, d: Directive, source: str, index: LineIndex, path: str, detail: str = "") -> Finding:
    severity, message = META_RULES[rule]
    start = d.start + len(source[d.start : d.end]) - len(source[d.start : d.end].lstrip())
    end = d.end
    line, column = index.location(start)
    end_line, end_column = index.location(end)
    return Finding(
        path=path, line=line, column=column, end_line=end_line, end_column=end_column, offset=start,
        length=end - start, text=source[start:end], entry="", term=f"begriffe-{d.kind.value}", rule=rule,
        severity=severity, status="", message=f"{message} {detail}".strip(), suggestions=(),
        fingerprint=fingerprint(rule, source, start, end),
    )
