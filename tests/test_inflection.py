"""Suggestions that fit the sentence: preferred terms declined for the slot of the match."""

from __future__ import annotations

import pytest

from begriffe.declension import form_readings, inflection_table, phrase_head
from begriffe.inflection import (
    AKK,
    DAT,
    GEN,
    MIXED,
    NOM,
    PL,
    SG,
    STRONG,
    WEAK,
    adjective_ending,
    context_readings,
    inflect,
)
from begriffe.readers import read_text


def suggestion(engine, text: str, rule: str, index: int = 0) -> str:
    """Suggestion ``index`` of the one finding of ``rule`` in ``text``."""
    found = [f for f in engine.check_document(read_text("t.txt", text)) if f.rule == rule]
    assert len(found) == 1, found
    return found[0].suggestions[index]


CASES = [
    # asylant → Asylsuchende (adjectival noun): every case, both numbers, every kind of article
    ("Der Asylant wartete vor dem Amt.", "asylant", 0, "Asylsuchende"),
    ("Wir sahen den Asylanten vor dem Amt.", "asylant", 0, "Asylsuchenden"),
    ("Wir gaben einem Asylanten eine Auskunft.", "asylant", 0, "Asylsuchenden"),
    ("Die Akte eines Asylanten fehlt.", "asylant", 0, "Asylsuchenden"),
    ("Das Zimmer des Asylanten ist klein.", "asylant", 0, "Asylsuchenden"),
    ("Ein Asylant kam gestern an.", "asylant", 0, "Asylsuchender"),
    ("Kein Asylant wurde abgeschoben.", "asylant", 0, "Asylsuchender"),
    ("Die Asylanten kamen gestern an.", "asylant", 0, "Asylsuchenden"),
    ("Die Zahl der Asylanten stieg.", "asylant", 0, "Asylsuchenden"),
    ("Wir sprachen mit den Asylanten.", "asylant", 0, "Asylsuchenden"),
    ("Wir sprachen mit Asylanten.", "asylant", 0, "Asylsuchenden"),
    ("Für Asylanten gibt es Sprachkurse.", "asylant", 0, "Asylsuchende"),
    ("Keine Asylanten wurden abgeschoben.", "asylant", 0, "Asylsuchenden"),
    ("Viele Asylanten warten auf einen Termin.", "asylant", 0, "Asylsuchende"),
    ("Vielen Asylanten fehlt das Geld.", "asylant", 0, "Asylsuchenden"),
    ("Die drei Asylanten warten.", "asylant", 0, "Asylsuchenden"),
    ("Mit diesen Asylanten sprachen wir.", "asylant", 0, "Asylsuchenden"),
    ("Wegen der Asylanten wurde gestritten.", "asylant", 0, "Asylsuchenden"),
    ("Den „Asylanten“ wurde geholfen.", "asylant", 0, "Asylsuchenden"),
    ("Eine Asylantin wartete.", "asylant", 0, "Asylsuchende"),
    ("Der Asylantin wurde geholfen.", "asylant", 0, "Asylsuchenden"),
    ("Die Asylant:innen kamen gestern an.", "asylant", 0, "Asylsuchenden"),
    ("Ein Asylant kam gestern an.", "asylant", 1, "Geflüchteter"),
    ("Wir gaben einem Asylanten eine Auskunft.", "asylant", 1, "Geflüchteten"),
    ("Ein Asylant kam gestern an.", "asylant", 2, "Schutzsuchender"),
    ("Der Asylant wartete vor dem Amt.", "asylant", 2, "Schutzsuchende"),
    ("Ein Asylbewerber wartet auf den Bescheid.", "asylbewerber", 1, "Asylantragstellender"),
    ("Mit Asylbewerbern sprechen wir täglich.", "asylbewerber", 0, "Asylsuchenden"),
    ("Die Scheinasylanten wurden abgelehnt.", "scheinasylant", 0, "abgelehnten Asylsuchenden"),
    ("Die Abschiebung von Scheinasylanten dauert.", "scheinasylant", 0, "abgelehnten Asylsuchenden"),
    ("Die Vertriebenen kamen 1945 in die Stadt.", "vertriebene", 0, "Geflüchteten"),
    ("Den Einheimischen gefällt das Fest.", "einheimische", 0, "Deutschen ohne Migrationshintergrund"),
    # regular nouns
    ("Man sprach von der Flüchtlingswelle.", "fluechtlingswelle", 0, "Fluchtmigration"),
    ("Die Flüchtlingsströme wachsen.", "fluechtlingsstrom", 0, "Fluchtbewegungen"),
    ("Mit den Flüchtlingsströmen kamen viele.", "fluechtlingsstrom", 0, "Fluchtbewegungen"),
    ("Die Mohammedaner beten.", "mohammedaner", 0, "Muslime"),
    ("Er sprach mit den Mohammedanern.", "mohammedaner", 0, "Muslimen"),
    ("Die Gastarbeiter kamen 1961.", "gastarbeiter", 0, "angeworbenen Arbeitskräfte"),
    ("Mit den Gastarbeitern kamen Familien.", "gastarbeiter", 0, "angeworbenen Arbeitskräften"),
    ("Die Asylantenheime liegen am Stadtrand.", "asylantenheim", 0, "Gemeinschaftsunterkünfte"),
    ("In Asylantenheimen ist es eng.", "asylantenheim", 0, "Gemeinschaftsunterkünften"),
    ("Den Zuwanderern der zweiten Generation fehlt nichts.", "zuwanderer", 0, "Einwanderern"),
    ("Die Zuwanderer der zweiten Generation sind hier geboren.", "zuwanderer", 1, "Eingewanderten"),
    ("Die Migrantenkinder lernen schnell.", "migrantenkinder", 0, "Kinder aus eingewanderten Familien"),
    ("Den Migrantenkindern fehlt Förderung.", "migrantenkinder", 0, "Kindern aus eingewanderten Familien"),
    ("In den Ghettos fehlt Geld.", "ghetto", 1, "benachteiligten Quartieren"),
    ("Das Ghetto am Stadtrand wächst.", "ghetto", 1, "benachteiligte Quartier"),
    # metaphors: compound, phrase, genitive
    ("Die Stadt kümmert sich um die Migrationswelle.", "metapher-welle", 0, "Fluchtbewegung"),
    ("Die Migrationswellen erreichten die Stadt.", "metapher-welle", 0, "Fluchtbewegungen"),
    ("Man berichtete von einer Welle von Flüchtlingen.", "metapher-welle", 0, "Fluchtbewegung"),
    ("Die Flut der Asylbewerber hält an.", "metapher-flut", 0, "Fluchtbewegung"),
    ("Den Zustrom von Geflüchteten bewältigen wir.", "metapher-strom", 1, "Zuzug"),
    ("Die Folgen des Zustroms von Geflüchteten sind spürbar.", "metapher-strom", 1, "Zuzuges"),
    # multi-word preferred terms: adjectives, adverbs, coordination, possessives, unchanged tails
    (
        "Wir sprachen mit illegalen Migranten.",
        "illegale-migranten",
        0,
        "irregulär aufhältigen Migrantinnen und Migranten",
    ),
    (
        "Die illegalen Migranten wurden gezählt.",
        "illegale-migranten",
        0,
        "irregulär aufhältigen Migrantinnen und Migranten",
    ),
    (
        "Die Stadt hilft illegalen Migranten.",
        "illegale-migranten",
        0,
        "irregulär aufhältigen Migrantinnen und Migranten",
    ),
    (
        "Der Rat dankt den ausländischen Mitbürgern.",
        "auslaendische-mitbuerger",
        0,
        "Einwohnenden ohne deutsche Staatsangehörigkeit",
    ),
    ("Der Rat dankt den ausländischen Mitbürgern.", "auslaendische-mitbuerger", 1, "Einwohnerinnen und Einwohnern"),
    ("Unsere ausländischen Mitbürger feiern.", "auslaendische-mitbuerger", 1, "Einwohnerinnen und Einwohner"),
    (
        "Mit Menschen mit Migrationshintergrund sprechen wir.",
        "menschen-mit-migrationshintergrund",
        1,
        "Eingewanderten und ihren Nachkommen",
    ),
    (
        "Die Zahl der Menschen mit Migrationshintergrund steigt.",
        "menschen-mit-migrationshintergrund",
        1,
        "Eingewanderten und ihrer Nachkommen",
    ),
    (
        "Den Kindern nichtdeutscher Herkunftssprache fehlt Förderung.",
        "kinder-nichtdeutscher-herkunftssprache",
        0,
        "mehrsprachig aufwachsenden Kindern",
    ),
    ("Die kriminellen Asylanten wurden verurteilt.", "kriminelle-asylanten", 0, "straffällig gewordenen Asylsuchenden"),
    (
        "Mit kriminellen Asylanten gibt es Ärger.",
        "kriminelle-asylanten",
        1,
        "verurteilten Straftätern ohne deutsche Staatsangehörigkeit",
    ),
    ("Ein Ausländer wählte im Bezirk.", "auslaender", 0, "Mensch ohne deutsche Staatsangehörigkeit"),
    ("Ein Ausländer wählte im Bezirk.", "auslaender", 1, "ausländischer Staatsangehöriger"),
    ("Einem Ausländer wurde geholfen.", "auslaender", 1, "ausländischen Staatsangehörigen"),
    ("Den Ausländern wird geholfen.", "auslaender", 0, "Menschen ohne deutsche Staatsangehörigkeit"),
    ("Die Ausländerin wählte im Bezirk.", "auslaender", 1, "ausländische Staatsangehörige"),
    ("Ein Geduldeter wartet auf den Bescheid.", "geduldete", 0, "Mensch mit Duldung"),
    ("Das Flüchtlingskind spielt im Hof.", "fluechtlingskinder", 0, "geflüchtete Kind"),
    ("Mit Flüchtlingskindern spielen wir.", "fluechtlingskinder", 0, "geflüchteten Kindern"),
    ("Wir helfen Zigeunern.", "zigeuner", 0, "Sinti und Roma"),
    # adjective entries take the ending of the adjective they replace
    ("Die dunkelhäutigen Männer gingen.", "dunkelhaeutig", 0, "Schwarzen"),
    ("Ein primitives Volk lebt dort.", "primitiv", 0, "indigenes"),
    ("Die türkischstämmigen Schüler lernen.", "tuerkischstaemmig", 0, "türkeistämmigen"),
]

AMBIGUOUS = [
    # no article and several cases possible, or a clause, not a preposition, before the noun
    ("Asylanten kamen gestern an.", "asylant", 0, "Asylsuchende"),
    ("500 Asylanten warten.", "asylant", 0, "Asylsuchende"),
    ("Seit Asylanten hier wohnen, ist es ruhiger.", "asylant", 0, "Asylsuchende"),
    ("Die Stadt, die Asylanten aufnimmt, wächst.", "asylant", 0, "Asylsuchende"),
    ("Wir stellen Asylanten ein.", "asylant", 0, "Asylsuchende"),
    ("Die Anträge der Asylbewerber liegen vor.", "asylbewerber", 0, "Asylsuchende"),
    ("Die Gemeinde nimmt Flüchtlingskinder auf.", "fluechtlingskinder", 0, "geflüchtete Kinder"),
    ("Er ist Ausländer.", "auslaender", 1, "ausländische Staatsangehörige"),
    # the article stays, so a term of another gender would not agree with it
    ("Der Gastarbeiter blieb in der Stadt.", "gastarbeiter", 0, "angeworbene Arbeitskräfte"),
    ("Im Asylantenheim ist es eng.", "asylantenheim", 0, "Gemeinschaftsunterkunft"),
    ("In der Dritten Welt fehlt Wasser.", "dritte-welt", 0, "Globaler Süden"),
    ("Den Zustrom von Geflüchteten bewältigen wir.", "metapher-strom", 0, "Fluchtbewegung"),
    # coordinated terms have no singular; instructions and sentences are never declined
    ("Ein Zigeuner kam ins Dorf.", "zigeuner", 0, "Sinti und Roma"),
    (
        "Die Integrationsverweigerer werden bestraft.",
        "integrationsverweigerer",
        0,
        "fehlende Teilhabechancen konkret benennen",
    ),
    ("Das Boot ist voll, sagte er.", "das-boot-ist-voll", 0, "Die Aufnahmekapazitäten sind ausgeschöpft"),
    # a compound matched by one of its parts keeps the written form; so do verbs
    ("Den Asylantenfamilien wurde geholfen.", "asylant", 0, "Asylsuchende"),
    ("Asylanten strömen in die Stadt.", "metapher-strom", 0, "Fluchtbewegung"),
]


@pytest.mark.parametrize(("text", "rule", "index", "expected"), CASES)
def test_suggestion_fits_the_sentence(engine, text, rule, index, expected):
    assert suggestion(engine, text, rule, index) == expected


@pytest.mark.parametrize(("text", "rule", "index", "expected"), AMBIGUOUS)
def test_unclear_slots_keep_the_written_form(engine, text, rule, index, expected):
    assert suggestion(engine, text, rule, index) == expected


def test_every_suggestion_is_declined_alike(engine):
    found = engine.check_document(read_text("t.txt", "Wir sprachen mit den Asylanten."))
    assert found[0].suggestions == ("Asylsuchenden", "Geflüchteten", "Schutzsuchenden", "Asylberechtigten")


def test_json_keeps_its_fields(engine):
    finding = engine.check_document(read_text("t.txt", "Ein Asylant kam an."))[0]
    data = finding.to_json()
    assert data["suggestions"] == ["Asylsuchender", "Geflüchteter", "Schutzsuchender", "Asylberechtigter"]
    assert "suggestion" not in data


# --- the tables -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reading", "ending"),
    [
        ((NOM, SG, "m", STRONG), "er"),
        ((NOM, SG, "m", WEAK), "e"),
        ((NOM, SG, "m", MIXED), "er"),
        ((AKK, SG, "n", MIXED), "es"),
        ((AKK, SG, "m", MIXED), "en"),
        ((DAT, SG, "f", STRONG), "er"),
        ((GEN, PL, "", STRONG), "er"),
        ((DAT, PL, "", WEAK), "en"),
        ((NOM, PL, "", STRONG), "e"),
    ],
)
def test_adjective_endings(reading, ending):
    assert adjective_ending(*reading) == ending


def test_coordinated_terms_decline_each_part_and_the_possessive():
    table = inflection_table("Eingewanderte und ihre Nachkommen")
    assert table[(DAT, PL, "", STRONG)] == "Eingewanderten und ihren Nachkommen"
    assert table[(GEN, PL, "", WEAK)] == "Eingewanderten und ihrer Nachkommen"
    assert not any(number == SG for _, number, _, _ in table)


def test_tails_stay_and_adverbs_stay():
    table = inflection_table("irregulär aufhältige Migrantinnen und Migranten")
    assert table[(DAT, PL, "", STRONG)] == "irregulär aufhältigen Migrantinnen und Migranten"
    table = inflection_table("Menschen ohne deutsche Staatsangehörigkeit")
    assert table[(NOM, SG, "m", MIXED)] == "Mensch ohne deutsche Staatsangehörigkeit"
    assert (NOM, SG, "f", MIXED) not in table


@pytest.mark.parametrize(
    "term",
    [
        "Herkunftsland nennen, z. B. Menschen aus Nigeria",
        "die Gruppe mit ihrem Namen nennen",
        "Die Aufnahmekapazitäten sind ausgeschöpft",
        "Menschen, die vor Armut fliehen",
        "Kaffee, Tee und Gewürze",
        "Sinti*zze und Rom*nja",
        "rassistisch",
        "People of Color",
    ],
)
def test_terms_that_are_not_declined(term):
    assert inflection_table(term) is None


def test_quantifiers_have_no_singular():
    assert not any(number == SG for _, number, _, _ in inflection_table("viele Geflüchtete"))


def test_form_readings_of_gender_forms_are_plural():
    readings = form_readings("Migrant")
    assert {number for _, number, _, _ in readings["migrantinnen"]} == {PL}
    assert (NOM, SG, "m", STRONG) in readings["migrant"]


def test_phrase_heads():
    assert phrase_head(["illegale", "Migranten"]) == 1
    assert phrase_head(["Menschen", "mit", "Migrationshintergrund"]) == 0
    assert phrase_head(["mit", "ausländischen", "Wurzeln"]) is None


def test_an_article_of_another_gender_blocks_the_term():
    table = inflection_table("Ankunft")
    readings, marked = context_readings(form_readings("Zustrom")["zustrom"], [], ["den"])
    assert marked and inflect(table, readings, marked) is None
    readings, marked = context_readings(form_readings("Zustrom")["zustrom"], [], ["mit"])
    assert not marked and inflect(table, readings, marked) == "Ankunft"


def test_stored_analyses_keep_their_suggestions(engine, tmp_path):
    from begriffe.entries import Severity
    from begriffe.findings import Located
    from begriffe.memo import Analysis, ParagraphMemo

    key = ("Ein Asylant kam an.", False, False)
    located = Located(engine.entries["asylant"], 4, 11, Severity.ERROR, frozenset(), ("Asylsuchender",))
    memo = ParagraphMemo(engine.entries, tmp_path / "store.pickle")
    memo.put(key, Analysis((located,)))
    memo.save()
    again = ParagraphMemo(engine.entries, tmp_path / "store.pickle").get(key)
    assert again is not None and again.located[0].suggestions == ("Asylsuchender",)
