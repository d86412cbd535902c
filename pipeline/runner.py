"""Batch orchestration: ingest here, process on an engine (`pipeline.engines`), write outputs here, in input order.

Outputs (all written atomically: a temporary file, then a rename — never a half-written file):
- `profiles/<doc_id>.json` per article as it completes; `texts/<doc_id>.txt` for HTML/XML/JSON(L) inputs;
- `profiles.jsonl`, `mentions.csv`, `facts.csv`: streamed to temporary files and renamed when the run completes;
- `run_report.json`: counts, failures with reasons, per-stage timings, words/second, peak memory per worker;
- `.state/done.jsonl`: the resume log (`pipeline.state`): re-runs skip articles whose input and pipeline
  fingerprint are unchanged, and an interrupted run resumes where it stopped.
One article's failure is reported and the batch goes on.
"""

from __future__ import annotations

import json
import logging
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from pipeline import __version__
from pipeline.engines import make_engine
from pipeline.export.atomic import atomic_open, atomic_write_text
from pipeline.ingest import IngestFailure, discover, iter_articles
from pipeline.process import STAGES, Skipped, text_file_path

log = logging.getLogger("disease_profiles")


@dataclass
class RunReport:
    started_at: str
    inputs: list[str]
    out_dir: str
    engine: str = "serial"
    workers: int = 1
    pipeline_version: str = __version__
    pipeline_fingerprint: str = ""
    completed: bool = False
    articles_ok: int = 0
    articles_skipped: int = 0
    articles_failed: int = 0
    failures: list[dict] = field(default_factory=list)
    words: int = 0
    mentions: int = 0
    facts: int = 0
    startup_seconds: float = 0.0
    seconds: dict[str, float] = field(default_factory=lambda: {s: 0.0 for s in STAGES})
    processing_seconds: float = 0.0
    wall_seconds: float = 0.0
    words_per_second: float = 0.0
    articles_per_second: float = 0.0
    peak_memory_mb: float = 0.0
    peak_memory_mb_per_worker: dict[str, float] = field(default_factory=dict)
    vocabulary_versions: dict[str, str] = field(default_factory=dict)


def _json_article_count(path: Path) -> int:
    try:
        value = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return 1  # unreadable: one failure to report
    return len(value) if isinstance(value, list) else 1


def count_articles(paths: list[Path]) -> int:
    files, problems = discover(paths)
    total = len(problems)
    for path in files:
        if path.suffix.lower() == ".jsonl":
            with open(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        elif path.suffix.lower() == ".json":
            total += _json_article_count(path)
        else:
            total += 1
    return total


def run(paths: list[Path], out_dir: Path, progress: bool = True, *, jobs: int = 1, engine: str = "local",
        scheduler: str | None = None, batch_size: int = 8, resume: bool = True,
        config: Path | None = None) -> RunReport:
    """Process every article under `paths` into `out_dir`. Raises KeyboardInterrupt after saving resume state."""
    from pipeline.fingerprint import pipeline_fingerprint
    from pipeline.state import DoneLog

    wall = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out_dir)
    fingerprint = pipeline_fingerprint(str(config.resolve()) if config else None)
    runner = make_engine(engine, str(out_dir), fingerprint, jobs=jobs, scheduler=scheduler,
                         config=str(config.resolve()) if config else None)
    report = RunReport(started_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"), inputs=[str(p) for p in paths],
                       out_dir=str(out_dir), engine=runner.name, pipeline_fingerprint=fingerprint)
    done = DoneLog(out_dir)
    if not resume:
        done.entries.clear()
    total = count_articles(paths)
    t0 = time.perf_counter()
    try:
        with runner.started():
            from pipeline.vocab.store import load_vocabulary

            report.vocabulary_versions = load_vocabulary().versions
            report.workers = runner.workers
            report.startup_seconds = round(time.perf_counter() - t0, 3)
            log.info("pipeline loaded in %.2fs (%s engine, %d worker(s))", report.startup_seconds, runner.name,
                     runner.workers)
            processing_started = time.perf_counter()
            bar = tqdm(total=total, unit="article", disable=not progress, file=sys.stderr, dynamic_ncols=True)
            try:
                with atomic_open(out_dir / "profiles.jsonl", "w", encoding="utf-8") as jsonl, \
                        atomic_open(out_dir / "mentions.csv", "w", encoding="utf-8", newline="") as mentions_csv, \
                        atomic_open(out_dir / "facts.csv", "w", encoding="utf-8", newline="") as facts_csv:
                    from pipeline.export.tables import TableWriter

                    tables = TableWriter(mentions_csv, facts_csv)
                    batches = _batches(paths, out_dir, fingerprint, done, report, bar, batch_size)
                    for results in runner.run(batches):
                        for result in results:
                            _write(result, out_dir, jsonl, tables, done, report)
                            bar.update(1)
                            bar.set_postfix(ok=report.articles_ok, skipped=report.articles_skipped,
                                            failed=report.articles_failed, refresh=False)
                report.completed = True
            finally:
                bar.close()
                report.processing_seconds = round(time.perf_counter() - processing_started, 3)
    finally:
        done.close(compact=report.completed)
        _finish_report(report, wall)
        atomic_write_text(out_dir / "run_report.json", json.dumps(report.__dict__, indent=2) + "\n")
    return report


def _batches(paths, out_dir: Path, fingerprint: str, done, report: RunReport, bar, batch_size: int):
    """Ingest (in this process), drop failures into the report, mark unchanged articles as skipped, batch."""
    batch: list = []
    articles = iter_articles(paths)
    while True:
        t = time.perf_counter()
        item = next(articles, None)
        report.seconds["ingest"] += time.perf_counter() - t
        if item is None:
            break
        if isinstance(item, IngestFailure):
            _fail(report, item.doc_id, item.path, "ingest", item.reason)
            bar.update(1)
            continue
        required = [out_dir / "profiles" / f"{item.doc_id}.json"]
        if item.needs_text_file:
            required.append(text_file_path(out_dir, item.doc_id))
        if done.is_done(item.doc_id, item.sha256, fingerprint, required):
            item = Skipped(item.doc_id, item.path, item.sha256)
        batch.append(item)
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(result, out_dir: Path, jsonl, tables, done, report: RunReport) -> None:
    from pipeline.export.tables import table_rows
    from schemas.profile import DiseaseProfile

    t = time.perf_counter()
    if isinstance(result, Skipped):
        text = (out_dir / "profiles" / f"{result.doc_id}.json").read_text(encoding="utf-8")
        profile = DiseaseProfile.model_validate_json(text)
        jsonl.write(profile.model_dump_json() + "\n")
        tables.write_rows(*table_rows(profile))
        report.articles_skipped += 1
        report.seconds["export"] += time.perf_counter() - t
        return
    for stage, seconds in result.seconds.items():
        report.seconds[stage] += seconds
    worker = result.worker
    report.peak_memory_mb_per_worker[worker] = max(report.peak_memory_mb_per_worker.get(worker, 0.0),
                                                   result.peak_memory_mb)
    if not result.ok:
        _fail(report, result.doc_id, result.path, result.stage, result.reason)
        return
    if result.text_file is not None:
        atomic_write_text(text_file_path(out_dir, result.doc_id), result.text_file)
    atomic_write_text(out_dir / "profiles" / f"{result.doc_id}.json", result.profile_json)
    jsonl.write(result.jsonl_line)
    tables.write_rows(result.mention_rows, result.fact_rows)
    done.mark_done(result.doc_id, result.sha256, report.pipeline_fingerprint)
    report.articles_ok += 1
    report.words += result.words
    report.mentions += result.mentions
    report.facts += result.facts
    report.seconds["export"] += time.perf_counter() - t


def _finish_report(report: RunReport, wall: float) -> None:
    report.wall_seconds = round(time.perf_counter() - wall, 3)
    if report.processing_seconds:
        report.words_per_second = round(report.words / report.processing_seconds, 1)
        report.articles_per_second = round(report.articles_ok / report.processing_seconds, 2)
    report.seconds = {k: round(v, 3) for k, v in report.seconds.items()}
    report.peak_memory_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files a killed run left behind (ours only: `.<name>.<random>.tmp`)."""
    for folder in (out_dir, out_dir / "profiles", out_dir / "texts", out_dir / ".state"):
        if folder.is_dir():
            for stale in folder.glob(".*.tmp"):
                stale.unlink(missing_ok=True)


def _fail(report: RunReport, doc_id: str, path: str, stage: str, reason: str) -> None:
    report.articles_failed += 1
    report.failures.append({"doc_id": doc_id, "path": path, "stage": stage, "reason": reason})
    log.error("%s: %s", doc_id, reason, extra={"doc_id": doc_id, "stage": stage})
