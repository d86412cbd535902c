"""Property: every evidence span and mention indexes the article text exactly, whatever the text looks like."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.assemble.profile import build_profile
from pipeline.ingest import article_from_text
from pipeline.nlp.records import doc_to_records

PHRASES = ["Seizures", "nystagmus", "opsoclonus-myoclonus syndrome (OMS)", "OMS", "prednisone (Deltasone)",
           "Treatment", "Symptoms", "about 4 percent of children", "1 in 100,000 people", "is caused by a virus",
           "  • Azathioprine (Imuran) - suppresses", "Sjögren syndrome", "ataxia, and dysarthria.", "© 2020 Site",
           "Updated June 09, 2014", "no one yet knows", "It is also known as Kinsbourne syndrome.", "\n", "\n\n",
           "ACTH", "tumor removal often does not help", "Other treatments are:", "–", "“quoted”", "café au lait"]

texts = st.lists(st.one_of(st.sampled_from(PHRASES), st.text(string.ascii_letters + " .,()-\n", max_size=30)),
                 min_size=1, max_size=25).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_offsets_always_index_the_text(nlp, text):
    if not text.strip():
        return
    article = article_from_text(text, doc_id="prop", path="prop.txt", fmt="txt", sha256="0" * 64)
    profile = build_profile(article, doc_to_records(nlp(text)), "prop.txt", "0" * 64)
    for evidence in profile.evidence_spans():
        assert text[evidence.start:evidence.end] == evidence.text
    for mention in profile.mentions:
        assert text[mention.start:mention.end] == mention.text


def test_oms_offsets(oms):
    article, profile, _ = oms
    spans = list(profile.evidence_spans())
    assert len(spans) > 40
    for evidence in spans:
        assert article.text[evidence.start:evidence.end] == evidence.text
