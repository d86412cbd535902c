"""Batch runs: --jobs and Dask give the serial run's outputs; re-runs skip unchanged articles; a killed run resumes
to exactly the outputs of an uninterrupted one."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import OMS, ROOT

OUTPUTS = ("profiles.jsonl", "mentions.csv", "facts.csv")
N_ARTICLES = 24


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """24 distinct articles (OMS paragraphs in varied order under different titles) and one broken line."""
    paragraphs = [p for p in OMS.read_text().split("\n\n") if len(p.split()) > 12]
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    with open(path, "w") as handle:
        for n in range(N_ARTICLES):
            body = "\n\n".join(paragraphs[(n + k) % len(paragraphs)] for k in range(4))
            handle.write(json.dumps({"id": f"oms-{n:02d}", "title": "Opsoclonus myoclonus syndrome",
                                     "text": f"Opsoclonus myoclonus syndrome, part {n}\n\n{body}"}) + "\n")
            if n == 5:
                handle.write("{not json\n")
    return path


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory, nlp) -> Path:
    out = tmp_path_factory.mktemp("reference") / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--no-progress"]) == 1  # the broken line fails
    return out


def outputs(out: Path) -> dict[str, str]:
    """Every output file's content, with the output folder's own path masked (texts are indexed by path)."""
    files = [out / name for name in OUTPUTS] + sorted((out / "profiles").glob("*.json")) + sorted(
        (out / "texts").glob("*.txt"))
    return {str(p.relative_to(out)): p.read_text().replace(str(out), "<OUT>") for p in files}


def report(out: Path) -> dict:
    return json.loads((out / "run_report.json").read_text())


def test_reference_run(reference):
    r = report(reference)
    assert (r["articles_ok"], r["articles_failed"], r["completed"]) == (N_ARTICLES, 1, True)
    assert set(r["seconds"]) == {"ingest", "nlp", "linking", "assembly", "export"}
    assert r["seconds"]["linking"] > 0 and r["words_per_second"] > 0
    assert len((reference / "profiles.jsonl").read_text().splitlines()) == N_ARTICLES


def test_jobs_2_gives_the_serial_outputs(corpus, reference, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--no-progress", "--jobs", "2", "--batch-size", "3"]) == 1
    assert outputs(out) == outputs(reference)
    r = report(out)
    assert r["engine"] == "local" and r["workers"] == 2
    assert len(r["peak_memory_mb_per_worker"]) == 2  # both workers did work and reported their memory


def test_dask_local_cluster_gives_the_serial_outputs(corpus, reference, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--no-progress", "--engine", "dask", "--jobs", "2"]) == 1
    assert outputs(out) == outputs(reference)
    assert report(out)["engine"] == "dask"


def test_rerun_skips_unchanged_articles_and_redoes_changed_ones(corpus, reference, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--no-progress"]) == 1
    first = outputs(out)
    assert main(["extract", str(corpus), "--out", str(out), "--no-progress"]) == 1
    r = report(out)
    assert (r["articles_skipped"], r["articles_ok"]) == (N_ARTICLES, 0)
    assert outputs(out) == first  # skipped articles still appear in the aggregate files, in order

    changed = tmp_path / "changed.jsonl"
    lines = corpus.read_text().splitlines(keepends=True)
    lines[0] = lines[0].replace("part 0", "part zero")
    changed.write_text("".join(lines))
    assert main(["extract", str(changed), "--out", str(out), "--no-progress"]) == 1
    r = report(out)
    assert (r["articles_ok"], r["articles_skipped"]) == (1, N_ARTICLES - 1)
    assert "part zero" in (out / "texts" / "oms-00.txt").read_text()

    assert main(["extract", str(changed), "--out", str(out), "--no-progress", "--no-resume"]) == 1
    assert report(out)["articles_ok"] == N_ARTICLES


def test_killed_run_resumes_to_the_uninterrupted_outputs(corpus, reference, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(out), "--no-progress",
               "--batch-size", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done_log = out / ".state" / "done.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if done_log.exists() and len(done_log.read_text().splitlines()) >= 3:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the run finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished = len(done_log.read_text().splitlines())
    assert 3 <= finished < N_ARTICLES
    assert not (out / "profiles.jsonl").exists()  # aggregates appear only when a run completes

    assert main(["extract", str(corpus), "--out", str(out), "--no-progress"]) == 1
    r = report(out)
    assert r["articles_skipped"] >= finished and r["articles_skipped"] + r["articles_ok"] == N_ARTICLES
    assert outputs(out) == outputs(reference)
    assert not list(out.rglob("*.tmp"))


def test_bad_jobs_value_is_a_usage_error(tmp_path):
    assert main(["extract", str(OMS), "--out", str(tmp_path / "o"), "--jobs", "0"]) == 2
    assert main(["extract", str(OMS), "--out", str(tmp_path / "o"), "--scheduler", "tcp://x:1"]) == 2
