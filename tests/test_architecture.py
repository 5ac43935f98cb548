"""Modules import only from layers below them (data flows one way)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "begriffe"

# Lower number = lower layer. A module may import only from its own layer or below.
LAYERS = {
    "records": 0, "errors": 0, "positions": 0, "entries": 0, "data": 0, "atomic": 0,
    "yamldata": 1, "glossary": 1, "rules": 1, "cache": 1, "lexicon": 1, "config": 1,
    "readers": 2,
    "inflection": 1, "declension": 3, "suggestions": 5,
    "normalize": 1, "patterns": 3, "compiled": 3, "morphology": 3, "prefilter": 3, "nlp": 4, "sentences": 4, "matching": 4,
    "context": 5, "conditions": 5, "findings": 5, "suppressions": 5, "document": 5, "memo": 5,
    "judge": 6, "engine": 6, "validate": 7, "files": 6, "parallel": 7, "run": 7, "baseline": 7, "spacy_component": 7,
    "reporters": 8, "annotate": 8, "lookup": 8, "describe": 8, "german_click": 8, "export": 8,
    "cli": 9, "web": 9, "__main__": 10, "__init__": 10,
}


def module_layer(path: Path) -> tuple[str, int]:
    rel = path.relative_to(SRC).with_suffix("")
    top = rel.parts[0]
    return ".".join(rel.parts), LAYERS[top]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("begriffe"):
            if node.module == "begriffe":
                names |= {f"begriffe.{alias.name}" for alias in node.names}
            else:
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names if a.name.startswith("begriffe")}
    return names


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_down(path):
    name, layer = module_layer(path)
    for imported in imported_modules(path):
        parts = imported.split(".")
        if len(parts) < 2 or parts[1] == "__version__":
            continue
        target = parts[1]
        assert target in LAYERS, f"{imported} is not placed in a layer"
        assert LAYERS[target] <= layer, f"{name} (layer {layer}) imports {imported} (layer {LAYERS[target]})"


def test_every_module_has_a_layer():
    for path in SRC.rglob("*.py"):
        assert path.relative_to(SRC).parts[0].removesuffix(".py") in LAYERS, path


def test_reporters_do_not_import_engine_or_nlp():
    for path in (SRC / "reporters").glob("*.py"):
        for imported in imported_modules(path):
            assert not imported.startswith(("begriffe.engine", "begriffe.nlp", "begriffe.matching")), (path, imported)


def test_annotate_does_not_import_engine_or_nlp():
    for path in (SRC / "annotate").glob("*.py"):
        for imported in imported_modules(path):
            assert not imported.startswith(("begriffe.engine", "begriffe.nlp", "begriffe.matching")), (path, imported)
