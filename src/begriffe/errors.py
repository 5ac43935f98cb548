"""Error types with stable codes and German messages.

Codes: B1xx configuration, B2xx glossary and rules, B3xx input files.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from begriffe.records import quick_pickle


@quick_pickle
@dataclass(frozen=True, slots=True)
class SourceLocation:
    """A 1-based position in a file (line and column count characters)."""

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.column}"
        return self.path


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in user data: where, which code, what (German)."""

    code: str
    message: str
    location: SourceLocation | None = None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{where}{self.code} {self.message}"


class BegriffeError(Exception):
    """Base class: every error begriffe reports to a user."""

    code = "B000"

    def __init__(self, message: str, location: SourceLocation | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return str(Problem(self.code, self.message, self.location))


class ConfigError(BegriffeError):
    """Invalid configuration file or option."""

    code = "B100"


class DataError(BegriffeError):
    """Glossary or rules files are invalid; carries every problem found."""

    code = "B200"

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0] if problems else Problem(self.code, "Unbekannter Fehler")
        super().__init__(first.message, first.location)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class InputError(BegriffeError):
    """A document could not be read."""

    code = "B300"

    def __init__(self, code: str, message: str, location: SourceLocation | None = None) -> None:
        super().__init__(message, location)
        self.code = code


OS_REASONS = {
    errno.ELOOP: "symbolische Verknüpfungen verweisen im Kreis",
    errno.ENAMETOOLONG: "Dateiname zu lang",
    errno.EIO: "Ein-/Ausgabefehler des Datenträgers",
    errno.ENOTDIR: "ein Teil des Pfads ist kein Verzeichnis",
    errno.EACCES: "keine Berechtigung",
    errno.ENOMEM: "nicht genug Arbeitsspeicher",
    errno.EISDIR: "das ist ein Verzeichnis",
    errno.ENOENT: "nicht gefunden",
}


def os_reason(exc: OSError) -> str:
    """A German reason for an operating-system error (its own text is English)."""
    return OS_REASONS.get(exc.errno or 0, f"Systemfehler {exc.errno}" if exc.errno else exc.__class__.__name__)
