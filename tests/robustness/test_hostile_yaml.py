"""Hostile glossary, configuration and baseline files: validation errors with positions, in German,
in bounded memory, and never code execution (YAML tags are not constructed). No test asserts how
fast a check is; the subprocess runs have generous time-outs only so that a hang fails.

Glossary files reach begriffe as ``extend-glossary`` files named in ``.begriffe.toml`` and as a
whole glossary directory (``begriffe glossary validate --glossary-dir``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from subproc import MINI_GLOSSARY, run_begriffe, warm_caches  # noqa: F401 - warm_caches is a fixture

from begriffe.cli import main

VALID = """\
- id: stadt-testwort
  term: Testwort
  status: vermeiden
  cluster: verwaltung
  preferred: [Prüfwort]
  note: Ein Testeintrag der Stadt.
  context: Nur für Tests.
  sources: [ndm]
  examples:
    flag: ["Das Testwort steht hier.", "Ein Testwort mehr."]
    ok: ["Das Prüfwort steht hier.", "Kein Wort davon."]
"""
LINES = {line.split(":")[0].strip(" -"): number for number, line in enumerate(VALID.splitlines(), 1) if ":" in line}

pytestmark = pytest.mark.usefixtures("warm_caches")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch, compiled):
    """Every test runs in its own directory; the shipped glossary is compiled beforehand."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "entwurf.txt").write_text("Die Asylanten kamen.", encoding="utf-8")


def check_with(yaml_text: str | bytes, *, name: str = "stadt.yaml"):
    """``begriffe check`` with ``name`` as extend-glossary file; returns the click result."""
    path = Path(name)
    if isinstance(yaml_text, bytes):
        path.write_bytes(yaml_text)
    else:
        path.write_text(yaml_text, encoding="utf-8")
    Path(".begriffe.toml").write_text(f'extend-glossary = ["{name}"]\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "entwurf.txt"])
    assert "Traceback" not in result.output and "Interner Fehler" not in result.output, result.output
    return result


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ["- id: lol", "  term: Lol", '  x0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"  x{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


# --- glossary files ------------------------------------------------------------------------------------------


def test_a_valid_extension_is_accepted():
    """The base the other tests break (compiled once for the session's cache)."""
    result = check_with(VALID)
    assert result.exit_code == 1 and "[asylant]" in result.output


@pytest.mark.parametrize(
    "hostile",
    [
        billion_laughs(),
        billion_laughs() + "  preferred: *a8\n  forms: *a8\n  see_also: *a8\n",
        billion_laughs() + "  examples: {flag: *a8, ok: *a8}\n",
        billion_laughs() + "  ? *a8\n  : 1\n",  # a list as a key: str() of it would expand 9^9 items
        "- &e\n  id: x\n  term: X\n  forms: &f [*f]\n  see_also: *e\n  note: *e\n",  # aliases pointing at themselves
    ],
    ids=["alias-bomb", "alias-bomb-in-fields", "alias-bomb-in-examples", "alias-bomb-as-key", "self-reference"],
)
def test_alias_bombs_are_errors_not_expansions(hostile):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = check_with(hostile)
    assert result.exit_code == 2
    assert "stadt.yaml" in result.output and " B2" in result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KB: nothing was expanded


def test_many_aliases_are_refused():
    anchors = "- id: lol\n  term: &t Lol\n  forms: [" + ", ".join(["*t"] * 500) + "]\n"
    result = check_with(anchors)
    assert result.exit_code == 2 and "Zu viele YAML-Aliase" in result.output


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system",
        "!!python/object/apply:subprocess.check_call",
        "!!python/object/new:os.system",
        "!!python/name:os.system",
        "!!python/module:os",
        "!eigenes",
    ],
)
def test_tags_never_run_code(tmp_path, tag):
    marker = tmp_path / "ANGRIFF"
    command = f'["touch {marker}"]' if "apply" in tag or "new" in tag else '""'
    if "check_call" in tag:
        command = f'[["touch", "{marker}"]]'
    hostile = VALID.replace("  term: Testwort", f"  term: {tag} {command}")
    result = check_with(hostile)
    assert result.exit_code == 2
    assert f"stadt.yaml:{LINES['term']}:3: B201 YAML-Tag „{tag}“ ist nicht erlaubt" in result.output
    top = check_with(f"{tag} {command}\n", name="oben.yaml")
    assert top.exit_code == 2 and "oben.yaml:1:1: B201 YAML-Tag" in top.output
    assert not marker.exists(), "a YAML tag ran code"


def test_duplicate_keys_have_a_position():
    result = check_with(VALID.replace("  note: Ein Testeintrag der Stadt.\n", "  note: Eins.\n  note: Zwei.\n"))
    assert result.exit_code == 2
    assert f"stadt.yaml:{LINES['note'] + 1}:3: B201 YAML-Fehler: Schlüssel kommt doppelt vor." in result.output


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "[1, 2]"),
        ("term", "{a: b}"),
        ("status", "true"),
        ("status", "hervorragend"),
        ("cluster", "3.5"),
        ("preferred", "[1, null]"),
        ("note", "null"),
        ("context", "[a, b]"),
        ("sources", "[gibtsnicht]"),
        ("examples", "[1]"),
        ("examples", "{flag: 5, ok: {a: 1}}"),
    ],
)
def test_wrong_types_everywhere_have_positions(field, value):
    lines = VALID.splitlines()
    number = LINES[field]
    lines[number - 1] = f"  {field}: {value}"
    if field == "examples":  # drop the original sub-keys
        lines = [ln for ln in lines if not ln.startswith(("    flag:", "    ok:"))]
    result = check_with("\n".join(lines) + "\n")
    assert result.exit_code == 2
    problems = [ln for ln in result.output.splitlines() if "stadt.yaml:" in ln]
    assert problems, result.output
    # type errors point at the field; a reference to an unknown source at the entry (line 1)
    assert any(f"stadt.yaml:{number}:" in ln or "stadt.yaml:1:3: B212" in ln for ln in problems), (field, result.output)
    assert all(" B2" in ln for ln in problems)


@pytest.mark.parametrize(
    "hostile",
    [
        "42\n",
        '"nur Text"\n',
        "{a: 1}\n",
        "- 1\n- [x]\n- null\n",
        "",
        "---\n...\n",
        "- id: x\n\tterm: y\n",
        "[" * 50_000 + "]" * 50_000 + "\n",
        "{a: " * 5_000 + "1" + "}" * 5_000 + "\n",
    ],
    ids=[
        "number",
        "text",
        "mapping",
        "items-not-mappings",
        "empty",
        "empty-document",
        "tab",
        "deep-list",
        "deep-mapping",
    ],
)
def test_wrong_shapes(hostile):
    result = check_with(hostile)
    assert result.exit_code == 2 and "stadt.yaml" in result.output and " B20" in result.output


def test_huge_and_binary_glossary_files():
    big = VALID + "# " + "x" * (9 * 1024 * 1024) + "\n"
    result = check_with(big)
    assert result.exit_code == 2 and "Datei ist zu groß" in result.output
    assert check_with(b"\xff\xfe\x00binary").exit_code == 2
    latin = check_with(VALID.replace("Prüfwort", "Pr\xfcfwort").encode("latin-1"))
    assert latin.exit_code == 2 and "nicht in UTF-8 kodiert" in latin.output


@pytest.mark.parametrize("target", ["ordner", "/dev/zero", "fehlt.yaml"])
def test_extension_that_is_not_a_file(tmp_path, target):
    (tmp_path / "ordner").mkdir()
    Path(".begriffe.toml").write_text(f'extend-glossary = ["{target}"]\n', encoding="utf-8")
    done = run_begriffe(["check", "entwurf.txt"], cwd=tmp_path, timeout=60)
    assert done.code == 2
    assert "B201" in done.stderr and ("Keine gewöhnliche Datei" in done.stderr or "Datei fehlt" in done.stderr)
    assert done.max_rss_mb < 500


def test_hostile_files_in_a_glossary_directory(tmp_path):
    """``glossary validate`` reads _clusters.yaml and _sources.yaml too."""
    directory = tmp_path / "glossar"
    shutil.copytree(MINI_GLOSSARY, directory)
    marker = tmp_path / "ANGRIFF"
    (directory / "_clusters.yaml").write_text(
        f'test: !!python/object/apply:os.system ["touch {marker}"]\n'
        + billion_laughs().replace("- id: lol\n", "lol:\n"),
        encoding="utf-8",
    )
    (directory / "_sources.yaml").write_text(
        "ndm: {title: [1], publisher: {}, year: neunzehn, url: 5}\nndm: doppelt\n", encoding="utf-8"
    )
    done = run_begriffe(["glossary", "validate", "--glossary-dir", str(directory)], cwd=tmp_path, timeout=60)
    assert done.code == 2
    assert "_clusters.yaml:1:" in done.stderr and "YAML-Tag" in done.stderr
    assert "_sources.yaml:2:1: B201 YAML-Fehler: Schlüssel kommt doppelt vor." in done.stderr
    assert not marker.exists()


# --- .begriffe.toml, pyproject.toml -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ("profile = 5\n", ".begriffe.toml:1:1: B100 „profile“ muss Text sein."),
        ('fail-level = ["error"]\n', ".begriffe.toml:1:1: B100 „fail-level“ muss Text sein."),
        ('fail-level = "panik"\n', ".begriffe.toml:1:1: B100 „fail-level“ muss info, warning, error sein."),
        ('select = "asylant"\n', ".begriffe.toml:1:1: B100 „select“ muss eine Liste von Texten sein."),
        ("ignore = [1, 2]\n", ".begriffe.toml:1:1: B100 „ignore“ muss eine Liste von Texten sein."),
        ("exclude = {a = 1}\n", ".begriffe.toml:1:1: B100 „exclude“ muss eine Liste von Texten sein."),
        ("accept = [[]]\n", ".begriffe.toml:1:1: B100 „accept“ muss eine Liste von Texten sein."),
        ("extend-glossary = 7\n", ".begriffe.toml:1:1: B100 „extend-glossary“ muss eine Liste von Texten sein."),
        ('\n[per-file-ignores]\n"a" = [1]\n', ".begriffe.toml:2:1: B100 „per-file-ignores“ ordnet Dateimustern"),
        ('per-file-ignores = ["a"]\n', ".begriffe.toml:1:1: B100 „per-file-ignores“ ordnet Dateimustern"),
        ("acept = []\n", ".begriffe.toml:1:1: B100 Unbekannte Einstellung „acept“ (meinten Sie „accept“?)."),
        ('profile = "a"\nprofile = "b"\n', ".begriffe.toml:2:"),
        ('profile = "offen\n', ".begriffe.toml:1:"),
        ("select = [" * 50_000 + "]" * 50_000 + "\n", "B100 TOML-Fehler: "),  # wording depends on the Python version
        (
            "x = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n",
            ".begriffe.toml: B100 TOML-Fehler: zu tief verschachtelt.",
        ),
    ],
    ids=[
        "profile-number",
        "fail-level-list",
        "fail-level-unknown",
        "select-text",
        "ignore-numbers",
        "exclude-table",
        "accept-nested",
        "extend-number",
        "per-file-values",
        "per-file-list",
        "unknown-key",
        "duplicate",
        "unclosed",
        "deep-array",
        "deep-table",
    ],
)
def test_hostile_config(toml, expected):
    Path(".begriffe.toml").write_text(toml, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "entwurf.txt"])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Interner Fehler" not in result.output
    assert expected in result.output, result.output
    assert "TOML-Fehler" not in result.output or not any(w in result.output for w in ("Invalid", "Illegal", "Expected"))


def test_huge_binary_and_special_configs(tmp_path):
    Path(".begriffe.toml").write_text("accept = [" + ", ".join(['"Wort"'] * 300_000) + "]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "entwurf.txt"])
    assert result.exit_code == 2 and "Konfigurationsdatei ist zu groß" in result.output
    Path(".begriffe.toml").write_bytes(b"\xff\xfe\x00")
    result = CliRunner().invoke(main, ["check", "entwurf.txt"])
    assert result.exit_code == 2 and "nicht in UTF-8 kodiert" in result.output
    Path(".begriffe.toml").unlink()
    done = run_begriffe(["check", "--config", "/dev/zero", "entwurf.txt"], cwd=tmp_path, timeout=30)
    assert done.code == 2 and "keine gewöhnliche Datei" in done.stderr
    Path("pyproject.toml").write_text("[tool.begriffe]\nselect = 3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "entwurf.txt"])
    assert (
        result.exit_code == 2 and "pyproject.toml:2:1: B100 „select“ muss eine Liste von Texten sein." in result.output
    )
    Path("pyproject.toml").write_text("[tool]\n" + "x = [" * 100_000 + "\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "entwurf.txt"]).exit_code == 1, (
        "a broken foreign pyproject.toml is ignored"
    )


# --- baselines ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[" * 100_000 + "]" * 100_000, "kein gültiges JSON"),
        ('{"version": 1, "findings": [{"path": "a", "rule": "b", "fingerprint": "c", "count": "viele"}]}', "„count“"),
        ('{"version": 1, "findings": [{"path": "a", "rule": "b", "fingerprint": "c", "count": -5}]}', "„count“"),
        ('{"version": 1, "findings": [{"path": "a", "rule": "b", "fingerprint": "c", "count": NaN}]}', "„count“"),
        ('{"version": 2, "findings": []}', "Version 1 erwartet"),
        ('{"version": 1, "findings": {"a": 1}}', "Version 1 erwartet"),
        ("\xff\xfe", "nicht lesbar"),
    ],
)
def test_hostile_baselines(content, expected):
    Path("baseline.json").write_text(content, encoding="latin-1" if content.startswith("\xff") else "utf-8")
    result = CliRunner().invoke(main, ["check", "--isolated", "--baseline", "baseline.json", "entwurf.txt"])
    assert result.exit_code == 2 and "baseline.json" in result.output and expected in result.output, result.output
    assert "Traceback" not in result.output and "Interner Fehler" not in result.output


def test_baseline_that_is_a_device(tmp_path):
    done = run_begriffe(["check", "--isolated", "--baseline", "/dev/zero", "entwurf.txt"], cwd=tmp_path, timeout=30)
    assert done.code == 2 and "Keine gültige begriffe-Baseline" in done.stderr


def test_baseline_round_trip_still_works():
    runner = CliRunner()
    assert (
        runner.invoke(
            main, ["check", "--isolated", "--baseline", "b.json", "--update-baseline", "entwurf.txt"]
        ).exit_code
        == 0
    )
    data = json.loads(Path("b.json").read_text(encoding="utf-8"))
    assert data["findings"][0]["count"] == 1
    assert runner.invoke(main, ["check", "--isolated", "--baseline", "b.json", "entwurf.txt"]).exit_code == 0
