"""Decline glossary nouns and preferred terms into plain tables when the glossary is compiled.

``form_readings`` tells which readings each form of a glossary noun can have (Asylanten:
genitive, dative or accusative singular, any case plural); ``inflection_table`` lists a preferred
term's forms by reading („irregulär aufhältige Migrantinnen und Migranten“ → dative plural
„irregulär aufhältigen Migrantinnen und Migranten“). Both use the ``german-nouns`` paradigms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from begriffe import lexicon
from begriffe.inflection import (
    ALL_READINGS,
    DAT,
    DECLENSIONS,
    DETERMINERS,
    GEN,
    NOM,
    PL,
    PLURAL_QUANTIFIERS,
    PREPOSITIONS,
    SG,
    STRONG,
    WEAK,
    Reading,
    adjective_ending,
    ending_of,
)
from begriffe.normalize import normalize

# A preferred term with one of these words is an instruction („Herkunftsland nennen“), not a word.
INSTRUCTIONS = frozenset({"nennen", "benennen", "weglassen", "beschreiben", "einordnen"})
CONJUNCTIONS = frozenset({"und", "oder"})
POSSESSIVES = frozenset({"ihre", "seine", "unsere"})
PRONOUNS = frozenset({"es", "sie", "er", "wir", "ihr", "man"})
PLURAL_DETERMINER_ENDINGS = {NOM: "e", GEN: "er", DAT: "en"}
TRAILING = ",;:.)"


@dataclass(frozen=True, slots=True)
class Noun:
    """A head noun: regular (``paradigm``) or adjectival (``stem`` plus adjective ending)."""

    paradigm: lexicon.Paradigm | None
    stem: str
    nominative: tuple[tuple[str, str], ...]  # (number, gender) the given form has as a nominative

    @property
    def gender(self) -> str:
        """Grammatical gender of a regular noun; "" for an adjectival one (it follows the person)."""
        return self.paradigm.gender if self.paradigm is not None else ""

    def form(self, case: str, number: str, gender: str, declension: str) -> str | None:
        """The form for a reading (``gender`` only matters for adjectival nouns)."""
        if self.paradigm is None:
            return self.stem + adjective_ending(case, number, gender, declension)
        forms = self.paradigm.forms.get((case, number))
        return forms[0] if forms else None


def head_noun(word: str) -> Noun | None:
    """How a capitalised noun given in the nominative declines, if the lexicon knows it."""
    if not word[:1].isupper() or not word.replace("-", "").isalpha():
        return None
    if lexicon.adjectival_noun(word):
        for ending, number, gender in (("er", SG, "m"), ("e", PL, "")):
            if word.endswith(ending):
                return Noun(None, word[: -len(ending)], ((number, gender),))
        return None
    found = _paradigm(word)
    if found is None or found.gender not in ("m", "f", "n"):
        return None
    nominative = tuple((n, found.gender if n == SG else "") for n in (SG, PL) if word in found.forms.get((NOM, n), ()))
    return Noun(found, "", nominative) if nominative else None


def _paradigm(word: str) -> lexicon.Paradigm | None:
    """The lexicon's paradigm; feminine plurals it lacks (Spätaussiedlerinnen) are regular."""
    found = lexicon.paradigm(lexicon.noun_lemma(word))
    if found is None and word.endswith("innen"):
        singular = word[:-3]
        return lexicon.Paradigm(
            singular, "f", {(c, n): (singular if n == SG else word,) for c in lexicon.CASES for n in (SG, PL)}
        )
    return found


def form_readings(word: str) -> dict[str, frozenset[Reading]]:
    """Every normalized form of a glossary noun (Migrant, Migrant*innen, Geduldete) with its readings."""
    plain = normalize(word)
    lemma = lexicon.noun_lemma(word if plain == word.lower() else plain.capitalize())
    out: dict[str, set[Reading]] = {}
    if lexicon.adjectival_noun(lemma):
        stem = lemma.lower().removesuffix("r").removesuffix("e")
        for reading in ALL_READINGS:
            if reading[2] != "n":
                out.setdefault(stem + adjective_ending(*reading), set()).add(reading)
    elif (found := _paradigm(lemma)) is not None:
        feminine = lexicon.feminine(lemma) if found.gender == "m" else None
        for paradigm in (found, feminine):
            if paradigm is None or paradigm.gender not in ("m", "f", "n"):
                continue
            for (case, number), forms in paradigm.forms.items():
                gender = paradigm.gender if number == SG else ""
                for form in forms:
                    out.setdefault(normalize(form), set()).update((case, number, gender, d) for d in DECLENSIONS)
    return {form: frozenset(readings) for form, readings in out.items()}


def phrase_head(words: Sequence[str]) -> int | None:
    """Index of the head noun of a glossary phrase („illegale Migranten“ → 1), if it has one."""
    for i, word in enumerate(words):
        if word.lower() in DETERMINERS or word.lower() in PREPOSITIONS:
            return None
        if not _before_head(words, i):
            return i if form_readings(word) else None
        if ending_of(word.lower()) is None:
            return None
    return None


def _before_head(words: Sequence[str], i: int) -> bool:
    """Whether word ``i`` stands before the head: lowercase, or a capitalised adjective („Schwarze Menschen“)."""
    word = words[i]
    if word.lower() in DETERMINERS or word.lower() in PREPOSITIONS or word in CONJUNCTIONS:
        return False
    if not word[:1].isupper():
        return True
    following = words[i + 1] if i + 1 < len(words) else ""
    return following[:1].isupper() and ending_of(word.lower()) is not None


@dataclass(frozen=True, slots=True)
class _Conjunct:
    """Token indices of one coordinated noun phrase: possessive, attributive adjectives, head."""

    possessive: int | None
    adjectives: tuple[int, ...]
    head: int
    noun: Noun


def inflection_table(preferred: str) -> dict[Reading, str] | None:
    """Forms of a preferred term by reading; None if it is not a noun phrase begriffe can decline.

    A term is conjuncts joined by „und“/„oder“, each ``[possessive] [adverb | adjective]* noun``,
    then a tail that stays as it is („ohne deutsche Staatsangehörigkeit“, „(wenn belegt)“).
    Coordinated terms („Sinti und Roma“) decline only in the plural; relative clauses and
    instructions („Herkunftsland nennen“) not at all.
    """
    if any(word.strip("(),.").lower() in INSTRUCTIONS for word in preferred.split()):
        return None
    spans = [(m.start(), m.group()) for m in re.finditer(r"\S+", preferred)]
    tokens = [text for _, text in spans]
    conjuncts = _conjuncts(tokens)
    if conjuncts is None:
        return None
    table: dict[Reading, str] = {}
    forms: dict[str, str] = {}  # one object per form, so the pickled table stays small
    for reading in ALL_READINGS:
        words = _declined(conjuncts, tokens, reading)
        if words is not None:
            form = _join(preferred, spans, words)
            table[reading] = forms.setdefault(form, form)
    return table or None


def _conjuncts(tokens: list[str]) -> list[_Conjunct] | None:
    out: list[_Conjunct] = []
    i = 0
    while True:
        possessive = None
        if out and i < len(tokens) and tokens[i].lower() in POSSESSIVES:
            possessive, i = i, i + 1
        start = i
        while i < len(tokens) and tokens[i].rstrip(TRAILING) == tokens[i] and _before_head(tokens, i):
            i += 1
        if i >= len(tokens):
            return None
        word = tokens[i].rstrip(TRAILING)
        noun = None if _function_word(word) or tokens[i][len(word) :].startswith(",") else head_noun(word)
        adjectives = None if noun is None else _adjectives(tokens, start, i, noun)
        if noun is None or adjectives is None:
            return None
        out.append(_Conjunct(possessive, adjectives, i, noun))
        if word == tokens[i] and i + 2 < len(tokens) and tokens[i + 1] in CONJUNCTIONS:
            i += 2
            continue
        return out if word != tokens[i] or _starts_tail(tokens, i + 1) else None


def _function_word(word: str) -> bool:
    lower = word.lower()
    return lower in DETERMINERS or lower in PREPOSITIONS or lower in PRONOUNS


def _starts_tail(tokens: list[str], i: int) -> bool:
    """Whether the words from ``i`` on can follow the head unchanged: nothing, a prepositional
    phrase, a genitive („der Eltern“, „binationaler Paare“), a number or a remark in brackets."""
    if i >= len(tokens):
        return True
    word, following = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else ""
    if word.lower() in PREPOSITIONS or word.lower() in DETERMINERS or word[:1] in "(§" or word[:1].isdigit():
        return True
    return word.islower() and ending_of(word) is not None and following[:1].isupper()


def _adjectives(tokens: list[str], start: int, head: int, noun: Noun) -> tuple[int, ...] | None:
    """Attributive adjectives before the head; other words there are adverbs („irregulär aufhältige“)."""
    expected = {adjective_ending(NOM, number, gender, STRONG) for number, gender in noun.nominative}
    found = tuple(i for i in range(start, head) if ending_of(tokens[i].lower()) in expected)
    if head > start and head - 1 not in found:
        return None
    return found


def _declined(conjuncts: list[_Conjunct], tokens: list[str], reading: Reading) -> dict[int, str] | None:
    """The declined words by token index for ``reading``, or None where the term cannot fill it."""
    case, number, gender, declension = reading
    if number == SG and (len(conjuncts) > 1 or any(_quantifier(tokens[i]) for c in conjuncts for i in c.adjectives)):
        return None
    out = {}
    for conjunct in conjuncts:
        noun = conjunct.noun
        if (number == SG and (noun.gender or gender) != gender) or (noun.paradigm is None and gender == "n"):
            return None
        strength = declension
        if conjunct.possessive is not None:
            word = tokens[conjunct.possessive]
            out[conjunct.possessive] = word[:-1] + PLURAL_DETERMINER_ENDINGS.get(case, "e")
            strength = WEAK
        for i in conjunct.adjectives:
            word = tokens[i]
            out[i] = word[: -len(ending_of(word.lower()) or "")] + adjective_ending(case, number, gender, strength)
        form = noun.form(case, number, gender, strength)
        if form is None:
            return None
        out[conjunct.head] = form
    return out


def _quantifier(word: str) -> bool:
    """„viele“, „zahlreiche“: adjectives that only go with a plural."""
    return word.lower()[: -len(ending_of(word.lower()) or "")] in PLURAL_QUANTIFIERS


def _join(preferred: str, spans: list[tuple[int, str]], words: dict[int, str]) -> str:
    """``preferred`` with the words at the given token indices replaced (punctuation kept)."""
    parts, last = [], 0
    for i, (start, text) in enumerate(spans):
        if i in words:
            parts += [preferred[last:start], words[i]]
            last = start + len(text.rstrip(TRAILING))
    return "".join([*parts, preferred[last:]])
