"""Symptom tables: "Signs and Symptoms | Approximate number of patients" (GARD, from HPO annotations) and the
same table as Markdown/pipe rows. Each row names one phenotype (usually an HPO label) and, where known, how often
it is seen ("90%", "13/13", "Very frequent").

Recognised shapes after a header line that names symptoms/features and a frequency column:
    - Arthralgia: 90%            (bulleted rows, GARD text)
    - Apnea                      (no frequency)
    | Arthralgia | 90% |         (pipe table rows; an all-dashes separator row is skipped)
The table ends at the first blank line after its rows or at any line of another shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADER = re.compile(r"^\s*\|?\s*(signs? and symptoms?|symptoms?|clinical features?|features?|phenotypes?|"
                     r"medical terms?)\s*\|\s*(approximate number of patients|frequency|how often|"
                     r"percent of (patients|people)|% of patients)", re.I)
_BULLET_ROW = re.compile(r"^(?P<indent>\s*[-*•]\s+)(?P<label>[^:|\n]+?)\s*(?::\s*(?P<freq>[^\n]+?))?\s*$")
_PIPE_ROW = re.compile(r"^\s*\|?\s*(?P<label>[^|\n]+?)\s*\|\s*(?P<freq>[^|\n]*?)\s*\|?\s*$")
NO_FREQUENCY = {"", "-", "–", "—", "n/a", "N/A", "unknown"}
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")


@dataclass(frozen=True)
class TableRow:
    label: str
    start: int  # label span in the article text
    end: int
    frequency: str | None
    row_start: int  # whole row (for excluding its other mentions and numbers from the prose rules)
    row_end: int


def find_symptom_tables(text: str) -> list[TableRow]:
    rows: list[TableRow] = []
    offset, in_table, seen_row = 0, False, False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        line_start, offset = offset, offset + len(line)
        if _HEADER.match(body):
            in_table, seen_row = True, False
            continue
        if not in_table:
            continue
        if not body.strip():
            if seen_row:
                in_table = False
            continue
        if _SEPARATOR.match(body):
            continue
        match = _BULLET_ROW.match(body) or _PIPE_ROW.match(body)
        if not match or len(match.group("label").split()) > 12:
            in_table = False
            continue
        frequency = (match.group("freq") or "").strip()
        frequency = None if frequency in NO_FREQUENCY else frequency  # GARD writes "-" where it has none
        rows.append(TableRow(match.group("label"), line_start + match.start("label"), line_start + match.end("label"),
                             frequency, line_start, line_start + len(body)))
        seen_row = True
    return rows
