"""Render entries for people: explain (whole entry), list and lookup lines. German text."""

from __future__ import annotations

import textwrap

import click

from begriffe.entries import Entry, Glossary, Status

STATUS_LABELS = {
    Status.EMPFOHLEN: "empfohlen",
    Status.KONTEXTABHAENGIG: "kontextabhängig",
    Status.VERMEIDEN: "vermeiden",
    Status.DISKRIMINIEREND: "diskriminierend",
}
STATUS_COLORS = {
    Status.EMPFOHLEN: "green",
    Status.KONTEXTABHAENGIG: "cyan",
    Status.VERMEIDEN: "yellow",
    Status.DISKRIMINIEREND: "red",
}
WIDTH = 88


def status_label(entry: Entry, *, color: bool = False) -> str:
    """German status label, optionally coloured."""
    label = STATUS_LABELS[entry.status]
    return click.style(label, fg=STATUS_COLORS[entry.status], bold=True) if color else label


def one_line(entry: Entry, *, color: bool = False) -> str:
    """``id  Stichwort  (Status) – Hinweis → besser: …``."""
    head = click.style(entry.term, bold=True) if color else entry.term
    text = f"{head} ({status_label(entry, color=color)}) – {entry.note}"
    if entry.preferred:
        text += " → besser: " + ", ".join(entry.preferred)
    return f"{entry.id}: {text}"


def explain(entry: Entry, glossary: Glossary, *, color: bool = False) -> str:
    """The whole entry, readable in a terminal."""
    def heading(text: str) -> str:
        return click.style(text, bold=True) if color else text

    entries = glossary.by_id()
    cluster = glossary.clusters.get(entry.cluster)
    lines = [
        heading(f"{entry.term}") + f"  [{entry.id}]",
        f"Status: {status_label(entry, color=color)}   Themenfeld: {cluster.title if cluster else entry.cluster}",
        "",
        *_wrap(entry.note),
    ]
    if entry.preferred:
        lines += ["", heading("Besser:") + " " + ", ".join(entry.preferred)]
    if entry.forms:
        lines += [heading("Weitere Formen:") + " " + ", ".join(entry.forms)]
    if entry.legal:
        lines += [heading("Rechtsbezug:") + " " + entry.legal]
    if entry.context:
        lines += ["", heading("Erläuterung"), *_wrap(entry.context, indent="  ")]
    if entry.see_also:
        lines += ["", heading("Siehe auch")]
        for ref in entry.see_also:
            other = entries.get(ref) or entries.get(glossary.redirects.get(ref, ""))
            lines.append(f"  {one_line(other, color=color)}" if other else f"  {ref}")
    if entry.sources:
        lines += ["", heading("Quellen")]
        for key in entry.sources:
            source = glossary.sources.get(key)
            if source:
                lines += _wrap(f"{source.title}. {source.publisher}, {source.year}. {source.url}", indent="  – ", rest="    ")
    if entry.examples.flag or entry.examples.ok:
        lines += ["", heading("Beispiele")]
        lines += [f"  ✗ {e.text}" for e in entry.examples.flag]
        lines += [f"  ✓ {e.text}" for e in entry.examples.ok]
    return "\n".join(lines)


def family(entry: Entry, glossary: Glossary, *, color: bool = False) -> list[str]:
    """One line per precise neighbour (see_also) of ``entry``."""
    entries = glossary.by_id()
    out = []
    for ref in entry.see_also:
        other = entries.get(ref) or entries.get(glossary.redirects.get(ref, ""))
        if other is not None:
            out.append(one_line(other, color=color))
    return out


def _wrap(text: str, indent: str = "", rest: str | None = None) -> list[str]:
    paragraphs = [p for p in text.strip().split("\n\n") if p.strip()]
    out: list[str] = []
    for p in paragraphs:
        out += textwrap.wrap(" ".join(p.split()), WIDTH, initial_indent=indent, subsequent_indent=rest or indent)
    return out
