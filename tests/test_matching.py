"""The German matcher: inflection, gender forms, phrases, compounds, patterns, exceptions."""

from __future__ import annotations

import pytest

from begriffe.readers import read_text


def matches(engine, text: str) -> list[tuple[str, str]]:
    """(matched text, rule) for every match, exceptions and recommended terms included."""
    doc = engine.nlp(text)
    return [(doc.text[m.start_char : m.end_char], m.rule) for m in engine.matcher.find_matches(doc) if not m.is_exception]


def findings(engine, text: str) -> list[tuple[str, str, str]]:
    """(text, rule, severity) of every finding."""
    return [(f.text, f.rule, f.severity.value) for f in engine.check_document(read_text("t.txt", text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Asylanten kamen.", ("Asylanten", "asylant")),
        ("Sie halfen Ausländern.", ("Ausländern", "auslaender")),
        ("Wir helfen Flüchtlingen.", ("Flüchtlingen", "fluechtling")),
        ("Die Zigeunern zugeschriebenen Bräuche.", ("Zigeunern", "zigeuner")),
        ("DIE ASYLANTEN KOMMEN", ("ASYLANTEN", "asylant")),
        ("Die Asylantin sprach.", ("Asylantin", "asylant")),
    ],
)
def test_inflected_forms_match_their_entry(mini, text, expected):
    assert expected in matches(mini, text)


@pytest.mark.parametrize("form", ["Migrant:innen", "Migrant*innen", "Migrant_innen", "MigrantInnen", "Migrant/-innen", "Migrant:in"])
def test_gender_forms_stay_one_token_and_match(mini, form):
    doc = mini.nlp(f"Die {form} kamen.")
    assert form in [t.text for t in doc]
    assert (form, "migrant") in matches(mini, f"Die {form} kamen.")


@pytest.mark.parametrize("word", ["Bürger:innen", "Migrant:innenorganisationen", "Sachbearbeiter:in", "Sachbearbeiter/in"])
def test_gender_forms_from_the_seeds_are_not_split(mini, word):
    assert word in [t.text for t in mini.nlp(f"Die {word} arbeiten.")]


def test_gender_compound_matches_as_modifier(mini):
    assert ("Migrant:innenorganisationen", "migrant") in matches(mini, "Die Migrant:innenorganisationen tagen.")


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("Die illegale Migranten wurden gezählt.", "illegale Migranten", "illegale-migranten"),
        ("Den illegalen Migranten droht Haft.", "illegalen Migranten", "illegale-migranten"),
        ("Unsere ausländischen Mitbürger feiern.", "ausländischen Mitbürger", "auslaendische-mitbuerger"),
        ("Menschen mit Migrationshintergrund sind eingeladen.", "Menschen mit Migrationshintergrund", "migrationshintergrund"),
        ("Personen mit Migrationshintergrund sind eingeladen.", "Personen mit Migrationshintergrund", "migrationshintergrund"),
    ],
)
def test_multi_word_entries_with_inflected_parts(mini, text, span, rule):
    assert (span, rule) in matches(mini, text)


@pytest.mark.parametrize(
    ("word", "rule"),
    [
        ("Asylantenheim", "asylant"),
        ("Flüchtlingsunterkünften", "fluechtling"),
        ("Wirtschaftsflüchtlinge", "wirtschaftsfluechtling"),
        ("Asylanten-Unterkunft", "asylant"),
        ("Scheinasylanten", "asylant"),
        ("Mischlingskind", "mischling"),
        ("Rassenlehre", "rasse"),
    ],
)
def test_compounds_match_as_first_or_last_part(mini, word, rule):
    assert (word, rule) in matches(mini, f"Das Wort {word} steht hier.")


def test_longest_entry_wins(mini):
    assert matches(mini, "Die Wirtschaftsflüchtlinge kamen.") == [("Wirtschaftsflüchtlinge", "wirtschaftsfluechtling")]
    assert matches(mini, "Die Ausländerbehörde ist zuständig.") == [("Ausländerbehörde", "auslaenderbehoerde")]


@pytest.mark.parametrize("word", ["Asylantrag", "Asylanträge", "Asylantragsteller", "Rassel", "Rasselbande", "Hunderasse", "Terrasse", "Rassehund"])
def test_look_alikes_never_match(mini, word):
    assert matches(mini, f"Hier steht {word} im Satz.") == []


@pytest.mark.parametrize(
    ("text", "span", "rule"),
    [
        ("Die Flüchtlingswellen kamen.", "Flüchtlingswellen", "metapher-welle"),
        ("Man sprach von Asylantenfluten.", "Asylantenfluten", "metapher-flut"),
        ("Die Migrationsströme nehmen zu.", "Migrationsströme", "metapher-strom"),
        ("Es kam eine Welle von Flüchtlingen.", "Welle von Flüchtlingen", "metapher-welle"),
        ("Die Flut der Asylbewerber wurde beschworen.", "Flut der Asylbewerber", "metapher-flut"),
        ("Ein Ansturm von Migranten wurde erwartet.", "Ansturm von Migranten", "metapher-ansturm"),
        ("Die Asyllawine rollt.", "Asyllawine", "metapher-lawine"),
        ("Man fürchtete den Flüchtlingstsunami.", "Flüchtlingstsunami", "metapher-lawine"),
        ("Migranten-Schwemme", "Migranten-Schwemme", "metapher-flut"),
    ],
)
def test_compound_patterns_join_and_split(mini, text, span, rule):
    assert (span, rule) in matches(mini, text)


@pytest.mark.parametrize(
    "text",
    ["Die Welle der Hilfsbereitschaft war groß.", "Die Stromversorgung der Flüchtlingsunterkunft steht.", "Die Flut im Tal stieg.", "Der Strom von Besuchern riss nicht ab."],
)
def test_compound_patterns_ignore_other_waves(mini, text):
    assert not [m for m in matches(mini, text) if m[1].startswith("metapher-")]


@pytest.mark.parametrize(
    "name",
    ["Ausländerbehörde", "Ausländerzentralregister", "Asylbewerberleistungsgesetz", "Flüchtlingsschutz", "Bundesamt für Migration und Flüchtlinge", "Ausländerbehördenleiterin"],
)
def test_exceptions_are_never_flagged(mini, name):
    assert findings(mini, f"Zuständig ist hier: {name}.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Der Begriff Asylant ist abwertend.",
        "Das Wort „Asylant“ ist abwertend.",
        "Die Bezeichnung Zigeuner ist eine Fremdbezeichnung.",
        "Der Ausdruck „Asylanten“ wird kritisiert.",
        "Die sogenannten Asylanten waren Asylsuchende.",
        "Die sog. Asylanten waren Asylsuchende.",
        "Die so genannten Asylanten waren Asylsuchende.",
        "„Asylant“ gilt als abwertend.",
    ],
)
def test_mentions_are_not_reported(mini, text):
    assert [f for f in findings(mini, text) if f[2] in ("error", "warning")] == []


@pytest.mark.parametrize("quote", ["„Asylanten“", "\"Asylanten\"", "»Asylanten«", "‚Asylanten‘", "'Asylanten'"])
def test_quoted_terms_are_at_most_info(mini, quote):
    found = findings(mini, f"Die {quote} kamen gestern an.")
    assert found and all(severity == "info" for _, _, severity in found)


def test_unquoted_term_keeps_its_severity(mini):
    assert findings(mini, "Die Asylanten kamen gestern an.") == [("Asylanten", "asylant", "error")]
