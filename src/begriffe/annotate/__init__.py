"""Review comments in the document: ``Entwurf.docx`` → ``Entwurf.begriffe.docx`` with one comment per finding.

An edge module like the reporters: it takes the findings of one file and never runs the engine.
"""

from __future__ import annotations

from pathlib import Path

from begriffe.atomic import write_atomic
from begriffe.errors import InputError
from begriffe.findings import Finding
from begriffe.readers import read_bytes

SUFFIXES = (".docx", ".odt")


def output_path(path: Path) -> Path:
    """Where the commented copy of ``path`` goes: ``Entwurf.docx`` → ``Entwurf.begriffe.docx``."""
    return path.with_name(f"{path.stem}.begriffe{path.suffix}")


def annotate(path: Path, findings: list[Finding], *, force: bool) -> Path:
    """Write a copy of ``path`` with a comment on each finding (all from this file); return its path."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            "B315", f"Kommentare lassen sich nur in .docx- und .odt-Dateien schreiben, nicht in „{path.name}“."
        )
    target = output_path(path)
    if target.exists() and not force:
        raise InputError(
            "B314", f"„{target}“ gibt es schon; die Datei wird nur mit ausdrücklicher Erlaubnis überschrieben."
        )
    raw = read_bytes(path)
    if suffix == ".docx":
        from begriffe.annotate.docx import annotate_docx

        data = annotate_docx(raw, findings)
    else:
        from begriffe.annotate.odt import annotate_odt

        data = annotate_odt(raw, findings)
    try:
        write_atomic(target, lambda handle: handle.write(data))
    except OSError as exc:
        raise InputError("B316", f"„{target}“ kann nicht geschrieben werden ({exc.strerror or exc}).") from None
    return target
