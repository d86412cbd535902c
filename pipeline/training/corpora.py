"""PubTator / IOB corpus readers and conversion to spaCy DocBins for NER training (CHEMICAL, DISEASE).

Training Docs are built from PubTator raw text (title + " " + abstract) tokenised with the runtime tokenizer
(`disease_profiles.scispacy_tokenizer.v1`); gold mentions are aligned with ``doc.char_span`` — strict first, then
``alignment_mode="expand"`` — and every mention that needed expanding, failed, or collided with another is counted.
Evaluation Docs for the IOB files keep the given tokens (``Doc(words=..., spaces=...)``).

    python -m pipeline.training.corpora --corpora $CORPORA --out build/ner/corpus \
        --train bc5cdr_train,bc5cdr_dev --dev bc5cdr_dev

(`make train-ner` / `make eval-ner` pass the shared corpora as CORPORA and MEDQUAD; build time only.)
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from pipeline.nlp.tokenizer import blank_tokenizing_nlp

LABELS = ("CHEMICAL", "DISEASE")

# Source type -> our label; types not listed are ignored (left unannotated).
BC5CDR_TYPES = {"Chemical": "CHEMICAL", "Disease": "DISEASE"}
BIORED_TYPES = {"ChemicalEntity": "CHEMICAL", "DiseaseOrPhenotypicFeature": "DISEASE"}
NCBI_TYPES = {
    "SpecificDisease": "DISEASE",
    "DiseaseClass": "DISEASE",
    "CompositeMention": "DISEASE",
    "Modifier": "DISEASE",
    "Disease": "DISEASE",
}
IOB_TYPES = {"Chemical": "CHEMICAL", "Disease": "DISEASE"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    ident: str = ""


@dataclass
class PubTatorDoc:
    pmid: str
    title: str = ""
    abstract: str = ""
    mentions: list[Mention] = field(default_factory=list)

    @property
    def text(self) -> str:
        # PubTator offsets count the title, one separator character, then the abstract.
        return f"{self.title} {self.abstract}" if self.abstract else self.title


def read_pubtator(path: str | Path) -> list[PubTatorDoc]:
    """Documents of a PubTator file, in file order. Relation lines (no integer offsets) are skipped."""
    docs: list[PubTatorDoc] = []
    by_id: dict[str, PubTatorDoc] = {}

    def get(pmid: str) -> PubTatorDoc:
        if pmid not in by_id:
            by_id[pmid] = PubTatorDoc(pmid)
            docs.append(by_id[pmid])
        return by_id[pmid]

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                continue
            if "|t|" in line[:40] and line.split("|", 2)[1] == "t":
                pmid, _, title = line.split("|", 2)
                get(pmid).title = title
                continue
            if "|a|" in line[:40] and line.split("|", 2)[1] == "a":
                pmid, _, abstract = line.split("|", 2)
                get(pmid).abstract = abstract
                continue
            parts = line.split("\t")
            if len(parts) >= 5 and parts[1].isdigit() and parts[2].isdigit():
                ident = parts[5] if len(parts) > 5 else ""
                get(parts[0]).mentions.append(Mention(int(parts[1]), int(parts[2]), parts[3], parts[4], ident))
    return docs


def read_iob(path: str | Path) -> list[list[tuple[str, str]]]:
    """Sentences of a two-column (token TAB tag) IOB file; blank lines separate sentences."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip():
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            token, _, tag = line.partition("\t")
            cur.append((token, tag.strip() or "O"))
    if cur:
        sents.append(cur)
    return sents


def normalise_iob(tags: Iterable[str], type_map: dict[str, str]) -> list[str]:
    """Map IOB types to our labels; unknown types -> O; an I- that does not continue its entity becomes B-."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag == "O" or "-" not in tag:
            out.append("O")
            prev = "O"
            continue
        bio, _, typ = tag.partition("-")
        label = type_map.get(typ)
        if label is None:
            out.append("O")
            prev = "O"
            continue
        if bio == "I" and prev in (f"B-{label}", f"I-{label}"):
            new = f"I-{label}"
        else:
            new = f"B-{label}"
        out.append(new)
        prev = new
    return out


def iob_docs(vocab: Vocab, path: str | Path, type_map: dict[str, str] = IOB_TYPES) -> list[Doc]:
    """One Doc per IOB sentence, with the file's own tokens and gold entities."""
    docs = []
    for sent in read_iob(path):
        words = [w for w, _ in sent]
        tags = normalise_iob([t for _, t in sent], type_map)
        docs.append(Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False], ents=tags))
    return docs


@dataclass
class AlignStats:
    mentions: int = 0  # mentions of a kept type
    exact: int = 0  # aligned to token boundaries as given
    expanded: int = 0  # needed alignment_mode="expand" (a token boundary falls inside the mention)
    failed: int = 0  # no span even with expand (whitespace-only / out of range)
    merged: int = 0  # identical span+label to an earlier mention after expansion (e.g. "tachycardia/bradycardia")
    conflicts: int = 0  # overlapped a kept span after expansion: dropped, its tokens marked missing
    text_mismatch: int = 0  # text[start:end] != mention text in the file
    ignored_types: int = 0  # mentions of types we do not train on

    def add(self, other: "AlignStats") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


def pubtator_to_doc(nlp: Language, pdoc: PubTatorDoc, type_map: dict[str, str], stats: AlignStats) -> Doc:
    text = pdoc.text
    doc = nlp.make_doc(text)
    spans: list[Span] = []
    for m in sorted(pdoc.mentions, key=lambda m: (m.start, -m.end)):
        label = type_map.get(m.type)
        if label is None:
            stats.ignored_types += 1
            continue
        stats.mentions += 1
        if text[m.start:m.end] != m.text:
            stats.text_mismatch += 1
        span = doc.char_span(m.start, m.end, label=label)
        if span is not None:
            stats.exact += 1
        else:
            span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
            if span is None or len(span) == 0:
                stats.failed += 1
                continue
            stats.expanded += 1
        spans.append(span)
    kept: list[Span] = []
    missing: list[Span] = []
    seen: set[tuple[int, int, str]] = set()
    taken: set[int] = set()
    # Longest first, then leftmost, so a conflict keeps the larger mention.
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        key = (span.start, span.end, span.label_)
        if key in seen:
            stats.merged += 1
            continue
        if any(i in taken for i in range(span.start, span.end)):
            stats.conflicts += 1
            missing.append(span)
            continue
        seen.add(key)
        taken.update(range(span.start, span.end))
        kept.append(span)
    missing = [s for s in missing if not any(i in taken for i in range(s.start, s.end))]
    doc.set_ents(sorted(kept, key=lambda s: s.start), missing=missing, default="outside")
    return doc


def pubtator_docs(
    nlp: Language, pdocs: Iterable[PubTatorDoc], type_map: dict[str, str], stats: AlignStats | None = None
) -> list[Doc]:
    stats = stats if stats is not None else AlignStats()
    return [pubtator_to_doc(nlp, p, type_map, stats) for p in pdocs]


def space_punctuation(pdoc: PubTatorDoc) -> PubTatorDoc:
    """Augmentation: a copy of the document with a space put on each side of every punctuation character inside a
    word ("5-FU" -> "5 - FU", "Na(v)1.5" -> "Na ( v ) 1 . 5"), mention offsets remapped.

    The text is then tokenised with the same runtime tokenizer, which now splits those characters off. It shows the
    model the punctuation-split granularity of the IOB benchmark files (and of spaced hyphens in real text) while the
    unaugmented copy keeps the runtime granularity; a mention at a hyphen ("Cisplatin" in "Cisplatin-induced") becomes
    exactly alignable."""
    text = pdoc.text
    out: list[str] = []
    pos = [0] * (len(text) + 1)
    n = 0
    for i, c in enumerate(text):
        pad = not c.isalnum() and not c.isspace()
        if pad and i > 0 and not text[i - 1].isspace() and out and out[-1] != " ":
            out.append(" ")
            n += 1
        pos[i] = n
        out.append(c)
        n += 1
        if pad and i + 1 < len(text) and not text[i + 1].isspace():
            out.append(" ")
            n += 1
    pos[len(text)] = n
    new_text = "".join(out)
    mentions = []
    for m in pdoc.mentions:
        start, end = pos[m.start], pos[m.end - 1] + 1 if m.end > m.start else pos[m.start]
        mentions.append(Mention(start, end, new_text[start:end], m.type, m.ident))
    return PubTatorDoc(pdoc.pmid, new_text, "", mentions)


# Named sets: (relative path, format, type map, slice of documents).
# BC5CDR_TrainDev.PubTator holds 1000 docs: 1-500 are the official train set, 501-1000 the dev set.
SETS: dict[str, tuple[str, str, dict[str, str], slice]] = {
    "bc5cdr_train": ("BC5CDR-pubtator/BC5CDR_TrainDev.PubTator", "pubtator", BC5CDR_TYPES, slice(0, 500)),
    "bc5cdr_dev": ("BC5CDR-pubtator/BC5CDR_TrainDev.PubTator", "pubtator", BC5CDR_TYPES, slice(500, 1000)),
    "bc5cdr_test_pubtator": ("BC5CDR-pubtator/BC5CDR_Test.PubTator", "pubtator", BC5CDR_TYPES, slice(None)),
    "biored_train": ("BioRED/Train.PubTator", "pubtator", BIORED_TYPES, slice(None)),
    "biored_dev": ("BioRED/Dev.PubTator", "pubtator", BIORED_TYPES, slice(None)),
    "biored_test": ("BioRED/Test.PubTator", "pubtator", BIORED_TYPES, slice(None)),
    "ncbi_train": ("NCBI-disease-pubtator/NCBIdisease_TrainDev.PubTator", "pubtator", NCBI_TYPES, slice(0, 593)),
    "ncbi_test_pubtator": ("NCBI-disease-pubtator/NCBIdisease_Test.PubTator", "pubtator", NCBI_TYPES, slice(None)),
    "bc5cdr_test_iob": ("BC5CDR/test.tsv", "iob", IOB_TYPES, slice(None)),
    "bc5cdr_dev_iob": ("BC5CDR/devel.tsv", "iob", IOB_TYPES, slice(None)),
    "ncbi_test_iob": ("NCBI-disease/test.tsv", "iob", {"Disease": "DISEASE"}, slice(None)),
}


# Test sets whose abstracts must never be trained on. BioRED reuses abstracts of BC5CDR and NCBI-disease
# (BioRED Train holds 53 BC5CDR-test abstracts, Dev 16), so training sets drop every PMID found here.
# Exception: BioRED Test itself re-uses 21 BC5CDR train/dev abstracts; those stay in the BC5CDR training sets (the
# primary benchmark keeps its full official split) and eval_ner also reports BioRED test without them.
HELD_OUT = (
    "BC5CDR-pubtator/BC5CDR_Test.PubTator",
    "NCBI-disease-pubtator/NCBIdisease_Test.PubTator",
    "BioRED/Test.PubTator",
)


def held_out_pmids(corpora: str | Path, held_out: Iterable[str] = HELD_OUT) -> set[str]:
    return {d.pmid for rel in held_out if (Path(corpora) / rel).exists() for d in read_pubtator(Path(corpora) / rel)}


def load_set(
    name: str, corpora: str | Path, nlp: Language, stats: AlignStats | None = None, exclude: set[str] | None = None
) -> list[Doc]:
    """Docs of a named set; PubTator docs whose PMID is in `exclude` are left out (see HELD_OUT).
    A name ending in ":spaced" gives the `space_punctuation` augmentation of that set."""
    base, _, variant = name.partition(":")
    rel, fmt, type_map, sl = SETS[base]
    path = Path(corpora) / rel
    if fmt == "iob":
        return iob_docs(nlp.vocab, path, type_map)[sl]
    pdocs = [d for d in read_pubtator(path)[sl] if not exclude or d.pmid not in exclude]
    if variant == "spaced":
        pdocs = [space_punctuation(d) for d in pdocs]
    elif variant:
        raise ValueError(f"unknown set variant: {name}")
    return pubtator_docs(nlp, pdocs, type_map, stats)


def build(corpora: Path, out: Path, train: list[str], dev: list[str]) -> dict:
    nlp = blank_tokenizing_nlp()
    out.mkdir(parents=True, exist_ok=True)
    report: dict = {"train": train, "dev": dev, "sets": {}}
    banned_all = held_out_pmids(corpora)
    banned_bc5cdr = held_out_pmids(corpora, [h for h in HELD_OUT if not h.startswith("BioRED/")])
    # BioRED Train/Dev also re-use ~100 BC5CDR train/dev abstracts, annotated to other guidelines: BC5CDR's wins.
    banned_other = banned_all | held_out_pmids(corpora, ["BC5CDR-pubtator/BC5CDR_TrainDev.PubTator"])
    for split, names in (("train", train), ("dev", dev)):
        db = DocBin(store_user_data=False)
        for name in names:
            if "test" in name:
                raise ValueError(f"refusing to train or early-stop on a test set: {name}")
            stats = AlignStats()
            rel, fmt, _, sl = SETS[name.partition(":")[0]]
            n_all = len(read_pubtator(Path(corpora) / rel)[sl]) if fmt == "pubtator" else None
            banned = banned_bc5cdr if name.startswith("bc5cdr_") else banned_other
            docs = load_set(name, corpora, nlp, stats, exclude=banned)
            for d in docs:
                db.add(d)
            ents = sum(len(d.ents) for d in docs)
            report["sets"][name] = {"docs": len(docs), "entities": ents, "alignment": stats.__dict__,
                                    "dropped_pmids": (n_all - len(docs)) if n_all is not None else 0}
        db.to_disk(out / f"{split}.spacy")
    (out / "alignment.json").write_text(json.dumps(report, indent=2) + "\n")
    return report


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--train", default="bc5cdr_train", help="comma-separated set names: " + ", ".join(SETS))
    ap.add_argument("--dev", default="bc5cdr_dev")
    a = ap.parse_args(argv)
    report = build(a.corpora, a.out, a.train.split(","), a.dev.split(","))
    for name, r in report["sets"].items():
        al = r["alignment"]
        print(f"{name}: {r['docs']} docs, {r['entities']} entities; mentions {al['mentions']} exact {al['exact']} "
              f"expanded {al['expanded']} failed {al['failed']} merged {al['merged']} conflicts {al['conflicts']} "
              f"text_mismatch {al['text_mismatch']}; dropped (held-out/duplicate) PMIDs {r['dropped_pmids']}")


if __name__ == "__main__":
    main()
