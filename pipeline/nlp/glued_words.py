"""Split words that a scrape glued together ("two newer medicineseltrombopag and romiplostimcan be used").

Some sources (MedQuAD among them) lost the dashes and spaces around asides, so a drug or finding name sticks to
its neighbour and no vocabulary term can match it. A lower-case token is split in two when
- the token itself is no word: no English word frequency (`wordfreq`) and no vocabulary key, and
- both parts are words: an English stop word ("and", "can", "that"), a common English word (Zipf frequency
  >= 3, about once per million words) or a vocabulary term of five letters or more, and the first part
  is no combining prefix, nor is the token a prefix plus a word ("poly" + "chondritis", "re" + "infused").
The split keeps the text byte for byte (spaCy's retokenizer), so every offset still points into the article.
"""


from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc
from wordfreq import zipf_frequency

from pipeline.vocab.normalize import normalize_token
from pipeline.vocab.store import DEFAULT_VOCAB_DIR, load_vocabulary

COMMON_WORD_ZIPF = 3.0
TERM_ZIPF = 4.0  # how strongly a vocabulary term counts as a word when ranking split points
COMBINING_PREFIXES = frozenset({"poly", "hyper", "hypo", "anti", "auto", "neuro", "micro", "macro", "mono", "multi",
                                "para", "peri", "pseudo", "post", "pre", "non", "over", "under", "inter", "intra",
                                "trans", "semi", "sub", "super", "ultra", "cardio", "hemo", "myo", "osteo", "endo",
                                "hemi", "uni", "bi", "tri", "re", "tele", "nano", "tran", "mega", "meta", "photo", "psycho", "retro", "counter", "self"})
MIN_GLUED_LENGTH = 8
MIN_TERM_LENGTH = 5


@Language.factory("disease_profiles_glued_words_v1", default_config={"vocab_dir": None})
def make_glued_words(nlp: Language, name: str, vocab_dir: Optional[str]):
    return GluedWordSplitter(Path(vocab_dir) if vocab_dir else DEFAULT_VOCAB_DIR)


class GluedWordSplitter:
    def __init__(self, vocab_dir: Path) -> None:
        self.vocabulary = load_vocabulary(vocab_dir)
        self._split = lru_cache(maxsize=65536)(self._find_split)

    def __call__(self, doc: Doc) -> Doc:
        splits = []
        for token in doc:
            text = token.text
            if len(text) >= MIN_GLUED_LENGTH and text.isalpha() and text.islower():
                at = self._split(text)
                if at:
                    splits.append((token, at))
        if splits:
            with doc.retokenize() as retokenizer:
                for token, at in splits:
                    retokenizer.split(token, [token.text[:at], token.text[at:]], heads=[(token, 0), (token, 0)])
        return doc

    def _is_term(self, word: str) -> bool:
        return len(word) >= MIN_TERM_LENGTH and bool(self.vocabulary.lookup(normalize_token(word)))

    def _word_score(self, word: str) -> float:
        """How surely `word` is a word on its own: its Zipf frequency, a vocabulary term's TERM_ZIPF, 0 if neither."""
        frequency = zipf_frequency(word, "en")
        if self._is_term(word):
            frequency = max(frequency, TERM_ZIPF)
        return frequency if frequency >= COMMON_WORD_ZIPF or word in STOP_WORDS else 0.0

    def _find_split(self, text: str) -> int:
        """The split point (0: leave the token alone): the one whose weaker part is the most common word."""
        if zipf_frequency(text, "en") > 0 or self.vocabulary.lookup(normalize_token(text)):
            return 0
        if any(text.startswith(p) and self._word_score(text[len(p):]) for p in COMBINING_PREFIXES):
            return 0  # a prefixed word: "reinfused" is no "rein" + "fused"
        best, best_score = 0, 0.0
        for at in range(2, len(text)):
            left, right = text[:at], text[at:]
            short = left if len(left) < 3 else right
            if min(len(left), len(right)) < 3 and not (short in STOP_WORDS and (len(short) == 2 or short == right and
                                                                                self._word_score(left) >= 3.5)):
                continue  # "diabetesis" = "diabetes" + "is"; a lone "a" only after a common word ("syndromea")
            if left in COMBINING_PREFIXES:
                continue
            score = min(self._word_score(left), self._word_score(right))
            if score and (left in STOP_WORDS or right in STOP_WORDS):
                score += 1.0  # a function word is what most often lost its space ("beverages in", not "beverage sin")
            if score > best_score:
                best, best_score = at, score
        return best
