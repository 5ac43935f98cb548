"""Open zip containers (.docx, .odt) only after their directory shows sane sizes.

The check reads the central directory alone, before anything is inflated. Python's zipfile
never inflates more than an entry's declared size, so a directory that lies cannot smuggle
more data past it either (the entry then fails its CRC check).
"""

from __future__ import annotations

import io
import zipfile

from begriffe.errors import InputError

MB = 1024 * 1024
MAX_UNPACKED = 200 * MB
MAX_RATIO = 100
RATIO_FLOOR = 50 * MB


def open_zip(raw: bytes, kind: str) -> zipfile.ZipFile:
    """The archive in ``raw``; InputError if it is damaged or would unpack to too much."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise damaged(kind) from None
    entries = archive.infolist()
    unpacked = sum(info.file_size for info in entries)
    packed = sum(info.compress_size for info in entries)
    if unpacked > MAX_UNPACKED:
        raise InputError(
            "B311",
            f"Die {kind}-Datei wäre entpackt {unpacked // MB} MB groß (höchstens {MAX_UNPACKED // MB} MB) "
            "und wird nicht geöffnet.",
        )
    if unpacked > RATIO_FLOOR and unpacked > MAX_RATIO * max(packed, 1):
        raise InputError(
            "B311",
            f"Die {kind}-Datei ist verdächtig stark gepackt ({unpacked // max(packed, 1)}:1, entpackt "
            f"{unpacked // MB} MB) und wird nicht geöffnet.",
        )
    return archive


def damaged(kind: str) -> InputError:
    """The error for a file of ``kind`` that cannot be parsed."""
    return InputError("B313", f"Die {kind}-Datei ist beschädigt oder unvollständig und kann nicht gelesen werden.")
