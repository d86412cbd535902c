"""The project's spaCy components, registered as versioned factories (see `configs/pipeline.cfg`).

- `disease_profiles_line_sentences_v1`: a line break always ends a sentence (headings, list items and table
  rows carry no final period); runs before spaCy's sentencizer, which then only fills in the rest.
- `disease_profiles_vocab_matcher_v1`: longest-match lookup of token n-grams against the compiled vocabulary
  (`pipeline.vocab`), linking each match and typing it (DISEASE, SYMPTOM, DRUG, PROCEDURE, CHEMICAL,
  INHERITANCE); short forms found by scispacy's AbbreviationDetector take their long form's concept.
- `disease_profiles_assertion_v1`: medspaCy ConText with its default rules plus the project's rules for
  plain-language health writing (`configs/context_rules.json`), summarised into one `assertion` per entity.

Why a hash lookup instead of spaCy's PhraseMatcher: the vocabulary has ~235k terms; building a PhraseMatcher
means tokenising all of them at every start-up (tens of seconds), while the compiled keys load in about a second.

(No `from __future__ import annotations` here: spaCy validates factory signatures and needs real types.)
"""

from pathlib import Path
from typing import List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.vocab.linking import KIND_SCORE, choose
from pipeline.vocab.normalize import normalize_token
from pipeline.vocab.store import DEFAULT_VOCAB_DIR, load_vocabulary

MAX_KEY_TOKENS = 12
for _name in ("concept_id", "concept_label", "score", "method", "candidates", "assertion"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

# Tokens a vocabulary term never spans (keys are built between them).
_BOUNDARY_TEXT = frozenset({".", ",", ";", ":", "(", ")", "[", "]", "?", "!", "|", "•", "\""})


@Language.factory("disease_profiles_line_sentences_v1")
def make_line_sentences(nlp: Language, name: str):
    return LineSentences()


class LineSentences:
    def __call__(self, doc: Doc) -> Doc:
        for i, token in enumerate(doc[:-1]):
            if "\n" in token.text or "\n" in token.whitespace_:
                doc[i + 1].is_sent_start = True
        return doc


@Language.factory(
    "disease_profiles_vocab_matcher_v1",
    default_config={"vocab_dir": None, "use_abbreviations": True},
)
def make_vocab_matcher(nlp: Language, name: str, vocab_dir: Optional[str], use_abbreviations: bool):
    return VocabMatcher(Path(vocab_dir) if vocab_dir else DEFAULT_VOCAB_DIR, use_abbreviations)


class VocabMatcher:
    def __init__(self, vocab_dir: Path, use_abbreviations: bool = True) -> None:
        self.vocabulary = load_vocabulary(vocab_dir)
        self.use_abbreviations = use_abbreviations

    def __call__(self, doc: Doc) -> Doc:
        norms = [("" if t.is_space else normalize_token(t.text), t.text in _BOUNDARY_TEXT or t.is_space) for t in doc]
        matches = self._longest_matches(doc, norms)
        spans = self._select(doc, matches)
        if self.use_abbreviations and Doc.has_extension("abbreviations"):
            spans = self._link_abbreviations(doc, spans)
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc

    def _longest_matches(self, doc: Doc, norms) -> List[Tuple[int, int, str]]:
        found = []
        vocab = self.vocabulary
        n = len(doc)
        for i in range(n):
            norm, boundary = norms[i]
            if boundary or not norm:
                continue
            key, best = "", None
            for j in range(i, min(n, i + MAX_KEY_TOKENS * 2)):
                norm_j, boundary_j = norms[j]
                if boundary_j:
                    break
                if not norm_j:
                    continue  # hyphens and possessives are skipped, not boundaries
                key = f"{key} {norm_j}" if key else norm_j
                if not vocab.has_prefix(key):
                    break
                if key in vocab.index:
                    best = (i, j + 1, key)
            if best:
                found.append(best)
        return found

    def _select(self, doc: Doc, matches) -> List[Span]:
        """Longest first, then leftmost; no overlaps (doc.ents cannot overlap)."""
        taken = [False] * len(doc)
        spans = []
        for start, end, key in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
            if any(taken[start:end]):
                continue
            candidate, score = choose(self.vocabulary.lookup(key), key)
            span = Span(doc, start, end, label=candidate.concept.type)
            span._.concept_id = candidate.concept.id
            span._.concept_label = candidate.concept.label
            span._.score = score
            span._.method = f"vocabulary:{candidate.kind}"
            spans.append(span)
            taken[start:end] = [True] * (end - start)
        return spans

    def _link_abbreviations(self, doc: Doc, spans: List[Span]) -> List[Span]:
        """A short form defined in the article ("opsoclonus-myoclonus syndrome (OMS)") means its long form."""
        by_range = {(s.start, s.end): s for s in spans}
        spans_out = list(spans)
        for short in doc._.abbreviations:
            long_form = short._.long_form
            if long_form is None:
                continue
            target = next((s for s in spans if s.start >= long_form.start and s.end <= long_form.end
                           and s.end - s.start == max((x.end - x.start) for x in spans
                                                      if x.start >= long_form.start and x.end <= long_form.end)), None)
            if target is None:
                continue
            existing = by_range.get((short.start, short.end))
            overlapping = [s for s in spans_out if s.start < short.end and short.start < s.end]
            if existing is None and overlapping:
                continue
            linked = Span(doc, short.start, short.end, label=target.label_)
            linked._.concept_id = target._.concept_id
            linked._.concept_label = target._.concept_label
            linked._.score = round((target._.score or KIND_SCORE["exact"]) * 0.98, 3)
            linked._.method = "abbreviation"
            if existing is not None:
                spans_out.remove(existing)
            spans_out.append(linked)
            by_range[(short.start, short.end)] = linked
        return spans_out


@Language.factory("disease_profiles_assertion_v1", default_config={"rules_path": None})
def make_assertion(nlp: Language, name: str, rules_path: Optional[str]):
    return Assertion(nlp, rules_path)


class Assertion:
    """medspaCy ConText → one assertion per entity: absent > family > historical > hypothetical > possible."""

    def __init__(self, nlp: Language, rules_path: Optional[str]) -> None:
        from medspacy.context import ConText, ConTextRule

        self.context = ConText(nlp, rules=None)
        # medspaCy's default FAMILY rule fires on "child"/"children", the subject of most pediatric health
        # writing; the project rules list family members explicitly instead.
        defaults = [r for r in ConTextRule.from_json(self.context.DEFAULT_RULES_FILEPATH) if r.category != "FAMILY"]
        path = Path(rules_path) if rules_path else Path(__file__).resolve().parents[2] / "configs" / "context_rules.json"
        self.context.add(defaults + ConTextRule.from_json(str(path)))

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents:
            return doc
        doc = self.context(doc)
        for ent in doc.ents:
            if ent._.is_negated:
                ent._.assertion = "absent"
            elif ent._.is_family:
                ent._.assertion = "family"
            elif ent._.is_historical:
                ent._.assertion = "historical"
            elif ent._.is_hypothetical:
                ent._.assertion = "hypothetical"
            elif ent._.is_uncertain:
                ent._.assertion = "possible"
            else:
                ent._.assertion = "present"
        return doc
