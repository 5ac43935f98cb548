"""Glossary exports: printable Markdown and HTML, CSV for spreadsheets, TBX-Basic for terminology tools."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from click.testing import CliRunner

from begriffe.cli import main
from begriffe.entries import Status
from begriffe.export import ADMIN_STATUS, TBX_NS, to_csv, to_html, to_markdown, to_tbx

NS = {"t": TBX_NS}


def test_markdown_is_grouped_by_cluster(compiled):
    text = to_markdown(compiled.glossary)
    for cluster in compiled.glossary.clusters.values():
        assert f"## {cluster.title}" in text
    assert "### Asylant" in text and "**Besser:**" in text


def test_html_is_well_formed_and_escaped(compiled):
    html = to_html(compiled.glossary)

    class Collector(HTMLParser):
        def __init__(self):
            super().__init__()
            self.ids = set()

        def handle_starttag(self, tag, attrs):
            self.ids |= {v for k, v in attrs if k == "id"}

    parser = Collector()
    parser.feed(html)
    assert {e.id for e in compiled.glossary.entries} <= parser.ids
    assert "<script" not in html and 'lang="de"' in html


def test_csv_round_trips(compiled):
    rows = list(csv.DictReader(io.StringIO(to_csv(compiled.glossary)), delimiter=";"))
    assert len(rows) == len(compiled.glossary.entries)
    by_id = {r["id"]: r for r in rows}
    for entry in compiled.glossary.entries:
        row = by_id[entry.id]
        assert row["term"] == entry.term and row["status"] == entry.status.value
        assert tuple(p for p in row["preferred"].split("; ") if p) == entry.preferred


def test_tbx_is_well_formed_and_round_trips(compiled):
    root = ET.fromstring(to_tbx(compiled.glossary))
    assert root.tag == f"{{{TBX_NS}}}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert root.find("t:tbxHeader/t:fileDesc/t:sourceDesc", NS) is not None
    concepts = root.findall("t:text/t:body/t:conceptEntry", NS)
    assert len(concepts) == len(compiled.glossary.entries)
    entries = compiled.glossary.by_id()
    for concept in concepts:
        entry = entries[concept.get("id")]
        lang = concept.find("t:langSec", NS)
        assert lang.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
        head, *preferred = lang.findall("t:termSec", NS)
        assert head.findtext("t:term", namespaces=NS) == entry.term
        assert head.find("t:termNote[@type='usageNote']", NS).text == {
            Status.EMPFOHLEN: "empfohlen", Status.KONTEXTABHAENGIG: "kontextabhängig",
            Status.VERMEIDEN: "vermeiden", Status.DISKRIMINIEREND: "diskriminierend",
        }[entry.status]
        assert head.find("t:termNote[@type='administrativeStatus']", NS).text == ADMIN_STATUS[entry.status]
        assert tuple(p.findtext("t:term", namespaces=NS) for p in preferred) == entry.preferred
        assert lang.findtext("t:note", namespaces=NS) == entry.note


def test_export_command_refuses_to_overwrite(tmp_path):
    target = tmp_path / "glossar.html"
    runner = CliRunner()
    assert runner.invoke(main, ["glossary", "export", "--format", "html", "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")
    again = runner.invoke(main, ["glossary", "export", "--format", "html", "-o", str(target)])
    assert again.exit_code == 2 and "--force" in again.output
    assert runner.invoke(main, ["glossary", "export", "--format", "csv", "-o", str(target), "--force"]).exit_code == 0
