"""Convert MedQuAD XML documents into a JSONL corpus of plain health articles.

One output line per document: {"id", "title", "text", "url", "collection"}.

Mapping rules (tag names are matched case-insensitively, so the few variant files
using <doc>/<doctitle-focus>/<pair>/<question>/<answer> or <DiseaseFile> also work):

- collection: the sub-folder short name: leading "<n>_" and trailing "_QA"/"_QA_XML"
  dropped, lower-cased, "_" -> "-" (2_GARD_QA -> gard, 10_MPlus_ADAM_QA -> mplus-adam).
- id: "medquad-<collection>-<file stem>", e.g. medquad-gard-0002594. The file stem is
  the document id; it is used instead of the id attribute because that attribute is
  missing or shared by several files in a few documents.
- title: <Focus> (whitespace collapsed); if empty, the first question.
- url: the root element's url attribute, or null.
- text: title, blank line, then per <QAPair> in document order the <Question> as a
  heading line followed by the <Answer> text. Answer paragraphs (split at blank lines)
  are separated by blank lines; runs of spaces/tabs collapse to one space. Pairs with
  an empty answer are dropped; a document left with no answer at all is skipped and
  counted (skipped_no_answer): ADAM, MPlusDrugs, MPlusHerbs have their answers removed.
- Malformed XML: one warning line on stderr, file skipped and counted (malformed).

Sampling: --limit N --seed S shuffles the sorted list of eligible files (those with
answers) with random.Random(S) and keeps the first N. Output is sorted by id and
written atomically (<out>.tmp, then os.replace).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

from defusedxml import ElementTree as SafeET

from defusedxml.common import DefusedXmlException

from pipeline.ingest.xml import clean_paragraphs as clean_answer  # noqa: F401  (the converter's paragraph rule)
from pipeline.ingest.xml import qa_document



@dataclass
class Stats:
    written: int = 0
    skipped_no_answer: int = 0
    malformed: int = 0
    words: int = 0


def collection_name(folder: str) -> str:
    """`2_GARD_QA` -> `gard`, `10_MPlus_ADAM_QA` -> `mplus-adam`, `8_NHLBI_QA_XML` -> `nhlbi`."""
    name = re.sub(r"^\d+_", "", folder)
    name = re.sub(r"_QA(_XML)?$", "", name, flags=re.IGNORECASE)
    return name.lower().replace("_", "-")


def convert_file(path: Path, collection: str) -> dict | None:
    """Return the article for one XML file, or None if it has no answer text.

    Raises ET.ParseError (or OSError) if the file cannot be read as XML.
    """
    root = SafeET.parse(path).getroot()
    qa = qa_document(root)
    if qa is None:
        return None
    title, sections = qa
    return {
        "id": f"medquad-{collection}-{path.stem}",
        "title": title,
        "text": "\n\n".join([title, *sections]),
        "url": root.get("url") or None,
        "collection": collection,
    }


def convert(medquad_dir: Path, out: Path, limit: int | None = None, seed: int = 0) -> Stats:
    """Convert every eligible document (or a seeded sample of `limit`) into `out` (JSONL)."""
    stats = Stats()
    eligible: list[tuple[Path, dict]] = []
    for path in sorted(Path(medquad_dir).glob("*/*.xml")):
        try:
            article = convert_file(path, collection_name(path.parent.name))
        except (ET.ParseError, DefusedXmlException, OSError, UnicodeError) as exc:
            stats.malformed += 1
            reason = " ".join(str(exc).split())
            print(f"warning: skipping malformed XML {path}: {reason}", file=sys.stderr)
            continue
        if article is None:
            stats.skipped_no_answer += 1
        else:
            eligible.append((path, article))
    if limit is not None:
        random.Random(seed).shuffle(eligible)
        eligible = eligible[:limit]
    articles = sorted((article for _, article in eligible), key=lambda a: a["id"])

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for article in articles:
            fh.write(json.dumps(article, ensure_ascii=False) + "\n")
            stats.words += len(article["text"].split())
    os.replace(tmp, out)
    stats.written = len(articles)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--medquad", type=Path, required=True, help="MedQuAD root folder")
    parser.add_argument("--out", type=Path, required=True, help="output JSONL file")
    parser.add_argument("--limit", type=int, default=None, help="sample N documents")
    parser.add_argument("--seed", type=int, default=0, help="seed for --limit sampling")
    args = parser.parse_args(argv)
    if not args.medquad.is_dir():
        print(f"error: MedQuAD directory not found: {args.medquad}", file=sys.stderr)
        return 2
    if args.limit is not None and args.limit < 0:
        parser.error("--limit must be >= 0")
    started = time.perf_counter()
    stats = convert(args.medquad, args.out, args.limit, args.seed)
    print(
        f"medquad: written={stats.written} skipped_no_answer={stats.skipped_no_answer} "
        f"malformed={stats.malformed} words={stats.words} out={args.out} "
        f"({time.perf_counter() - started:.1f}s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
