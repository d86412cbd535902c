"""Field rules that generalise across sites: symptom tables, genes, statistics, FAQ headings, symptom lists."""

import pytest

from pipeline.assemble import statistics as st
from pipeline.assemble.genes import find_genes
from pipeline.assemble.symptom_table import find_symptom_tables
from pipeline.ingest import article_from_text
from pipeline.nlp.records import doc_to_records

GARD = """Relapsing polychondritis

Signs and symptoms
The Human Phenotype Ontology provides the following list of signs and symptoms for Relapsing polychondritis.

Signs and Symptoms | Approximate number of patients (when available)
- Arthritis: 90%
- Anemia: 50%
- Reduced natural killer cell activity: 13/13
- Autosomal dominant inheritance
- Apnea

Causes
What causes relapsing polychondritis? The cause is unknown. Mutations in the TREX1, RNASEH2A and SAMHD1 genes were not found.
"""


def profile_for(text, nlp, doc_id="doc"):
    from pipeline.assemble.profile import build_profile

    article = article_from_text(text, doc_id=doc_id, path=f"{doc_id}.txt", fmt="txt", sha256="0" * 64)
    return build_profile(article, doc_to_records(nlp(text)), article.path, "0" * 64)


def test_symptom_table_rows_and_their_offsets():
    rows = find_symptom_tables(GARD)
    assert [r.label for r in rows] == ["Arthritis", "Anemia", "Reduced natural killer cell activity",
                                       "Autosomal dominant inheritance", "Apnea"]
    assert [r.frequency for r in rows] == ["90%", "50%", "13/13", None, None]
    assert all(GARD[r.start:r.end] == r.label for r in rows)


def test_pipe_table_rows():
    text = "| Symptom | Frequency |\n| --- | --- |\n| Seizures | 75% |\n| Ataxia | |\n\nAfter the table."
    rows = find_symptom_tables(text)
    assert [(r.label, r.frequency) for r in rows] == [("Seizures", "75%"), ("Ataxia", None)]


def test_table_rows_become_hpo_symptoms_with_frequency_not_statistics(nlp):
    profile = profile_for(GARD, nlp)
    symptoms = {s.concept_id: s for s in profile.symptoms}
    # "Arthritis" and "Anemia" are MONDO diseases too; a symptom table means the HPO phenotype
    assert symptoms["HP:0001369"].frequency == "90%"
    assert symptoms["HP:0001903"].frequency == "50%"
    assert "HP:0001250" not in symptoms
    assert {f.concept_id for f in profile.inheritance} == {"HP:0000006"}
    assert not profile.statistics  # table frequencies are not prevalence statistics
    # "What causes ...?" opening an answer is a FAQ heading, not an open question; "The cause is unknown." is one
    assert [q.name for q in profile.open_questions] == ["The cause is unknown."]


def test_genes_need_to_be_written_as_genes():
    text = "Mutations in the TREX1, RNASEH2A, and SAMHD1 genes cause AGS. CAD is common. The CAD gene is not."
    found = find_genes(text, 0, 62)
    assert [g.symbol for g in found] == ["TREX1", "RNASEH2A", "SAMHD1"]
    assert found[0].concept_id == "NCBIGene:11277"
    assert find_genes(text, 63, 77) == []  # no gene word: "CAD" is the disease abbreviation
    assert [g.symbol for g in find_genes(text, 78, len(text))] == ["CAD"]


@pytest.mark.parametrize("text, value, unit", [
    ("Narcolepsy affects about 1 in 2,000 people in the United States.", 2000, "1 in N"),
    ("It affects 3 in 10,000 newborns.", 3, "per 10000"),
    ("About four percent of these children have it.", 4, "percent"),
    ("60%-75% of patients have a tumor.", None, "percent"),
    ("There are twice as many women as men with SPS.", 2, "times"),
    ("An average of 145 cases are reported each year.", 145, "cases per year"),
    ("It affects an estimated 7 to 69 per million people.", None, "per 1000000"),
    ("It may be as low as 7 percent in older siblings.", 7, "percent"),
    ("About 60 cases have been reported worldwide.", 60, "cases reported"),
])
def test_statistic_patterns(text, value, unit):
    found = [(st._value_and_unit(p, m)) for p in (st.PERCENT, st.RATE, st.RATIO, st.COUNT, st.REPORTED)
             for m in p.finditer(text)]
    assert found[0] == (value, unit)


def test_coordinated_statistics_are_two_each_with_its_population():
    text = ("Studies estimate that 30 percent of children and up to 70 percent of infants with a UTI have VUR. "
            "It is as low as 7 percent in older siblings and as high as 100 percent in identical twins.")
    found = [(st._value_and_unit(st.PERCENT, m)[0], st._trim_population(m.group("pop")))
             for m in st.PERCENT.finditer(text)]
    assert found == [(30, "children"), (70, "infants with a UTI"), (7, "older siblings"), (100, "identical twins")]


def test_diseases_in_a_symptom_list_are_symptoms_linked_to_hpo(nlp):
    text = "Botulism\n\nBotulism is a rare illness. Symptoms include anemia, seizures and double vision.\n"
    profile = profile_for(text, nlp)
    assert {"HP:0001903", "HP:0001250", "HP:0000651"} <= {s.concept_id for s in profile.symptoms}


def test_enumeration_items_and_cause_phrases():
    from pipeline.assemble.phrases import cause_phrase, enumeration_items

    text = "Symptoms include poorly articulated speech, a decrease in muscle tone (hypotonia), which is common, and 3 more."
    start = text.index("poorly")
    items = [text[s:e] for s, e in enumeration_items(text, start, len(text))]
    assert items == ["poorly articulated speech", "decrease in muscle tone"]
    text = "Symptoms include fever, headache and, in the most severe cases, seizures or pain around the waist."
    items = [text[s:e] for s, e in enumeration_items(text, text.index("fever"), len(text))]
    assert "in the most severe cases" not in items and "fever" not in items  # a lone ordinary word
    text = "It is caused by an autoimmune response in which antibodies attack nerves."
    span = cause_phrase(text, text.index("by") + 2, len(text))
    assert text[span[0]:span[1]] == "autoimmune response"
    assert cause_phrase("It is caused by it.", 15, 19) is None
    text = "It typically results from an abnormal fold of tissue in the urethra that keeps urine in."
    span = cause_phrase(text, text.index("from") + 4, len(text))
    assert text[span[0]:span[1]] == "abnormal fold of tissue in the urethra"  # the place belongs to the phrase


def test_each_drug_list_keeps_its_own_head_and_brands(nlp):
    text = ("Myasthenia gravis\n\nTreatment\nTreatment options include acetylcholinesterase inhibitors such as "
            "pyridostigmine (Mestinon), corticosteroids such as prednisone, immunosuppressants like azathioprine, "
            "and plasmapheresis.\n")
    treatments = {t.name: t for t in profile_for(text, nlp).treatments}
    assert [(a.name, a.brand_names) for a in treatments["acetylcholinesterase inhibitors"].agents] == [
        ("pyridostigmine", ["Mestinon"])]
    assert [a.name for a in treatments["corticosteroids"].agents] == ["prednisone"]
    assert [a.name for a in treatments["immunosuppressants"].agents] == ["azathioprine"]
    assert "plasmapheresis" in treatments  # a procedure is never a drug class's member


@pytest.mark.parametrize("text, value", [
    ("One-third of individuals with WD will also experience psychiatric symptoms.", 33.3),
    ("About half of all patients have a tumor.", 50.0),
])
def test_fraction_words_are_percentages(text, value):
    match = st.FRACTION.search(text)
    assert st._value_and_unit(st.FRACTION, match) == (value, "percent")
    assert st.FRACTION.search("Half of the brain is affected.") is None  # not a group of people


def test_plain_language_fields(nlp):
    text = ("Wilson disease\n\nWilson disease (WD) is a rare inherited disorder. Symptoms include bruising. "
            "If not treated, WD can cause brain damage, liver failure, and death. An autoimmune response is "
            "thought to cause Wilson disease.\n\nTreatment\nA low-copper diet is also recommended. Anticonvulsants, "
            "gabapentin and tiagabine, may help. Drugs provide relief from the stiffness and muscle spasms.\n\n"
            "Diagnosis\nA tensilon test can be done. A person may also be physically examined. Protect yourself from "
            "injuries that can cause bruising.\n\nMore information\nOrphanet, a European rare disease database.\n")
    profile = profile_for(text, nlp)
    complications = {c.name for c in profile.complications}
    assert {"death", "brain damage"} <= complications and "bruising" not in complications
    assert "low-copper diet" in {t.name for t in profile.treatments}
    anticonvulsants = next(t for t in profile.treatments if t.concept_id == "MESH:D000927")
    assert [a.name for a in anticonvulsants.agents] == ["gabapentin", "tiagabine"]
    assert "HP:0003394" in {s.concept_id for s in profile.symptoms}  # what a treatment relieves
    assert {"tensilon test", "physical examination"} <= {d.name for d in profile.diagnostics}
    assert "HP:0002960" in {c.concept_id for c in profile.causes}
    assert "MESH:D035583" not in {s.concept_id for s in profile.symptoms}  # "rare disease database"


def test_definition_head_is_a_category(nlp):
    text = "Botulism\n\nBotulism is a rare but serious paralytic illness caused by a nerve toxin.\n"
    assert "paralytic illness" in {c.name for c in profile_for(text, nlp).categories}


def test_quoted_synonym_and_what_is_not_a_cause(nlp):
    text = ("Rett syndrome\n\nRett syndrome is sometimes referred to as a \"mimic of autism.\"\n\nCauses\nA gene variant "
            "has been associated with Rett syndrome, particularly in people who also have cataplexy. Several conditions "
            "result from mutations in other genes. These conditions, including FOXG1 syndrome, were once thought to be "
            "variants. It is caused by an autoimmune response.\n")
    profile = profile_for(text, nlp)
    assert "mimic of autism" in profile.disease.synonyms
    causes = {c.name for c in profile.causes}
    assert "cataplexy" not in causes and "FOXG1 syndrome" not in causes
    assert "autoimmune response" in causes


def test_ratio_range_has_no_single_value():
    match = st.RATIO.search("Chronic ITP affects women two to three times more often than men.")
    assert match.group(0).startswith("two to three times") and st._value_and_unit(st.RATIO, match) == (None, "times")


def test_held_out_failure_modes_stay_fixed(nlp):
    """General rules found on the held-out gold articles (ADEM, FFI, ITP)."""
    text = ("Fatal familial insomnia\n\nOverview\nFatal familial insomnia (FFI) is an inherited prion disease. FFI "
            "often follows viral or bacterial infections, or less often, vaccination for measles. It causes visual "
            "loss (due to inflammation of the optic nerve), weakness and paralysis. Petechiae look like a rash. FFI "
            "usually leads to death within a few months. How is fatal familial insomnia diagnosed? Treatment depends "
            "on the platelet count.\n\nSigns and Symptoms | Approximate number of patients (when available)\n"
            "- Adult onset\n- Ataxia\n\nMedicines\nCorticosteroids are used. Aspirin and ibuprofen are common "
            "medicines that increase the risk of bleeding.\n")
    profile = profile_for(text, nlp)
    causes = {c.concept_id or c.name for c in profile.causes}
    assert "MONDO:0005108" in causes  # "often follows viral ... infections"
    assert not {"HP:0001324", "HP:0003470"} & causes  # outside the parenthesised "due to"
    assert "MONDO:0004619" not in causes  # the disease a vaccine is against (measles)
    symptoms = {s.name.lower() for s in profile.symptoms}
    assert "rash" not in symptoms and "adult onset" not in symptoms and "ataxia" in symptoms
    assert "death" in {c.name for c in profile.complications}
    assert any("leads to death" in p.name for p in profile.prognosis)
    assert not any("inherited prion disease" in p.name for p in profile.prognosis)  # "Fatal" is part of the name
    assert not any(q.name.endswith("diagnosed?") for q in profile.open_questions)  # an FAQ question
    treatments = {t.name.lower() for t in profile.treatments}
    assert "corticosteroids" in treatments  # a "Medicines" section is a treatment section
    assert not {"aspirin", "ibuprofen", "platelet count"} & treatments


def test_sequelae_consequences_and_unpredictable_outcomes(nlp):
    text = ("Acute disseminated encephalomyelitis\n\nOverview\nAcute disseminated encephalomyelitis (ADEM) causes "
            "weakness and loss of vision. Children are more likely than adults to have ADEM. Others may have lifelong "
            "impairment ranging from weakness to loss of vision. Bleeding in the brain as a result of ADEM is very "
            "rare. Some patients go on to develop MS, but there is currently no method to predict whom those "
            "individuals will be. It is caused by a specific change (mutation) in the PRNP gene.\n")
    profile = profile_for(text, nlp)
    assert {"weakness", "loss of vision"} <= {c.name for c in profile.complications}  # lifelong: sequelae
    assert "HP:0001342" in {c.concept_id for c in profile.complications}  # cerebral hemorrhage, "as a result of"
    assert "children" in {p.name for p in profile.affected_populations}
    assert any("no method to predict" in q.name for q in profile.open_questions)
    assert not any("change" in c.name for c in profile.causes)  # a genetic change is stated by its gene


def test_a_page_about_a_sign_and_the_parenthesised_name(nlp):
    text = ("Myoclonus\n\nOverview\nMyoclonus refers to a sudden, involuntary jerking of a muscle. Myoclonic jerks "
            "commonly occur in persons with epilepsy. Myoclonus may develop in response to infection. Cataplexy is "
            "a sudden loss of muscle tone in response to strong emotion.\n")
    profile = profile_for(text, nlp)
    assert profile.disease.concept_id == "HP:0001336"  # the title names a sign, not a disease
    causes = {c.name.lower() for c in profile.causes}
    assert {"epilepsy", "infection"} <= causes and "strong emotion" not in causes
    text = ("Glucose transporter type 1 deficiency syndrome\n\nGlucose transporter type 1 deficiency syndrome (GLUT1 "
            "deficiency syndrome) is an inherited condition. Microcephaly develops after birth.\n")
    profile = profile_for(text, nlp)
    assert "GLUT1 deficiency syndrome" in profile.disease.synonyms
    assert not profile.causes  # "develops after birth" is timing, not a cause


def test_two_disease_title_subtypes_and_cures(nlp):
    text = ("Thymoma and Thymic Carcinoma\n\nThymoma and thymic carcinoma are diseases in which cancer cells form in "
            "the thymus. Symptoms include thymoma, cough and chest pain.\n\nHemophagocytic lymphohistiocytosis (HLH) "
            "is a rare disorder. Symptoms include familial HLH and fever. Cell transplantation is considered a cure "
            "for familial HLH.\n")
    profile = profile_for(text, nlp)
    symptoms = {s.name.lower() for s in profile.symptoms}
    assert "thymoma" not in symptoms and "cough" in symptoms  # both diseases of the title are the focus
    assert any("considered a cure" in p.name for p in profile.prognosis)


def test_prevention_sources_and_faq_headings_are_not_treatments_or_questions(nlp):
    text = ("Shingles\n\nTreatment\nGluten is a protein found in wheat, rye, and barley. Antiviral medicines are used "
            "to treat shingles. Products that can contain gluten include\n- toothpaste\n- vitamins\n\n"
            "Who Should Not Get the Vaccine?\nPeople who take steroids or get radiation treatments should not get "
            "the vaccine.\n")
    profile = profile_for(text, nlp)
    treatments = {t.name.lower() for t in profile.treatments}
    assert not {"wheat", "rye", "barley", "toothpaste", "vitamins", "steroids", "radiation"} & treatments
    assert not any("Vaccine" in q.name for q in profile.open_questions)


def test_reactions_to_a_shot_are_not_symptoms(nlp):
    text = ("Shingles\n\nThe Vaccine Works\nSome people experience mild reactions that last up to a few days, such as "
            "headache or redness, soreness, swelling, or itching where the shot was given.\n")
    assert not profile_for(text, nlp).symptoms


def test_prevention_and_trial_sentences_are_not_prognosis(nlp):
    text = ("Shingles\n\nWho Should Not Get the Vaccine?\nDo not get it if you have ever had a life-threatening "
            "allergic reaction to gelatin.\n\nOutlook\nThere are also clinical trials that test new ways to stop "
            "cancer from recurring.\n\nOverview\nThere is no cure for shingles.\n")
    prognosis = [p.name for p in profile_for(text, nlp).prognosis]
    assert prognosis == ["There is no cure for shingles."]


def test_symptoms_listed_after_a_lead_in_outside_a_symptoms_section(nlp):
    text = ("Shingles\n\nDiagnosis\nA healthcare provider usually confirms a diagnosis of shingles if the person "
            "reports a sharp, burning pain. Other symptoms of shingles can include\n- fever\n- headache\n- chills\n"
            "In cases where there is no rash or the diagnosis is questionable, healthcare providers can do a blood "
            "test.\n")
    profile = profile_for(text, nlp)
    assert {"fever", "headache", "chills"} <= {s.name for s in profile.symptoms}
    assert "blood test" in {d.name for d in profile.diagnostics}  # "no rash" does not negate the main clause


def test_coordinated_subjects_of_a_causal_verb_are_causes(nlp):
    text = ("Celiac Disease\n\nCauses\nSometimes surgery, pregnancy, childbirth, a viral infection, or severe "
            "emotional stress can also trigger celiac disease symptoms. What causes celiac disease? The exact "
            "underlying causes of celiac disease are unknown. In celiac disease, certain gene variants and other "
            "factors can lead to celiac disease.\n")
    causes = {c.name.lower() for c in profile_for(text, nlp).causes}
    assert {"surgery", "pregnancy", "childbirth", "viral infection", "severe emotional stress"} <= causes
    assert not causes & {"what", "exact underlying", "factors", "other factors"}


def test_causes_of_a_form_of_the_disease_and_the_main_cause_subject(nlp):
    causes = {c.name.lower() for c in profile_for(
        "Bronchitis\n\nOverview\nBronchitis is a condition in which the bronchial tubes become inflamed.\n\nCauses\n"
        "Infections or lung irritants cause acute bronchitis. The same viruses that cause colds are the most common "
        "cause of acute bronchitis. Smoking is the main cause of chronic bronchitis. Pregnancy can cause bronchitis.\n",
        nlp).causes}
    assert {"infections", "irritants", "smoking", "pregnancy"} <= causes  # MeSH Irritants
    assert any("virus" in c for c in causes)
    assert not causes & {"acute bronchitis", "chronic bronchitis", "same viruses", "colds"}


def test_cause_lists_after_a_subject_bound_cue_and_modifier_coordination(nlp):
    text = ("Complex regional pain syndrome\n\nSymptoms\nComplex regional pain syndrome (CRPS) usually develops "
            "after an injury, surgery, stroke or heart attack. The key symptom is intense pain.\n\nCauses\n"
            "Swelling in the anal or rectal veins causes complex regional pain syndrome. It is the result of an "
            "autoimmune response gone awry in the brain and spinal cord.\n")
    profile = profile_for(text, nlp)
    causes = {c.name.lower() for c in profile.causes}
    assert {"injury", "stroke", "heart attack"} <= causes
    assert not {s.name.lower() for s in profile.symptoms} & {"stroke", "heart attack"}
    assert not causes & {"swelling in the anal", "rectal veins", "spinal cord"}


def test_cause_phrases_split_a_plain_list_only():
    from pipeline.assemble.phrases import cause_phrases

    def items(text):
        start = text.index(" after ") + 7
        return [text[s:e] for s, e in cause_phrases(text, start, len(text))]

    assert items("It develops after an injury, surgery, stroke or heart attack.") == [
        "injury", "surgery", "stroke", "heart attack"]
    assert items("It occurs after a combination of genetic and environmental factors.") == [
        "combination of genetic and environmental factors"]
    assert items("It occurs after damage in the brain and spinal cord.") == ["damage in the brain and spinal cord"]


def test_symptoms_of_another_disease_institutions_and_look_alikes_are_not_symptoms(nlp):
    text = ("Bronchitis\n\nSymptoms\nBronchitis causes a cough that brings up mucus and wheezing. Acute bronchitis "
            "often develops after a cold or the flu. Symptoms of a cold or the flu include sore throat, vomiting, and "
            "diarrhea. Its symptoms are similar to the symptoms of other lung problems, such as pneumonia and asthma."
            "\n\nwhat research is being done for Bronchitis ?\nThe National Institute of Neurological Disorders and "
            "Stroke supports research. The cause of bronchitis in some people is not well understood. Published "
            "studies of these treatments are limited.\n")
    profile = profile_for(text, nlp)
    symptoms = {s.name.lower() for s in profile.symptoms}
    assert "wheezing" in symptoms
    assert not symptoms & {"sore throat", "vomiting", "diarrhea", "pneumonia", "asthma", "stroke"}
    questions = " ".join(q.name for q in profile.open_questions)
    assert "not well understood" in questions and "are limited" in questions


def test_a_findings_own_signs_are_still_symptoms(nlp):
    text = ("Polycystic kidney disease\n\nSymptoms\nSymptoms of PKD include back pain and headaches. Symptoms of "
            "anemia include fatigue and pallor.\n")
    symptoms = {s.name.lower() for s in profile_for(text, nlp).symptoms}
    assert {"back pain", "fatigue", "pallor"} <= symptoms


def test_overview_findings_the_symptoms_list_are_symptoms_and_causes_of_a_symptom_are_not_causes(nlp):
    text = ("Bronchitis\n\nOverview\nBronchitis also may cause wheezing and chest pain. Chronic bronchitis is a serious, "
            "long-term medical condition. Spasticity, which can occur as a stiffness caused by increased muscle tone, "
            "is common.\n\nSymptoms\nThe signs and symptoms of bronchitis include coughing, wheezing, and chest pain."
            "\n")
    profile = profile_for(text, nlp)
    complications = {c.name.lower() for c in profile.complications}
    assert not complications & {"wheezing", "chest pain", "medical condition"}
    assert {"wheezing", "chest pain"} <= {s.name.lower() for s in profile.symptoms}
    assert "increased muscle tone" not in {c.name.lower() for c in profile.causes}


def test_categories_from_an_opening_appositive_a_belief_and_other_members_of_a_class(nlp):
    text = ("Multiple Sclerosis\n\nOverview\nAn unpredictable disease of the central nervous system, multiple sclerosis "
            "(MS) can range from benign to disabling. Many investigators believe MS to be an autoimmune disease. MS "
            "symptoms are similar to the symptoms of other demyelinating disorders. MS is linked with lupus and other "
            "rheumatic diseases. It continues to be a problem in malnourished populations.\n")
    categories = {c.name.lower() for c in profile_for(text, nlp).categories}
    assert {"autoimmune disease", "demyelinating disorders"} <= categories
    assert any("central nervous system" in c for c in categories)
    assert not categories & {"rheumatic diseases", "malnourished", "problem"}


def test_unnamed_items_of_a_recommended_list_are_treatments(nlp):
    text = ("Bronchitis\n\nTreatment\nIf you have acute bronchitis, your doctor may recommend rest, plenty of fluids, "
            "and aspirin to treat fever. Try to avoid lung irritants, such as dust, fumes, and air pollution.\n")
    treatments = {t.name.lower() for t in profile_for(text, nlp).treatments}
    assert {"rest", "plenty of fluids", "aspirin"} <= treatments
    assert not treatments & {"dust", "fumes", "air pollution", "fever"}


@pytest.mark.parametrize("sentence", [
    "Most prolapsed hemorrhoids shrink back inside the rectum on their own.",
    "Acute bronchitis lasts from a few days to 10 days.",
    "In others, symptoms can persist for months to years.",
    "When treatment is started early, improvement or remission may be possible.",
    "With time it can spread to the other hand.",
    "For most women, hemorrhoids caused by pregnancy disappear after childbirth.",
])
def test_the_course_in_plain_words_is_a_prognosis(nlp, sentence):
    text = f"Hemorrhoids\n\nTreatment\nA sitz bath may help. {sentence}\n"
    assert any(sentence in p.name for p in profile_for(text, nlp).prognosis)


def test_parasite_causes_sample_tests_and_counts_of_the_affected(nlp):
    text = ("Schistosomiasis\n\nOverview\nSchistosomiasis is a disease caused by parasitic worms. Infection with "
            "Schistosoma mansoni, S. haematobium, and S. japonicum causes illness in humans. More than 200 million "
            "people are infected worldwide. Women are more than twice as likely as men to be diagnosed with it.\n\n"
            "Diagnosis\nStool or urine samples can be examined microscopically for parasite eggs. It may be necessary "
            "to perform a blood (serologic) test. In a study of 25 people all patients had it.\n")
    profile = profile_for(text, nlp)
    causes = {c.name for c in profile.causes}
    assert {"parasitic worms", "Schistosoma mansoni", "S. haematobium", "S. japonicum"} <= causes
    assert {"stool sample examination", "urine sample examination", "blood test"} <= {
        d.name.lower() for d in profile.diagnostics}
    stats = {s.name: s for s in profile.statistics}
    assert stats["More than 200 million people"].value == 200_000_000 and stats["More than 200 million people"].unit == "people"
    assert any(s.unit == "times" and s.value == 2 for s in profile.statistics)
    assert not any("25 people" in s.name for s in profile.statistics)


def test_how_it_spreads_and_the_first_disease_of_a_two_disease_title(nlp):
    text = ("Polio and Post-Polio Syndrome\n\nPolio is an infectious disease caused by a virus. It is most often "
            "spread by contact with the stool of an infected person. You can also get it from droplets if an "
            "infected person sneezes or coughs. There is no treatment to reverse the paralysis of polio. Some people "
            "who've had polio develop post-polio syndrome (PPS) years later.\n")
    profile = profile_for(text, nlp)
    assert profile.disease.concept_id == "MONDO:0017373"  # poliomyelitis, the page's topic
    causes = {c.name.lower() for c in profile.causes}
    assert {"virus", "contact with the stool of an infected person", "droplets"} <= causes
    assert not causes & {"sneezes", "coughs", "someone else"}
    assert not {s.name.lower() for s in profile.symptoms} & {"sneezes", "coughs"}
    assert any("no treatment to reverse" in p.name for p in profile.prognosis)


def test_lists_run_on_after_a_colon_are_items_of_their_lead_in(tmp_path, nlp):
    import json

    from pipeline.ingest.bullets import unfold_inline_bullets
    from tests.conftest import profile_of

    assert unfold_inline_bullets("See your doctor if you have: - Headaches. - Double vision.\n") == \
        "See your doctor if you have:\n- Headaches.\n- Double vision.\n"
    text = ("Polycythemia vera\n\nWhat is polycythemia vera?\nIt makes clots form. This can increase the risk of stroke."
            "\n\nWhat are the symptoms of polycythemia vera?\nSymptoms can be triggered by: - use of alcohol - smoking"
            "\nCheck with your doctor if you have any of the following: - Headaches. - A reddened face that looks "
            "like a blush or sunburn.\n\nWhat are the treatments for polycythemia vera?\nThe following tests may be "
            "used: - CT scan: A dye may be injected.\nTreatment may include the following: - Phlebotomy. - Low-dose "
            "aspirin.\n")
    (tmp_path / "pv.json").write_text(json.dumps({"id": "pv", "title": "Polycythemia vera", "text": text}))
    _, profile = profile_of(tmp_path / "pv.json", nlp)
    symptoms = {x.name.lower() for x in profile.symptoms}
    assert "headaches" in symptoms and not symptoms & {"sunburn", "smoking", "stroke"}
    assert "stroke" in {x.name.lower() for x in profile.complications}
    assert "smoking" in {x.name.lower() for x in profile.causes}
    treatments = {x.name.lower() for x in profile.treatments}
    assert "phlebotomy" in treatments and "dye" not in treatments
    assert "phlebotomy" not in {x.name.lower() for x in profile.diagnostics}


def test_native_populations_and_outgrowing_intolerance(nlp):
    text = ("Congenital sucrase-isomaltase deficiency\n\nFrequency\nThis condition is much more prevalent in the native "
            "populations of Greenland, Alaska, and Canada, where as many as 1 in 20 people may be affected. Most "
            "affected children are better able to tolerate sucrose and maltose as they get older.\n")
    profile = profile_for(text, nlp)
    assert "native populations of greenland, alaska, and canada" in {p.name for p in profile.affected_populations}
    assert any("as they get older" in p.name for p in profile.prognosis)


def test_a_diagnosis_based_on_signs_and_symptoms_is_a_clinical_diagnosis(nlp):
    text = ("Bronchitis\n\nDiagnosis\nYour doctor usually will diagnose bronchitis based on your signs and symptoms. "
            "Diagnosis is generally based on the presence of characteristic signs and symptoms.\n")
    names = {d.name for d in profile_for(text, nlp).diagnostics}
    assert {"signs and symptoms", "characteristic signs and symptoms"} & names


def test_agent_classes_causes_of_what_and_available_treatment(nlp):
    text = ("Schistosomiasis\n\nOverview\nSchistosomiasis is a disease caused by parasitic worms. Schistosomiasis is an "
            "important cause of disease in many parts of the world. The worms usually are spread through sexual "
            "contact and are most common in adults. Safe and effective medication is available for treatment.\n")
    profile = profile_for(text, nlp)
    categories = {c.name for c in profile.categories}
    assert "disease caused by parasitic worms" in categories and "cause of disease" not in categories
    assert "sexual contact" in {c.name.lower() for c in profile.causes}
    assert any("effective medication is available" in p.name for p in profile.prognosis)


def test_questions_a_doctor_asks_and_pointers_are_no_open_questions(nlp):
    text = ("Peyronie disease\n\nDiagnosis\nThe doctor may ask:\n- What medications is the man taking?\n\nResearch\n"
            "Researchers do not know how to prevent Peyronie disease. To read or download the report on Peyronie "
            "disease, go to: www.example.org.\n")
    questions = [q.name for q in profile_for(text, nlp).open_questions]
    assert any("do not know" in q for q in questions)
    assert not any("medications" in q or "go to" in q for q in questions)


def test_what_is_prevented_or_worsens_the_symptoms_is_no_symptom(nlp):
    text = ("Bronchitis\n\nSymptoms\nThe main symptom is a cough. Air pollution, infections, and allergies can worsen "
            "the symptoms. Exercising helps prevent constipation. The visual impairment is stable, although it may "
            "worsen.\n")
    symptoms = {s.name.lower() for s in profile_for(text, nlp).symptoms}
    assert "cough" in symptoms and "visual impairment" in symptoms
    assert not symptoms & {"allergies", "infections", "constipation"}


def test_roles_in_development_associations_and_a_drugs_gloss(nlp):
    text = ("Primary sclerosing cholangitis\n\nOverview\nPSC is often associated with other autoimmune diseases such as "
            "vitiligo.\n\nCauses\nThe causes of PSC are not known. Genes, immune system problems, bacteria, and viruses "
            "may play roles in the development of the disease. In some cases, the condition may be associated with "
            "viral infections or connective tissue disorders.\n\nTreatment\nIt may be treated with intravenous immunoglobulin "
            "(healthy antibodies are given to block damaging autoantibodies).\n")
    profile = profile_for(text, nlp)
    causes = {c.name.lower() for c in profile.causes}
    assert {"bacteria", "viruses", "connective tissue disorders"} <= causes
    assert "vitiligo" not in causes  # a comorbidity named after "other ... such as"
    assert "immune system problems" not in {s.name.lower() for s in profile.symptoms}
    assert not {t.name.lower() for t in profile.treatments} & {"autoantibodies"}


def test_name_head_is_a_category_but_not_an_eponym(nlp):
    assert "encephalitis" in {c.name for c in profile_for("Limbic encephalitis\n\nLimbic encephalitis is a "
                                                          "condition marked by inflammation of the brain.\n",
                                                          nlp).categories}
    assert not profile_for("Curry Jones syndrome\n\nCurry Jones syndrome is rare.\n", nlp).categories


def test_course_statements_people_at_risk_and_second_line_treatments(nlp):
    text = ("Shingles\n\nOverview\nThe rash forms blisters that typically scab over in 7 to 10 days and clear up "
            "within 2 to 4 weeks. In patients with immune deficiency, the illness can be complicated by pneumonia. "
            "Shingles is more likely in people receiving immunosuppressive medications or undergoing chemotherapy."
            "\n\nTreatment\nIf medicines don't help, two newer medicineseltrombopag and romiplostimcan be used. "
            "Drugs used for shingles, such as barbiturates, are also used for epilepsy.\n")
    profile = profile_for(text, nlp)
    assert any("clear up within 2 to 4 weeks" in p.name for p in profile.prognosis)
    assert "pneumonia" in {c.name for c in profile.complications}
    assert "immune deficiency" not in {s.name for s in profile.symptoms}
    treatments = {t.name.lower(): t for t in profile.treatments}
    assert "chemotherapy" not in treatments and "immunosuppressive medications" not in treatments
    assert {"eltrombopag", "romiplostim", "barbiturates"} <= set(treatments)
    assert [q.text for q in treatments["eltrombopag"].qualifiers] == ["If medicines don't help"]


def test_tests_named_by_what_they_look_for(nlp):
    text = ("Botulism\n\nDiagnosis\nDoctors may do tests for botulinum toxin and for bacteria that cause botulism. "
            "Tests to confirm a diagnosis of botulism take days. Other tests to find out more are rarely needed. "
            "Diagnosis relies on tests that measure the amount of copper in the blood, urine, and liver.\n")
    names = {d.name for d in profile_for(text, nlp).diagnostics}
    assert {"tests for botulinum toxin", "tests that measure the amount of copper in the blood, urine, and liver"} <= names
    assert not any("diagnosis" in n or "find out" in n for n in names)


@pytest.mark.parametrize("text, value, unit", [
    ("In fact, one out of every three people 60 years or older will get shingles.", 3.0, "1 in N"),
    ("One out of six people older than 60 years who get shingles will have severe pain.", 6.0, "1 in N"),
])
def test_rates_with_word_denominators(text, value, unit):
    match = st.RATE.search(text)
    assert st._value_and_unit(st.RATE, match) == (value, unit)


def test_groups_defined_by_another_condition_and_course_in_a_symptoms_section(nlp):
    text = ("Celiac Disease\n\nOverview\nCeliac disease is also more common among people with certain genetic "
            "diseases, including Down syndrome and Turner syndromea condition that affects girls' development.\n\n"
            "Signs and symptoms\nEpisodes may last a few days or weeks and typically resolve with or without "
            "treatment. However, it is generally progressive.\n")
    profile = profile_for(text, nlp)
    populations = {p.name for p in profile.affected_populations}
    assert {"people with Down syndrome", "people with Turner syndrome"} <= populations
    assert "people with genetic diseases" not in populations
    assert len(profile.prognosis) == 2


def test_tumour_course_open_questions_in_treatment_and_consumer_treatments(nlp):
    text = ("Thymoma\n\nOverview\nThymomas grow slowly, and rarely spread beyond the thymus. In stage II, cancer has "
            "spread through the capsule.\n\nTreatment\nAdditional treatment is symptomatic and supportive. Its "
            "long-term safety and effectiveness arent known. Researchers continue to evaluate medications to treat "
            "thymoma. Drugs to relieve pain may help.\n")
    profile = profile_for(text, nlp)
    assert [p.name for p in profile.prognosis] == ["Thymomas grow slowly, and rarely spread beyond the thymus."]
    assert len(profile.open_questions) == 2
    assert {"MAXO:0000950", "MESH:D000700"} <= {t.concept_id for t in profile.treatments}


def test_what_the_disease_causes_inline_resources_and_anaesthesia_are_not_its_causes_or_treatments(nlp):
    text = ("Vesicoureteral Reflux\n\nOverview\nVesicoureteral reflux (VUR) is an unlikely cause of UTI in some "
            "children. Children with VUR are at greater risk of scarring due to infection. The condition is "
            "common in musicians.\n\nTreatment\nSurgery is done under general anesthesia. These resources address "
            "the management of VUR: - Drug Therapy - Surgery and Rehabilitation\n")
    profile = profile_for(text, nlp)
    assert not {c.name for c in profile.causes} & {"UTI", "infection"}
    assert "general anesthesia" not in {t.name for t in profile.treatments}
    assert "Drug Therapy" not in {t.name for t in profile.treatments}
    assert "musicians" in {p.name for p in profile.affected_populations}


def test_a_food_in_a_treatment_section_is_no_treatment(nlp):
    text = ("Celiac disease\n\nTreatment\nPeople use rice or bean flour instead of wheat flour and follow a "
            "gluten-free diet.\n")
    names = {t.name.lower() for t in profile_for(text, nlp).treatments}
    assert "gluten-free diet" in names and not names & {"wheat", "rice"}


def test_a_list_cue_in_a_sentence_naming_no_finding_gives_no_symptoms(nlp):
    text = ("Thymoma\n\nSymptoms\nThymoma may cause chest pain, cough and shortness of breath. Refine the search by "
            "using other search features, such as the location of the trial, the type of treatment, or the name of "
            "the drug.\n")
    names = {s.name.lower() for s in profile_for(text, nlp).symptoms}
    assert "chest pain" in names and not names & {"location of the trial", "type of treatment", "name of the drug"}


def test_qualified_and_unnamed_operations_are_treatment_options_of_their_own(nlp):
    text = ("Kidney cancer\n\nTreatment\nSurgery may include the following:\n"
            "- Partial nephrectomy: Surgery to remove part of the kidney.\n"
            "- Radical nephrectomy: Surgery to remove the whole kidney.\n"
            "For patients who cannot have surgery, treatment is either: - a wedge resection; or - a quadrantectomy.\n"
            "Patients who do not respond to surgery may be given chemotherapy.\n\n"
            "Diagnosis\nThe tumor may be removed by surgery with a mediastinoscopy or mediastinotomy. Surgery may "
            "need an angiography or arteriotomy first.\n")
    doc = nlp(text)
    ents = {e.text: e for e in doc.ents}
    assert ents["Partial nephrectomy"]._.method.endswith("+qualifier")
    assert ents["Partial nephrectomy"]._.concept_id == ents["Radical nephrectomy"]._.concept_id is not None
    assert ents["quadrantectomy"]._.concept_id is None and ents["quadrantectomy"]._.method == "pattern:surgical-word"
    profile = profile_for(text, nlp)
    treatments = {t.name.lower(): t for t in profile.treatments}
    # two options, one concept: two facts
    assert {"partial nephrectomy", "radical nephrectomy", "quadrantectomy", "chemotherapy"} <= set(treatments)
    assert treatments["partial nephrectomy"].concept_id == treatments["radical nephrectomy"].concept_id
    assert treatments["chemotherapy"].assertion != "absent"  # the negation stays in the "who" clause
    # an unlinked operation takes the branch of the operation it is coordinated with
    assert treatments["mediastinotomy"].kind == treatments["mediastinoscopy"].kind == "procedure"
    assert {"angiography", "arteriotomy"} <= {d.name.lower() for d in profile.diagnostics} - set(treatments)


def test_bullets_run_into_one_line_are_items_but_a_description_dash_adds_nothing(nlp):
    text = ("Reflux\n\nTreatment\nTreatment may involve\n\n- surgery - antibiotics - intermittent catheterization\n"
            "- Plasmapheresis - a procedure used after chemotherapy fails.\n")
    names = {t.name.lower() for t in profile_for(text, nlp).treatments}
    assert {"surgery", "antibiotics", "catheterization", "plasmapheresis"} <= names
    assert "chemotherapy" not in names


@pytest.mark.parametrize("text,category,absent", [
    ("Immune thrombocytopenia\n\nImmune thrombocytopenia (ITP) is a fairly common blood disorder.\n",
     "blood disorder", None),
    ("Pubic lice\n\nPubic lice are insects. Pubic lice infestation is found worldwide.\n", "lice infestation", None),
    ("Acute disseminated encephalomyelitis\n\nResearch aims to cure demyelinating disorders such as ADEM.\n",
     "demyelinating disorders", None),
    ("Celiac disease\n\nCeliac disease is common. Celiac disease is also more common among people with certain "
     "genetic diseases, including Down syndrome.\n", None, "genetic diseases"),
])
def test_mondo_classes_the_article_says_the_disease_is_are_categories(nlp, text, category, absent):
    categories = {c.name.lower(): c for c in profile_for(text, nlp).categories}
    if category:  # (a definition sentence may have found it first)
        assert categories[category].concept_id.startswith("MONDO:")
        assert categories[category].method in ("mondo-ancestor", "vocabulary:exact+definition")
    if absent:
        assert absent not in categories


def test_a_secondary_infection_is_a_complication(nlp):
    text = ("Scabies\n\nScabies is an itchy skin condition. Scabies does not spread disease; however, secondary "
            "bacterial infection can occur from scratching of the skin.\n")
    assert "bacterial infection" in {c.name.lower() for c in profile_for(text, nlp).complications}


def test_diseases_it_can_be_confused_with_are_not_symptoms(nlp):
    text = ("Celiac disease\n\nSymptoms\nThe symptoms include diarrhea and weight loss. Celiac disease can be "
            "confused with\n\n"
            "- irritable bowel syndrome\n- diverticulitis\n\nIt is often mistaken for lactose intolerance.\n")
    names = {s.name.lower() for s in profile_for(text, nlp).symptoms}
    assert {"diarrhea", "weight loss"} <= names
    assert not names & {"irritable bowel syndrome", "diverticulitis", "lactose intolerance"}


def test_a_list_of_body_parts_is_no_symptom_list(nlp):
    text = ("Celiac disease\n\nSymptoms\nThe symptoms include diarrhea. The reaction can spread to affect other areas "
            "of the body, including the\n\n- spleen\n- nervous system\n\nOther symptoms can include\n\n- pale stools\n")
    names = {s.name.lower() for s in profile_for(text, nlp).symptoms}
    assert "diarrhea" in names and not names & {"spleen", "nervous system"}


def test_drugs_said_to_be_a_class_are_its_agents_and_stay_treatments(nlp):
    text = ("Wilson disease\n\nTreatment\nPenicillamine and trientine are copper chelators that increase urinary "
            "excretion of copper.\n")
    treatments = {t.name.lower(): t for t in profile_for(text, nlp).treatments}
    assert [a.name.lower() for a in treatments["copper chelators"].agents] == ["penicillamine", "trientine"]
    assert {"penicillamine", "trientine"} <= set(treatments)


def test_a_substance_explained_or_acting_on_the_body_is_no_treatment(nlp):
    text = ("Thymoma\n\nTreatment\nHormone therapy is a cancer treatment that stops cancer cells from growing. Hormones "
            "are substances produced by glands in the body. Some hormones can cause certain cancers to grow. Drugs are "
            "used to reduce the production of hormones.\n")
    names = {t.name.lower() for t in profile_for(text, nlp).treatments}
    assert "hormone therapy" in names and "hormones" not in names


def test_a_finding_named_a_symptom_after_it_is_one_in_any_section(nlp):
    text = ("Pinworm infection\n\nHow to diagnose pinworm infection?\nA person infected with pinworm is often "
            "asymptomatic, but itching around the anus is a common symptom. Headache is a common symptom of the flu.\n")
    names = {s.name.lower() for s in profile_for(text, nlp).symptoms}
    assert "itching" in names and "headache" not in names


def test_a_test_that_is_not_available_is_no_diagnostic(nlp):
    text = ("Pinworm infection\n\nHow to diagnose pinworm infection?\nThe tape test finds the eggs. Serologic tests "
            "are not available for diagnosing pinworm infections.\n")
    profile = profile_for(text, nlp)
    assert "serologic tests" not in {d.name.lower() for d in profile.diagnostics}


def test_groups_most_likely_to_be_infected_are_populations(nlp):
    text = ("Pinworm infection\n\nWho is at risk?\nThe people most likely to be infected with pinworm are children "
            "under 18, people who take care of infected children and people who are institutionalized.\n")
    names = {p.name.lower() for p in profile_for(text, nlp).affected_populations}
    assert {"children", "people who take care of infected children", "people who are institutionalized"} <= names


def test_causes_named_as_risk_factor_or_inside_a_by_which_clause(nlp):
    text = ("Reye's syndrome\n\nReye's syndrome is a children's disease. It generally occurs in conjunction with a "
            "previous viral infection. Evidence indicates that aspirin (salicylate) is the major preventable risk "
            "factor for Reye's syndrome. The mechanism by which aspirin and other salicylates trigger Reye's syndrome "
            "is not completely understood.\n")
    names = {c.name.lower() for c in profile_for(text, nlp).causes}
    assert {"aspirin", "viral infection"} <= names
    assert not any("mechanism" in n for n in names)


def test_lasting_damage_and_death_in_the_outlook_are_complications(nlp):
    text = ("Reye's syndrome\n\nWhat is the outlook?\nSome people recover completely, while others may sustain "
            "varying degrees of brain damage. Unless it is treated, death is common, often within a few days.\n")
    names = {c.name.lower() for c in profile_for(text, nlp).complications}
    assert {"brain damage", "death"} <= names


def test_what_a_gene_product_transports_is_no_cause(nlp):
    text = ("Pendred syndrome\n\nWhat are the genetic changes related to Pendred syndrome?\nMutations in the SLC26A4 "
            "gene cause Pendred syndrome. This protein transports negatively charged particles, including chloride "
            "and iodide, into and out of cells.\n")
    names = {c.name.lower() for c in profile_for(text, nlp).causes}
    assert not names & {"chloride", "iodide"}


def test_other_conditions_listed_after_a_comparison_are_not_symptoms(nlp):
    text = ("Pendred syndrome\n\nSymptoms include hearing loss and goiter. Pendred syndrome shares "
            "features with other thyroid conditions. These conditions include a form of congenital hypothyroidism.\n")
    names = {s.name.lower() for s in profile_for(text, nlp).symptoms}
    assert "hearing loss" in names and "congenital hypothyroidism" not in names


def test_a_relative_clause_defines_the_noun_before_it_not_the_focus(nlp):
    text = ("Simple kidney cysts\n\nSimple kidney cysts are different from the cysts of polycystic kidney disease "
            "(PKD), which is a genetic disorder.\n")
    categories = {c.name.lower() for c in profile_for(text, nlp).categories}
    assert "genetic disorder" not in categories


def test_what_a_scan_can_show_and_an_operations_anesthetic_are_no_facts(nlp):
    text = ("Simple kidney cysts\n\nDiagnosis\nCT scans can show cysts and tumors in the kidneys.\n\nTreatment\n"
            "Sclerotherapy drains the cyst. The procedure is usually performed with a local anesthetic.\n")
    profile = profile_for(text, nlp)
    assert "tumors" not in {s.name.lower() for s in profile.symptoms}
    assert "local anesthetic" not in {t.name.lower() for t in profile.treatments}


def test_a_pronunciation_gloss_inside_a_term_is_read_past(nlp):
    text = ("Antiphospholipid Antibody Syndrome\n\nAntiphospholipid (AN-te-fos-fo-LIP-id) antibody syndrome (APS) is "
            "an autoimmune disorder. APS can lead to tetralogy (teh-TRAL-o-je) of Fallot.\n")
    doc = nlp(text)
    names = {e.text: e._.concept_id for e in doc.ents}
    assert names["Antiphospholipid (AN-te-fos-fo-LIP-id) antibody syndrome"] == "MONDO:8000010"
    assert names["APS"] == "MONDO:8000010"  # the short form takes the whole term, not "antibody"
    profile = profile_for(text, nlp)
    assert profile.disease.abbreviations == ["APS"]
    assert "autoimmune disorder" in {c.name.lower() for c in profile.categories}
    complications = {c.name.lower() for c in profile.complications}
    assert "tetralogy of fallot" in complications  # the name drops the gloss; the evidence keeps the text


def test_a_short_form_given_as_also_known_as_is_an_abbreviation(nlp):
    text = ("Age-related Macular Degeneration\n\nAge-related macular degeneration, also known as AMD, is an eye "
            "disease that affects the macula.\n")
    disease = profile_for(text, nlp).disease
    assert disease.abbreviations == ["AMD"] and "AMD" not in disease.synonyms


def test_what_a_risk_section_lists_is_no_symptom(nlp):
    text = ("Age-related Macular Degeneration\n\nWho is at risk for Age-related Macular Degeneration?\nOther risk "
            "factors include smoking and obesity. Smoking Obesity Race.\n")
    profile = profile_for(text, nlp)
    assert "obesity" not in {s.name.lower() for s in profile.symptoms}
    assert "obesity" in {c.name.lower() for c in profile.causes}


def test_members_need_their_class_named_right_before_such_as(nlp):
    text = ("Bartter syndrome\n\nTreatment\nThis may include oral potassium supplements, medication such as "
            "indomethacin, and potassium-sparing diuretics. Oral and intravenous steroids, such as prednisone, "
            "are used.\n")
    treatments = {t.name.lower(): t for t in profile_for(text, nlp).treatments}
    assert {"indomethacin", "potassium-sparing diuretics"} <= set(treatments)
    assert [a.name for a in treatments["steroids"].agents] == ["prednisone"] and "prednisone" not in treatments


def test_substances_a_process_moves_or_loses_are_not_causes(nlp):
    text = ("Bartter syndrome\n\nBartter syndrome is a kidney disorder. Dehydration results from losing too much salt "
            "(sodium chloride) in the urine, and weakening of the bones can occur due to excess loss of calcium. "
            "What causes Bartter syndrome? Changes in these genes affect the reabsorption of other things including "
            "potassium and calcium.\n")
    names = {c.name.lower() for c in profile_for(text, nlp).causes}
    assert not names & {"sodium chloride", "calcium", "potassium"}


def test_triggers_after_because_of_are_causes_and_a_gloss_does_not_end_the_list(nlp):
    text = ("Gilbert syndrome\n\nEpisodes typically occur when the body is under stress, for instance because of "
            "dehydration, prolonged periods without food (fasting), illness, vigorous exercise, or menstruation. "
            "Gilbert syndrome is usually recognized in adolescence.\n")
    profile = profile_for(text, nlp)
    causes = {c.name.lower() for c in profile.causes}
    assert {"dehydration", "vigorous exercise", "menstruation"} <= causes
    assert "dehydration" not in {s.name.lower() for s in profile.symptoms}
    assert "adolescence" in {p.name.lower() for p in profile.affected_populations}


def test_a_substance_removed_from_the_body_is_no_treatment(nlp):
    text = ("Gilbert syndrome\n\nBilirubin is removed from the body only after a chemical reaction in the liver "
            "converts bilirubin to a nontoxic form.\n")
    assert "bilirubin" not in {t.name.lower() for t in profile_for(text, nlp).treatments}


def test_phenotypes_a_form_is_associated_with_are_not_causes(nlp):
    text = ("Galactosialidosis\n\nThe early infantile form of galactosialidosis is associated with an enlarged liver "
            "and spleen and seizures. In some cases, the condition may be associated with viral infections.\n")
    causes = {c.name.lower() for c in profile_for(text, nlp).causes}
    assert "viral infections" in causes and not causes & {"enlarged liver and spleen", "seizures"}


def test_what_a_finding_leads_to_in_a_symptoms_section_is_a_complication(nlp):
    text = ("Antiphospholipid antibody syndrome\n\nWhat are the symptoms?\nSymptoms include chest pain. Blood clots can "
            "lead to stroke and pulmonary embolism. Eclampsia is a serious condition that causes seizures in pregnant "
            "women.\n")
    profile = profile_for(text, nlp)
    symptoms = {s.name.lower() for s in profile.symptoms}
    assert "chest pain" in symptoms and not symptoms & {"stroke", "pulmonary embolism", "seizures"}
    assert {"stroke", "pulmonary embolism"} <= {c.name.lower() for c in profile.complications}


def test_risk_factor_words_and_comma_lists_with_a_place_inside_an_item(nlp):
    text = ("Age-related macular degeneration\n\nWho is at risk?\nOther risk factors include smoking, obesity, white "
            "race, family history of AMD, and female gender. Rarely, it is caused by tumors of the pancreas, lungs, "
            "and other parts of the brain. Early onset is the result of complete or near complete deficiency of GAA.\n")
    causes = {c.name.lower() for c in profile_for(text, nlp).causes}
    assert {"white race", "female gender", "smoking"} <= causes
    assert not causes & {"lungs", "complete"}


def test_a_test_results_cause_is_no_cause_of_the_disease(nlp):
    text = ("Antiphospholipid antibody syndrome\n\nBlood tests\nThe test is repeated because a single positive test "
            "can result from a short-term infection.\n")
    assert "infection" not in {c.name.lower() for c in profile_for(text, nlp).causes}


def test_pace_and_mildness_are_prognosis_but_who_it_affects_is_not(nlp):
    text = ("Age-related macular degeneration\n\nAge-related macular degeneration is an eye disease. In some cases, "
            "it advances so slowly that people notice little change in their vision. Gilbert syndrome is a "
            "relatively mild condition.\n\nOutlook\nIt can affect people of any age. \"Rheumatic\" refers to "
            "disorders that affect the joints. Most people recover fully.\n")
    prognosis = [p.name for p in profile_for(text, nlp).prognosis]
    assert any("advances so slowly" in p for p in prognosis) and any("relatively mild" in p for p in prognosis)
    assert any("recover fully" in p for p in prognosis)
    assert not any("any age" in p or "refers to" in p for p in prognosis)


def test_the_organ_class_from_the_ontology_when_the_opening_names_the_organ(nlp):
    text = ("Bronchitis\n\nBronchitis is an inflammation of the bronchial tubes, the airways that carry air to your "
            "lungs. The two main types of bronchitis are acute (short term) and chronic (ongoing).\n")
    categories = {c.name.lower(): c for c in profile_for(text, nlp).categories}
    assert categories["bronchial disorder"].concept_id == "MONDO:0001358"
    assert categories["bronchial disorder"].evidence[0].text == "bronchial"  # the organ word, not "Bronchitis"
    assert {"acute bronchitis", "chronic bronchitis"} <= set(categories)


def test_forms_named_in_full_are_not_made_categories(nlp):
    text = ("Narcolepsy\n\nNarcolepsy is a chronic sleep disorder. Researchers distinguish two major forms of the "
            "condition: narcolepsy with cataplexy and narcolepsy without cataplexy.\n")
    names = {c.name.lower() for c in profile_for(text, nlp).categories}
    assert "narcolepsy with cataplexy" not in names


def test_groups_most_at_risk_are_populations(nlp):
    text = ("Schistosomiasis\n\nWho is at risk?\nSchool-age children who live in these areas are often most at risk "
            "because they swim in water containing cercariae.\n")
    names = {p.name.lower() for p in profile_for(text, nlp).affected_populations}
    assert "school-age children" in names


def test_a_predicate_adjective_ends_its_phrase_and_the_disease_is_no_subject(nlp):
    assert [e.text for e in nlp("The most common symptom is muscle weakness.").ents] == ["muscle weakness"]
    assert [e.text for e in nlp("The patellae were absent in both knees.").ents] == ["patellae were absent"]
    text = ("Bronchitis\n\nThe two main types of bronchitis are acute (short term) and chronic (ongoing). Symptoms "
            "include cough.\n")
    assert {s.name.lower() for s in profile_for(text, nlp).symptoms} == {"cough"}


def test_a_finding_in_an_organisations_name_is_no_symptom(nlp):
    text = ("Age-related macular degeneration\n\nSymptoms include blurred vision. For more, contact the Foundation "
            "Fighting Blindness or the Macular Degeneration Partnership.\n")
    names = {s.name.lower() for s in profile_for(text, nlp).symptoms}
    assert "blurred vision" in names and not names & {"blindness", "macular degeneration"}


def test_pericarditis_style_causes_forms_and_comparisons(nlp):
    text = ("Pericarditis\n\nPericarditis is a condition in which the sac around your heart (the pericardium) is "
            "inflamed. The chest pain may feel like pain from a heart attack. Viral infections are likely a common "
            "cause of pericarditis. Bacterial, fungal, and other infections also can cause pericarditis. Pericarditis "
            "can be acute or chronic.\n")
    profile = profile_for(text, nlp)
    causes = {c.name.lower() for c in profile.causes}
    assert {"viral infections", "bacterial infections", "fungal infections"} <= causes and "infections" not in causes
    assert "heart attack" not in {s.name.lower() for s in profile.symptoms}
    categories = {c.name.lower() for c in profile.categories}
    assert {"acute pericarditis", "chronic pericarditis", "pericardium disorder"} <= categories


def test_a_condition_named_a_feature_and_bleeding_following_surgery(nlp):
    text = ("Gray platelet syndrome\n\nPeople with this condition may have heavy bleeding following surgery. A "
            "condition called myelofibrosis, which is a buildup of scar tissue in the bone marrow, is another common "
            "feature of gray platelet syndrome.\n")
    profile = profile_for(text, nlp)
    assert "myelofibrosis" in {s.name.lower() for s in profile.symptoms}
    assert "surgery" not in {t.name.lower() for t in profile.treatments}
    text = "Thymoma\n\nDiagnosis\nThe tumor is removed by surgery after a mediastinoscopy or mediastinotomy.\n"
    assert not {"mediastinoscopy", "mediastinotomy"} & {t.name.lower() for t in profile_for(text, nlp).treatments}


def test_a_complications_sections_explanations_are_no_prognosis(nlp):
    text = ("Ectopic kidney\n\nWhat are the complications of ectopic kidney?\nPossible complications include problems "
            "with urine drainage. Normally, urine flow washes out bacteria. With the right treatment, an ectopic kidney "
            "should cause no serious long-term health problems. The proportion of patients who die has fallen.\n\n"
            "How to diagnose ectopic kidney?\nAn ultrasound uses a device called a transducer.\n")
    profile = profile_for(text, nlp)
    prognosis = " ".join(p.name for p in profile.prognosis)
    assert "no serious long-term health problems" in prognosis and "patients who die" in prognosis
    text = ("Pyelonephritis\n\nWhat are the complications?\nMost people with pyelonephritis do not have complications "
            "if appropriately treated.\n")
    assert [p.name[:11] for p in profile_for(text, nlp).prognosis] == ["Most people"]
    assert "washes out bacteria" not in prognosis
    assert "ultrasound" in {d.name.lower() for d in profile.diagnostics}


def test_injuries_and_organ_damage_are_causes_and_complications_never_symptoms(nlp):
    text = ("Complex regional pain syndrome\n\nWhat causes CRPS?\nIt usually develops after an injury. In some cases, "
            "it occurs after a specific nerve injury.\n\nWhat are the symptoms?\nThe key symptom is pain that is out of "
            "proportion to the severity of the injury.\n\nWhat are the complications?\nThe blockage can lead to kidney "
            "damage. Symptoms of urinary stones include fever and chills.\n\nTreatment\nSurgery may be needed to allow "
            "for better drainage of urine.\n")
    profile = profile_for(text, nlp)
    causes = {c.name.lower() for c in profile.causes}
    assert {"injury", "specific nerve injury"} <= causes
    assert "injury" not in {s.name.lower() for s in profile.symptoms}
    complications = {c.name.lower() for c in profile.complications}
    assert "kidney damage" in complications and not complications & {"fever", "chills"}
    assert "drainage" not in {t.name.lower() for t in profile.treatments}
