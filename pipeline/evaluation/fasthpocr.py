"""FastHPOCR (Groza et al., Bioinformatics 2024; PyPI `FastHPOCR==0.1.4`) as a baseline in `make eval-linking`.

Installed only for evaluation (`requirements-eval.txt`); never imported by the runtime pipeline.

Index-build workaround (a monkeypatch applied here, site-packages untouched): as published,
`CRIndexKB.compileClusterList(clusterId, baseClusters)` scans the whole token→cluster map once per cluster,
i.e. O(clusters × tokens), which ran for over 13 minutes on this kind of machine (STACK.md).
`_patched_compile_cluster_list` inverts `baseClusters` into cluster → [tokens] once (cached on the instance,
keyed by the identity and size of the map) and answers each call with a dict lookup. The token order inside
each list is the map's insertion order, as in the original loop, so the serialised index is identical; the
build takes well under a minute.

The index is built once per hp.obo into `build/fasthpocr/<sha1 of the obo>/hp.index` and reused.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_BUILD = Path(__file__).resolve().parents[2] / "build" / "fasthpocr"


def _patched_compile_cluster_list(self, clusterId, baseClusters):  # noqa: N802, N803 (FastHPOCR's names)
    cache = getattr(self, "_dp_inverted_clusters", None)
    if cache is None or cache[0] != (id(baseClusters), len(baseClusters)):
        inverted: dict[str, list[str]] = {}
        for token, cluster in baseClusters.items():
            inverted.setdefault(cluster, []).append(token)
        cache = ((id(baseClusters), len(baseClusters)), inverted)
        self._dp_inverted_clusters = cache
    return list(cache[1].get(clusterId, ()))


def apply_index_patch() -> None:
    from FastHPOCR.cr.CRIndexKB import CRIndexKB

    if getattr(CRIndexKB.compileClusterList, "__name__", "") != _patched_compile_cluster_list.__name__:
        CRIndexKB.compileClusterList = _patched_compile_cluster_list


def plain_obo(hpo_obo: Path, build: Path = DEFAULT_BUILD) -> Path:
    """FastHPOCR (pronto) reads a plain .obo path: decompress a .gz once into build/."""
    hpo_obo = Path(hpo_obo)
    if hpo_obo.suffix != ".gz":
        return hpo_obo
    target = build / hpo_obo.name.removesuffix(".gz")
    if not target.exists() or target.stat().st_mtime < hpo_obo.stat().st_mtime:
        build.mkdir(parents=True, exist_ok=True)
        with gzip.open(hpo_obo, "rb") as src, open(target.with_suffix(".tmp"), "wb") as dst:
            shutil.copyfileobj(src, dst)
        target.with_suffix(".tmp").replace(target)
    return target


@dataclass
class Prediction:
    start: int
    end: int
    id: str
    text: str


class FastHPOCRAnnotator:
    """Builds (or reuses) the FastHPOCR index for one hp.obo and annotates plain texts."""

    def __init__(self, hpo_obo: Path, build: Path = DEFAULT_BUILD, longest_match: bool = False) -> None:
        from FastHPOCR.HPOAnnotator import HPOAnnotator
        from FastHPOCR.IndexHPO import IndexHPO

        apply_index_patch()
        obo = plain_obo(hpo_obo, build)
        digest = hashlib.sha1(obo.read_bytes()).hexdigest()[:12]
        folder = build / digest
        index_file = folder / "hp.index"
        self.index_seconds = 0.0
        if not index_file.exists():
            folder.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                IndexHPO(str(obo), str(folder)).index()
            self.index_seconds = time.perf_counter() - started
            if not index_file.exists():
                raise RuntimeError(f"FastHPOCR did not write {index_file}")
        started = time.perf_counter()
        self.annotator = HPOAnnotator(str(index_file))
        self.load_seconds = time.perf_counter() - started
        self.longest_match = longest_match

    def annotate(self, text: str) -> list[Prediction]:
        return [Prediction(a.getStartOffset(), a.getEndOffset(), a.getHPOUri(), a.getTextSpan())
                for a in self.annotator.annotate(text, longestMatch=self.longest_match)]
