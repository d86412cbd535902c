"""The command line: outputs, exit codes, per-article failures, atomic writes, schema drift."""

import csv
import json

from pipeline.cli import main
from pipeline.export.schema import SCHEMA_PATH, schema_text
from tests.conftest import OMS


def test_schema_file_matches_the_models():
    assert SCHEMA_PATH.read_text() == schema_text(), "run `make schema` and commit schemas/disease_profile.schema.json"


def test_extract_writes_every_output(tmp_path, nlp):
    out = tmp_path / "out"
    assert main(["extract", str(OMS), "--out", str(out), "--no-progress"]) == 0
    profile = json.loads((out / "profiles" / "opsoclonus-myoclonus-syndrome.json").read_text())
    assert profile["disease"]["concept_id"] == "MONDO:0015247"
    assert len((out / "profiles.jsonl").read_text().splitlines()) == 1
    facts = list(csv.DictReader(open(out / "facts.csv")))
    assert {"symptoms", "treatments", "references", "disease"} <= {r["field"] for r in facts}
    mentions = list(csv.DictReader(open(out / "mentions.csv")))
    assert len(mentions) == len(profile["mentions"])
    report = json.loads((out / "run_report.json").read_text())
    assert report["articles_ok"] == 1 and report["articles_failed"] == 0
    assert not list(out.rglob("*.tmp"))


def test_one_bad_article_does_not_stop_the_batch(tmp_path, nlp):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(OMS.read_text())
    (inputs / "empty.txt").write_text("")
    (inputs / "corpus.jsonl").write_text('{"id": "x", "text": "Botulism is rare."}\n{broken\n')
    out = tmp_path / "out"
    assert main(["extract", str(inputs), "--out", str(out), "--no-progress"]) == 1
    report = json.loads((out / "run_report.json").read_text())
    assert report["articles_ok"] == 2 and report["articles_failed"] == 2
    assert {f["doc_id"] for f in report["failures"]} == {"empty", "corpus-line-2"}
    assert (out / "texts" / "x.txt").read_text() == "Botulism is rare."


def test_usage_errors_exit_2(tmp_path):
    assert main(["extract", str(tmp_path / "missing.txt"), "--out", str(tmp_path)]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["extract", str(tmp_path), "--out", str(tmp_path)]) == 2
