"""Baselines: record findings once, report only new ones; fingerprints survive moved lines."""

from __future__ import annotations

import json

from click.testing import CliRunner

from begriffe.cli import main


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def test_baseline_hides_old_findings_and_reports_new_ones(tmp_path):
    doc = tmp_path / "alt.md"
    doc.write_text("Die Asylanten kamen.\n\nDie Flüchtlingswelle kommt.\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert run("check", "--baseline", str(base), "--update-baseline", str(doc)).exit_code == 0
    assert json.loads(base.read_text(encoding="utf-8"))["version"] == 1
    assert run("check", "--baseline", str(base), str(doc)).exit_code == 0

    doc.write_text("Neue Einleitung.\n\nNoch eine Zeile.\n\nDie Asylanten kamen.\n\nDie Flüchtlingswelle kommt.\n\nDie Zigeuner.\n", encoding="utf-8")
    result = run("check", "--baseline", str(base), "--format", "json", str(doc))
    assert result.exit_code == 1
    assert [f["rule"] for f in json.loads(result.output)["findings"]] == ["zigeuner"]


def test_each_recorded_occurrence_hides_only_one_finding(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("Die Asylanten kamen.\n", encoding="utf-8")
    base = tmp_path / "b.json"
    run("check", "--baseline", str(base), "--update-baseline", str(doc))
    doc.write_text("Die Asylanten kamen.\n\nDie Asylanten kamen.\n", encoding="utf-8")
    result = run("check", "--baseline", str(base), "--format", "json", str(doc))
    assert len(json.loads(result.output)["findings"]) == 1


def test_missing_or_broken_baseline_is_a_clear_error(tmp_path):
    doc = tmp_path / "a.md"
    doc.write_text("Text.\n", encoding="utf-8")
    assert "Baseline-Datei nicht gefunden" in run("check", "--baseline", str(tmp_path / "x.json"), str(doc)).output
    (tmp_path / "kaputt.json").write_text("{", encoding="utf-8")
    result = run("check", "--baseline", str(tmp_path / "kaputt.json"), str(doc))
    assert result.exit_code == 2 and "nicht lesbar" in result.output
