"""Load glossary and rules, compile them, and cache the result by content hash."""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from begriffe import cache, data, lexicon

if TYPE_CHECKING:  # unpickling imports what a cache hit needs; reading YAML only happens on a miss
    from begriffe.entries import Entry, Glossary
    from begriffe.patterns import PatternSet
    from begriffe.rules import Rules


# The code that shapes the cached data: a change to any of these invalidates the cache.
COMPILER_SOURCES = tuple(
    Path(__file__).with_name(name)
    for name in (
        "entries.py", "glossary.py", "rules.py", "lexicon.py", "normalize.py", "patterns.py", "compiled.py",
        "declension.py", "inflection.py",
    )
)


@dataclass(frozen=True, slots=True)
class Compiled:
    """Glossary, rules and their lookup tables, ready for matching."""

    glossary: Glossary
    rules: Rules
    patterns: PatternSet
    key: str = ""

    def rule_entries(self) -> dict[str, Entry]:
        """Every rule that can produce a finding, by id: entries and metaphor patterns."""
        out = {e.id: e for e in self.glossary.entries}
        for pattern in self.rules.metaphors:
            out[pattern.entry.id] = pattern.entry
        for rule in (*self.rules.mixtures, *self.rules.definitions):
            out[rule.entry.id] = rule.entry
        return out


def compiled_key(extra_glossaries: tuple[Path, ...] = (), glossary_dir: Path | None = None, rules_dir: Path | None = None) -> str:
    """Content hash of everything the compiled glossary is made from."""
    gdir = glossary_dir or data.glossary_dir()
    rdir = rules_dir or data.rules_dir()
    files = [*gdir.glob("*.yaml"), *rdir.rglob("*.yaml"), *extra_glossaries, *COMPILER_SOURCES]
    return cache.content_key(
        cache.package_version(), lexicon.versions(), str(gdir), str(rdir), *map(str, extra_glossaries), files=files
    )


def load_compiled(
    extra_glossaries: tuple[Path, ...] = (),
    glossary_dir: Path | None = None,
    rules_dir: Path | None = None,
    on_build: Callable[[], None] | None = None,
) -> Compiled:
    """The compiled glossary; read from the cache when nothing changed (``on_build`` runs otherwise)."""
    gdir = glossary_dir or data.glossary_dir()
    rdir = rules_dir or data.rules_dir()
    key = compiled_key(extra_glossaries, gdir, rdir)

    def build() -> Compiled:
        from begriffe.glossary import load_glossary
        from begriffe.patterns import compile_patterns
        from begriffe.rules import load_rules

        if on_build is not None:
            on_build()
        glossary = load_glossary(gdir, extra_glossaries)
        rules = load_rules(rdir)
        return Compiled(glossary, rules, compile_patterns(glossary, rules), key)

    return cache.cached("compiled", key, build)


def load_lexicon() -> Container[str]:
    """The compound word list as a compact trie (loads in milliseconds), cached per lexicon version."""
    key = cache.content_key(lexicon.versions(), "marisa")
    import marisa_trie

    return cache.cached("lexicon", key, lambda: marisa_trie.Trie(lexicon.compound_lexicon()))
