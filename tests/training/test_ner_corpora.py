"""Fast tests (no training) for the NER corpus readers, alignment counts and the packaged NER model."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.vocab import Vocab

from pipeline.training.corpora import (
    BC5CDR_TYPES,
    BIORED_TYPES,
    AlignStats,
    iob_docs,
    normalise_iob,
    pubtator_docs,
    read_iob,
    read_pubtator,
)

ROOT = Path(__file__).resolve().parents[2]
CORPORA = Path(os.environ.get("CORPORA", ROOT.parent / "shared" / "data" / "corpora"))
MODEL = ROOT / "models" / "ner_bc5cdr"

pytestmark = pytest.mark.filterwarnings("ignore:Possible set union:FutureWarning")

PUBTATOR = (
    "100|t|Cisplatin-induced nephrotoxicity in rats.\n"
    "100|a|Tachycardia/bradycardia and hypotension followed 5-fluorouracil (5-FU) and TP53 loss.\n"
    "100\t0\t9\tCisplatin\tChemical\tD002945\n"
    "100\t18\t32\tnephrotoxicity\tDisease\tD007674\n"
    "100\t42\t53\tTachycardia\tDisease\tD013610\n"
    "100\t54\t65\tbradycardia\tDisease\tD001919\n"
    "100\t70\t81\thypotension\tDisease\tD007022\n"
    "100\t91\t105\t5-fluorouracil\tChemical\tD005472\n"
    "100\t107\t111\t5-FU\tChemical\tD005472\n"
    "100\t117\t121\tTP53\tGene\t7157\n"
    "100\tCID\tD005472\tD007022\n"
    "\n"
    "200|t|No entities here.\n"
    "200|a|\n"
)


@pytest.fixture(scope="module")
def tok_nlp():
    from pipeline.nlp.tokenizer import blank_tokenizing_nlp

    return blank_tokenizing_nlp()


@pytest.fixture()
def pubtator_file(tmp_path: Path) -> Path:
    p = tmp_path / "tiny.PubTator"
    p.write_text(PUBTATOR, encoding="utf-8")
    return p


def test_pubtator_reader_offsets_round_trip(pubtator_file: Path):
    docs = read_pubtator(pubtator_file)
    assert [d.pmid for d in docs] == ["100", "200"]
    d = docs[0]
    assert len(d.mentions) == 8  # relation line skipped
    for m in d.mentions:
        assert d.text[m.start : m.end] == m.text
    assert docs[1].text == "No entities here."


def test_alignment_counts(pubtator_file: Path, tok_nlp):
    stats = AlignStats()
    doc = pubtator_docs(tok_nlp, read_pubtator(pubtator_file)[:1], BC5CDR_TYPES, stats)[0]
    assert stats.mentions == 7 and stats.ignored_types == 1  # the Gene mention is not ours
    assert stats.exact + stats.expanded + stats.failed == stats.mentions
    assert stats.failed == 0 and stats.text_mismatch == 0
    # "Cisplatin" sits inside the token "Cisplatin-induced"; the two diseases share "Tachycardia/bradycardia".
    assert stats.expanded >= 3
    assert stats.merged == 1
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Cisplatin-induced", "CHEMICAL") in ents
    assert ("nephrotoxicity", "DISEASE") in ents
    assert ("hypotension", "DISEASE") in ents
    assert ("5-fluorouracil", "CHEMICAL") in ents
    assert len(doc.ents) == len(ents)


def test_iob_reader(tmp_path: Path):
    p = tmp_path / "t.tsv"
    p.write_text("Famotidine\tB-Chemical\n-\tO\nassociated\tO\ndelirium\tB-Disease\n\n"
                 "heart\tI-Disease\nfailure\tI-Disease\n.\tO\n")
    sents = read_iob(p)
    assert [len(s) for s in sents] == [4, 3]
    docs = iob_docs(Vocab(), p)
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Famotidine", "CHEMICAL"), ("delirium", "DISEASE")]
    # an I- tag that starts an entity is repaired to B-
    assert [(e.text, e.label_) for e in docs[1].ents] == [("heart failure", "DISEASE")]
    assert [t.text for t in docs[0]] == ["Famotidine", "-", "associated", "delirium"]


def test_normalise_iob_maps_and_drops_types():
    tags = normalise_iob(["B-Chemical", "I-Chemical", "I-Disease", "B-Gene", "I-Gene", "O"],
                         {"Chemical": "CHEMICAL", "Disease": "DISEASE"})
    assert tags == ["B-CHEMICAL", "I-CHEMICAL", "B-DISEASE", "O", "O", "O"]


@pytest.mark.skipif(not (CORPORA / "BC5CDR-pubtator").is_dir(), reason="shared corpora not present")
def test_real_bc5cdr_alignment(tok_nlp):
    from pipeline.training.corpora import load_set

    stats = AlignStats()
    docs = load_set("bc5cdr_train", CORPORA, tok_nlp, stats)
    assert len(docs) == 500
    assert stats.mentions == 9383 and stats.failed == 0 and stats.text_mismatch == 0
    assert stats.exact + stats.expanded == stats.mentions
    assert stats.expanded / stats.mentions < 0.12
    test = read_pubtator(CORPORA / "BioRED/Test.PubTator")
    assert sum(1 for d in test for m in d.mentions if m.type in BIORED_TYPES) == 754 + 917


@pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="models/ner_bc5cdr not built (make train-ner)")
def test_packaged_model_tags_chemical_and_disease():
    import spacy

    import pipeline.nlp.tokenizer  # noqa: F401

    nlp = spacy.load(MODEL)
    assert nlp.pipe_names == ["tok2vec", "ner"]
    doc = nlp("Cisplatin-induced nephrotoxicity was observed.")
    labels = {e.label_ for e in doc.ents}
    assert {"CHEMICAL", "DISEASE"} <= labels, [(e.text, e.label_) for e in doc.ents]
    assert nlp.meta["version"] == "0.2.0"
