"""Decode bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

German office files are often Windows-1252 (cp1252). Such files contain no valid UTF-8
multi-byte sequences, so a file that fails strict UTF-8 but contains none is read as cp1252;
a file that mixes valid UTF-8 with broken sequences is reported instead of guessed.
"""

from __future__ import annotations

import codecs
import re

from begriffe.errors import InputError

UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode_text(raw: bytes) -> str:
    """Decoded text; the BOM is removed (offsets start after it). InputError if not text."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict_utf8(raw[len(codecs.BOM_UTF8) :])
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("B303", "Datei beginnt wie UTF-16, enthält aber ungültige Zeichen.") from None
    sample = raw[:65536]
    if b"\x00" in sample or len(BINARY_CONTROL.findall(sample)) > max(8, len(sample) // 200):
        raise InputError("B304", "Binärdatei – keine Textdatei.")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if UTF8_MULTIBYTE.search(raw):
            line = raw.count(b"\n", 0, exc.start) + 1
            raise InputError(
                "B303",
                f"Ungültige UTF-8-Zeichen in Zeile {line} (Byte {exc.start}). Datei als UTF-8 speichern.",
            ) from None
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _strict_utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError("B303", f"Ungültige UTF-8-Zeichen in Zeile {line} (Byte {exc.start + 3}).") from None
