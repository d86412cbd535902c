"""The pipeline fingerprint: one hash of everything that decides what a profile contains.

An article is re-processed when its input bytes (`Source.sha256`) or this fingerprint change. It covers the
package version, the schema version, the code (`pipeline/`, `schemas/`), the spaCy configs and rules
(`configs/`), the compiled vocabulary and any packaged model's files under `models/`.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pipeline import __version__

REPO = Path(__file__).resolve().parents[1]
_INPUT_GLOBS = ("pipeline/**/*.py", "schemas/*.py", "configs/*", "vocab/*.tsv.gz", "vocab/*.tsv", "vocab/*.txt",
                "vocab/manifest.json", "models/**/*")
_NOT_RUNTIME = ("pipeline/evaluation/", "pipeline/training/")  # measuring and training code never shapes a profile


@lru_cache(maxsize=4)
def pipeline_fingerprint(config: str | None = None) -> str:
    """`config`: a pipeline config other than configs/pipeline.cfg (its bytes count too)."""
    from schemas.profile import SCHEMA_VERSION

    digest = hashlib.sha256(f"disease-profiles {__version__} schema {SCHEMA_VERSION}\n".encode())
    if config:
        digest.update(b"config\0" + Path(config).read_bytes())
    files = sorted({p for pattern in _INPUT_GLOBS for p in REPO.glob(pattern) if p.is_file()})
    for path in files:
        relative = path.relative_to(REPO).as_posix()
        if relative.startswith(_NOT_RUNTIME) or "__pycache__" in relative or "/." in f"/{relative}":
            continue
        digest.update(relative.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()
