"""Command line: `disease-profiles extract PATH... --out DIR` (also `python -m pipeline extract ...`).

Exit status: 0 every article succeeded, 1 some failed (each reported on stderr and in run_report.json),
2 usage errors (bad arguments, no inputs), 130 interrupted (re-run the same command to resume).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path

from pipeline import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="disease-profiles", description="Health articles → disease profiles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract profiles from files, folders or JSONL corpora")
    extract.add_argument("paths", nargs="+", type=Path, help=".txt, .md, .html/.htm, .xml, .json, .jsonl files or folders")
    extract.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output)")
    extract.add_argument("--no-progress", action="store_true", help="no progress bar")
    extract.add_argument("--jobs", "-j", type=_positive_int, default=1,
                         help="worker processes (local engine) or LocalCluster workers (dask engine); default 1")
    extract.add_argument("--engine", choices=["local", "dask"], default="local",
                         help="local: this machine (default); dask: a Dask cluster (see --scheduler)")
    extract.add_argument("--scheduler", metavar="ADDRESS",
                         help="Dask scheduler address, e.g. tcp://host:8786 (default: a LocalCluster of --jobs workers)")
    extract.add_argument("--config", type=Path, help="spaCy pipeline config (default: configs/pipeline.cfg)")
    extract.add_argument("--batch-size", type=_positive_int, default=8, help="articles per task (default 8)")
    extract.add_argument("--no-resume", action="store_true",
                         help="re-process every article even if its outputs from an earlier run are still valid")
    extract.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    extract.add_argument("--log-format", default="text", choices=["text", "json"],
                         help="json: one JSON object per log line (for log collectors)")
    return parser


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


class JsonLogFormatter(logging.Formatter):
    """Structured logs: time, level, logger, message and any `extra` fields (doc_id, stage) as one JSON object."""

    FIELDS = ("doc_id", "stage")

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + "Z",
                 "level": record.levelname, "logger": record.name, "message": record.getMessage(),
                 "pid": os.getpid()}
        entry.update({k: getattr(record, k) for k in self.FIELDS if hasattr(record, k)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


def _configure_logging(level: str, fmt: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLogFormatter() if fmt == "json"
                         else logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    _configure_logging(args.log_level, args.log_format)
    if args.command == "extract":
        missing = [p for p in args.paths if not p.exists()]
        if len(missing) == len(args.paths):
            print(f"error: no such input: {', '.join(map(str, missing))}", file=sys.stderr)
            return 2
        resolved_out = args.out.resolve()
        for p in args.paths:
            if p.exists() and p.is_dir() and resolved_out == p.resolve():
                print("error: --out must not be an input folder (outputs would mix with inputs)", file=sys.stderr)
                return 2
        from pipeline.runner import run

        if args.config is not None and not args.config.is_file():
            print(f"error: no such pipeline config: {args.config}", file=sys.stderr)
            return 2
        if args.scheduler and args.engine != "dask":
            print("error: --scheduler needs --engine dask", file=sys.stderr)
            return 2
        try:
            report = run(args.paths, args.out, progress=not args.no_progress, jobs=args.jobs, engine=args.engine,
                         scheduler=args.scheduler, batch_size=args.batch_size, resume=not args.no_resume,
                         config=args.config)
        except KeyboardInterrupt:
            print(f"interrupted: finished profiles are kept in {args.out}; run the same command again to resume",
                  file=sys.stderr)
            return 130
        for failure in report.failures:
            print(f"FAILED {failure['doc_id']} ({failure['stage']}): {failure['reason']}", file=sys.stderr)
        skipped = f", {report.articles_skipped} unchanged (skipped)" if report.articles_skipped else ""
        print(f"{report.articles_ok} ok{skipped}, {report.articles_failed} failed; {report.words:,} words at "
              f"{report.words_per_second:,.0f} words/s on {report.workers} worker(s); start-up "
              f"{report.startup_seconds:.1f}s; peak memory {max([report.peak_memory_mb, *report.peak_memory_mb_per_worker.values()]):,.0f} MB/process "
              f"-> {args.out}", file=sys.stderr)
        return 1 if report.articles_failed else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
