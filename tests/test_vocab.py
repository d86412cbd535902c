"""The compiled vocabulary and linking, including each known source trap (shared/README.md)."""

import pytest

from pipeline.vocab.linking import choose
from pipeline.vocab.normalize import normalize_token
from pipeline.vocab.store import load_vocabulary


@pytest.fixture(scope="module")
def vocab():
    return load_vocabulary()


def link(vocab, text, nlp):
    doc = nlp(text)
    return [(e.text, e.label_, e._.concept_id) for e in doc.ents]


def test_normalisation():
    assert normalize_token("Seizures") == "seizure"
    assert normalize_token("deficit-hyperactivity") == "deficit hyperactivity"
    assert normalize_token("OMS") == "OMS" and normalize_token("virus") == "virus"
    assert normalize_token("Sjögren") == "sjogren"


def test_manifest_shows_hpo_version(vocab):
    assert vocab.versions["HPO"] == "2025-01-16"


def test_trap_muscle_twitch_is_fasciculations_not_myoclonus(vocab, nlp):
    assert ("muscle twitch", "SYMPTOM", "HP:0002380") in link(vocab, "He has a muscle twitch.", nlp)
    assert ("involuntary muscle twitching", "SYMPTOM", "HP:0001336") in link(vocab, "It means involuntary muscle twitching.", nlp)


def test_trap_bare_surgery_is_not_the_specialty(vocab, nlp):
    ents = link(vocab, "The tumor is treated with surgery.", nlp)
    surgery = [e for e in ents if e[0] == "surgery"]
    assert surgery and surgery[0][2] != "MESH:D013502"
    assert surgery[0][1] == "PROCEDURE"


def test_trap_adhd_maps_to_adhd_not_the_inattentive_subtype(vocab, nlp):
    ents = link(vocab, "Some children develop attention-deficit hyperactivity disorder (ADHD).", nlp)
    assert ("ADHD", "DISEASE", "MONDO:0007743") in ents
    assert "MESH:D001289" not in vocab.concepts["MONDO:0005302"].xrefs
    assert "MESH:D001289" in vocab.concepts["MONDO:0007743"].xrefs


def test_trap_medquad_stripped_apostrophes_still_negate(nlp):
    doc = nlp("Most people dont have seizures.")
    assert [e._.assertion for e in doc.ents if e.text == "seizures"] == ["absent"]


def test_brand_links_to_generic_with_classes(vocab):
    candidate, _ = choose(vocab.lookup("imuran"), "imuran")
    assert candidate.concept.id == "DRUGBANK:DB00993" and candidate.kind == "brand"
    assert "Glucocorticoids" in vocab.concepts["DRUGBANK:DB00635"].classes  # prednisone


def test_disease_and_symptom_terms_are_typed_by_their_head(vocab):
    neuroblastoma, _ = choose(vocab.lookup("neuroblastoma"), "neuroblastoma")
    nystagmus, _ = choose(vocab.lookup("nystagmus"), "nystagmus")
    assert neuroblastoma.concept.type == "DISEASE" and nystagmus.concept.type == "SYMPTOM"


@pytest.mark.parametrize("sentence,term,assertion", [
    ("There is no evidence of seizures.", "seizures", "absent"),
    ("Symptoms may include ataxia.", "ataxia", "possible"),
    ("In adults, tumor removal often does not help.", "tumor removal", "present"),
    ("Any child who has OMS will be tested.", "OMS", "present"),
    ("Her mother had epilepsy.", "epilepsy", "family"),
    ("They have fevers in the absence of an infection and may also have seizures.", "seizures", "possible"),
    ("Fevers occur in the absence of infection.", "infection", "absent"),
    ("Most are negative for rheumatoid factor and the biopsy shows chondritis.", "biopsy", "present"),
    ("Children who dont have seizures do well.", "seizures", "absent"),
    ("No one yet knows whether ataxia is permanent.", "ataxia", "possible"),
    ("Ataxia rarely occurs.", "Ataxia", "possible"),
])
def test_assertion_cues(nlp, sentence, term, assertion):
    doc = nlp(sentence)
    assert [e._.assertion for e in doc.ents if e.text == term] == [assertion]
