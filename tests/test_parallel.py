"""``--jobs``: worker processes give exactly the output of one process, in the same order."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from begriffe.cli import main
from begriffe.config import Settings
from begriffe.errors import InputError
from begriffe.parallel import AUTO_PARALLEL_FILES, FORK_SAFE, default_jobs
from begriffe.run import CheckRequest, run_check

TEXTS = [
    "Die Asylanten wohnen in der Turnhalle.",
    "Die Verwaltung plant einen Empfang im Rathaus.",
    "Die Flüchtlingswelle stellt die Stadt vor Aufgaben.",
    "Menschen mit Migrationshintergrund sind im Rat vertreten. Ausländer dürfen den Integrationsrat wählen.",
    "Zigeuner ist eine Fremdbezeichnung.",
]


def _tree(tmp_path, count: int = 12):
    for i in range(count):
        (tmp_path / f"vorlage-{i:02d}.txt").write_text(TEXTS[i % len(TEXTS)] + f"\n\nAbsatz {i}.\n", encoding="utf-8")
    (tmp_path / "kaputt.txt").write_bytes(b"\x00\x01\x02 binary")
    return tmp_path


def test_two_jobs_give_the_same_result_as_one(tmp_path):
    root = _tree(tmp_path)
    runs = [run_check(CheckRequest((root,), Settings(), jobs=jobs, remember=False)).result for jobs in (1, 2)]
    assert runs[0].findings == runs[1].findings
    assert runs[0].errors == runs[1].errors
    assert runs[0].files == runs[1].files == 12
    assert [e.path for e in runs[1].errors] == [str(root / "kaputt.txt")]
    assert {f.rule for f in runs[1].findings} >= {"asylant", "zigeuner"}


def test_cli_jobs_output_is_identical(tmp_path):
    root = _tree(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["check", "--isolated", "--output-format", "json", "--jobs", jobs, str(root)])
        assert result.exit_code == 1, result.output
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]


def test_jobs_must_be_positive(tmp_path):
    result = CliRunner().invoke(main, ["check", "--jobs", "0", str(tmp_path)])
    assert result.exit_code == 2
    assert "--jobs" in result.output and "Traceback" not in result.output


def test_default_jobs_uses_cores_only_for_many_files(monkeypatch):
    monkeypatch.setattr("begriffe.parallel.cores", lambda: 4)
    assert default_jobs(1) == 1
    assert default_jobs(AUTO_PARALLEL_FILES - 1) == 1
    assert default_jobs(AUTO_PARALLEL_FILES) == 4


def test_workers_save_their_analyses_for_the_next_run(tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("BEGRIFFE_CACHE_DIR", str(cache_dir))
    (tmp_path / "texte").mkdir()
    root = _tree(tmp_path / "texte")
    first = run_check(CheckRequest((root,), Settings(), jobs=2)).result
    assert list(cache_dir.glob("paragraphs-*.pickle")), "the parent saves what the workers analysed"
    second = run_check(CheckRequest((root,), Settings(), jobs=1)).result
    assert first.findings == second.findings


def test_without_fork_each_worker_builds_its_own_engine(tmp_path, monkeypatch):
    """Where processes are not forked (Windows, macOS), workers start fresh and still agree."""
    monkeypatch.setattr("begriffe.parallel.FORK_SAFE", False)
    root = _tree(tmp_path)
    runs = [run_check(CheckRequest((root,), Settings(), jobs=jobs, remember=False)).result for jobs in (1, 2)]
    assert runs[0].findings == runs[1].findings
    assert runs[0].errors == runs[1].errors


def _die(task):  # replaces the chunk worker in forked children
    import os

    os._exit(9)


@pytest.mark.skipif(not FORK_SAFE, reason="the replaced worker function reaches only forked workers")
def test_a_worker_that_dies_is_a_clear_error_not_a_hang(tmp_path, monkeypatch):
    """A worker killed mid-run (say by the out-of-memory killer) ends the run with B318."""
    monkeypatch.setattr("begriffe.parallel._check_chunk", _die)
    root = _tree(tmp_path)
    with pytest.raises(InputError) as error:
        run_check(CheckRequest((root,), Settings(), jobs=2, remember=False))
    assert error.value.code == "B318" and "--jobs 1" in error.value.message


def test_stopping_early_ends_the_workers(tmp_path):
    """A consumer that stops (Ctrl+C, a closed pipe) has the workers terminated, not left to
    finish their chunks."""
    import multiprocessing
    import signal

    from begriffe.engine import Options
    from begriffe.parallel import EngineSpec, Target, check_targets

    root = _tree(tmp_path, count=40)
    targets = [Target(p, str(p)) for p in sorted(root.glob("*.txt"))]
    outcomes = check_targets(targets, EngineSpec((), Options(), remember=False), force=False, jobs=2)
    next(outcomes)
    workers = multiprocessing.active_children()
    assert workers, "workers are running"
    outcomes.close()
    assert multiprocessing.active_children() == []
    assert [w.exitcode for w in workers] == [-signal.SIGTERM] * len(workers)
