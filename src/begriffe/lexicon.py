"""German word data from packaged lexicons, used when the glossary is compiled.

Two sources, both shipped on PyPI and read offline:

* ``german-nouns`` (Wiktionary): full case/number paradigms of ~100,000 nouns, with gender and
  adjectival declension — used to inflect glossary nouns and suggestions;
* ``spacy-lookups-data``: spaCy's German lookup lemmatizer table (form → lemma) — used for
  adjectives, verbs and function words, and as a word list for compound splitting.
"""

from __future__ import annotations

import csv
import gzip
import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from importlib.resources import files
from pathlib import Path

DATA_FILES = (("german_nouns", "nouns.csv"), ("spacy_lookups_data", "data/de_lemma_lookup.json.gz"))
CASES = ("nominativ", "genitiv", "dativ", "akkusativ")
NUMBERS = ("singular", "plural")
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
NOUN_FALLBACK_ENDINGS = ("s", "es", "e", "en", "n", "er", "ern", "ns")


@dataclass(frozen=True, slots=True)
class Paradigm:
    """A noun's forms by (case, number); ``adjectival`` for nouns like „Geflüchtete“."""

    lemma: str
    gender: str
    forms: dict[tuple[str, str], tuple[str, ...]]
    adjectival: bool = False

    def all_forms(self) -> set[str]:
        """Every form, in the lexicon's spelling."""
        return {f for forms in self.forms.values() for f in forms}


def versions() -> str:
    """Identity of the lexicon data files (part of the cache key): path, size and modification
    time change with every installed version, and finding them imports nothing."""
    parts = []
    for package, name in DATA_FILES:
        path = _package_dir(package)
        path = path / name if path is not None else None
        try:
            info = path.stat() if path is not None else None
        except OSError:
            info = None
        parts.append(f"{package}: {path} {info.st_size if info else '-'} {info.st_mtime_ns if info else '-'}")
    return "; ".join(parts)


@cache
def _package_dir(package: str) -> Path | None:
    """Directory of an installed package, without importing it (german_nouns is a namespace package)."""
    spec = find_spec(package)
    if spec is None:
        return None
    if spec.origin and spec.origin not in ("namespace", "built-in"):
        return Path(spec.origin).parent
    locations = list(spec.submodule_search_locations or ())
    return Path(locations[0]) if locations else None


@cache
def _noun_rows() -> dict[str, list[Paradigm]]:
    path = Path(str(files("german_nouns").joinpath("nouns.csv")))
    out: dict[str, list[Paradigm]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        columns = []
        for i, name in enumerate(header):
            parts = name.split()
            if len(parts) >= 2 and parts[0] in CASES and parts[1].rstrip("*") in NUMBERS:
                columns.append((i, parts[0], parts[1].rstrip("*")))
        gender_col = header.index("genus")
        for row in reader:
            if not row or "Substantiv" not in row[1]:
                continue
            forms: dict[tuple[str, str], list[str]] = defaultdict(list)
            for i, case, number in columns:
                value = row[i].strip()
                if value and value not in forms[(case, number)]:
                    forms[(case, number)].append(value)
            if not forms:
                continue
            gender = row[gender_col] or next((g for g in row[gender_col + 1 : gender_col + 5] if g), "")
            out[row[0]].append(
                Paradigm(row[0], gender, {k: tuple(v) for k, v in forms.items()}, "adjektivische" in row[1])
            )
    return dict(out)


@cache
def _lemma_table() -> dict[str, str]:
    path = Path(str(files("spacy_lookups_data").joinpath("data", "de_lemma_lookup.json.gz")))
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@cache
def _forms_by_lemma() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for form, lemma in _lemma_table().items():
        out[lemma.lower()].add(form.lower())
    return dict(out)


def spacy_lemma(form: str) -> str | None:
    """spaCy's lookup lemma of ``form`` (tries the given case, then capitalised, then lower)."""
    table = _lemma_table()
    for variant in (form, form[:1].upper() + form[1:], form.lower()):
        if variant in table:
            return table[variant]
    return None


def spacy_forms(lemma: str) -> set[str]:
    """All lowercase forms spaCy's table maps to ``lemma``."""
    return set(_forms_by_lemma().get(lemma.lower(), ()))


def paradigm(noun: str) -> Paradigm | None:
    """Paradigm of ``noun``; for unknown compounds, built from the longest known head noun."""
    rows = _noun_rows()
    if noun in rows:
        return _best(rows[noun])
    split = _split_known_head(noun)
    if split is None:
        return None
    prefix, head = split
    base = _best(rows[head])
    return Paradigm(noun, base.gender, _prefixed(prefix, base), base.adjectival)


def feminine(noun: str) -> Paradigm | None:
    """The feminine person noun (Migrant → Migrantin) if the lexicon knows it or its head."""
    rows = _noun_rows()
    for candidate in _feminine_spellings(noun):
        if candidate in rows:
            return _best(rows[candidate])
    split = _split_known_head(noun)
    if split is None:
        return None
    prefix, head = split
    for candidate in _feminine_spellings(head):
        if candidate in rows:
            return Paradigm(prefix + candidate, "f", _prefixed(prefix, _best(rows[candidate])))
    return None


def _feminine_spellings(noun: str) -> tuple[str, ...]:
    """Verweigerer → Verweigerin; Migrant → Migrantin."""
    if noun.endswith("erer"):
        return (noun[:-2] + "in", noun + "in")
    return (noun + "in",)


def _split_known_head(noun: str) -> tuple[str, str] | None:
    """(prefix, Head) where Head is a lexicon noun of ≥ 4 letters and prefix a known word part."""
    rows = _noun_rows()
    for i in range(3, len(noun) - 3):
        prefix, rest = noun[:i], noun[i:]
        head = rest[:1].upper() + rest[1:]
        if head in rows and _is_word_part(prefix.rstrip("-")):
            return prefix, head
    return None


def _is_word_part(prefix: str) -> bool:
    lower = prefix.lower()
    known = _known_lower()
    if lower in known:
        return True
    return any(lower.endswith(link) and lower[: -len(link)] in known for link in ("s", "es", "n", "en", "e", "er", "ns"))


@cache
def _known_lower() -> frozenset[str]:
    return frozenset(k.lower() for k in _noun_rows()) | frozenset(_forms_by_lemma())


def _prefixed(prefix: str, base: Paradigm) -> dict[tuple[str, str], tuple[str, ...]]:
    if prefix.endswith("-"):
        return {k: tuple(prefix + f for f in v) for k, v in base.forms.items()}
    return {k: tuple(prefix + f[:1].lower() + f[1:] for f in v) for k, v in base.forms.items()}


def _best(candidates: list[Paradigm]) -> Paradigm:
    """The first full paradigm (Wiktionary lists the main meaning first); a person noun with
    adjectival declension (der/die Deutsche) wins, since the glossary is about people."""
    for p in candidates:
        if p.adjectival:
            return p
    for p in candidates:
        if len(p.all_forms()) >= 2:
            return p
    return candidates[0]


def noun_lemma(noun: str) -> str:
    """Nominative singular of a noun given in any form (Migrantenorganisationen → …organisation)."""
    if noun in _noun_rows():
        return noun
    known = _noun_lemmas()
    if noun in known:
        return known[noun]
    for i in range(3, len(noun) - 3):
        prefix, rest = noun[:i], noun[i:]
        head = rest[:1].upper() + rest[1:]
        if head in known and known[head] != head and _is_word_part(prefix.rstrip("-")):
            lemma = known[head]
            return prefix + (lemma if prefix.endswith("-") else lemma[:1].lower() + lemma[1:])
    return noun


def noun_forms(noun: str) -> set[str]:
    """Lowercase inflected forms of a noun, its feminine form included where it exists."""
    out = {noun.lower()}
    noun = noun_lemma(noun)
    found = paradigm(noun)
    if found is not None and found.adjectival:
        stem = _adjectival_stem(noun.lower())
        out |= {f.lower() for f in found.all_forms()} | {stem + ending for ending in ADJECTIVE_ENDINGS}
    elif found is not None:
        out |= {f.lower() for f in found.all_forms()}
        fem = feminine(noun) if found.gender in ("m", "") else None
        if fem is not None:
            out |= {f.lower() for f in fem.all_forms()}
        elif found.gender == "m" and _looks_like_person(noun) and not noun.endswith("ling"):
            base = _feminine_spellings(noun)[0].lower()
            out |= {base, base + "nen"}
    elif noun.endswith("e") and _looks_adjectival(noun):
        stem = _adjectival_stem(noun.lower())
        out |= {stem + ending for ending in ADJECTIVE_ENDINGS}
    else:
        out |= {noun.lower() + ending for ending in NOUN_FALLBACK_ENDINGS}
        if _looks_like_person(noun):
            out |= {noun.lower() + "in", noun.lower() + "innen"}
    out |= spacy_forms(noun)
    return out


def adjectival_noun(noun: str) -> bool:
    """Whether a noun declines like an adjective (der Geflüchtete, ein Geflüchteter)."""
    found = paradigm(noun_lemma(noun))
    if found is not None:
        return found.adjectival
    return noun.endswith(("e", "er")) and _looks_adjectival(noun.removesuffix("r"))


def _adjectival_stem(noun: str) -> str:
    """Geflüchteter → geflüchtet, Einheimische → einheimisch."""
    for ending in ("er", "e"):
        if noun.endswith(ending):
            return noun[: -len(ending)]
    return noun


def adjective_forms(adjective: str) -> set[str]:
    """Lowercase declined forms of an adjective (dunkelhäutig → dunkelhäutige, …)."""
    base = adjective.lower()
    stem = base[:-1] if base.endswith("e") else base
    out = {base} | {stem + ending for ending in ADJECTIVE_ENDINGS}
    out |= spacy_forms(adjective)
    return out


def word_forms(word: str, *, verb: bool = False) -> set[str]:
    """Forms of any single word: nouns by paradigm, others by spaCy's table and endings."""
    if verb:
        return {word.lower()} | spacy_forms(word)
    if word[:1].isupper():
        return noun_forms(word)
    if word.isalpha() and len(word) > 3:
        return adjective_forms(word) | spacy_forms(word)
    return {word.lower()} | spacy_forms(word)


def base_form(word: str) -> str:
    """Dictionary form of an inflected word (Migranten → Migrant, kriminellen → kriminell).

    Capitalised words are looked up as nouns; anything else (and capitalised adjectives such as
    the „Großer“ of „Großer Austausch“) goes through spaCy's table or loses its adjective ending.
    """
    if word[:1].isupper():
        found = _noun_lemmas().get(word)
        if found:
            return found
    lower = word.lower()
    table = _lemma_table()
    if lower in table and table[lower][:1].islower():
        return table[lower]
    for ending in ("em", "en", "er", "es", "e"):
        stem = lower[: -len(ending)]
        if lower.endswith(ending) and len(stem) >= 4 and (stem in _forms_by_lemma() or stem.endswith(ADJECTIVE_SUFFIXES)):
            return stem
    return word if word[:1].isupper() and lower not in table else lower


ADJECTIVE_SUFFIXES = ("ig", "isch", "lich", "ell", "al", "iv", "bar", "los", "sam", "haft", "deutsch", "fremd", "end")


@cache
def _noun_lemmas() -> dict[str, str]:
    out: dict[str, str] = {}
    for lemma, rows in _noun_rows().items():
        for form in _best(rows).all_forms():
            out.setdefault(form, lemma)
    for lemma in _noun_rows():
        out[lemma] = lemma
    return out


def compound_lexicon() -> frozenset[str]:
    """Lowercase German words for checking the parts of compounds."""
    words = set()
    for form, lemma in _lemma_table().items():
        if len(form) > 2:
            words.add(form.lower())
        if len(lemma) > 2:
            words.add(lemma.lower())
    for rows in _noun_rows().values():
        for p in rows:
            words |= {f.lower() for f in p.all_forms() if len(f) > 2}
    return frozenset(w for w in words if w.replace("-", "").isalpha())


def _looks_adjectival(noun: str) -> bool:
    return noun.endswith(("nde", "te", "ige", "ische", "le", "ene"))


def _looks_like_person(noun: str) -> bool:
    return noun.endswith(("er", "ant", "ent", "ist", "at", "or", "eur", "ier", "ling"))
