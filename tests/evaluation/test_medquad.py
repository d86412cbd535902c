"""Tests for the MedQuAD XML -> JSONL converter, on tiny synthetic files only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.medquad import clean_answer, collection_name, convert, main

NORMAL = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000001" source="GARD" url="https://rarediseases.info.nih.gov/gard/1/test-syndrome">
<Focus>Test syndrome</Focus>
<FocusAnnotations>
\t<UMLS>
\t\t<CUIs>
\t\t\t<CUI>C0000001</CUI>
\t\t</CUIs>
\t\t<SemanticGroup>Disorders</SemanticGroup>
\t</UMLS>
</FocusAnnotations>
<QAPairs>
\t<QAPair pid="1">
\t\t\t<Question qid="0000001-1" qtype="information">What is (are) Test syndrome ?</Question>
\t\t\t<Answer>Test syndrome is a rare   condition.\tIt affects the &quot;test&quot; gland.
                
It is usually mild.</Answer>
\t</QAPair>
\t<QAPair pid="2">
\t\t\t<Question qid="0000001-2" qtype="treatment">What are the treatments for Test syndrome ?</Question>
\t\t\t<Answer>Treatment  is supportive.</Answer>
\t</QAPair>
</QAPairs>
</Document>
"""

EMPTY = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000002" source="ADAM" url="https://www.nlm.nih.gov/medlineplus/ency/article/000002.htm">
 <!--Answers from the A.D.A.M. medical encyclopedia were removed to comply with the MedlinePlus copyright-->
<Focus>Empty condition</Focus>
<QAPairs>
\t<QAPair pid="1">
\t\t\t<Question qid="0000002-1" qtype="information">What is (are) Empty condition ?</Question>
\t\t\t<Answer></Answer>
\t</QAPair>
</QAPairs>
</Document>
"""

MALFORMED = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000003" source="NHLBI" url="https://www.nhlbi.nih.gov/health/x">
<Focus>Broken</Focus>
<QAPairs>
\t<QAPair pid="1">
\t\t\t<Question qid="0000003-1" qtype="information">What is Broken ?</Question>
\t\t\t<Answer>Unclosed answer
"""


def _write(root: Path, folder: str, name: str, content: str) -> None:
    (root / folder).mkdir(parents=True, exist_ok=True)
    (root / folder / name).write_text(content, encoding="utf-8")


@pytest.fixture
def medquad(tmp_path: Path) -> Path:
    root = tmp_path / "medquad"
    _write(root, "2_GARD_QA", "0000001.xml", NORMAL)
    _write(root, "10_MPlus_ADAM_QA", "0000002.xml", EMPTY)
    _write(root, "8_NHLBI_QA_XML", "0000003.xml", MALFORMED)
    return root


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_collection_names() -> None:
    assert collection_name("2_GARD_QA") == "gard"
    assert collection_name("10_MPlus_ADAM_QA") == "mplus-adam"
    assert collection_name("8_NHLBI_QA_XML") == "nhlbi"


def test_clean_answer_keeps_paragraphs() -> None:
    assert clean_answer("a  b\tc\n   \n\n d ") == "a b c\n\nd"


def test_convert(medquad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out" / "medquad.jsonl"
    stats = convert(medquad, out)

    assert (stats.written, stats.skipped_no_answer, stats.malformed) == (1, 1, 1)
    err = capsys.readouterr().err
    assert "0000003.xml" in err and len(err.strip().splitlines()) == 1
    assert not out.with_name(out.name + ".tmp").exists()

    rows = _read_jsonl(out)  # valid JSONL: every line parses
    assert [r["id"] for r in rows] == ["medquad-gard-0000001"]
    (doc,) = rows
    assert set(doc) == {"id", "title", "text", "url", "collection"}
    assert doc["title"] == "Test syndrome"
    assert doc["collection"] == "gard"
    assert doc["url"] == "https://rarediseases.info.nih.gov/gard/1/test-syndrome"
    assert doc["text"] == (
        "Test syndrome\n\n"
        "What is (are) Test syndrome ?\n"
        'Test syndrome is a rare condition. It affects the "test" gland.\n\n'
        "It is usually mild.\n\n"
        "What are the treatments for Test syndrome ?\n"
        "Treatment is supportive."
    )
    assert stats.words == len(doc["text"].split())


def test_limit_seed_is_deterministic(medquad: Path, tmp_path: Path) -> None:
    for i in range(4, 10):  # more eligible docs so that sampling actually chooses
        _write(medquad, "2_GARD_QA", f"000000{i}.xml", NORMAL.replace("0000001", f"000000{i}"))
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    args = ["--medquad", str(medquad), "--limit", "1", "--seed", "0"]
    assert main([*args, "--out", str(a)]) == 0
    assert main([*args, "--out", str(b)]) == 0
    assert len(_read_jsonl(a)) == 1
    assert a.read_bytes() == b.read_bytes()


def test_missing_dir_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--medquad", str(tmp_path / "nope"), "--out", str(tmp_path / "x.jsonl")]) == 2
    assert "not found" in capsys.readouterr().err
