"""The ConText speed-ups (literal expansion of token patterns, indexed graph) change no assertion."""


from pipeline.nlp.context_rules import bound_to_clauses, literal_phrases
from tests.conftest import OMS, ROOT

MIXED = ("No one yet knows whether steroids help. She did not have seizures, but may have ataxia. "
         "There is no evidence of tumors. Children with a family history of epilepsy are at risk of fever. "
         "They may develop fevers in the absence of infection and may have seizures. Rarely, ADHD occurs. "
         "Patients who do not respond to steroids may be given rituximab. ")


def test_plain_patterns_spell_out_their_phrases():
    pattern = [{"LOWER": {"IN": ["was", "is"]}}, {"LOWER": "not", "OP": "?"}, {"LOWER": "ruled"}]
    assert literal_phrases(pattern) == ["is not ruled", "is ruled", "was not ruled", "was ruled"]
    assert literal_phrases([{"LOWER": {"REGEX": "^no"}}]) is None  # anything but LOWER tests stays a pattern
    assert literal_phrases([{"LOWER": "no"}, {"LOWER": "x", "OP": "*"}]) is None


def test_assertions_identical_to_stock_medspacy(nlp):
    from medspacy.context import ConText, ConTextRule
    from medspacy.context import context as context_module
    from medspacy.context.context_graph import ConTextGraph

    from pipeline.nlp.context_graph import IndexedConTextGraph

    assertion = nlp.get_pipe("assertion")
    texts = [OMS.read_text(), MIXED * 3]
    ours = [[(e.start, e.end, e._.assertion) for e in nlp(t).ents] for t in texts]

    stock = ConText(nlp, rules=None)
    defaults = [r for r in ConTextRule.from_json(stock.DEFAULT_RULES_FILEPATH) if r.category != "FAMILY"]
    stock.add(bound_to_clauses(defaults + ConTextRule.from_json(str(ROOT / "configs" / "context_rules.json"))))
    ours_context, installed = assertion.context, context_module.ConTextGraph
    try:
        assertion.context = stock
        context_module.ConTextGraph = ConTextGraph
        theirs = [[(e.start, e.end, e._.assertion) for e in nlp(t).ents] for t in texts]
    finally:
        assertion.context, context_module.ConTextGraph = ours_context, installed
    assert installed is IndexedConTextGraph
    assert ours == theirs
    assert {a for doc in ours for *_, a in doc} >= {"present", "absent", "possible"}
