"""PDF → Markdown-like text with pypdf: the text layer only (a scanned PDF without one is refused, not OCRed).

Mapping: pages' text in order; a line that repeats on most pages (running header or footer) and a lone page
number are dropped; a word hyphenated across a line break is rejoined ("treat-\\nment" → "treatment"); lines of
one paragraph are joined (a line that does not end a sentence and is followed by a line starting in lower case,
or that fills most of the page width); bullet glyphs ("•", "●", "▪", "◦") become `- ` list items; a short line
without final punctuation followed by a paragraph stays a line of its own (a heading for `layout`). Metadata:
the document info's title and creation date.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from pipeline.ingest.article import IngestError

BULLET = re.compile(r"^\s*[•●▪◦■□➢►‣⁃o]\s+")
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.I)
SENTENCE_END = re.compile(r"[.!?:;)\"”]\s*$")
MIN_REPEATED_PAGES = 3  # a header/footer is a line seen on at least this many pages, and on most of them
FULL_LINE = 0.8  # a line this long (share of the longest line) runs on into the next


def pdf_to_text(data: bytes, name: str) -> tuple[str, dict]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(f"{name}: the PDF is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"{name}: not a readable PDF ({type(exc).__name__}: {exc})") from None
    text = reflow(pages)
    if not re.search(r"[A-Za-z]{3}", text):
        raise IngestError(f"{name}: the PDF has no text layer (a scanned document needs OCR first)")
    info = reader.metadata
    try:
        created = info.creation_date if info else None
    except ValueError:  # a malformed date string in the document info
        created = None
    return text, {"title": (info.title or None) if info else None,
                  "date": created.date().isoformat() if created else None}


def reflow(pages: list[str]) -> str:
    """The pages' lines as paragraphs, list items and heading lines (see the module docstring)."""
    page_lines = [[" ".join(line.split()) for line in page.splitlines()] for page in pages]
    seen = Counter(line for lines in page_lines for line in set(lines) if line)
    repeated = {line for line, n in seen.items()
                if len(pages) >= MIN_REPEATED_PAGES and n >= MIN_REPEATED_PAGES and n > len(pages) / 2}
    lines = [line for lines in page_lines for line in lines + [""]
             if line not in repeated and not PAGE_NUMBER.match(line)]
    width = max((len(line) for line in lines), default=0)
    out: list[str] = []
    for line in lines:
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        bullet = BULLET.match(line)
        if bullet:
            out.append("- " + line[bullet.end():])
            continue
        previous = out[-1] if out else ""
        if previous and _continues(previous, line, width):
            if previous.endswith("-") and line[:1].islower():
                out[-1] = previous[:-1] + line  # "treat-" + "ment"
            else:
                out[-1] = f"{previous} {line}"
        else:
            out.append(line)
    return "\n".join(_space_paragraphs(out)).strip() + "\n"


def _continues(previous: str, line: str, width: int) -> bool:
    if SENTENCE_END.search(previous):
        return False
    return line[:1].islower() or line[:1].isdigit() or len(previous) >= FULL_LINE * width


def _space_paragraphs(lines: list[str]) -> list[str]:
    """A blank line between paragraphs (list items stay together), as Markdown writes them."""
    out: list[str] = []
    for line in lines:
        if line and out and out[-1] and not (line.startswith("- ") and out[-1].startswith("- ")):
            out.append("")
        out.append(line)
    return out
