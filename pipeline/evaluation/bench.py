"""`make bench`: throughput and memory of `extract` over JSONL corpora, with 1 and more worker processes, against
a floor measured in the same run.

For each corpus: the floor (reading the texts + scispacy tokenisation + sentence splitting, one process), then one
`extract` subprocess per `--jobs` value (a fresh output folder each, so nothing is skipped). Printed per run:
words/s and documents/s (processing wall time, start-up excluded) and end-to-end including start-up, start-up
time, peak memory of the parent and of each worker, the per-stage split (seconds summed over workers), the ratio
to the floor and, for jobs > 1, the speed-up over jobs 1. Results also go to `results/bench.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def floor_words_per_second(corpus: Path) -> tuple[float, int, int]:
    from pipeline.nlp.tokenizer import blank_tokenizing_nlp

    nlp = blank_tokenizing_nlp()
    nlp.add_pipe("sentencizer")
    start = time.perf_counter()
    with open(corpus, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    for doc in nlp.pipe(texts, batch_size=64):
        sum(1 for _ in doc.sents)  # iterate the sentences so their segmentation is counted
    words = sum(len(t.split()) for t in texts)
    return words / (time.perf_counter() - start), len(texts), words


def run_extract(corpus: Path, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        completed = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", out,
                                    "--no-progress", "--jobs", str(jobs)], check=False, capture_output=True, text=True)
        wall = time.perf_counter() - started
        report_path = Path(out) / "run_report.json"
        if not report_path.exists():
            raise RuntimeError(f"extract failed (exit {completed.returncode}): {completed.stderr[-2000:]}")
        report = json.loads(report_path.read_text())
    report["process_wall_seconds"] = round(wall, 3)
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="JSONL corpora (make medquad BENCH_N=...)")
    parser.add_argument("--jobs", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--results", type=Path, default=Path("results/bench.json"))
    args = parser.parse_args(argv)

    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
               "runs": []}
    for corpus in args.corpora:
        floor, documents, words = floor_words_per_second(corpus)
        print(f"\n{corpus}: {documents:,} documents, {words:,} words; floor {floor:,.0f} words/s "
              f"(read + scispacy tokenizer + sentencizer, one process)")
        baseline = None
        for jobs in args.jobs:
            r = run_extract(corpus, jobs)
            wps = r["words_per_second"]
            end_to_end = r["words"] / r["process_wall_seconds"]
            workers = r.get("peak_memory_mb_per_worker") or {}
            stage_total = sum(r["seconds"].values()) or 1.0
            split = ", ".join(f"{k} {v:.0f}s ({v / stage_total:.0%})" for k, v in r["seconds"].items())
            baseline = baseline or wps
            print(f"  --jobs {jobs}: {r['articles_ok']} ok, {r['articles_failed']} failed | {wps:,.0f} words/s, "
                  f"{r['articles_per_second']:,.1f} docs/s (processing); {end_to_end:,.0f} words/s end-to-end | "
                  f"start-up {r['startup_seconds']:.2f}s | peak memory parent {r['peak_memory_mb']:,.0f} MB, "
                  f"per worker max {max(workers.values(), default=0):,.0f} MB | ratio to floor {wps / floor:.2f}"
                  + (f" | speed-up {wps / baseline:.2f}x" if jobs != args.jobs[0] else ""))
            print(f"             stages (summed over workers): {split}")
            results["runs"].append({"corpus": str(corpus), "documents": documents, "words": words, "jobs": jobs,
                                    "floor_words_per_second": round(floor), "words_per_second": wps,
                                    "end_to_end_words_per_second": round(end_to_end),
                                    "articles_per_second": r["articles_per_second"],
                                    "startup_seconds": r["startup_seconds"], "articles_ok": r["articles_ok"],
                                    "articles_failed": r["articles_failed"], "peak_memory_mb": r["peak_memory_mb"],
                                    "peak_memory_mb_per_worker": workers, "seconds": r["seconds"],
                                    "ratio_to_floor": round(wps / floor, 3), "speedup": round(wps / baseline, 3)})
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\n-> {args.results}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
