"""Plain text / Markdown layout → title, subtitle, date, sections, list items, references, boilerplate spans.

Nothing is deleted from the text: boilerplate (breadcrumbs, copyright lines, HONcode badges, site navigation,
bylines) is recorded as spans that no fact may come from, so every offset still indexes the original text.

Rules, in order:
- boilerplate lines: copyright / "all rights reserved", HONcode badge paragraphs, site-navigation words, and
  numbered breadcrumb blocks (short numbered lines before the title or after the last content section);
- title: the first Markdown `#` heading, else the first content line; subtitle: a short line right after the
  title that is followed by a date/byline line before any paragraph (About.com's category line);
- updated: "Updated June 09, 2014", "Last reviewed: 2019-03-01" … parsed with dateutil into an ISO date;
- headings: Markdown `#` lines, or short lines (≤ 12 words) standing alone between blank lines or before a
  paragraph, not ending in sentence punctuation, and question lines ("What causes X?") standing alone;
- section kind: the first heading pattern in SECTION_KINDS that matches the heading;
- list items: lines starting with a bullet (•, -, *, ·, –) or a number ("1.", "2)");
- references: the items of a "Sources"/"References"/"Information for this article was taken from:" section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateutil import parser as dateparser

from pipeline.ingest.article import Reference, Section, Span

SECTION_KINDS: list[tuple[str, re.Pattern]] = [(kind, re.compile(pattern, re.I)) for kind, pattern in [
    ("references", r"^(sources?|references?|bibliography|further reading|information for this article|"
                   r"citations?|selected references)\b"),
    ("resources", r"^(organizations?|resources?|related (information|links)|learn more|where can i find|"
                  r"support (groups?|organizations?)|for more information)\b"),
    ("other", r"^(stopping|avoiding|avoid|medicines to avoid)\b"),  # "Stopping Medicines" lists hazards, not treatments
    ("symptoms", r"symptom|signs?\b|clinical (feature|presentation|description)|characteristic|"
                 r"what does .* look like|features"),
    ("causes", r"genetic (change|cause|basis)|genes? (related|associated)|cause|etiolog|risk factor|why does|pathogenesis|how does .* develop"),
    ("inheritance", r"inherit|genetics"),
    ("treatment", r"treat|therap|management|medication|medicines?\b|drugs?\b|surgery|procedures?\b|"
                  r"how (is|are) .* (managed|cured)"),
    ("diagnosis", r"diagnos|\btests?\b|screening|examination"),
    ("complications", r"complication|long[- ]?(lasting|term) effects?|effects?$"),
    ("prognosis", r"prognosis|outlook|life expectancy|survival|what to expect|recovery"),
    ("research", r"research|questions? remain|clinical trials?|studies|what is being done|future"),
    ("frequency", r"frequen|how common|prevalence|incidence|epidemiolog|who (gets|is affected|is at risk)|"
                  r"statistics"),
    ("prevention", r"prevent|vaccin|immuniz"),
    ("overview", r"overview|^what (is|are)\b|summary|introduction|^about\b|definition|description"),
]]

_BULLET = re.compile(r"^(\s*)([•\-*·–]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_COPYRIGHT = re.compile(r"(^\s*(©|\(c\)|copyright\b))|all rights reserved", re.I)
_HONCODE = re.compile(r"honcode|trustworthy health\s+information|verify here", re.I)
_NAVIGATION = re.compile(r"^\s*(skip to (main )?content|share( this)?|print|email|advertisement|subscribe|"
                         r"sign up.*newsletter|menu|search|home|back to top|related articles?|"
                         r"was this (page|article) helpful\??)\s*$", re.I)
_DATE_LINE = re.compile(r"^\s*(?:(?:last\s+)?(?:updated|reviewed|modified|revised)(?:\s+on)?|page last (?:updated|"
                        r"reviewed)(?:\s+on)?|published(?:\s+on)?|date)\s*:?\s*(?P<date>.+?)\s*$", re.I)
_BYLINE = re.compile(r"^\s*(by\s+[A-Z]|medically reviewed by|written by)", re.I)
_URL = re.compile(r"https?://\S+|www\.\S+")
_SENTENCE_END = (".", "!", ";", ",")
QUESTION_LINE = re.compile(r"(what|how|who|why|when|where|is|are|can|do|does)\b.*\?$")
# a lead-in whose colon the source dropped ("Other changes that may help relieve symptoms include") is no heading
_LIST_LEAD_IN = re.compile(r"\b(include|includes|including|such as|like|are|is|the following|as follows|"
                           r"(?:can|may|might|could|will|often|also|commonly|usually) (?:cause|lead to|result in|involve))$",
                           re.I)


@dataclass
class Line:
    start: int
    end: int  # end of the line's text (without the newline)
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class Layout:
    title: str | None = None
    title_span: Span | None = None
    subtitle: str | None = None
    subtitle_span: Span | None = None
    updated: str | None = None
    publisher: str | None = None
    sections: list[Section] | None = None
    list_items: list[Span] | None = None
    boilerplate: list[Span] | None = None
    references: list[Reference] | None = None


def split_lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for raw in text.split("\n"):
        lines.append(Line(offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


def _trimmed_span(line: Line, skip: int = 0) -> Span:
    body = line.text[skip:]
    lead = len(body) - len(body.lstrip())
    return Span(line.start + skip + lead, line.start + skip + len(body.rstrip()))


def section_kind(heading: str | None) -> str:
    if not heading:
        return "overview"
    for kind, pattern in SECTION_KINDS:
        if pattern.search(heading.strip()):
            return kind
    return "other"


def parse_date(raw: str) -> str | None:
    try:
        return dateparser.parse(raw, fuzzy=False, default=None).date().isoformat()
    except (ValueError, OverflowError, AttributeError, TypeError):
        return None


def _words(text: str) -> int:
    return len(text.split())


def _is_heading_candidate(lines: list[Line], i: int) -> bool:
    line = lines[i]
    text = line.stripped
    if _MD_HEADING.match(line.text) and _words(text) <= 25:
        return True  # a marked heading, long FAQ questions included
    if not text or _BULLET.match(line.text) or _words(text) > 12 or len(text) > 100:
        return False
    if text.endswith(_SENTENCE_END) or text.endswith(":") and not section_kind(text) == "references":
        return False
    if _LIST_LEAD_IN.search(text) or not text.endswith("?") and _item_after_colon(lines, i):
        return False
    if not (text[0].isupper() or text[0].isdigit() or QUESTION_LINE.match(text)):
        return False  # MedQuAD writes some questions in lower case ("what research ... is being done for X ?")
    prev_blank = i == 0 or lines[i - 1].blank
    next_line = next((ln for ln in lines[i + 1:] if not ln.blank), None)
    if next_line is None:
        return False
    if text.endswith("?"):
        return prev_blank
    next_is_text = _words(next_line.stripped) > _words(text) or _BULLET.match(next_line.text) is not None
    return prev_blank and next_is_text


ITEM_MAX_WORDS = 25  # an unbulleted item: "Test the oxygen levels in your blood using a sensor attached to your finger"


def _item_after_colon(lines: list[Line], i: int) -> bool:
    """Line i is one of the unbulleted short lines after a lead-in that ends with a colon ("Major signs and
    symptoms of blood clots include:" / "Chest pain and shortness of breath" / "Ongoing headaches"): list items,
    not headings."""
    j = i - 1
    for _ in range(15):
        while j >= 0 and lines[j].blank:
            j -= 1
        if j < 0:
            return False
        previous = lines[j].stripped
        if previous.endswith(":"):
            return not _MD_HEADING.match(lines[j].text)
        if _words(previous) > ITEM_MAX_WORDS or previous.endswith(_SENTENCE_END) or _MD_HEADING.match(lines[j].text) or \
                _BULLET.match(lines[j].text):
            return False  # after a bulleted list, a short line is the next heading ("Sources")
        j -= 1
    return False


def analyse(text: str) -> Layout:
    lines = split_lines(text)
    boiler: set[int] = set()
    layout = Layout(sections=[], list_items=[], boilerplate=[], references=[])

    # Paragraph blocks (runs of non-blank lines) for block-level boilerplate rules.
    blocks: list[list[int]] = []
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if i > 0 and not lines[i - 1].blank and blocks:
            blocks[-1].append(i)
        else:
            blocks.append([i])
    for block in blocks:
        block_text = " ".join(lines[i].stripped for i in block)
        if _HONCODE.search(block_text) or all(_COPYRIGHT.search(lines[i].text) for i in block):
            boiler.update(block)
    for i, line in enumerate(lines):
        if _COPYRIGHT.search(line.text) or _NAVIGATION.match(line.text):
            boiler.add(i)
            match = re.search(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:[-–]\d{4})?)?\s*([^.,\n]+(?:\.[a-z]{2,4})?)",
                              line.text, re.I)
            if match and not layout.publisher and match.group(1).strip():
                layout.publisher = match.group(1).strip().rstrip(".")

    # Title (skipping breadcrumb lines at the very top) and the metadata lines around it.
    content = [i for i, ln in enumerate(lines) if not ln.blank and i not in boiler]
    first_text = next((i for i in content if not _is_short_numbered(lines[i])), None)
    md_title = next((i for i in content[:5] if _MD_HEADING.match(lines[i].text)), None)
    title_index = md_title if md_title is not None else first_text
    if title_index is not None:
        for i in content:
            if i >= title_index:
                break
            if _is_short_numbered(lines[i]) or _words(lines[i].stripped) <= 3:
                boiler.add(i)  # breadcrumb above the title ("1. Health")
        md = _MD_HEADING.match(lines[title_index].text)
        skip = md.start(2) if md else 0
        span = _trimmed_span(lines[title_index], skip)
        layout.title, layout.title_span = text[span.start:span.end], span

    for i, line in enumerate(lines):
        match = _DATE_LINE.match(line.text)
        if match and _words(line.stripped) <= 8 and i not in boiler:
            iso = parse_date(match.group("date"))
            if iso:
                layout.updated = layout.updated or iso
                boiler.add(i)
        elif _BYLINE.match(line.text) and _words(line.stripped) <= 10:
            boiler.add(i)

    if title_index is not None:
        after = [i for i in content if i > title_index]
        if after and _words(lines[after[0]].stripped) <= 6 and not lines[after[0]].stripped.endswith(_SENTENCE_END):
            following = after[1] if len(after) > 1 else None
            if following is not None and following in boiler and section_kind(lines[after[0]].stripped) in (
                    "other", "causes"):
                span = _trimmed_span(lines[after[0]])
                layout.subtitle, layout.subtitle_span = text[span.start:span.end], span
                boiler.add(after[0])

    # Headings and sections.
    headings = [i for i in range(len(lines)) if i not in boiler and i != title_index
                and (title_index is None or i > title_index) and _is_heading_candidate(lines, i)
                and not (layout.subtitle_span and lines[i].start == _line_start(layout.subtitle_span, lines))]
    body_start = (lines[title_index].end + 1) if title_index is not None else 0
    bounds = [(None, None, body_start, "")]
    for i in headings:
        md = _MD_HEADING.match(lines[i].text)
        span = _trimmed_span(lines[i], md.start(2) if md else 0)
        heading = text[span.start:span.end]
        # a marked (#) heading or an FAQ question ("How to diagnose Pericarditis ?") heads the subheadings under it
        bounds.append((heading, span, lines[i].end + 1, "#" if md is not None else "?" if (
            heading.endswith("?") and QUESTION_LINE.match(heading.lower())) else ""))
    marked_kind, marked_by = None, ""  # the kind of the last marked heading: an unmarked one under it is its subheading
    title = (layout.title or "").strip()
    for n, (heading, span, start, marked) in enumerate(bounds):
        end = bounds[n + 1][1].start if n + 1 < len(bounds) else len(text)
        # the kind comes from the question's own words, not from the disease name inside it ("What is (are) Prevent
        # diabetes problems ...?" is an overview, "What are the symptoms of Treatment-related AML?" a symptoms section)
        own_words = re.sub(re.escape(title), " ", heading, flags=re.I).strip() if heading and len(title) > 3 else heading
        kind = section_kind(own_words) if own_words else section_kind(heading)
        if marked:
            marked_kind, marked_by = kind, marked
        elif heading is not None and marked_kind not in (None, "other") and (
                marked_by == "#" and kind in ("other", "overview") or
                marked_by == "?" and kind == "other" and marked_kind not in ("overview", "frequency")):
            # "## What are the signs and symptoms of bronchitis?" > "Acute Bronchitis"; an FAQ question ("How to
            # diagnose X ?") > "Medical History"
            kind = marked_kind
        if heading is None and not text[start:end].strip():
            continue
        layout.sections.append(Section(heading, kind, min(start, len(text)), end, span))

    # Breadcrumb blocks after the last content: numbered short lines at the end of the article.
    last_refs = [s for s in layout.sections if s.kind == "references"]
    tail_from = last_refs[-1].start if last_refs else None
    for block in blocks:
        if all(_is_short_numbered(lines[i]) for i in block) and (
                tail_from is not None and lines[block[0]].start > tail_from
                or block[0] > 0.8 * len(lines)):
            if len(block) >= 2:
                boiler.update(block)

    for i in sorted(boiler):
        span = _trimmed_span(lines[i])
        if span.end > span.start:
            layout.boilerplate.append(span)

    heading_lines = set(headings)
    for i, line in enumerate(lines):
        bullet = _BULLET.match(line.text)
        if bullet and i not in boiler:
            span = _trimmed_span(line, bullet.end())
            if span.end > span.start:
                layout.list_items.append(span)
        elif not line.blank and i not in boiler and i not in heading_lines and i != title_index and \
                _words(line.stripped) <= ITEM_MAX_WORDS and not line.stripped.endswith(_SENTENCE_END) and \
                not line.stripped.endswith((":", "?")) and _item_after_colon(lines, i):
            layout.list_items.append(_trimmed_span(line))  # unbulleted items after "... include:"

    for section in layout.sections:
        if section.kind != "references":
            continue
        for i, line in enumerate(lines):
            if line.start < section.start or line.start >= section.end or line.blank or i in boiler:
                continue
            bullet = _BULLET.match(line.text)
            span = _trimmed_span(line, bullet.end() if bullet else 0)
            ref_text = text[span.start:span.end]
            url = _URL.search(ref_text)
            layout.references.append(Reference(ref_text, span.start, span.end, url.group(0).rstrip(".,)") if url else None))
    return layout


def _is_short_numbered(line: Line) -> bool:
    bullet = _BULLET.match(line.text)
    return bool(bullet and bullet.group(2)[0].isdigit() and _words(line.stripped) <= 8
                and not line.stripped.endswith("."))


def _line_start(span: Span, lines: list[Line]) -> int:
    for line in lines:
        if line.start <= span.start <= line.end:
            return line.start
    return -1
