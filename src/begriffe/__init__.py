"""begriffe: a glossary of German migration and integration terms and a linter built on it."""

from __future__ import annotations

__version__ = "0.1.0"  # the single source: pyproject.toml reads it (no importlib.metadata at start)

__all__ = ["__version__", "check_text", "load_glossary"]


def load_glossary():  # noqa: ANN201 - re-exported API, typed in begriffe.glossary
    """Load the shipped glossary (see :func:`begriffe.glossary.load_glossary`)."""
    from begriffe.glossary import load_glossary as _load

    return _load()


def check_text(text: str, path: str = "<text>"):  # noqa: ANN201 - typed in begriffe.engine
    """Check a German text with the default settings and return the RunResult."""
    from begriffe.engine import check_text as _check

    return _check(text, path)
