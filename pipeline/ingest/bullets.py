"""Bulleted lists written on one line (MedQuAD's answers) → one item per line, as the source pages show them.

MedQuAD flattens "<ul>" lists into running text: "- chronic constipation or diarrhea - straining during bowel
movements - sitting on the toilet for long periods of time". Unfolded, each item is a line "- item", so the layout
sees list items, each item is a sentence of its own (a cue in one item, "caused by", says nothing of the next) and
a list's lead-in line is found as for any list. Split only on a line that is itself a bullet, or after a lead-in's
colon ("any of the following: - Headaches. - Double vision"), and only at " - " before a word: "X-linked", "10-20"
and "ages 10 - 20" stay. Only for inputs whose text we extract (XML, HTML, JSON, PDF, Word): a .txt article's
offsets index into the file itself.
"""

from __future__ import annotations

import re

INLINE_BULLET_LINE = re.compile(r"^(?P<indent>[ \t]*)- (?P<body>[^\n]*? - [^\n]*)$", re.M)
# a list run on after its lead-in's colon: "... if you have any of the following: - Headaches. - Double vision"
COLON_BULLETS = re.compile(r"^(?P<lead>[^\n]*?:)[ \t]+- (?=[A-Za-z(])(?P<body>[^\n]*)$", re.M)
ITEM_BREAK = re.compile(r"(?<=\S) - (?=[A-Za-z(\"'])")


def unfold_inline_bullets(text: str) -> str:
    text = COLON_BULLETS.sub(lambda m: f"{m.group('lead')}\n- {m.group('body')}", text)
    return INLINE_BULLET_LINE.sub(_unfold, text)


def _unfold(match: re.Match) -> str:
    indent = match.group("indent")
    items = ITEM_BREAK.split(match.group("body"))
    return "\n".join(f"{indent}- {item.strip()}" for item in items if item.strip())
