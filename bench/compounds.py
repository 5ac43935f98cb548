"""Compare begriffe's compound analysis with the HanTa morphological analyser.

Gold list: German compounds and look-alikes, each with the glossary entry it belongs to
("" for look-alikes). HanTa's parts are mapped to the same entries (longest glossary form
made of adjacent parts), so both are judged by the question the linter has to answer. Prints accuracy and time per word for both approaches and writes
the figures to bench/compounds-results.md. HanTa is optional (``pip install HanTa``).

    python bench/compounds.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from begriffe.compiled import load_compiled, load_lexicon
from begriffe.morphology import WordAnalyzer, normalize

# word → glossary entry a careful reader files it under ("" = none: a look-alike or unrelated word)
GOLD = {
    "Asylantenheim": "asylantenheim", "Asylantenunterkunft": "asylantenheim", "Scheinasylant": "scheinasylant",
    "Asylantrag": "asylverfahren", "Asylantragsteller": "asylantragstellende", "Erstasylantrag": "",
    "Flüchtlingsunterkunft": "fluechtlingsunterkunft", "Flüchtlingsunterkünften": "fluechtlingsunterkunft",
    "Kriegsflüchtlinge": "fluechtling", "Bürgerkriegsflüchtling": "fluechtling", "Klimaflüchtlinge": "fluechtling",
    "Hunderasse": "", "Rassehund": "", "Rasselbande": "", "Terrasse": "", "Rassentheorie": "rasse",
    "Menschenrassen": "rasse", "Mischlingskind": "mischling", "Mischlingshund": "",
    "Ausländerbehörde": "auslaenderbehoerde", "Ausländerbehördenleiterin": "auslaenderbehoerde",
    "Ausländeranteil": "auslaenderanteil", "Zigeunerlager": "zigeuner",
    "Migrantinnenorganisationen": "migrantenorganisationen", "Migrantenkinder": "migrantenkinder",
    "Stammtisch": "", "Stammzellen": "", "Stammkunden": "", "Heimatverein": "", "Fremdsprache": "",
    "Integrationskurs": "integrationskurs", "Integrationsbeauftragte": "integrationsbeauftragte",
    "Asylbewerberleistungsgesetz": "asylbewerberleistungsgesetz", "Wirtschaftsflüchtlinge": "wirtschaftsfluechtling",
    "Flüchtlingswelle": "fluechtlingswelle", "Asylbewerberunterkunft": "asylbewerber", "Zigeunerschnitzel": "zigeunerschnitzel",
}


def begriffe_reading(analyzer: WordAnalyzer, word: str) -> str:
    """The entry begriffe files ``word`` under ("" for none or an exception)."""
    hit = analyzer.analyze(normalize(word))
    return hit.rule if hit is not None else ""


def hanta_reading(tagger, patterns, word: str) -> str:
    """The glossary entry HanTa's parts point to: the whole word, or the longest first or last
    run of parts that is a glossary form allowed in that position (same compound rules as ours)."""
    _lemma, parts, _pos = tagger.analyze(word, taglevel=3)
    pieces = [p for p, _tag in parts]
    whole = normalize(word)
    if patterns.exact.get(whole):
        return patterns.exact[whole]
    best, rule = "", ""
    for i in range(len(pieces)):
        for j in range(i + 1, len(pieces) + 1):
            joined = "".join(pieces[i:j])
            if i == 0 and j < len(pieces):
                table = patterns.modifiers
            elif j == len(pieces) and i > 0:
                table = patterns.heads
            else:
                continue
            if table.get(joined) and len(joined) > len(best):
                best, rule = joined, table[joined]
    return rule


def main() -> int:
    compiled = load_compiled()
    analyzer = WordAnalyzer(compiled.patterns, load_lexicon)
    analyzer.is_head("vorwärmen")  # load the word list before timing
    start = time.perf_counter()
    ours = {w: begriffe_reading(analyzer, w) for w in GOLD}
    ours_time = (time.perf_counter() - start) / len(GOLD)
    lines = ["# Zerlegung von Zusammensetzungen: begriffe vs. HanTa", "", f"{len(GOLD)} Wörter (Komposita und Doppelgänger).", ""]
    ok = sum(ours[w] == gold for w, gold in GOLD.items())
    lines.append(f"- begriffe (Wortliste + Fugenregeln): {ok}/{len(GOLD)} richtig, {ours_time * 1e6:.0f} µs je Wort (ohne Cache)")
    try:
        from HanTa import HanoverTagger
    except ImportError:
        lines.append("- HanTa: nicht installiert (`pip install HanTa`), Vergleich übersprungen")
    else:
        t0 = time.perf_counter()
        tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        load = time.perf_counter() - t0
        start = time.perf_counter()
        theirs = {w: hanta_reading(tagger, compiled.patterns, w) for w in GOLD}
        their_time = (time.perf_counter() - start) / len(GOLD)
        ok_h = sum(theirs[w] == gold for w, gold in GOLD.items())
        lines.append(f"- HanTa: {ok_h}/{len(GOLD)} richtig, {their_time * 1e6:.0f} µs je Wort, {load:.2f} s Laden des Modells")
        lines += ["", "| Wort | erwartet | begriffe | HanTa |", "|---|---|---|---|"]
        lines = [line.replace("HanTa: ", "HanTa (Teile auf Glossarformen abgebildet): ") for line in lines]
        for w, gold in GOLD.items():
            lines.append(f"| {w} | {gold or '–'} | {ours[w] or '–'} | {theirs[w] or '–'} |")
    text = "\n".join(lines) + "\n"
    print(text)
    Path(__file__).with_name("compounds-results.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
