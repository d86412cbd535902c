"""Doc → plain records (the boundary between NLP and assembly; Docs never leave the process that made them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.nlp.components import ALL_MATCHES_KEY


@dataclass
class MentionRecord:
    id: str
    text: str
    label: str
    start: int
    end: int
    sentence: int
    concept_id: str | None
    concept_label: str | None
    score: float
    method: str
    assertion: str


@dataclass
class AbbreviationRecord:
    short: str
    short_start: int
    long: str
    long_start: int


@dataclass
class NlpResult:
    sentences: list[tuple[int, int]]
    mentions: list[MentionRecord]
    abbreviations: list[AbbreviationRecord] = field(default_factory=list)
    tokens: int = 0
    # every disease the text names, nested names included ("lice infestation" in "pubic lice infestation"):
    # concept id -> every (start, end, sentence index) naming it
    named_diseases: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)


def doc_to_records(doc: Doc) -> NlpResult:
    sentences, sentence_of_token = [], {}
    for index, sent in enumerate(doc.sents):
        text = sent.text
        lead = len(text) - len(text.lstrip())
        sentences.append((sent.start_char + lead, sent.start_char + len(text.rstrip())))
        for token in sent:
            sentence_of_token[token.i] = index
    mentions = [
        MentionRecord(f"m{n}", ent.text, ent.label_, ent.start_char, ent.end_char, sentence_of_token.get(ent.start, 0),
                      ent._.concept_id, ent._.concept_label, float(ent._.score or 0.0), ent._.method or "vocabulary",
                      ent._.assertion or "present")
        for n, ent in enumerate(doc.ents)
    ]
    abbreviations = []
    if Doc.has_extension("abbreviations"):
        for short in doc._.abbreviations:
            if short._.long_form is not None:
                abbreviations.append(AbbreviationRecord(short.text, short.start_char, short._.long_form.text,
                                                        short._.long_form.start_char))
    named_diseases: dict[str, list[tuple[int, int, int]]] = {}
    for span in sorted(doc.spans.get(ALL_MATCHES_KEY, []), key=lambda s: s.start_char):
        if span.label_ == "DISEASE":
            named_diseases.setdefault(span.kb_id_, []).append(
                (span.start_char, span.end_char, sentence_of_token.get(span.start, 0)))
    return NlpResult(sentences, mentions, abbreviations, tokens=sum(1 for t in doc if not t.is_space),
                     named_diseases=named_diseases)
