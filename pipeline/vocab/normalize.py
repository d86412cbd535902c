"""Matching keys: the one normalisation shared by the vocabulary build and the runtime matcher.

A key is the space-joined sequence of normalised tokens of a term, tokenised by the same scispacy
tokenizer the runtime uses, so a compiled key and a key read off a Doc agree by construction.

Rules (why): accents are folded ("Sjögren" = "Sjogren"); hyphens, slashes and possessive "'s" are dropped
("opsoclonus-myoclonus" = "opsoclonus myoclonus", "Wilson's disease" = "Wilson disease"); British "ae"/"oe"
spellings fold to "e" ("naevus" = "nevus", "oedema" = "edema"); plurals are
folded with a small English rule plus the Latin/Greek plurals of medical writing ("-ae", "-omas", "-omata",
"-yses", "-oses" and a short list such as "phalanges", "nares", "tibiae": "fistulae" = "fistula", "hamartomas" =
"hamartoma", "diaphyses" = "diaphysis"), hyphenated tokens are split ("seizures" = "seizure",
"therapies" = "therapy"); a one-letter part of a hyphenated word is upper-cased ("x-ray" = "X-Ray"); the article
"the" is dropped; short all-capital
tokens keep their case (abbreviations such as "OMS", "ACTH", "AIDS" must not match ordinary words).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Bound prefixes written solid or hyphenated ("preauricular" / "pre-auricular"), and the ones a coordination can
# share a stem across ("hypo- and hyperpigmentation").
JOINABLE_PREFIXES = ("pre", "post", "hypo", "hyper", "micro", "macro", "peri", "intra", "inter", "sub", "supra",
                     "para", "pseudo", "poly", "hemi", "retro", "non", "anti", "multi")
DROPPED_TOKENS = frozenset({"-", "–", "—", "/", "'s", "’s", "'", "’", "\"", "“", "”"})
ABBREVIATION_MAX_LEN = 5
# Endings where a final "s" is not a plural (virus, diagnosis, analysis, illness, nervous...).
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ys", "as", "os")
_ADVERBS_IN_YS = frozenset({"always", "nowadays", "sideways", "anyways", "someways"})
_SINGULAR_IN_AS = frozenset({"pancreas", "whereas", "canvas", "christmas", "arkansas", "kansas", "douglas"})


def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def drop_non_ascii_letters(text: str) -> str:
    """The text as MedQuAD's extraction left it: accented Latin letters deleted ("Sjögren" → "Sjgren", "Ménière" →
    "Mnire"), so that a vocabulary can carry that spelling as a key too. Greek letters stay: "β-thalassemia"
    without its β would be another disease."""
    return "".join(ch for ch in text if ch.isascii() or not _is_accented_latin(ch))


def _is_accented_latin(ch: str) -> bool:
    base = unicodedata.normalize("NFKD", ch)[:1]
    return ch.isalpha() and base != ch and base.isascii()


# Latin, Greek and English plurals of anatomy no suffix rule can fold ("bowed tibiae" = "bowed tibia", "feet").
_IRREGULAR_PLURALS = {"tibiae": "tibia", "phalanges": "phalanx", "nares": "naris", "testes": "testis",
                      "foramina": "foramen", "femora": "femur", "ganglia": "ganglion", "diverticula": "diverticulum",
                      "nevi": "nevus", "naevi": "naevus", "gyri": "gyrus", "sulci": "sulcus", "nuclei": "nucleus",
                      "bronchi": "bronchus", "radii": "radius", "humeri": "humerus", "calcanei": "calcaneus",
                      "meninges": "meninx", "cortices": "cortex", "apices": "apex", "halluces": "hallux",
                      "pollices": "pollex", "digiti": "digitus", "labia": "labium",
                      "feet": "foot", "teeth": "tooth", "calves": "calf"}
# "-oses" is the plural of "-osis" ("stenoses", "exostoses"), except in these English words.
_OSES_NOT_OSIS = ("poses", "doses", "closes")


def singular(word: str) -> str:
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if len(word) > 5 and word.endswith("yses"):  # diaphyses, epiphyses, paralyses
        return word[:-2] + "is"
    if len(word) >= 8 and word.endswith("oses") and not word.endswith(_OSES_NOT_OSIS):  # stenoses, synostoses
        return word[:-2] + "is"
    if len(word) > 5 and word.endswith("omata"):  # Greek plural: carcinomata, xanthomata
        return word[:-2]
    if len(word) > 5 and word.endswith("ae") and not word.endswith(("iae", "zae")):  # fistulae, vertebrae, bullae
        # (not species epithets: "pneumoniae", "influenzae")
        return word[:-1]
    if len(word) > 4 and word.endswith(("omas", "emas")) or len(word) > 5 and word.endswith("ias"):
        return word[:-1]  # neuromas, edemas, hernias, dysplasias (not the "as" of "pancreas")
    if len(word) >= 4 and word.endswith(("ays", "eys", "oys", "uys")) and word not in _ADVERBS_IN_YS:
        return word[:-1]  # kidneys, delays, x-rays, airways (not "always")
    if len(word) > 5 and word.endswith("as") and word not in _SINGULAR_IN_AS:
        return word[:-1]  # fistulas, corneas, retinas, aortas, ulnas (not "pancreas")
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_NOT_PLURAL_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "viruses")):  # "viruses" = "virus"
        return word[:-2]
    return word[:-1]


_INNER_SEPARATORS = re.compile(r"(?<=\w)[-/–](?=\w)")


@lru_cache(maxsize=200_000)
def normalize_token(token: str) -> str:
    """The key form of one token ("" when dropped); a hyphenated token yields its parts ("deficit hyperactivity")."""
    if token in DROPPED_TOKENS:
        return ""
    if _INNER_SEPARATORS.search(token):
        # a one-letter part of a compound is a letter symbol, written either case: "x-ray" = "X-Ray", "b-cell"
        return " ".join(_normalize_word(part.upper() if len(part) == 1 and part.isalpha() else part)
                        for part in _INNER_SEPARATORS.split(token) if part)
    return _normalize_word(token)


def _normalize_word(token: str) -> str:
    if token.lower() == "the":  # "calcification of the falx cerebri" = HPO "Calcification of falx cerebri"
        return ""
    folded = fold_accents(token)
    if folded.isupper() and len(folded) <= ABBREVIATION_MAX_LEN and any(c.isalpha() for c in folded):
        return folded
    if len(folded) == 1 and folded.isalpha() and folded not in "ai":
        return folded.upper()  # a letter symbol standing alone, either case: "chest x ray" = "chest X-ray"
    word = singular(folded.lower())
    word = _CLIPPED.get(word, word)
    return _BRITISH_DIGRAPH.sub("e", word) if len(word) >= 5 else word


# clipped words key like the full ones: "digital rectal exam" = MeSH "Digital Rectal Examination"
_CLIPPED = {"exam": "examination"}


# British spellings of Greek/Latin "ae"/"oe" ("naevus", "haemorrhage", "oedema", "diarrhoea", "coeliac") key like
# the American ones; applied after the plural fold ("vertebrae" stays "vertebra").
_BRITISH_DIGRAPH = re.compile(r"(?<=[a-z])ae(?=[a-z])|^ae(?=[rt])|oe(?=[a-z])")


def key_of_tokens(tokens) -> str:
    return " ".join(n for n in (normalize_token(t) for t in tokens) if n)
