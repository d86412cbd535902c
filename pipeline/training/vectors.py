"""Small in-domain static word vectors for the NER model (build step only; needs gensim, see requirements-train.txt).

Raw text: PubTator abstracts of every stored corpus EXCEPT the BC5CDR, NCBI-disease and BioRED test sets (any PMID
of those test sets is dropped wherever it appears), the HPO GSC-2024 texts, and the MedQuAD questions/answers
(de-duplicated). Text is tokenised with the runtime scispacy tokenizer and lower-cased; a skip-gram word2vec model
is trained with one worker and a fixed seed, and the ROWS most frequent words are written in word2vec text format
for ``spacy init vectors ... --attr LOWER``.

    python -m pipeline.training.vectors --corpora $CORPORA --medquad $MEDQUAD \
        --out build/ner/vectors.txt.gz --rows 20000 --dim 100

(`make train-ner` / `make eval-ner` pass the shared corpora as CORPORA and MEDQUAD; build time only.)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator

from pipeline.nlp.tokenizer import blank_tokenizing_nlp
from pipeline.training.corpora import read_pubtator

TRAIN_PUBTATOR = [
    "BC5CDR-pubtator/BC5CDR_TrainDev.PubTator",
    "NCBI-disease-pubtator/NCBIdisease_TrainDev.PubTator",
    "BioRED/Train.PubTator",
    "BioRED/Dev.PubTator",
    "HPO-GSCplus/GSCplus_dev_input.PubTator",
    "HPO-GSCplus/GSCplus_test_input.PubTator",
]
HELD_OUT_PUBTATOR = [
    "BC5CDR-pubtator/BC5CDR_Test.PubTator",
    "NCBI-disease-pubtator/NCBIdisease_Test.PubTator",
    "BioRED/Test.PubTator",
]


def held_out_pmids(corpora: Path) -> set[str]:
    return {d.pmid for rel in HELD_OUT_PUBTATOR for d in read_pubtator(corpora / rel)}


def iter_texts(corpora: Path, medquad: Path | None, stats: dict) -> Iterator[str]:
    banned = held_out_pmids(corpora)
    seen: set[str] = set()
    for rel in TRAIN_PUBTATOR:
        path = corpora / rel
        if not path.exists():
            continue
        for d in read_pubtator(path):
            if d.pmid in banned:
                stats["dropped_test_pmids"] += 1
                continue
            if d.pmid in seen:
                continue
            seen.add(d.pmid)
            stats["abstracts"] += 1
            yield d.text
    gsc = corpora / "HPO-GSC-2024" / "Text"
    if gsc.is_dir():
        for f in sorted(gsc.iterdir()):
            if f.name in banned or f.name in seen:
                stats["dropped_test_pmids"] += f.name in banned
                continue
            seen.add(f.name)
            stats["abstracts"] += 1
            yield f.read_text(encoding="utf-8", errors="replace")
    if medquad and medquad.is_dir():
        hashes: set[bytes] = set()
        for f in sorted(medquad.rglob("*.xml")):
            try:
                root = ET.parse(f).getroot()
            except ET.ParseError:
                continue
            for el in root.iter():
                if el.tag in ("Question", "Answer") and el.text and el.text.strip():
                    text = " ".join(el.text.split())
                    h = hashlib.blake2b(text.encode(), digest_size=12).digest()
                    if h in hashes:
                        continue
                    hashes.add(h)
                    stats["medquad_texts"] += 1
                    yield text


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, required=True)
    ap.add_argument("--medquad", type=Path, default=None)
    ap.add_argument("--out", type=Path, required=True, help="word2vec text file (.txt or .txt.gz)")
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)

    from gensim.models import Word2Vec  # build-time dependency only

    t0 = time.time()
    stats = {"abstracts": 0, "medquad_texts": 0, "dropped_test_pmids": 0}
    nlp = blank_tokenizing_nlp()
    sentences: list[list[str]] = []
    for doc in nlp.tokenizer.pipe(iter_texts(a.corpora, a.medquad, stats), batch_size=256):
        toks = [t.lower_ for t in doc if not t.is_space]
        for i in range(0, len(toks), 1000):
            sentences.append(toks[i : i + 1000])
    n_tokens = sum(map(len, sentences))
    t1 = time.time()
    model = Word2Vec(
        sentences,
        vector_size=a.dim,
        window=5,
        min_count=a.min_count,
        sg=1,
        negative=5,
        sample=1e-4,
        epochs=a.epochs,
        workers=1,
        seed=a.seed,
    )
    t2 = time.time()
    words = model.wv.index_to_key[: a.rows]  # sorted by frequency
    a.out.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if a.out.suffix == ".gz" else open
    with opener(a.out, "wt", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {a.dim}\n")
        for w in words:
            fh.write(w + " " + " ".join(f"{x:.5f}" for x in model.wv[w]) + "\n")
    report = dict(stats, tokens=n_tokens, vocab=len(model.wv.index_to_key), rows=len(words), dim=a.dim,
                  tokenize_s=round(t1 - t0, 1), train_s=round(t2 - t1, 1), seed=a.seed)
    a.out.with_name(a.out.name.split(".")[0] + ".json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
