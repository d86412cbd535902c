"""`make vocab`: compile the public lexicons into the project's compact matching vocabulary.

Inputs (under LEXICONS, read only at build time): HPO `hpo/hp.obo.gz`, MONDO `mondo/*.json.gz` plus the
`mondo_exactmatch_*.sssom.tsv.gz` crosswalks, MeSH 2024 `mesh/*.tsv.gz`, DrugBank open vocabulary, MAxO,
the Symptom Ontology; plus the project's own `vocab/overlay.tsv` and `vocab/stoplist.txt`.

Outputs (committed, deterministic): `vocab/concepts.tsv.gz` (one row per concept: id, type, label, source,
xrefs, drug classes, branch, and for MONDO diseases their ancestors up to MAX_ANCESTOR_DEPTH is_a steps away), `vocab/terms.tsv.gz` (one row per matching key → concept, with the surface term
and its kind) and `vocab/manifest.json` (source versions, counts, input checksums).

Concept types and their canonical sources:
- SYMPTOM: HPO "Phenotypic abnormality" (HP:0000118) descendants; SYMP terms whose key HPO lacks;
  MeSH C23.888 (signs and symptoms) descriptors that nothing else covers.
- INHERITANCE: HPO "Mode of inheritance" (HP:0000005) descendants.
- DISEASE: MONDO (non-deprecated descendants of MONDO:0000001), xrefs from the SSSOM exact matches. A MeSH,
  DOID or Orphanet mapping is kept only when the target's name is one of the MONDO concept's names (some
  MONDO→MeSH/DOID mappings point at a parent or a subtype, e.g. ADHD). Compatible MeSH descriptors lend their
  entry terms as synonyms; unmapped MeSH C/F03 descriptors become MESH: concepts; MeSH B03/B04/B01.300
  (bacteria, viruses, fungi) become ORGANISM concepts (causes of infections).
- DRUG: DrugBank (open vocabulary), joined to a MeSH D descriptor by name; the descriptor lends its entry terms,
  its trade names (kind `brand`) and its pharmacological actions (drug classes). Other MeSH D descriptors are
  DRUG when they have a pharmacological action or sit under D26/D27/D06 (preparations, drug classes,
  hormones), otherwise CHEMICAL.
- PROCEDURE: MAxO, and MeSH E01-E04 (branch `diagnostic` for E01, else `therapeutic`).

Terms with kind BROAD are left out (they would link a mention to a wrong, narrower concept); keys in the
stoplist and spaCy stop words are left out; IUPAC-like chemical names and lab codes are left out.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import sys
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from pipeline.nlp.tokenizer import blank_tokenizing_nlp
from pipeline.vocab.linking import canonical
from pipeline.vocab.normalize import JOINABLE_PREFIXES, drop_non_ascii_letters, key_of_tokens, singular

KIND_RANK = {"overlay": 0, "label": 1, "exact": 2, "abbreviation": 2, "brand": 3, "entry": 3,
             "layperson": 3, "related": 4, "narrow": 5}
SSSOM_PREFIXES = {"mesh": "MESH", "Orphanet": "ORPHA", "DOID": "DOID", "OMIM": "OMIM", "OMIMPS": "OMIMPS",
                  "ICD10CM": "ICD10CM", "ICD10WHO": "ICD10", "NCIT": "NCIT", "UMLS": "UMLS", "EFO": "EFO",
                  "icd11.foundation": "ICD11"}
NAME_CHECKED_PREFIXES = {"MESH", "DOID", "ORPHA"}
HPO_PHENOTYPE_ROOT, HPO_INHERITANCE_ROOT = "HP:0000118", "HP:0000005"
MONDO_DISEASE_ROOT = "MONDO:0000001"
MONDO_UPPER_CLASSES = {MONDO_DISEASE_ROOT, "MONDO:0700096"}  # disease, human disease: no category
MAX_ANCESTOR_DEPTH = 3  # farther classes are too general to name a disease's kind ("disorder of anatomical entity")
MAX_TERM_CHARS = 80
_IUPAC_LIKE = re.compile(r"\d.*[(),\[\]]|[(),\[\]].*\d|^\S*\d\S*-\S*\d")


@dataclass
class Concept:
    id: str
    type: str
    label: str
    source: str
    branch: str = ""
    xrefs: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ancestors: list[str] = field(default_factory=list)  # MONDO is_a ancestors, nearest first
    terms: dict[str, str] = field(default_factory=dict)  # surface term -> kind

    @property
    def prefix(self) -> str:  # as the runtime's Concept (`pipeline.vocab.linking.canonical` takes either)
        return self.id.split(":", 1)[0]

    def add_term(self, term: str, kind: str) -> None:
        term = " ".join(term.split())
        if term and (term not in self.terms or KIND_RANK[kind] < KIND_RANK[self.terms[term]]):
            self.terms[term] = kind


def _open_text(path: Path):
    return io.TextIOWrapper(gzip.open(path), encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _uninvert(term: str) -> str | None:
    """MeSH writes 'Hypertension, Pulmonary'; text says 'pulmonary hypertension'. Several inverted parts read
    backwards: 'Anemia, Hemolytic, Autoimmune' = 'autoimmune hemolytic anemia', 'dystonia, focal, task-specific'
    = 'task-specific focal dystonia'."""
    parts = term.split(", ")
    if 2 <= len(parts) <= 4 and "(" not in term and all(1 <= len(p.split()) <= 3 for p in parts):
        return " ".join(reversed(parts))
    return None


class Keyer:
    """Turns surface terms into matching keys with the runtime tokenizer."""

    def __init__(self) -> None:
        self.tokenizer = blank_tokenizing_nlp().tokenizer
        self.cache: dict[str, str] = {}

    def __call__(self, term: str) -> str:
        key = self.cache.get(term)
        if key is None:
            key = self.cache[term] = key_of_tokens(t.text for t in self.tokenizer(term))
        return key


# ---------------------------------------------------------------------------------------------- sources

def load_obo(path: Path):
    import pronto

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pronto.Ontology(gzip.open(path) if path.suffix == ".gz" else str(path))


def _obo_synonym_kind(synonym) -> str | None:
    if synonym.scope == "BROAD":
        return None
    stype = synonym.type.id if synonym.type is not None else ""
    if stype == "layperson":
        return "layperson"
    if stype == "abbreviation":
        return "abbreviation"
    return {"EXACT": "exact", "RELATED": "related", "NARROW": "narrow"}[synonym.scope]


def hpo_concepts(path: Path) -> tuple[list[Concept], str]:
    onto = load_obo(path)
    version = str(onto.metadata.data_version or "").replace("hp/releases/", "")
    phenotypes = {t.id for t in onto[HPO_PHENOTYPE_ROOT].subclasses()}
    inheritance = {t.id for t in onto[HPO_INHERITANCE_ROOT].subclasses()}
    concepts = []
    for term in onto.terms():
        if term.obsolete or not term.name or term.id in (HPO_PHENOTYPE_ROOT, HPO_INHERITANCE_ROOT):
            continue
        ctype = "SYMPTOM" if term.id in phenotypes else "INHERITANCE" if term.id in inheritance else None
        if ctype is None:
            continue
        concept = Concept(term.id, ctype, term.name, f"HPO {version}")
        concept.add_term(term.name, "label")
        for synonym in term.synonyms:
            kind = _obo_synonym_kind(synonym)
            if kind:
                concept.add_term(synonym.description, kind)
        for name, kind in list(concept.terms.items()):
            for variant in hpo_name_variants(name):
                # "Abnormal X morphology" is the narrower sibling of "Abnormality of the X": its "X abnormality"
                # must not outrank a name the ontology itself gives ("Skeletal abnormalities" is a synonym of
                # Abnormality of the skeletal system, not of Abnormal skeletal morphology)
                grouping = _ABNORMAL_MORPHOLOGY.match(name) is not None
                concept.add_term(variant, "related" if grouping else kind if kind != "label" else "exact")
            if ctype == "SYMPTOM" and kind in ("label", "exact", "layperson"):
                for adjective in adjective_forms(name):
                    concept.add_term(adjective, "related")
        for xref in term.xrefs:
            if xref.id.startswith(("UMLS:", "MSH:")):
                concept.xrefs.add(xref.id.replace("MSH:", "MESH:"))
        concepts.append(concept)
    adjectives = organ_adjectives(concepts)
    add_of_phrasings(concepts, adjectives)
    add_organ_adjective_phrasings(concepts, adjectives)
    return concepts, version


_ADJECTIVE_ENDINGS = (("ation", "ated"), ("osis", "otic"), ("ia", "ic"), ("y", "ic"))


def adjective_forms(name: str) -> list[str]:
    """How lay writing states a one-word finding as a state: "lethargic" (Lethargy), "anemic" (Anemia),
    "constipated" (Constipation), "cyanotic" (Cyanosis). Only single words long enough to be unambiguous."""
    if " " in name or "-" in name or len(name) < 6 or not name.isalpha():
        return []
    lower = name.lower()
    for noun, adjective in _ADJECTIVE_ENDINGS:
        if lower.endswith(noun) and len(lower) - len(noun) >= 4:
            return [lower[: -len(noun)] + adjective]
    return []


# ("low"/"high" are targets only: as sources they are no quantity, "Low back pain", "High palate")
_QUANTITY_PHRASINGS = {"decreased": ("decrease in", "reduced", "reduction in", "reduction of", "weakened", "diminished",
                                     "low"),
                       "reduced": ("reduction in", "reduction of", "decreased", "decrease in", "low"),
                       "increased": ("increase in", "elevated", "high"), "elevated": ("increased", "raised", "high"),
                       "low": ("poor",), "delayed": ("slowed", "slow"), "impaired": ("impairment of", "impairment in")}
# "Memory impairment" = "impairment of memory", "Hearing loss" = "loss of hearing", "Limb weakness" = "weakness
# in the limbs"
_INVERTIBLE_HEADS = frozenset({"impairment", "loss", "weakness", "stiffness", "swelling", "deficit", "bleeding",
                               "hemorrhage", "paralysis", "inflammation"})
_ADJECTIVE_LIKE = ("al", "ar", "ic", "ous", "ary", "ed", "ive", "ing")
_PROBLEM_HEADS = frozenset({"abnormality", "difficulty", "difficulties", "disturbance", "impairment", "disability",
                            "dysfunction"})


_MANY = ("multiple", "numerous")


def lay_phrasings(name: str) -> list[str]:
    """How plain-language writing rephrases a short HPO name (kept as `related` terms):
    - a quantity change as a noun: "Decreased muscle tone" → "decrease in muscle tone", "reduced muscle tone",
      "low muscle tone"; "Elevated serum ferritin" → "increased serum ferritin", "high serum ferritin";
    - site pain as a phrase: "Eye pain" → "pain in the eye" (the key drops "the");
    - a poor activity as a verb: "Poor feeding" → "feed poorly";
    - a head noun after its object: "Memory impairment" → "impairment of memory", "Limb weakness" → "weakness in
      the limbs";
    - "Difficulty walking" → "trouble walking";
    - a delay as slowness: "Delayed growth" → "slowed growth"; an impairment as a noun: "Impaired consciousness" →
      "impairment of consciousness"; a named trouble as "problems": "Sleep disturbance" → "sleep problems",
      "problems with sleep", "Cognitive impairment" → "cognitive difficulties";
    - "Numerous nevi" → "multiple nevi", "Multiple lipomas" → "numerous lipomas";
    - a change for an alteration: "Abnormality of the skin" → "skin changes", "Altered mental status" → "mental
      status changes", "change in mental status"."""
    words = name.lower().split()
    if not 2 <= len(words) <= 4 or not all(re.fullmatch(r"[a-z]+(?:-[a-z]+)?", w) for w in words):
        return []
    first, rest = words[0], " ".join(words[1:])
    out = [f"{phrase} {rest}" for phrase in _QUANTITY_PHRASINGS.get(first, ())]
    if len(words) == 2 and words[1] == "pain" and not first.endswith(_ADJECTIVE_LIKE):
        out.append(f"pain in {first}")
    if words[-1] in _INVERTIBLE_HEADS and not words[-2].endswith(_ADJECTIVE_LIKE[:-2]):
        out += [f"{words[-1]} of {' '.join(words[:-1])}", f"{words[-1]} in {' '.join(words[:-1])}"]
        if words[-1] in ("bleeding", "hemorrhage"):
            out.append(f"{words[-1]} from {' '.join(words[:-1])}")
    if first == "bleeding" and len(words) == 2:  # "Bleeding gums" = "bleeding from the gums"
        out += [f"bleeding from {rest}", f"bleeding of {rest}"]
    if len(words) == 2 and first == "poor" and rest.endswith("ing") and len(rest) >= 7:
        out.append(f"{rest[:-3]} poorly")
    if first == "difficulty" and words[1].endswith("ing"):
        out.append(f"trouble {rest}")
    # "Sleep disturbance" = "sleep problems", "Language impairment" = "problems with language", "Abnormality of the
    # kidney" = "kidney problems"
    if words[-1] in _PROBLEM_HEADS and len(words) <= 3:
        subject = " ".join(words[:-1])
        out += [f"{subject} problems", f"{subject} difficulties"]  # "cognitive difficulties"
        if not words[-2].endswith(_ADJECTIVE_LIKE[:-1]):
            out.append(f"problems with {subject}")
    elif words[0] == "abnormality" and words[1] == "of" and (len(words) == 3 or len(words) == 4 and words[2] == "the"):
        subject = words[-1]  # "skin problems", "skin changes"; not "morphology problems" ("of abdomen morphology")
        out += [f"{subject} problems", f"problems with the {subject}", f"{subject} changes", f"changes in the {subject}"]
    if first == "altered" and len(words) <= 3:  # "Altered mental status" = "mental status changes"
        out += [f"{rest} changes", f"change in {rest}"]
    if first in _MANY:  # "Numerous nevi" = "multiple nevi"
        out += [f"{other} {rest}" for other in _MANY if other != first]
    return out


_ABNORMAL_MORPHOLOGY = re.compile(r"^Abnormal (?:morphology of (?:the )?(?P<y>[a-z][\w -]+)|(?P<x>[a-z][\w -]+?) morphology)$",
                                  re.I)
_ABNORMALITY_OF = re.compile(r"^Abnormality of (?:the )?(?P<x>[a-z][\w -]+)$", re.I)


def hpo_name_variants(name: str) -> list[str]:
    """Ways health and clinical writing says an HPO name:
    - uninverted qualifiers: "Intellectual disability, severe" → "severe intellectual disability";
    - the grouping classes: "Abnormal thumb morphology" → "thumb abnormality", "thumb anomaly",
      "thumb malformation", "abnormal thumb" (the key folds plurals: "thumb abnormalities"); "Abnormality of the
      eye" → "eye abnormality", "abnormal eye", "anomaly of eye".
    Variants take the kind of the name they come from (a label's variants are exact synonyms)."""
    out = []
    inverted = _uninvert(name)
    parts = name.split(", ")
    if inverted and len(parts) == 2 and len(parts[0].split()) >= 2 and len(parts[1].split()) <= 2:
        out.append(inverted)
    if "," in name:
        return out
    m = _ABNORMAL_MORPHOLOGY.match(name)
    if m and len((m.group("x") or m.group("y")).split()) <= 3:
        x = m.group("x") or m.group("y")
        out += [f"{x} abnormality", f"{x} anomaly", f"{x} malformation", f"abnormal {x}"]
    m = _ABNORMALITY_OF.match(name)
    if m and len(m.group("x").split()) <= 3:
        out += [f"{m.group('x')} abnormality", f"abnormal {m.group('x')}", f"anomaly of {m.group('x')}"]
    return out


# "N of (the) X" phrasings of two-word HPO names ("Fibular hypoplasia" = "hypoplasia of the fibula").
STATE_NOUNS = frozenset({"hypoplasia", "aplasia", "dysplasia", "atrophy", "hypertrophy", "agenesis", "bowing",
                         "enlargement", "fracture", "calcification", "duplication", "absence", "deformity",
                         "dislocation", "stenosis", "shortening", "thickening", "fusion", "dilatation", "asymmetry",
                         "hyperplasia", "abnormality", "anomaly", "malformation", "sclerosis", "cyst"})
STATE_ADJECTIVES = {"hypoplastic": "hypoplasia", "aplastic": "aplasia", "dysplastic": "dysplasia",
                    "atrophic": "atrophy", "hypertrophic": "hypertrophy", "absent": "absence", "bowed": "bowing",
                    "enlarged": "enlargement", "fractured": "fracture", "calcified": "calcification",
                    "duplicated": "duplication", "dislocated": "dislocation", "shortened": "shortening",
                    "thickened": "thickening", "fused": "fusion", "dilated": "dilatation",
                    "hyperplastic": "hyperplasia", "sclerotic": "sclerosis", "malformed": "malformation"}
# relational adjective → noun, by suffix ("fibular" → "fibula", "clavicular" → "clavicle", "femoral" → "femur");
# a rewrite counts only when the noun is itself a word of some HPO name.
_ADJECTIVE_SUFFIXES = (("cular", "cle"), ("bular", "ble"), ("oral", "ur"), ("ical", "ex"), ("geal", "x"),
                       ("ar", "a"), ("ar", ""), ("al", "a"), ("al", "um"), ("al", "us"), ("al", ""), ("ic", "is"),
                       ("ic", "ia"))


def _anatomy_nouns(adjective: str, words: set[str]) -> list[str]:
    out = []
    for suffix, replacement in _ADJECTIVE_SUFFIXES:
        if adjective.endswith(suffix) and len(adjective) - len(suffix) >= 3:
            noun = adjective[: -len(suffix)] + replacement
            if noun in words and noun not in out:
                out.append(noun)
    return out


_STATE_ADJECTIVE_OF = {noun: adjective for adjective, noun in STATE_ADJECTIVES.items()}


def _anatomy_adjectives(noun: str, words: set[str]) -> list[str]:
    """The reverse of `_anatomy_nouns`: "patella" → "patellar", "clavicle" → "clavicular"."""
    out = []
    for suffix, replacement in _ADJECTIVE_SUFFIXES:
        if replacement and noun.endswith(replacement) and len(noun) - len(replacement) >= 3:
            adjective = noun[: len(noun) - len(replacement)] + suffix
            if adjective in words and adjective not in out:
                out.append(adjective)
    return out


def add_of_phrasings(concepts: list[Concept], adjectives: dict[str, set[str]] | None = None) -> None:
    """Clinical writing inverts two-word HPO names: "Fibular hypoplasia" → "hypoplasia of the fibula",
    "Femoral bowing" → "bowing of the femurs", "Hypoplastic pelvis" → "hypoplasia of the pelvis", "Iris atrophy"
    → "atrophy of the iris"; any finding named with an organ's adjective, too: "Mandibular hyperostosis" →
    "hyperostosis of the mandible", "Hepatic fibrosis" → "fibrosis of the liver" (`adjectives`: organ noun →
    its adjectives, `organ_adjectives`). Added as `related` terms (lower rank than any name the ontology gives);
    keys drop "the" and fold plurals, so one variant covers "of the femurs"."""
    words = {w for c in concepts for t in c.terms for w in t.lower().split()}
    organs = organ_nouns(concepts)
    organ_of: dict[str, set[str]] = defaultdict(set)
    for noun, adjective_set in (adjectives or {}).items():
        for adjective in adjective_set:
            organ_of[adjective].add(noun)
    for c in concepts:
        for name, kind in list(c.terms.items()):
            if kind not in ("label", "exact", "layperson"):
                continue
            parts = name.lower().split()
            if len(parts) != 2 or not all(p.isalpha() for p in parts):
                continue
            first, second = parts
            if second in STATE_NOUNS:
                is_adjective = first.endswith(("al", "ar", "ic", "ous", "ary", "eal", "ed", "ive"))
                nouns = sorted(set(_anatomy_nouns(first, words)) | organ_of.get(first, set()))
                for noun in (nouns if is_adjective else [first]):
                    c.add_term(f"{second} of {noun}", "related")
                    if second in _STATE_ADJECTIVE_OF and is_adjective:  # "Tibial bowing" → "bowed tibia"
                        c.add_term(f"{_STATE_ADJECTIVE_OF[second]} {noun}", "related")
            elif first in STATE_ADJECTIVES:
                c.add_term(f"{STATE_ADJECTIVES[first]} of {second}", "related")
                for adjective in _anatomy_adjectives(second, words):  # "Dysplastic patella" → "patellar dysplasia"
                    c.add_term(f"{adjective} {STATE_ADJECTIVES[first]}", "related")
            elif first.endswith(_RELATIONAL) and not second.endswith(_ADJECTIVE_LIKE):
                for noun in sorted(set(_anatomy_nouns(first, words)) & organs | organ_of.get(first, set())):
                    c.add_term(f"{second} of {noun}", "related")  # "Mandibular hyperostosis", "Palmar pits"
            elif first in organs and not second.endswith(_ADJECTIVE_LIKE):
                c.add_term(f"{second} of {first}", "related")  # "Head tremor" → "tremor of the head"


ORGAN_FINDING_NOUNS = ("abnormality", "anomaly", "malformation", "defect")
# what an organ system shows, said of the system-level class only ("ocular manifestations" = Abnormality of the
# eye); "involvement", "features" and "findings" cost more precision than they gave on the dev corpora ("facial
# features", "skeletal findings" are mostly normal or unspecific)
SYSTEM_FINDING_NOUNS = ("manifestation",)
# Adjectives HPO's own names pair with their organ too rarely for `organ_adjectives` to learn them.
EXTRA_ORGAN_ADJECTIVES = {"eye": ("ocular", "ophthalmic", "ophthalmologic", "ophthalmological"),
                          "ear": ("otic", "aural"), "nervous system": ("neurologic", "neurological"),
                          "heart": ("cardiac",), "skeletal system": ("skeletal",), "genital system": ("genital",),
                          "skin": ("dermatologic", "dermatological")}
_RELATIONAL = ("al", "ar", "ic", "ous", "ary", "eal", "ine")
_MIN_ADJECTIVE_SUPPORT = 3


def _two_word_pairs(name: str) -> list[tuple[str, str]]:
    """(modifier, head) of "Cutaneous photosensitivity" and of "Hypoplasia of (the) fibula"."""
    words = name.lower().split()
    if len(words) == 2:
        return [(words[0], words[1])]
    if len(words) in (3, 4) and words[1] == "of" and (len(words) == 3 or words[2] == "the"):
        return [(words[-1], words[0])]
    return []


def organ_adjectives(concepts: list[Concept]) -> dict[str, set[str]]:
    """Organ noun → its relational adjectives, learnt from HPO's own names: two names of one concept that share
    a head and differ in the modifier, one relational adjective, one noun ("Cutaneous photosensitivity" /
    "Skin photosensitivity", "Hepatic steatosis" / "Fatty liver"... "Liver steatosis"), counted over concepts
    (at least `_MIN_ADJECTIVE_SUPPORT`, so "cutaneous" → "skin", "hepatic" → "liver", "renal" → "kidney",
    "pulmonary" → "lung", but not one-off pairs such as "subcutaneous"/"skin"); plus the suffix rule of
    `_anatomy_adjectives` ("patella" → "patellar")."""
    support: dict[tuple[str, str], int] = defaultdict(int)
    for c in concepts:
        by_head: dict[str, set[str]] = defaultdict(set)
        for name, kind in c.terms.items():
            if kind in ("label", "exact", "layperson"):
                for modifier, head in _two_word_pairs(name):
                    by_head[head].add(modifier)
        pairs = {(a, b) for modifiers in by_head.values() for a in modifiers for b in modifiers
                 if a != b and a.isalpha() and b.isalpha() and a.endswith(_RELATIONAL) and not b.endswith(_RELATIONAL)}
        for pair in pairs:
            support[pair] += 1
    organs = organ_nouns(concepts)
    out: dict[str, set[str]] = defaultdict(set)
    for (adjective, noun), count in support.items():
        if count >= _MIN_ADJECTIVE_SUPPORT and noun in organs:
            out[noun].add(adjective)
    return out


def organ_nouns(concepts: list[Concept]) -> set[str]:
    """The one-word body parts HPO has a grouping class for: X of "Abnormality of the X" and "Abnormal X
    morphology" (singular keys: "skin", "kidney", "mandible"), not qualities such as "small" or "impaired"."""
    out = set()
    for c in concepts:
        m = _ABNORMALITY_OF.match(c.label) or _ABNORMAL_MORPHOLOGY.match(c.label)
        x = (m.group("x") or m.groupdict().get("y") or "").lower() if m else ""
        if x.isalpha():
            out.add(singular(x))
    return out


def add_organ_adjective_phrasings(concepts: list[Concept], adjectives: dict[str, set[str]]) -> None:
    """Clinical writing names an organ's grouping class with the organ's adjective: "cutaneous abnormalities"
    (Abnormality of the skin), "renal anomalies", "hepatic malformation", "pulmonary manifestations". For each
    HPO "Abnormality of the X" (or "Abnormal X morphology" where no "Abnormality of the X" exists) with a one-word
    X, every adjective of X (`organ_adjectives`, `EXTRA_ORGAN_ADJECTIVES`) gets "ADJECTIVE abnormality/anomaly/
    malformation/defect" as a `related` term (the key folds plurals), and the system-level class also "ADJECTIVE
    manifestation"."""
    words = {w for c in concepts for t in c.terms for w in t.lower().split()}
    system_level: dict[str, Concept] = {}
    morphology: dict[str, Concept] = {}
    for c in concepts:
        if c.type != "SYMPTOM":
            continue
        m = _ABNORMALITY_OF.match(c.label)
        target = system_level
        if not m:
            m, target = _ABNORMAL_MORPHOLOGY.match(c.label), morphology
        x = (m.group("x") or m.groupdict().get("y") or "").lower() if m else ""
        if x.isalpha() or x in EXTRA_ORGAN_ADJECTIVES:
            target.setdefault(singular(x), c)
    for noun, c in {**morphology, **system_level}.items():
        system = system_level.get(noun) is c  # not a morphology class
        for adjective in sorted(adjectives.get(noun, set()) | set(_anatomy_adjectives(noun, words)) |
                                set(EXTRA_ORGAN_ADJECTIVES.get(noun, ()))):
            for finding in ORGAN_FINDING_NOUNS + (SYSTEM_FINDING_NOUNS if system else ()):
                c.add_term(f"{adjective} {finding}", "related")


def obo_concepts(path: Path, prefix: str, ctype: str, source: str,
                 parents: dict[str, list[str]] | None = None) -> tuple[list[Concept], str]:
    """Flat OBO reader (fastobo) for ontologies whose lineage pronto cannot close (MAxO imports COB terms).
    `parents`, when given, receives each term's is_a parents."""
    import fastobo

    doc = fastobo.load(gzip.open(path) if path.suffix == ".gz" else open(path, "rb"))
    version = ""
    for clause in doc.header:
        if clause.raw_tag() == "data-version":
            version = re.sub(r"^\w+/(releases/)?|/.*$", "", clause.raw_value())
    concepts = []
    scopes = {"EXACT": "exact", "RELATED": "related", "NARROW": "narrow"}
    for frame in doc:
        if not isinstance(frame, fastobo.term.TermFrame) or not str(frame.id).startswith(prefix + ":"):
            continue
        name, synonyms, xrefs, obsolete = None, [], [], False
        for clause in frame:
            if isinstance(clause, fastobo.term.NameClause):
                name = clause.name
            elif isinstance(clause, fastobo.term.IsObsoleteClause):
                obsolete = clause.obsolete
            elif isinstance(clause, fastobo.term.SynonymClause) and clause.synonym.scope in scopes:
                synonyms.append((clause.synonym.desc, scopes[clause.synonym.scope]))
            elif isinstance(clause, fastobo.term.XrefClause):
                xrefs.append(str(clause.xref.id))
            elif isinstance(clause, fastobo.term.IsAClause) and parents is not None:
                parents.setdefault(str(frame.id), []).append(str(clause.term))
        if obsolete or not name:
            continue
        concept = Concept(str(frame.id), ctype, name, f"{source} {version}".strip())
        concept.add_term(name, "label")
        for desc, kind in synonyms:
            concept.add_term(desc, kind)
        concept.xrefs.update(x.replace("MSH:", "MESH:").replace("UMLS_CUI:", "UMLS:") for x in xrefs
                             if x.startswith(("MESH:", "MSH:", "UMLS:", "UMLS_CUI:", "NCIT:")))
        concepts.append(concept)
    return concepts, version


def add_hp_xrefs_by_cui(concepts: list[Concept]) -> int:
    """A SYMP symptom whose UMLS concept (CUI) is exactly one HPO phenotype's gets that HP id: both ontologies
    cite UMLS, so a shared CUI is one concept ("rash", SYMP:0000487 = Skin rash, C0015230). Linking then gives such
    a mention the HPO id (`pipeline.vocab.linking.canonical`)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for c in concepts:
        if c.id.startswith("HP:") and c.type == "SYMPTOM":
            for x in c.xrefs:
                if x.startswith("UMLS:"):
                    owners[x].add(c.id)
    added = 0
    for c in concepts:
        if not c.id.startswith("SYMP:") or any(x.startswith("HP:") for x in c.xrefs):
            continue
        found = set().union(*(owners.get(x, set()) for x in c.xrefs if x.startswith("UMLS:")))
        if len(found) == 1:
            c.xrefs.update(found)
            added += 1
    return added


def add_hp_xrefs_from_table(concepts: list[Concept], path: Path) -> int:
    """The project's checked SYMP/MeSH → HPO equivalences (`vocab/symptom_equivalents.tsv`): the HP id becomes the
    concept's one HP xref (an xref found by name or CUI that disagrees gives way), so linking and assembly give such
    mentions the HPO id. An id the sources lack stops the build: the table must not rot silently."""
    by_id = {c.id: c for c in concepts}
    rows = read_overlay(path)
    for row in rows:
        concept, target = by_id.get(row["concept_id"]), by_id.get(row["hp_id"])
        if concept is None or target is None or not target.id.startswith("HP:"):
            raise SystemExit(f"{path.name}: unknown concept in {row['concept_id']} -> {row['hp_id']}")
        concept.xrefs = {x for x in concept.xrefs if not x.startswith("HP:")} | {target.id}
    return len(rows)


MAXO_DIAGNOSTIC = "MAXO:0000003"


def _ancestors(term: str, parents: dict[str, list[str]]) -> set[str]:
    seen, stack = set(), list(parents.get(term, ()))
    while stack:
        parent = stack.pop()
        if parent not in seen:
            seen.add(parent)
            stack.extend(parents.get(parent, ()))
    return seen


def mondo_concepts(lexicons: Path) -> tuple[dict[str, Concept], str]:
    path = sorted((lexicons / "mondo").glob("MONDO-ontology-*.json.gz"))[-1]
    version = path.name.removeprefix("MONDO-ontology-").removesuffix(".json.gz")
    data = json.load(gzip.open(path))
    concepts = {}
    for cid, entry in data.items():
        if not cid.startswith("MONDO:") or entry.get("deprecated"):
            continue
        if cid != MONDO_DISEASE_ROOT and MONDO_DISEASE_ROOT not in (entry.get("ancestors") or {}):
            continue
        concept = Concept(cid, "DISEASE", entry["label"], f"MONDO {version}")
        concept.ancestors = [a for a, depth in sorted((entry.get("ancestors") or {}).items(), key=lambda x: (x[1], x[0]))
                             if depth <= MAX_ANCESTOR_DEPTH and a not in MONDO_UPPER_CLASSES]
        concept.add_term(entry["label"], "label")
        for synonym in entry.get("synonyms") or []:
            concept.add_term(synonym, "exact")
        for term, kind in list(concept.terms.items()):
            uninverted = _uninvert(term) if ", " in term else None  # "dystonia, focal, task-specific"
            if uninverted:
                concept.add_term(uninverted, kind if kind != "label" else "exact")
        concepts[cid] = concept
    return concepts, version


def sssom_rows(lexicons: Path):
    for path in sorted((lexicons / "mondo").glob("mondo_exactmatch_*.sssom.tsv.gz")):
        lines = (line for line in _open_text(path) if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            prefix, _, local = row["object_id"].partition(":")
            yield row["subject_id"], f"{SSSOM_PREFIXES.get(prefix, prefix.upper())}:{local}", row.get("object_label") or ""


@dataclass
class MeshDescriptor:
    id: str
    name: str
    trees: list[str] = field(default_factory=list)
    terms: dict[str, str] = field(default_factory=dict)
    actions: list[str] = field(default_factory=list)


def mesh_descriptors(lexicons: Path) -> dict[str, MeshDescriptor]:
    mesh = lexicons / "mesh"
    descriptors: dict[str, MeshDescriptor] = {}
    for row in csv.DictReader(_open_text(mesh / "data_mesh_thesaurus.tsv.gz"), delimiter="\t"):
        d = descriptors.setdefault(row["DescriptorUI"], MeshDescriptor("MESH:" + row["DescriptorUI"], row["DescriptorName"]))
        term, tag = row["TermName"], row["LexicalTag"]
        if row["IsPermutedTermYN"] == "Y" or tag == "LAB":
            continue
        kind = "brand" if tag == "TRD" else "abbreviation" if tag in ("ABB", "ACR") else (
            "label" if row["RecordPreferredTermYN"] == "Y" else "entry")
        d.terms.setdefault(term, kind)
        uninverted = _uninvert(term)
        if uninverted:
            d.terms.setdefault(uninverted, kind)
    for row in csv.DictReader(_open_text(mesh / "data_mesh_trees.tsv.gz"), delimiter="\t"):
        if row["DescriptorUI"] in descriptors:
            descriptors[row["DescriptorUI"]].trees.append(row["tree_location"])
    for row in csv.DictReader(_open_text(mesh / "data_pharm_action.tsv.gz"), delimiter="\t"):
        if row["DescriptorUI"] in descriptors:
            descriptors[row["DescriptorUI"]].actions.append(row["PharmActionName"])
    return descriptors


def _mesh_branch(trees: list[str]) -> str | None:
    if any(t.startswith("C23.888") for t in trees):
        return "symptom"
    if any(t.startswith(("C", "F03")) for t in trees):
        return "disease"
    if any(t.startswith(("B03", "B04", "B01.300")) for t in trees):
        return "organism"  # bacteria, viruses, fungi: what infections and food poisoning are caused by
    if any(t.startswith("E01") for t in trees):
        return "diagnostic"
    if any(t.startswith(("E02", "E03", "E04")) for t in trees):
        return "therapeutic"
    if any(t.startswith("D") for t in trees):
        return "chemical"
    return None


def drug_mesh_owners(mesh: dict[str, MeshDescriptor], drugbank: list[Concept], keyer) -> dict[str, Concept]:
    """MeSH chemical descriptor UI → the DrugBank concept it joins (lends its MeSH id, entry terms and
    pharmacological actions to). The join is by name, in tiers, and a tier that finds several drugs joins none:
    0. the descriptor's name is the drug's name ("Propranolol"), even where an entry term names another drug
       ("Dexpropranolol");
    1. the same after key folding ("Amphetamines" = amphetamine);
    2. some entry term of the descriptor is the drug's name.
    A drug keeps only its best-tier descriptors: "Morphine" (D009020), not "Morphine Derivatives" (D009022, entry
    term "Morphines"), which stands alone as a class."""
    exact, keyed = defaultdict(list), defaultdict(list)
    for c in drugbank:
        exact[c.label.lower()].append(c)
        keyed[keyer(c.label)].append(c)
    proposals: dict[str, tuple[int, Concept]] = {}
    for ui, d in mesh.items():
        if _mesh_branch(d.trees) != "chemical":
            continue
        by_term = {id(c): c for t in d.terms for c in keyed.get(keyer(t), [])}
        for tier, owners in enumerate((exact.get(d.name.lower(), []), keyed.get(keyer(d.name), []),
                                       list(by_term.values()))):
            if owners:
                if len(owners) == 1:
                    proposals[ui] = (tier, owners[0])
                break
    best: dict[str, int] = {}
    for tier, owner in proposals.values():
        best[owner.id] = min(best.get(owner.id, tier), tier)
    return {ui: owner for ui, (tier, owner) in proposals.items() if tier == best[owner.id]}


# A food is named by a common word: "wheat", "apple" (zipf ≥ 3.5), unlike herbal remedies ("echinacea", "valerian").
MIN_FOOD_ZIPF = 3.5


def retype_foods(drugbank: list[Concept], structured: set[str], mesh: dict[str, MeshDescriptor], keyer) -> int:
    """DrugBank lists allergenic extracts under the food, plant or animal they come from ("Wheat", "Egg", "Rice",
    "Honey"). A DrugBank entry without a chemical structure, named by a common word that is a MeSH food (J02) or
    eukaryote (B01) name, becomes a CHEMICAL with branch `food`: "avoid wheat" names no treatment, "instead of
    wheat flour" no drug. Returns how many."""
    from wordfreq import zipf_frequency

    foods = {keyer(t) for d in mesh.values() if any(t.startswith(("J02", "B01")) for t in d.trees) for t in d.terms}
    changed = 0
    for c in drugbank:
        if c.id in structured or any(x.startswith("MESH:") for x in c.xrefs):
            continue
        if keyer(c.label) in foods and zipf_frequency(c.label.lower(), "en") >= MIN_FOOD_ZIPF:
            c.type, c.branch = "CHEMICAL", "food"
            changed += 1
    return changed


def drugbank_concepts(lexicons: Path) -> tuple[list[Concept], set[str]]:
    """DrugBank's drugs, and the ids of those with a chemical structure (a standard InChI key: small molecules)."""
    concepts, structured = [], set()
    for row in csv.DictReader(_open_text(lexicons / "drugbank" / "drugbank_open_vocabulary.csv.gz")):
        concept = Concept("DRUGBANK:" + row["DrugBank ID"], "DRUG", row["Common name"], "DrugBank open vocabulary")
        if (row.get("Standard InChI Key") or "").strip():
            structured.add(concept.id)
        concept.add_term(row["Common name"], "label")
        for synonym in (row["Synonyms"] or "").split(" | "):
            concept.add_term(synonym, "exact")
        if row.get("UNII"):
            concept.xrefs.add("UNII:" + row["UNII"])
        concepts.append(concept)
    return concepts, structured


# ---------------------------------------------------------------------------------------------- build

def read_overlay(path: Path) -> list[dict[str, str]]:
    lines = (line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
    return list(csv.DictReader(lines, delimiter="\t"))


def compile_vocabulary(lexicons: Path, project_vocab: Path) -> dict:
    keyer = Keyer()
    stoplist = {keyer(w) for w in (project_vocab / "stoplist.txt").read_text().split("\n") if w and not w.startswith("#")}
    stoplist |= {w for w in STOP_WORDS}

    def names_of(concept: Concept) -> set[str]:
        return {keyer(t) for t in concept.terms}

    log = lambda msg: print(f"vocab: {msg}", file=sys.stderr)  # noqa: E731
    hpo, hpo_version = hpo_concepts(lexicons / "hpo" / "hp.obo.gz")
    log(f"HPO {hpo_version}: {len(hpo)} concepts")
    mondo, mondo_version = mondo_concepts(lexicons)
    log(f"MONDO {mondo_version}: {len(mondo)} diseases")
    mesh = mesh_descriptors(lexicons)
    log(f"MeSH: {len(mesh)} descriptors")

    # MONDO xrefs, name-checked where the target's names are known.
    mondo_names = {cid: names_of(c) for cid, c in mondo.items()}
    mondo_label_owner = defaultdict(set)
    for cid, c in mondo.items():
        mondo_label_owner[keyer(c.label)].add(cid)
    doid_labels = {}
    for row in csv.DictReader(_open_text(lexicons / "doid" / "HumanDO_labels.tsv.gz"), delimiter="\t"):
        doid_labels[row["id"].strip('"')] = row["label"].strip('"')
    stats = defaultdict(int)
    mesh_candidates: dict[str, set[str]] = defaultdict(set)
    for subject, obj, obj_label in sssom_rows(lexicons):
        concept = mondo.get(subject)
        if concept is None:
            continue
        prefix = obj.split(":")[0]
        if prefix in NAME_CHECKED_PREFIXES:
            if prefix == "MESH":
                d = mesh.get(obj.split(":")[1])
                target_names = {keyer(t) for t in d.terms} if d else set()
            elif prefix == "DOID":
                target_names = {keyer(doid_labels.get(obj, ""))}
            else:
                target_names = {keyer(obj_label)}
            target_names.discard("")
            # Reject a mapping whose target is named like a *different* MONDO concept and not like this one
            # (a subtype or parent mapped by mistake). Unknown targets (MeSH supplementary records) are kept.
            named_elsewhere = {cid for k in target_names for cid in mondo_label_owner.get(k, ()) if cid != subject}
            if named_elsewhere and not target_names & mondo_names[subject]:
                stats[f"xref_rejected_{prefix}"] += 1
                continue
            if prefix == "MESH" and obj.split(":")[1] in mesh:
                mesh_candidates[obj.split(":")[1]].add(subject)  # owner chosen below, by name
                continue
        concept.xrefs.add(obj)

    # MeSH descriptors: lend terms to their MONDO/DrugBank owner, else stand alone.
    mondo_by_label = defaultdict(list)
    for cid, c in mondo.items():
        mondo_by_label[keyer(c.label)].append(cid)
    drugbank, structured_drugs = drugbank_concepts(lexicons)
    drug_owner = drug_mesh_owners(mesh, drugbank, keyer)
    concepts: list[Concept] = list(hpo) + list(drugbank)
    for ui, d in sorted(mesh.items()):
        branch = _mesh_branch(d.trees)
        if branch is None and ui in mesh_candidates:
            branch = "disease"  # a category descriptor without tree rows of its own ("Neoplasms") MONDO maps to
        if branch is None:
            continue
        if branch == "disease":
            owner_id = _mesh_disease_owner(d, mesh_candidates.get(ui, set()), mondo, mondo_by_label, keyer)
            if owner_id is not None:
                mondo[owner_id].xrefs.add(d.id)
                if owner_id not in mesh_candidates.get(ui, ()):
                    stats["mesh_attached_by_name"] += 1
            # another concept MONDO maps to the descriptor keeps the cross-reference (not the terms) when the
            # descriptor's name is one of its own names: "coronary artery disorder" (exact synonym "coronary
            # artery disease") beside the owner "coronary atherosclerosis"; not ADHD's inattentive subtype
            for cid in mesh_candidates.get(ui, ()):
                own = {keyer(t) for t, kind in mondo[cid].terms.items() if kind in ("label", "exact")}
                if cid != owner_id and keyer(d.name) in own:
                    mondo[cid].xrefs.add(d.id)
                    stats["mesh_xref_kept_beside_owner"] += 1
            if owner_id is not None:
                for term, kind in d.terms.items():
                    mondo[owner_id].add_term(term, "brand" if kind == "brand" else "entry")
                continue
            concept = Concept(d.id, "DISEASE", d.name, "MeSH 2024", branch="disease")
        elif branch == "symptom":
            concept = Concept(d.id, "SYMPTOM", d.name, "MeSH 2024", branch="symptom")
        elif branch in ("diagnostic", "therapeutic"):
            concept = Concept(d.id, "PROCEDURE", d.name, "MeSH 2024", branch=branch)
        elif branch == "organism":
            concept = Concept(d.id, "ORGANISM", d.name, "MeSH 2024", branch=branch)
        else:
            owner = drug_owner.get(ui)
            if owner is not None:
                owner.xrefs.add(d.id)
                owner.classes.update(d.actions)
                for term, kind in d.terms.items():
                    owner.add_term(term, kind if kind in ("brand", "abbreviation") else "entry")
                stats["mesh_joined_to_drugbank"] += 1
                continue
            is_drug = bool(d.actions) or any(t.startswith(("D26", "D27", "D06")) for t in d.trees)
            concept = Concept(d.id, "DRUG" if is_drug else "CHEMICAL", d.name, "MeSH 2024",
                              branch="drug_class" if any(t.startswith("D27") for t in d.trees) else "")
            concept.classes.update(d.actions)
        for term, kind in d.terms.items():
            concept.add_term(term, kind)
            binomial = _BINOMIAL.match(term) if concept.type == "ORGANISM" else None
            if binomial:  # "Escherichia coli" is written "E. coli"
                concept.add_term(f"{binomial.group(1)[0]}. {binomial.group(2)}", "related")
            if concept.branch == "drug_class":
                for phrasing in agent_class_phrasings(term):
                    concept.add_term(phrasing, "related")
        concepts.append(concept)
    stats["drugbank_foods_retyped"] = retype_foods(drugbank, structured_drugs, mesh, keyer)
    concepts.extend(mondo.values())

    maxo_parents: dict[str, list[str]] = {}
    maxo, maxo_version = obo_concepts(lexicons / "maxo" / "maxo-base.obo.gz", "MAXO", "PROCEDURE", "MAxO", maxo_parents)
    for c in maxo:
        # MAxO's "diagnostic procedure" subtree (platelet count, biopsy, MRI) is diagnostic, the rest therapeutic
        c.branch = "diagnostic" if MAXO_DIAGNOSTIC in _ancestors(c.id, maxo_parents) else "therapeutic"
        for name, kind in list(c.terms.items()):
            for phrasing in agent_class_phrasings(name) + therapist_phrasings(name):
                c.add_term(phrasing, "related")
    concepts.extend(maxo)
    symp, symp_version = obo_concepts(lexicons / "symp" / "symp.obo", "SYMP", "SYMPTOM", "SYMP")
    hpo_keys = {keyer(t) for c in hpo for t in c.terms}
    concepts.extend(c for c in symp if keyer(c.label) not in hpo_keys)
    log(f"MAxO {maxo_version}: {len(maxo)}; SYMP {symp_version}: {len(symp)}")

    for c in concepts:
        if c.type == "SYMPTOM":
            for name, kind in list(c.terms.items()):
                if kind in ("label", "exact", "layperson", "entry"):
                    for phrasing in lay_phrasings(name):
                        c.add_term(phrasing, "related")
    stats["hp_xrefs_added"] = add_hp_xrefs(concepts, keyer)
    stats["symp_hp_xrefs_by_cui"] = add_hp_xrefs_by_cui(concepts)
    stats["hp_xrefs_from_equivalents"] = add_hp_xrefs_from_table(concepts, project_vocab / "symptom_equivalents.tsv")
    stats["hpo_mesh_xrefs_added"] = add_mesh_xrefs_to_hpo(hpo, mesh, keyer)
    stats["hpo_mesh_xrefs_mirrored"] = mirror_mesh_symptom_xrefs(concepts)

    by_id = {c.id: c for c in concepts}
    for row in read_overlay(project_vocab / "overlay.tsv"):
        concept = by_id.get(row["concept_id"])
        if concept is None and row.get("type") and row.get("label"):
            concept = by_id[row["concept_id"]] = Concept(row["concept_id"], row["type"], row["label"], "project overlay",
                                                          branch="therapeutic" if row["type"] == "PROCEDURE" else "")
            concepts.append(concept)
        if concept is None:
            raise SystemExit(f"vocab/overlay.tsv: unknown concept {row['concept_id']} for {row['term']!r}")
        concept.add_term(row["term"], "overlay")

    return write_outputs(concepts, keyer, stoplist, project_vocab, stats, {
        "HPO": hpo_version, "MONDO": mondo_version, "MeSH": "2024", "MAxO": maxo_version, "SYMP": symp_version,
        "DrugBank": "open vocabulary (release not stated)"}, lexicons)


HP_XREF_KINDS = ("label", "exact", "layperson")


def add_hp_xrefs(concepts: list[Concept], keyer) -> int:
    """Give a disease or non-HPO symptom concept the HP id of the HPO phenotype it names.

    Many strings are both a disease (MONDO, MeSH) and a phenotype (HPO): "scoliosis", "ulcerative colitis",
    "basal cell carcinoma", "tumor". The matcher links such a mention to the disease concept; the HP xref lets
    phenotype consumers (and the HPO evaluation) see the phenotype too. Evidence, strongest first; the first
    tier that yields candidates decides, and a tier with several candidates only counts when it is the
    label tier or the candidates also share a UMLS CUI / MeSH descriptor with the concept:
    1. the concept's label key is an HPO label key;
    2. the concept's label key is an HPO label/exact/layperson synonym key;
    3. one of the concept's synonym keys is an HPO name key *and* the two share a UMLS CUI or MeSH id
       (MONDO's synonyms include old and related names: "adenoma sebaceum" for tuberous sclerosis).
    A shared UMLS CUI or MeSH id alone is not enough (HPO and MONDO often pick different CUIs for one idea,
    and MeSH descriptors are coarser than either).
    """
    hpo = [c for c in concepts if c.id.startswith("HP:") and c.type == "SYMPTOM"]
    label_owner: dict[str, set[str]] = defaultdict(set)
    name_owner: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, set[str]] = {}
    for c in hpo:
        label_owner[keyer(c.label)].add(c.id)
        for term, kind in c.terms.items():
            if kind in HP_XREF_KINDS:
                name_owner[keyer(term)].add(c.id)
                for variant in hpo_name_variants(term):  # "thumb abnormality" (kept `related`, see hpo_concepts)
                    name_owner[keyer(variant)].add(c.id)
        codes[c.id] = {x for x in c.xrefs if x.startswith(("UMLS:", "MESH:"))}
    added = 0
    for c in concepts:
        if c.id.startswith("HP:") or c.type not in ("DISEASE", "SYMPTOM"):
            continue
        label = keyer(c.label)
        names = {keyer(t) for t, kind in c.terms.items() if kind in ("label", "exact", "entry")} | {label}
        names.discard("")
        own_codes = {x for x in c.xrefs if x.startswith(("UMLS:", "MESH:"))} | (
            {c.id} if c.id.startswith("MESH:") else set())
        tiers = [
            label_owner.get(label, set()),
            name_owner.get(label, set()),
            {h for k in names for h in name_owner.get(k, ()) if codes[h] & own_codes},
        ]
        for rank, found in enumerate(tiers):
            if not found:
                continue
            if len(found) > 1 and rank == 1:
                found = {h for h in found if codes[h] & own_codes}
            if len(found) > 0:
                c.xrefs.update(found)
                added += 1
            break
    return added


def mirror_mesh_symptom_xrefs(concepts: list[Concept]) -> int:
    """A MeSH symptom that cross-references exactly one HPO phenotype lends that phenotype its MeSH id, when the
    phenotype has none: linking gives such a mention the HPO id (`pipeline.vocab.linking.canonical`), and the MeSH
    id must survive the hop (MeSH Confusion D003221 ↔ HPO Confusion)."""
    by_id = {c.id: c for c in concepts}
    mirrored = 0
    for c in concepts:
        if not c.id.startswith("MESH:"):
            continue
        target = canonical(c, by_id)
        if target is not c and not any(x.startswith("MESH:") for x in target.xrefs):
            target.xrefs.add(c.id)
            mirrored += 1
    return mirrored


def add_mesh_xrefs_to_hpo(hpo: list[Concept], mesh: dict[str, MeshDescriptor], keyer) -> int:
    """Give an HPO phenotype the MeSH disease/symptom descriptor (C, F03 trees) it names, when hp.obo has no MSH
    xref: "Atrial flutter" → D001282, "Seizure" → D012640. Evidence, first tier that yields exactly one
    descriptor wins: 1. the HPO label key is a descriptor's preferred-term key; 2. it is one of a descriptor's
    entry-term keys; 3. an HPO exact synonym key is a descriptor's preferred-term key. MeSH ids make mentions
    comparable with MeSH-normalised corpora and tools (BC5CDR, PubTator)."""
    preferred: dict[str, set[str]] = defaultdict(set)
    entry: dict[str, set[str]] = defaultdict(set)
    for d in mesh.values():
        if not any(t.startswith(("C", "F03")) for t in d.trees):
            continue
        for term, kind in d.terms.items():
            (preferred if kind == "label" else entry)[keyer(term)].add(d.id)
    added = 0
    for c in hpo:
        if c.type != "SYMPTOM" or any(x.startswith("MESH:") for x in c.xrefs):
            continue
        label = keyer(c.label)
        exact = {keyer(t) for t, kind in c.terms.items() if kind == "exact"} | {
            keyer(v) for v in hpo_name_variants(c.label)}  # "skin abnormality" (kept `related`, see hpo_concepts)
        tiers = [preferred.get(label, set()), entry.get(label, set()),
                 {m for k in exact for m in preferred.get(k, ())}]
        for found in tiers:
            if len(found) == 1:
                c.xrefs.update(found)
                added += 1
                break
            if found:
                break
    return added


def _mesh_disease_owner(d: MeshDescriptor, mapped: set[str], mondo, mondo_by_label, keyer) -> str | None:
    """The MONDO concept a MeSH disease descriptor belongs to: the SSSOM-mapped or same-named concept whose own
    label is one of the descriptor's terms wins over one that merely shares a synonym (the ADHD trap: MONDO's
    "inattentive type" subtype is mapped to MeSH's ADHD descriptor)."""
    descriptor_keys = {keyer(t) for t in d.terms}
    candidates = set(mapped) | {cid for k in descriptor_keys for cid in mondo_by_label.get(k, [])}
    if not candidates:
        return None

    def score(cid: str) -> tuple[int, int, str]:
        return (keyer(mondo[cid].label) in descriptor_keys, cid in mapped, cid)

    best = max(candidates, key=score)
    if not score(best)[0] and not score(best)[1]:
        return None
    if not score(best)[1] and len([c for c in candidates if score(c)[0]]) > 1:
        return None  # several same-named, unmapped concepts: ambiguous
    return best


_MIN_STEM = 4


_BINOMIAL = re.compile(r"^([A-Z][a-z]{3,}) ([a-z]{3,})$")
_AGENT_CLASS = re.compile(r"^(?P<x>[a-z][a-z -]*?) (?:agents?|drugs?)(?: therapy)?$", re.I)


def agent_class_phrasings(name: str) -> list[str]:
    """How health writing names a drug class: MeSH "Immunosuppressive Agents" and MAxO "muscle relaxant agent
    therapy" are said "immunosuppressive drugs/medications/medicines" and "muscle relaxants"."""
    m = _AGENT_CLASS.match(name)
    if not m or len(m.group("x").split()) > 3:
        return []
    x = m.group("x").lower()
    out = [f"{x} {noun}" for noun in ("drugs", "medications", "medicines", "agents")]
    if re.search(r"\b(with|of|for|treatment|therapy)\b", x):
        return []  # "treatment with antiviral agents" is not a class name
    if x.endswith(("ant", "ent", "or", "er")):  # "muscle relaxants"; not "streets", nor "hematopoietic(s)"
        out.append(f"{x}s")
    return out


def therapist_phrasings(name: str) -> list[str]:
    """"physical therapy" is named by who gives it: "a physical therapist", "occupational therapists"; a MAxO name
    with a trailing "procedure" is said without it: "chest X-ray procedure" = "chest X-ray"."""
    words = name.lower().split()
    if 2 <= len(words) <= 3 and words[-1] == "therapy" and all(w.isalpha() for w in words):
        return [" ".join(words[:-1] + ["therapist"])]
    if len(words) >= 3 and words[-1] == "procedure":
        return [name.rsplit(" ", 1)[0]]
    return []


def prefix_variants(key: str) -> set[str]:
    """The other spelling of a key with a bound prefix: "preauricular pit" ↔ "pre auricular pit" (what the
    runtime key of "pre-auricular pits" is), so both spellings in text match either spelling in a lexicon."""
    words = key.split(" ")
    split, joined = [], []
    for i, word in enumerate(words):
        prefix = next((p for p in JOINABLE_PREFIXES if word.startswith(p) and len(word) - len(p) >= _MIN_STEM), None)
        split.append(f"{prefix} {word[len(prefix):]}" if prefix else word)
    i = 0
    while i < len(words):
        if words[i] in JOINABLE_PREFIXES and i + 1 < len(words) and len(words[i + 1]) >= _MIN_STEM:
            joined.append(words[i] + words[i + 1])
            i += 2
        else:
            joined.append(words[i])
            i += 1
    return {v for v in (" ".join(split), " ".join(joined)) if v != key}


def _keep_term(term: str, kind: str) -> bool:
    if kind == "overlay":
        return True
    if len(term) > MAX_TERM_CHARS or len(term) < 3 or _IUPAC_LIKE.search(term):
        return False
    return True


def _write_gz_tsv(path: Path, header: list[str], rows) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows(rows)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buffer.getvalue().encode("utf-8"))


MIN_STRIPPED_KEY = 5


def write_outputs(concepts, keyer, stoplist, out: Path, stats, versions, lexicons: Path) -> dict:
    concepts = sorted(concepts, key=lambda c: c.id)
    term_rows = {}
    for c in concepts:
        for term, kind in c.terms.items():
            if not _keep_term(term, kind):
                continue
            if kind != "overlay" and term.islower() and term.upper() in c.terms:
                continue  # MONDO lists acronyms twice, "PALE" and "pale": the lower-case copy is an English word
            key = keyer(term)
            if not key or (key in stoplist and kind != "overlay"):
                continue
            variants = prefix_variants(key)
            stripped = keyer(drop_non_ascii_letters(term))  # MedQuAD's "Sjgren syndrome" (see normalize.py)
            if stripped != key and len(stripped) >= MIN_STRIPPED_KEY and stripped not in stoplist:
                variants = (*variants, stripped)
            for variant in (key, *variants):
                previous = term_rows.get((variant, c.id))
                # best kind, then the first term in sort order: the same file whatever order the terms came in
                if previous is None or (KIND_RANK[kind], term) < (KIND_RANK[previous[3]], previous[2]):
                    term_rows[(variant, c.id)] = (variant, c.id, term, kind)
    used = {cid for _, cid in term_rows}
    _write_gz_tsv(out / "concepts.tsv.gz", ["id", "type", "label", "source", "branch", "xrefs", "classes",
                                            "ancestors"], (
        (c.id, c.type, c.label, c.source, c.branch, "|".join(sorted(c.xrefs)), "|".join(sorted(c.classes)),
         "|".join(a for a in c.ancestors if a in used))
        for c in concepts if c.id in used))
    _write_gz_tsv(out / "terms.tsv.gz", ["key", "concept_id", "term", "kind"], sorted(term_rows.values()))
    by_type = defaultdict(int)
    for c in concepts:
        if c.id in used:
            by_type[c.type] += 1
    manifest = {
        "versions": versions,
        "concepts": len(used), "terms": len(term_rows), "concepts_by_type": dict(sorted(by_type.items())),
        "build_stats": dict(sorted(stats.items())),
        "inputs": {str(p.relative_to(lexicons)): _sha256(p) for p in sorted(lexicons.rglob("*"))
                   if p.is_file() and p.suffix in (".gz", ".obo") and "doid/subset" not in str(p)},
        "project_inputs": {name: _sha256(out / name) for name in ("overlay.tsv", "stoplist.txt")},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lexicons", type=Path, required=True, help="folder holding hpo/, mondo/, mesh/, ...")
    parser.add_argument("--out", type=Path, default=Path("vocab"))
    args = parser.parse_args(argv)
    if not (args.lexicons / "hpo" / "hp.obo.gz").exists():
        print(f"error: {args.lexicons} does not look like the lexicons folder (no hpo/hp.obo.gz)", file=sys.stderr)
        return 2
    manifest = compile_vocabulary(args.lexicons, args.out)
    print(f"vocab: {manifest['concepts']} concepts, {manifest['terms']} terms -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
