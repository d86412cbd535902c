"""Command line: `disease-profiles extract PATH... --out DIR` (also `python -m pipeline extract ...`).

Exit status: 0 every article succeeded, 1 some failed (each reported on stderr and in run_report.json),
2 usage errors (bad arguments, no inputs).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from pipeline import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="disease-profiles", description="Health articles → disease profiles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract profiles from files, folders or JSONL corpora")
    extract.add_argument("paths", nargs="+", type=Path, help=".txt, .md, .html/.htm, .jsonl files or folders")
    extract.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output)")
    extract.add_argument("--no-progress", action="store_true", help="no progress bar")
    extract.add_argument("--log-level", default="WARNING", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else 2
    logging.basicConfig(level=args.log_level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
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

        report = run(args.paths, args.out, progress=not args.no_progress)
        for failure in report.failures:
            print(f"FAILED {failure['doc_id']} ({failure['stage']}): {failure['reason']}", file=sys.stderr)
        print(f"{report.articles_ok} ok, {report.articles_failed} failed; {report.words} words at "
              f"{report.words_per_second:,.0f} words/s; start-up {report.startup_seconds:.1f}s; "
              f"peak memory {report.peak_memory_mb:,.0f} MB -> {args.out}", file=sys.stderr)
        return 1 if report.articles_failed else 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
