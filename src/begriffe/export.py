"""Export the glossary for people and other tools: Markdown, HTML, CSV and TBX-Basic (ISO 30042)."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date

from begriffe.describe import STATUS_LABELS
from begriffe.entries import Entry, Glossary, Status

# TBX administrativeStatus values (TBX-Basic picklist)
ADMIN_STATUS = {
    Status.EMPFOHLEN: "preferredTerm-admn-sts",
    Status.KONTEXTABHAENGIG: "admittedTerm-admn-sts",
    Status.VERMEIDEN: "deprecatedTerm-admn-sts",
    Status.DISKRIMINIEREND: "deprecatedTerm-admn-sts",
}
TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CSV_FIELDS = ("id", "term", "status", "cluster", "preferred", "forms", "note", "legal", "see_also", "sources", "context")


def by_cluster(glossary: Glossary) -> list[tuple[str, str, list[Entry]]]:
    """(cluster title, description, entries sorted by headword) in title order."""
    groups: dict[str, list[Entry]] = {}
    for entry in glossary.entries:
        groups.setdefault(entry.cluster, []).append(entry)
    out = []
    for name, entries in groups.items():
        cluster = glossary.clusters.get(name)
        title = cluster.title if cluster else name
        out.append((title, cluster.description if cluster else "", sorted(entries, key=lambda e: e.term.casefold())))
    return sorted(out, key=lambda g: g[0])


def to_markdown(glossary: Glossary) -> str:
    """A printable Markdown glossary grouped by cluster."""
    lines = ["# Glossar: Begriffe der Einwanderungs- und Integrationspolitik", "", f"Stand: {date.today():%d.%m.%Y} · {len(glossary.entries)} Einträge", ""]
    for title, description, entries in by_cluster(glossary):
        lines += [f"## {title}", "", description, ""]
        for e in entries:
            lines += [f"### {e.term}", "", f"**Status:** {STATUS_LABELS[e.status]}  ", f"**Hinweis:** {e.note}  "]
            if e.preferred:
                lines.append(f"**Besser:** {', '.join(e.preferred)}  ")
            if e.legal:
                lines.append(f"**Rechtsbezug:** {e.legal}  ")
            lines += ["", " ".join(e.context.split()), ""]
            if e.sources:
                names = [glossary.sources[k].title for k in e.sources if k in glossary.sources]
                lines += [f"*Quellen:* {'; '.join(names)}", ""]
    return "\n".join(lines)


def to_html(glossary: Glossary) -> str:
    """A self-contained, printable HTML page grouped by cluster."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("begriffe", "templates"), autoescape=select_autoescape(["html"]))
    template = env.get_template("glossary-export.html")
    return template.render(
        groups=by_cluster(glossary), sources=glossary.sources, labels=STATUS_LABELS, count=len(glossary.entries),
        today=f"{date.today():%d.%m.%Y}",
    )


def to_csv(glossary: Glossary) -> str:
    """One row per entry; lists joined with „; “ (for spreadsheets)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_FIELDS)
    for e in glossary.entries:
        writer.writerow([
            e.id, e.term, e.status.value, e.cluster, "; ".join(e.preferred), "; ".join(e.forms), e.note,
            e.legal or "", "; ".join(e.see_also), "; ".join(e.sources), " ".join(e.context.split()),
        ])
    return out.getvalue()


def to_tbx(glossary: Glossary) -> str:
    """TBX-Basic (ISO 30042:2019, DCA style): one concept per entry, its preferred terms as
    preferred terms of the same concept; the German status goes into a usage note."""
    ET.register_namespace("", TBX_NS)
    q = lambda tag: f"{{{TBX_NS}}}{tag}"  # noqa: E731 - tiny local helper
    root = ET.Element(q("tbx"), {"type": "TBX-Basic", "style": "dca", XML_LANG: "de"})
    header = ET.SubElement(root, q("tbxHeader"))
    file_desc = ET.SubElement(header, q("fileDesc"))
    ET.SubElement(ET.SubElement(file_desc, q("titleStmt")), q("title")).text = "begriffe – Glossar der Einwanderungs- und Integrationspolitik"
    ET.SubElement(ET.SubElement(file_desc, q("sourceDesc")), q("p")).text = f"Exportiert am {date.today().isoformat()} aus begriffe."
    body = ET.SubElement(ET.SubElement(root, q("text")), q("body"))
    for e in glossary.entries:
        concept = ET.SubElement(body, q("conceptEntry"), {"id": e.id})
        cluster = glossary.clusters.get(e.cluster)
        ET.SubElement(concept, q("descrip"), {"type": "subjectField"}).text = cluster.title if cluster else e.cluster
        lang = ET.SubElement(concept, q("langSec"), {XML_LANG: "de"})
        ET.SubElement(lang, q("note")).text = e.note
        term = ET.SubElement(lang, q("termSec"))
        ET.SubElement(term, q("term")).text = e.term
        ET.SubElement(term, q("termNote"), {"type": "partOfSpeech"}).text = "noun" if e.term[:1].isupper() else "other"
        ET.SubElement(term, q("termNote"), {"type": "administrativeStatus"}).text = ADMIN_STATUS[e.status]
        ET.SubElement(term, q("termNote"), {"type": "usageNote"}).text = STATUS_LABELS[e.status]
        if e.legal:
            ET.SubElement(term, q("admin"), {"type": "source"}).text = e.legal
        for preferred in e.preferred:
            sec = ET.SubElement(lang, q("termSec"))
            ET.SubElement(sec, q("term")).text = preferred
            ET.SubElement(sec, q("termNote"), {"type": "administrativeStatus"}).text = ADMIN_STATUS[Status.EMPFOHLEN]
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


EXPORTERS: dict[str, Callable[[Glossary], str]] = {"md": to_markdown, "html": to_html, "csv": to_csv, "tbx": to_tbx}
