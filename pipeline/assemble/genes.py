"""Genes named in an article: "mutations in the MECP2 gene", "the TREX1, RNASEH2A and SAMHD1 genes".

A symbol counts only when it is a known disease gene (`vocab/genes.tsv`, HGNC symbols → NCBI Gene ids) written as
such (case-sensitive) in a sentence that speaks of a gene. Short symbols that double as common abbreviations
("CAD", "AR") therefore need the word "gene" next to them, not just somewhere in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.vocab.genes import load_genes

_SYMBOL = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]{1,9}(?:-[A-Z0-9]{1,6})?(?![\w-])")
_GENE_WORD = re.compile(r"\bgenes?\b", re.I)
# "the X gene", "X and Y genes", "gene called X", "X, Y, and Z genes"
_NEXT_TO_GENE = re.compile(r"^(?:\s*(?:,|and|or|,\s*and|,\s*or)\s*[A-Z][A-Z0-9-]{1,15})*\s+genes?\b")
_AFTER_GENE = re.compile(r"\bgenes?\s+(?:called|named|known as)?\s*$")
_SHORT = 3


@dataclass(frozen=True)
class GeneMention:
    symbol: str
    concept_id: str
    start: int
    end: int


def find_genes(text: str, start: int, end: int) -> list[GeneMention]:
    """Gene symbols in text[start:end] (one sentence)."""
    sentence = text[start:end]
    if not _GENE_WORD.search(sentence):
        return []
    genes = load_genes()
    found = []
    for match in _SYMBOL.finditer(sentence):
        symbol = match.group(0)
        concept_id = genes.get(symbol)
        if concept_id is None:
            continue
        near = bool(_NEXT_TO_GENE.match(sentence[match.end():])) or bool(_AFTER_GENE.search(sentence[:match.start()]))
        if len(symbol) <= _SHORT and not near:
            continue
        if not near and not re.search(r"\bgenes?\b", sentence[max(0, match.start() - 60):match.end() + 60], re.I):
            continue
        found.append(GeneMention(symbol, concept_id, start + match.start(), start + match.end()))
    return found
