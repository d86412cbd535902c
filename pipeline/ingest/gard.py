"""GARD's symptom table written on one line (MedQuAD's GARD answers) → one row per line, as GARD's pages show it.

MedQuAD flattens the table "Signs and Symptoms | Approximate number of patients (when available)" into running text:
"Signs and Symptoms Approximate number of patients (when available) Arthralgia 90% Apnea - Autosomal recessive
inheritance - The Human Phenotype Ontology (HPO) has collected ...". Unfolded, each row is a line "- Arthralgia:
90%" ("- Apnea" where the frequency is "-"), so the table reader (`assemble.symptom_table`) attaches frequencies
and each row is a sentence of its own (a cue in one row, "Absence of ...", says nothing of the next). A table whose
rows do not all parse is left as it is. Only for inputs whose text we extract (XML, HTML, JSON): a .txt article's
offsets index into the file itself.
"""

from __future__ import annotations

import re

INLINE_TABLE = re.compile(r"[ \t]*(?P<header>Signs and Symptoms) (?P<column>Approximate number of patients \(when "
                          r"available\)) (?P<rows>.+?)[ \t]*(?=The Human Phenotype Ontology \(HPO\)|\n|\Z)")
ROW = re.compile(r"\s*(?P<label>[^\s%].*?)\s+(?P<freq>\d{1,3}(?:\.\d+)?%|\d+/\d+|-)(?=\s|$)")
MAX_LABEL_WORDS = 20  # HPO labels run long ("Hair shafts flattened at irregular intervals and twisted ...")


def unfold_symptom_tables(text: str) -> str:
    return INLINE_TABLE.sub(_unfold, text)


def _unfold(match: re.Match) -> str:
    rows, position, body = [], 0, match.group("rows")
    while position < len(body):
        row = ROW.match(body, position)
        if row is None or len(row.group("label").split()) > MAX_LABEL_WORDS:
            return match.group(0)  # not the table's shape: keep the text as written
        label, freq = row.group("label"), row.group("freq")
        rows.append(f"- {label}" if freq == "-" else f"- {label}: {freq}")
        position = row.end()
    lines = "\n".join(rows)
    return f"\n\n{match.group('header')} | {match.group('column')}\n{lines}\n\n"
