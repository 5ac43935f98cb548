"""Choose the form of a preferred term that fits the sentence (pure functions and tables).

A reading is (case, number, gender, declension): „den Asylanten“ reads as accusative singular
masculine or dative plural, both after a definite article (weak declension). The words before a
match narrow the readings its form allows (``context_readings``); a preferred term is then
inflected only if all readings left give the same form (``inflect``), else it stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

Reading = tuple[str, str, str, str]  # (case, number, gender, declension); gender "" in the plural

NOM, GEN, DAT, AKK = CASES = ("nominativ", "genitiv", "dativ", "akkusativ")
SG, PL = "singular", "plural"
STRONG, WEAK, MIXED = DECLENSIONS = ("stark", "schwach", "gemischt")
GENDERS = ("m", "f", "n")
ALL_READINGS: tuple[Reading, ...] = tuple(
    (case, number, gender, declension)
    for case in CASES
    for number, genders in ((SG, GENDERS), (PL, ("",)))
    for gender in genders
    for declension in DECLENSIONS
)
ENDINGS = ("em", "en", "er", "es", "e")

_STRONG_ENDINGS = {
    ("m", NOM): "er", ("m", GEN): "en", ("m", DAT): "em", ("m", AKK): "en",
    ("f", NOM): "e", ("f", GEN): "er", ("f", DAT): "er", ("f", AKK): "e",
    ("n", NOM): "es", ("n", GEN): "en", ("n", DAT): "em", ("n", AKK): "es",
    ("", NOM): "e", ("", GEN): "er", ("", DAT): "en", ("", AKK): "e",
}  # fmt: skip


def adjective_ending(case: str, number: str, gender: str, declension: str) -> str:
    """Ending of an attributive adjective or adjectival noun (neu-e, Geflüchtet-er)."""
    key = (gender if number == SG else "", case)
    if declension == STRONG:
        return _STRONG_ENDINGS[key]
    if declension == MIXED and number == SG and ((case == NOM and gender != "f") or (case == AKK and gender == "n")):
        return _STRONG_ENDINGS[key]
    if number == SG and (case == NOM or (case == AKK and gender != "m")):
        return "e"
    return "en"


def ending_of(word: str) -> str | None:
    """The adjective ending a lowercase word ends with (longest first), if any."""
    return next((e for e in ENDINGS if word.endswith(e) and len(word) > len(e) + 1), None)


# --- determiners and prepositions ----------------------------------------------------------------

_DER = {
    "er": ((NOM, SG, "m"), (GEN, SG, "f"), (DAT, SG, "f"), (GEN, PL, "")),
    "e": ((NOM, SG, "f"), (AKK, SG, "f"), (NOM, PL, ""), (AKK, PL, "")),
    "es": ((NOM, SG, "n"), (AKK, SG, "n"), (GEN, SG, "m"), (GEN, SG, "n")),
    "en": ((AKK, SG, "m"), (DAT, PL, "")),
    "em": ((DAT, SG, "m"), (DAT, SG, "n")),
}
_EIN = {
    "": ((NOM, SG, "m"), (NOM, SG, "n"), (AKK, SG, "n")),
    "e": ((NOM, SG, "f"), (AKK, SG, "f"), (NOM, PL, ""), (AKK, PL, "")),
    "en": ((AKK, SG, "m"), (DAT, PL, "")),
    "em": ((DAT, SG, "m"), (DAT, SG, "n")),
    "er": ((GEN, SG, "f"), (DAT, SG, "f"), (GEN, PL, "")),
    "es": ((GEN, SG, "m"), (GEN, SG, "n")),
}
ARTICLES = {
    "der": _DER["er"],
    "die": _DER["e"],
    "das": _DER["es"][:2],
    "den": _DER["en"],
    "dem": _DER["em"],
    "des": _DER["es"][2:],
}


def _determiners() -> dict[str, frozenset[Reading]]:
    """Articles, der-words and ein-words with the readings (and declension) they allow."""
    out = {word: frozenset((*slot, WEAK) for slot in slots) for word, slots in ARTICLES.items()}
    for stem, numbers in (("dies", (SG, PL)), ("jen", (SG, PL)), ("jed", (SG,)), ("manch", (SG, PL)),
                          ("solch", (SG, PL)), ("welch", (SG, PL)), ("all", (PL,))):  # fmt: skip
        for ending, slots in _DER.items():
            out[stem + ending] = frozenset((*slot, WEAK) for slot in slots if slot[1] in numbers)
    for stem in ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "eur"):
        for ending, slots in _EIN.items():
            kept = [slot for slot in slots if stem != "ein" or slot[1] == SG]
            out[stem + ending] = frozenset((*slot, MIXED if slot[1] == SG else WEAK) for slot in kept)
    out["euer"] = out.pop("eur")
    for word in ("im", "am", "beim", "vom", "zum"):
        out[word] = frozenset({(DAT, SG, "m", WEAK), (DAT, SG, "n", WEAK)})
    out["zur"] = frozenset({(DAT, SG, "f", WEAK)})
    for word in ("ins", "ans", "aufs", "durchs", "fürs", "ums"):
        out[word] = frozenset({(AKK, SG, "n", WEAK)})
    return {word: readings for word, readings in out.items() if readings}


DETERMINERS = _determiners()


def _prepositions() -> dict[str, frozenset[str]]:
    # Not here: words that also start clauses („seit Asylanten hier wohnen“, „um … zu helfen“).
    groups = (
        ("mit von zu bei aus nach gegenüber samt nebst entgegen gemäß", (DAT,)),
        ("für ohne gegen durch wider", (AKK,)),
        ("wegen trotz aufgrund infolge innerhalb außerhalb anhand angesichts bezüglich hinsichtlich "
         "seitens zugunsten mithilfe unterhalb oberhalb laut dank", (GEN, DAT)),
        ("in an auf über unter vor hinter neben zwischen", (DAT, AKK)),
    )  # fmt: skip
    return {word: frozenset(cases) for words, cases in groups for word in words.split()}


PREPOSITIONS = _prepositions()

QUOTES = frozenset("„“”\"‚‘’'«»‹›")
NUMBER_WORDS = frozenset(
    {"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig", "hundert"}
)
NUMBER = re.compile(r"\d[\d.,]*")
# Adjective stems that count like an article („viele Asylanten“); the first ones want a plural.
PLURAL_QUANTIFIERS = frozenset({"viel", "wenig", "einig", "mehrer", "zahlreich", "etlich", "beid", "sämtlich"})
QUANTIFIERS = PLURAL_QUANTIFIERS | {"weiter", "ander"}
# Words with adjective endings that are no adjectives.
NOT_ADJECTIVES = frozenset({"oder", "aber", "sowie", "sondern", "ihnen", "denen", "deren", "dessen", "wieder", "immer"})
MAX_ADJECTIVES = 3


# --- run time ----------------------------------------------------------------------------------


def context_readings(
    noun: frozenset[Reading], inner: Sequence[str], before: Sequence[str]
) -> tuple[frozenset[Reading], bool]:
    """The readings of a match left by its context, and whether words outside it show a gender.

    ``noun``: what the matched form allows; ``inner``: adjectives of the match before its head
    („illegalen“ Migranten); ``before``: the words before the match in its sentence. Adjectives
    before the match count only after an article, a preposition, a number or a quantifier
    (elsewhere a word like „stellen“ only looks like one). Without an article, the plural wins
    over the singular: bare singular count nouns are rare („mit Asylanten“).
    """
    words = [w.lower() for w in before if w not in QUOTES]
    adjectives: list[str] = []
    plural = False
    i = len(words)
    while i > 0 and len(adjectives) < MAX_ADJECTIVES:
        word = words[i - 1]
        if word in NUMBER_WORDS or NUMBER.fullmatch(word):
            plural = True
        elif _attributive(word):
            adjectives.append(word)
        else:
            break
        i -= 1
    left = words[i - 1] if i > 0 else ""
    article = DETERMINERS.get(left)
    if article is not None:
        preceding = words[i - 2] if i > 1 else ""
        cases = PREPOSITIONS.get(preceding)
        context = {r for r in article if cases is None or r[0] in cases}
        if preceding == "," and left in ARTICLES:  # maybe a relative pronoun: „…, die Asylanten aufnimmt“
            context |= _bare(None)
    else:
        cases = PREPOSITIONS.get(left)
        quantified = bool(adjectives) and adjectives[-1][: -len(ending_of(adjectives[-1]) or "")] in QUANTIFIERS
        if cases is None and not plural and not quantified:
            adjectives = []
        context = _bare(cases)
    for word in (*adjectives, *(w.lower() for w in inner)):
        context = {r for r in context if adjective_ending(*r) == ending_of(word)}
    readings = noun & context
    if plural or (article is None and any(r[1] == PL for r in readings)):
        readings = {r for r in readings if r[1] == PL}
    return frozenset(readings), article is not None or bool(adjectives)


def _attributive(word: str) -> bool:
    """Whether a lowercase word looks like a declined adjective („neuen“, „illegale“)."""
    if not word.isalpha() or len(word) <= 3 or ending_of(word) is None:
        return False
    return word not in DETERMINERS and word not in PREPOSITIONS and word not in NOT_ADJECTIVES


def _bare(cases: frozenset[str] | None) -> set[Reading]:
    return {r for r in ALL_READINGS if r[3] == STRONG and (cases is None or r[0] in cases)}


def inflect(table: Mapping[Reading, str], readings: frozenset[Reading], marked: bool) -> str | None:
    """The one form of a preferred term that fits every reading, or None.

    ``table`` holds the term's forms; a singular reading of another gender than the term's is
    accepted only when no article or adjective outside the match shows the gender (``marked``):
    „mit Zustrom“ → „mit Ankunft“, but not „den Zustrom“ → „den Ankunft“.
    """
    forms = set()
    for case, number, gender, declension in readings:
        form = table.get((case, number, gender, declension))
        if form is None and number == SG and not marked:
            others = {v for (c, n, _, d), v in table.items() if (c, n, d) == (case, number, declension)}
            form = others.pop() if len(others) == 1 else None
        if form is None:
            return None
        forms.add(form)
    return forms.pop() if len(forms) == 1 else None


def decline_adjective(preferred: str, ending: str) -> str:
    """A one-word adjective with the ending of the adjective it replaces (dunkelhäutig-en → Schwarz-en)."""
    return preferred + ending if preferred.isalpha() else preferred
