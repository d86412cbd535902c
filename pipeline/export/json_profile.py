"""`output/profiles/<doc_id>.json`: one validated DiseaseProfile per article, exactly the pydantic model's JSON
(`schemas/disease_profile.schema.json`); `output/profiles.jsonl`: the same documents, one per line, in input order.
`output/texts/<doc_id>.txt`: for HTML, XML, JSON and JSONL inputs, the extracted text the profile's offsets index into."""

from __future__ import annotations

from pathlib import Path

from pipeline.export.atomic import atomic_write_text
from schemas.profile import DiseaseProfile


def profile_json(profile: DiseaseProfile) -> str:
    return profile.model_dump_json(indent=2) + "\n"


def write_profile(profile: DiseaseProfile, out_dir: Path) -> Path:
    path = out_dir / "profiles" / f"{profile.source.doc_id}.json"
    atomic_write_text(path, profile_json(profile))
    return path


def write_article_text(text: str, out_dir: Path, doc_id: str) -> Path:
    path = out_dir / "texts" / f"{doc_id}.txt"
    atomic_write_text(path, text)
    return path
