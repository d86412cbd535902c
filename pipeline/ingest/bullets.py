"""Bulleted lists written on one line (MedQuAD's answers) → one item per line, as the source pages show them.

MedQuAD flattens "<ul>" lists into running text: "- chronic constipation or diarrhea - straining during bowel
movements - sitting on the toilet for long periods of time". Unfolded, each item is a line "- item", so the layout
sees list items, each item is a sentence of its own (a cue in one item, "caused by", says nothing of the next) and
a list's lead-in line is found as for any list. Split only on a line that is itself a bullet, or after a lead-in's
colon ("any of the following: - Headaches. - Double vision"), and only at " - " before a word: "X-linked", "10-20"
and "ages 10 - 20" stay, and so does a lone dash after a name, which opens its description ("- Plasmapheresis - a
procedure used ..."). The unfolding swaps one space for a line break and nothing else, so every offset still
indexes the file as written (a .txt article is read in place): the text keeps its length.
"""

from __future__ import annotations

import re

INLINE_BULLET_LINE = re.compile(r"^[ \t]*- [^\n]*? - [^\n]*$", re.M)
# a list run on after its lead-in's colon: "... if you have any of the following: - Headaches. - Double vision"
COLON_BULLETS = re.compile(r"(?<=:)[ \t]*( )- (?=[A-Za-z(])[^\n]*$", re.M)
ITEM_BREAK = re.compile(r"(?<=\S)[ \t]*( )- (?=[A-Za-z(\"'])")


def unfold_inline_bullets(text: str) -> str:
    chars = list(text)
    for run in COLON_BULLETS.finditer(text):
        chars[run.start(1)] = "\n"
        _break_items(text, run.end(1), run.end(), chars, listed=True)
    for line in INLINE_BULLET_LINE.finditer(text):
        _break_items(text, line.start(), line.end(), chars)
    unfolded = "".join(chars)
    assert len(unfolded) == len(text)  # offsets index the original
    return unfolded


def _break_items(text: str, start: int, end: int, chars: list[str], listed: bool = False) -> None:
    breaks = list(ITEM_BREAK.finditer(text, start, end))
    if len(breaks) == 1 and not listed and not re.search(r"[.!?;:]\s*$", text[start:breaks[0].start()]):
        return  # "- Plasmapheresis - a procedure used after ...": one dash after a name opens its description
    for item in breaks:
        chars[item.start(1)] = "\n"
