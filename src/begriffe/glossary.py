"""Read glossary/*.yaml into a validated Glossary; report every problem with its position."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from begriffe import data
from begriffe.entries import (
    Action,
    Cluster,
    CompoundSpec,
    Condition,
    ContextKind,
    Entry,
    Example,
    Examples,
    Glossary,
    RuleKind,
    Severity,
    Source,
    Status,
    WordClass,
)
from begriffe.errors import DataError, Problem, SourceLocation
from begriffe.yamldata import YamlFile, value_position

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

REQUIRED = ("id", "term", "status", "cluster", "note", "context", "sources", "examples")
OPTIONAL = ("forms", "preferred", "legal", "see_also", "pos", "compound", "contexts", "when", "unless")
ENTRY_FIELDS = frozenset(REQUIRED + OPTIONAL)
CONDITION_FIELDS = frozenset({"pos", "prev", "next", "near", "window", "sentence", "paragraph"})
COMPOUND_FIELDS = frozenset({"modifier", "head", "modifier_forms"})
EXAMPLE_FIELDS = frozenset({"text", "match", "severity"})
SOURCE_FIELDS = ("title", "publisher", "year", "url")


def load_glossary(directory: Path | None = None, extra_files: tuple[Path, ...] = ()) -> Glossary:
    """Load and check the glossary; raise DataError listing every problem."""
    loader = GlossaryLoader(directory or data.glossary_dir())
    loader.load()
    for path in extra_files:
        loader.load_extra(path)
    loader.check_references()
    if loader.problems:
        raise DataError(sorted_problems(loader.problems))
    return loader.result()


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in file order (path, line, column); those without a position first."""
    def key(p: Problem) -> tuple[str, int, int]:
        loc = p.location
        return (loc.path, loc.line, loc.column) if loc else ("", 0, 0)

    return sorted(problems, key=key)


def slugify(term: str) -> str:
    """The id a headword gets by convention (ä→ae, spaces→-)."""
    s = term.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("é", "e"), ("è", "e")):
        s = s.replace(a, b)
    s = re.sub(r"[\s/]+", "-", s)
    s = re.sub(r"[^a-z0-9-]", "", s)
    return re.sub(r"-{2,}", "-", s).strip("-")


@dataclass
class GlossaryLoader:
    """Collects entries and problems file by file."""

    directory: Path
    problems: list[Problem] = field(default_factory=list)
    entries: dict[str, Entry] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    _positions: dict[str, SourceLocation] = field(default_factory=dict)

    def display(self, path: Path) -> str:
        """Path as shown in messages: relative to the working directory or the data root."""
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return f"{path.parent.name}/{path.name}"

    def load(self) -> None:
        """Read the special files, then every cluster file."""
        self._load_clusters(self.directory / "_clusters.yaml")
        self._load_sources(self.directory / "_sources.yaml")
        self._load_redirects(self.directory / "_redirects.yaml")
        for path in sorted(self.directory.glob("*.yaml")):
            if not path.name.startswith("_"):
                self._load_entries(path, override=False)

    def load_extra(self, path: Path) -> None:
        """Read a city's own glossary file; its entries add to or replace shipped ones."""
        self._load_entries(path, override=True)

    # -- special files -------------------------------------------------------------------------

    def _load_clusters(self, path: Path) -> None:
        f = self._open(path)
        if f is None:
            return
        for name, value in _mapping_items(f, f.data):
            if not isinstance(value, dict) or not _str(value.get("title")) or not _str(value.get("description")):
                f.problem("B210", f"Cluster „{name}“ braucht „title“ und „description“.", *f.at(f.data, name))
                continue
            self.clusters[str(name)] = Cluster(str(name), str(value["title"]), str(value["description"]))
        self.problems += f.problems

    def _load_sources(self, path: Path) -> None:
        f = self._open(path)
        if f is None:
            return
        for key, value in _mapping_items(f, f.data):
            if not isinstance(value, dict):
                f.problem("B212", f"Quelle „{key}“ muss ein Mapping mit {', '.join(SOURCE_FIELDS)} sein.", *f.at(f.data, key))
                continue
            unknown = sorted(set(map(str, value)) - set(SOURCE_FIELDS))
            for name in unknown:
                f.problem("B203", f"Unbekanntes Feld „{name}“ in Quelle „{key}“.", *f.at(value, name))
            missing = [name for name in SOURCE_FIELDS if name not in value]
            for name in missing:
                f.problem("B204", f"Quelle „{key}“: Pflichtfeld „{name}“ fehlt.", *f.at(f.data, key))
            year = value.get("year")
            if "year" in value and (not isinstance(year, int) or isinstance(year, bool)):
                f.problem("B205", f"Quelle „{key}“: „year“ muss eine Jahreszahl sein.", *value_position(value, "year"))
                continue
            if missing or unknown:
                continue
            self.sources[str(key)] = Source(
                str(key), str(value["title"]), str(value["publisher"]), int(year), str(value["url"])
            )
        self.problems += f.problems

    def _load_redirects(self, path: Path) -> None:
        if not path.exists():
            return
        f = self._open(path)
        if f is None:
            return
        for old, new in _mapping_items(f, f.data):
            if not isinstance(new, str):
                f.problem("B227", f"Umleitung „{old}“ braucht eine Kennung als Ziel.", *f.at(f.data, old))
                continue
            self.redirects[str(old)] = new
            self._positions[f"redirect:{old}"] = SourceLocation(f.display, *f.at(f.data, old))
        self.problems += f.problems

    def _open(self, path: Path) -> YamlFile | None:
        if not path.exists():
            self.problems.append(Problem("B201", "Datei fehlt.", SourceLocation(self.display(path))))
            return None
        f = YamlFile(path, self.display(path))
        if f.problems:
            self.problems += f.problems
            return None
        return f

    # -- entry files ---------------------------------------------------------------------------

    def _load_entries(self, path: Path, *, override: bool) -> None:
        f = self._open(path)
        if f is None:
            return
        if f.data is None:
            f.problem("B202", "Datei enthält keine Einträge.")
            self.problems += f.problems
            return
        if not isinstance(f.data, CommentedSeq):
            f.problem("B202", "Eine Glossardatei muss eine Liste von Einträgen sein.", *f.at(f.data))
            self.problems += f.problems
            return
        previous_id = ""
        for index, node in enumerate(f.data):
            if not isinstance(node, CommentedMap):
                f.problem("B202", "Ein Eintrag muss ein Mapping sein.", *f.at(f.data, index))
                continue
            entry = EntryReader(f, node, path.stem, extra=override).read()
            if entry is None:
                continue
            if not override and entry.id < previous_id:
                f.problem("B219", f"Einträge nach „id“ sortieren: „{entry.id}“ steht nach „{previous_id}“.", *f.at(node, "id"))
            previous_id = max(previous_id, entry.id)
            if entry.id in self.entries and not override:
                first = self._positions[entry.id]
                f.problem("B208", f"Kennung „{entry.id}“ ist doppelt (zuerst in {first}).", *f.at(node, "id"))
                continue
            self.entries[entry.id] = entry
            self._positions[entry.id] = entry.location or SourceLocation(f.display)
        self.problems += f.problems

    # -- cross-entry checks --------------------------------------------------------------------

    def check_references(self) -> None:
        """see_also, sources, clusters, redirects and surface forms across all entries."""
        owners: dict[str, str] = {}
        for entry in self.entries.values():
            where = entry.location
            if entry.cluster not in self.clusters:
                self._add("B210", f"Cluster „{entry.cluster}“ fehlt in _clusters.yaml.", where)
            for ref in entry.see_also:
                if ref not in self.entries and ref not in self.redirects:
                    self._add("B211", f"„see_also“ verweist auf unbekannte Kennung „{ref}“.", where)
            for key in entry.sources:
                if key not in self.sources:
                    self._add("B212", f"Unbekannte Quelle „{key}“ (fehlt in _sources.yaml).", where)
            if entry.id in self.clusters:
                self._add("B226", f"Kennung „{entry.id}“ ist zugleich ein Clustername.", where)
            for form in entry.surface_forms:
                key = form.casefold()
                owner = owners.setdefault(key, entry.id)
                if owner != entry.id:
                    self._add("B213", f"Form „{form}“ gehört schon zu Eintrag „{owner}“.", where)
        for old, new in self.redirects.items():
            where = self._positions.get(f"redirect:{old}")
            if new not in self.entries:
                self._add("B227", f"Umleitung „{old}“ → „{new}“: Ziel gibt es nicht.", where)
            if old in self.entries:
                self._add("B227", f"Umgeleitete Kennung „{old}“ ist noch als Eintrag vorhanden.", where)

    def _add(self, code: str, message: str, where: SourceLocation | None) -> None:
        self.problems.append(Problem(code, message, where))

    def result(self) -> Glossary:
        """The validated glossary, entries in id order."""
        entries = tuple(sorted(self.entries.values(), key=lambda e: e.id))
        return Glossary(entries, dict(self.sources), dict(self.clusters), dict(self.redirects))


class EntryReader:
    """Turns one YAML mapping into an Entry, recording problems on the file."""

    def __init__(
        self,
        f: YamlFile,
        node: CommentedMap,
        stem: str,
        *,
        extra: bool = False,
        more_fields: frozenset[str] = frozenset(),
        kind: RuleKind = RuleKind.ENTRY,
    ) -> None:
        self.f = f
        self.node = node
        self.stem = stem
        self.extra = extra
        self.allowed = ENTRY_FIELDS | more_fields
        self.kind = kind
        self.ok = True

    def fail(self, code: str, message: str, key: Any = None, node: Any = None) -> None:
        """Record a problem at ``key`` of ``node`` (default: this entry)."""
        self.ok = False
        self.f.problem(code, message, *self.f.at(self.node if node is None else node, key))

    def read(self) -> Entry | None:
        """Validate the mapping and build the Entry (None without a usable id)."""
        node = self.node
        for key in node:
            if key not in self.allowed:
                hint = _did_you_mean(str(key), self.allowed)
                self.fail("B203", f"Unbekanntes Feld „{key}“{hint}.", key)
        for key in REQUIRED:
            if key not in node:
                self.fail("B204", f"Pflichtfeld „{key}“ fehlt.")
        entry_id = self.string("id")
        if entry_id and not ID_PATTERN.match(entry_id):
            self.fail("B207", f"Kennung „{entry_id}“: nur Kleinbuchstaben a–z, Ziffern und Bindestriche.", "id")
        term = self.string("term")
        status = self._status()
        cluster = self.string("cluster")
        if cluster and not self.extra and self.kind is RuleKind.ENTRY and cluster != self.stem:
            self.fail("B209", f"Cluster „{cluster}“ passt nicht zum Dateinamen „{self.stem}.yaml“.", "cluster")
        note = self.string("note")
        context = self.string("context")
        preferred = self.strings("preferred")
        if status is not None and status is not Status.EMPFOHLEN and not preferred:
            self.fail("B214", "Für diesen Status braucht der Eintrag „preferred“ (bessere Begriffe).", "id")
        sources = self.strings("sources")
        if "sources" in node and not sources:
            self.fail("B204", "Mindestens eine Quelle angeben.", "sources")
        pos = self._pos(term)
        entry = Entry(
            id=entry_id,
            term=term,
            status=status or Status.EMPFOHLEN,
            cluster=cluster,
            note=note,
            context=context,
            preferred=preferred,
            forms=self.strings("forms"),
            legal=self.string("legal") if "legal" in node else None,
            sources=sources,
            see_also=self.strings("see_also"),
            pos=pos,
            compound=self._compound(),
            contexts=self._contexts(),
            when=self._conditions("when"),
            unless=self._conditions("unless"),
            examples=self.examples(status),
            kind=self.kind,
            location=SourceLocation(self.f.display, *self.f.at(node)),
        )
        # A broken entry is still returned, so that duplicate ids and dangling references in it
        # are reported too; the loader raises on any problem, so it is never used for matching.
        return entry if entry_id else None

    # -- field readers -------------------------------------------------------------------------

    def string(self, key: str, node: Any = None) -> str:
        """A non-empty, unpadded string field ('' if absent or wrong)."""
        node = self.node if node is None else node
        if key not in node:
            return ""
        value = node[key]
        if not isinstance(value, str):
            self.fail("B205", f"„{key}“ muss Text sein.", key, node)
            return ""
        if not value.strip():
            self.fail("B216", f"„{key}“ ist leer.", key, node)
            return ""
        if key not in ("context",) and value != value.strip():
            self.fail("B216", f"„{key}“ hat Leerzeichen am Anfang oder Ende.", key, node)
        return value.strip()

    def strings(self, key: str, node: Any = None) -> tuple[str, ...]:
        """A list of non-empty strings (a single string is accepted as a list of one)."""
        node = self.node if node is None else node
        if key not in node:
            return ()
        value = node[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail("B205", f"„{key}“ muss eine Liste von Texten sein.", key, node)
            return ()
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip() or item != item.strip():
                self.fail("B216", f"„{key}“: Eintrag {i + 1} muss nichtleerer Text ohne Randleerzeichen sein.", i, value)
                continue
            out.append(item)
        return tuple(out)

    def _status(self) -> Status | None:
        raw = self.string("status")
        if not raw:
            return None
        try:
            return Status(raw)
        except ValueError:
            allowed = ", ".join(s.value for s in Status)
            self.fail("B206", f"Ungültiger Status „{raw}“ (erlaubt: {allowed}).", "status")
            return None

    def _pos(self, term: str) -> WordClass:
        if "pos" in self.node:
            raw = self.string("pos")
            try:
                return WordClass(raw)
            except ValueError:
                allowed = ", ".join(w.value for w in WordClass)
                self.fail("B205", f"Ungültige Wortart „{raw}“ (erlaubt: {allowed}).", "pos")
        if " " in term.strip():
            return WordClass.PHRASE
        return WordClass.NOUN if term[:1].isupper() else WordClass.ADJECTIVE

    def _compound(self) -> CompoundSpec:
        raw = self.node.get("compound")
        if raw is None:
            return CompoundSpec()
        if not isinstance(raw, dict):
            self.fail("B205", "„compound“ muss ein Mapping sein.", "compound")
            return CompoundSpec()
        for key in raw:
            if key not in COMPOUND_FIELDS:
                self.fail("B203", f"Unbekanntes Feld „{key}“ in „compound“.", key, raw)
        values = {}
        for key in ("modifier", "head"):
            if key in raw:
                if not isinstance(raw[key], bool):
                    self.fail("B205", f"„compound.{key}“ muss true oder false sein.", key, raw)
                else:
                    values[key] = raw[key]
        return CompoundSpec(modifier_forms=self.strings("modifier_forms", raw), **values)

    def _contexts(self) -> tuple[tuple[ContextKind, Action], ...]:
        raw = self.node.get("contexts")
        if raw is None:
            return ()
        if not isinstance(raw, dict):
            self.fail("B205", "„contexts“ muss ein Mapping sein.", "contexts")
            return ()
        out = []
        for key, value in raw.items():
            try:
                kind = ContextKind(str(key))
            except ValueError:
                allowed = ", ".join(k.value for k in ContextKind)
                self.fail("B217", f"Unbekannter Zusammenhang „{key}“ (erlaubt: {allowed}).", key, raw)
                continue
            try:
                out.append((kind, Action(str(value))))
            except ValueError:
                allowed = ", ".join(a.value for a in Action)
                self.fail("B217", f"Ungültige Behandlung „{value}“ (erlaubt: {allowed}).", key, raw)
        return tuple(out)

    def _conditions(self, key: str) -> tuple[Condition, ...]:
        raw = self.node.get(key)
        if raw is None:
            return ()
        if not isinstance(raw, list):
            self.fail("B218", f"„{key}“ muss eine Liste von Bedingungen sein.", key)
            return ()
        out = []
        for i, item in enumerate(raw):
            if not isinstance(item, dict) or not item:
                self.fail("B218", f"„{key}“: Bedingung {i + 1} muss ein nichtleeres Mapping sein.", i, raw)
                continue
            condition = self._condition(item)
            if condition is not None:
                out.append(condition)
        return tuple(out)

    def _condition(self, item: CommentedMap) -> Condition | None:
        ok = True
        for name in item:
            if name not in CONDITION_FIELDS:
                self.fail("B218", f"Unbekannte Bedingung „{name}“{_did_you_mean(str(name), CONDITION_FIELDS)}.", name, item)
                ok = False
        pos = None
        if "pos" in item:
            try:
                pos = WordClass(str(item["pos"]))
                if pos not in (WordClass.NOUN, WordClass.ADJECTIVE):
                    raise ValueError
            except ValueError:
                self.fail("B218", "„pos“ muss noun oder adjective sein.", "pos", item)
                ok = False
        window = item.get("window", 6)
        if not isinstance(window, int) or isinstance(window, bool) or not 0 <= window <= 50:
            self.fail("B218", "„window“ muss eine Zahl von 0 bis 50 sein.", "window", item)
            ok = False
        words = {name: frozenset(self.strings(name, item)) for name in ("prev", "next", "near", "sentence", "paragraph")}
        if not ok:
            return None
        return Condition(pos=pos, window=window, **words)

    def examples(self, status: Status | None) -> Examples:
        """The entry's flag and ok examples (at least two each, none flagged for empfohlen)."""
        raw = self.node.get("examples")
        if raw is None:
            return Examples()
        if not isinstance(raw, dict):
            self.fail("B205", "„examples“ muss ein Mapping mit „flag“ und „ok“ sein.", "examples")
            return Examples()
        for key in raw:
            if key not in ("flag", "ok"):
                self.fail("B203", f"Unbekanntes Feld „{key}“ in „examples“ (erlaubt: flag, ok).", key, raw)
        flag = self._example_list(raw, "flag")
        ok = self._example_list(raw, "ok")
        if len(ok) < 2:
            self.fail("B215", "Mindestens zwei „ok“-Beispiele angeben.", "examples")
        if status is Status.EMPFOHLEN:
            if flag:
                self.fail("B215", "Ein empfohlener Begriff hat keine „flag“-Beispiele.", "flag", raw)
        elif status is not None and len(flag) < 2:
            self.fail("B215", "Mindestens zwei „flag“-Beispiele angeben.", "examples")
        return Examples(flag=flag, ok=ok)

    def _example_list(self, raw: CommentedMap, key: str) -> tuple[Example, ...]:
        items = raw.get(key) or []
        if not isinstance(items, list):
            self.fail("B205", f"„examples.{key}“ muss eine Liste sein.", key, raw)
            return ()
        out = []
        for i, item in enumerate(items):
            where = SourceLocation(self.f.display, *self.f.at(items, i))
            if isinstance(item, str) and item.strip():
                out.append(Example(item, location=where))
                continue
            if isinstance(item, dict) and isinstance(item.get("text"), str) and item["text"].strip():
                for name in item:
                    if name not in EXAMPLE_FIELDS:
                        self.fail("B203", f"Unbekanntes Feld „{name}“ im Beispiel.", name, item)
                if key == "ok" and ("match" in item or "severity" in item):
                    self.fail("B205", "„ok“-Beispiele haben kein „match“ oder „severity“.", i, items)
                match = item.get("match")
                if match is not None and (not isinstance(match, str) or match not in item["text"]):
                    self.fail("B205", "„match“ muss ein Textstück des Beispiels sein.", "match", item)
                    match = None
                severity = None
                if "severity" in item:
                    try:
                        severity = Severity(str(item["severity"]))
                    except ValueError:
                        self.fail("B205", "„severity“ muss info, warning oder error sein.", "severity", item)
                out.append(Example(item["text"], match, severity, where))
                continue
            self.fail("B205", "Ein Beispiel ist Text oder ein Mapping mit „text“ (und „match“).", i, items)
        return tuple(out)


def _mapping_items(f: YamlFile, node: Any) -> list[tuple[Any, Any]]:
    if node is None:
        return []
    if not isinstance(node, dict):
        f.problem("B202", "Die Datei muss ein Mapping sein.", *f.at(node))
        return []
    return list(node.items())


def _str(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _did_you_mean(name: str, choices: frozenset[str]) -> str:
    import difflib

    close = difflib.get_close_matches(name, sorted(choices), n=1)
    return f" (meinten Sie „{close[0]}“?)" if close else ""
