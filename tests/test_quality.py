"""Precision and recall on the labelled corpus meet the project's targets (bench/quality.py)."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT

spec = importlib.util.spec_from_file_location("bench_quality", ROOT / "bench" / "quality.py")
quality = importlib.util.module_from_spec(spec)
sys.modules["bench_quality"] = quality
spec.loader.exec_module(quality)


def test_corpus_meets_precision_and_recall_targets(engine):
    report = quality.evaluate("tests/corpus", ROOT / "tests" / "corpus" / "passages.jsonl", engine)
    assert report.passages >= 400
    assert report.overall.precision >= quality.TARGET_PRECISION, "\n".join(report.false_positives)
    assert report.overall.recall >= quality.TARGET_RECALL, "\n".join(report.misses)


def test_corpus_file_is_consistent():
    import json

    ids = set()
    for line in (ROOT / "tests" / "corpus" / "passages.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert item["id"] not in ids
        ids.add(item["id"])
        for span in item["expect"]:
            assert item["text"][span["start"] : span["end"]] == span["span"]
