#!/usr/bin/env python3
"""Prüft tests/corpus/passages.jsonl (nur Standardbibliothek).

Geprüft wird:
  - jede Zeile ist ein JSON-Objekt mit id, genre, text, expect und tags;
  - ids sind eindeutig und haben die Form c0001;
  - genre ist eine der erlaubten Textsorten, tags stammen aus der festen Liste;
  - für jedes expect-Element gilt text[start:end] == span (Python-Codepunkte);
  - entry ist eine Kennung aus glossary/*.yaml oder ein Muster aus rules/compounds.yaml;
  - flag: true hat severity (error|warning|info), flag: false hat why und keine severity;
  - kein Element doppelt, kein Text doppelt, „sauber“ genau dann, wenn expect leer ist.

Aufruf:  python3 tests/corpus/check_corpus.py [--stats] [--corpus PFAD] [--root REPO]
Exit-Code 0: keine Fehler; 1: Fehler gefunden; 2: Datei fehlt.
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

GENRES = {"kommunal", "presse", "forum", "recht", "web"}
SEVERITIES = {"error", "warning", "info"}
TAGS = {
    # Beugung
    "nom-sg", "gen-sg", "dat-sg", "akk-sg", "nom-pl", "gen-pl", "dat-pl", "akk-pl",
    # Schreibung und Genderformen
    "versalien", "gender-doppelpunkt", "gender-stern", "gender-unterstrich", "gender-binnen-i",
    "gender-schraegstrich", "gender-feminin", "gender-paarform",
    # Wortbildung
    "kompositum-kopf", "kompositum-bestimmungswort", "kompositum-bindestrich", "adjektiv", "wendung",
    # Doppelgänger, Recht, Statistik
    "doppelgaenger", "recht", "behoerde", "statistik",
    # Erwähnung und Zitat
    "zitat", "sogenannt", "erwaehnung", "titel", "distanzierung", "anfuehrung-zustimmend", "indirekte-rede",
    # Geschichte, Bilder, Bedingungen
    "historisch", "fehlanwendung", "metapher-getrennt", "metapher-zusammengesetzt", "metapher-verb",
    "bedingung",
    # sauberer Text
    "sauber",
}
ID_RE = re.compile(r"^c\d{4}$")
# „- id: asylant“ am Zeilenanfang: Glossareinträge und Muster in rules/compounds.yaml
YAML_ID_RE = re.compile(r"^- id:\s*['\"]?([a-z0-9][a-z0-9-]*)['\"]?\s*(?:#.*)?$")


def known_entries(root: Path) -> set[str]:
    ids: set[str] = set()
    files = sorted((root / "glossary").glob("*.yaml")) + [root / "rules" / "compounds.yaml"]
    for path in files:
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            m = YAML_ID_RE.match(line)
            if m:
                ids.add(m.group(1))
    return ids


def check(corpus: Path, root: Path, stats: bool) -> int:
    if not corpus.is_file():
        print(f"{corpus}: Datei nicht gefunden", file=sys.stderr)
        return 2
    entries = known_entries(root)
    if not entries:
        print(f"{root}: keine Glossarkennungen gefunden", file=sys.stderr)
        return 2

    errors: list[str] = []
    seen_ids: dict[str, int] = {}
    seen_texts: dict[str, str] = {}
    records = []

    for lineno, line in enumerate(corpus.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{corpus.name}:{lineno}"
        if not line.strip():
            errors.append(f"{where}: leere Zeile")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: kein gültiges JSON ({exc.msg}, Spalte {exc.colno})")
            continue
        if not isinstance(rec, dict):
            errors.append(f"{where}: kein JSON-Objekt")
            continue
        missing = [k for k in ("id", "genre", "text", "expect", "tags") if k not in rec]
        if missing:
            errors.append(f"{where}: Felder fehlen: {', '.join(missing)}")
            continue
        extra = set(rec) - {"id", "genre", "text", "expect", "tags"}
        if extra:
            errors.append(f"{where}: unbekannte Felder: {', '.join(sorted(extra))}")
        pid, text, expect, tags = rec["id"], rec["text"], rec["expect"], rec["tags"]
        where = f"{corpus.name}:{lineno} ({pid})"

        if not isinstance(pid, str) or not ID_RE.match(pid):
            errors.append(f"{where}: id muss die Form c0001 haben")
        elif pid in seen_ids:
            errors.append(f"{where}: id doppelt (schon in Zeile {seen_ids[pid]})")
        else:
            seen_ids[pid] = lineno
        if rec["genre"] not in GENRES:
            errors.append(f"{where}: unbekanntes genre {rec['genre']!r}")
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: text fehlt oder ist leer")
            continue
        if text != text.strip() or "\n" in text:
            errors.append(f"{where}: text hat Leerraum am Rand oder einen Zeilenumbruch")
        if text in seen_texts:
            errors.append(f"{where}: text doppelt (schon {seen_texts[text]})")
        seen_texts[text] = str(pid)
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            errors.append(f"{where}: tags muss eine Liste von Zeichenketten sein")
            tags = []
        for t in tags:
            if t not in TAGS:
                errors.append(f"{where}: unbekanntes Tag {t!r}")
        if len(set(tags)) != len(tags):
            errors.append(f"{where}: Tag doppelt")
        if not isinstance(expect, list):
            errors.append(f"{where}: expect muss eine Liste sein")
            continue
        if ("sauber" in tags) != (len(expect) == 0):
            errors.append(f"{where}: Tag „sauber“ genau dann, wenn expect leer ist")

        seen_items = set()
        last_start = -1
        for n, item in enumerate(expect, 1):
            iw = f"{where} expect[{n}]"
            if not isinstance(item, dict):
                errors.append(f"{iw}: kein Objekt")
                continue
            need = ["span", "start", "end", "entry", "flag"]
            miss = [k for k in need if k not in item]
            if miss:
                errors.append(f"{iw}: Felder fehlen: {', '.join(miss)}")
                continue
            span, start, end, entry, flag = (item[k] for k in need)
            if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
                errors.append(f"{iw}: start/end müssen ganze Zahlen sein")
                continue
            if not (0 <= start < end <= len(text)):
                errors.append(f"{iw}: start/end außerhalb des Textes ({start}, {end})")
                continue
            if text[start:end] != span:
                errors.append(f"{iw}: text[{start}:{end}] = {text[start:end]!r}, erwartet {span!r}")
            if start < last_start:
                errors.append(f"{iw}: Elemente nicht nach start sortiert")
            last_start = start
            if entry not in entries:
                errors.append(f"{iw}: unbekannte Kennung {entry!r} (nicht in glossary/*.yaml oder rules/compounds.yaml)")
            if not isinstance(flag, bool):
                errors.append(f"{iw}: flag muss true oder false sein")
            elif flag:
                if item.get("severity") not in SEVERITIES:
                    errors.append(f"{iw}: flag true braucht severity error|warning|info")
                if "why" in item:
                    errors.append(f"{iw}: why nur bei flag false")
            else:
                if not isinstance(item.get("why"), str) or not item["why"].strip():
                    errors.append(f"{iw}: flag false braucht eine Begründung in why")
                if "severity" in item:
                    errors.append(f"{iw}: severity nur bei flag true")
            allowed = {"span", "start", "end", "entry", "flag", "severity", "why"}
            if set(item) - allowed:
                errors.append(f"{iw}: unbekannte Felder: {', '.join(sorted(set(item) - allowed))}")
            key = (start, end, entry)
            if key in seen_items:
                errors.append(f"{iw}: Element doppelt")
            seen_items.add(key)
        records.append(rec)

    for e in errors:
        print(e)

    n_true = sum(1 for r in records for i in r["expect"] if i.get("flag") is True)
    n_false = sum(1 for r in records for i in r["expect"] if i.get("flag") is False)
    n_clean = sum(1 for r in records if not r["expect"])
    print(f"{len(records)} Passagen, {n_true} Treffer (flag true), {n_false} Fallen (flag false), "
          f"{n_clean} saubere Passagen, {len(errors)} Fehler")

    if stats:
        genres = collections.Counter(r["genre"] for r in records)
        print("\nTextsorten:", ", ".join(f"{g} {n}" for g, n in sorted(genres.items())))
        sev = collections.Counter(i["severity"] for r in records for i in r["expect"] if i.get("flag") is True)
        print("Schweregrade:", ", ".join(f"{s} {n}" for s, n in sorted(sev.items())))
        tagc = collections.Counter(t for r in records for t in r["tags"])
        print("\nTag                          Passagen")
        for t, n in sorted(tagc.items(), key=lambda x: (-x[1], x[0])):
            print(f"  {t:27} {n:4}")
        per = collections.defaultdict(lambda: [0, 0])
        for r in records:
            for i in r["expect"]:
                per[i["entry"]][0 if i.get("flag") else 1] += 1
        print("\nKennung                                   true false")
        for k in sorted(per):
            print(f"  {k:40} {per[k][0]:4} {per[k][1]:5}")
    return 1 if errors else 0


def main() -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description="Prüft das Evaluationskorpus tests/corpus/passages.jsonl.")
    ap.add_argument("--corpus", type=Path, default=here / "passages.jsonl")
    ap.add_argument("--root", type=Path, default=here.parent.parent, help="Wurzel des Repositorys")
    ap.add_argument("--stats", action="store_true", help="Zählungen je Textsorte, Tag und Kennung ausgeben")
    args = ap.parse_args()
    return check(args.corpus, args.root, args.stats)


if __name__ == "__main__":
    sys.exit(main())
