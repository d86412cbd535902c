"""Numbers the article states about the disease: "about four percent of these children", "1 in 100,000 people".

Rules: a percentage ("N percent/% of <population>") or a rate ("N in M <population>", "N per M") inside a usable
sentence; number words are read ("four" = 4); a demonstrative population ("these children") is resolved to the
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
_APPROX = r"(?:(?:about|approximately|around|nearly|roughly|almost|up to|more than|less than|over|under|an estimated)\s+)?"
PERCENT = re.compile(rf"\b{_APPROX}(?P<num>{_NUMBER})\s*(?P<unit>percent|per cent|%)(?:\s+of\s+(?P<pop>[^,.;:()]+))?", re.I)
RATE = re.compile(rf"\b{_APPROX}(?P<num>{_NUMBER})\s+(?:in|out of|per)\s+(?P<den>\d[\d,]*|a (?:million|thousand))"
                  rf"(?:\s+(?P<pop>(?:people|individuals|persons|births|newborns|live births|children|adults|women|"
                  rf"men|Americans|infants)[^,.;:()]*))?", re.I)


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
    pop = re.split(r"\s+(?:will|who|have|has|had|are|is|develop|with each|in the|worldwide)\b", pop.strip(), maxsplit=1)[0]
    return pop.strip() or None


def find_statistics(text, sentences, by_sentence, usable, is_focus) -> list[Statistic]:
    found = []
    for sentence in sentences:
        if not usable(sentence.start, sentence.end):
            continue
        for pattern in (PERCENT, RATE):
            for match in pattern.finditer(sentence.text):
                value = _number(match.group("num"))
                if value is None:
                    continue
                start, end = sentence.start + match.start(), sentence.start + match.end()
                population = _trim_population(match.group("pop"))
                if population:  # the evidence ends where the stated population ends
                    end = sentence.start + match.start("pop") + len(match.group("pop").strip()[:len(population)])
                if population and re.match(r"(these|those|such)\s+(\w+)", population, re.I) and sentence.index > 0:
                    noun = re.match(r"(these|those|such)\s+(\w+)", population, re.I).group(2)
                    earlier = [m for m in by_sentence.get(sentence.index, []) if m.start < start]
                    earlier = earlier or by_sentence.get(sentence.index - 1, [])
                    previous = [m for m in earlier if m.label == "DISEASE" and not is_focus(m)]
                    if previous:
                        population = f"{noun} with {previous[-1].text}"
                unit = "percent" if "den" not in match.groupdict() else f"per {match.group('den').replace(',', '')}"
                end = min(end, sentence.end)
                found.append(Statistic(name=text[start:end], value=value, unit=unit, population=population,
                                       evidence=[Evidence(text=text[start:end], start=start, end=end)],
                                       method=f"pattern:{'percent' if pattern is PERCENT else 'rate'}",
                                       section=sentence.section.heading if sentence.section else None))
    return found
