"""Approximate linking with scispacy's own machinery: a `KnowledgeBase` built from our compiled vocabulary and
scispacy's character-3-gram TF-IDF candidate generator (an nmslib HNSW index over every alias).

Used after exact lookup fails: for spans the NER model finds that no dictionary key covers ("Immunosuppressvie
drugs", "Sjgren syndrome" with MedQuAD's stripped characters). The KB holds the concept types a mention can be
linked to without a curated sense: phenotypes (HPO), diseases (MONDO), drugs (DrugBank), with their labels and
exact/lay/brand synonyms (narrow, related and abbreviation synonyms are left out: too ambiguous to reach by
spelling alone).

Score: scispacy's cosine similarity between the char-3-gram TF-IDF vectors of the mention and of the best alias
of the concept (1.0 = same 3-grams). A link is accepted at `MIN_SIMILARITY` (0.85) or above, and only to a concept
whose type the mention allows. The index is a derived file (`vocab/.cache/ann-<vocabulary hash>/`, ~1-2 minutes
to build with `make ann`), rebuilt whenever the vocabulary changes; without it, approximate linking is skipped
with one warning and exact linking works as before.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from functools import lru_cache
from pathlib import Path

from pipeline.vocab.store import DEFAULT_VOCAB_DIR, Concept, Vocabulary, load_vocabulary

log = logging.getLogger(__name__)

MIN_SIMILARITY = 0.85
KB_TYPES = {"SYMPTOM", "DISEASE", "DRUG"}
KB_PREFIXES = ("HP:", "MONDO:", "DRUGBANK:")
KB_KINDS = {"label", "exact", "layperson", "brand", "entry", "overlay"}
ALIASES_FILE = "alias_to_cuis.json"


def index_dir(vocabulary: Vocabulary) -> Path:
    return vocabulary.directory / ".cache" / f"ann-{vocabulary.fingerprint[:16]}"


def knowledge_base(vocabulary: Vocabulary):
    """scispacy KnowledgeBase of the linkable concepts, aliases as written in the sources (lower-cased)."""
    from scispacy.linking_utils import Entity, KnowledgeBase

    aliases: dict[str, set[str]] = {}
    for candidates in vocabulary.index.values():
        for c in candidates:
            if c.concept.type in KB_TYPES and c.concept.id.startswith(KB_PREFIXES) and c.kind in KB_KINDS:
                aliases.setdefault(c.concept.id, set()).add(c.term.lower())
    entities = [Entity(concept_id=cid, canonical_name=vocabulary.concepts[cid].label, aliases=sorted(names),
                       types=[vocabulary.concepts[cid].type], definition=None)
                for cid, names in sorted(aliases.items())]
    return KnowledgeBase(entities)


# scispacy's create_tfidf_ann_index hard-codes UMLS-scale HNSW parameters (M=100, efConstruction=2000: ~40 minutes
# for our 209k aliases on 2 cores). Same vectoriser, same space and file layout, lighter graph: ~2 minutes.
HNSW_PARAMS = {"M": 32, "efConstruction": 200, "post": 0}


def build_index(vocabulary: Vocabulary | None = None) -> Path:
    """scispacy's TF-IDF + nmslib index (same vectoriser and files as `create_tfidf_ann_index`)."""
    import json
    import os

    import joblib
    import nmslib
    import numpy
    import scipy.sparse
    from scispacy.candidate_generation import LinkerPaths
    from sklearn.feature_extraction.text import TfidfVectorizer

    vocabulary = vocabulary or load_vocabulary()
    out = index_dir(vocabulary)
    tmp = out.with_name(out.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    paths = LinkerPaths.from_directory(str(tmp))
    started = time.perf_counter()
    alias_to_cuis = knowledge_base(vocabulary).alias_to_cuis
    aliases = sorted(alias_to_cuis)
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 3), min_df=10, dtype=numpy.float32)
    vectors = vectorizer.fit_transform(aliases)
    keep = numpy.asarray(vectors.sum(axis=1) != 0).reshape(-1)  # nmslib crashes on all-zero vectors
    aliases = [a for a, k in zip(aliases, keep) if k]
    vectors = vectors[keep]
    joblib.dump(vectorizer, paths.tfidf_vectorizer)
    with open(paths.concept_aliases_list, "w") as handle:
        json.dump(aliases, handle)
    scipy.sparse.save_npz(paths.tfidf_vectors, vectors.astype(numpy.float16))
    with open(tmp / ALIASES_FILE, "w") as handle:  # the only part of the KB the candidate generator reads
        json.dump({a: sorted(alias_to_cuis[a]) for a in aliases}, handle)
    index = nmslib.init(method="hnsw", space="cosinesimil_sparse", data_type=nmslib.DataType.SPARSE_VECTOR)
    index.addDataPointBatch(vectors)
    index.createIndex({**HNSW_PARAMS, "indexThreadQty": os.cpu_count() or 1}, print_progress=False)
    index.saveIndex(paths.ann_index)
    import shutil

    for stale in out.parent.glob("ann-*"):  # indexes of earlier vocabularies
        if stale not in (out, tmp):
            shutil.rmtree(stale, ignore_errors=True)
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)  # the index appears complete or not at all
    log.info("approximate-linking index: %d aliases in %.0fs -> %s", len(aliases), time.perf_counter() - started, out)
    return out


class ApproximateLinker:
    def __init__(self, vocabulary: Vocabulary, directory: Path) -> None:
        from scispacy.candidate_generation import CandidateGenerator, LinkerPaths

        self.vocabulary = vocabulary
        paths = LinkerPaths.from_directory(str(directory))
        ann_index, vectorizer, aliases = _load(paths)
        self.generator = CandidateGenerator(ann_index, vectorizer, aliases, _AliasIndex(directory / ALIASES_FILE))

    def link(self, texts: list[str], allowed_types: list[set[str]], k: int = 15) -> list[tuple[Concept, float] | None]:
        """Best concept of an allowed type at MIN_SIMILARITY or above, per text (None when there is none)."""
        if not texts:
            return []
        results = []
        for candidates, allowed in zip(self.generator(texts, k), allowed_types):
            best = None
            for candidate in candidates:
                concept = self.vocabulary.concepts.get(candidate.concept_id)
                score = max(candidate.similarities)
                if concept is None or concept.type not in allowed or score < MIN_SIMILARITY:
                    continue
                if best is None or score > best[1]:
                    best = (concept, round(float(score), 3))
            results.append(best)
        return results


class _AliasIndex:
    """The alias → concept ids map of the KB, as saved with the index (building the whole KB takes seconds)."""

    def __init__(self, path: Path) -> None:
        import json

        with open(path, encoding="utf-8") as handle:
            self.alias_to_cuis = {alias: set(ids) for alias, ids in json.load(handle).items()}


def _load(paths):
    from scispacy.candidate_generation import load_approximate_nearest_neighbours_index
    import joblib
    import json

    ann_index = load_approximate_nearest_neighbours_index(paths, ef_search=100)
    vectorizer = joblib.load(paths.tfidf_vectorizer)
    aliases = json.load(open(paths.concept_aliases_list))
    return ann_index, vectorizer, aliases


@lru_cache(maxsize=1)
def load_approximate_linker() -> ApproximateLinker | None:
    vocabulary = load_vocabulary()
    directory = index_dir(vocabulary)
    if not (directory / ALIASES_FILE).exists():
        log.warning("no approximate-linking index at %s (run `make ann`); linking exact matches only", directory)
        return None
    return ApproximateLinker(vocabulary, directory)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", action="store_true", help="build the index for the current vocabulary")
    parser.add_argument("--vocab", type=Path, default=DEFAULT_VOCAB_DIR)
    args = parser.parse_args(argv)
    logging.basicConfig(level="INFO", format="%(message)s")
    if args.build:
        print(build_index(load_vocabulary(args.vocab)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
