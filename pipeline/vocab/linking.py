"""Choose one concept (and so one entity label) among the vocabulary candidates of a matched key.

Order of preference:
1. a project overlay term (curated sense for this exact phrase);
2. the entity type: when a string is both a phenotype (HPO) and a disease (MONDO) — "nystagmus", "ADHD",
   "neuroblastoma" — it is a DISEASE if its head word names a disease (…disease, …disorder, …syndrome, …oma,
   cancer, infection, …itis, deficiency, palsy), otherwise a SYMPTOM; DRUG beats CHEMICAL;
3. the canonical source for that type (HPO for symptoms, MONDO for diseases, DrugBank for drugs, MAxO for
   procedures), then MeSH, then SYMP;
4. the kind of term matched (label > exact synonym > brand/entry/layperson > related > narrow), then the id.
A symptom found only under a MeSH or SYMP name ("confusional state" = MeSH Confusion) takes the HPO concept that
name's concept cross-references, when it names exactly one (`canonical`): profiles carry one id scheme per type.

Scores (`Mention.score`): how much the match itself can be trusted, not a probability: 1.0 overlay or label,
0.95 exact synonym or abbreviation, 0.9 brand/entry/layperson synonym, 0.8 related, 0.7 narrow; a locally
defined abbreviation inherits its long form's score.
"""

from __future__ import annotations

import re

from pipeline.vocab.store import Candidate

KIND_SCORE = {"overlay": 1.0, "label": 1.0, "exact": 0.95, "abbreviation": 0.95, "brand": 0.9, "entry": 0.9,
              "layperson": 0.9, "related": 0.8, "narrow": 0.7}
SOURCE_RANK = {
    "SYMPTOM": ("HP", "MESH", "SYMP"),
    "DISEASE": ("MONDO", "MESH"),
    "DRUG": ("DRUGBANK", "MESH"),
    "PROCEDURE": ("MAXO", "MESH"),
    "CHEMICAL": ("MESH",),
    "INHERITANCE": ("HP",),
    "ORGANISM": ("MESH",),
}
TYPE_RANK = ("DISEASE", "SYMPTOM", "ORGANISM", "DRUG", "PROCEDURE", "INHERITANCE", "CHEMICAL")
DISEASE_HEAD = re.compile(r"(disease|disorder|syndrome|oma|cancer|carcinoma|leuka?emia|infection|itis|deficiency|"
                          r"palsy|dystrophy|anemia|anaemia|pathy|osis|emia|sclerosis|atrophy|tumou?r)$", re.I)


def preferred_type(types: set[str], key: str) -> str:
    if "DISEASE" in types and "SYMPTOM" in types:
        last_word = key.split(" ")[-1]
        return "DISEASE" if DISEASE_HEAD.search(last_word) or key.isupper() and len(key) > 3 else "SYMPTOM"
    if "ORGANISM" in types and "DISEASE" not in types:
        return "ORGANISM"  # "Clostridium botulinum" names the bacterium before any product made from it
    if "DRUG" in types:
        return "DRUG"
    return next((t for t in TYPE_RANK if t in types), sorted(types)[0])


def choose(candidates: list[Candidate], key: str) -> tuple[Candidate, float]:
    overlay = [c for c in candidates if c.kind == "overlay"]
    if overlay:
        return min(overlay, key=lambda c: c.concept.id), KIND_SCORE["overlay"]
    wanted = preferred_type({c.concept.type for c in candidates}, key)
    pool = [c for c in candidates if c.concept.type == wanted]
    ranks = SOURCE_RANK.get(wanted, ())

    def rank(c: Candidate):
        source = ranks.index(c.concept.prefix) if c.concept.prefix in ranks else len(ranks)
        return (source, -KIND_SCORE.get(c.kind, 0.5), c.concept.id)

    best = min(pool, key=rank)
    return best, KIND_SCORE.get(best.kind, 0.5)


CANONICAL_SOURCE = {"SYMPTOM": "HP"}


def canonical(concept, concepts: dict, as_type: str | None = None):
    """The concept of the canonical source for `concept`'s type (or for `as_type`: a disease concept read as a
    symptom) that `concept` cross-references, when there is exactly one of that type (MeSH Confusion → HPO
    Confusion; MeSH Splenomegaly, a disease, → HPO Splenomegaly); else `concept` itself."""
    wanted = as_type or concept.type
    source = CANONICAL_SOURCE.get(wanted)
    if source is None or concept.prefix == source:
        return concept
    targets = [concepts[x] for x in sorted(concept.xrefs)
               if x.startswith(source + ":") and x in concepts and concepts[x].type == wanted]
    return targets[0] if len(targets) == 1 else concept
