"""`output/mentions.csv` and `output/facts.csv`: flat tables for spreadsheets and database loads.

mentions.csv — one row per entity mention: doc_id, mention_id, text, label, start, end, sentence, section,
concept_id, concept_label, score, method, assertion (the profile's `mentions`, unchanged).

facts.csv — one row per profile fact: doc_id, field (categories, symptoms, causes, …), name, concept_id,
concept_label, assertion, method, section, evidence_text/evidence_start/evidence_end (the first evidence span),
evidence_count, and `details`: a compact JSON object with the field-specific attributes (treatments: kind,
drug_class, brand_names, qualifiers, outcomes, agents; statistics: value, unit, population; symptoms: frequency).
Disease identity rows use field `disease` (name = the focus disease, concept_id = its id, details = xrefs,
synonyms, abbreviations); references use field `references`.
"""

from __future__ import annotations

import csv
import json

from schemas.profile import DiseaseProfile

MENTION_COLUMNS = ["doc_id", "mention_id", "text", "label", "start", "end", "sentence", "section", "concept_id",
                   "concept_label", "score", "method", "assertion"]
FACT_COLUMNS = ["doc_id", "field", "name", "concept_id", "concept_label", "assertion", "method", "section",
                "evidence_text", "evidence_start", "evidence_end", "evidence_count", "details"]
_DETAIL_FIELDS = ("kind", "drug_class", "brand_names", "value", "unit", "population", "frequency")


class TableWriter:
    """Writes rows made by `table_rows` (in a worker process or here) to the two open CSV handles."""

    def __init__(self, mentions_handle, facts_handle) -> None:
        self.mentions = csv.DictWriter(mentions_handle, MENTION_COLUMNS)
        self.facts = csv.DictWriter(facts_handle, FACT_COLUMNS)
        self.mentions.writeheader()
        self.facts.writeheader()

    def write(self, profile: DiseaseProfile) -> None:
        self.write_rows(*table_rows(profile))

    def write_rows(self, mention_rows: list[dict], fact_rows: list[dict]) -> None:
        self.mentions.writerows(mention_rows)
        self.facts.writerows(fact_rows)


def table_rows(profile: DiseaseProfile) -> tuple[list[dict], list[dict]]:
    """The profile's mentions.csv rows and facts.csv rows (plain dicts: cheap to send between processes)."""
    doc_id = profile.source.doc_id
    mention_rows = []
    for m in profile.mentions:
        row = m.model_dump(mode="json")
        row["mention_id"] = row.pop("id")
        mention_rows.append({"doc_id": doc_id, **row})
    d = profile.disease
    fact_rows = [{"doc_id": doc_id, "field": "disease", "name": d.name, "concept_id": d.concept_id,
                  "concept_label": d.concept_label, "assertion": "present", "method": "focus",
                  **_evidence_columns(d.evidence),
                  "details": json.dumps({"xrefs": d.xrefs, "synonyms": d.synonyms, "abbreviations": d.abbreviations})}]
    for field in DiseaseProfile.FACT_FIELDS:
        for fact in getattr(profile, field):
            dumped = fact.model_dump(mode="json")
            details = {k: dumped[k] for k in _DETAIL_FIELDS if dumped.get(k) not in (None, [], "")}
            for k in ("qualifiers", "outcomes"):
                if dumped.get(k):
                    details[k] = [q["text"] for q in dumped[k]]
            if dumped.get("agents"):
                details["agents"] = [{"name": a["name"], "concept_id": a["concept_id"]} for a in dumped["agents"]]
            fact_rows.append({"doc_id": doc_id, "field": field, "name": fact.name, "concept_id": fact.concept_id,
                              "concept_label": fact.concept_label, "assertion": fact.assertion.value,
                              "method": fact.method, "section": fact.section, **_evidence_columns(fact.evidence),
                              "details": json.dumps(details) if details else ""})
    for ref in profile.references:
        fact_rows.append({"doc_id": doc_id, "field": "references", "name": ref.text, "assertion": "present",
                          "method": "section:references", **_evidence_columns(ref.evidence),
                          "details": json.dumps({"url": ref.url}) if ref.url else ""})
    return mention_rows, fact_rows


def _evidence_columns(evidence) -> dict:
    if not evidence:
        return {"evidence_text": "", "evidence_start": "", "evidence_end": "", "evidence_count": 0}
    first = evidence[0]
    return {"evidence_text": first.text, "evidence_start": first.start, "evidence_end": first.end,
            "evidence_count": len(evidence)}
