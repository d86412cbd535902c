"""`make bench`: throughput and memory of `extract` over a JSONL corpus, against a floor measured in the same run.

The floor is reading the same texts + scispacy tokenisation + sentence splitting only; our throughput is printed
as a ratio of it. The extract run is a separate process (its start-up and peak memory are its own).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def floor_words_per_second(corpus: Path) -> tuple[float, int]:
    from pipeline.nlp.tokenizer import blank_tokenizing_nlp

    nlp = blank_tokenizing_nlp()
    nlp.add_pipe("sentencizer")
    start = time.perf_counter()

    with open(corpus, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    for doc in nlp.pipe(texts, batch_size=64):
        sum(1 for _ in doc.sents)  # iterate the sentences so their segmentation is counted
    words = sum(len(t.split()) for t in texts)
    return words / (time.perf_counter() - start), len(texts)


def main(argv=None) -> int:
    args = argv or sys.argv[1:]
    if not args:
        print("usage: python -m pipeline.evaluation.bench CORPUS.jsonl", file=sys.stderr)
        return 2
    corpus = Path(args[0])
    floor, documents = floor_words_per_second(corpus)
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", out, "--no-progress"],
                       check=False)
        wall = time.perf_counter() - started
        report = json.loads((Path(out) / "run_report.json").read_text())
    processing = sum(report["seconds"].values())
    print(f"corpus              {corpus} ({documents} documents, {report['words']:,} words)")
    print(f"articles            {report['articles_ok']} ok, {report['articles_failed']} failed")
    print(f"start-up            {report['startup_seconds']:.2f} s (pipeline + vocabulary load)")
    print(f"throughput          {report['words_per_second']:,.0f} words/s, {report['articles_ok'] / processing:,.1f} docs/s "
          f"(processing); {report['words'] / wall:,.0f} words/s end-to-end incl. start-up")
    print(f"floor               {floor:,.0f} words/s (read + scispacy tokenizer + sentencizer)")
    print(f"ratio to floor      {report['words_per_second'] / floor:.2f}")
    print(f"peak memory         {report['peak_memory_mb']:,.0f} MB")
    split = ", ".join(f"{k} {v:.1f}s ({v / processing:.0%})" for k, v in report["seconds"].items())
    print(f"per stage           {split}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
