"""The wheel carries the glossary and rules: an installed package, not only the checkout, finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [path] = out.glob("begriffe-*.whl")
    return path


def test_wheel_contains_glossary_and_rules(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "begriffe/data/glossary/_sources.yaml" in names
    assert "begriffe/data/rules/profiles/kommunal.yaml" in names
    assert any(n.startswith("begriffe/data/glossary/flucht_asyl") for n in names)


def test_installed_wheel_finds_its_data(wheel, tmp_path):
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import begriffe.data as d, begriffe.glossary as g;"
        "root = d.data_root(); print(root);"
        "print(len(g.load_glossary().entries))"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "BEGRIFFE_NO_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    root, count = done.stdout.split()
    assert root.startswith(str(target))
    assert int(count) > 40
