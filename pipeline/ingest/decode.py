"""Bytes → text: UTF-8 (with or without BOM) first, else the encoding charset-normalizer detects (cp1252, latin-1...)."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from pipeline.ingest.article import IngestError

WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman"]


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding). Newlines are normalised to \\n so offsets are stable across platforms."""
    if not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError(f"{name}: looks like a binary file (NUL bytes), not an article")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            # Articles are English: try the Western single-byte code pages first. Left free, charset-normalizer
            # reads a short cp1252 text with a few accented letters as Korean or Chinese (seen in testing).
            best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best() or from_bytes(data).best()
            if best is None:
                raise IngestError(f"{name}: could not detect the text encoding") from None
            text, encoding = str(best), best.encoding
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise IngestError(f"{name}: no text after decoding")
    return text, encoding
