"""Misspelt terms link to the term they misspell; the article text and offsets stay as written."""

import pytest


@pytest.mark.parametrize("text, concept_id", [
    ("Treatment includes antiobiotics.", "MESH:D000900"),
    ("She was given famcyclovir.", "DRUGBANK:DB00426"),
    ("Gout is treated with allupurinol.", "DRUGBANK:DB00437"),
    ("Cardiomypathy is common.", "MONDO:0004994"),          # capitalised at the start of a sentence
    ("It can cause glomeurlonephritis.", None),             # two letters swapped: one edit
])
def test_misspelt_terms_link_with_their_offsets(nlp, text, concept_id):
    doc = nlp(text)
    linked = [e for e in doc.ents if e._.concept_id == concept_id or concept_id is None and e._.method.endswith(
        "+spelling")]
    assert linked and linked[0]._.method.endswith("+spelling")
    assert text[linked[0].start_char:linked[0].end_char] == linked[0].text


@pytest.mark.parametrize("text", [
    "Doctors look inside with a thoracoscope.",      # an instrument is not its procedure (last letters differ)
    "The dermatoglyphic pattern was normal.",        # a changed first letter is another word (adermatoglyphia)
    "Plant stanols lower cholesterol.",              # a real word, and brand names are never targets
    "Some have hemifacial microsomia.",              # a word of a longer term (no "microstomia")
])
def test_words_that_are_not_misspellings_are_left_alone(nlp, text):
    assert not [e for e in nlp(text).ents if e._.method.endswith("+spelling")]
