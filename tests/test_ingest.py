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


def test_html_faq_headings_and_their_subheadings_keep_the_question_kind(tmp_path):
    para = "<p>" + "Bronchitis is a condition in which the bronchial tubes become inflamed and swollen. " * 2 + "</p>"
    html = ("<html><head><title>Bronchitis</title></head><body><article><h1>Bronchitis</h1>"
            "<h2>What are the signs and symptoms of Bronchitis ?</h2>" + para + "<p>Acute Bronchitis</p>" + para +
            "<h2>what research (or clinical trials) is being done for Bronchitis and its many forms ?</h2>" + para +
            "</article></body></html>")
    path = tmp_path / "bronchitis.html"
    path.write_text(html)
    (article,) = list(iter_articles([path]))
    kinds = {s.heading: s.kind for s in article.sections if s.heading}
    assert kinds["Acute Bronchitis"] == "symptoms"  # a subheading under the symptoms question
    assert [k for h, k in kinds.items() if h.startswith("what research")] == ["research"]  # a long marked heading


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
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # legacy binary Word
    items = list(iter_articles([tmp_path / "nope.txt", tmp_path / "notes.doc"]))
    assert all(isinstance(i, IngestFailure) for i in items)
    assert "no such file" in items[0].reason and "unsupported file type" in items[1].reason


def test_same_name_in_two_folders_gets_two_ids(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "oms.txt").write_text(ARTICLE)
    ids = [a.doc_id for a in iter_articles([tmp_path / "a", tmp_path / "b"])]
    assert len(set(ids)) == 2


MEDQUAD_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000001" source="GARD" url="https://rarediseases.info.nih.gov/gard/1/botulism">
<Focus>Botulism</Focus>
<QAPairs>
<QAPair pid="1"><Question qid="1">What is (are) Botulism ?</Question>
<Answer>Botulism is a rare but serious paralytic illness.

  It is caused by a nerve toxin.</Answer></QAPair>
<QAPair pid="2"><Question qid="2">What are the treatments for Botulism ?</Question><Answer></Answer></QAPair>
<QAPair pid="3"><Question qid="3">What are the symptoms of Botulism ?</Question>
<Answer>Symptoms include double vision and muscle weakness.</Answer></QAPair>
</QAPairs></Document>"""

JATS_XML = """<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta><title-group>
<article-title>Narcolepsy</article-title></title-group></article-meta></front>
<body><sec><title>Symptoms</title><p>People with narcolepsy have <italic>cataplexy</italic> and sleep attacks.</p>
<list><list-item><p>Sleep paralysis</p></list-item></list></sec>
<sec><title>Treatment</title><p>Modafinil is used.</p></sec></body></article>"""


def test_medquad_xml_becomes_question_headed_sections(tmp_path):
    path = tmp_path / "0000001.xml"
    path.write_text(MEDQUAD_XML)
    (article,) = list(iter_articles([path]))
    assert article.format == "xml" and article.needs_text_file
    assert article.title == "Botulism" and article.url.endswith("/botulism")
    assert article.text.startswith("Botulism\n\nWhat is (are) Botulism ?\nBotulism is a rare but serious")
    assert "It is caused by a nerve toxin." in article.text  # paragraphs kept, spaces collapsed
    assert "treatments for Botulism" not in article.text  # a question without an answer adds nothing
    assert [s.kind for s in article.sections if s.kind != "overview"] == ["symptoms", "references"]
    assert article.text.endswith("Sources\n- " + article.url + "\n")  # the page cites where it came from


def test_other_xml_keeps_headings_and_every_paragraph(tmp_path):
    path = tmp_path / "narcolepsy.xml"
    path.write_text(JATS_XML)
    (article,) = list(iter_articles([path]))
    assert article.title == "Narcolepsy"
    assert "People with narcolepsy have cataplexy and sleep attacks." in article.text  # inline markup joined
    assert "\n\nSleep paralysis\n\n" in article.text and "Treatment\n\nModafinil is used." in article.text


@pytest.mark.parametrize("xml,message", [
    ("<Document><Focus>Botulism</Focus><QAPair>", "not well-formed XML"),
    ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><a>&lol2;</a>',
     "entity or DTD"),
    ("<Document><Focus></Focus></Document>", "no article text"),
])
def test_bad_xml_fails_that_file_only(tmp_path, xml, message):
    (tmp_path / "bad.xml").write_text(xml)
    (tmp_path / "good.txt").write_text(ARTICLE)
    items = list(iter_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["IngestFailure", "Article"]
    assert message in items[0].reason and "bad.xml" in items[0].reason


def test_json_file_with_one_article_or_a_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"title": "Botulism", "text": "Botulism\n\nBotulism is rare."}))
    (tmp_path / "many.json").write_text(json.dumps([{"id": "s1", "text": "Shingles causes a rash."}, {"id": "s2"},
                                                    {"text": "Narcolepsy\n\nNarcolepsy is a sleep disorder."}]))
    (tmp_path / "broken.json").write_text("{not json")
    items = {i.doc_id: i for i in iter_articles([tmp_path])}
    assert items["one"].title == "Botulism" and items["one"].format == "json"
    assert type(items["s1"]).__name__ == "Article" and "missing or empty" in items["s2"].reason
    assert type(items["many-3"]).__name__ == "Article"
    assert "invalid JSON" in items["broken"].reason


def test_xml_and_json_count_for_the_progress_bar(tmp_path):
    from pipeline.runner import count_articles

    (tmp_path / "a.xml").write_text(MEDQUAD_XML)
    (tmp_path / "b.json").write_text(json.dumps([{"text": "x"}, {"text": "y"}]))
    assert count_articles([tmp_path]) == 3


def test_medicine_headings_are_treatment_sections_but_stopping_medicines_is_not():
    assert section_kind("Medicines") == "treatment" and section_kind("Stopping Medicines") == "other"


def test_a_subheading_under_an_faq_question_takes_its_kind():
    text = ("Pericarditis\n\nHow to diagnose Pericarditis ?\nYour doctor will examine you.\n\nMedical History\n\n"
            "Your doctor may ask whether you have had a recent heart attack.\n")
    kinds = {s.heading: s.kind for s in analyse(text).sections if s.heading}
    assert kinds == {"How to diagnose Pericarditis ?": "diagnosis", "Medical History": "diagnosis"}


def test_a_question_is_classified_by_its_own_words_not_the_disease_name_in_it():
    text = ("Prevent diabetes problems\n\nWhat is (are) Prevent diabetes problems ?\nDiabetes can damage nerves.\n\n"
            "Other Neuropathies\n\nThey can cause double vision.\n")
    kinds = [s.kind for s in analyse(text).sections if s.heading]
    assert kinds == ["overview", "other"]


def test_short_lines_after_a_colon_lead_in_are_items_not_headings():
    text = ("Antiphospholipid Antibody Syndrome\n\nWhat are the symptoms?\nMajor signs and symptoms of blood clots "
            "include:\n\nChest pain and shortness of breath\n\nOngoing headaches\n\nBlood clots can lead to stroke.\n\n"
            "Other Signs and Symptoms\n\nOther signs include memory loss.\n\nTreatment\nThese resources address it:\n"
            "- Drug Therapy\n- Palliative Care\n\nSources\n- https://example.org/aps\n")
    headings = [s.heading for s in analyse(text).sections if s.heading]
    assert "Chest pain and shortness of breath" not in headings and "Ongoing headaches" not in headings
    assert "Other Signs and Symptoms" in headings and "Sources" in headings  # after a bulleted list: a heading
    items = [text[i.start:i.end] for i in analyse(text).list_items]
    assert items[:2] == ["Chest pain and shortness of breath", "Ongoing headaches"]
    question = "Look at your mucus\n\nWhat are the treatments for bronchitis ?\nRest helps."
    layout = analyse("Bronchitis\n\nYour doctor also may:\n\n" + question + "\n")
    assert "What are the treatments for bronchitis ?" in [s.heading for s in layout.sections]  # a question stays one


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A minimal PDF with one Helvetica text line per string, top to bottom (a test fixture; no writer needed)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        ops = "".join(f"BT /F1 11 Tf 72 {760 - 16 * i} Td ({line.replace('(', '[').replace(')', ']')}) Tj ET\n"
                      for i, line in enumerate(lines))
        objects.append(f"<< /Length {len(ops.encode('cp1252'))} >>\nstream\n{ops}endstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
                       f"/Contents {len(objects)} 0 R >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode("cp1252")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def test_pdf_text_layer_is_reflowed_into_paragraphs_headings_and_items(tmp_path):
    header = "Health Library - Stiff Person Syndrome"
    page1 = [header, "Stiff Person Syndrome", "", "Stiff person syndrome is a rare neurological disorder with features",
             "of an autoimmune disease. It causes muscle stiff-", "ness in the trunk and limbs.", "", "Symptoms",
             "\u2022 muscle spasms", "\u2022 anxiety", "1"]
    page2 = [header, "Treatment", "", "People may take diazepam.", "2"]
    page3 = [header, "Research", "", "Studies continue.", "3"]
    (tmp_path / "sps.pdf").write_bytes(pdf_bytes([page1, page2, page3]))
    (article,) = list(iter_articles([tmp_path / "sps.pdf"]))
    assert article.format == "pdf" and article.needs_text_file
    text = article.text
    assert "a rare neurological disorder with features of an autoimmune disease. It causes muscle stiffness in the" \
           " trunk and limbs." in text
    assert "- muscle spasms\n- anxiety" in text
    assert header not in text and "\n1\n" not in text  # running header and page numbers are dropped
    assert article.title == "Stiff Person Syndrome"
    assert {"treatment", "symptoms"} <= {s.kind for s in article.sections}


def test_docx_headings_lists_and_tables(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Botulism"
    document.add_heading("Botulism", level=1)
    document.add_paragraph("Botulism is a rare but serious illness.")
    document.add_heading("Symptoms", level=2)
    document.add_paragraph("double vision", style="List Bullet")
    document.add_paragraph("drooping eyelids", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Sign", "Frequency"
    table.cell(1, 0).text, table.cell(1, 1).text = "Muscle weakness", "90%"
    document.save(tmp_path / "botulism.docx")
    (article,) = list(iter_articles([tmp_path / "botulism.docx"]))
    assert article.format == "docx" and article.title == "Botulism"
    assert "# Symptoms" in article.text and "- double vision\n\n- drooping eyelids" in article.text
    assert "| Muscle weakness | 90% |" in article.text


@pytest.mark.parametrize("name,data,message", [
    ("broken.pdf", b"%PDF-1.4 garbage", "not a readable PDF"),
    ("scanned.pdf", pdf_bytes([[""]]), "no text layer"),
    ("broken.docx", b"PK\x03\x04 not a zip", "not a readable Word .docx file"),
])
def test_bad_pdf_and_docx_fail_that_file_only(tmp_path, name, data, message):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE)
    items = {(i.path.split("/")[-1] if isinstance(i, IngestFailure) else i.doc_id): i for i in iter_articles([tmp_path])}
    assert isinstance(items[name], IngestFailure) and message in items[name].reason and name in items[name].reason
    assert items["good"].text.startswith("Stiff Person Syndrome")


GARD_INLINE = ("What are the signs and symptoms of ABCD syndrome? The Human Phenotype Ontology provides the following "
               "list. Signs and Symptoms Approximate number of patients (when available) Absence of the corpus "
               "callosum 90% Hearing impairment 50% Albinism - Autosomal recessive inheritance - The Human Phenotype "
               "Ontology (HPO) has collected information on how often a sign or symptom occurs in a condition.")


def test_medquad_one_line_symptom_tables_are_unfolded_into_rows(tmp_path, nlp):
    from tests.conftest import profile_of

    (tmp_path / "abcd.json").write_text(json.dumps({"id": "abcd", "title": "ABCD syndrome", "text": GARD_INLINE}))
    (tmp_path / "abcd.txt").write_text(GARD_INLINE)  # a .txt article's offsets index into the file: left as written
    article, profile = profile_of(tmp_path / "abcd.json", nlp)
    assert ("Signs and Symptoms | Approximate number of patients (when available)\n- Absence of the corpus callosum: "
            "90%\n- Hearing impairment: 50%\n- Albinism\n- Autosomal recessive inheritance\n\nThe Human") in article.text
    symptoms = {s.name: s for s in profile.symptoms}
    assert symptoms["Hearing impairment"].frequency == "50%" and symptoms["Hearing impairment"].assertion == "present"
    (plain,) = list(iter_articles([tmp_path / "abcd.txt"]))
    assert plain.text == GARD_INLINE


HEMORRHOIDS = ("Hemorrhoids\n\nWhat causes Hemorrhoids?\nSwelling in the anal or rectal veins causes hemorrhoids. "
               "Several factors may cause this swelling, including\n\n- chronic constipation or diarrhea - straining "
               "during bowel movements - sitting on the toilet for long periods of time - a lack of fiber in the diet\n\n"
               "Another cause of hemorrhoids is the weakening of the connective tissue in the rectum and anus that "
               "occurs with age. Exams may rule out other causes of bleeding. The cause of hemorrhoids in some people "
               "is not well understood.\n")


def test_medquad_one_line_bullets_are_unfolded_and_a_causes_list_gives_causes(tmp_path, nlp):
    from pipeline.ingest.bullets import unfold_inline_bullets
    from tests.conftest import profile_of

    assert unfold_inline_bullets("- X-linked ages 10 - 20 - fever - rash\n- one item\n") == \
        "- X-linked ages 10 - 20\n- fever\n- rash\n- one item\n"
    assert unfold_inline_bullets("- Plasmapheresis - a procedure used\n") == "- Plasmapheresis - a procedure used\n"
    assert unfold_inline_bullets("- one.  - two\n") == "- one. \n- two\n"  # the same length, so offsets hold
    (tmp_path / "h.json").write_text(json.dumps({"id": "h", "title": "Hemorrhoids", "text": HEMORRHOIDS}))
    (tmp_path / "h.txt").write_text(HEMORRHOIDS)
    article, profile = profile_of(tmp_path / "h.json", nlp)
    assert "including\n\n- chronic constipation or diarrhea\n- straining during bowel movements\n" in article.text
    causes = {c.name.lower() for c in profile.causes}
    assert {"straining during bowel movements", "sitting on the toilet", "lack of fiber in the diet",
            "weakening of the connective tissue"} <= causes
    assert not causes & {"bleeding", "not well understood", "hemorrhoids"}
    assert {"constipation", "chronic constipation"} & causes
    plain_article, plain = profile_of(tmp_path / "h.txt", nlp)
    assert len(plain_article.text) == len(HEMORRHOIDS) and "including\n\n- chronic constipation or diarrhea\n- " in \
        plain_article.text  # unfolded in place: one space became a line break
    assert {"straining during bowel movements", "lack of fiber in the diet"} <= {c.name.lower() for c in plain.causes}
    for fact in plain.causes + plain.symptoms + plain.prognosis:  # every offset still indexes the file as written
        assert all(HEMORRHOIDS[e.start:e.end] == e.text for e in fact.evidence)


def test_html_symptom_table_rows_keep_their_frequencies(tmp_path, nlp):
    from tests.conftest import profile_of

    html = ("<html><head><title>Relapsing polychondritis</title></head><body><main><h1>Relapsing polychondritis</h1>"
            "<p>Relapsing polychondritis is a rare autoimmune condition in which inflammation damages cartilage. People "
            "often have ear pain.</p><h2>Symptoms</h2><p>This table lists symptoms that people may have.</p><table>"
            "<thead><tr><th>Signs and Symptoms</th><th>Approximate number of patients (when available)</th></tr>"
            "</thead><tbody><tr><td>Chondritis</td><td>90%</td></tr><tr><td>Hearing impairment</td><td>50%</td></tr>"
            "<tr><td>Apnea</td><td>-</td></tr></tbody></table></main></body></html>")
    (tmp_path / "rp.html").write_text(html)
    _, profile = profile_of(tmp_path / "rp.html", nlp)
    symptoms = {s.name: s for s in profile.symptoms}
    assert symptoms["Hearing impairment"].frequency == "50%" and symptoms["Apnea"].frequency is None
    assert "autoimmune condition" not in symptoms  # what the disease is ("is a rare autoimmune condition")
    assert "ear pain" in symptoms
