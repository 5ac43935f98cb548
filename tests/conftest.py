"""Shared fixtures: the shipped glossary, a small test glossary, engines for both."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MINI_GLOSSARY = FIXTURES / "mini" / "glossary"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compile into a cache directory of this test session only."""
    os.environ["BEGRIFFE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def compiled():
    """The shipped glossary and rules, compiled."""
    from begriffe.compiled import load_compiled

    return load_compiled()


@pytest.fixture(scope="session")
def engine(compiled):
    """An engine on the shipped glossary with default options."""
    from begriffe.engine import Engine

    return Engine(compiled)


@pytest.fixture(scope="session")
def mini_compiled():
    """A small, stable test glossary (tests/fixtures/mini) with the shipped rules."""
    from begriffe.compiled import load_compiled

    return load_compiled(glossary_dir=MINI_GLOSSARY)


@pytest.fixture(scope="session")
def mini(mini_compiled):
    """An engine on the small test glossary."""
    from begriffe.engine import Engine

    return Engine(mini_compiled)
