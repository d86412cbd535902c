"""Load the compiled vocabulary (`vocab/*.tsv.gz`) into lookup tables: key → candidates, id → concept.

Loaded once per process (`load_vocabulary` is cached). Parsing the TSVs and building the prefix set takes ~2.5 s,
so the built tables are also pickled to `vocab/.cache/` (gitignored), keyed by the sha256 of the compiled files:
later loads take ~0.5 s. The cache is our own derived file; a stale or unreadable one is rebuilt, never trusted.
"""

from __future__ import annotations

import csv
import gc
import gzip
import hashlib
import io
import json
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_VOCAB_DIR = Path(__file__).resolve().parents[2] / "vocab"
COMPILED_FILES = ("concepts.tsv.gz", "terms.tsv.gz", "manifest.json")
CACHE_FORMAT = 2  # bump when the pickled tables change shape
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Concept:
    id: str
    type: str
    label: str
    source: str
    branch: str
    xrefs: tuple[str, ...]
    classes: tuple[str, ...]
    ancestors: tuple[str, ...] = ()  # MONDO is_a ancestors, nearest first (up to three steps)

    @property
    def prefix(self) -> str:
        return self.id.split(":", 1)[0]


@dataclass(frozen=True)
class Candidate:
    concept: Concept
    kind: str  # label, exact, layperson, abbreviation, brand, entry, related, narrow, overlay
    term: str


class Vocabulary:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        if not (directory / "terms.tsv.gz").exists():
            raise FileNotFoundError(f"no compiled vocabulary in {directory} (run `make vocab`)")
        self.fingerprint = vocabulary_fingerprint(directory)
        cache = directory / ".cache" / f"vocabulary-{self.fingerprint[:16]}.pickle"
        tables = _read_cache(cache)
        if tables is None:
            self._build(directory)
            _write_cache(cache, (self.concepts, self.index, self.prefixes, self.manifest))
        else:
            self.concepts, self.index, self.prefixes, self.manifest = tables

    def _build(self, directory: Path) -> None:
        self.concepts: dict[str, Concept] = {}
        for row in _read_tsv(directory / "concepts.tsv.gz"):
            self.concepts[row["id"]] = Concept(row["id"], row["type"], row["label"], row["source"], row["branch"],
                                               tuple(filter(None, row["xrefs"].split("|"))),
                                               tuple(filter(None, row["classes"].split("|"))),
                                               tuple(filter(None, (row.get("ancestors") or "").split("|"))))
        self.index: dict[str, list[Candidate]] = {}
        self.prefixes: set[str] = set()
        for row in _read_tsv(directory / "terms.tsv.gz"):
            key = row["key"]
            self.index.setdefault(key, []).append(Candidate(self.concepts[row["concept_id"]], row["kind"], row["term"]))
            words = key.split(" ")
            for n in range(1, len(words)):
                self.prefixes.add(" ".join(words[:n]))
        self.manifest = json.loads((directory / "manifest.json").read_text())

    @property
    def versions(self) -> dict[str, str]:
        return dict(self.manifest.get("versions", {}))

    def lookup(self, key: str) -> list[Candidate]:
        return self.index.get(key, [])

    def has_prefix(self, key: str) -> bool:
        return key in self.prefixes or key in self.index


def vocabulary_fingerprint(directory: Path) -> str:
    """sha256 over the compiled vocabulary files (and the cache format): changes whenever the vocabulary does."""
    digest = hashlib.sha256(f"format {CACHE_FORMAT}".encode())
    for name in COMPILED_FILES:
        digest.update((directory / name).read_bytes())
    return digest.hexdigest()


def _read_cache(path: Path):
    if not path.exists():
        return None
    gc.disable()  # hundreds of thousands of small objects: the collector would rescan them while unpickling
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception as exc:  # a corrupt or foreign cache is rebuilt, not trusted
        log.warning("ignoring unreadable vocabulary cache %s: %s", path, exc)
        return None
    finally:
        gc.enable()


def _write_cache(path: Path, tables) -> None:
    try:
        path.parent.mkdir(exist_ok=True)
        for stale in path.parent.glob("vocabulary-*.pickle"):
            stale.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".vocabulary-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError as exc:  # a read-only checkout still works, only slower to start
        log.info("vocabulary cache not written (%s)", exc)


def _read_tsv(path: Path):
    with gzip.open(path, "rb") as raw:
        yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"), delimiter="\t")


def load_vocabulary(directory: str | Path | None = None) -> Vocabulary:
    """The vocabulary in `directory` (default vocab/), loaded once per process however the path is spelled."""
    return _load(str(Path(directory or DEFAULT_VOCAB_DIR).resolve()))


@lru_cache(maxsize=4)
def _load(directory: str) -> Vocabulary:
    return Vocabulary(Path(directory))
