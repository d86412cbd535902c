"""One article through NLP → linking → assembly → serialisation, in whichever process runs it.

`process_batch` is the unit of work every engine runs (in-process, a local process pool, Dask workers). It takes
ingested `Article`s and returns plain `ArticleResult`s: the profile already serialised, the CSV rows, timings.
Docs and pydantic objects never cross a process boundary. The spaCy pipeline loads once per process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.ingest.article import Article

log = logging.getLogger("disease_profiles")

STAGES = ("ingest", "nlp", "linking", "assembly", "export")
# spaCy components whose time counts as "linking" (dictionary lookup, candidate choice); the rest is "nlp".
LINKING_COMPONENTS = {"vocab_matcher"}


@dataclass
class ArticleResult:
    doc_id: str
    path: str
    sha256: str
    ok: bool
    stage: str = ""  # where it failed
    reason: str = ""
    profile_json: str = ""  # pretty JSON for profiles/<doc_id>.json
    jsonl_line: str = ""  # compact JSON for profiles.jsonl
    text_file: str | None = None  # the text the offsets index into, when it is not the input file itself
    mention_rows: list[dict] = field(default_factory=list)
    fact_rows: list[dict] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    words: int = 0
    mentions: int = 0
    facts: int = 0
    worker: str = ""
    peak_memory_mb: float = 0.0


@dataclass
class Skipped:
    """An article whose outputs from an earlier run are still valid (same input bytes, same pipeline): it keeps
    its place in the batch so outputs stay in input order, and comes back untouched."""

    doc_id: str
    path: str
    sha256: str


def text_file_path(out_dir: str | Path, doc_id: str) -> Path:
    return Path(out_dir) / "texts" / f"{doc_id}.txt"


def load_worker(config: str | None = None):
    """The pipeline for this process (cached per config): call it before forking so that workers share it."""
    from pipeline.assemble.profile import build_profile  # noqa: F401  (import cost belongs to start-up)
    from pipeline.nlp.build import load_nlp

    return load_nlp(config)


def process_batch(articles: list[Article | Skipped], out_dir: str, fingerprint: str,
                  config: str | None = None) -> list[ArticleResult | Skipped]:
    return [item if isinstance(item, Skipped) else process_article(item, out_dir, fingerprint, config)
            for item in articles]


def process_article(article: Article, out_dir: str, fingerprint: str, config: str | None = None) -> ArticleResult:
    from pipeline.assemble.profile import build_profile
    from pipeline.export.json_profile import profile_json
    from pipeline.export.tables import table_rows
    from pipeline.nlp.records import doc_to_records

    nlp = load_worker(config)
    seconds = {stage: 0.0 for stage in STAGES}
    result = ArticleResult(article.doc_id, article.path, article.sha256, ok=False, seconds=seconds,
                           worker=f"{os.uname().nodename}:{os.getpid()}")
    stage = "nlp"
    try:
        t = time.perf_counter()
        doc = nlp.make_doc(article.text)
        seconds["nlp"] += time.perf_counter() - t
        for name, component in nlp.pipeline:
            stage = "linking" if name in LINKING_COMPONENTS else "nlp"
            t = time.perf_counter()
            doc = component(doc)
            seconds[stage] += time.perf_counter() - t
        stage = "nlp"
        t = time.perf_counter()
        records = doc_to_records(doc)
        seconds["nlp"] += time.perf_counter() - t

        stage = "assembly"
        t = time.perf_counter()
        if article.needs_text_file:
            text_path, result.text_file = str(text_file_path(out_dir, article.doc_id)), article.text
        else:
            text_path = article.path
        text_sha = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        profile = build_profile(article, records, text_path, text_sha)
        profile.provenance.pipeline_fingerprint = fingerprint
        seconds["assembly"] += time.perf_counter() - t

        stage = "export"
        t = time.perf_counter()
        result.profile_json = profile_json(profile)
        result.jsonl_line = profile.model_dump_json() + "\n"
        result.mention_rows, result.fact_rows = table_rows(profile)
        seconds["export"] += time.perf_counter() - t
    except Exception as exc:  # one article's failure is reported; the batch goes on
        log.debug("failure in %s", article.doc_id, exc_info=True)
        result.stage, result.reason = stage, f"{type(exc).__name__}: {exc}"
        return _finish(result)
    result.ok = True
    result.words = len(article.text.split())
    result.mentions = len(profile.mentions)
    result.facts = sum(len(getattr(profile, f)) for f in profile.FACT_FIELDS)
    return _finish(result)


def _finish(result: ArticleResult) -> ArticleResult:
    result.peak_memory_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result
