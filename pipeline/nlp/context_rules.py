"""The ConText rule set: medspaCy's default English rules (minus FAMILY, which fires on "child") plus ours
(`configs/context_rules.json`), with token patterns expanded to literal phrases where that is exact.

Why expand: medspaCy sends rules with token patterns to spaCy's token Matcher, which tests every pattern's
predicates ({"LOWER": {"IN": [...]}}) on every token of the document; with ~55 such default rules that was ~75 %
of the assertion step. A pattern made only of LOWER-equals / LOWER-in-list tokens, some optional ("?"), matches
exactly the finite set of phrases it spells out, so each becomes a literal rule (spaCy's PhraseMatcher, one hash
lookup per token). Patterns using anything else stay token patterns. A project rule whose phrase equals a
default rule's (after expansion) replaces it, e.g. to give "negative for" a short scope.

Clause scope: ConText lets a forward cue reach to the end of its sentence. A cue inside a subordinate clause
("who do not respond to steroids", "if the child does not improve") says nothing of the main clause, so every
forward rule gets `clause_bounded` as its `on_modifies` check: "Patients who do not respond to steroids may be
given rituximab" negates steroids, not rituximab.
"""

from __future__ import annotations

from itertools import product
from pathlib import Path

MAX_VARIANTS = 200  # a pattern spelling out more phrases than this stays a token pattern


def _token_choices(token: dict) -> list[str | None] | None:
    """The words one pattern token can be (None = absent), or None when it is not a plain LOWER test."""
    keys = set(token) - {"OP"}
    if keys != {"LOWER"} or token.get("OP") not in (None, "?"):
        return None
    value = token["LOWER"]
    if isinstance(value, str):
        words = [value]
    elif isinstance(value, dict) and set(value) == {"IN"}:
        words = list(value["IN"])
    else:
        return None
    if any(" " in w for w in words):
        return None  # a multi-word "token" never matches one token; keep medspaCy's behaviour exactly
    return words + ([None] if token.get("OP") == "?" else [])


def literal_phrases(pattern: list[dict]) -> list[str] | None:
    choices = [_token_choices(t) for t in pattern]
    if any(c is None for c in choices):
        return None
    size = 1
    for c in choices:
        size *= len(c)
    if size > MAX_VARIANTS:
        return None
    phrases = {" ".join(w for w in combo if w) for combo in product(*choices)}
    phrases.discard("")
    return sorted(phrases)


def expand(rules) -> list:
    """Rules with plain token patterns replaced by one literal rule per phrase they spell out."""
    from medspacy.context import ConTextRule

    out = []
    for rule in rules:
        phrases = literal_phrases(rule.pattern) if isinstance(rule.pattern, list) else None
        if not phrases:
            out.append(rule)
            continue
        for phrase in phrases:
            out.append(ConTextRule(literal=phrase, category=rule.category, direction=rule.direction,
                                   allowed_types=rule.allowed_types, excluded_types=rule.excluded_types,
                                   max_scope=rule.max_scope, max_targets=rule.max_targets,
                                   terminated_by=rule.terminated_by, on_match=rule.on_match,
                                   on_modifies=rule.on_modifies, metadata=rule.metadata))
    return out


# Words that open a subordinate clause when they come shortly before a cue, with no punctuation in between.
SUBORDINATORS = frozenset({"who", "that", "which", "whose", "whom", "if", "unless", "when", "whenever", "because",
                           "since", "although", "though", "while"})
SUBORDINATOR_REACH = 12  # tokens before the cue ("Although some patients with the disease may not ...")
# The main clause's verb group: a subordinate clause has ended when one of these follows the cue.
MAIN_VERBS = frozenset({"may", "might", "can", "could", "should", "will", "would", "must", "is", "are", "was",
                        "were"})
# A modal after one of these opens a new predicate, whatever the clause: "may have no symptoms or *may* experience
# headaches", "may not have any symptoms, or more commonly, they *may* have infections".
MODALS = frozenset({"may", "might", "can", "could", "should", "will", "would", "must"})
EXAMPLE_OPENERS = frozenset({"such as", "e.g.", "eg", "including", "like", "for example", "i.e."})
NEW_PREDICATE_OPENERS = frozenset({"or", "and", "but", "they", "it", "he", "she", "others", "some", "many", "most"})
# Words that continue a list of findings after a comma ("no fever, cough, or rash").
LIST_WORDS = frozenset({"and", "or", "nor", "a", "an", "the", "any", "other", "also"})
CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")"})


def _in_subordinate_clause(cue) -> bool:
    doc = cue.doc
    floor = max(cue.sent.start, cue.start - SUBORDINATOR_REACH)
    for i in range(cue.start - 1, floor - 1, -1):
        word = doc[i].lower_
        if word in CLAUSE_PUNCT:
            return False
        if word in SUBORDINATORS:
            return True
    return False


def _reaches(target, cue, between, negation: bool) -> bool:
    """Whether a forward cue reaches a target after it. A cue in a subordinate clause stops where the clause ends:
    at the main clause's verb ("who do not respond to steroids *may* be given rituximab") or at a comma that closes
    the clause rather than continuing a list ("if the child does not improve, surgery may be needed"; but "who have
    no fever, cough, or rash"). A negation also stops at a new predicate ("may have no symptoms or may experience
    headaches"; a condition does not: "if untreated, it can cause liver failure") and, from a subordinate clause, at
    a parenthesis that names the whole phrase ("seeing things that are not really there (hallucinations)"; but
    "(such as chemotherapy medicines)" is part of it)."""
    if target.start < cue.start:
        return True
    doc = target.doc
    if negation and any(t.lower_ in MODALS and t.i > 0 and doc[t.i - 1].lower_ in NEW_PREDICATE_OPENERS
                        for t in between):
        return False
    if not _in_subordinate_clause(cue):
        return True
    segment_start = between.start
    for token in between:
        if token.lower_ in MAIN_VERBS:
            return False
        if negation and token.text == "(" and doc[token.i + 1:token.i + 3].text.lower() not in EXAMPLE_OPENERS \
                and doc[token.i + 1].lower_ not in EXAMPLE_OPENERS:
            return False
        if token.text in (",", ";"):
            before = doc[segment_start:token.i]
            after = doc[token.i + 1:target.start]
            no_finding_before = not any(t.ent_type for t in before)
            clause_words_after = any(t.is_alpha and t.lower_ not in LIST_WORDS and not t.ent_type for t in after)
            if token.text == ";" or no_finding_before or clause_words_after:
                return False
            segment_start = token.i + 1
    return True


def clause_bounded(target, cue, between) -> bool:
    """`on_modifies` of forward rules other than negations (see `_reaches`)."""
    return _reaches(target, cue, between, negation=False)


def negation_bounded(target, cue, between) -> bool:
    """`on_modifies` of forward negation rules (see `_reaches`)."""
    return _reaches(target, cue, between, negation=True)


def load_rules(project_rules: Path, default_rules_path: str) -> list:
    from medspacy.context import ConTextRule

    ours = expand(ConTextRule.from_json(str(project_rules)))
    overridden = {r.literal.lower() for r in ours}  # a project rule replaces the default with the same phrase
    defaults = [r for r in expand(ConTextRule.from_json(default_rules_path))
                if r.category != "FAMILY" and r.literal.lower() not in overridden]
    return bound_to_clauses(defaults + ours)


def bound_to_clauses(rules: list) -> list:
    """The rules, each forward one checked by `clause_bounded` (negations by `negation_bounded`)."""
    for rule in rules:
        if rule.direction in ("FORWARD", "BIDIRECTIONAL") and rule.on_modifies is None:
            rule.on_modifies = negation_bounded if rule.category == "NEGATED_EXISTENCE" else clause_bounded
    return rules
