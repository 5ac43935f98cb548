"""The glossary's records: entries, rules, their enums. Pure data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from begriffe.errors import SourceLocation
from begriffe.records import quick_pickle


class Status(str, Enum):
    """How the glossary judges a term (German domain values)."""

    EMPFOHLEN = "empfohlen"
    KONTEXTABHAENGIG = "kontextabhaengig"
    VERMEIDEN = "vermeiden"
    DISKRIMINIEREND = "diskriminierend"


class Severity(str, Enum):
    """Severity of a finding, ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _SEVERITY_RANK[self]

    @property
    def german(self) -> str:
        """German label shown to users."""
        return _SEVERITY_GERMAN[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
_SEVERITY_GERMAN = {Severity.INFO: "Hinweis", Severity.WARNING: "Warnung", Severity.ERROR: "Fehler"}


class WordClass(str, Enum):
    """How a headword is matched: one inflected word, or a phrase."""

    NOUN = "noun"
    ADJECTIVE = "adjective"
    VERB = "verb"
    PHRASE = "phrase"


class ContextKind(str, Enum):
    """Situations that change how a match is judged."""

    MENTION = "mention"
    QUOTATION = "quotation"
    SCARE_QUOTE = "scare_quote"
    LEGAL = "legal"
    HISTORICAL = "historical"


class Action(str, Enum):
    """What a context does to a finding, from most to least lenient."""

    IGNORE = "ignore"
    INFO = "info"
    LOWER = "lower"
    KEEP = "keep"


class RuleKind(str, Enum):
    """Where a rule comes from."""

    ENTRY = "entry"
    METAPHOR = "metaphor"
    DOCUMENT = "document"
    META = "meta"


@quick_pickle
@dataclass(frozen=True, slots=True)
class Condition:
    """One alternative of ``when``/``unless``: every set field must hold."""

    pos: WordClass | None = None
    prev: frozenset[str] = frozenset()
    next: frozenset[str] = frozenset()
    near: frozenset[str] = frozenset()
    window: int = 6
    sentence: frozenset[str] = frozenset()
    paragraph: frozenset[str] = frozenset()


@quick_pickle
@dataclass(frozen=True, slots=True)
class CompoundSpec:
    """How a noun entry takes part in compounds."""

    modifier: bool = True
    head: bool = True
    modifier_forms: tuple[str, ...] = ()


@quick_pickle
@dataclass(frozen=True, slots=True)
class Example:
    """A text that must (flag) or must not (ok) trigger its entry."""

    text: str
    match: str | None = None
    severity: Severity | None = None
    location: SourceLocation | None = None


@quick_pickle
@dataclass(frozen=True, slots=True)
class Examples:
    """Flag and ok examples of one entry."""

    flag: tuple[Example, ...] = ()
    ok: tuple[Example, ...] = ()


@quick_pickle
@dataclass(frozen=True, slots=True)
class Entry:
    """A glossary entry, or a rule from rules/ that behaves like one."""

    id: str
    term: str
    status: Status
    cluster: str
    note: str
    context: str = ""
    preferred: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    legal: str | None = None
    sources: tuple[str, ...] = ()
    see_also: tuple[str, ...] = ()
    pos: WordClass = WordClass.NOUN
    compound: CompoundSpec = field(default_factory=CompoundSpec)
    contexts: tuple[tuple[ContextKind, Action], ...] = ()
    when: tuple[Condition, ...] = ()
    unless: tuple[Condition, ...] = ()
    examples: Examples = field(default_factory=Examples)
    kind: RuleKind = RuleKind.ENTRY
    location: SourceLocation | None = None

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Headword followed by the extra forms."""
        return (self.term, *self.forms)

    def context_action(self, kind: ContextKind) -> Action | None:
        """The entry's own action for ``kind``, if it sets one."""
        for k, action in self.contexts:
            if k is kind:
                return action
        return None


@quick_pickle
@dataclass(frozen=True, slots=True)
class Source:
    """A reference the glossary cites."""

    key: str
    title: str
    publisher: str
    year: int
    url: str


@dataclass(frozen=True, slots=True)
class Cluster:
    """A topic cluster (one glossary file)."""

    name: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Glossary:
    """All entries, sources, clusters and redirects, validated."""

    entries: tuple[Entry, ...]
    sources: dict[str, Source]
    clusters: dict[str, Cluster]
    redirects: dict[str, str]

    def by_id(self) -> dict[str, Entry]:
        """Entries keyed by id."""
        return {e.id: e for e in self.entries}
