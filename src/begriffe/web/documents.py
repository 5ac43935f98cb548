"""Documents from the web page: pasted text, uploaded files, annotated copies. No request paths."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePath

from begriffe.errors import InputError
from begriffe.findings import Finding
from begriffe.readers import READERS, Document, read_text

TEXT_FORMATS = {"txt": False, "md": True}
ANNOTATABLE = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
}
UNSAFE = re.compile(r"[\x00-\x1f\x7f\"<>|]")


def display_name(filename: str | None) -> str:
    """The bare file name a browser sent, without folders or control characters."""
    name = UNSAFE.sub("", re.split(r"[\\/]", filename or "")[-1]).strip()
    return name[-120:] or "Datei"


def suffix_of(name: str) -> str:
    """Lower-case suffix of a display name."""
    return PurePath(name).suffix.lower()


def from_text(text: str, fmt: str) -> Document:
    """A pasted text as a plain-text or Markdown document."""
    return read_text("Eingabe", text, markdown=TEXT_FORMATS[fmt])


def from_upload(name: str, raw: bytes) -> Document:
    """An uploaded file, read by the reader for its suffix."""
    suffix = suffix_of(name)
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise InputError("B305", f"Dateityp „{suffix or '(ohne Endung)'}“ wird nicht unterstützt (möglich: {known}).")
    return reader(name, raw)


def annotated_copy(suffix: str, raw: bytes, findings: Sequence[Finding]) -> bytes:
    """An annotated copy of an uploaded .docx/.odt with one review comment per finding."""
    from begriffe.annotate import annotate

    with tempfile.TemporaryDirectory(prefix="begriffe-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(raw)
        return annotate(path, list(findings), force=True).read_bytes()
