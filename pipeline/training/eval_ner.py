"""Entity-level evaluation of the NER model on BC5CDR test, NCBI-disease test and BioRED test.

    python -m pipeline.training.eval_ner --model models/ner_bc5cdr --corpora $CORPORA

(`make train-ner` / `make eval-ner` pass the shared corpora as CORPORA and MEDQUAD; build time only.)

* BC5CDR test / NCBI-disease test: the IOB files (the ones scispacy and BioBERT report on). Docs are built from the
  given tokens (``Doc(words=..., spaces=...)``) and the trained pipeline's components run on them, so the tokenizer is
  bypassed and the scores are comparable with published ones. NCBI-disease scores DISEASE only.
* BioRED test (DiseaseOrPhenotypicFeature -> DISEASE, ChemicalEntity -> CHEMICAL, other types ignored) and, as a
  runtime check, BC5CDR test from PubTator: raw text through the full pipeline (our scispacy tokenizer); a predicted
  entity counts only when its character offsets equal a gold mention's ("strict"), or equal the gold mention expanded
  to our token boundaries ("token-aligned": the best this tokenizer can do).
* Exact-match precision / recall / F1 per type and micro-averaged over both types ("combined").
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.nlp.tokenizer  # noqa: F401  (registers the tokenizer named in the model's config)
from pipeline.training.corpora import BIORED_TYPES, BC5CDR_TYPES, LABELS, SETS, iob_docs, read_pubtator

ROOT = Path(__file__).resolve().parents[2]


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 2), "r": round(100 * r, 2), "f": round(100 * f, 2), "tp": tp, "fp": fp, "fn": fn}


def score_sets(gold: list[set], pred: list[set], labels: tuple[str, ...]) -> dict:
    """gold/pred: per document, sets of (start, end, label). Only `labels` are scored."""
    c: Counter = Counter()
    for g, p in zip(gold, pred):
        g = {x for x in g if x[2] in labels}
        p = {x for x in p if x[2] in labels}
        for lab in labels:
            gl = {x for x in g if x[2] == lab}
            pl = {x for x in p if x[2] == lab}
            c[lab, "tp"] += len(gl & pl)
            c[lab, "fp"] += len(pl - gl)
            c[lab, "fn"] += len(gl - pl)
    out = {lab: prf(c[lab, "tp"], c[lab, "fp"], c[lab, "fn"]) for lab in labels}
    out["combined"] = prf(*(sum(c[lab, k] for lab in labels) for k in ("tp", "fp", "fn")))
    return out


def run_components(nlp: Language, docs: list[Doc]) -> list[Doc]:
    for _, proc in nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=256)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs


def eval_iob(nlp: Language, path: Path, type_map: dict[str, str], labels: tuple[str, ...]) -> dict:
    gold_docs = iob_docs(nlp.vocab, path, type_map)
    blank = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold_docs]
    pred_docs = run_components(nlp, blank)
    gold = [{(e.start, e.end, e.label_) for e in d.ents} for d in gold_docs]
    pred = [{(e.start, e.end, e.label_) for e in d.ents} for d in pred_docs]
    res = score_sets(gold, pred, labels)
    res["docs"] = len(gold_docs)
    res["tokens"] = sum(len(d) for d in gold_docs)
    return res


def eval_pubtator(nlp: Language, path: Path, type_map: dict[str, str], labels: tuple[str, ...],
                  skip_pmids: set[str] | None = None) -> dict:
    pdocs = [d for d in read_pubtator(path) if not skip_pmids or d.pmid not in skip_pmids]
    docs = list(nlp.pipe([d.text for d in pdocs], batch_size=64))
    gold_strict, gold_aligned, pred = [], [], []
    for pd, doc in zip(pdocs, docs):
        gs, ga = set(), set()
        for m in pd.mentions:
            lab = type_map.get(m.type)
            if lab is None:
                continue
            gs.add((m.start, m.end, lab))
            sp = doc.char_span(m.start, m.end, alignment_mode="expand")
            if sp is not None and len(sp):
                ga.add((sp.start_char, sp.end_char, lab))
        gold_strict.append(gs)
        gold_aligned.append(ga)
        pred.append({(e.start_char, e.end_char, e.label_) for e in doc.ents})
    return {
        "docs": len(pdocs),
        "strict": score_sets(gold_strict, pred, labels),
        "token_aligned": score_sets(gold_aligned, pred, labels),
    }


def throughput(nlp: Language, texts: list[str], repeats: int = 1) -> dict:
    nlp.pipe(texts[:5]).__next__()  # warm-up
    t0 = time.perf_counter()
    words = 0
    for _ in range(repeats):
        for doc in nlp.pipe(texts, batch_size=64):
            words += len(doc)
    dt = time.perf_counter() - t0
    return {"words": words, "seconds": round(dt, 2), "words_per_s": round(words / dt)}


def evaluate(model: Path, corpora: Path, speed: bool = True) -> dict:
    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load_s = time.perf_counter() - t0
    both = LABELS
    res: dict = {"model": str(model), "load_s": round(load_s, 2), "pipeline": nlp.pipe_names}
    res["bc5cdr_test_iob"] = eval_iob(nlp, corpora / SETS["bc5cdr_test_iob"][0], SETS["bc5cdr_test_iob"][2], both)
    res["bc5cdr_dev_iob"] = eval_iob(nlp, corpora / SETS["bc5cdr_dev_iob"][0], SETS["bc5cdr_dev_iob"][2], both)
    res["ncbi_disease_test_iob"] = eval_iob(nlp, corpora / SETS["ncbi_test_iob"][0], {"Disease": "DISEASE"},
                                            ("DISEASE",))
    bio = corpora / "BioRED/Test.PubTator"
    res["biored_test"] = eval_pubtator(nlp, bio, BIORED_TYPES, both)
    # BioRED test re-uses 21 BC5CDR train/dev abstracts: also score it without them.
    bc5_traindev = {d.pmid for d in read_pubtator(corpora / "BC5CDR-pubtator/BC5CDR_TrainDev.PubTator")}
    res["biored_test_unseen"] = eval_pubtator(nlp, bio, BIORED_TYPES, both, skip_pmids=bc5_traindev)
    bc5 = corpora / "BC5CDR-pubtator/BC5CDR_Test.PubTator"
    res["bc5cdr_test_pubtator"] = eval_pubtator(nlp, bc5, BC5CDR_TYPES, both)
    if speed:
        texts = [d.text for d in read_pubtator(bc5)]
        res["speed_bc5cdr_test"] = throughput(nlp, texts)
    return res


def summary_lines(res: dict) -> list[str]:
    lines = [f"model {res['model']}  load {res['load_s']} s"]

    def row(name: str, sc: dict) -> str:
        parts = [f"{k} P {v['p']:.1f} R {v['r']:.1f} F {v['f']:.2f}" for k, v in sc.items() if isinstance(v, dict)]
        return f"{name:34s} " + " | ".join(parts)

    lines.append(row("BC5CDR test (IOB)", {k: v for k, v in res["bc5cdr_test_iob"].items() if isinstance(v, dict)}))
    lines.append(row("BC5CDR dev (IOB)", {k: v for k, v in res["bc5cdr_dev_iob"].items() if isinstance(v, dict)}))
    lines.append(row("NCBI-disease test (IOB)", {"DISEASE": res["ncbi_disease_test_iob"]["DISEASE"]}))
    for key in ("biored_test", "biored_test_unseen", "bc5cdr_test_pubtator"):
        for mode in ("strict", "token_aligned"):
            lines.append(row(f"{key} [{mode}] n={res[key]['docs']}", res[key][mode]))
    if "speed_bc5cdr_test" in res:
        s = res["speed_bc5cdr_test"]
        lines.append(f"speed: {s['words']} words in {s['seconds']} s = {s['words_per_s']} words/s (nlp.pipe, 1 process)")
    return lines


def _short(sc: dict) -> dict:
    return {k: {m: v[m] for m in ("p", "r", "f")} for k, v in sc.items() if isinstance(v, dict)}


def package(model: Path, dest: Path, res: dict, train_dir: Path | None) -> None:
    """Copy the trained pipeline to `dest` (nlp.to_disk: weights and config only, no optimizer state) with a meta.json
    carrying name, version, training data, seed, training time and dev/test scores."""
    nlp = spacy.load(model)
    info: dict = {}
    if train_dir is not None:
        for name in ("train_report.json", "alignment.json", "vectors.json"):
            f = train_dir / name
            if f.exists():
                info[name.split(".")[0]] = json.loads(f.read_text())
    rep = info.get("train_report", {})
    nlp.meta.update(
        {
            "name": "ner_bc5cdr",
            "version": "0.1.0",
            "description": "CHEMICAL/DISEASE NER (spaCy CNN tok2vec + transition NER, CPU) trained on BC5CDR "
            "with the scispacy tokenizer (disease_profiles.scispacy_tokenizer.v1). Issue 4.",
            "license": "MIT (code); BC5CDR annotations: research use, see README \"Data credits and licences\"",
            "labels": {"ner": list(nlp.get_pipe("ner").labels)},
            "training_data": {
                "train_sets": info.get("alignment", {}).get("train"),
                "dev_sets": info.get("alignment", {}).get("dev"),
                "sets": info.get("alignment", {}).get("sets"),
                "static_vectors": info.get("vectors"),
                "note": "BC5CDR PubTator (TrainDev docs 1-500 = train, 501-1000 = dev); PMIDs of the BC5CDR, "
                "NCBI-disease and BioRED test sets are excluded from every training set and from the vector text.",
            },
            "seed": rep.get("seed"),
            "training_time_s": rep.get("seconds"),
            "training_machine": rep.get("machine"),
            "training_steps": rep.get("max_steps"),
            "scores": {
                "bc5cdr_test_iob": _short(res["bc5cdr_test_iob"]),
                "bc5cdr_dev_iob": _short(res["bc5cdr_dev_iob"]),
                "ncbi_disease_test_iob": _short(res["ncbi_disease_test_iob"]),
                "biored_test_strict": _short(res["biored_test"]["strict"]),
                "bc5cdr_test_pubtator_strict": _short(res["bc5cdr_test_pubtator"]["strict"]),
            },
            "scores_note": "dev scores are not held out when the dev set is among train_sets (the final model is "
            "trained on train + dev); held-out dev figures of the same config are in results/ner_experiments.md",
            "reference_scores": {"scispacy_en_ner_bc5cdr_md_f": 84.28, "biobert_disease_f": 87.2,
                                 "biobert_chemical_f": 93.5},
        }
    )
    nlp.meta.pop("performance", None)
    if dest.exists():
        import shutil

        shutil.rmtree(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(dest)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", type=Path, default=ROOT / "models/ner_bc5cdr")
    ap.add_argument("--corpora", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=ROOT / "results/ner_eval.json")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--package", type=Path, default=None, help="write the evaluated pipeline + meta.json here")
    ap.add_argument("--train-dir", type=Path, default=None, help="dir with train_report/alignment/vectors .json")
    a = ap.parse_args(argv)
    res = evaluate(a.model, a.corpora, speed=not a.no_speed)
    if a.package is not None:
        package(a.model, a.package, res, a.train_dir)
        res["packaged_to"] = str(a.package)
        res["model_size_bytes"] = sum(f.stat().st_size for f in a.package.rglob("*") if f.is_file())
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=2) + "\n")
    print("\n".join(summary_lines(res)))


if __name__ == "__main__":
    main()
