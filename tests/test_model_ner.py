"""The trained NER model in the runtime pipeline (merge policy) and approximate linking."""

import pytest

from pipeline.nlp.ner import DEFAULT_MODEL_DIR, MODEL_SPANS_KEY
from tests.conftest import ROOT

needs_model = pytest.mark.skipif(not (DEFAULT_MODEL_DIR / "meta.json").exists(), reason="no trained model (make train-ner)")


@pytest.fixture(scope="module")
def ner_nlp():
    from pipeline.nlp.build import load_nlp

    return load_nlp(ROOT / "configs" / "pipeline-ner.cfg")


@needs_model
def test_dictionary_wins_overlaps_and_model_adds_what_the_dictionary_lacks(ner_nlp):
    nlp = ner_nlp
    assert "model_ner" in nlp.pipe_names
    doc = nlp("Botulism is rare. Cisplatin-induced myelotoxicity was observed in rats treated with cisplatin.")
    by_text = {e.text: e for e in doc.ents}
    assert by_text["Botulism"]._.method.startswith("vocabulary")  # both found it: the dictionary's link stays
    assert by_text["cisplatin"]._.concept_id == "DRUGBANK:DB00515"
    model_only = [e for e in doc.ents if e._.method.startswith("ner:")]
    assert any("myelotoxicity" in e.text for e in model_only)  # no vocabulary names it
    assert all(not e._.method.startswith("ner:") or e._.score <= 0.9 for e in doc.ents)
    assert {s.label_ for s in doc.spans[MODEL_SPANS_KEY]} <= {"DISEASE", "CHEMICAL"}


@needs_model
def test_generic_words_and_lone_adjectives_from_the_model_are_not_mentions():
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from pipeline.nlp.ner import _worth_a_mention

    doc = Doc(Vocab(), words=["the", "disorder", "psychiatric", "muscle", "weakness", "legs", ";", "pain"])
    assert not _worth_a_mention(Span(doc, 1, 2, "DISEASE"))
    assert not _worth_a_mention(Span(doc, 2, 3, "DISEASE"))
    assert _worth_a_mention(Span(doc, 3, 5, "DISEASE"))
    assert not _worth_a_mention(Span(doc, 5, 8, "DISEASE"))


@pytest.mark.slow
def test_approximate_linking_reaches_misspellings_within_type():
    from pipeline.vocab.approximate import load_approximate_linker

    linker = load_approximate_linker()
    if linker is None:
        pytest.skip("no approximate-linking index (make ann)")
    texts = ["Kayser-Fleisher ring", "cisplatin", "Sjgren syndrome", "xqzv blorp"]
    links = linker.link(texts, [{"SYMPTOM", "DISEASE"}, {"DRUG"}, {"SYMPTOM", "DISEASE"}, {"DISEASE"}])
    assert links[0][0].id == "HP:0200032"
    assert links[1][0].id == "DRUGBANK:DB00515" and links[1][1] == 1.0
    assert links[2] is None or "sj" in links[2][0].label.lower()  # never Löfgren syndrome
    assert links[3] is None
    # type constraint: a drug-only request never returns a disease
    assert linker.link(["Kayser-Fleisher ring"], [{"DRUG"}])[0] is None


def test_pronunciation_guides_are_no_mentions():
    from pipeline.nlp.ner import _PRONUNCIATION

    assert _PRONUNCIATION.match("he-mah-TO-mas") and _PRONUNCIATION.match("oh-SOK-lo-nus")
    assert not _PRONUNCIATION.match("non-Hodgkin-lymphoma") and not _PRONUNCIATION.match("x-linked")
