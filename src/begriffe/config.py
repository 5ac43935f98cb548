"""Settings from ``[tool.begriffe]`` in pyproject.toml or from ``.begriffe.toml``.

Precedence: defaults < configuration file < command line. The file closest to the working
directory (searching upwards) wins; ``--config`` names one explicitly, ``--isolated`` ignores all.
"""

from __future__ import annotations

import re
import stat
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from begriffe.errors import ConfigError, SourceLocation, os_reason

CONFIG_NAME = ".begriffe.toml"
MAX_CONFIG_BYTES = 1024 * 1024
SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Settings:
    """Effective settings of a run."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    profile: str = "kommunal"
    fail_level: str = "warning"
    format: str = "text"
    exclude: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    extend_glossary: tuple[Path, ...] = ()
    config_file: Path | None = None
    origins: dict[str, str] = field(default_factory=dict, compare=False)

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with command-line values applied (None means: not given)."""
        given = {k: v for k, v in values.items() if v is not None}
        origins = dict(self.origins) | {k: "Befehlszeile" for k in given}
        return replace(self, **given, origins=origins)

    def origin(self, name: str) -> str:
        """Where a value came from: Standard, the config file, or Befehlszeile."""
        return self.origins.get(name, "Standard")


KEYS = {
    "select": "select",
    "ignore": "ignore",
    "per-file-ignores": "per_file_ignores",
    "profile": "profile",
    "fail-level": "fail_level",
    "format": "format",
    "exclude": "exclude",
    "accept": "accept",
    "extend-glossary": "extend_glossary",
}


def find_config(start: Path) -> Path | None:
    """Nearest .begriffe.toml, or pyproject.toml with [tool.begriffe], from ``start`` upwards."""
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            return False
        return "begriffe" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False


def load_settings(config: Path | None = None, *, isolated: bool = False, cwd: Path | None = None) -> Settings:
    """Settings from ``config`` (or the nearest file), or the defaults when isolated."""
    if isolated:
        return Settings()
    path = config or find_config((cwd or Path.cwd()).resolve())
    if path is None:
        return Settings()
    return _parse(path, explicit=config is not None)


def _parse(path: Path, *, explicit: bool) -> Settings:
    where = SourceLocation(str(path))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError("Konfigurationsdatei ist keine gewöhnliche Datei.", where)
        if info.st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"Konfigurationsdatei ist zu groß (höchstens {MAX_CONFIG_BYTES // 1024} KiB).", where)
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("Konfigurationsdatei nicht gefunden.", where) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"Konfigurationsdatei ist nicht in UTF-8 kodiert (Byte {exc.start}).", where) from None
    except OSError as exc:
        raise ConfigError(f"Konfigurationsdatei nicht lesbar ({os_reason(exc)}).", where) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_position(str(exc))
        raise ConfigError(f"TOML-Fehler: {_german_toml(str(exc))}", SourceLocation(str(path), line, column)) from None
    except RecursionError:
        raise ConfigError("TOML-Fehler: zu tief verschachtelt.", where) from None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("begriffe")
        if table is None:
            if explicit:
                raise ConfigError("pyproject.toml enthält keinen Abschnitt [tool.begriffe].", SourceLocation(str(path)))
            return Settings()
    else:
        table = document
    return _settings_from_table(table, path, text)


def _settings_from_table(table: dict[str, Any], path: Path, text: str) -> Settings:
    values: dict[str, Any] = {}
    origin = str(path)
    for key, raw in table.items():
        where = SourceLocation(str(path), _line_of(text, key), 1)
        name = KEYS.get(key)
        if name is None:
            import difflib

            close = difflib.get_close_matches(key, KEYS, n=1)
            hint = f" (meinten Sie „{close[0]}“?)" if close else ""
            raise ConfigError(f"Unbekannte Einstellung „{key}“{hint}.", where)
        values[name] = _convert(key, raw, path, where)
    if "fail_level" in values and values["fail_level"] not in SEVERITIES:
        raise ConfigError(f"„fail-level“ muss {', '.join(SEVERITIES)} sein.", SourceLocation(str(path), _line_of(text, "fail-level"), 1))
    return Settings(**values, config_file=path, origins={name: origin for name in values})


def _convert(key: str, raw: Any, path: Path, where: SourceLocation) -> Any:
    if key in ("profile", "fail-level", "format"):
        if not isinstance(raw, str):
            raise ConfigError(f"„{key}“ muss Text sein.", where)
        return raw
    if key == "per-file-ignores":
        if not isinstance(raw, dict) or not all(_is_str_list(v) for v in raw.values()):
            raise ConfigError("„per-file-ignores“ ordnet Dateimustern Listen von Regeln zu.", where)
        return tuple((pattern, tuple(rules)) for pattern, rules in raw.items())
    if not _is_str_list(raw):
        raise ConfigError(f"„{key}“ muss eine Liste von Texten sein.", where)
    if key == "extend-glossary":
        return tuple((path.parent / p).resolve() for p in raw)
    return tuple(raw)


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _line_of(text: str, key: str) -> int:
    name = rf"\"?{re.escape(key)}\"?"
    match = re.search(rf"^[ \t]*(?:{name}[ \t]*=|\[[ \t]*(?:tool\.begriffe\.)?{name}[ \t]*\])", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def _toml_position(message: str) -> tuple[int, int]:
    match = re.search(r"line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _german_toml(message: str) -> str:
    reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
    known = {
        "Invalid value": "ungültiger Wert",
        "Expected '=' after a key in a key/value pair": "nach dem Schlüssel fehlt „=“",
        "Cannot overwrite a value": "Schlüssel ist doppelt",
        "Unterminated string": "Anführungszeichen nicht geschlossen",
        "Invalid statement": "ungültige Zeile",
        "Unclosed array": "Liste nicht geschlossen",
        "Unclosed inline table": "Tabelle nicht geschlossen",
        "Invalid initial character for a key part": "ungültiges Zeichen am Anfang eines Schlüssels",
        "Expected newline or end of document after a statement": "nach dem Wert fehlt ein Zeilenende",
    }
    if reason.startswith("Illegal character"):
        return "unzulässiges Zeichen" + reason.removeprefix("Illegal character")
    return known.get(reason, reason)


def describe_settings(settings: Settings) -> list[str]:
    """``name = value  # Quelle`` lines for --show-settings."""
    lines = [f"# Konfigurationsdatei: {settings.config_file or 'keine'}"]
    reverse = {v: k for k, v in KEYS.items()}
    for f in fields(settings):
        if f.name in ("config_file", "origins"):
            continue
        value = getattr(settings, f.name)
        if f.name == "per_file_ignores":
            shown = "{" + ", ".join(f"{p!r} = {list(r)!r}" for p, r in value) + "}"
        elif isinstance(value, tuple):
            shown = repr([str(v) for v in value])
        else:
            shown = repr(value)
        lines.append(f"{reverse[f.name]} = {shown}  # {settings.origin(f.name)}")
    return lines


STARTER = '''\
# Konfiguration für begriffe – https://github.com/begriffe/begriffe
# Werte auf der Befehlszeile gehen diesen Einstellungen vor.

# Profil: kommunal (Standard), streng oder presse
profile = "kommunal"

# Ab welchem Schweregrad die Prüfung scheitert (info, warning, error)
fail-level = "warning"

# Ausgabeformat (text, json, sarif, github)
# format = "text"

# Nur diese Regeln oder Themenfelder prüfen / diese auslassen
# select = ["flucht_asyl", "asylant"]
# ignore = ["asylbewerber"]

# Regeln je Datei auslassen (Muster relativ zu dieser Datei)
# [per-file-ignores]
# "archiv/**" = ["gastarbeiter"]

# Dateien und Verzeichnisse, die nicht geprüft werden
# exclude = ["archiv/alt/**", "*.entwurf.md"]

# Eigennamen und Wörter des Projekts, die nie gemeldet werden
# accept = ["Ausländerbeirat Musterstadt"]

# Eigene Glossardateien der Stadt (ergänzen oder ersetzen Einträge)
# extend-glossary = ["glossar/stadt.yaml"]
'''
