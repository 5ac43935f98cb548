"""Safe YAML reading with positions, shared by the glossary and rules loaders."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from begriffe.errors import Problem, SourceLocation, os_reason

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_ALIASES = 200


class YamlFile:
    """One parsed YAML file plus the problems found while reading it."""

    def __init__(self, path: Path, display: str) -> None:
        self.path = path
        self.display = display
        self.problems: list[Problem] = []
        self.data: Any = None
        self._read()

    def _read(self) -> None:
        try:
            info = self.path.stat()
            size = info.st_size
            if not stat.S_ISREG(info.st_mode):
                self.problem("B201", "Keine gewöhnliche Datei (Verzeichnis, Gerät oder Pipe).")
                return
            if size > MAX_FILE_BYTES:
                self.problem("B201", f"Datei ist zu groß ({size // 1024} KiB, erlaubt sind {MAX_FILE_BYTES // 1024} KiB).")
                return
            text = self.path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            self.problem("B201", f"Datei ist nicht in UTF-8 kodiert (Byte {exc.start}).")
            return
        except OSError as exc:
            self.problem("B201", f"Datei kann nicht gelesen werden: {os_reason(exc)}.")
            return
        if text.count("*") > MAX_ALIASES and _alias_count(text) > MAX_ALIASES:
            self.problem("B201", f"Zu viele YAML-Aliase (mehr als {MAX_ALIASES}); Glossardateien brauchen keine.")
            return
        yaml = YAML(typ="rt", pure=True)
        yaml.allow_duplicate_keys = False
        try:
            self.data = yaml.load(text)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
            reason = _german_yaml_reason(exc)
            self.problems.append(Problem("B201", f"YAML-Fehler: {reason}", SourceLocation(self.display, line, col)))
        except RecursionError:
            self.problem("B201", "YAML-Fehler: Die Struktur ist zu tief verschachtelt.")
        except TypeError:  # a list or mapping used as a key (unhashable)
            self.problem("B201", "YAML-Fehler: Schlüssel müssen einfache Werte sein, keine Listen oder Mappings.")
        except (YAMLError, ValueError):
            self.problem("B201", "YAML-Fehler: Die Struktur ist nicht lesbar.")
        else:
            for tag, (line, column) in _tags(self.data):
                message = f"YAML-Tag „{tag}“ ist nicht erlaubt; Glossardateien enthalten nur einfache Werte."
                self.problem("B201", message, line, column)

    def problem(self, code: str, message: str, line: int = 0, column: int = 0) -> None:
        """Record a problem at a 1-based position (0 = whole file)."""
        self.problems.append(Problem(code, message, SourceLocation(self.display, line, column)))

    def at(self, node: Any, key: Any = None) -> tuple[int, int]:
        """1-based (line, column) of ``node`` or of its ``key``/item."""
        return position(node, key)


def position(node: Any, key: Any = None) -> tuple[int, int]:
    """1-based (line, column) of a ruamel node, a mapping key or a sequence item."""
    lc = getattr(node, "lc", None)
    if lc is None or lc.line is None:  # a tagged scalar has no position of its own
        return 0, 0
    try:
        if key is None:
            return lc.line + 1, lc.col + 1
        if isinstance(node, CommentedMap):
            line, col = lc.key(key)
        elif isinstance(node, CommentedSeq):
            line, col = lc.item(key)
        else:
            return lc.line + 1, lc.col + 1
        return line + 1, col + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return lc.line + 1, lc.col + 1


def value_position(node: CommentedMap, key: Any) -> tuple[int, int]:
    """1-based position of the value of ``key`` in a mapping."""
    try:
        line, col = node.lc.value(key)
        return line + 1, col + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return position(node, key)


def iter_mapping(node: Any) -> Iterator[tuple[Any, Any]]:
    """Items of a mapping node (empty for anything else)."""
    if isinstance(node, dict):
        yield from node.items()


def _tags(data: Any) -> Iterator[tuple[str, tuple[int, int]]]:
    """Explicit tags (``!!python/…``, ``!foo``) in loaded data, with positions; aliases visited once.

    The round-trip loader never constructs tagged objects (nothing runs); this names them.
    """
    seen: set[int] = set()
    stack: list[tuple[Any, tuple[int, int]]] = [(data, position(data) if position(data) != (0, 0) else (1, 1))]
    while stack:
        node, where = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        tag = getattr(node, "tag", None)
        name = getattr(tag, "value", tag)
        if isinstance(name, str) and name:
            yield name.replace("tag:yaml.org,2002:", "!!"), where
        if isinstance(node, CommentedMap):
            stack += [(value, position(node, key)) for key, value in node.items()]
        elif isinstance(node, CommentedSeq):
            stack += [(item, position(node, i)) for i, item in enumerate(node)]


def _alias_count(text: str) -> int:
    import re

    return len(re.findall(r"(?:^|[\s\[,{:-])\*[^\s,\]}]+", text))


def _german_yaml_reason(exc: MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    if "found duplicate key" in problem or "duplicate key" in str(exc):
        return "Schlüssel kommt doppelt vor."
    if "could not determine a constructor" in problem:
        return "unbekanntes YAML-Tag (nur einfache Werte sind erlaubt)."
    if "mapping values are not allowed" in problem:
        return "unerwarteter Doppelpunkt – Text mit „: “ in Anführungszeichen setzen."
    if "found character" in problem and "cannot start any token" in problem:
        return "ungültiges Zeichen am Anfang eines Werts – den Wert in Anführungszeichen setzen."
    if "expected" in problem or "while parsing" in str(exc.context or ""):
        return f"Struktur nicht lesbar ({problem or 'Syntaxfehler'})."
    return problem or "Syntaxfehler."
