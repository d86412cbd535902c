"""The format renditions `make eval-formats` scores: each carries the same questions, paragraphs and list items."""

import pytest

from pipeline.evaluation.formats import render
from pipeline.ingest import iter_articles

MEDQUAD = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000108" source="NIDDK" url="https://www.niddk.nih.gov/hemorrhoids">
<Focus>Hemorrhoids</Focus>
<QAPairs>
<QAPair pid="1"><Question qid="1">What causes Hemorrhoids ?</Question>
<Answer>Swelling in the anal or rectal veins causes hemorrhoids. Several factors may cause this swelling, including
- chronic constipation or diarrhea - straining during bowel movements - a lack of fiber in the diet</Answer></QAPair>
<QAPair pid="2"><Question qid="2">What are the treatments for Hemorrhoids ?</Question>
<Answer>A sitz bath may help.</Answer></QAPair>
</QAPairs>
</Document>
"""


@pytest.mark.parametrize("fmt", ["html", "docx", "txt"])
def test_each_rendition_keeps_questions_paragraphs_and_list_items(tmp_path, fmt):
    source = tmp_path / "0000108.xml"
    source.write_text(MEDQUAD)
    (article,) = list(iter_articles([render(source, fmt, tmp_path)]))
    assert article.title == "Hemorrhoids"
    assert {"causes", "treatment"} <= {s.kind for s in article.sections}
    items = [article.text[s.start:s.end] for s in article.list_items]
    assert any("straining during bowel movements" in item for item in items)
    assert "A sitz bath may help." in article.text
