"""Document-level hints: terms mixed as if they were synonyms; Migrationshintergrund without definition."""

from __future__ import annotations

from begriffe.readers import read_text


def rules(engine, text: str) -> list[str]:
    return [f.rule for f in engine.check_document(read_text("t.txt", text))]


def test_mixing_two_groups_gives_one_hint(engine):
    text = "Im Herbst kamen 300 Flüchtlinge.\n\nDie Asylbewerber wohnen in zwei Unterkünften.\n\nWeitere Asylbewerber werden erwartet."
    found = [f for f in engine.check_document(read_text("t.txt", text)) if f.rule == "mischung-flucht"]
    assert len(found) == 1
    assert found[0].text == "Asylbewerber" and found[0].line == 3 and found[0].severity.value == "info"
    assert "„Flüchtlinge“ und „Asylsuchende“" in found[0].message


def test_one_group_alone_is_fine(engine):
    assert "mischung-flucht" not in rules(engine, "Geflüchtete erhalten Sprachkurse. Die Geflüchteten sind willkommen.")


def test_mentions_do_not_count_as_use(engine):
    assert "mischung-flucht" not in rules(engine, "Der Begriff „Flüchtling“ ist nicht dasselbe wie „Asylbewerber“.")


def test_each_mixture_is_its_own_rule(engine):
    found = rules(engine, "In der Stadt leben 12.000 Ausländer. Viele Eingewanderte arbeiten in der Pflege. Die Zuwanderung steigt, die Einwanderung auch.")
    assert "mischung-herkunft" in found and "mischung-wanderung" in found


def test_migrationshintergrund_needs_a_definition_once(engine):
    text = "Kinder mit Migrationshintergrund lernen gut. Jugendliche mit Migrationshintergrund auch."
    assert rules(engine, text).count("migrationshintergrund-ohne-definition") == 1
    defined = "Laut Mikrozensus hat ein Viertel der Bevölkerung einen Migrationshintergrund. " + text
    assert "migrationshintergrund-ohne-definition" not in rules(engine, defined)


def test_document_rules_can_be_ignored(compiled):
    from begriffe.engine import Engine, Options

    quiet = Engine(compiled, Options(ignore=("mischung-flucht",)))
    assert "mischung-flucht" not in [f.rule for f in quiet.check_document(read_text("t", "Flüchtlinge und Asylbewerber."))]
