"""Open zip containers (.docx, .odt) only after their directory shows sane sizes.

The sizes are checked on the central directory alone, before anything is inflated. Then every
member is inflated once, in small steps, and must end exactly at its declared size: zipfile's
``read()`` inflates a whole member in one step and only afterwards cuts it to the declared size,
so a directory that understates a size would otherwise inflate the full stream into memory.
Only stored and deflated members are accepted (zipfile inflates bzip2 and lzma without limit).
"""

from __future__ import annotations

import io
import zipfile
import zlib

from begriffe.errors import InputError

MB = 1024 * 1024
MAX_UNPACKED = 200 * MB
MAX_RATIO = 100
RATIO_FLOOR = 50 * MB
# zipfile builds an object per directory entry before any size can be checked: a few MB of
# empty entries would take gigabytes. Word and ODT files have tens of parts, rarely thousands.
MAX_ENTRIES = 10_000
MAX_DIRECTORY = 4 * MB
STEP = 64 * 1024
LOCAL_HEADER = b"PK\x03\x04"
END_RECORD, ZIP64_LOCATOR, ZIP64_END_RECORD = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06"


def open_zip(raw: bytes, kind: str) -> zipfile.ZipFile:
    """The archive in ``raw``; InputError if it is damaged or would unpack to too much."""
    entries, directory = declared_directory(raw)
    if entries > MAX_ENTRIES or directory > MAX_DIRECTORY:
        raise InputError(
            "B311", f"Die {kind}-Datei besteht aus zu vielen Teilen (höchstens {MAX_ENTRIES}) und wird nicht geöffnet."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise damaged(kind) from None  # RuntimeError: NotImplementedError for unknown zip versions
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
    for info in entries:
        if not _member_is_honest(raw, info):
            raise damaged(kind)
    return archive


def declared_directory(raw: bytes) -> tuple[int, int]:
    """(entries, bytes) of the central directory as the end record says, read before zipfile parses it."""
    end = raw.rfind(END_RECORD, max(0, len(raw) - 22 - 65535))
    if end < 0 or len(raw) < end + 22:
        return 0, 0  # no end record: zipfile reports the damage
    entries = int.from_bytes(raw[end + 10 : end + 12], "little")
    size = int.from_bytes(raw[end + 12 : end + 16], "little")
    locator = end - 20
    if (entries == 0xFFFF or size == 0xFFFFFFFF) and locator >= 0 and raw[locator : locator + 4] == ZIP64_LOCATOR:
        start = int.from_bytes(raw[locator + 8 : locator + 16], "little")
        if raw[start : start + 4] == ZIP64_END_RECORD and len(raw) >= start + 48:
            entries = int.from_bytes(raw[start + 32 : start + 40], "little")
            size = int.from_bytes(raw[start + 40 : start + 48], "little")
    return entries, size


def _member_is_honest(raw: bytes, info: zipfile.ZipInfo) -> bool:
    """Whether the member's data inflates to exactly its declared size (never more than STEP at a time)."""
    if info.flag_bits & 1:  # zip encryption: zipfile refuses to read such a member at all
        return True
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size == info.file_size
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return False
    header = info.header_offset
    if raw[header : header + 4] != LOCAL_HEADER or len(raw) < header + 30:
        return False
    name_length = int.from_bytes(raw[header + 26 : header + 28], "little")
    extra_length = int.from_bytes(raw[header + 28 : header + 30], "little")
    start = header + 30 + name_length + extra_length
    if start + info.compress_size > len(raw):
        return False
    data = memoryview(raw)[start : start + info.compress_size]
    inflater = zlib.decompressobj(-15)
    produced, position, pending = 0, 0, b""
    try:
        while not inflater.eof:
            if not pending and position < len(data):
                pending, position = data[position : position + STEP], position + STEP
            out = inflater.decompress(pending, STEP)  # with no input left, drains what zlib still holds
            produced += len(out)
            if produced > info.file_size:
                return False
            pending = inflater.unconsumed_tail
            if not out and not pending and position >= len(data):
                break
    except zlib.error:
        return False
    return inflater.eof and produced == info.file_size


def damaged(kind: str) -> InputError:
    """The error for a file of ``kind`` that cannot be parsed."""
    return InputError("B313", f"Die {kind}-Datei ist beschädigt oder unvollständig und kann nicht gelesen werden.")
