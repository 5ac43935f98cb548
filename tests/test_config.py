"""Configuration files, precedence (defaults < file < command line), init and show-settings."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from begriffe.cli import main
from begriffe.config import load_settings
from begriffe.errors import ConfigError


@pytest.fixture()
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "texte").mkdir()
    (tmp_path / "texte" / "a.md").write_text("Die Asylanten kamen. Die Flüchtlingswelle kommt.\n", encoding="utf-8")
    (tmp_path / "archiv").mkdir()
    (tmp_path / "archiv" / "alt.md").write_text("Die Asylanten von 1990.\n", encoding="utf-8")
    return tmp_path


def run(*args):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def rules(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.output)["findings"]]


def test_dot_begriffe_toml(project):
    (project / ".begriffe.toml").write_text('ignore = ["asylant"]\nformat = "json"\n', encoding="utf-8")
    assert "asylant" not in rules(run("check", "texte"))


def test_pyproject_tool_section(project):
    (project / "pyproject.toml").write_text('[tool.begriffe]\nselect = ["asylant"]\n', encoding="utf-8")
    assert set(rules(run("check", "--format", "json", "texte"))) == {"asylant"}


def test_command_line_beats_file(project):
    (project / ".begriffe.toml").write_text('format = "json"\nfail-level = "error"\n', encoding="utf-8")
    result = run("check", "--format", "text", "texte")
    assert result.output.startswith("texte/a.md:1:5:")
    assert run("check", "--fail-level", "warning", "--ignore", "asylant", "texte").exit_code == 1
    assert run("check", "--ignore", "asylant", "texte").exit_code == 0


def test_isolated_ignores_the_file(project):
    (project / ".begriffe.toml").write_text('ignore = ["asylant"]\n', encoding="utf-8")
    assert "asylant" in rules(run("check", "--isolated", "--format", "json", "texte"))


def test_exclude_and_per_file_ignores(project):
    (project / ".begriffe.toml").write_text(
        'exclude = ["archiv/**"]\nformat = "json"\n[per-file-ignores]\n"texte/*.md" = ["metaphern"]\n', encoding="utf-8"
    )
    result = run("check", ".")
    data = json.loads(result.output)
    assert {f["path"] for f in data["findings"]} == {"texte/a.md"}
    assert all(not f["rule"].startswith("fluechtlingswelle") for f in data["findings"])


def test_accept_words(project):
    (project / ".begriffe.toml").write_text('accept = ["Asylanten"]\nformat = "json"\n', encoding="utf-8")
    assert "asylant" not in rules(run("check", "texte"))


def test_extend_glossary_adds_and_overrides(project):
    (project / "stadt.yaml").write_text(
        "- id: testwort\n  term: Quatschwort\n  status: vermeiden\n  cluster: flucht_asyl\n  preferred: [Sachwort]\n"
        "  note: Ein Wort unserer Stadt.\n  context: Nur ein Test.\n  sources: [ndm]\n"
        "  examples:\n    flag: [\"Das Quatschwort.\", \"Die Quatschwörter.\"]\n    ok: [\"Das Sachwort.\", \"Der Begriff „Quatschwort“.\"]\n",
        encoding="utf-8",
    )
    (project / ".begriffe.toml").write_text('extend-glossary = ["stadt.yaml"]\nformat = "json"\n', encoding="utf-8")
    (project / "texte" / "b.md").write_text("Das Quatschwort steht hier.\n", encoding="utf-8")
    assert "testwort" in rules(run("check", "texte/b.md"))


def test_show_settings_names_the_source(project):
    (project / ".begriffe.toml").write_text('profile = "streng"\n', encoding="utf-8")
    out = run("check", "--show-settings", "--fail-level", "error").output
    assert "profile = 'streng'  # " in out and ".begriffe.toml" in out
    assert "fail-level = 'error'  # Befehlszeile" in out
    assert "format = 'text'  # Standard" in out


def test_init_writes_a_commented_starter_and_refuses_to_overwrite(project):
    assert run("init").exit_code == 0
    text = (project / ".begriffe.toml").read_text(encoding="utf-8")
    assert text.startswith("#") and 'profile = "kommunal"' in text
    assert load_settings(project / ".begriffe.toml").profile == "kommunal"
    assert run("init").exit_code == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selct = ["x"]\n', "Unbekannte Einstellung „selct“ (meinten Sie „select“?)"),
        ("select = \n", "TOML-Fehler"),
        ('fail-level = "laut"\n', "fail-level"),
        ("select = 3\n", "Liste"),
    ],
)
def test_bad_config_is_a_german_error_with_position(project, content, message):
    (project / ".begriffe.toml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(cwd=project)
    assert message in str(caught.value)
    assert caught.value.location.line >= 1
    result = run("check", "texte")
    assert result.exit_code == 2 and ".begriffe.toml:" in result.output
