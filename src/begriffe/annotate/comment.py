"""Where a finding's comment goes (paragraph and characters) and what it says."""

from __future__ import annotations

from begriffe.errors import InputError
from begriffe.findings import Finding
from begriffe.readers.office import Paragraph, Place

AUTHOR = "begriffe"
INITIALS = "bg"
PLACES = {
    Place.FOOTNOTE: "In einer Fußnote",
    Place.ENDNOTE: "In einer Endnote",
    Place.HEADER: "In der Kopfzeile",
    Place.FOOTER: "In der Fußzeile",
}


def locate(paragraphs: list[Paragraph], finding: Finding) -> tuple[Paragraph, int, int]:
    """The finding's paragraph and its characters [start, end) there; InputError if they do not fit."""
    start = finding.column - 1
    end = start + finding.length
    if 1 <= finding.line <= len(paragraphs) and finding.end_line == finding.line:
        paragraph = paragraphs[finding.line - 1]
        if paragraph.text[start:end] == finding.text:
            return paragraph, start, end
    raise InputError(
        "B317",
        f"Fund „{finding.text}“ ({finding.line}:{finding.column}) passt nicht zum Dokument – "
        "wurde es seit der Prüfung geändert?",
    )


def comment_lines(finding: Finding, place: Place) -> list[str]:
    """The comment, one paragraph per item: message, suggestions, severity and rule."""
    first = f"„{finding.text}“: {finding.message}"
    if place in PLACES:
        first = f"{PLACES[place]}: {first}"
    lines = [first]
    if finding.suggestions:
        lines.append("Besser: " + ", ".join(finding.suggestions))
    lines.append(f"{finding.severity.german} · Regel „{finding.rule}“")
    if finding.entry:
        lines.append(f"Mehr dazu: begriffe explain {finding.entry}")
    return lines
