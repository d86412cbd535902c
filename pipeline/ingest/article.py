"""The ingest stage's output: an Article, plain data that every later stage reads and none rewrites."""

from __future__ import annotations

from dataclasses import dataclass, field


class IngestError(Exception):
    """A specific, per-article reason why an input could not be read (the batch goes on)."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Section:
    heading: str | None  # None for the text before the first heading
    kind: str  # overview, symptoms, causes, treatment, prognosis, research, ... (see layout.SECTION_KINDS)
    start: int  # body start (after the heading line)
    end: int
    heading_span: Span | None = None


@dataclass
class Reference:
    text: str
    start: int
    end: int
    url: str | None = None


@dataclass
class Article:
    doc_id: str
    text: str  # the exact text every offset indexes into
    path: str
    format: str  # txt, md, html, jsonl
    sha256: str  # of the input bytes
    encoding: str | None = None
    title: str | None = None
    title_span: Span | None = None
    subtitle: str | None = None
    subtitle_span: Span | None = None
    updated: str | None = None  # ISO date
    publisher: str | None = None
    url: str | None = None
    sections: list[Section] = field(default_factory=list)
    list_items: list[Span] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)  # spans no fact may come from
    references: list[Reference] = field(default_factory=list)
    needs_text_file: bool = False  # True when `text` is not the input file itself (HTML, JSONL): export writes it

    def section_at(self, offset: int) -> Section | None:
        for section in self.sections:
            if section.start <= offset < section.end or (
                section.heading_span and section.heading_span.start <= offset < section.heading_span.end
            ):
                return section
        return None

    def in_boilerplate(self, start: int, end: int) -> bool:
        return any(b.start <= start and end <= b.end for b in self.boilerplate)
