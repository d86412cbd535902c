"""The public contract: a disease profile, every fact tied to exact character offsets of its article.

Downstream databases and curators rely on these names: add fields freely, never rename them. The JSON Schema
in `schemas/disease_profile.schema.json` is generated from these models (`make schema`); a test fails on drift.

Offsets: `Evidence.start`/`end` index into the text named by `Source.text_path` (the decoded file for plain text
and Markdown, the extracted text for HTML and JSONL), so `article_text[start:end] == evidence.text` always holds.
Validate a profile against its text with `DiseaseProfile.model_validate(data, context={"text": article_text})`.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import ClassVar, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

SCHEMA_VERSION = "1.0.0"


class Assertion(str, Enum):
    present = "present"
    absent = "absent"
    possible = "possible"
    hypothetical = "hypothetical"
    historical = "historical"
    family = "family"


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _offsets_match_text(self, info: ValidationInfo) -> "Evidence":
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} < start {self.start}")
        text = (info.context or {}).get("text") if info else None
        if text is not None and text[self.start:self.end] != self.text:
            raise ValueError(f"evidence {self.text!r} does not match article text at {self.start}:{self.end}")
        return self


class Fact(BaseModel):
    """One finding of the profile: what it is, its identifier, and where the article says it."""

    name: str
    concept_id: Optional[str] = None
    concept_label: Optional[str] = None
    assertion: Assertion = Assertion.present
    evidence: list[Evidence] = Field(min_length=1)
    method: str = Field(description="how it was found, e.g. 'vocabulary:exact+section:symptoms'")
    section: Optional[str] = Field(None, description="heading of the section the first evidence sits in")
    mention_ids: list[str] = Field(default_factory=list, description="ids of the mentions behind this fact")


class Symptom(Fact):
    frequency: Optional[str] = Field(None, description="frequency as stated, e.g. '75%' or 'most'")


class Agent(BaseModel):
    """A named drug inside a treatment (e.g. prednisone inside 'steroids such as prednisone')."""

    name: str
    concept_id: Optional[str] = None
    concept_label: Optional[str] = None
    drug_class: list[str] = Field(default_factory=list)
    brand_names: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(min_length=1)


class Treatment(Fact):
    kind: str = Field(description="drug, drug class, procedure, therapy")
    drug_class: list[str] = Field(default_factory=list)
    brand_names: list[str] = Field(default_factory=list)
    qualifiers: list[Evidence] = Field(default_factory=list, description="for whom / when, e.g. 'in adults'")
    outcomes: list[Evidence] = Field(default_factory=list, description="stated effect, e.g. 'often does not help'")
    agents: list[Agent] = Field(default_factory=list, description="named members: 'steroids such as prednisone'")


class Statistic(Fact):
    value: Optional[float] = None
    unit: Optional[str] = Field(None, description="percent, per 100,000, people, ...")
    population: Optional[str] = Field(None, description="who the number is about, as stated or resolved")


class Reference(BaseModel):
    text: str
    url: Optional[str] = None
    evidence: list[Evidence] = Field(min_length=1)


class Source(BaseModel):
    doc_id: str
    path: str
    format: str = Field(description="txt, md, html, xml, pdf, docx, json or jsonl")
    title: Optional[str] = None
    subtitle: Optional[str] = None
    publisher: Optional[str] = None
    updated: Optional[dt.date] = None
    url: Optional[str] = None
    sha256: str = Field(description="sha256 of the input bytes (the JSONL line for JSONL input)")
    text_path: str = Field(description="the text file the evidence offsets index into")
    text_sha256: str
    encoding: Optional[str] = None


class Disease(BaseModel):
    name: str
    concept_id: Optional[str] = None
    concept_label: Optional[str] = None
    xrefs: list[str] = Field(default_factory=list)
    synonyms: list[str] = Field(default_factory=list)
    abbreviations: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class Mention(BaseModel):
    id: str
    text: str
    label: str = Field(description="DISEASE, SYMPTOM, DRUG, PROCEDURE, CHEMICAL, ORGANISM, INHERITANCE")
    start: int
    end: int
    sentence: int = Field(description="index of the sentence in the article")
    section: Optional[str] = None
    concept_id: Optional[str] = None
    concept_label: Optional[str] = None
    score: float = Field(description="1.0 curated/exact label ... 0.7 narrow synonym; see README 'Scores'")
    method: str
    assertion: Assertion = Assertion.present

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: int, info: ValidationInfo) -> int:
        if end <= info.data.get("start", 0):
            raise ValueError("mention end must be after start")
        return end


class Provenance(BaseModel):
    pipeline_version: str
    vocabulary_versions: dict[str, str]
    generated_at: Optional[str] = Field(None, description="left empty so that re-runs give byte-identical profiles; "
                                                         "run_report.json has the run's time")
    pipeline_fingerprint: Optional[str] = Field(None, description="hash of the code, configs, vocabulary and models "
                                                                 "that made this profile (see pipeline/fingerprint.py)")


class DiseaseProfile(BaseModel):
    schema_version: str = SCHEMA_VERSION
    profile_id: str
    source: Source
    disease: Disease
    categories: list[Fact] = Field(default_factory=list)
    symptoms: list[Symptom] = Field(default_factory=list)
    causes: list[Fact] = Field(default_factory=list)
    affected_populations: list[Fact] = Field(default_factory=list)
    statistics: list[Statistic] = Field(default_factory=list)
    diagnostics: list[Fact] = Field(default_factory=list)
    treatments: list[Treatment] = Field(default_factory=list)
    complications: list[Fact] = Field(default_factory=list)
    prognosis: list[Fact] = Field(default_factory=list)
    open_questions: list[Fact] = Field(default_factory=list)
    inheritance: list[Fact] = Field(default_factory=list)
    genes: list[Fact] = Field(default_factory=list, description="genes named as causing the disease: HGNC symbol, "
                                                                 "NCBIGene id")
    references: list[Reference] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    provenance: Provenance

    FACT_FIELDS: ClassVar[tuple[str, ...]] = ("categories", "symptoms", "causes", "affected_populations", "statistics",
                                    "diagnostics", "treatments", "complications", "prognosis", "open_questions",
                                    "inheritance", "genes")

    def evidence_spans(self):
        """Every evidence span in the profile (for offset checks)."""
        for ev in self.disease.evidence:
            yield ev
        for field_name in self.FACT_FIELDS:
            for fact in getattr(self, field_name):
                yield from fact.evidence
                for extra in ("qualifiers", "outcomes"):
                    yield from getattr(fact, extra, [])
                for agent in getattr(fact, "agents", []):
                    yield from agent.evidence
        for ref in self.references:
            yield from ref.evidence
