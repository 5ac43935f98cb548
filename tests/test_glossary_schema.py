"""The glossary loader reports every problem with file:line:column and a stable code."""

from __future__ import annotations

import shutil

import pytest

from begriffe.errors import DataError
from begriffe.glossary import load_glossary, slugify

from conftest import FIXTURES


@pytest.fixture(scope="module")
def problems():
    with pytest.raises(DataError) as caught:
        load_glossary(FIXTURES / "glossary_bad")
    return caught.value.problems


def codes_at(problems, line: int) -> set[str]:
    return {p.code for p in problems if p.location and p.location.line == line}


def test_every_problem_has_a_position_and_german_message(problems):
    assert len(problems) >= 9
    for p in problems:
        assert p.location is not None and p.location.path.endswith("test.yaml")
        assert p.location.line > 0 and p.location.column > 0
        assert p.code.startswith("B2")


def test_unknown_field(problems):
    assert "B203" in codes_at(problems, 9)
    assert any("colour" in p.message for p in problems if p.code == "B203")


def test_bad_id_and_status(problems):
    assert "B207" in codes_at(problems, 13)
    assert "B206" in codes_at(problems, 15)


def test_references_that_point_nowhere(problems):
    messages = [p.message for p in problems if p.code in ("B211", "B212")]
    assert any("gibt-es-nicht" in m for m in messages)
    assert any("nirgends" in m for m in messages)


def test_duplicate_id_and_cluster_mismatch(problems):
    assert "B208" in codes_at(problems, 23)
    assert "B209" in codes_at(problems, 26)


def test_missing_fields_and_examples(problems):
    codes = {p.code for p in problems}
    assert {"B204", "B215"} <= codes
    assert any("note" in p.message for p in problems if p.code == "B204")


def test_surface_form_claimed_twice(tmp_path):
    shutil.copytree(FIXTURES / "mini" / "glossary", tmp_path / "g")
    text = (tmp_path / "g" / "test.yaml").read_text(encoding="utf-8")
    text = text.replace("  term: Wirtschaftsflüchtling\n", "  term: Wirtschaftsflüchtling\n  forms: [Asylant]\n")
    (tmp_path / "g" / "test.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(tmp_path / "g")
    assert [p.code for p in caught.value.problems] == ["B213"]


def test_unsorted_ids_are_reported(tmp_path):
    shutil.copytree(FIXTURES / "mini" / "glossary", tmp_path / "g")
    path = tmp_path / "g" / "test.yaml"
    entries = path.read_text(encoding="utf-8").split("\n- id: ")
    path.write_text(entries[0] + "\n- id: " + "\n- id: ".join([entries[2], entries[1], *entries[3:]]), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(tmp_path / "g")
    assert "B219" in {p.code for p in caught.value.problems}


def test_yaml_syntax_error_has_position(tmp_path):
    shutil.copytree(FIXTURES / "mini" / "glossary", tmp_path / "g")
    (tmp_path / "g" / "test.yaml").write_text("- id: x\n  term: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(tmp_path / "g")
    problem = caught.value.problems[0]
    assert problem.code == "B201" and problem.location.line >= 2


def test_duplicate_keys_are_errors(tmp_path):
    shutil.copytree(FIXTURES / "mini" / "glossary", tmp_path / "g")
    path = tmp_path / "g" / "test.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  note: Abwertend.\n", "  note: Abwertend.\n  note: Doppelt.\n", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(tmp_path / "g")
    assert caught.value.problems[0].code == "B201"
    assert "doppelt" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("term", "slug"),
    [("Asylant", "asylant"), ("Menschen mit Migrationshintergrund", "menschen-mit-migrationshintergrund"), ("Das Boot ist voll", "das-boot-ist-voll"), ("Flüchtlingsstrom", "fluechtlingsstrom")],
)
def test_slugify(term, slug):
    assert slugify(term) == slug
