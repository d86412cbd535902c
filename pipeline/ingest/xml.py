"""XML articles → plain text with heading lines, parsed safely (defusedxml: no entity expansion, no network).

Mapping rules (tag names matched case-insensitively, namespaces ignored):
- question/answer documents (MedQuAD <Document> with <QAPair>/<pair>, <Question>, <Answer>): the title is <Focus>
  (or <doctitle-focus>), then per pair the question as a heading line followed by the answer paragraphs; pairs with
  an empty answer are dropped. This is the layout of the NIH pages the pipeline is tuned on.
- XHTML (root <html>): handed to the HTML extractor.
- any other XML (JATS, PubMed, CMS exports): the first title-like element is the title; heading-like elements
  (title, heading, h1-h6, question, label) become heading lines; paragraph-like elements (p, para, answer, abstract,
  li, item, text, body without children …) become paragraphs; text directly inside other elements is kept as a
  paragraph of its own, so nothing the author wrote is dropped.
A file that is not well-formed XML, or holds no text, is an IngestError for that file alone.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from pipeline.ingest.article import IngestError

_SPACES = re.compile(r"[ \t\u00a0]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
HEADING_TAGS = {"title", "heading", "h1", "h2", "h3", "h4", "h5", "h6", "question", "label", "article-title",
                "focus", "doctitle-focus", "subtitle"}
TITLE_TAGS = ("focus", "doctitle-focus", "article-title", "title", "h1")


def _tag(element: Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def clean_paragraphs(text: str | None) -> str:
    """Collapse spaces/tabs, strip lines, keep paragraphs separated by one blank line."""
    paragraphs = []
    for block in _PARAGRAPH_BREAK.split((text or "").replace("\r\n", "\n")):
        lines = [_SPACES.sub(" ", line).strip() for line in block.splitlines()]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _child_text(element: Element, *names: str) -> str:
    for child in element:
        if _tag(child) in names:
            return "".join(child.itertext())
    return ""


def qa_document(root: Element) -> tuple[str, list[str]] | None:
    """(title, sections) of a question/answer document, None when it has no <QAPair>/<pair> with an answer."""
    sections = []
    for pair in root.iter():
        if _tag(pair) in ("qapair", "pair"):
            question = _one_line(_child_text(pair, "question"))
            answer = clean_paragraphs(_child_text(pair, "answer"))
            if answer:
                sections.append(f"{question}\n{answer}" if question else answer)
    if not sections:
        return None
    title = _one_line(_child_text(root, "focus", "doctitle-focus")) or sections[0].split("\n", 1)[0]
    return title, sections


def _generic_blocks(root: Element) -> list[str]:
    blocks: list[str] = []

    def walk(element: Element) -> None:
        tag = _tag(element)
        if tag in HEADING_TAGS:
            line = _one_line("".join(element.itertext()))
            if line:
                blocks.append(line)
        elif len(element) == 0 or tag in ("p", "para", "answer", "li", "item"):
            paragraph = clean_paragraphs("".join(element.itertext()))
            if paragraph:
                blocks.append(paragraph)
        else:
            own = clean_paragraphs(element.text)
            if own:
                blocks.append(own)
            for child in element:
                walk(child)
                tail = clean_paragraphs(child.tail)
                if tail:
                    blocks.append(tail)

    walk(root)
    return blocks


def xml_to_text(xml: str, name: str) -> tuple[str, dict]:
    """The article text of an XML document and its metadata ({"title", "url"} where present)."""
    try:
        root = SafeET.fromstring(xml.encode("utf-8"))
    except DefusedXmlException as exc:
        raise IngestError(f"{name}: XML with entity or DTD tricks is refused ({type(exc).__name__})") from None
    except SafeET.ParseError as exc:
        raise IngestError(f"{name}: not well-formed XML ({exc})") from None
    if _tag(root) == "html":
        from pipeline.ingest.html import html_to_text

        return html_to_text(xml, name)
    url = root.get("url") or None
    # the page's address closes the text as a "Sources" section, as in the articles the project was built on, so
    # the profile cites where the text came from
    sources = [f"Sources\n- {url}"] if url else []
    qa = qa_document(root)
    if qa is not None:
        title, sections = qa
        return "\n\n".join([title, *sections, *sources]) + "\n", {"title": title, "url": url}
    blocks = _generic_blocks(root)
    if not blocks:
        raise IngestError(f"{name}: no article text found in the XML")
    title = next((_one_line("".join(e.itertext())) for t in TITLE_TAGS for e in root.iter() if _tag(e) == t), None)
    if title and blocks[0] != title:
        blocks.insert(0, title)
    return "\n\n".join([*blocks, *sources]) + "\n", {"title": title or blocks[0].split("\n", 1)[0], "url": url}
