"""Phrases no vocabulary term covers, cut out of a sentence as name-only facts a curator can map to an id.

- enumeration items: "Symptoms include poorly articulated speech, decrease in muscle tone and feeding
  difficulties" → each comma/semicolon-separated item of 1–6 words after the list cue (or the whole bulleted
  line in a symptoms section), fillers ("and", "may", "have", "the" …) trimmed from its start and a parenthesised
  restatement from its end; clauses (which/that/when …), numbers, people words, lone ordinary words and
  adverbials opening with a preposition ("in the most severe cases") are not items;
- cause phrases: the 1–8-word noun phrase right after a cause cue (one word only when it names a process or
  state: "aging", "obesity"), up to the next clause boundary ("caused by an autoimmune response in which …" →
  "autoimmune response"), a place in it included ("results from an abnormal fold of tissue in the urethra that
  …" → "abnormal fold of tissue in the urethra").
The assembly decides where they go and skips any that overlap a vocabulary mention.
"""

from __future__ import annotations

import re

ENUMERATION_EXCLUDED_KINDS = {"treatment", "diagnosis", "prevention", "research", "causes", "inheritance",
                              "references", "resources", "frequency", "prognosis", "complications"}
ENUMERATION_SPLIT = re.compile(r"[^,;]+")
CAUSE_PHRASE_END = re.compile(r"[,.;:()]|\s(?:which|that|who|when|where|while|because|but|or|if|unless|although|in (?:which|whom|some|most|many)|"
                              r"such as|including|leading|resulting|causing|results?|resulted|leads?|led|causes?|caused|are|is|"
                              r"was|were|may|can|will|has|have|had|been)\b")
CAUSE_LIST_END = re.compile(r"[.;:()]|\s(?:which|that|who|when|where|while|because|but|in (?:which|whom|some|most|many)|"
                            r"such as|including|leading|resulting|causing|results?|resulted|leads?|led|causes?|caused|"
                            r"are|is|was|were|may|can|will|by|to|with|has|have|had|been|remains?|do|does|did)\b")
CAUSE_LIST_CLOSE = re.compile(r"[.;:()]|\s(?:which|that|who|when|where|while|because|but|in (?:which|whom|some|most|many)|"
                              r"such as|including|leading|resulting|causing|by|to|with)\b")
CAUSE_ITEM_PREPOSITION = re.compile(r"\s(?:in|of|on|at|from|within|inside|into|between|around)\s")
CAUSE_ITEM_FUNCTION_WORD = re.compile(r"(?:of|in|on|at|for|to|from|with|by|as|than|less|more|often|also|not)\b")
MODIFIER_ENDINGS = ("al", "ic", "ous", "ive", "ful", "ary")  # adjectives: "anal or rectal veins", "genetic"
CAUSE_LIST_SPLIT = re.compile(r",?\s+(?:and/or|or|and)\s+|,\s*")
# a genetic change is stated by its gene (`genes.py`), not as a phrase ("a specific change (mutation) in the PRNP gene")
CAUSE_PHRASE_STOP = re.compile(r"\b(changes?|mutations?|variants?|alterations?|genes?)\b", re.I)
ENUMERATION_LEAD = re.compile(r"\s*(?:and|or|also|may|might|can|often|usually|sometimes|frequently|are|is|be|"
                              r"have|has|having|a|an|the|same|other|some|even|their|his|her|including|such as|include|includes|"
                              r"like|as well as|especially|[-•*:])(?:\s+|$)", re.I)
ENUMERATION_STOP = re.compile(r"\b(which|that|who|whom|whose|when|where|while|because|if|this|these|those|it|they|"
                              r"them|there|than|people|individuals|patients|person|children|adults|symptoms?|signs?|"
                              r"features?|disease|disorder|condition|syndrome|rare|common|affected|occurs?|"
                              r"typically|lasting|seen|reported|found|called|known)\b|\d", re.I)
CAUSE_PHRASE_EXCLUDED_KINDS = {"treatment", "research", "prevention", "references", "resources", "symptoms",
                               "diagnosis"}
# an item that opens with a preposition is an adverbial ("in the most severe cases", "around the rib cage"), no finding
ENUMERATION_ADVERBIAL = re.compile(r"(?:in|on|at|around|during|after|before|within|from|for|to|by|over|under|"
                                   r"through|throughout|as well|also|too|etc)\b", re.I)
MAX_CAUSE_WORDS = 8  # "abnormal fold of tissue in the urethra"
# "The cause of X is not well understood / still unknown": no cause is named
UNKNOWN_CAUSE = re.compile(r"^(?:not|still|largely|poorly|being|probably|possibly|likely)\b|\b(?:unknown|unclear|"
                           r"understood|uncertain|believed?|thought)\b", re.I)
# where a longer phrase gives up its trailing place or time ("weakening of the connective tissue | in the rectum")
LONG_PHRASE_CUT = re.compile(r"\s(?:in|on|at|for|during|within|around)\s")
_FINDING_ENDINGS = ("ness", "ity", "ia", "osis", "itis", "ed", "ing")
# the standing risk factors of epidemiology, named alone as list items
RISK_FACTOR_WORDS = frozenset({"age", "older age", "race", "ethnicity", "gender", "sex", "family history", "genetics",
                               "heredity", "obesity", "smoking", "diet", "lifestyle"})
_PROCESS_ENDINGS = ("ing", "ion", "ity", "ness", "ism", "ure")
_NOT_A_CAUSE_WORDS = frozenset({"following", "anything", "something", "nothing", "everything", "complication",
                                "condition", "deterioration", "exposure", "infection", "inflammation", "conception",
                                "fertilization"})
_GENERIC_LIST_HEADS = frozenset({"factors", "factor", "things", "reasons", "causes", "problems", "issues", "one", "ones",
                                 "others", "conditions", "diseases", "disorders", "illnesses", "illness"})
_NOT_A_CAUSE_PHRASE = re.compile(r"^(someone|somebody|anyone|anybody|another person|other people|others)\b", re.I)
_AGENT_WORDS = frozenset({"virus", "viruses", "bacteria", "bacterium", "fungus", "fungi", "parasite", "parasites",
                          "worms", "toxin", "toxins", "prions", "prion", "droplets", "mosquitoes", "ticks", "lice"})
# a time of life is when, not why ("develops after six months of age")
CAUSE_ITEM_TIME = re.compile(r"(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a few|many)\s+"
                             r"(?:years?|months?|weeks?|days?)\b|(?:age|birth|puberty|adulthood|childhood|infancy)$)")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Leading fillers, trailing punctuation and a trailing "(restatement" off text[start:end]."""
    while start < end and text[start].isspace():
        start += 1
    while True:
        lead = ENUMERATION_LEAD.match(text, start, end)
        if not lead or lead.end() == start:
            break
        start = lead.end()
    while end > start and text[end - 1] in " .,;:)(\n\"'":
        end -= 1
    paren = text.find("(", start, end)
    if paren != -1:  # "small head size (microcephaly": the parenthesis names it again
        end = paren
        while end > start and text[end - 1] == " ":
            end -= 1
    return start, end


def enumeration_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    items = []
    for part in ENUMERATION_SPLIT.finditer(text, start, end):
        item_start, item_end = trim(text, part.start(), part.end())
        item = text[item_start:item_end]
        words = item.split()
        if not 1 <= len(words) <= 6 or ENUMERATION_STOP.search(item) or not re.search(r"[a-z]{3}", item):
            continue
        if ENUMERATION_ADVERBIAL.match(item):
            continue
        if len(words) == 1 and not item.lower().endswith(_FINDING_ENDINGS):
            continue  # a lone ordinary word is rarely a finding on its own
        items.append((item_start, item_end))
    return items


def cause_phrases(text: str, start: int, end: int, listing: bool = True) -> list[tuple[int, int]]:
    """The cause phrase after a cue, or each item of the coordination there ("develops after an injury, surgery,
    stroke or heart attack" → injury, surgery, stroke, heart attack); list items may be single nouns."""
    boundary = CAUSE_LIST_END.search(text, start, end)
    while boundary and boundary.group(0) == "(":  # "prolonged periods without food (fasting), illness": a gloss
        close = text.find(")", boundary.end(), min(end, boundary.end() + 40))
        if close == -1 or not re.match(r"\s*(?:,|and\b|or\b)", text[close + 1:end]):
            break
        boundary = CAUSE_LIST_END.search(text, close + 1, end)
    stop = boundary.start() if boundary else end
    if not listing or boundary and not CAUSE_LIST_CLOSE.match(boundary.group(0)):
        stop = start  # a verb after the commas ("..., the doctor will use"): they joined clauses, not causes
    parts = [trim(text, a, b) for a, b in split_spans(text, start, stop, CAUSE_LIST_SPLIT)]
    parts = [(a, b) for a, b in parts if b > a]
    if len(parts) >= 2 and any(text[a:b].split()[-1].lower().endswith(MODIFIER_ENDINGS) for a, b in parts[:-1]):
        parts = parts[:1]  # "genetic and environmental factors", "central and peripheral nervous systems"
    if len(parts) >= 2 and CAUSE_ITEM_PREPOSITION.search(text, *parts[0]):
        parts = parts[:1]  # "a response gone awry in the brain and spinal cord", "tumors of the pancreas, lungs, and
        # other parts of the brain": the list is inside the place (not so "obesity, family history of AMD, and ...")
    if len(parts) < 2:
        one = cause_phrase(text, start, end)
        return [one] if one else []
    items = []
    for item_start, item_end in parts:
        item = text[item_start:item_end]
        words = item.split()
        if not 1 <= len(words) <= MAX_CAUSE_WORDS or ENUMERATION_STOP.search(item) or \
                not re.fullmatch(r"[a-z][\w' -]*[A-Za-z]", item) or CAUSE_ITEM_FUNCTION_WORD.match(item):
            one = cause_phrase(text, start, end)  # one item that is no noun phrase: this is no list of causes
            return [one] if one else []
        if CAUSE_PHRASE_STOP.search(item):
            return []  # "mutations in one or another of the genes": a gene change is the genes' business
        # "complete or near complete deficiency of GAA": a lone word another item repeats modifies it
        repeated = len(words) == 1 and any(item in text[a:b].split()[:-1] for a, b in parts
                                           if (a, b) != (item_start, item_end))  # (not "having sex, even oral sex")
        if not ((len(words) == 1 and item in _NOT_A_CAUSE_WORDS) or CAUSE_ITEM_TIME.match(item) or
                words[-1] in _GENERIC_LIST_HEADS or repeated):
            items.append((item_start, item_end))  # a bare "infection" or "other factors" is not a cause of its own
    return items


def split_spans(text: str, start: int, end: int, separator: re.Pattern) -> list[tuple[int, int]]:
    spans, cursor = [], start
    for match in separator.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    return spans


def cause_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    boundary = CAUSE_PHRASE_END.search(text, start, end)
    start, end = trim(text, start, boundary.start() if boundary else end)
    while (tail := re.search(r"\s+(?:and|or|but|as well as)$", text[start:end])):  # "sexual contact and are most ..."
        end = start + tail.start()
    while len(text[start:end].split()) > MAX_CAUSE_WORDS:  # "sitting on the toilet for long periods of time"
        last = None
        for last in LONG_PHRASE_CUT.finditer(text, start, end):
            pass
        if last is None:
            break
        end = last.start()
    item = text[start:end]
    words = item.split()
    # "contact with the stool of an infected person": a person inside the phrase's place is no list filler
    checked = re.sub(r"\b(of|from|with) (an? |the )?(\w+ )?(person|people|individuals?|patients?)\b", "", item)
    if not 1 <= len(words) <= MAX_CAUSE_WORDS or ENUMERATION_STOP.search(checked) or CAUSE_PHRASE_STOP.search(item) or not re.match(
            r"[A-Za-z]", item) or CAUSE_ITEM_TIME.match(item) or UNKNOWN_CAUSE.search(item) or _NOT_A_CAUSE_PHRASE.match(item) \
            or (len(words) <= 3 and words[-1].lower() in _GENERIC_LIST_HEADS):  # "other medical problems"
        return None
    if item.lower() in RISK_FACTOR_WORDS:
        return start, end  # an item of a risk-factor list: "- Race. Whites are much more likely ...", "- Gender."
    if len(words) == 1 and not (item.islower() and (item.endswith(_PROCESS_ENDINGS) or item in _AGENT_WORDS) and
                                item not in _NOT_A_CAUSE_WORDS):
        return None  # a lone word is a cause when it names a process or state ("aging", "smoking") or an agent ("virus")
    return start, end
