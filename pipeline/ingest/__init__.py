"""Ingest: files and JSONL corpora → Article records (decoding, HTML extraction, layout, boilerplate, metadata).

`iter_articles(paths)` yields an `Article` or an `IngestFailure` per input article, in a stable order, so one
bad file never stops a batch. Supported: .txt, .md/.markdown, .html/.htm, .xml (`xml.py`: MedQuAD question/answer
documents, XHTML, any other XML), .pdf (`pdf.py`: the text layer, reflowed), .docx (`word.py`), .jsonl (one {"id",
"title", "text", "url"} object per line) and .json (one such object, or a list of them).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pipeline.ingest.article import Article, IngestError
from pipeline.ingest.decode import decode_bytes
from pipeline.ingest.bullets import unfold_inline_bullets
from pipeline.ingest.gard import unfold_symptom_tables
from pipeline.ingest.html import html_to_text
from pipeline.ingest.layout import analyse, parse_date
from pipeline.ingest.pdf import pdf_to_text
from pipeline.ingest.word import docx_to_text
from pipeline.ingest.xml import xml_to_text

TEXT_SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
                 ".xhtml": "html", ".xml": "xml", ".jsonl": "jsonl", ".json": "json", ".pdf": "pdf", ".docx": "docx"}
BINARY_FORMATS = {"pdf": pdf_to_text, "docx": docx_to_text}  # read from bytes, not decoded as text
# formats whose text we extract and write to output/texts (offsets index into it, not into the input file)
EXTRACTED_FORMATS = frozenset({"html", "xml", "jsonl", "json", "pdf", "docx"})
MAX_BYTES = 20_000_000  # an "article" larger than this is a mistake (a dump, a binary), not an article


@dataclass
class IngestFailure:
    doc_id: str
    path: str
    reason: str


def doc_id_for(name: str) -> str:
    slug = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-.")
    return slug or "article"


def discover(paths: list[Path]) -> tuple[list[Path], list[IngestFailure]]:
    """Expand folders (recursively, supported suffixes only, sorted); report missing paths and unknown formats."""
    files, problems = [], []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                                and not p.name.startswith(".") and not p.name.endswith(".ref.json")))
        elif path.is_file():
            if path.suffix.lower() in TEXT_SUFFIXES:
                files.append(path)
            else:
                problems.append(IngestFailure(doc_id_for(path.stem), str(path),
                                              f"unsupported file type {path.suffix!r} (expected one of "
                                              f"{', '.join(sorted(TEXT_SUFFIXES))})"))
        else:
            problems.append(IngestFailure(doc_id_for(path.stem), str(path), "no such file or folder"))
    return files, problems


def article_from_text(text: str, *, doc_id: str, path: str, fmt: str, sha256: str, encoding: str | None = None,
                      title: str | None = None, url: str | None = None, metadata: dict | None = None) -> Article:
    if fmt in EXTRACTED_FORMATS:
        text = unfold_symptom_tables(text)  # MedQuAD's one-line GARD tables, one row per line
    text = unfold_inline_bullets(text)  # one-line bullet lists, one item per line (same length: offsets hold)
    layout = analyse(text)
    metadata = metadata or {}
    article = Article(
        doc_id=doc_id, text=text, path=path, format=fmt, sha256=sha256, encoding=encoding,
        title=layout.title or title or metadata.get("title"), title_span=layout.title_span,
        subtitle=layout.subtitle, subtitle_span=layout.subtitle_span,
        updated=layout.updated or (parse_date(metadata["date"]) if metadata.get("date") else None),
        publisher=layout.publisher or metadata.get("publisher"), url=url or metadata.get("url"),
        sections=layout.sections, list_items=layout.list_items, boilerplate=layout.boilerplate,
        references=layout.references, needs_text_file=fmt in EXTRACTED_FORMATS,
    )
    if title and layout.title and layout.title.strip().lower() != title.strip().lower():
        article.title = title  # an explicit title (JSONL) wins over the first line
    return article


def read_file(path: Path, doc_id: str) -> Article:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise IngestError(f"{path}: {size:,} bytes is too large for one article (limit {MAX_BYTES:,})")
    data = path.read_bytes()
    fmt = TEXT_SUFFIXES[path.suffix.lower()]
    sha = hashlib.sha256(data).hexdigest()
    if fmt in BINARY_FORMATS:
        text, metadata = BINARY_FORMATS[fmt](data, str(path))
        return article_from_text(text, doc_id=doc_id, path=str(path), fmt=fmt, sha256=sha, metadata=metadata)
    text, encoding = decode_bytes(data, str(path))
    if fmt in ("html", "xml"):
        text, metadata = (html_to_text if fmt == "html" else xml_to_text)(text, str(path))
        return article_from_text(text, doc_id=doc_id, path=str(path), fmt=fmt, sha256=sha, encoding=encoding,
                                 metadata=metadata)
    return article_from_text(text, doc_id=doc_id, path=str(path), fmt=fmt, sha256=sha, encoding=encoding)


def _article_from_record(record, where: str, default_id: str, raw: bytes, fmt: str) -> Article:
    if not isinstance(record, dict):
        raise IngestError(f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(f"{where}: missing or empty \"text\"")
    raw_id = record.get("id") or default_id
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return article_from_text(text, doc_id=doc_id_for(str(raw_id)), path=where, fmt=fmt,
                             sha256=hashlib.sha256(raw).hexdigest(), encoding="utf-8",
                             title=record.get("title"), url=record.get("url"))


def read_jsonl(path: Path) -> Iterator[Article | IngestFailure]:
    with open(path, "rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                yield _article_from_record(json.loads(raw), where, f"{path.stem}-{number}", raw, "jsonl")
            except json.JSONDecodeError as exc:
                yield IngestFailure(f"{doc_id_for(path.stem)}-line-{number}", where, f"{where}: invalid JSON ({exc.msg})")
            except IngestError as exc:
                yield IngestFailure(f"{doc_id_for(path.stem)}-line-{number}", where, str(exc))


def read_json(path: Path) -> Iterator[Article | IngestFailure]:
    """A .json file: one article object, or a list of them (each item like a JSONL line)."""
    doc_id = doc_id_for(path.stem)
    try:
        data = path.read_bytes()
        if len(data) > MAX_BYTES:
            raise IngestError(f"{path}: {len(data):,} bytes is too large for one JSON file (limit {MAX_BYTES:,})")
        value = json.loads(data)
    except json.JSONDecodeError as exc:
        yield IngestFailure(doc_id, str(path), f"{path}: invalid JSON ({exc.msg}, line {exc.lineno})")
        return
    except IngestError as exc:
        yield IngestFailure(doc_id, str(path), str(exc))
        return
    except OSError as exc:
        yield IngestFailure(doc_id, str(path), f"{path}: cannot read ({exc.strerror})")
        return
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        where = str(path) if not isinstance(value, list) else f"{path}[{number - 1}]"
        default_id = path.stem if not isinstance(value, list) else f"{path.stem}-{number}"
        try:
            raw = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
            yield _article_from_record(record, where, default_id, raw, "json")
        except IngestError as exc:
            named = record.get("id") if isinstance(record, dict) else None
            yield IngestFailure(doc_id_for(str(named or default_id)), where, str(exc))


def iter_articles(paths: list[Path]) -> Iterator[Article | IngestFailure]:
    files, problems = discover(paths)
    yield from problems
    seen: dict[str, str] = {}
    for path in files:
        if path.suffix.lower() in (".jsonl", ".json"):
            for item in (read_jsonl if path.suffix.lower() == ".jsonl" else read_json)(path):
                yield _unique(item, seen)
            continue
        doc_id = doc_id_for(path.stem)
        try:
            yield _unique(read_file(path, doc_id), seen)
        except IngestError as exc:
            yield _unique(IngestFailure(doc_id, str(path), str(exc)), seen)
        except OSError as exc:
            yield _unique(IngestFailure(doc_id, str(path), f"{path}: cannot read ({exc.strerror})"), seen)


def _unique(item, seen: dict[str, str]):
    """Two inputs with the same id would overwrite each other's outputs: suffix a short hash of the path."""
    if item.doc_id in seen and seen[item.doc_id] != item.path:
        item.doc_id = f"{item.doc_id}-{hashlib.sha1(item.path.encode()).hexdigest()[:8]}"
    seen[item.doc_id] = item.path
    return item
