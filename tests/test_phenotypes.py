"""The phenotype reading (`pipeline.nlp.phenotypes`): HPO ids at character precision, nested mentions flagged."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.phenotypes import PhenotypeMention, PhenotypeReader, mark_nested
from pipeline.vocab.store import DEFAULT_VOCAB_DIR


@pytest.fixture(scope="module")
def read(nlp):
    reader = PhenotypeReader(DEFAULT_VOCAB_DIR)
    return lambda text: reader(nlp(text))._.phenotypes


def found(mentions):
    return {(m.text, m.hp_id, m.method, m.nested) for m in mentions}


def test_terms_inside_hyphenated_and_slashed_compounds(read):
    text = "Branchio-oto-renal dysplasia is rare; palmar/plantar pits and earpits-deafness syndrome occur."
    mentions = read(text)
    assert ("renal dysplasia", "HP:0000110", "vocabulary", False) in found(mentions)  # Renal dysplasia
    assert ("plantar pits", "HP:0010612", "vocabulary", False) in found(mentions)
    assert ("deafness", "HP:0000365", "vocabulary", False) in found(mentions)  # Hearing impairment
    for m in mentions:
        assert text[m.start:m.end] == m.text


def test_hpo_names_a_disease_entity_too(read, nlp):
    doc = nlp("Static encephalopathy was seen.")
    assert [e._.concept_id for e in doc.ents if e.text == "encephalopathy"] == ["MONDO:0005560"]  # profiles: disease
    assert ("encephalopathy", "HP:0001298", "vocabulary", False) in found(read("Static encephalopathy was seen."))


def test_order_free_names(read):
    got = found(read("Brachydactyly type C was found with cataracts congenital."))
    assert ("Brachydactyly type C", "HP:0009373", "root", False) in got  # HPO: Type C brachydactyly
    assert ("cataracts congenital", "HP:0000519", "root", False) in got
    assert ("Brachydactyly", "HP:0001156", "vocabulary", True) in got  # nested in the longer name
    # a function word ends the run: "of the mandibular" is no reordering of "mandibular hyperplasia"
    assert not any(m.method == "root" for m in read("bilateral hyperplasia of the mandibular coronoid processes"))


def test_nested_means_inside_a_longer_phenotype(read):
    got = found(read("She has nevoid basal cell carcinoma syndrome."))
    assert ("basal cell carcinoma", "HP:0002671", "vocabulary", False) in got  # inside a disease name: not nested
    assert ("carcinoma", "HP:0030731", "vocabulary", True) in got
    got = found(read("posterior subcapsular or capsular cataract"))
    assert ("capsular cataract", "HP:0100017", "vocabulary", False) in got  # a conjunct, not nested
    assert ("cataract", "HP:0000518", "vocabulary", True) in got


def test_no_phenotypes_in_plain_text(read):
    assert read("The committee met on Tuesday to discuss the budget.") == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["renal", "dysplasia", "brachydactyly", "type", "C", "of", "the", "-", "/", "pits",
                                 "palmar", "cataract", "seizures", "and", ",", "é", "tumor-suppressor"]), max_size=14))
def test_offsets_always_index_the_text(read, words):
    text = " ".join(words)
    for m in read(text):
        assert text[m.start:m.end] == m.text and m.hp_id.startswith("HP:")


def test_mark_nested_ignores_coordination_hosts():
    host = PhenotypeMention(0, 30, "x", "HP:1", 0.8, "coordination")
    inner = PhenotypeMention(5, 10, "y", "HP:2", 1.0, "vocabulary")
    assert [m.nested for m in mark_nested([host, inner])] == [False, False]
    plain_host = PhenotypeMention(0, 30, "x", "HP:1", 1.0, "vocabulary")
    assert [m.nested for m in mark_nested([plain_host, inner])] == [False, True]


@pytest.mark.parametrize("pair", [("myoclonic", "myoclonus"), ("hypopigmented", "hypopigmentation"),
                                  ("polydactylous", "polydactyly"), ("spasticity", "spastic"), ("thromboembolic", "thromboembolism")])
def test_word_roots_join_derivations(pair):
    from pipeline.nlp.phenotypes import word_root

    assert word_root(pair[0]) == word_root(pair[1])


def test_root_matches_rare_derived_words_only(read):
    assert ("myoclonic", "HP:0001336", "root", False) in found(read("Episodes were myoclonic."))  # Myoclonus
    assert not read("Clones formed in culture; the maternal band was faint.")  # cloned/clonus, faint/fainting


@pytest.mark.parametrize("word, common", [("limbic", "limb"), ("organic", "organ")])
def test_word_roots_keep_false_derivations_apart(word, common):
    from pipeline.nlp.phenotypes import word_root

    assert word_root(word) != word_root(common)


def test_limb_malformation_is_no_limbic_system_finding(read):
    assert all("limbic" not in m.hp_id and m.hp_id != "HP:0007343" for m in read("She had a limb malformation."))


def test_inheritance_phrases_and_their_nested_parts(read):
    text = ("It is an autosomal dominant disorder. X-linked recessive inheritance was seen; others show "
            "dominantly inherited forms. A dominant allele alone is no mode.")
    got = {(m.text, m.hp_id, m.nested) for m in read(text)}
    assert ("autosomal dominant disorder", "HP:0000006", False) in got
    assert ("autosomal dominant", "HP:0000006", True) in got
    assert ("dominant", "HP:0000006", True) in got
    assert ("dominant disorder", "HP:0000006", True) not in got  # a disorder, not a mode
    assert ("X-linked recessive inheritance", "HP:0001419", False) in got
    assert ("recessive inheritance", "HP:0001419", True) in got
    assert ("dominantly inherited", "HP:0000006", False) in got
    assert not any(m.start >= text.index("A dominant allele") for m in read(text))


def test_slash_coordinated_modifiers_share_the_head(read):
    got = found(read("Posterior subcapsular/capsular cataracts and palmar/plantar pits were seen."))
    assert ("Posterior subcapsular/capsular cataracts", "HP:0007787", "coordination", False) in got
    assert ("subcapsular/capsular cataracts", "HP:0000523", "coordination", False) in got  # Subcapsular cataract
    assert ("palmar/plantar pits", "HP:0010610", "coordination", False) in got  # Palmar pits
    assert ("plantar pits", "HP:0010612", "vocabulary", False) in got
