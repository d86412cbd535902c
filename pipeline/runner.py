"""Batch orchestration: ingest → NLP → assembly → export for every article, one failure never stopping the rest.

Outputs (all written atomically: a temporary file, then a rename):
- `profiles/<doc_id>.json` per article as it completes; `texts/<doc_id>.txt` for HTML/JSONL inputs;
- `profiles.jsonl`, `mentions.csv`, `facts.csv`: streamed to temporary files and renamed when the run ends;
- `run_report.json`: counts, failures with reasons, per-stage timings, words/second, peak memory.
"""

from __future__ import annotations

import hashlib
import json
import logging
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from pipeline import __version__
from pipeline.export.atomic import atomic_open, atomic_write_text
from pipeline.export.json_profile import write_article_text, write_profile
from pipeline.export.tables import TableWriter
from pipeline.ingest import IngestFailure, discover, iter_articles

log = logging.getLogger("disease_profiles")
STAGES = ("ingest", "nlp", "assembly", "export")


@dataclass
class RunReport:
    started_at: str
    inputs: list[str]
    out_dir: str
    pipeline_version: str = __version__
    articles_ok: int = 0
    articles_failed: int = 0
    failures: list[dict] = field(default_factory=list)
    words: int = 0
    mentions: int = 0
    facts: int = 0
    startup_seconds: float = 0.0
    seconds: dict[str, float] = field(default_factory=lambda: {s: 0.0 for s in STAGES})
    wall_seconds: float = 0.0
    words_per_second: float = 0.0
    peak_memory_mb: float = 0.0
    vocabulary_versions: dict[str, str] = field(default_factory=dict)


def count_articles(paths: list[Path]) -> int:
    files, problems = discover(paths)
    total = len(problems)
    for path in files:
        if path.suffix.lower() == ".jsonl":
            with open(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


def run(paths: list[Path], out_dir: Path, progress: bool = True) -> RunReport:
    from pipeline.assemble.profile import build_profile  # imported here: start-up time is measured below
    from pipeline.nlp.build import load_nlp
    from pipeline.nlp.records import doc_to_records

    wall = time.perf_counter()
    report = RunReport(started_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"), inputs=[str(p) for p in paths],
                       out_dir=str(out_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    nlp = load_nlp()
    from pipeline.vocab.store import load_vocabulary
    report.vocabulary_versions = load_vocabulary().versions
    report.startup_seconds = round(time.perf_counter() - t0, 3)
    log.info("pipeline loaded in %.2fs", report.startup_seconds)

    total = count_articles(paths)
    bar = tqdm(total=total, unit="article", disable=not progress, file=sys.stderr, dynamic_ncols=True)
    with atomic_open(out_dir / "profiles.jsonl", "w", encoding="utf-8") as jsonl, \
            atomic_open(out_dir / "mentions.csv", "w", encoding="utf-8", newline="") as mentions_csv, \
            atomic_open(out_dir / "facts.csv", "w", encoding="utf-8", newline="") as facts_csv:
        tables = TableWriter(mentions_csv, facts_csv)
        articles = iter_articles(paths)
        while True:
            t = time.perf_counter()
            item = next(articles, None)
            report.seconds["ingest"] += time.perf_counter() - t
            if item is None:
                break
            bar.update(1)
            if isinstance(item, IngestFailure):
                _fail(report, item.doc_id, item.path, "ingest", item.reason)
                continue
            stage = "nlp"
            try:
                t = time.perf_counter()
                result = doc_to_records(nlp(item.text))
                report.seconds["nlp"] += time.perf_counter() - t
                stage = "export"
                t = time.perf_counter()
                if item.needs_text_file:
                    text_path = str(write_article_text(item.text, out_dir, item.doc_id))
                else:
                    text_path = item.path
                text_sha = hashlib.sha256(item.text.encode("utf-8")).hexdigest()
                report.seconds["export"] += time.perf_counter() - t
                stage = "assembly"
                t = time.perf_counter()
                profile = build_profile(item, result, text_path, text_sha)
                report.seconds["assembly"] += time.perf_counter() - t
                stage = "export"
                t = time.perf_counter()
                write_profile(profile, out_dir)
                jsonl.write(profile.model_dump_json() + "\n")
                tables.write(profile)
                report.seconds["export"] += time.perf_counter() - t
            except Exception as exc:  # one article's failure is reported, the batch goes on
                log.debug("failure in %s", item.doc_id, exc_info=True)
                _fail(report, item.doc_id, item.path, stage, f"{type(exc).__name__}: {exc}")
                continue
            report.articles_ok += 1
            report.words += len(item.text.split())
            report.mentions += len(profile.mentions)
            report.facts += sum(len(getattr(profile, f)) for f in profile.FACT_FIELDS)
            bar.set_postfix(ok=report.articles_ok, failed=report.articles_failed, refresh=False)
    bar.close()
    report.wall_seconds = round(time.perf_counter() - wall, 3)
    processing = sum(report.seconds.values())
    report.words_per_second = round(report.words / processing, 1) if processing else 0.0
    report.seconds = {k: round(v, 3) for k, v in report.seconds.items()}
    report.peak_memory_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    atomic_write_text(out_dir / "run_report.json", json.dumps(report.__dict__, indent=2) + "\n")
    return report


def _fail(report: RunReport, doc_id: str, path: str, stage: str, reason: str) -> None:
    report.articles_failed += 1
    report.failures.append({"doc_id": doc_id, "path": path, "stage": stage, "reason": reason})
    log.error("%s: %s", doc_id, reason)
