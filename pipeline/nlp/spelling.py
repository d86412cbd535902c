"""Read a misspelt term as the term it misspells ("antiobiotics" → antibiotics, "famcyclovir" → famciclovir).

A lower-case (or capitalised, sentence-initial) word of eight letters or more that is neither an English word
(`wordfreq`) nor a vocabulary key nor a word of one is compared (RapidFuzz, optimal string alignment: a swap of two
neighbouring letters is one edit, "Antibiotcis") with the vocabulary's one-word keys of similar length. When
exactly one key is one edit away, and the edit is not in the word's first or last two letters, the token's
`_.spelling` holds that key and the vocabulary matcher matches it instead of the text; the mention's method says
`+spelling`. The text itself is never changed, so offsets still point into the article.
"""

from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Optional

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein
from spacy.language import Language
from spacy.tokens import Doc, Token
from wordfreq import zipf_frequency

from pipeline.vocab.normalize import normalize_token
from pipeline.vocab.store import DEFAULT_VOCAB_DIR, load_vocabulary

MIN_MISSPELT_LENGTH = 8
SPELLING_TYPES = frozenset({"SYMPTOM", "DISEASE", "DRUG", "PROCEDURE"})

if not Token.has_extension("spelling"):
    Token.set_extension("spelling", default=None)


@Language.factory("disease_profiles_spelling_v1", default_config={"vocab_dir": None})
def make_spelling(nlp: Language, name: str, vocab_dir: Optional[str]):
    return SpellingReader(Path(vocab_dir) if vocab_dir else DEFAULT_VOCAB_DIR)


def _inside_edit(word: str, term: str) -> bool:
    """The edit is inside the word: a changed first two or last two letters changes the word itself
    ("dermatoglyphic" is no "adermatoglyphia", a "thoracoscope" no "thoracoscopy", "sclerosus" no "sclerosis")."""
    return all(2 <= op.src_pos <= len(word) - 3 for op in Levenshtein.editops(word, term))


class SpellingReader:
    def __init__(self, vocab_dir: Path) -> None:
        self.vocabulary = load_vocabulary(vocab_dir)
        self._keys_by_length: dict[int, list[str]] | None = None  # built on the first unknown word
        self._term_words: set[str] = set()
        self._choices: dict[int, list[str]] = {}
        self._correct = lru_cache(maxsize=65536)(self._find_key)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            text = token.text
            if len(text) >= MIN_MISSPELT_LENGTH and text.isalpha() and (text.islower() or text[1:].islower()):
                key = self._correct(text.lower())
                if key:
                    token._.spelling = key
        return doc

    def _find_key(self, text: str) -> str | None:
        key = normalize_token(text)
        if len(key) < MIN_MISSPELT_LENGTH or self.vocabulary.lookup(key) or zipf_frequency(text, "en") > 0 or zipf_frequency(key, "en") > 0:
            return None
        if self._keys_by_length is None:
            self._keys_by_length, self._term_words = self._read_keys()
        if key in self._term_words:  # a word of a longer term is no typo ("microsomia" of "hemifacial microsomia")
            return None
        choices = self._choices.get(len(key))
        if choices is None:  # the keys one letter shorter, as long and one letter longer, gathered once per length
            choices = self._choices[len(key)] = [k for n in (len(key) - 1, len(key), len(key) + 1)
                                                 for k in self._keys_by_length.get(n, ())]
        found = [match for match in process.extract(key, choices, scorer=OSA.distance, score_cutoff=1, limit=3)
                 if _inside_edit(key, match[0])]
        concepts = {c.concept.id for match in found for c in self.vocabulary.lookup(match[0])}
        if len(found) == 1 or len(found) == 2 and len(concepts) == 1:
            return found[0][0]
        return None  # none, or two different terms one edit away: no safe reading

    def _read_keys(self) -> tuple[dict[int, list[str]], set[str]]:
        """One pass over the vocabulary: the one-word keys a typo may stand for, by length, and the words of the
        multi-word keys."""
        by_length: dict[int, list[str]] = defaultdict(list)
        term_words: set[str] = set()
        for key, candidates in self.vocabulary.index.items():
            if " " in key:
                term_words.update(w for w in key.split(" ") if len(w) >= MIN_MISSPELT_LENGTH)
            elif key.isalpha() and len(key) >= MIN_MISSPELT_LENGTH - 1 and any(
                    c.concept.type in SPELLING_TYPES and c.kind != "brand" for c in candidates):  # brands are short coinages
                by_length[len(key)].append(key)
        return dict(by_length), term_words
