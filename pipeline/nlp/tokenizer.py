"""The scispacy tokenizer as a registered, config-addressable spaCy tokenizer.

scispacy ships `combined_rule_tokenizer` as a plain function; registering it lets `configs/pipeline.cfg` name it,
and the vocabulary build (`pipeline.vocab.compile`) uses the very same tokenizer so compiled keys match runtime keys.
"""

from __future__ import annotations

import re
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
        return project_tokenizer(nlp)

    return make_tokenizer


# Lists written without spaces ("Anemia;Reticulocytosis;Hyperbilirubinemia", "improves steatorrhea.;Hepatic") glue
# their items into one token under scispacy's rules: a semicolon (with a full stop before it) is split off wherever
# it stands.
_SEMICOLON_INFIX = r"\.?;"


def project_tokenizer(nlp: Language):
    """scispacy's combined rule tokenizer, plus `_SEMICOLON_INFIX`."""
    tokenizer = combined_rule_tokenizer(nlp)
    infixes = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile(f"{infixes}|{_SEMICOLON_INFIX}").finditer
    return tokenizer


def blank_tokenizing_nlp() -> Language:
    """A blank English pipeline with the scispacy tokenizer and nothing else (vocabulary build, floors)."""
    nlp = spacy.blank("en")
    nlp.tokenizer = project_tokenizer(nlp)
    return nlp
