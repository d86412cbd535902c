"""Build the NLP pipeline from `configs/pipeline.cfg`, once per process."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import pipeline.nlp.components  # noqa: F401  (registers the factories)
import pipeline.nlp.glued_words  # noqa: F401  (registers the glued-word splitter)
import pipeline.nlp.phenotypes  # noqa: F401  (registers the phenotype reading)
import pipeline.nlp.spelling  # noqa: F401  (registers the misspelling reader)
import pipeline.nlp.tokenizer  # noqa: F401  (registers the tokenizer)
import scispacy.abbreviation  # noqa: F401  (registers abbreviation_detector)

DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "configs" / "pipeline.cfg"


def load_nlp(config_path: str | Path | None = None) -> Language:
    """The pipeline of `config_path` (default configs/pipeline.cfg), built once per process and config."""
    return _load(str(Path(config_path or DEFAULT_CONFIG).resolve()))


@lru_cache(maxsize=2)
def _load(config_path: str) -> Language:
    import pipeline.nlp.ner  # noqa: F401  (registers the model NER factory, for configs that use it)

    config = spacy.util.load_config(config_path)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
