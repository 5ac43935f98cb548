"""Text generators for the property tests: German prose built from glossary terms, inflections,
gender marks, quotes, legal and historical cues, Markdown syntax and line breaks — and, mixed in,
arbitrary Unicode (lone surrogates included), so both the matcher and the odd corners are reached.
"""

from __future__ import annotations

from functools import cache

from hypothesis import strategies as st
from ruamel.yaml import YAML

from begriffe.data import glossary_dir, rules_dir


@cache
def glossary_words() -> tuple[str, ...]:
    """Headwords, forms and preferred terms of the shipped glossary, plus metaphor words (read from YAML)."""
    yaml = YAML(typ="safe", pure=True)
    words: set[str] = set()
    for path in sorted(glossary_dir().glob("[!_]*.yaml")):
        for entry in yaml.load(path.read_text(encoding="utf-8")) or []:
            words.add(str(entry.get("term", "")))
            words.update(map(str, entry.get("forms") or []))
            words.update(map(str, entry.get("preferred") or []))
    compounds = yaml.load((rules_dir() / "compounds.yaml").read_text(encoding="utf-8"))
    words.update(map(str, compounds.get("subjects") or []))
    for pattern in compounds.get("patterns") or []:
        words.update(map(str, (pattern.get("heads") or []) + (pattern.get("verbs") or [])))
    return tuple(sorted(w for w in words if w.strip()))


GERMAN = (
    "Die",
    "die",
    "der",
    "Der",
    "das",
    "den",
    "dem",
    "des",
    "und",
    "oder",
    "mit",
    "in",
    "im",
    "für",
    "von",
    "zu",
    "auf",
    "nicht",
    "keine",
    "ein",
    "eine",
    "Es",
    "gibt",
    "es",
    "Stadt",
    "Verwaltung",
    "Rat",
    "Bericht",
    "Menschen",
    "Familien",
    "kamen",
    "wurden",
    "werden",
    "leben",
    "untergebracht",
    "sogenannte",
    "sog.",
    "Begriff",
    "Wort",
    "bezeichnet",
    "sprach",
    "als",
    "man",
    "schreibt",
    "im Sinne des § 2 Abs. 1 AufenthG",
    "nach § 1 AsylG",
    "laut Mikrozensus",
    "In den 1960er Jahren",
    "1992",
    "damals",
    "Turnhalle",
    "Heim",
    "Unterkunft",
    "Welle",
    "Flut",
    "strömen",
    "illegale",
    "ausländische",
    "Mitbürger",
    "Schein",
    "Wirtschafts",
    "heim",
    "Frau",
    "Herr",
    "Ausländerbehörde",
    "Bundesamt für Migration und Flüchtlinge",
    "Asylantrag",
    "Hunderasse",
    "z.B.",
    "Nr.",
)
GENDER_MARKS = (":innen", "*innen", "_innen", "Innen", "/-innen", "/innen", "in", "innen", "en", "n", "s", "e")
QUOTES = (("„", "“"), ("»", "«"), ('"', '"'), ("'", "'"), ("‚", "‘"), ("“", "”"), ("«", "»"), ("<q>", "</q>"))
PUNCTUATION = (".", ",", ";", ":", "!", "?", "…", " – ", "-", "(", ")", "[1]", "§", "/", "&", "&amp;", "&auml;")
MARKDOWN = (
    "# ",
    "## ",
    "> ",
    "- ",
    "* ",
    "1. ",
    "**",
    "*",
    "_",
    "`",
    "```",
    "~~~",
    "<!-- ",
    " -->",
    "[",
    "](https://example.org)",
    "<b>",
    "</b>",
    "---",
    "|",
    "\\",
    "<https://x.de>",
    "![Bild](a.png)",
    "    ",
    "\n---\n",
    "<div>",
    "</div>",
)
BREAKS = ("\n", "\r\n", "\r", "\n\n", "\n\n\n", "\t", "\u00a0", "\u00ad", "\u200b", "\u2028", "\x0c")
DIRECTIVES = (
    "begriffe-disable",
    "begriffe-enable",
    "begriffe-disable-next-line",
    "begriffe-disable-file",
    "<!-- ",
    " -->",
)


@st.composite
def _term(draw) -> str:
    word = draw(st.sampled_from(glossary_words()))
    shape = draw(st.integers(0, 6))
    if shape == 1:
        word += draw(st.sampled_from(GENDER_MARKS))
    elif shape == 2:
        word = draw(st.sampled_from(("Schein", "Wirtschafts", "Armuts", "Kriegs", ""))) + word.lower()
    elif shape == 3:
        word += draw(st.sampled_from(("heim", "-Unterkunft", "welle", "flut", "politik", "begriff")))
    elif shape == 4:
        word = word.upper() if draw(st.booleans()) else word.lower()
    elif shape == 5:
        opening, closing = draw(st.sampled_from(QUOTES))
        word = opening + word + closing
    return word


def _token(*, markdown: bool, directives: bool) -> st.SearchStrategy[str]:
    choices = [
        _term(),
        _term(),
        _term(),
        _term(),
        st.sampled_from(GERMAN),
        st.sampled_from(GERMAN),
        st.sampled_from(GERMAN),
        st.sampled_from(PUNCTUATION),
        st.sampled_from(PUNCTUATION),
        st.sampled_from(BREAKS),
        st.text(max_size=3),  # anything, lone surrogates included
    ]
    if markdown:
        choices += [st.sampled_from(MARKDOWN), st.sampled_from(MARKDOWN)]
    if directives:
        choices += [st.sampled_from(DIRECTIVES)]
    return st.one_of(choices)


def prose(*, markdown: bool = False, directives: bool = True, max_tokens: int = 40) -> st.SearchStrategy[str]:
    """Realistic-looking German text (plain or Markdown)."""
    joined = st.tuples(_token(markdown=markdown, directives=directives), st.sampled_from(" " * 6 + "\n"))
    return st.lists(joined, max_size=max_tokens).map(lambda parts: "".join(t + s for t, s in parts))


def any_text(*, markdown: bool = False) -> st.SearchStrategy[str]:
    """Realistic text half of the time, arbitrary Unicode (surrogates included) the other half."""
    arbitrary = st.text(alphabet=st.characters(exclude_categories=()), max_size=200)
    return st.one_of(prose(markdown=markdown), arbitrary)


VERTICAL = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def paragraph() -> st.SearchStrategy[str]:
    """One paragraph of plain text: no line breaks and no suppression directives inside."""
    return (
        prose(directives=False, max_tokens=25)
        .map(lambda text: "".join(" " if c in VERTICAL else c for c in text).strip())
        .filter(lambda text: "begriffe-" not in text.lower())
    )
