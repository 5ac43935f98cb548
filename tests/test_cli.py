"""The command line: exit codes 0/1/2, German messages, formats, bad input without tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from begriffe.cli import main

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "beschlussvorlage-entwurf.md"


def run(*args: str, input: str | bytes | None = None):
    result = CliRunner().invoke(main, list(args), input=input)
    assert "Traceback" not in result.output
    return result


@pytest.fixture()
def draft(tmp_path):
    path = tmp_path / "entwurf.txt"
    path.write_text("Die Asylanten wurden untergebracht.\n\nDie Flüchtlingswelle kommt.\n", encoding="utf-8")
    return path


@pytest.fixture()
def clean(tmp_path):
    path = tmp_path / "sauber.txt"
    path.write_text("Die Asylsuchenden wurden in der Gemeinschaftsunterkunft untergebracht.\n", encoding="utf-8")
    return path


def test_findings_exit_1_with_german_lines(draft):
    result = run("check", str(draft))
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{draft}:1:5: Fehler [asylant] „Asylanten“ — ")
    assert "→" in first
    assert "Funde" in result.output.splitlines()[-1]


def test_clean_file_exits_0(clean):
    result = run("check", str(clean))
    assert result.exit_code == 0
    assert result.output.strip() == "Keine Funde in 1 Datei."


def test_fail_level_and_exit_zero(draft):
    assert run("check", "--fail-level", "error", str(draft)).exit_code == 1
    assert run("check", "--exit-zero", str(draft)).exit_code == 0


def test_fail_level_error_ignores_warnings(tmp_path):
    path = tmp_path / "w.txt"
    path.write_text("Die Flüchtlingswelle kommt.", encoding="utf-8")
    assert run("check", str(path)).exit_code == 1
    assert run("check", "--fail-level", "error", str(path)).exit_code == 0


def test_json_format_is_the_documented_object(draft):
    result = run("check", "--format", "json", str(draft))
    data = json.loads(result.output)
    assert set(data) == {"version", "findings", "errors", "summary"}
    assert data["version"] == 1
    finding = data["findings"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "offset", "length", "text", "entry", "term", "rule", "severity", "status", "message", "suggestions"):
        assert key in finding
    assert finding["text"] == "Asylanten" and finding["entry"] == "asylant" and finding["severity"] == "error"
    assert data["summary"]["files"] == 1 and data["summary"]["findings"] == len(data["findings"])


def test_statistics(draft):
    result = run("check", "--statistics", str(draft))
    assert any(line.split() == ["1", "asylant"] for line in result.output.splitlines())


def test_stdin(tmp_path):
    result = run("check", "-", input="Die Asylanten kamen.".encode())
    assert result.exit_code == 1
    assert result.output.startswith("<stdin>:1:5:")


def rules_of(result) -> set[str]:
    return {f["rule"] for f in json.loads(result.output)["findings"]}


def test_select_and_ignore(draft):
    assert rules_of(run("check", "--format", "json", str(draft))) >= {"asylant"}
    assert "asylant" not in rules_of(run("check", "--ignore", "asylant", "--format", "json", str(draft)))
    assert rules_of(run("check", "--select", "asylant", "--format", "json", str(draft))) == {"asylant"}
    assert "asylant" not in rules_of(run("check", "--ignore", "flucht_asyl", "--format", "json", str(draft)))


def test_directory_walk_and_nothing_to_check(tmp_path, draft):
    empty = tmp_path / "leer"
    empty.mkdir()
    result = run("check", str(empty))
    assert result.exit_code == 2
    assert "Keine prüfbaren Dateien" in result.output
    assert run("check", str(draft.parent)).exit_code == 1


def test_missing_file_is_a_clear_error(tmp_path):
    result = run("check", str(tmp_path / "fehlt.txt"))
    assert result.exit_code == 2
    assert "Datei nicht gefunden" in result.output


def test_binary_file(tmp_path):
    path = tmp_path / "bild.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "Binärdatei" in result.output


def test_cp1252_file_with_umlauts_is_checked(tmp_path):
    path = tmp_path / "alt.txt"
    path.write_bytes("Die Ausländerbehörde und die Asylanten in der Großstadt.".encode("cp1252"))
    result = run("check", "--format", "json", str(path))
    data = json.loads(result.output)
    assert [f["text"] for f in data["findings"]] == ["Asylanten"]
    assert data["findings"][0]["column"] == 30


def test_invalid_utf8_is_reported(tmp_path):
    path = tmp_path / "kaputt.txt"
    path.write_bytes("Flüchtlinge ".encode() + b"\xff\xfe\xfd")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "UTF-8" in result.output


def test_empty_file_is_fine(tmp_path):
    path = tmp_path / "leer.txt"
    path.write_bytes(b"")
    assert run("check", str(path)).exit_code == 0


def test_unreadable_file_among_others_exits_1(tmp_path, clean):
    bad = tmp_path / "kaputt.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = run("check", "--format", "json", str(clean), str(bad))
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["errors"][0]["code"] == "B304" and data["summary"]["files"] == 1


def test_usage_errors_are_german():
    result = run("check", "--format", "xml", "x.txt")
    assert result.exit_code == 2
    assert "nicht erlaubt" in result.output
    assert run("gibtsnicht").exit_code == 2
    assert run("check").exit_code == 2


def test_lookup_is_typo_tolerant():
    for query in ("Asylbewerba", "fluechtling", "migrant:innen", "illegale migranten", "Asylant"):
        result = run("lookup", query)
        assert result.exit_code == 0, query
    assert run("lookup", "Asylbewerba").output.startswith("asylbewerber:")
    assert run("lookup", "fluechtling").output.startswith("fluechtling:")
    for gendered in ("migrant:innen", "Migrant*innen", "MigrantInnen", "Migrant(inn)en"):
        assert run("lookup", gendered).output.startswith("migrant:"), gendered


def test_explain_and_list():
    result = run("explain", "asylant")
    assert result.exit_code == 0
    assert "Status: diskriminierend" in result.output and "Quellen" in result.output
    unknown = run("explain", "asylantt")
    assert unknown.exit_code == 2 and "Meinten Sie" in unknown.output
    listed = run("list", "--status", "diskriminierend")
    assert "asylant:" in listed.output and "(empfohlen)" not in listed.output
    assert run("list", "--cluster", "gibtsnicht").exit_code == 2


def test_real_subprocess_on_the_example_draft():
    completed = subprocess.run(
        [sys.executable, "-m", "begriffe", "check", str(EXAMPLE)], capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    assert "[asylant]" in completed.stdout


def test_the_command_writes_all_output_before_it_leaves(tmp_path):
    """The command ends without tearing the interpreter down; everything must be written first."""
    lines = [f"Absatz {i}: Die Asylanten wohnen in Haus {i}." for i in range(3000)]
    (tmp_path / "lang.txt").write_text("\n\n".join(lines), encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "begriffe", "check", "--isolated", "--format", "json", str(tmp_path / "lang.txt")],
        capture_output=True, text=True, encoding="utf-8", check=False,
        env={k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"},  # output held in buffers, as usual
    )
    assert completed.returncode == 1, completed.stderr
    assert len(json.loads(completed.stdout)["findings"]) == 3000


@pytest.mark.parametrize("paragraphs", [1, 3000], ids=["kurze Ausgabe", "lange Ausgabe"])
def test_a_reader_that_has_gone_gets_no_traceback(tmp_path, paragraphs):
    """``begriffe check … | head -1``: the reader closes the pipe before (or while) the output is
    written. The exit code is the usual one and nothing but findings is printed."""
    (tmp_path / "text.txt").write_text("\n\n".join(["Die Asylanten wohnen hier."] * paragraphs), encoding="utf-8")
    command = [sys.executable, "-m", "begriffe", "check", "--isolated", str(tmp_path / "text.txt")]
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as on users' machines
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=buffered)
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in stderr and "Exception ignored" not in stderr and "Error" not in stderr, stderr


def test_annotate_writes_a_commented_copy_and_never_overwrites(tmp_path):
    import docx

    source = tmp_path / "Entwurf.docx"
    document = docx.Document()
    document.add_paragraph("Die Asylanten werden in der Turnhalle untergebracht.")
    document.save(source)
    before = source.read_bytes()
    result = run("check", "--annotate", str(source))
    assert result.exit_code == 1
    copy = tmp_path / "Entwurf.begriffe.docx"
    assert [c.author for c in docx.Document(copy).comments] == ["begriffe"]
    assert source.read_bytes() == before
    again = run("check", "--annotate", str(source))
    assert "--force" in again.output
    assert run("check", "--annotate", "--force", str(source)).exit_code == 1
