"""Every glossary example runs as its own test case: ``<id>/flag/<i>`` and ``<id>/ok/<i>``."""

from __future__ import annotations

import os
import tempfile

import pytest

from begriffe.validate import example_cases, example_problem, run_examples


def _cases():
    os.environ.setdefault("BEGRIFFE_CACHE_DIR", tempfile.mkdtemp(prefix="begriffe-cache-"))
    from begriffe.compiled import load_compiled

    return example_cases(load_compiled())


CASES = _cases()


@pytest.fixture(scope="module")
def results(engine):
    return run_examples(engine, CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_example(case, results):
    problem = example_problem(case, results[case.name])
    assert problem is None, str(problem)


def test_examples_exist_for_every_entry(compiled):
    for entry in compiled.rule_entries().values():
        assert len(entry.examples.ok) >= 2, entry.id
        if entry.status.value != "empfohlen":
            assert len(entry.examples.flag) >= 2, entry.id
