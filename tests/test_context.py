"""Context a careful editor applies: mentions, quotations, scare quotes, titles, law, history."""

from __future__ import annotations

import pytest

from begriffe.readers import read_text


def judged(engine, text: str, markdown: bool = False) -> list[tuple[str, str, str | None]]:
    document = read_text("t.md" if markdown else "t.txt", text, markdown=markdown)
    return [(f.text, f.severity.value, f.context) for f in engine.check_document(document) if f.rule == "asylant" or f.entry]


def severities(engine, text: str, rule: str, markdown: bool = False) -> list[str]:
    document = read_text("t.md" if markdown else "t.txt", text, markdown=markdown)
    return [f.severity.value for f in engine.check_document(document) if f.rule == rule]


@pytest.mark.parametrize(
    "text",
    [
        "Der Begriff der Asylanten stammt aus den 1980er Jahren.",
        "Begriffe wie „Asylant“, „Scheinasylant“ oder „Asylantenflut“ sind abwertend.",
        "Wer von Asylanten spricht, sollte wissen, wie das Wort wirkt.",
        "Ob man Asylanten schreibt oder nicht: das Wort bleibt abwertend.",
        "Kriminelle Asylanten – mit diesem Slogan zog die Partei durch den Wahlkampf.",
        "Viele Kantinen haben die Asylantensuppe umbenannt.",
        "Asylant bezeichnet abwertend einen Menschen, der Asyl sucht.",
        "Der NS-Begriff Asylant ist falsch datiert, aber der Kern stimmt.",
    ],
)
def test_mentions_are_not_reported(mini, text):
    assert severities(mini, text, "asylant") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die „Asylanten“ bekommen alles geschenkt.", ["info"]),
        ("„Die Asylanten nehmen uns die Wohnungen weg“, sagte der Redner.", ["info"]),
        ("Die Asylanten bekommen alles geschenkt.", ["error"]),
    ],
)
def test_quotes_and_direct_speech(mini, text, expected):
    assert severities(mini, text, "asylant") == expected


def test_unclosed_quotation_runs_to_the_end_of_the_paragraph(mini):
    assert severities(mini, "Der Redner rief: „Die Asylanten müssen alle raus", "asylant") == ["info"]


def test_titles_in_markdown_italics_are_quotations(mini):
    assert severities(mini, "Das Buch *Die Asylanten von nebenan* erschien 2019.", "asylant", markdown=True) == ["info"]
    assert severities(mini, "Die *Asylanten* kamen gestern.", "asylant", markdown=True) == ["error"]


def test_blockquotes_in_markdown_are_quotations(mini):
    assert severities(mini, "> Die Asylanten kamen gestern.\n", "asylant", markdown=True) == ["info"]


def test_legal_context_clears_legal_terms_only(mini):
    assert severities(mini, "Ausländer im Sinne des § 2 Abs. 1 AufenthG ist jeder, der nicht Deutscher ist.", "auslaender") == []
    assert severities(mini, "Nach Art. 3 Abs. 3 GG darf niemand wegen seiner Rasse benachteiligt werden.", "rasse") == []
    assert severities(mini, "Die Asylanten nach § 13 AsylG haben Rechte.", "asylant") == ["error"]


def test_legal_context_is_a_property_of_the_paragraph(mini):
    text = "Das Grundgesetz schützt in Art. 3 Abs. 3 GG vor Benachteiligung. Gemeint sind auch Zuschreibungen der Rasse."
    assert severities(mini, text, "rasse") == []


def test_historical_narration_lowers_historical_terms(mini):
    assert severities(mini, "In den 1960er Jahren kamen die ersten Gastarbeiter nach Stuttgart.", "gastarbeiter") == ["info"]
    assert severities(mini, "Gastarbeiter pflegen heute unsere Eltern.", "gastarbeiter") == ["warning"]


def test_conditions_from_yaml_decide(mini):
    assert severities(mini, "Die Farbigen wurden kontrolliert.", "farbige") == ["error"]
    assert severities(mini, "Die farbigen Stifte liegen bereit.", "farbige") == []
    assert severities(mini, "Der Mischling aus dem Tierheim sucht ein Zuhause.", "mischling") == []
    assert severities(mini, "Er wurde als Mischling beschimpft.", "mischling") == ["error"]


def test_approving_scare_quotes_are_still_reported(engine):
    found = engine.check_document(read_text("t", "Wir stoppen die „Umvolkung“ unseres Landes."))
    assert [f.rule for f in found] == ["umvolkung"]


def test_profiles_change_severity(compiled):
    from begriffe.engine import Engine, Options

    strict = Engine(compiled, Options(profile="streng"))
    assert [f.severity.value for f in strict.check_document(read_text("t", "Die „Asylanten“ kamen."))] == ["error"]
