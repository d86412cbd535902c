"""Golden test: the OMS article against the curator's gold file (gold/opsoclonus-myoclonus-syndrome.gold.json)."""

import json

from pipeline.evaluation.score import disease_checks, forbidden_hits, score_profile
from tests.conftest import ROOT

GOLD = json.loads((ROOT / "gold" / "opsoclonus-myoclonus-syndrome.gold.json").read_text())


def test_every_field_is_perfect_against_gold(oms):
    _, _, profile = oms
    scores = score_profile(profile, GOLD)
    report = {k: (v.precision, v.recall, v.misses, v.extras) for k, v in scores.items()}
    for name, s in scores.items():
        assert s.recall == 1.0, (name, report[name])
        assert s.precision == 1.0, (name, report[name])
        assert not s.misses, (name, s.misses)


def test_disease_identity(oms):
    _, profile, data = oms
    assert disease_checks(data, GOLD) == []
    assert profile.disease.concept_id == "MONDO:0015247"
    assert {"ORPHA:1183", "MESH:D053578"} <= set(profile.disease.xrefs)
    assert str(profile.source.updated) == "2014-06-09"
    assert profile.source.publisher == "About.com"


def test_no_forbidden_items_and_no_boilerplate(oms):
    _, _, data = oms
    assert forbidden_hits(data, GOLD) == []
    texts = " ".join(m["text"] for m in data["mentions"])
    assert "Rare Diseases" not in texts and "HONcode" not in texts


def test_brand_is_attached_not_a_second_treatment(oms):
    _, profile, _ = oms
    names = [t.name.lower() for t in profile.treatments]
    assert "imuran" not in names
    azathioprine = next(t for t in profile.treatments if t.concept_id == "DRUGBANK:DB00993")
    assert azathioprine.brand_names == ["Imuran"]
    assert "Immunosuppressive Agents" in azathioprine.drug_class


def test_no_disease_is_a_treatment_and_no_cause_is_a_symptom(oms):
    _, profile, _ = oms
    assert not [t for t in profile.treatments if (t.concept_id or "").startswith("MONDO:")]
    cause_ids = {c.concept_id for c in profile.causes}
    assert not cause_ids & {s.concept_id for s in profile.symptoms}


def test_lay_phrasings_merge_into_their_symptoms(oms):
    _, profile, _ = oms
    assert len(profile.symptoms) == 3
    opsoclonus = next(s for s in profile.symptoms if s.concept_id == "HP:0010543")
    assert "jiggling eye movements" in [e.text for e in opsoclonus.evidence]


def test_statistic_value_and_population(oms):
    _, profile, _ = oms
    (stat,) = profile.statistics
    assert (stat.value, stat.unit) == (4.0, "percent")
    assert stat.population == "children with neuroblastoma"


def test_trap_ghr_treatment_sections_list_resources_not_treatments(nlp, tmp_path):
    from tests.conftest import profile_of

    path = tmp_path / "rett.txt"
    path.write_text("Rett syndrome\n\nTreatment\nThese resources address the diagnosis or management of Rett syndrome:\n"
                    "- Genetic Testing Registry: Rett syndrome\n- Drug therapy and surgery resources\n"
                    "- Cleveland Clinic\n")
    _, profile = profile_of(path, nlp)
    assert profile.treatments == []
