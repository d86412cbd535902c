"""`disease_profiles_model_ner_v1`: the trained BC5CDR model (`models/ner_bc5cdr`) next to the vocabulary matcher.

Merge policy (the component runs after `vocab_matcher`, before `assertion`):
- a dictionary match wins wherever the two overlap: it carries a curated concept and type;
- a model span that overlaps no dictionary match becomes a mention of its own. It is linked approximately
  (scispacy char-3-gram TF-IDF over our vocabulary, `pipeline.vocab.approximate`) to a concept of a type its label
  allows: DISEASE spans to an HPO phenotype or a MONDO disease, CHEMICAL spans to a DrugBank drug. Its label is
  then the concept's type, so a BC5CDR "Disease" that links to HPO is a SYMPTOM. Method `ner:bc5cdr+tfidf-char3`,
  score = the similarity × 0.9 (a learned span, a spelling-level link);
- a model span nothing links to stays a mention without a concept (label DISEASE or CHEMICAL, method
  `ner:bc5cdr`, score 0.5) so curators see it in `mentions.csv`; CHEMICAL mentions never become treatments.
Every model span is also kept in `doc.spans["ner_model"]` for evaluation.

The model shares the runtime tokenizer (it was trained on scispacy tokens), so its Doc is built from our tokens
and its entities map back by token index.
"""

import re
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

import pipeline.nlp.components  # noqa: F401  (registers the Span extensions)

DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "ner_bc5cdr"
MODEL_SPANS_KEY = "ner_model"
ALLOWED_TYPES = {"DISEASE": {"SYMPTOM", "DISEASE"}, "CHEMICAL": {"DRUG"}}
UNLINKED_SCORE = 0.5
LINKED_SCORE_FACTOR = 0.9


@Language.factory("disease_profiles_model_ner_v1",
                  default_config={"model_dir": None, "approximate_linking": True})
def make_model_ner(nlp: Language, name: str, model_dir: Optional[str], approximate_linking: bool):
    return ModelNer(Path(model_dir) if model_dir else DEFAULT_MODEL_DIR, approximate_linking)


_GENERIC = re.compile(r"^(disorders?|diseases?|conditions?|syndromes?|illness(es)?|problems?|symptoms?)$", re.I)
_ADJECTIVE = re.compile(r"(ic|al|like|ous|ive|ary)$", re.I)
# a pronunciation guide: "(he-mah-TO-mas)", "(oh-SOK-lo-nus)"
_PRONUNCIATION = re.compile(r"^(?=.*\b[A-Z]{2,}\b)[A-Za-z]+(?:-[A-Za-z]+){2,}$")


def _worth_a_mention(span: Span) -> bool:
    """Model spans that name something: not a bare generic head ("disorder"), not a lone adjective
    ("psychiatric", "shock-like"), not two list items run together across a semicolon, not a pronunciation guide."""
    text = span.text.strip()
    if not text or ";" in text or _GENERIC.match(text) or _PRONUNCIATION.match(text):
        return False
    return not (len(span) == 1 and _ADJECTIVE.search(text))


class ModelNer:
    def __init__(self, model_dir: Path, approximate_linking: bool) -> None:
        import spacy

        import pipeline.nlp.tokenizer  # noqa: F401  (the model's config names our registered tokenizer)

        if not (model_dir / "meta.json").exists():
            raise FileNotFoundError(f"no trained NER model in {model_dir} (run `make train-ner`)")
        self.model = spacy.load(model_dir)
        self.meta = self.model.meta
        self.approximate_linking = approximate_linking

    def __call__(self, doc: Doc) -> Doc:
        model_doc = Doc(self.model.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        for _, component in self.model.pipeline:
            model_doc = component(model_doc)
        predicted = [Span(doc, e.start, e.end - (e.end - e.start > 1 and doc[e.end - 1].is_punct), label=e.label_)
                     for e in model_doc.ents]  # "loss of sleep,": the comma is no part of the name
        doc.spans[MODEL_SPANS_KEY] = predicted
        taken = [False] * len(doc)
        for ent in doc.ents:
            taken[ent.start:ent.end] = [True] * (ent.end - ent.start)
        new = [span for span in predicted if not any(taken[span.start:span.end]) and _worth_a_mention(span)]
        if new:
            doc.ents = sorted([*doc.ents, *self._link(new)], key=lambda s: s.start)
        return doc

    def _link(self, spans: list[Span]) -> list[Span]:
        links = [None] * len(spans)
        if self.approximate_linking:
            from pipeline.vocab.approximate import load_approximate_linker

            linker = load_approximate_linker()
            if linker is not None:
                links = linker.link([s.text for s in spans], [ALLOWED_TYPES.get(s.label_, set()) for s in spans])
        out = []
        for span, link in zip(spans, links):
            if link is None:
                linked = Span(span.doc, span.start, span.end, label=span.label_)
                linked._.score, linked._.method = UNLINKED_SCORE, "ner:bc5cdr"
            else:
                concept, similarity = link
                linked = Span(span.doc, span.start, span.end, label=concept.type)
                linked._.concept_id, linked._.concept_label = concept.id, concept.label
                linked._.score = round(similarity * LINKED_SCORE_FACTOR, 3)
                linked._.method = "ner:bc5cdr+tfidf-char3"
            out.append(linked)
        return out
