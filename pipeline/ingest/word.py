"""Word (.docx) → Markdown-like text with python-docx, in document order.

Mapping: a paragraph styled "Title" or "Heading N" → a `# ` line; a paragraph in a list style ("List Bullet",
"List Number", "List Paragraph") or with numbering → a `- ` line; any other paragraph → its text; a table → one
`| cell | cell |` line per row (the symptom-table reader takes pipe rows); empty paragraphs → nothing. Metadata:
the core properties' title, and `modified` (else `created`) as the date. `layout` then reads the text like Markdown.
"""

from __future__ import annotations

import io
import zipfile

from pipeline.ingest.article import IngestError


def docx_to_text(data: bytes, name: str) -> tuple[str, dict]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"{name}: not a readable Word .docx file ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            line = _paragraph_line(Paragraph(block, document))
            if line:
                lines += [line, ""]
        elif tag == "tbl":
            for row in Table(block, document).rows:
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                if any(cells):
                    lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
    text = "\n".join(lines).strip()
    if not text:
        raise IngestError(f"{name}: the Word document has no text")
    props = document.core_properties
    date = props.modified or props.created
    metadata = {"title": props.title or None, "date": date.date().isoformat() if date else None}
    return text + "\n", metadata


def _paragraph_line(paragraph) -> str:
    text = " ".join(paragraph.text.split())
    if not text:
        return ""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style == "Title" or style.startswith("Heading"):
        return f"# {text}"
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if style.startswith("List") or numbered:
        return f"- {text}"
    return text
