"""Ingest: decoding, HTML, JSONL, layout and every bad input gets a specific error."""

import json

import pytest

from pipeline.ingest import IngestFailure, iter_articles
from pipeline.ingest.article import IngestError
from pipeline.ingest.decode import decode_bytes
from pipeline.ingest.layout import analyse, section_kind

ARTICLE = "Stiff Person Syndrome\n\nOverview\nStiff person syndrome is a rare neurological disorder.\n\nTreatment\nPeople may take diazepam.\n"


def test_utf8_bom_and_crlf():
    text, encoding = decode_bytes(b"\xef\xbb\xbfCaf\xc3\xa9\r\nline", "x")
    assert (text, encoding) == ("Café\nline", "utf-8-sig")


def test_cp1252_is_detected():
    data = ("Sjögren’s syndrome affects the glands that make tears and saliva. " * 4).encode("cp1252")
    text, encoding = decode_bytes(data, "x")
    assert "Sjögren’s" in text and encoding.replace("_", "").lower().startswith(("cp1252", "windows1252"))


@pytest.mark.parametrize("data,message", [(b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02abc", "binary")])
def test_bad_bytes_raise_specific_errors(data, message):
    with pytest.raises(IngestError, match=message):
        decode_bytes(data, "bad.txt")


def test_layout_of_the_seed(oms):
    article, _, _ = oms
    assert article.title == "Opsoclonus-Myoclonus Syndrome"
    assert article.subtitle == "Autoimmune disorder"
    assert article.updated == "2014-06-09"
    assert [s.kind for s in article.sections][-1] == "references"
    assert len(article.references) == 3
    boiler = [article.text[b.start:b.end] for b in article.boilerplate]
    assert "1. About.com" in boiler and "We comply with the HONcode standard" in boiler


def test_section_kinds_generalise():
    assert section_kind("What are the signs and symptoms of Rett syndrome?") == "symptoms"
    assert section_kind("How might GLUT1 deficiency be treated?") == "treatment"
    assert section_kind("Genetic changes") == "causes"
    assert section_kind("Is it inherited?") == "inheritance"
    assert section_kind("Outlook") == "prognosis"
    assert section_kind("Sources") == "references"


def test_markdown_headings_and_lists():
    layout = analyse("# Celiac disease\n\n## Symptoms\n\n- Diarrhea\n- Weight loss\n\n## Treatment\n\nA gluten-free diet.\n")
    assert layout.title == "Celiac disease"
    assert [s.kind for s in layout.sections if s.heading] == ["symptoms", "treatment"]
    assert len(layout.list_items) == 2


def test_html_is_extracted_without_navigation(tmp_path):
    html = ("<html><head><title>Narcolepsy</title></head><body><nav><a href='/'>Home</a> | <a>Contact us</a></nav>"
            "<article><h1>Narcolepsy</h1><h2>Symptoms</h2><p>Narcolepsy is a chronic sleep disorder "
            "characterized by overwhelming daytime drowsiness and sudden attacks of sleep. People with narcolepsy "
            "often find it difficult to stay awake for long periods of time.</p><ul><li>Cataplexy</li>"
            "<li>Sleep paralysis</li></ul></article><footer>Copyright 2020 Example Health</footer></body></html>")
    path = tmp_path / "narcolepsy.html"
    path.write_text(html)
    (article,) = list(iter_articles([path]))
    assert "Narcolepsy is a chronic sleep disorder" in article.text
    assert "Contact us" not in article.text
    assert article.needs_text_file and article.format == "html"


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": "a1", "title": "Botulism", "text": "Botulism\n\nBotulism is a rare illness.", "url": None}),
             "{not json", json.dumps({"id": "a2", "text": ""}), json.dumps(["list"]),
             json.dumps({"id": "a3", "title": "Shingles", "text": "Shingles causes a painful rash."})]
    path.write_text("\n".join(lines) + "\n")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "IngestFailure", "IngestFailure", "IngestFailure", "Article"]
    assert "invalid JSON" in items[1].reason and "missing or empty" in items[2].reason
    assert "expected a JSON object" in items[3].reason
    assert items[4].title == "Shingles"


def test_missing_and_unsupported_inputs(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    items = list(iter_articles([tmp_path / "nope.txt", tmp_path / "notes.pdf"]))
    assert all(isinstance(i, IngestFailure) for i in items)
    assert "no such file" in items[0].reason and "unsupported file type" in items[1].reason


def test_same_name_in_two_folders_gets_two_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "oms.txt").write_text(ARTICLE)
    ids = [a.doc_id for a in iter_articles([tmp_path / "a", tmp_path / "b"])]
    assert len(set(ids)) == 2
