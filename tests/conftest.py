import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OMS = ROOT / "raw" / "opsoclonus-myoclonus-syndrome.txt"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp.build import load_nlp

    return load_nlp()


def profile_of(path: Path, nlp):
    from pipeline.assemble.profile import build_profile
    from pipeline.ingest import iter_articles
    from pipeline.nlp.records import doc_to_records

    article = next(iter_articles([path]))
    return article, build_profile(article, doc_to_records(nlp(article.text)), article.path, article.sha256)


@pytest.fixture(scope="session")
def oms(nlp):
    article, profile = profile_of(OMS, nlp)
    return article, profile, json.loads(profile.model_dump_json())
