"""Every term of the project checklist is covered: an entry, a form of an entry, or a rule."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from begriffe.glossary import slugify
from begriffe.normalize import normalize

from conftest import FIXTURES

CHECKLIST = YAML(typ="safe").load((FIXTURES / "checklist-terms.yaml").read_text(encoding="utf-8"))


def covered_by(engine, term: str) -> str | None:
    """How a checklist term is covered, or None."""
    entries = engine.compiled.glossary.by_id()
    if slugify(term) in entries:
        return f"entry {slugify(term)}"
    for entry in entries.values():
        if term.casefold() in {f.casefold() for f in entry.surface_forms}:
            return f"form of {entry.id}"
    doc = engine.nlp(term)
    for match in engine.matcher.find_matches(doc):
        if doc.text[match.start_char : match.end_char] == term:
            return f"rule {match.rule or 'exception'}"
    if engine.compiled.patterns.exact.get(normalize(term)) is not None:
        return "exact form"
    return None


def test_checklist_has_300_terms():
    assert len(CHECKLIST) == 300


@pytest.mark.parametrize("item", CHECKLIST, ids=[c["term"] for c in CHECKLIST])
def test_checklist_term_is_covered(engine, item):
    assert covered_by(engine, item["term"]) is not None, item["term"]
