"""Slow end-to-end runs over the shared dev articles (skipped when ../shared is not beside the checkout)."""

import json

import pytest

from pipeline.cli import main
from schemas.profile import DiseaseProfile
from tests.conftest import ROOT

DEV = ROOT.parent / "shared" / "data" / "articles" / "dev"


@pytest.mark.slow
@pytest.mark.skipif(not DEV.exists(), reason="shared dev articles not available")
def test_all_dev_articles_run_and_every_offset_holds(tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(DEV), "--out", str(out), "--no-progress"]) == 0
    profiles = sorted((out / "profiles").glob("*.json"))
    assert len(profiles) == len(list(DEV.glob("*.txt")))
    for path in profiles:
        data = json.loads(path.read_text())
        text = (ROOT / data["source"]["text_path"]).read_text(encoding="utf-8") if not data["source"]["text_path"].startswith("/") \
            else open(data["source"]["text_path"], encoding="utf-8").read()
        DiseaseProfile.model_validate(data, context={"text": text})
        assert data["disease"]["concept_id"], path.name
