"""German help pages and error messages for click (click itself only speaks English)."""

from __future__ import annotations

import re
from typing import Any

import click

HEADINGS = {"Options": "Optionen", "Commands": "Befehle", "Arguments": "Argumente"}


class GermanFormatter(click.HelpFormatter):
    """Help formatter with German headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """``Aufruf: …``."""
        super().write_usage(prog, args.replace("[OPTIONS]", "[OPTIONEN]").replace("COMMAND", "BEFEHL").replace("[ARGS]...", "[ARGUMENTE]..."), prefix="Aufruf: ")

    def write_heading(self, heading: str) -> None:
        """German section headings."""
        super().write_heading(HEADINGS.get(heading, heading))


class GermanContext(click.Context):
    """Context that uses the German formatter."""

    formatter_class = GermanFormatter


class GermanCommand(click.Command):
    """A command with German help."""

    context_class = GermanContext

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """``-h/--help`` with a German description."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Diese Hilfe zeigen und beenden."
        return option


class GermanGroup(click.Group):
    """A command group with German help; subcommands are German too."""

    context_class = GermanContext
    command_class = GermanCommand

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        """``-h/--help`` with a German description."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = "Diese Hilfe zeigen und beenden."
        return option


GermanGroup.group_class = GermanGroup


class Choice(click.Choice):
    """A choice with a German error message."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Accept one of the choices (case-insensitive)."""
        if isinstance(value, str):
            for choice in self.choices:
                if value.lower() == str(choice).lower():
                    return choice
        allowed = ", ".join(map(str, self.choices))
        self.fail(f"„{value}“ ist nicht erlaubt (möglich: {allowed}).", param, ctx)
        return None


def german_error(exc: click.ClickException) -> str:
    """A German message for click's usage errors."""
    if isinstance(exc, click.NoSuchOption):
        hint = f" Meinten Sie {', '.join(exc.possibilities)}?" if exc.possibilities else ""
        return f"Unbekannte Option „{exc.option_name}“.{hint}"
    if isinstance(exc, click.MissingParameter):
        name = _param_name(exc.param)
        return f"{name} fehlt."
    if isinstance(exc, click.BadParameter):
        name = _param_name(exc.param)
        return f"Ungültiger Wert für {name}: {_translate(exc.message)}"
    if isinstance(exc, click.BadOptionUsage):
        return f"Option „{exc.option_name}“ falsch verwendet: {_translate(exc.message)}"
    if isinstance(exc, click.UsageError):
        return _translate(exc.message)
    return exc.format_message()


def _param_name(param: click.Parameter | None) -> str:
    if param is None:
        return "Ein Wert"
    if isinstance(param, click.Option):
        return f"Option „{param.opts[-1]}“"
    return f"Argument „{(param.human_readable_name or '').upper()}“"


PATTERNS = [
    (re.compile(r"No such command '(.+)'\."), r"Unbekannter Befehl „\1“."),
    (re.compile(r"Got unexpected extra arguments? \((.+)\)"), r"Unerwartete zusätzliche Argumente: \1"),
    (re.compile(r"Option '(.+)' requires an argument\."), r"Option „\1“ braucht einen Wert."),
    (re.compile(r"Option '(.+)' requires (\d+) arguments\."), r"Option „\1“ braucht \2 Werte."),
    (re.compile(r"'(.+)' is not a valid integer(?: range)?\."), r"„\1“ ist keine ganze Zahl."),
    (re.compile(r"(.+) is not in the range (.+)\."), r"\1 liegt nicht im Bereich \2."),
    (re.compile(r"Path '(.+)' does not exist\."), r"Pfad „\1“ existiert nicht."),
    (re.compile(r"Missing command\."), "Befehl fehlt."),
    (re.compile(r"Missing argument '(.+)'\."), r"Argument „\1“ fehlt."),
]


def _translate(message: str) -> str:
    for pattern, replacement in PATTERNS:
        if pattern.search(message):
            return pattern.sub(replacement, message)
    return message
