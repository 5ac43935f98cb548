"""The shipped glossary is linted like code (codespell style)."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from begriffe.entries import Status
from begriffe.glossary import slugify
from begriffe.validate import lint

from conftest import ROOT


def test_validation_is_clean(compiled, engine):
    problems = lint(compiled, engine)
    assert problems == [], "\n".join(map(str, problems))


def test_at_least_300_entries(compiled):
    assert len(compiled.glossary.entries) >= 300


def test_cluster_equals_file_stem_and_ids_sorted():
    for path in sorted((ROOT / "glossary").glob("[!_]*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        ids = [entry["id"] for entry in data]
        assert ids == sorted(ids), path.name
        assert {entry["cluster"] for entry in data} == {path.stem}


def test_no_id_equals_a_cluster_name(compiled):
    assert not set(compiled.glossary.by_id()) & set(compiled.glossary.clusters)


def test_every_cluster_has_a_description(compiled):
    stems = {p.stem for p in (ROOT / "glossary").glob("[!_]*.yaml")}
    assert stems <= set(compiled.glossary.clusters)
    assert all(c.description.strip() for c in compiled.glossary.clusters.values())


def test_every_non_recommended_entry_has_preferred_terms(compiled):
    for entry in compiled.glossary.entries:
        if entry.status is not Status.EMPFOHLEN:
            assert entry.preferred, entry.id


def test_ids_follow_the_naming_rule(compiled):
    for entry in compiled.glossary.entries:
        assert entry.id == entry.id.lower() and entry.id.isascii(), entry.id


def test_every_source_has_title_publisher_year_url(compiled):
    for source in compiled.glossary.sources.values():
        assert source.title and source.publisher and source.url.startswith(("http://", "https://"))
        assert 1800 <= source.year <= 2030


def test_slug_convention_is_used_for_most_ids(compiled):
    matching = [e for e in compiled.glossary.entries if e.id == slugify(e.term)]
    assert len(matching) >= 0.9 * len(compiled.glossary.entries)


def test_glossary_files_are_utf8_without_tabs():
    for path in Path(ROOT / "glossary").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "\t" not in text, path.name
