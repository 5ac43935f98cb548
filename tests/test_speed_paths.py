"""The shortcuts that make begriffe fast never change what it finds.

Prefilter, paragraph memo, the store across runs and worker processes must all give exactly
the findings of the plain path: every paragraph through spaCy, one process, nothing kept.
"""

from __future__ import annotations

import json
import pickle

import pytest

from begriffe import cache
from begriffe.engine import Engine, Options
from begriffe.memo import ParagraphMemo
from begriffe.readers import read_text
from begriffe.validate import example_cases
from conftest import ROOT

CORPUS = ROOT / "tests" / "corpus" / "passages.jsonl"
PAGE = """Die Asylanten wohnen in der Turnhalle, bis die Unterkunft fertig ist.

Die Verwaltung plant einen Empfang im Rathaus.

Die Asylanten wohnen in der Turnhalle, bis die Unterkunft fertig ist.

Die Flüchtlingswelle stellt die Stadt vor Aufgaben.
"""


def _documents(compiled):
    items = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [read_text(item["id"], item["text"]) for item in items]
    documents += [read_text(case.name, case.example.text) for case in example_cases(compiled)]
    return documents


def _all_findings(engine, documents):
    return {document.path: findings for document, findings in engine.check_documents(documents)}


def test_prefilter_never_changes_findings(compiled, engine):
    """The whole evaluation corpus and every glossary example, with and without the prefilter."""
    documents = _documents(compiled)
    plain = Engine(compiled, Options(prefilter=False))
    assert _all_findings(engine, documents) == _all_findings(plain, documents)


def test_prefilter_skips_paragraphs_without_candidates(engine):
    assert not engine.may_match("Die Verwaltung plant einen Empfang im Rathaus.")
    assert engine.may_match("Die Asylanten wohnen in der Turnhalle.")
    assert engine.may_match("Die Flüchtlingswelle erreicht die Stadt.")


def test_repeated_paragraphs_are_analysed_once_and_reported_at_each_place(compiled):
    engine = Engine(compiled, Options(prefilter=False))
    analysed = []
    original = engine._analyse
    engine._analyse = lambda todo: analysed.extend(todo) or original(todo)
    findings = engine.check_document(read_text("seite.txt", PAGE))
    assert len(analysed) == 3  # four paragraphs, one of them twice
    assert [(f.rule, f.line, f.column) for f in findings if f.rule == "asylant"] == [("asylant", 1, 5), ("asylant", 5, 5)]


def test_memo_gives_the_same_findings_as_fresh_analysis(compiled):
    """Each copy of a page in a longer text is reported as a fresh engine reports the page alone."""
    remembered = Engine(compiled).check_document(read_text("a.txt", PAGE * 3))
    alone = Engine(compiled).check_document(read_text("a.txt", PAGE))
    lines = PAGE.count("\n")
    expected = [
        (f.rule, f.text, f.offset + copy * len(PAGE), f.line + copy * lines, f.column, f.severity)
        for copy in range(3)
        for f in alone
        if f.severity.value != "info"
    ]
    got = [(f.rule, f.text, f.offset, f.line, f.column, f.severity) for f in remembered if f.severity.value != "info"]
    assert got == expected
    assert [f.line for f in remembered if f.rule == "asylant"] == [1, 5, 8, 12, 15, 19]


def test_store_outlives_the_engine_and_spares_spacy(compiled, tmp_path):
    store = tmp_path / "paragraphs-test.pickle"
    first = Engine(compiled, store=store)
    expected = first.check_document(read_text("a.txt", PAGE))
    first.memo.save()
    assert store.is_file()
    second = Engine(compiled, store=store)
    assert second.check_document(read_text("a.txt", PAGE)) == expected
    assert any(f.suggestions for f in expected), "stored analyses keep their declined suggestions"
    assert "judge" not in second.__dict__, "paragraphs were analysed although every one was stored"


@pytest.mark.parametrize("content", [b"", b"kein pickle", pickle.dumps(["falsche", "Form"]), pickle.dumps({b"x" * 16: ((("gibt-es-nicht", 0, 3, "error", (), ()),), ())})])
def test_broken_or_foreign_store_is_ignored(compiled, tmp_path, content):
    store = tmp_path / "paragraphs-test.pickle"
    expected = Engine(compiled).check_document(read_text("a.txt", PAGE))
    store.write_bytes(content)
    engine = Engine(compiled, store=store)
    assert engine.check_document(read_text("a.txt", PAGE)) == expected
    engine.memo.save()  # replaces the broken file with a good one
    assert Engine(compiled, store=store).check_document(read_text("a.txt", PAGE)) == expected


def test_store_with_an_unknown_rule_is_analysed_afresh(compiled, tmp_path):
    store = tmp_path / "paragraphs-test.pickle"
    memo = ParagraphMemo(Engine(compiled).entries, store)
    key = ("Die Asylanten wohnen in der Turnhalle.", False, False)
    from begriffe.memo import _digest

    store.write_bytes(pickle.dumps({_digest(key): ((("gibt-es-nicht", 4, 13, "error", (), ()),), ())}))
    assert memo.get(key) is None


def test_unwritable_store_is_not_an_error(compiled, tmp_path):
    blocked = tmp_path / "datei"
    blocked.write_text("x")
    engine = Engine(compiled, store=blocked / "paragraphs-test.pickle")
    assert engine.check_document(read_text("a.txt", PAGE))
    engine.memo.save()


def test_cache_keeps_only_the_newest_files_of_a_kind(tmp_path):
    import os

    for i in range(cache.KEEP_PER_KIND + 3):
        path = tmp_path / f"paragraphs-{i:02d}.pickle"
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    (tmp_path / "compiled-alt.pickle").write_bytes(b"x")
    os.utime(tmp_path / "compiled-alt.pickle", (1, 1))
    cache.store(tmp_path / "paragraphs-neu.pickle", {"a": 1})
    left = sorted(p.name for p in tmp_path.glob("paragraphs-*.pickle"))
    assert len(left) == cache.KEEP_PER_KIND
    assert "paragraphs-neu.pickle" in left and "paragraphs-00.pickle" not in left
    assert (tmp_path / "compiled-alt.pickle").exists(), "other kinds are left alone"


def test_no_cache_neither_reads_nor_writes_remembered_analyses(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from begriffe.cli import main

    monkeypatch.setenv("BEGRIFFE_CACHE_DIR", str(tmp_path / "cache"))
    draft = tmp_path / "vorlage.txt"
    draft.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", str(draft)])
    assert result.exit_code == 1, result.output
    assert not list((tmp_path / "cache").glob("paragraphs-*"))
    again = CliRunner().invoke(main, ["check", "--isolated", str(draft)])
    assert list((tmp_path / "cache").glob("paragraphs-*"))
    assert again.stdout == result.stdout


def _mini_copy(tmp_path):
    import shutil

    from conftest import MINI_GLOSSARY

    target = tmp_path / "glossar"
    shutil.copytree(MINI_GLOSSARY, target)
    return target


def test_corrupt_compiled_cache_is_rebuilt(tmp_path, monkeypatch):
    from begriffe.compiled import compiled_key, load_compiled

    monkeypatch.setenv("BEGRIFFE_CACHE_DIR", str(tmp_path / "cache"))
    glossary = _mini_copy(tmp_path)
    first = load_compiled(glossary_dir=glossary)
    stored = tmp_path / "cache" / f"compiled-{compiled_key(glossary_dir=glossary)}.pickle"
    assert stored.is_file()
    stored.write_bytes(b"\x80\x05kaputt")
    built = []
    again = load_compiled(glossary_dir=glossary, on_build=lambda: built.append(True))
    assert built == [True]
    assert [e.id for e in again.glossary.entries] == [e.id for e in first.glossary.entries]
    assert pickle.loads(stored.read_bytes()).key == again.key, "the broken file was replaced"


def test_stale_compiled_cache_is_not_used_after_a_glossary_edit(tmp_path, monkeypatch):
    from begriffe.compiled import load_compiled

    monkeypatch.setenv("BEGRIFFE_CACHE_DIR", str(tmp_path / "cache"))
    glossary = _mini_copy(tmp_path)
    before = load_compiled(glossary_dir=glossary)
    path = glossary / "test.yaml"
    note = before.glossary.entries[0].note
    path.write_text(path.read_text(encoding="utf-8").replace(note, note + " Geändert."), encoding="utf-8")
    after = load_compiled(glossary_dir=glossary)
    assert after.key != before.key
    assert after.glossary.entries[0].note == note + " Geändert."


def test_unwritable_cache_directory_is_not_an_error(tmp_path, monkeypatch):
    from begriffe.compiled import load_compiled

    blocker = tmp_path / "keine-verzeichnis"
    blocker.write_text("x")
    monkeypatch.setenv("BEGRIFFE_CACHE_DIR", str(blocker / "cache"))
    compiled = load_compiled(glossary_dir=_mini_copy(tmp_path))
    assert compiled.glossary.entries
