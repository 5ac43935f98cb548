"""The real ``pre-commit try-repo`` runs the hook from this checkout: fails on a finding, passes on clean text."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git ist nicht installiert; pre-commit braucht es")
    path = tmp_path_factory.mktemp("texte")
    git(path, "init", "-q")
    git(path, "config", "user.email", "test@example.org")
    git(path, "config", "user.name", "Test")
    (path / "entwurf.md").write_text("Die Asylanten wurden untergebracht.\n", encoding="utf-8")
    (path / "sauber.md").write_text("Die Asylsuchenden wurden untergebracht.\n", encoding="utf-8")
    git(path, "add", ".")
    return path


def try_repo(repo, filename):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "begriffe", "--files", filename, "--verbose"],
        cwd=repo, capture_output=True, text=True, check=False, timeout=1800,
    )


def test_hook_fails_on_a_draft_with_a_finding(repo):
    done = try_repo(repo, "entwurf.md")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "[asylant]" in done.stdout


def test_hook_passes_on_clean_text(repo):
    done = try_repo(repo, "sauber.md")
    assert done.returncode == 0, done.stdout + done.stderr
