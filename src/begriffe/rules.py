"""Read rules/: profiles, metaphor patterns, exceptions and context cues."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from begriffe import data
from begriffe.entries import Action, ContextKind, Entry, RuleKind, Severity, Status
from begriffe.errors import DataError, Problem, SourceLocation

if TYPE_CHECKING:  # the YAML side is imported only when rules are read (not on a cache hit)
    from begriffe.yamldata import YamlFile

DEFAULT_PROFILE = "kommunal"


@dataclass(frozen=True, slots=True)
class Profile:
    """Status → severity and context → action for one kind of text."""

    name: str
    description: str
    severity: dict[Status, Severity]
    contexts: dict[ContextKind, Action]


@dataclass(frozen=True, slots=True)
class MetaphorPattern:
    """A migration word combined with an image word, in a compound, split or as a verb."""

    entry: Entry
    heads: tuple[str, ...]
    verbs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExceptionGroup:
    """Correct names that contain glossary terms; never reported."""

    reason: str
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mixture:
    """Terms often used as synonyms though they mean different things (one rule per group)."""

    entry: Entry
    members: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class DefinitionRule:
    """A term whose document should say which definition it uses."""

    entry: Entry
    term_entry: str
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ContextCues:
    """Words that reveal mentions, quotations, legal and historical context."""

    mention_nouns: tuple[str, ...] = ()
    mention_markers: tuple[str, ...] = ()
    verbs_after: tuple[str, ...] = ()
    copulas_after: tuple[str, ...] = ()
    speech_about_words: tuple[str, ...] = ()
    naming_verbs: tuple[str, ...] = ()
    renaming: tuple[str, ...] = ()
    quotation_min_words: int = 3
    speech_verbs: tuple[str, ...] = ()
    citation_marks: tuple[str, ...] = ()
    laws: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()
    historical_before_year: int = 1990
    historical_cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Rules:
    """Everything under rules/."""

    profiles: dict[str, Profile]
    metaphors: tuple[MetaphorPattern, ...]
    subjects: tuple[str, ...]
    linkers: tuple[str, ...]
    exceptions: tuple[ExceptionGroup, ...]
    cues: ContextCues = field(default_factory=ContextCues)
    mixtures: tuple[Mixture, ...] = ()
    definitions: tuple[DefinitionRule, ...] = ()

    def profile(self, name: str) -> Profile:
        """The profile ``name``; KeyError if unknown."""
        return self.profiles[name]


def load_rules(directory: Path | None = None) -> Rules:
    """Load and check rules/; raise DataError listing every problem."""
    loader = _RulesLoader(directory or data.rules_dir())
    rules = loader.load()
    if loader.problems:
        raise DataError(loader.problems)
    return rules


class _RulesLoader:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.problems: list[Problem] = []

    def display(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return f"rules/{path.relative_to(self.directory)}"

    def open(self, path: Path) -> YamlFile | None:
        from begriffe.yamldata import YamlFile

        f = YamlFile(path, self.display(path))
        if f.problems:
            self.problems += f.problems
            return None
        if not isinstance(f.data, dict):
            f.problem("B202", "Die Datei muss ein Mapping sein.")
            self.problems += f.problems
            return None
        return f

    def load(self) -> Rules:
        profiles = {}
        for path in sorted((self.directory / "profiles").glob("*.yaml")):
            profile = self._profile(path)
            if profile is not None:
                profiles[profile.name] = profile
        if DEFAULT_PROFILE not in profiles:
            self.problems.append(Problem("B230", f"Standardprofil „{DEFAULT_PROFILE}“ fehlt in rules/profiles/."))
        metaphors, subjects, linkers = self._compounds(self.directory / "compounds.yaml")
        mixtures, definitions = self._document(self.directory / "document.yaml")
        return Rules(
            mixtures=mixtures,
            definitions=definitions,
            profiles=profiles,
            metaphors=metaphors,
            subjects=subjects,
            linkers=linkers,
            exceptions=self._exceptions(self.directory / "exceptions.yaml"),
            cues=self._cues(self.directory / "context.yaml"),
        )

    def _profile(self, path: Path) -> Profile | None:
        f = self.open(path)
        if f is None:
            return None
        for key in f.data:
            if key not in ("description", "severity", "contexts"):
                f.problem("B203", f"Unbekanntes Feld „{key}“ im Profil.", *f.at(f.data, key))
        severity: dict[Status, Severity] = {}
        for key, value in _items(f, f.data.get("severity"), "severity"):
            try:
                status = Status(str(key))
                if status is Status.EMPFOHLEN:
                    raise ValueError
                severity[status] = Severity(str(value))
            except ValueError:
                f.problem("B231", f"„{key}: {value}“ ist keine gültige Zuordnung Status → Schweregrad.", *f.at(f.data["severity"], key))
        for status in (Status.KONTEXTABHAENGIG, Status.VERMEIDEN, Status.DISKRIMINIEREND):
            if status not in severity:
                f.problem("B231", f"Schweregrad für „{status.value}“ fehlt.", *f.at(f.data))
        contexts: dict[ContextKind, Action] = {}
        for key, value in _items(f, f.data.get("contexts"), "contexts"):
            try:
                contexts[ContextKind(str(key))] = Action(str(value))
            except ValueError:
                f.problem("B217", f"„{key}: {value}“ ist keine gültige Behandlung eines Zusammenhangs.", *f.at(f.data["contexts"], key))
        self.problems += f.problems
        return Profile(path.stem, str(f.data.get("description", "")).strip(), severity, contexts)

    def _compounds(self, path: Path) -> tuple[tuple[MetaphorPattern, ...], tuple[str, ...], tuple[str, ...]]:
        from begriffe.glossary import EntryReader

        f = self.open(path)
        if f is None:
            return (), (), ()
        for key in f.data:
            if key not in ("subjects", "linkers", "patterns"):
                f.problem("B203", f"Unbekanntes Feld „{key}“.", *f.at(f.data, key))
        subjects = _words(f, f.data, "subjects")
        linkers = _words(f, f.data, "linkers")
        patterns = []
        raw = f.data.get("patterns") or []
        if not isinstance(raw, list):
            f.problem("B202", "„patterns“ muss eine Liste sein.", *f.at(f.data, "patterns"))
            raw = []
        for node in raw:
            if not isinstance(node, dict):
                f.problem("B202", "Ein Muster muss ein Mapping sein.", *f.at(node))
                continue
            reader = EntryReader(f, node, "metaphern", more_fields=frozenset({"heads", "verbs"}), kind=RuleKind.METAPHOR)
            entry = reader.read()
            heads = _words(f, node, "heads")
            if not heads:
                f.problem("B204", "Ein Muster braucht „heads“ (Bildwörter).", *f.at(node))
            if entry is not None and heads:
                patterns.append(MetaphorPattern(entry, heads, _words(f, node, "verbs")))
        self.problems += f.problems
        return tuple(patterns), subjects, linkers

    def _document(self, path: Path) -> tuple[tuple[Mixture, ...], tuple[DefinitionRule, ...]]:
        f = self.open(path)
        if f is None:
            return (), ()
        for key in f.data:
            if key not in ("mixtures", "definitions"):
                f.problem("B203", f"Unbekanntes Feld „{key}“.", *f.at(f.data, key))
        mixtures = []
        for node in f.data.get("mixtures") or []:
            entry = _document_entry(f, node, {"id", "title", "members", "note", "context", "examples"})
            members = node.get("members") if isinstance(node, dict) else None
            if not isinstance(members, dict) or len(members) < 2 or not all(isinstance(v, list) for v in members.values()):
                f.problem("B233", "„members“ braucht mindestens zwei Gruppen mit Listen von Kennungen.", *f.at(node))
                continue
            if entry is not None:
                mixtures.append(Mixture(entry, tuple((str(k), tuple(map(str, v))) for k, v in members.items())))
        definitions = []
        for node in f.data.get("definitions") or []:
            entry = _document_entry(f, node, {"id", "title", "entry", "cues", "note", "context", "examples"})
            cues = _words(f, node, "cues") if isinstance(node, dict) else ()
            if entry is not None and isinstance(node.get("entry"), str) and cues:
                definitions.append(DefinitionRule(entry, node["entry"], cues))
            elif entry is not None:
                f.problem("B233", "Eine Definitionsregel braucht „entry“ und „cues“.", *f.at(node))
        self.problems += f.problems
        return tuple(mixtures), tuple(definitions)

    def _exceptions(self, path: Path) -> tuple[ExceptionGroup, ...]:
        from begriffe.yamldata import YamlFile

        f = YamlFile(path, self.display(path))
        if f.problems:
            self.problems += f.problems
            return ()
        if not isinstance(f.data, list):
            f.problem("B202", "exceptions.yaml muss eine Liste von Gruppen sein.")
            self.problems += f.problems
            return ()
        groups = []
        for node in f.data:
            if not isinstance(node, dict) or set(node) != {"reason", "terms"}:
                f.problem("B202", "Jede Ausnahmegruppe hat genau „reason“ und „terms“.", *f.at(node))
                continue
            groups.append(ExceptionGroup(str(node["reason"]), _words(f, node, "terms")))
        self.problems += f.problems
        return tuple(groups)

    def _cues(self, path: Path) -> ContextCues:
        f = self.open(path)
        if f is None:
            return ContextCues()
        d = f.data
        known = {"mention", "quotation", "legal", "historical"}
        for key in d:
            if key not in known:
                f.problem("B203", f"Unbekannter Abschnitt „{key}“.", *f.at(d, key))
        mention = d.get("mention") or {}
        quotation = d.get("quotation") or {}
        legal = d.get("legal") or {}
        historical = d.get("historical") or {}
        cues = ContextCues(
            mention_nouns=_words(f, mention, "nouns_before"),
            mention_markers=_words(f, mention, "markers_before"),
            verbs_after=_words(f, mention, "verbs_after"),
            copulas_after=_words(f, mention, "copulas_after"),
            speech_about_words=_words(f, mention, "speech_about_words"),
            naming_verbs=_words(f, mention, "naming_verbs"),
            renaming=_words(f, mention, "renaming"),
            quotation_min_words=_int(f, quotation, "min_words", 3),
            speech_verbs=_words(f, quotation, "speech_verbs"),
            citation_marks=_words(f, legal, "citation_marks"),
            laws=_words(f, legal, "laws"),
            authorities=_words(f, legal, "authorities"),
            historical_before_year=_int(f, historical, "before_year", 1990),
            historical_cues=_words(f, historical, "cues"),
        )
        self.problems += f.problems
        return cues


def _document_entry(f: YamlFile, node: Any, allowed: set[str]) -> Entry | None:
    """The rule a document-level check reports under (always a hint)."""
    if not isinstance(node, dict):
        f.problem("B202", "Eine Dokumentregel muss ein Mapping sein.", *f.at(node))
        return None
    for key in node:
        if key not in allowed:
            f.problem("B203", f"Unbekanntes Feld „{key}“.", *f.at(node, key))
    missing = [k for k in ("id", "title", "note", "context") if not isinstance(node.get(k), str)]
    if missing:
        f.problem("B204", f"Pflichtfeld „{missing[0]}“ fehlt.", *f.at(node))
        return None
    from begriffe.glossary import EntryReader

    examples = EntryReader(f, node, "", kind=RuleKind.DOCUMENT).examples(Status.KONTEXTABHAENGIG)
    return Entry(
        id=node["id"], term=node["title"], status=Status.KONTEXTABHAENGIG, cluster="", note=node["note"].strip(),
        context=node["context"].strip(), examples=examples, kind=RuleKind.DOCUMENT,
        location=SourceLocation(f.display, *f.at(node)),
    )


def _items(f: YamlFile, node: Any, name: str) -> list[tuple[Any, Any]]:
    if node is None:
        return []
    if not isinstance(node, dict):
        f.problem("B202", f"„{name}“ muss ein Mapping sein.", *f.at(node))
        return []
    return list(node.items())


def _words(f: YamlFile, node: Any, key: str) -> tuple[str, ...]:
    if not isinstance(node, dict) or key not in node:
        return ()
    value = node[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        f.problem("B205", f"„{key}“ muss eine Liste von Wörtern sein.", *f.at(node, key))
        return ()
    return tuple(v.strip() for v in value)


def _int(f: YamlFile, node: Any, key: str, default: int) -> int:
    if not isinstance(node, dict) or key not in node:
        return default
    value = node[key]
    if not isinstance(value, int) or isinstance(value, bool):
        f.problem("B205", f"„{key}“ muss eine ganze Zahl sein.", *f.at(node, key))
        return default
    return value
