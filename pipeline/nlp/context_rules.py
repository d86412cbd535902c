"""The ConText rule set: medspaCy's default English rules (minus FAMILY, which fires on "child") plus ours
(`configs/context_rules.json`), with token patterns expanded to literal phrases where that is exact.

Why expand: medspaCy sends rules with token patterns to spaCy's token Matcher, which tests every pattern's
predicates ({"LOWER": {"IN": [...]}}) on every token of the document; with ~55 such default rules that was ~75 %
of the assertion step. A pattern made only of LOWER-equals / LOWER-in-list tokens, some optional ("?"), matches
exactly the finite set of phrases it spells out, so each becomes a literal rule (spaCy's PhraseMatcher, one hash
lookup per token). Patterns using anything else stay token patterns. A project rule whose phrase equals a
default rule's (after expansion) replaces it, e.g. to give "negative for" a short scope.
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


def load_rules(project_rules: Path, default_rules_path: str) -> list:
    from medspacy.context import ConTextRule

    ours = expand(ConTextRule.from_json(str(project_rules)))
    overridden = {r.literal.lower() for r in ours}  # a project rule replaces the default with the same phrase
    defaults = [r for r in expand(ConTextRule.from_json(default_rules_path))
                if r.category != "FAMILY" and r.literal.lower() not in overridden]
    return defaults + ours
