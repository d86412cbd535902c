"""Every assertion cue of `configs/context_rules.json` has a sentence here that shows what it does; a cue added
to the rules without a case fails `test_every_cue_has_a_case`."""

import json
from pathlib import Path

import pytest

RULES = Path(__file__).resolve().parents[1] / "configs" / "context_rules.json"

# cue → (sentence, entity text, its assertion). PSEUDO cues ("does not help") must leave the entity present;
# TERMINATE cues ("your doctor") end the scope of the cue before them.
CUE_CASES = {
    "does not help": ("In adults, surgery does not help seizures.", "seizures", "present"),
    "do not help": ("Steroids do not help the ataxia.", "ataxia", "present"),
    "does not work": ("Surgery does not work for seizures.", "seizures", "present"),
    "don't help": ("Drugs that don't help the ataxia are stopped.", "ataxia", "present"),
    "dont help": ("Drugs that dont help the ataxia are stopped.", "ataxia", "present"),
    "doesn't help": ("When rest doesn't help, the fatigue is treated.", "fatigue", "present"),
    "doesnt help": ("When rest doesnt help, the fatigue is treated.", "fatigue", "present"),
    "didn't help": ("Rest didn't help her fatigue.", "fatigue", "present"),
    "don't work": ("Pills that don't work for the seizures are stopped.", "seizures", "present"),
    "doesn't work": ("The drug doesn't work for seizures.", "seizures", "present"),
    "do not work": ("Some drugs do not work for seizures.", "seizures", "present"),
    "not always": ("Fever is not always present with the rash.", "rash", "present"),
    "not only": ("It causes not only ataxia but also tremor.", "ataxia", "present"),
    "no cure": ("There is no cure, but seizures can be treated.", "seizures", "present"),
    "without treatment": ("Without treatment, seizures get worse.", "seizures", "present"),
    "no one yet knows": ("No one yet knows whether ataxia is permanent.", "ataxia", "possible"),
    "it is not known": ("It is not known whether ataxia is permanent.", "ataxia", "possible"),
    "is unknown": ("Whether ataxia lasts is unknown.", "ataxia", "possible"),
    "rarely": ("Ataxia rarely occurs.", "Ataxia", "possible"),
    "may": ("Symptoms may include ataxia.", "ataxia", "possible"),
    "might": ("Children might develop ataxia.", "ataxia", "possible"),
    "can sometimes": ("The disease can sometimes cause ataxia.", "ataxia", "possible"),
    "maybe": ("I thought maybe I had hives.", "hives", "possible"),
    "perhaps": ("Perhaps the seizures come from fever.", "fever", "possible"),
    "possibly": ("The rash is possibly caused by a virus infection.", "virus infection", "possible"),
    "in the absence of": ("Fevers occur in the absence of infection.", "infection", "absent"),
    "negative for": ("Tests came back negative for anemia.", "anemia", "absent"),
    "is negative for": ("The biopsy is negative for cancer.", "cancer", "absent"),
    "are negative for": ("Most are negative for rheumatoid factor.", "rheumatoid factor", "absent"),
    "was negative for": ("The biopsy was negative for cancer.", "cancer", "absent"),
    "were negative for": ("Blood tests were negative for antinuclear antibodies.", "antinuclear antibodies", "absent"),
    "does not have": ("The child does not have seizures.", "seizures", "absent"),
    "dont have": ("Children who dont have seizures do well.", "seizures", "absent"),
    "doesnt have": ("She doesnt have seizures.", "seizures", "absent"),
    "didnt have": ("He didnt have seizures.", "seizures", "absent"),
    "do not have": ("Most people do not have seizures.", "seizures", "absent"),
    "is not caused by": ("The disease is not caused by an infection.", "infection", "absent"),
    "if": ("If ataxia develops, call a doctor.", "ataxia", "hypothetical"),
    "if not treated": ("If not treated, it can cause liver failure.", "liver failure", "hypothetical"),
    "if untreated": ("If untreated, it can cause liver failure.", "liver failure", "hypothetical"),
    "if left untreated": ("If left untreated, it can cause liver failure.", "liver failure", "hypothetical"),
    "if not diagnosed": ("If not diagnosed, it can cause liver failure.", "liver failure", "hypothetical"),
    "when not treated": ("When not treated, it can cause liver failure.", "liver failure", "hypothetical"),
    "avoid": ("Patients should avoid aspirin.", "aspirin", "absent"),
    "avoiding": ("Avoiding aspirin is advised.", "aspirin", "absent"),
    "should not eat": ("People with the disease should not eat gluten.", "gluten", "absent"),
    # a finding named by a lack or an absence: only the noun right after it is negated, not the rest of a list
    "lack of": ("Symptoms include lack of energy, low blood sugar, and seizures.", "low blood sugar", "present"),
    "absence of": ("It is caused by the absence of an enzyme, which causes hypoglycemia.", "hypoglycemia",
                   "present"),
    # "decline" is a worsening in health writing (a clinical note's "patient declined" is rare there)
    "decline": ("It causes a decline in memory and dementia.", "dementia", "present"),
    "declined": ("Her vision declined and she had seizures.", "seizures", "present"),
    "declines": ("Memory declines and seizures start.", "seizures", "present"),
    "declining": ("Declining memory and seizures are common.", "seizures", "present"),
    "with or without": ("It causes joint pain with or without arthritis.", "arthritis", "possible"),
    "not limited to": ("Causes include, but are not limited to, stress and anemia.", "anemia", "present"),
    "while": ("Some people have no symptoms, while others have seizures.", "seizures", "present"),
    "whereas": ("Some people have no symptoms, whereas others have seizures.", "seizures", "present"),
    "family history": ("A family history of epilepsy is common.", "epilepsy", "family"),
    "mother": ("Her mother had epilepsy.", "epilepsy", "family"),
    "father": ("His father had epilepsy.", "epilepsy", "family"),
    "sibling": ("A sibling had epilepsy.", "epilepsy", "family"),
    "siblings": ("Two siblings had epilepsy.", "epilepsy", "family"),
    "brother": ("Her brother had epilepsy.", "epilepsy", "family"),
    "sister": ("His sister had epilepsy.", "epilepsy", "family"),
    "relatives": ("Several relatives had epilepsy.", "epilepsy", "family"),
    "healthcare providers": ("Patients may ask healthcare providers about seizures.", "seizures", "present"),
    "healthcare provider": ("You may ask a healthcare provider about seizures.", "seizures", "present"),
    "health care providers": ("You may ask health care providers about seizures.", "seizures", "present"),
    "health care provider": ("You may ask a health care provider about seizures.", "seizures", "present"),
    "your doctor": ("You may ask your doctor about seizures.", "seizures", "present"),
    "the doctor": ("You may ask the doctor about seizures.", "seizures", "present"),
    "doctors": ("You may ask doctors about seizures.", "seizures", "present"),
    "physicians": ("You may ask physicians about seizures.", "seizures", "present"),
    # a second predicate of the same subject is outside the first one's negation
    "and are": ("Some people have no symptoms and are found when blood tests show anemia.", "blood tests", "present"),
    "and is": ("The child has no fever and is found to have anemia.", "anemia", "present"),
    # a test or treatment said to be unavailable or of no use is no fact: the cue looks back at its subject only
    "is not available": ("A blood test is not available for diagnosing ataxia.", "blood test", "absent"),
    "are not available": ("Serologic tests are not available for diagnosing ataxia.", "Serologic tests", "absent"),
    "is not recommended": ("Aspirin is not recommended for children with seizures.", "Aspirin", "absent"),
    "are not recommended": ("Antibiotics are not recommended for seizures.", "Antibiotics", "absent"),
    "is not effective": ("Surgery is not effective for seizures.", "Surgery", "absent"),
    "are not effective": ("Antibiotics are not effective against ataxia.", "Antibiotics", "absent"),
    "is not helpful": ("Surgery is not helpful for most seizures.", "Surgery", "absent"),
    "are not helpful": ("Antibiotics are not helpful for seizures.", "Antibiotics", "absent"),
    "is not useful": ("Surgery is not useful for seizures.", "Surgery", "absent"),
    "are not useful": ("Antibiotics are not useful for seizures.", "Antibiotics", "absent"),
}


def test_the_disease_after_a_backward_cue_stays_present(nlp):
    """"Serologic tests are not available for diagnosing pinworm": the test is absent, the disease is not."""
    doc = nlp("Serologic tests are not available for diagnosing seizures.")
    assert {e.text: e._.assertion for e in doc.ents} == {"Serologic tests": "absent", "seizures": "present"}


def test_every_cue_has_a_case():
    cues = [rule["literal"] for rule in json.loads(RULES.read_text())["context_rules"]]
    assert sorted(set(cues) - set(CUE_CASES)) == []


@pytest.mark.parametrize("cue", sorted(CUE_CASES))
def test_cue(nlp, cue):
    sentence, term, assertion = CUE_CASES[cue]
    assert cue in sentence.lower().replace("’", "'")
    assert [e._.assertion for e in nlp(sentence).ents if e.text == term] == [assertion]


def test_the_subject_of_negative_for_stays_present(nlp):
    doc = nlp("Blood tests are negative for antinuclear antibodies.")
    assert {e.text: e._.assertion for e in doc.ents} == {"Blood tests": "present", "antinuclear antibodies": "absent"}


# A cue inside a subordinate clause stops where the clause does (`context_rules.clause_bounded`).
CLAUSE_CASES = [
    ("Patients who do not respond to steroids may be given rituximab.",
     {"steroids": "absent", "rituximab": "possible"}),
    ("For women who do not plan to have children, treatment may be hysterectomy.", {"hysterectomy": "possible"}),
    ("People who have not had chickenpox can get the vaccine.", {"chickenpox": "absent", "vaccine": "present"}),
    ("When the disease is not linked to surgery, the first symptoms are confusion and dementia.",
     {"confusion": "present", "dementia": "present"}),
    # a list inside the clause stays in scope, and so does everything after a cue in a main clause
    ("Patients who have no fever, cough, or rash should rest.",
     {"fever": "absent", "cough": "absent", "rash": "absent"}),
    ("She does not have fever, and she is not in pain.", {"fever": "absent"}),
    ("People who do not have fever or headache are rarely contagious.", {"fever": "absent", "headache": "absent"}),
    ("Although some patients with the disease may not experience symptoms, most patients have stomach pain.",
     {"stomach pain": "present"}),
    # a new predicate after "or"/"and"/a pronoun ends a negation (here the "may" of that predicate hedges it);
    # a parenthesis ends a subordinate clause
    ("Affected people may have no symptoms or may experience headaches.", {"headaches": "possible"}),
    ("They may not have symptoms, or more commonly, they may have recurrent pneumonia.",
     {"recurrent pneumonia": "possible"}),
    ("Symptoms include seeing things that are not really there (hallucinations).", {"hallucinations": "present"}),
    ("Doctors make sure that the low count is not due to medicines (such as aspirin).", {"aspirin": "absent"}),
    ("She has no fever or rash.", {"fever": "absent", "rash": "absent"}),
]


@pytest.mark.parametrize("sentence,expected", CLAUSE_CASES)
def test_a_cue_in_a_subordinate_clause_ends_with_it(nlp, sentence, expected):
    found = {e.text: e._.assertion for e in nlp(sentence).ents}
    assert {t: found.get(t) for t in expected} == expected
