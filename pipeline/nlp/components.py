"""The project's spaCy components, registered as versioned factories (see `configs/pipeline.cfg`).

- `disease_profiles_line_sentences_v1`: a line break always ends a sentence (headings, list items and table
  rows carry no final period); runs before spaCy's sentencizer, which then only fills in the rest.
- `disease_profiles_vocab_matcher_v1`: longest-match lookup of token n-grams against the compiled vocabulary
  (`pipeline.vocab`), linking each match and typing it (DISEASE, SYMPTOM, DRUG, PROCEDURE, CHEMICAL,
  INHERITANCE); short forms found by scispacy's AbbreviationDetector take their long form's concept. An
  operation keeps the words that qualify it ("unilateral salpingo-oophorectomy", method `+qualifier`), and a
  surgical word the vocabulary lacks ("omentectomy", "quadrantectomy") is a PROCEDURE without a concept
  (`pattern:surgical-word`).
- `disease_profiles_assertion_v1`: medspaCy ConText with its default rules plus the project's rules for
  plain-language health writing (`configs/context_rules.json`), summarised into one `assertion` per entity.

Why a hash lookup instead of spaCy's PhraseMatcher: the vocabulary has ~235k terms; building a PhraseMatcher
means tokenising all of them at every start-up (tens of seconds), while the compiled keys load in about a second.

(No `from __future__ import annotations` here: spaCy validates factory signatures and needs real types.)
"""

import re
from pathlib import Path
from typing import List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.vocab.compile import STATE_ADJECTIVES as STATE_NOUN_OF
from pipeline.vocab.linking import KIND_SCORE, canonical, choose
from pipeline.vocab.normalize import JOINABLE_PREFIXES, normalize_token
from pipeline.vocab.store import DEFAULT_VOCAB_DIR, load_vocabulary

MAX_KEY_TOKENS = 12
# doc.spans key of every vocabulary match, nested and overlapping ones included (see VocabMatcher._all_matches).
ALL_MATCHES_KEY = "vocab_matches"

for _name in ("concept_id", "concept_label", "score", "method", "candidates", "assertion"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

# Tokens a vocabulary term never spans (keys are built between them).
_CONJUNCTIONS = frozenset({"and", "or", "and/or", "&"})
# one-word terms that are verbs when this word follows ("lead to", "leads to", "iron out")
_VERB_READINGS = {"lead": "to", "leads": "to", "iron": "out"}
_BOUNDARY_TEXT = frozenset({".", ",", ";", ".;", ":", "(", ")", "[", "]", "?", "!", "|", "•", "\""})
# A pronunciation gloss in respelling ("(AN-te-fos-fo-LIP-id)", "(throm-BO-sis)"): syllables joined by hyphens, the
# stressed ones in capitals. Inside a term ("Antiphospholipid (AN-te-fos-fo-LIP-id) antibody syndrome") the
# matcher reads past it.
PRONUNCIATION = re.compile(r"(?=[^)]*-[A-Z]{2}|[A-Z]{2,}-[a-z])[A-Za-z]+(?:-[A-Za-z]+)+")
# words that may follow a predicate adjective ("were absent in both", "is dry and scaly", "was delayed until")
_PREDICATE_FOLLOWERS = frozenset({"and", "or", "but", "nor", "in", "on", "at", "of", "for", "from", "with", "without",
                                  "by", "to", "as", "than", "until", "during", "after", "before", "because", "since",
                                  "when", "while", "if", "although", "though", "so", "too", "also", "then", "which",
                                  "that", "who", "where", "bilaterally", "unilaterally"})
# `VocabMatcher._predicates`: "SUBJECT was/were (ADVERB) ADJECTIVE".
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "appear", "appears", "appeared", "seem",
                      "seems", "seemed", "become", "becomes", "became", "remain", "remains", "remained"})
_DEGREE_WORDS = frozenset({"very", "quite", "somewhat", "also", "often", "always", "usually", "still", "too",
                           "slightly", "mildly", "moderately", "severely", "markedly", "extremely", "invariably"})
_NOT_ADVERBS = frozenset({"only", "early", "likely", "unlikely", "family", "elderly", "weekly", "daily", "monthly",
                          "yearly", "friendly", "lonely", "ugly", "holy", "oily", "scaly", "bumpy", "jelly", "belly"})
# Words that say how much or which side an operation (not a test: "complete physical exam") takes ("unilateral salpingo-oophorectomy", "partial
# nephrectomy"): a distinct treatment option, named with the qualifier, though the vocabulary only has the operation.
SURGICAL_QUALIFIERS = frozenset({"unilateral", "bilateral", "partial", "total", "subtotal", "near-total", "radical",
                                 "simple", "complete", "extended", "wide", "laparoscopic", "robotic", "endoscopic",
                                 "prophylactic"})
MAX_QUALIFIERS = 2
QUALIFIER_FACTOR = 0.95
# Greek-Latin operation words: excision, incision, opening, repair, suture, fixation of a named part.
SURGICAL_WORD = re.compile(r"[a-z]{3,}(?:ectom|otom|ostom|oplast|orrhaph|opex)(?:y|ies)", re.I)
SURGICAL_WORD_SCORE = 0.5  # the kind of thing is certain, the concept unknown (as for an unlinked NER span)


def _qualifiers_start(doc: Doc, start: int, taken: List[bool]) -> int:
    """Where an operation's name starts once the side/extent words before it are included ("unilateral" in
    "unilateral salpingo-oophorectomy", at most MAX_QUALIFIERS of them); `start` when there are none."""
    lowest = max(0, start - MAX_QUALIFIERS)
    while start > lowest and not taken[start - 1] and doc[start - 1].lower_ in SURGICAL_QUALIFIERS:
        start -= 1
    return start


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


def _opens_a_list(doc: Doc, end: int) -> bool:
    """The phrase ending at token `end` is the first item of a comma list ("the head, arms, or legs")."""
    if end + 1 >= len(doc) or doc[end].text != "," or not doc[end + 1].is_alpha:
        return False
    for token in doc[end + 1:end + 9]:
        if token.text in (".", ";", ":") or token.is_space:
            return False
        if token.lower_ in _CONJUNCTIONS:
            return True
    return False


class VocabMatcher:
    def __init__(self, vocab_dir: Path, use_abbreviations: bool = True) -> None:
        self.vocabulary = load_vocabulary(vocab_dir)
        self.use_abbreviations = use_abbreviations

    def __call__(self, doc: Doc) -> Doc:
        spelled = Token.has_extension("spelling")  # `spelling.py`: the term a misspelt word stands for
        norms = [("" if t.is_space else (spelled and t._.spelling) or normalize_token(t.text),
                  t.text in _BOUNDARY_TEXT or t.is_space) for t in doc]
        for i in _pronunciation_glosses(doc):
            norms[i] = ("", False)
        matches, every = self._longest_matches(doc, norms)
        coordinated = self._coordinations(doc, norms, matches)
        conjuncts = {(s, e, key) for s, e, key, _, _ in coordinated}
        predicates = self._predicates(doc, norms)
        spans = self._select(doc, matches + sorted(conjuncts) + predicates, conjuncts, frozenset(predicates))
        spans += self._surgical_words(doc, spans)
        doc.spans[ALL_MATCHES_KEY] = self._all_matches(
            doc, every + [(s, e, key) for _, _, key, s, e in coordinated] + predicates)
        if self.use_abbreviations and Doc.has_extension("abbreviations"):
            spans = self._link_abbreviations(doc, spans)
        doc.ents = sorted(spans, key=lambda s: s.start)
        return doc

    def _longest_matches(self, doc: Doc, norms) -> Tuple[List[Tuple[int, int, str]], List[Tuple[int, int, str]]]:
        """(longest match per start token, every match including shorter ones at the same start)."""
        found, every = [], []
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
                    if best and " of " in key and _opens_a_list(doc, j + 1):
                        continue  # "tremor of the head, arms, or legs": tremor of several sites, not Head tremor
                    best = (i, j + 1, key)
                    every.append(best)
            if best:
                found.append(best)
        return found, every

    def _coordinations(self, doc: Doc, norms, matches) -> List[Tuple[int, int, str, int, int]]:
        """Terms that share a word across "and"/"or": "palmar and plantar pits" (palmar pits), "branchial, otic and
        renal anomalies" (a list item that makes no term, "otic", is passed over), "posterior subcapsular or
        capsular cataract", "hypo- and hyperpigmentation" (a shared stem), and rightwards "cleft lip and palate"
        (cleft palate). Only when the rebuilt phrase is itself a vocabulary key. Returns (conjunct start, conjunct
        end, key, phrase start, phrase end) in tokens: the conjunct alone becomes an entity where nothing else
        claims it; the whole phrase goes to the span group."""
        vocab = self.vocabulary
        out = []

        def is_word(i: int) -> bool:
            return 0 <= i < len(doc) and bool(norms[i][0]) and not norms[i][1] and doc[i].lower_ not in _CONJUNCTIONS

        for start, end, key in matches:
            first, rest = norms[start][0], key[len(norms[start][0]):]
            # leftwards: [A ,] (and|or) FIRST REST
            pos = start - 1
            while pos >= 1 and (doc[pos].lower_ in _CONJUNCTIONS or doc[pos].text == ","):
                if doc[pos].lower_ in _CONJUNCTIONS and pos >= 2 and doc[pos - 1].text == ",":
                    pos -= 1  # Oxford comma: "A, B, and C X"
                found = None
                for width in (1, 2, 3):
                    a_start = pos - width
                    if a_start < 0 or not all(is_word(i) for i in range(a_start, pos)):
                        break
                    words = [norms[i][0] for i in range(a_start, pos)]
                    if doc[pos - 1].text.endswith("-"):  # "hypo-" shares the stem of "hyperpigmentation"
                        prefix = next((p for p in JOINABLE_PREFIXES if first.startswith(p)), None)
                        if prefix is None:
                            break
                        words[-1] = words[-1].rstrip("-") + first[len(prefix):]
                        candidate = " ".join(words) + rest
                    elif rest:  # the shared words ("pits" of "plantar pits")
                        candidate = " ".join(words) + rest
                    else:
                        break
                    if candidate in vocab.index:
                        found = (a_start, pos, candidate, a_start, end)
                if found is None:
                    # a one-word list item that makes no term here is passed over, the list goes on: "branchial,
                    # otic and renal anomalies" still gives Branchial anomaly
                    if pos >= 3 and is_word(pos - 1) and doc[pos - 2].text == "," and not doc[pos - 1].text.endswith(
                            "-"):
                        pos -= 2
                        continue
                    break
                out.append(found)
                pos = found[0] - 1
            # rightwards: HEAD LAST (and|or) B  ->  HEAD B
            if end + 1 < len(doc) and doc[end].lower_ in _CONJUNCTIONS and is_word(end + 1) and end - start > 1:
                head = key.rsplit(" ", 1)[0] if " " in key else ""
                candidate = f"{head} {norms[end + 1][0]}".strip()
                if head and candidate in vocab.index and candidate != key:
                    out.append((end + 1, end + 2, candidate, start, end + 2))
        return out + self._shared_frames(doc, norms, is_word)

    def _shared_frames(self, doc: Doc, norms, is_word) -> List[Tuple[int, int, str, int, int]]:
        """Two one-word conjuncts inside shared words on both sides: "loss of bladder and bowel control" is
        "loss of bladder control" and "loss of bowel control". Only when both rebuilt phrases are vocabulary keys;
        the widest frame wins. The entities are "loss of bladder" and "bowel control"."""
        index = self.vocabulary.index
        out = []
        for c in range(1, len(doc) - 1):
            if doc[c].lower_ not in _CONJUNCTIONS or not (is_word(c - 1) and is_word(c + 1)):
                continue
            a, b = norms[c - 1][0], norms[c + 1][0]
            best = None
            for before in range(0, 4):
                if before and not is_word(c - 1 - before):
                    break
                pre = [norms[i][0] for i in range(c - 1 - before, c - 1)]
                for after in range(0, 4):
                    if after and not is_word(c + 1 + after):
                        break
                    if not (before and after):
                        continue  # one-sided sharing is `_coordinations`' job
                    post = [norms[i][0] for i in range(c + 2, c + 2 + after)]
                    key_a, key_b = " ".join(pre + [a] + post), " ".join(pre + [b] + post)
                    if key_a in index and key_b in index:
                        best = (before, after, key_a, key_b)
            if best:
                before, after, key_a, key_b = best
                start, end = c - 1 - before, c + 2 + after
                out += [(start, c, key_a, start, end), (c + 1, end, key_b, start, end)]
        return out

    def _all_matches(self, doc: Doc, every) -> List[Span]:
        """Every vocabulary match, overlapping and nested ones included ("colitis" inside "ulcerative colitis"),
        each linked like an entity; the concept id is the span's kb_id (Span extensions are keyed by offsets and
        would collide with doc.ents). Not used by profile assembly; for phenotype consumers and evaluation."""
        out = []
        for start, end, key in every:
            candidate, _ = choose(self.vocabulary.lookup(key), key)
            out.append(Span(doc, start, end, label=candidate.concept.type, kb_id=candidate.concept.id))
        return out

    def _predicates(self, doc: Doc, norms) -> List[Tuple[int, int, str]]:
        """A finding stated as a predicate: "the patellae were absent" (Absent patella), "motor development was
        delayed" (Delayed motor development), "the skin is very dry" (Dry skin), "the tibiae were bowed";
        a state adjective also reads as its noun ("the radii were hypoplastic": radius hypoplasia, hypoplasia of
        the radius). Only when the rebuilt phrase "ADJECTIVE SUBJECT" (or the noun phrasing) is a vocabulary key;
        the longest subject (up to 4 words before the copula) wins. Negated predicates ("were not absent") are
        left alone. Returns (subject start, adjective end, key): the span reads "patellae were absent"."""
        index = self.vocabulary.index
        out = []
        n = len(doc)
        for c in range(1, n - 1):
            if doc[c].lower_ not in _COPULAS:
                continue
            a = c + 1
            while a < n and a - c <= 2 and (doc[a].lower_ in _DEGREE_WORDS or
                                            doc[a].lower_.endswith("ly") and doc[a].lower_ not in _NOT_ADVERBS):
                a += 1
            if a >= n or not norms[a][0] or norms[a][1] or doc[a].lower_ in _CONJUNCTIONS:
                continue
            if a + 1 < n and doc[a + 1].is_alpha and doc[a + 1].lower_ not in _PREDICATE_FOLLOWERS:
                continue  # "the most common symptom is muscle weakness": a noun phrase, not a predicate adjective
            adjective = norms[a][0]
            state_noun = STATE_NOUN_OF.get(adjective)
            found = None
            for width in range(1, 5):
                s = c - width
                if s < 0 or not norms[s][0] or norms[s][1] or doc[s].lower_ in _CONJUNCTIONS:
                    break
                subject = " ".join(norms[i][0] for i in range(s, c))
                keys = [f"{adjective} {subject}"]
                if state_noun:
                    keys += [f"{subject} {state_noun}", f"{state_noun} of {subject}"]
                key = next((k for k in keys if k in index), None)
                if key:
                    found = (s, a + 1, key)
            if found:
                out.append(found)
        return out

    def _select(self, doc: Doc, matches, conjuncts=frozenset(), predicates=frozenset()) -> List[Span]:
        """Longest first, then leftmost; no overlaps (doc.ents cannot overlap). A conjunct of a coordination
        ("red" of "red and white blood cell counts") says so in its method: its text alone is not the term; so
        does a predicate ("patellae were absent", `_predicates`)."""
        taken = [False] * len(doc)
        spans = []
        for start, end, key in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
            if any(taken[start:end]):
                continue
            if end - start == 1 and doc[start].lower_ in _VERB_READINGS and end < len(doc) and \
                    doc[end].lower_ == _VERB_READINGS[doc[start].lower_]:
                continue  # "can lead to" is a verb, not the metal
            candidate, score = choose(self.vocabulary.lookup(key), key)
            concept = canonical(candidate.concept, self.vocabulary.concepts)
            qualified = start
            if concept.type == "PROCEDURE" and concept.branch != "diagnostic" and (start, end, key) not in conjuncts:
                qualified = _qualifiers_start(doc, start, taken)
            span = Span(doc, qualified, end, label=concept.type)
            span._.concept_id = concept.id
            span._.concept_label = concept.label
            span._.score = round(score * QUALIFIER_FACTOR, 3) if qualified < start else score
            span._.method = f"vocabulary:{candidate.kind}" + ("+xref" if concept is not candidate.concept else "") + (
                "+coordination" if (start, end, key) in conjuncts else
                "+predicate" if (start, end, key) in predicates else "") + ("+qualifier" if qualified < start else "")
            if Token.has_extension("spelling") and any(t._.spelling for t in doc[start:end]):
                span._.method += "+spelling"
            spans.append(span)
            taken[qualified:end] = [True] * (end - qualified)
        return spans

    @staticmethod
    def _surgical_words(doc: Doc, spans: List[Span]) -> List[Span]:
        """Operations no vocabulary names ("omentectomy"), with their qualifiers ("partial lobectomy")."""
        taken = [False] * len(doc)
        for span in spans:
            taken[span.start:span.end] = [True] * (span.end - span.start)
        found = []
        for token in doc:
            if taken[token.i] or not SURGICAL_WORD.fullmatch(token.text):
                continue
            start = _qualifiers_start(doc, token.i, taken)
            span = Span(doc, start, token.i + 1, label="PROCEDURE")
            span._.score = SURGICAL_WORD_SCORE
            span._.method = "pattern:surgical-word" + ("+qualifier" if start < token.i else "")
            found.append(span)
        return found

    def _link_abbreviations(self, doc: Doc, spans: List[Span]) -> List[Span]:
        """A short form defined in the article ("opsoclonus-myoclonus syndrome (OMS)") means its long form."""
        by_range = {(s.start, s.end): s for s in spans}
        spans_out = list(spans)
        for short in doc._.abbreviations:
            long_form = short._.long_form
            if long_form is None or not _looks_like_abbreviation(short.text):
                continue  # "pyridostigmine (Mestinon)": a name in parentheses, not a short form
            # the term inside the long form, or one ending with it that starts a few tokens earlier: Schwartz-Hearst
            # cuts "Antiphospholipid (AN-te-fos-fo-LIP-id) antibody syndrome (APS)" after the gloss's "("
            inside = [s for s in spans if long_form.start - 4 <= s.start and s.end <= long_form.end and (
                s.start >= long_form.start or s.end == long_form.end)]
            target = max(inside, key=lambda s: (s.end - s.start, -s.start), default=None)
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
        _import_medspacy_without_quickumls()
        from medspacy.context import ConText

        from pipeline.nlp import context_graph
        from pipeline.nlp.context_rules import load_rules

        context_graph.install()  # same edges as medspaCy's graph, without its all-pairs loops
        self.context = ConText(nlp, rules=None)
        # medspaCy's default FAMILY rule fires on "child"/"children", the subject of most pediatric health
        # writing; the project rules list family members explicitly instead. Plain token patterns are expanded
        # to literal phrases (same matches, ~5x faster; see context_rules.py).
        path = Path(rules_path) if rules_path else Path(__file__).resolve().parents[2] / "configs" / "context_rules.json"
        self.context.add(load_rules(path, self.context.DEFAULT_RULES_FILEPATH))

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


def _pronunciation_glosses(doc: Doc) -> List[int]:
    """Token indices of each "(re-SPELL-ing)" that stands between two words, brackets included."""
    out = []
    for token in doc[1:-2]:
        i = token.i
        if doc[i - 1].text == "(" and doc[i + 1].text == ")" and PRONUNCIATION.fullmatch(token.text) and \
                doc[i - 2].is_alpha and doc[i + 2].is_alpha:
            out += [i - 1, i, i + 1]
    return out


def _looks_like_abbreviation(text: str) -> bool:
    """Short forms have two or more capitals or digits ("OMS", "IVIg", "5-FU"); a parenthesised brand or word
    ("Mestinon", "dancing eyes") that Schwartz-Hearst pairs with some earlier phrase is not one."""
    return sum(1 for c in text if c.isupper() or c.isdigit()) >= 2 and len(text) <= 12


def _import_medspacy_without_quickumls() -> None:
    """medspaCy's package __init__ imports QuickUMLS, and through it NLTK (~2 s of start-up), only to register a
    UMLS matcher this pipeline never uses. Unless QuickUMLS is already loaded, a placeholder stands in for it while
    medspaCy is imported; ConText does not touch it."""
    import sys
    import types

    if "medspacy" in sys.modules or "quickumls" in sys.modules:
        return
    placeholder = types.ModuleType("quickumls")
    placeholder.spacy_component = types.ModuleType("quickumls.spacy_component")
    sys.modules["quickumls"] = placeholder
    sys.modules["quickumls.spacy_component"] = placeholder.spacy_component
    try:
        import medspacy  # noqa: F401
    finally:
        del sys.modules["quickumls"], sys.modules["quickumls.spacy_component"]
