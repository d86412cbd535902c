"""Numbers the article states about the disease: "about four percent of these children", "1 in 100,000 people".

Rules: a percentage or a range of them, or a fraction word of a group of people ("one-third of individuals with
WD" = 33.3 percent) ("N percent/% of <population>", "60%-75%", "as low as 7 percent in older siblings"; a
population ends at the next coordinated number: "30 percent of children and up to 70 percent of infants" are two),
a rate ("N in M <population>": value M with unit "1 in N" when N is 1, else value N "per M"; a range "7 to 69 per
million" has no single value), a ratio ("twice as many women as men", "40 times
greater risk": unit "times"), a yearly count ("145 cases are reported each year"), the cases reported so far ("About 60 cases have been reported
worldwide": unit "cases reported"), a count of people who have it ("more than 200 million people
are infected": unit "people") inside a usable sentence that is
not a symptom-table row (those numbers are symptom frequencies); number words are read ("four" = 4); a demonstrative population ("these children") is resolved to the
noun plus the last other disease named before it (same sentence, else the previous one) ("children with neuroblastoma"). The evidence is the
matched phrase; `population` keeps the stated or resolved group.
"""

from __future__ import annotations

import re

from schemas.profile import Evidence, Statistic

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a hundred": 100,
                "one hundred": 100, "half": 50}
_NUMBER = r"\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
_APPROX = (r"(?:(?:about|approximately|around|nearly|roughly|almost|up to|more than|less than|over|under|an estimated|"
           r"as (?:low|high|many|few) as)\s+)?")
# a population runs to the clause's end, or to the next coordinated number ("30 percent of children and up to 70
# percent of infants": two statistics)
_POPULATION_CHAR = rf"(?:(?!\s+(?:and|or|but)\s+{_APPROX}(?:{_NUMBER})\b)[^,.;:()])"
_PEOPLE = (r"(?:people|individuals|persons|patients|children|adults|women|men|infants|newborns|babies|siblings|twins|"
           r"relatives|families|cases|males|females|boys|girls|Americans)")
PERCENT = re.compile(rf"\b{_APPROX}(?P<num>{_NUMBER})(?:\s*(?:%|percent)?\s*(?:-|–|to)\s*(?P<high>\d[\d.]*))?\s*"
                     rf"(?P<unit>percent|per cent|%)(?:\s+(?:of|in|among)\s+(?P<pop>(?:(?:the|all|older|younger|"
                     rf"identical|affected|other)\s+)*{_PEOPLE}\b{_POPULATION_CHAR}*|(?<=of\s){_POPULATION_CHAR}+))?", re.I)
_DENOMINATOR_WORDS = "two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred|one hundred"
# "1 in 100,000 people", "one out of every three people"
RATE = re.compile(rf"\b{_APPROX}(?P<num>{_NUMBER})(?:\s*(?:-|–|to)\s*(?P<high>\d[\d,]*))?\s+(?:in|out of|per)\s+"
                  rf"(?:every\s+)?(?P<den>\d[\d,]*|a (?:million|thousand)|million|thousand|{_DENOMINATOR_WORDS})\b"
                  rf"(?:\s+(?P<pop>(?:people|individuals|persons|births|newborns|live births|children|adults|women|"
                  rf"men|Americans|infants|females|males|girls|boys|babies|newborns)[^,.;:()]*))?", re.I)
RATIO = re.compile(rf"\b{_APPROX}(?P<num>(?:(?:two|three|four|five|\d+(?:\.\d+)?)\s+to\s+)?(?:twice|two times|"
                   r"three times|four times|five times|ten times|\d+(?:\.\d+)?\s*times))\s+"
                   r"(?:as\s+(?:many|likely|common|often)\s+(?P<pop>[a-z]+(?:\s+[a-z]+)?)\s+as\b|"
                   r"as\s+(?:likely|common|often)\s+as\b|"  # "Women are more than twice as likely as men"
                   r"(?:greater|higher|more|increased)\b(?:\s+(?:risk|likelihood|chance))?)", re.I)
COUNT = re.compile(rf"\b{_APPROX}(?:an average of\s+)?(?P<num>\d[\d,]*)\s+(?:new\s+)?cases\b[^.;]{{0,40}}?"
                   rf"\b(?:each|per|a|every)\s+year\b", re.I)
# "About 60 cases have been reported worldwide", "fewer than 100 affected families have been described": how rare
REPORTED = re.compile(rf"\b{_APPROX}(?:only\s+|fewer than\s+)?(?P<num>\d[\d,]*|{_NUMBER})\s+(?:(?:affected|known|"
                      rf"documented)\s+)?(?P<pop>cases|people|individuals|patients|families|persons)\s+(?:\w+\s+){{0,2}}"
                      rf"(?:have|has|had)\s+been\s+(?:reported|described|identified|documented|diagnosed)\b", re.I)
# "more than 200 million people are infected worldwide": how many people have it
AFFECTED = re.compile(rf"\b{_APPROX}(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|thousand|billion)?\s+"
                      rf"(?P<pop>people|individuals|persons|Americans|children|adults|women|men)\b"
                      rf"(?=[^.;]{{0,20}}\b(?:are|were|have|has|had|get|develop|live with|suffer|infected|affected|"
                      rf"die|diagnosed)\b)", re.I)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
FRACTION_WORDS = {"one-third": 33.3, "a third": 33.3, "two-thirds": 66.7, "one-quarter": 25.0, "a quarter": 25.0,
                  "three-quarters": 75.0, "one-half": 50.0, "half": 50.0, "one-fifth": 20.0, "a fifth": 20.0}
# "One-third of individuals with WD": a fraction word of a group of people is a percentage
FRACTION = re.compile(rf"\b{_APPROX}(?P<num>{'|'.join(w.replace('-', '[- ]') for w in FRACTION_WORDS)})\s+of\s+"
                      rf"(?P<pop>(?:all\s+|the\s+|these\s+|those\s+)?(?:people|individuals|patients|persons|children|"
                      rf"adults|women|men|cases|infants|affected \w+)[^,.;:()]*)", re.I)
_RATIO_WORDS = {"twice": 2, "two times": 2, "three times": 3, "four times": 4, "five times": 5, "ten times": 10}


def _number(raw: str) -> float | None:
    raw = raw.strip().lower()
    if raw in NUMBER_WORDS:
        return float(NUMBER_WORDS[raw])
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _trim_population(pop: str | None) -> str | None:
    if not pop:
        return None
    pop = re.split(r"\s+(?:will|who|have|has|had|are|is|develop|with each|each year|that)\b", pop.strip(), maxsplit=1)[0]
    return pop.strip() or None


def _value_and_unit(pattern, match) -> tuple[float | None, str | None]:
    if pattern is RATIO:
        raw = match.group("num").lower()
        if " to " in raw:
            return None, "times"  # "two to three times": a range, no single value
        return (float(_RATIO_WORDS[raw]) if raw in _RATIO_WORDS else _number(raw.replace("times", ""))), "times"
    if pattern is FRACTION:
        return FRACTION_WORDS[re.sub(r"\s+", "-", match.group("num").lower()).replace("a-", "a ")], "percent"
    value = _number(match.group("num"))
    if pattern is AFFECTED:  # a count of the many ("in a study of 25 people" counts a sample, not the affected)
        if not match.group("scale") and (re.search(r"\.", match.group("num")) or re.fullmatch(r"(19|20)\d\d", match.group("num"))):
            return None, None  # "in 2012.1 people": a year and a footnote mark
        count = value * _SCALE.get((match.group("scale") or "").lower(), 1) if value is not None else None
        return (count, "people") if count and count >= 1000 else (None, None)
    if pattern is COUNT:
        return value, "cases per year"
    if pattern is REPORTED:
        return value, f"{match.group('pop').lower()} reported"
    if pattern is RATE:
        den = match.group("den").lower().replace(",", "")
        den = {"a million": "1000000", "a thousand": "1000", "million": "1000000", "thousand": "1000"}.get(den, den)
        den = str(NUMBER_WORDS[den]) if den in NUMBER_WORDS else den
        if match.group("high"):
            return None, f"per {den}"  # "7 to 69 per million": a range, no single value
        return (float(den), "1 in N") if value == 1 else (value, f"per {den}")
    if match.group("high"):
        return None, "percent"  # a range: no single value; the evidence keeps both ends
    return value, "percent"


def find_statistics(text, sentences, by_sentence, usable, is_focus, excluded=lambda start, end: False) -> list[Statistic]:
    found = []
    for sentence in sentences:
        if not usable(sentence.start, sentence.end) or excluded(sentence.start, sentence.end):
            continue
        taken: list[tuple[int, int]] = []
        for pattern in (PERCENT, FRACTION, RATE, RATIO, COUNT, REPORTED, AFFECTED):
            for match in pattern.finditer(sentence.text):
                value, unit = _value_and_unit(pattern, match)
                if value is None and (unit is None or unit not in ("percent", "times") and not unit.startswith("per ")):
                    continue
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if any(s < end and start < e for s, e in taken):
                    continue
                if pattern is REPORTED and " of " in match.group(0) and not any(
                        is_focus(m) and start <= m.start < end for m in by_sentence.get(sentence.index, [])):
                    continue  # "Two cases of CJD have been reported": another disease's count
                population = _trim_population(match.groupdict().get("pop"))
                if population and pattern is not RATIO:  # the evidence ends where the stated population ends
                    end = sentence.start + match.start("pop") + len(match.group("pop").strip()[:len(population)])
                if population and re.match(r"(these|those|such)\s+(\w+)", population, re.I) and sentence.index > 0:
                    noun = re.match(r"(these|those|such)\s+(\w+)", population, re.I).group(2)
                    earlier = [m for m in by_sentence.get(sentence.index, []) if m.start < start]
                    earlier = earlier or by_sentence.get(sentence.index - 1, [])
                    previous = [m for m in earlier if m.label == "DISEASE" and not is_focus(m)]
                    if previous:
                        population = f"{noun} with {previous[-1].text}"
                if population is None:
                    place = re.search(r"\b(?:in|among)\s+(the\s+)?(United States|U\.S\.|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b",
                                      sentence.text[match.end():])
                    population = place.group(0) if place else None
                end = min(end, sentence.end)
                taken.append((start, end))
                found.append(Statistic(name=text[start:end], value=value, unit=unit, population=population,
                                       evidence=[Evidence(text=text[start:end], start=start, end=end)],
                                       method=f"pattern:{pattern_name(pattern)}",
                                       section=sentence.section.heading if sentence.section else None))
    return found


def pattern_name(pattern) -> str:
    return {id(PERCENT): "percent", id(FRACTION): "fraction", id(RATE): "rate", id(RATIO): "ratio", id(COUNT): "count", id(REPORTED): "reported",
            id(AFFECTED): "affected"}[id(pattern)]
