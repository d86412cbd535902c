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
    # a lone letter symbol keys like the hyphenated one ("chest x ray" = "chest X-ray"); the article "a" stays
    assert normalize_token("x") == normalize_token("X-ray").split()[0] == "X" and normalize_token("a") == "a"
    assert normalize_token("exams") == normalize_token("examination") == "examination"


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


@pytest.mark.parametrize("text, surface, concept_id", [
    ("Sjgren syndrome causes dry eyes.", "Sjgren syndrome", "MONDO:0010030"),
    ("Mnire disease causes vertigo.", "Mnire disease", "MONDO:0007972"),
    ("Behet disease causes mouth sores.", "Behet disease", "MONDO:0007191"),
])
def test_trap_medquad_stripped_accents_still_link(vocab, nlp, text, surface, concept_id):
    assert (surface, "DISEASE", concept_id) in link(vocab, text, nlp)


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
    ("If not treated, it can cause liver failure.", "liver failure", "hypothetical"),  # "not" negates nothing
])
def test_assertion_cues(nlp, sentence, term, assertion):
    doc = nlp(sentence)
    assert [e._.assertion for e in doc.ents if e.text == term] == [assertion]


def test_lay_and_class_phrasings_are_compiled():
    from pipeline.vocab.compile import agent_class_phrasings, lay_phrasings, therapist_phrasings

    assert "decrease in muscle tone" in lay_phrasings("Decreased muscle tone")
    assert "low muscle tone" in lay_phrasings("Decreased muscle tone")
    assert {"increased serum ferritin", "high serum ferritin"} <= set(lay_phrasings("Elevated serum ferritin"))
    assert lay_phrasings("High palate") == [] and "decreased back pain" not in lay_phrasings("Low back pain")
    assert "skin changes" in lay_phrasings("Abnormality of the skin")
    assert "mental status changes" in lay_phrasings("altered mental status")
    assert not [v for v in lay_phrasings("Abnormality of abdomen morphology") if "morphology" in v.split()[:1]]
    assert lay_phrasings("Eye pain") == ["pain in eye"]
    assert lay_phrasings("Abdominal pain") == []  # an adjective has no "pain in the abdominal"
    assert lay_phrasings("Poor feeding") == ["feed poorly"]
    assert "loss of hearing" in lay_phrasings("Hearing loss")
    assert "muscle relaxants" in agent_class_phrasings("muscle relaxant agent therapy")
    assert "immunosuppressive drugs" in agent_class_phrasings("Immunosuppressive Agents")
    assert agent_class_phrasings("treatment with antiviral agents") == []
    assert "hematopoietics" not in agent_class_phrasings("Hematopoietic Agents")  # would fold to the bare adjective
    assert therapist_phrasings("physical therapy") == ["physical therapist"]


@pytest.mark.parametrize("text, expected", [
    ("She had pain in the eye and a decrease in muscle tone.", {"HP:0200026", "HP:0001252"}),  # MeSH → HPO
    ("The baby may feed poorly.", {"HP:0011968"}),
    ("Patients take anti-convulsants, muscle relaxants and pain relievers.", {"MESH:D000927", "MAXO:0000324",
                                                                             "MESH:D000700"}),
    ("It is caused by E. coli or adenovirus.", {"MESH:D004926"}),
    ("It may be found on a routine chest x-ray.", {"MAXO:0010356"}),  # "x-ray" = "X-Ray"; "... procedure" dropped
])
def test_plain_language_phrasings_link(vocab, nlp, text, expected):
    assert expected <= {cid for _, _, cid in link(vocab, text, nlp)}


def test_shared_frame_coordination(vocab, nlp):
    doc = nlp("Attacks cause weakness, along with loss of bladder and bowel control.")
    found = {(e.text, e._.concept_id, e._.method.endswith("+coordination")) for e in doc.ents}
    assert ("loss of bladder", "HP:0000020", True) in found
    assert ("bowel control", "HP:0002607", True) in found


def test_maxo_diagnostic_subtree_is_diagnostic(vocab):
    assert vocab.concepts["MAXO:0001008"].branch == "diagnostic"  # platelet count
    assert vocab.concepts["MAXO:0000004"].branch == "therapeutic"  # surgical procedure


def test_latin_plurals_fold():
    assert normalize_token("tibiae") == "tibia" and normalize_token("phalanges") == "phalanx"
    assert normalize_token("diaphyses") == "diaphysis" and normalize_token("stenoses") == "stenosis"
    assert normalize_token("purposes") == "purpose" and normalize_token("overdoses") == "overdose"
    assert normalize_token("feet") == "foot" and normalize_token("calves") == "calf"


def test_plurals_in_ys_fold():
    assert normalize_token("kidneys") == "kidney" and normalize_token("delays") == "delay"
    assert normalize_token("x-rays") == "X ray" and normalize_token("always") == "always"
    assert normalize_token("dialysis") == "dialysis"


def test_plurals_in_as_fold():
    assert normalize_token("fistulas") == "fistula" and normalize_token("corneas") == "cornea"
    assert normalize_token("pancreas") == "pancreas"


def test_british_spellings_fold():
    assert normalize_token("naevi") == normalize_token("nevus")
    assert normalize_token("Oedema") == "edema" and normalize_token("haemorrhages") == "hemorrhage"
    assert normalize_token("vertebrae") == "vertebra"  # the plural fold comes first


def test_predicate_findings(vocab, nlp):
    doc = nlp("In both sibs the patellae were absent. Motor development was mildly delayed. The tibiae were bowed.")
    found = {(e.text, e._.concept_id, e._.method.endswith("+predicate")) for e in doc.ents}
    assert ("patellae were absent", "HP:0006443", True) in found
    assert ("Motor development was mildly delayed", "HP:0001270", True) in found
    assert ("tibiae were bowed", "HP:0002982", True) in found
    assert not any("were not" in e.text for e in nlp("The patellae were not absent.").ents)


def test_organ_adjective_grouping_terms(vocab, nlp):
    ents = link(vocab, "Cutaneous manifestations and renal anomalies were seen.", nlp)
    assert ("Cutaneous manifestations", "SYMPTOM", "HP:0000951") in ents  # Abnormality of the skin
    assert ("renal anomalies", "SYMPTOM", "HP:0000077") in ents  # Abnormality of the kidney
    # the ontology's own synonym beats the generated "Abnormal skeletal morphology" variant
    assert ("skeletal abnormalities", "SYMPTOM", "HP:0000924") in link(vocab, "He had skeletal abnormalities.", nlp)


def test_of_phrasing_of_organ_adjective_names(vocab, nlp):
    # "Mandibular hyperostosis": "hyperostosis" is no state noun, "mandibular" an organ adjective
    assert ("hyperostosis of the mandible", "SYMPTOM", "HP:0004472") in link(
        vocab, "There was hyperostosis of the mandible.", nlp)


def test_numerous_is_multiple(vocab, nlp):
    assert ("multiple nevi", "SYMPTOM", "HP:0001054") in link(vocab, "She had multiple nevi.", nlp)  # Numerous nevi


def test_inverted_names_read_backwards():
    from pipeline.vocab.compile import _uninvert

    assert _uninvert("Hypertension, Pulmonary") == "Pulmonary Hypertension"
    assert _uninvert("dystonia, focal, task-specific") == "task-specific focal dystonia"
    assert _uninvert("Anemia, Hemolytic, Autoimmune") == "Autoimmune Hemolytic Anemia"
    assert _uninvert("Salmonella infections (disorder)") is None


def test_lists_written_without_spaces_split_at_semicolons(nlp):
    doc = nlp("Anemia;Reticulocytosis;Hyperbilirubinemia and it improves steatorrhea.;Hepatic involvement")
    assert [t.text for t in doc][:5] == ["Anemia", ";", "Reticulocytosis", ";", "Hyperbilirubinemia"]
    assert {"Anemia", "Reticulocytosis", "Hyperbilirubinemia", "steatorrhea"} <= {e.text for e in doc.ents}


@pytest.mark.parametrize("key, concept_id", [("ocular manifestation", "HP:0000478"), ("ophthalmic anomaly", "HP:0000478"),
                                             ("neurological manifestation", "HP:0000707"),
                                             ("genital malformation", "HP:0000078")])
def test_organ_adjectives_name_the_organ_class(vocab, key, concept_id):
    assert concept_id in {c.concept.id for c in vocab.lookup(key)}


def test_of_phrasings_of_noun_modified_names(vocab):
    assert "HP:0010610" in {c.concept.id for c in vocab.lookup("pit of palm")}  # Palmar pits ("palmar" = palm)
    assert "HP:0002346" in {c.concept.id for c in vocab.lookup("tremor of head")}  # Head tremor


def test_an_of_phrase_opening_a_list_keeps_the_shared_head(vocab, nlp):
    ents = link(vocab, "Symptoms include tremor of the head, arms, or legs.", nlp)
    assert ("tremor", "SYMPTOM", "HP:0001337") in ents
    assert ("tremor of the head", "SYMPTOM", "HP:0002346") in link(vocab, "He had a tremor of the head.", nlp)


def test_mondo_keeps_mesh_xrefs_of_category_and_shared_descriptors(vocab):
    assert "MESH:D009369" in vocab.concepts["MONDO:0005070"].xrefs  # Neoplasms: a descriptor without tree rows
    assert "MESH:D003324" in vocab.concepts["MONDO:0005010"].xrefs  # Coronary Artery Disease, beside its owner


def test_trap_lower_case_copies_of_mondo_acronyms_are_no_terms(vocab, nlp):
    assert not vocab.lookup("pale") and not vocab.lookup("rich")  # MONDO lists "PALE" and "pale"
    assert "MONDO:0015595" in {c.concept.id for c in vocab.lookup("PALE")}
    assert not [e for e in nlp("Stools are pale and foul-smelling.").ents if e.text == "pale"]


def test_symptoms_named_only_by_mesh_take_the_hpo_id_it_cross_references(nlp):
    ents = {e.text: (e._.concept_id, e._.method) for e in nlp("She was in a confusional state.").ents}
    assert ents["confusional state"] == ("HP:0001289", "vocabulary:entry+xref")  # MeSH Confusion → HPO Confusion


def test_drugbank_allergenic_extracts_named_after_foods_are_no_drugs(vocab):
    wheat, _ = choose(vocab.lookup("wheat"), "wheat")
    assert (wheat.concept.type, wheat.concept.branch) == ("CHEMICAL", "food")  # DrugBank's "Wheat" extract
    assert choose(vocab.lookup("echinacea"), "echinacea")[0].concept.type == "DRUG"  # an herbal remedy stays


def test_symp_terms_sharing_a_umls_concept_with_hpo_take_the_hpo_id(nlp):
    ents = {e.text: (e._.concept_id, e._.method) for e in nlp("She had a rash.").ents}
    assert ents["rash"] == ("HP:0000988", "vocabulary:label+xref")  # SYMP rash = Skin rash (UMLS C0015230)


def test_accent_stripped_keys_keep_greek_letters():
    from pipeline.vocab.normalize import drop_non_ascii_letters

    assert drop_non_ascii_letters("Sjögren-Larsson syndrome") == "Sjgren-Larsson syndrome"
    assert drop_non_ascii_letters("β-thalassemia") == "β-thalassemia"  # without β it is another disease


def test_mondo_concepts_carry_their_nearest_ancestors(vocab):
    lice = vocab.concepts["MONDO:0001794"]  # Pthirus pubis infestation
    assert lice.ancestors[0] == "MONDO:0003472"  # lice infestation, one is_a step up
    assert "MONDO:0000001" not in lice.ancestors and len(lice.ancestors) <= 12
    assert vocab.concepts["HP:0001250"].ancestors == ()  # only MONDO diseases have them


@pytest.mark.parametrize("text, surface, hp_id", [
    ("Patients have bleeding and bruising.", "bleeding", "HP:0001892"),  # SYMP bleeding = Abnormal bleeding
    ("Children may have trembling.", "trembling", "HP:0001337"),  # SYMP shakes = Tremor
    ("She had muscle spasms.", "spasms", "HP:0003394"),  # MeSH Spasm = Muscle spasm
    ("Some have a high fever.", "high fever", "HP:0001945"),  # severity is an HPO modifier, not a class
])
def test_checked_symptom_equivalents_give_the_hpo_id(vocab, nlp, text, surface, hp_id):
    assert any(s.endswith(surface) and cid == hp_id for s, _, cid in link(vocab, text, nlp))


def test_symptom_equivalents_table_names_only_known_concepts(vocab):
    from pathlib import Path

    from pipeline.vocab.compile import read_overlay

    rows = read_overlay(Path(__file__).parents[1] / "vocab" / "symptom_equivalents.tsv")
    assert len(rows) > 30
    for row in rows:
        assert row["hp_id"] in vocab.concepts[row["concept_id"]].xrefs
        assert vocab.concepts[row["hp_id"]].type == "SYMPTOM"
