"""The scispacy tokenizer as a registered, config-addressable spaCy tokenizer.

scispacy ships `combined_rule_tokenizer` as a plain function; registering it lets `configs/pipeline.cfg` name it,
and the vocabulary build (`pipeline.vocab.compile`) uses the very same tokenizer so compiled keys match runtime keys.
"""

from __future__ import annotations

import warnings

import spacy
from scispacy.custom_tokenizer import combined_rule_tokenizer
from spacy.language import Language


# scispacy's infix pattern trips a FutureWarning in Python's re on every tokenizer build; it is harmless.
warnings.filterwarnings("ignore", message="Possible set union", category=FutureWarning)


@spacy.registry.tokenizers("disease_profiles.scispacy_tokenizer.v1")
def create_scispacy_tokenizer():
    def make_tokenizer(nlp: Language):
        # scispacy reads token_match/url_match off the default tokenizer, which does not exist yet here.
        nlp.tokenizer = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        return combined_rule_tokenizer(nlp)

    return make_tokenizer


def blank_tokenizing_nlp() -> Language:
    """A blank English pipeline with the scispacy tokenizer and nothing else (vocabulary build, floors)."""
    nlp = spacy.blank("en")
    nlp.tokenizer = combined_rule_tokenizer(nlp)
    return nlp
