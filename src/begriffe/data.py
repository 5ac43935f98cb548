"""Where the shipped glossary and rules live: inside the installed package, or the checkout."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def data_root() -> Path:
    """Directory holding ``glossary/`` and ``rules/``.

    An installed wheel carries them in ``begriffe/data``; an editable install of the
    repository reads them from the top level of the checkout.
    """
    packaged = Path(str(files("begriffe"))) / "data"
    if (packaged / "glossary").is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "glossary").is_dir():
        return checkout
    return packaged


def glossary_dir() -> Path:
    """The shipped glossary directory."""
    return data_root() / "glossary"


def rules_dir() -> Path:
    """The shipped rules directory."""
    return data_root() / "rules"
