"""The glued-word splitter: scrapes that lost a dash or space ("medicineseltrombopag") still link, offsets intact."""

import pytest

from pipeline.nlp.glued_words import GluedWordSplitter
from pipeline.vocab.store import DEFAULT_VOCAB_DIR


@pytest.fixture(scope="module")
def splitter():
    return GluedWordSplitter(DEFAULT_VOCAB_DIR)


@pytest.mark.parametrize("glued, parts", [
    ("medicineseltrombopag", ("medicines", "eltrombopag")),
    ("romiplostimcan", ("romiplostim", "can")),
    ("inflammationirritation", ("inflammation", "irritation")),
    ("swellingand", ("swelling", "and")),
    ("beveragesin", ("beverages", "in")),
    ("syndromea", ("syndrome", "a")),
])
def test_glued_words_are_split(splitter, glued, parts):
    at = splitter._find_split(glued)
    assert (glued[:at], glued[at:]) == parts


@pytest.mark.parametrize("word", ["overweight", "polychondritis", "eltrombopag", "hemophagocytic", "neuromyotonia",
                                  "reinfused", "breastfeeding"])
def test_words_and_terms_are_left_alone(splitter, word):
    assert splitter._find_split(word) == 0


def test_split_drug_is_linked_with_offsets_into_the_text(nlp):
    text = "If medicines or splenectomy don't help, two newer medicineseltrombopag and romiplostimcan be used."
    doc = nlp(text)
    drugs = {e.text: e for e in doc.ents if e.label_ == "DRUG"}
    assert set(drugs) >= {"eltrombopag", "romiplostim"}
    assert doc.text == text and all(text[e.start_char:e.end_char] == e.text for e in doc.ents)


def test_lead_to_is_a_verb_not_the_metal(nlp):
    doc = nlp("Exposure to lead can lead to anemia, which leads to fatigue.")
    assert [(e.start_char, e.label_) for e in doc.ents if e.text.lower().startswith("lead")] == [(12, "CHEMICAL")]
