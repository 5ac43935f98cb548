"""Load glossary and rules, compile them, and cache the result by content hash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from begriffe import cache, data, lexicon
from begriffe.entries import Entry, Glossary
from begriffe.glossary import load_glossary
from begriffe.patterns import PatternSet, compile_patterns
from begriffe.rules import Rules, load_rules


# The code that shapes the cached data: a change to any of these invalidates the cache.
COMPILER_SOURCES = tuple(
    Path(__file__).with_name(name) for name in ("entries.py", "glossary.py", "rules.py", "lexicon.py", "normalize.py", "patterns.py", "compiled.py")
)


@dataclass(frozen=True, slots=True)
class Compiled:
    """Glossary, rules and their lookup tables, ready for matching."""

    glossary: Glossary
    rules: Rules
    patterns: PatternSet

    def rule_entries(self) -> dict[str, Entry]:
        """Every rule that can produce a finding, by id: entries and metaphor patterns."""
        out = {e.id: e for e in self.glossary.entries}
        for pattern in self.rules.metaphors:
            out[pattern.entry.id] = pattern.entry
        for rule in (*self.rules.mixtures, *self.rules.definitions):
            out[rule.entry.id] = rule.entry
        return out


def load_compiled(
    extra_glossaries: tuple[Path, ...] = (),
    glossary_dir: Path | None = None,
    rules_dir: Path | None = None,
    on_build: Callable[[], None] | None = None,
) -> Compiled:
    """The compiled glossary; read from the cache when nothing changed (``on_build`` runs otherwise)."""
    gdir = glossary_dir or data.glossary_dir()
    rdir = rules_dir or data.rules_dir()
    files = [*gdir.glob("*.yaml"), *rdir.rglob("*.yaml"), *extra_glossaries, *COMPILER_SOURCES]
    key = cache.content_key(
        cache.package_version(), lexicon.versions(), str(gdir), str(rdir), *map(str, extra_glossaries), files=files
    )

    def build() -> Compiled:
        if on_build is not None:
            on_build()
        glossary = load_glossary(gdir, extra_glossaries)
        rules = load_rules(rdir)
        return Compiled(glossary, rules, compile_patterns(glossary, rules))

    return cache.cached("compiled", key, build)


def load_lexicon() -> frozenset[str]:
    """The compound word list, cached per lexicon version."""
    key = cache.content_key(lexicon.versions())
    return cache.cached("lexicon", key, lexicon.compound_lexicon)
