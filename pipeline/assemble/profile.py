"""Assemble a DiseaseProfile from an Article and its NLP records.

Field rules (each fact's `method` names the rule that placed it):
- focus disease: the DISEASE concept named in the title (else the most mentioned one); its synonyms from
  "also known as / sometimes called / other names" phrases and from other names the article gives the same
  concept; its abbreviations from locally defined short forms of its names.
- categories: the subtitle/category line, and in the defining sentence ("<focus> is a/an … disorder") the
  disease mentions and the category adjectives (autoimmune, neurological, genetic …) of the predicate.
- symptoms: SYMPTOM mentions outside complication, cause, treatment-outcome and research context; DISEASE
  mentions in a symptoms section or after "symptoms include / signs such as" (relinked to their HPO phenotype
  where the vocabulary has one: "anemia" in a symptom list is HP:0001903, not the MONDO disease); symptom-table
  rows (`symptom_table.py`) with their HPO id and stated frequency.
- genes: known disease-gene symbols written as genes (`genes.py`); they are causes too.
- causes: DISEASE/SYMPTOM mentions after a cause cue ("results from", "caused by", "responding to" …; a cue inside
  parentheses explains the term before it), after a cue that needs the disease as its subject ("ADEM often follows
  viral infections", "Myoclonus may develop in response to infection"), or before "is thought to cause <disease>";
  a generic head ("a tumor called a neuroblastoma") yields to the specific disease it introduces; the patients'
  other features ("in people who also have cataplexy"), compared conditions ("these conditions, including X") and
  vaccine targets are not causes.
- complications: DISEASE/SYMPTOM mentions in complication context ("long-lasting effects", "problems that come
  from", "permanent", "may lead to" …) other than the focus disease and the stated causes; a known symptom only
  when the disease is said to cause it ("WD can cause … liver failure") or it is a sequela ("lifelong impairment
  ranging from weakness …"); "<finding> as a result of <disease>"; death ("can be fatal", "leads to death").
- treatments: DRUG/PROCEDURE mentions in treatment sections, treatment lists or treatment-cue sentences; the first
  such mention of a list item or clause is the treatment, mentions after "such as/including" are its agents, a
  parenthesised brand of the same concept is a brand name, a " - description" adds nothing; qualifiers ("in
  adults", "for children with neuroblastoma") and outcomes ("often does not help") come from the same item.
  Diseases are never treatments; absent (negated) mentions never become facts; drugs listed right after a class
  they belong to are its agents; what a decision depends on and drugs that "increase the risk of" are not
  treatments; a prescribed diet ("a low-copper diet") is a name-only treatment.
- diagnostics: PROCEDURE mentions with a diagnostic branch (MeSH E01, MAxO diagnostic procedure) or in diagnostic
  context or section; a test named by its drug ("a tensilon test").
- statistics, affected populations, prognosis, open questions: see `statistics.py` and the cue table.
- nothing comes from boilerplate, the title line, or reference sections.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

from pipeline import __version__
from pipeline.assemble import phrases
from pipeline.assemble import statistics as stats_rules
from pipeline.assemble.cues import (
    ADJUNCT_PROCEDURE, ADVERSE_EFFECT_CONTEXT, APPOSITION_GAP, APPOSITIVE_DEFINITION, BELIEVED_BEFORE,
    CATEGORY_ADJECTIVES, CATEGORY_HEAD, CAUSAL_COMPLICATION, CAUSED_BY_AFTER, CAUSES_AFTER, CAUSE_LIST_INTRO,
    CAUSE_LIST_LEAD_IN, COMPARISON_BEFORE, CUES, DEATH, DEATH_OUTCOME, DIET, DRUG_LIST_BEFORE, DRUG_TEST, EFFECT_LIST_INTRO,
    EVALUATIVE_WORDS, FATAL, GETS_BEFORE_FOCUS, GROUP_WITH, INSTITUTION_BEFORE, NAMES_AN_INSTITUTION,
    NOT_A_CAUSE_BEFORE, NOT_A_CLASS_MODIFIER, NOT_GIVEN_AFTER, NOT_GIVEN_BEFORE, OTHER_CLASS, OTHER_SYMPTOMS_OF,
    OUTCOME, PEOPLE_RECEIVING_BEFORE, PEOPLE_WITH_BEFORE, POPULATION_WORDS, QUALIFIER, RISK_OF, SEQUELA_BEFORE,
    SOURCE_LIST, SUBJECT_CAUSE_VERB, SUBJECT_COMPLEMENT, SUBJECT_NOT_A_LIST, SUBJECT_RELATIVE, SUBJECT_SPLIT,
    SUBJECT_START, SYMPTOM_INTRO, SYMPTOM_PREDICATE_AFTER, TABLE_MODIFIER_ROW, TEST_OBJECT_STOP, TEST_PHRASE, TO_BE_DEFINITION,
    VACCINE_FOR_BEFORE, cue)
from pipeline.assemble.genes import find_genes
from pipeline.assemble.symptom_table import find_symptom_tables
from pipeline.ingest.article import Article, Section
from pipeline.nlp.components import PRONUNCIATION
from pipeline.nlp.records import MentionRecord, NlpResult
from pipeline.vocab.linking import canonical
from pipeline.vocab.normalize import key_of_tokens
from pipeline.vocab.store import load_vocabulary
from schemas.profile import (Agent, Disease, DiseaseProfile, Evidence, Fact, Mention, Provenance, Reference, Source,
                             Symptom, Treatment)

EXCLUDED_SECTIONS = {"references", "resources"}
FACT_ASSERTIONS_EXCLUDED = {"absent"}
# `_coordinated_branch`: what lies between two coordinated mentions ("a mediastinoscopy or mediastinotomy")
COORDINATED = re.compile(r",?\s+(?:and|or|and/or)\s+|,\s+")
NOT_A_CATEGORY = {"MONDO:0002254"}  # syndromic disease
NOT_A_SYMPTOM = {"MESH:D014947"}  # "out of proportion to the severity of the injury": an injury is a cause or an outcome
# `_says_is_a`: between the disease's name and its kind ("is a fairly common", "-- also called X -- is a painful"),
# and between a kind and a member ("such as", ", including").
IS_A_AFTER = re.compile(r"(?:\s*(?:--|—|–|\(|,)[^.;]{0,60}?(?:--|—|–|\)|,))?[\s\-–—,)]*(?:is|are|was|were)\s+"
                        r"(?:also\s+|usually\s+|often\s+)?(?:(?:a|an|the|one of the)\s+)?(?:[\w-]+\s+){0,3}", re.I)
IS_A_BEFORE = re.compile(r",?\s+(?:such as|including|like|e\.g\.,?)\s+(?:the\s+)?", re.I)
# a list introduced as places in the body lists organs, not findings
BODY_PARTS_INTRO = re.compile(r"\b(?:parts?|areas?|organs?|regions?|systems?|sites?) of the body\b|\bbody (?:parts|areas|"
                              r"organs|systems)\b", re.I)
# `_members_named_before`: what lies between drugs and the class they are said to be ("are both", "is a")
MEMBERS_ARE = re.compile(r"(?:\s*(?:,|and|or)\s*)*\s+(?:are|is)\s+(?:both\s+|all\s+|also\s+)?(?:(?:a|an|the)\s+)?"
                         r"(?:(?:types?|kinds?|forms?)\s+of\s+)?", re.I)
# `_description_dash`: bullets run into one line have items of at most this many words between their dashes
INLINE_BULLET_WORDS = 4
# " - " between an item and its description ("Rituximab - a drug that ..."); not a bullet that opens an item after
# a colon, a semicolon or "or" ("surgery is either: - unilateral salpingo-oophorectomy; or - partial oophorectomy").
DESCRIPTION_DASH = re.compile(r"(?<![:;])(?<!\bor)(?<!\band)\s[-–—]\s")
GENERIC_DISEASE_WORDS = {"tumor", "tumour", "cancer", "infection", "disease", "disorder", "neoplasm", "condition"}
# A drug-like word that is what a treatment acts on or a substance being misused, not what is given.
SUBSTANCE_AS_TARGET_BEFORE = re.compile(
    r"\b(remov\w*|reduc\w*|lower\w*|decreas\w*|increas\w*|rais\w*|boost\w*|eliminat\w*|excess(ive)?|absorption of|excretion of|"
    r"accumulation of|build-?up of|levels? of|amounts? of|intake of|production of|blocks?|low|black-tar|illicit|injecting|"
    r"abus\w*|maintain\w*|block|blocking|neutrali[sz]\w*)(\s+(the|your|their|a|an|safe|normal|healthy|damaging|harmful))*"
    r"(\s+(?:male|female|natural|own|body's|excess|extra))?\s*-?\s*$", re.I)  # "production of the male hormone"
# a substance's state is what causes, not the substance: "due to excess loss of calcium", "losing too much salt
# (sodium chloride)" (the gloss names the same substance)
SUBSTANCE_STATE_BEFORE = re.compile(
    r"\b(loss of|losing|lose|too much|too little|lack of|excess(ive)?|low|high|levels? of|amounts? of|build-?up of|"
    r"accumulation of)(\s+(the|your|their|a|an|too|much|of|excess|low|high|levels?))*\s*-?\s*(?:[\w-]+\s*\(\s*)?$",
    re.I)
SUBSTANCE_AS_TARGET_AFTER = re.compile(
    r"^\s*-?\s*(chelat\w*|transport\w*|metabolism|levels?|accumulation|build-?up|deficiency|intake|absorption|"
    r"excretion|overload|toxicity|poisoning|injection|abuse|misuse|overdose|use disorder|"
    # the substance explained or acting on the body, not given: "Hormones are substances produced by glands",
    # "some hormones can cause certain cancers to grow", "places where hormones can attach"
    r"(?:are|is) (?:substances?|chemicals?|proteins?|molecules?|compounds?)|(?:can|may|might|could) (?:cause|attach|bind))\b",
    re.I)
ANAPHORIC_DEFINITION = re.compile(r"\b(it|this (?:condition|disorder|disease|syndrome))\s+(?:is|may be)\s+(?:a|an)\b",
                                  re.I)
MEMBER_CUE = re.compile(r"\b(such as|including|like|e\.g\.|for example)\b(?=[^.;]*$)", re.I)
MEMBER_CUE_AFTER = re.compile(r"\s*(?:,\s*)?(such as|including|like|e\.g\.)\b", re.I)
QUESTION_HEADING = re.compile(r"^(?:#{1,6}\s+)?(what|how|is|are|who|can|where|why|when|do|does)\b[^\n]*\?$", re.I)
RESOURCE_LIST = re.compile(r"\bresources?\b|\borganizations?\b|\bfor more information\b|\bwebsites?\b", re.I)
_WORD = re.compile(r"[\w'-]+")


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    section: Section | None
    list_item: tuple[int, int] | None


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(text=text[start:end], start=start, end=end)


def _simple_key(text: str) -> str:
    return key_of_tokens(_WORD.findall(text))


class ProfileBuilder:
    def __init__(self, article: Article, nlp: NlpResult, text_path: str, text_sha256: str) -> None:
        self.article = article
        self.text = article.text
        self.nlp = nlp
        self.text_path = text_path
        self.text_sha256 = text_sha256
        self.vocabulary = load_vocabulary()
        self.sentences = [self._sentence(i, s, e) for i, (s, e) in enumerate(nlp.sentences)]
        self.mentions = [m for m in nlp.mentions if self._usable(m.start, m.end)]
        self.table_rows = find_symptom_tables(self.text)
        self._adopt_parenthetical_names()
        self.by_sentence: dict[int, list[MentionRecord]] = {}
        for m in self.mentions:
            self.by_sentence.setdefault(m.sentence, []).append(m)
        self.fields: dict[str, OrderedDict] = {name: OrderedDict() for name in DiseaseProfile.FACT_FIELDS}
        # "X is a rare autoimmune condition in which ...": what the disease is said to be (`_categories`)
        self.definition_predicates: list[tuple[int, int]] = []
        self._intros: dict[int, str] = {}  # sentence index → its list's lead-in (`_list_intro`)
        self._item_starts = {s.start for s in article.list_items}

    # ------------------------------------------------------------------------------------------ helpers
    def _adopt_parenthetical_names(self) -> None:
        """'muscle twitching (myoclonus)': the lay phrase means the term in parentheses (unless curated)."""
        by_start = {m.start: m for m in self.mentions}
        for m in self.mentions:
            gap = re.match(r"\s*\(\s*", self.text[m.end:m.end + 4])
            inner = by_start.get(m.end + gap.end()) if gap else None
            if inner is None or inner.label != m.label or m.method.endswith("overlay") or inner.concept_id is None:
                continue
            if self.text[inner.end:inner.end + 1] == ")" and inner.concept_id != m.concept_id:
                m.concept_id, m.concept_label = inner.concept_id, inner.concept_label
                m.method = f"{m.method}+parenthetical:{inner.text}"


    def _sentence(self, index: int, start: int, end: int) -> Sentence:
        item = next(((s.start, s.end) for s in self.article.list_items if s.start < end and start < s.end), None)
        return Sentence(index, start, end, self.text[start:end], self.article.section_at(start), item)

    def _usable(self, start: int, end: int) -> bool:
        a = self.article
        if a.in_boilerplate(start, end):
            return False
        for span in (a.title_span, a.subtitle_span):
            if span and span.start <= start < span.end:
                return False
        section = a.section_at(start)
        if section is not None and section.heading_span and section.heading_span.start <= start < section.heading_span.end:
            return False  # headings name topics, they do not state facts
        return section is None or section.kind not in EXCLUDED_SECTIONS

    def _in_table(self, start: int, end: int) -> bool:
        return any(r.row_start <= start and end <= r.row_end + 1 for r in self.table_rows)

    def _heading_like(self, sentence: Sentence) -> bool:
        """A question that opens its line ("What causes X?") and stands alone or names the disease is the
        FAQ-style heading of the answer after it, not an open question."""
        line_start = self.text.rfind("\n", 0, sentence.start) + 1
        if self.text[line_start:sentence.start].strip() or not QUESTION_HEADING.match(sentence.text.strip()):
            return False
        line_end = self.text.find("\n", sentence.end)
        alone = self.text[sentence.end:line_end if line_end >= 0 else len(self.text)].strip() == ""
        return alone or any(self._is_focus(m) for m in self.by_sentence.get(sentence.index, []))

    def _phenotype(self, text: str):
        """The HPO concept (symptom or inheritance) a name stands for, directly or through an xref, else None."""
        candidates = self.vocabulary.lookup(_simple_key(text))
        for c in candidates:
            if c.concept.prefix == "HP":
                return c.concept
        for c in candidates:
            for xref in c.concept.xrefs:
                if xref.startswith("HP:") and xref in self.vocabulary.concepts:
                    return self.vocabulary.concepts[xref]
        return None

    def _phenotype_of(self, concept_id: str | None):
        """The one HPO phenotype a disease concept cross-references ("enlarged liver and spleen": MeSH Splenomegaly
        → HP:0001744), else None."""
        concept = self.vocabulary.concepts.get(concept_id) if concept_id else None
        phenotype = canonical(concept, self.vocabulary.concepts, as_type="SYMPTOM") if concept else None
        return phenotype if phenotype is not None and phenotype is not concept else None

    def _section_heading(self, offset: int) -> str | None:
        section = self.article.section_at(offset)
        return section.heading if section else None

    def _add_mention(self, field: str, m: MentionRecord, method: str, cls=Fact):
        """Add mention `m` as evidence of the fact for its concept (or its text) in `field`."""
        if m.concept_id in ROOT_CONCEPTS or field == "symptoms" and m.concept_id in NOT_A_SYMPTOM:
            return None  # "a serious, long-term medical condition": the root of an ontology says nothing
        return self._add(field, _fact_key(m), lambda ev: cls(
            name=_fact_name(m), concept_id=m.concept_id, concept_label=m.concept_label, assertion=m.assertion,
            evidence=[ev], method=""), (m.start, m.end), method)

    def _add(self, field: str, key: str, factory, mention_or_span, method: str):
        """Add evidence to the fact `key` of `field`, creating it with `factory()` on first sight."""
        start, end = mention_or_span
        ev = _evidence(self.text, start, end)
        bucket = self.fields[field]
        if key in bucket:
            fact = bucket[key]
            if all((e.start, e.end) != (start, end) for e in fact.evidence):
                fact.evidence.append(ev)
            return fact
        fact = factory(ev)
        fact.method = method
        fact.section = self._section_heading(start)
        bucket[key] = fact
        return fact

    # ------------------------------------------------------------------------------------------ focus
    def focus(self) -> Disease:
        a = self.article
        title = (a.title or a.doc_id).strip().lstrip("#").strip()
        diseases = [m for m in self.nlp.mentions if m.label == "DISEASE" and m.concept_id]
        in_title = [m for m in diseases if a.title_span and a.title_span.start <= m.start < a.title_span.end]
        concept_id = None
        if in_title:
            # the longest of nested names ("Adult Acute Myeloid Leukemia"); of names side by side ("Polio and
            # Post-Polio Syndrome") the first, the page's topic
            outermost = [m for m in in_title if not any(o is not m and o.start <= m.start and m.end <= o.end and
                                                          o.end - o.start > m.end - m.start for o in in_title)]
            concept_id = min(outermost, key=lambda m: m.start).concept_id
        else:
            candidates = self.vocabulary.lookup(_simple_key(title))
            disease = [c for c in candidates if c.concept.type == "DISEASE"]
            # a page about a sign ("Myoclonus", "Hiccups"): the title names a phenotype, not a disease
            signs = [m for m in self.nlp.mentions if m.label == "SYMPTOM" and m.concept_id and a.title_span
                     and a.title_span.start <= m.start < a.title_span.end]
            if disease:
                concept_id = sorted(disease, key=lambda c: (c.concept.prefix != "MONDO", c.concept.id))[0].concept.id
            elif signs:
                concept_id = max(signs, key=lambda m: m.end - m.start).concept_id
            elif diseases:
                counts: dict[str, int] = {}
                for m in diseases:
                    counts[m.concept_id] = counts.get(m.concept_id, 0) + 1
                concept_id = max(counts, key=counts.get)
        concept = self.vocabulary.concepts.get(concept_id) if concept_id else None
        self.focus_id = concept_id
        synonyms: OrderedDict[str, None] = OrderedDict()
        for sentence in self.sentences:
            match = cue("synonym", sentence.text)
            if not match or not self._usable(sentence.start, sentence.end):
                continue
            rest = sentence.text[match.end():]
            # "(also known as neuromyotonia, Isaacs-Mertens syndrome, ...)": the parenthesis holds only names
            in_parens = sentence.text[:match.start()].rstrip().endswith("(")
            if in_parens:
                rest = rest.split(")", 1)[0]
            quoted = re.match(r"\s*(?:an?\s+|the\s+)?[\"“]([^\"”]{3,80}?)[.,]?[\"”]", rest)
            if quoted:  # 'sometimes referred to as a "mimic of congenital infection."': the quotes mark the name
                synonyms[quoted.group(1).strip()] = None
                continue
            for phrase in re.split(r",\s*(?:or|and)?\s*|\s+or\s+|\s+and\s+", rest):
                phrase = phrase.strip().strip('"“”\'.;:()').strip()
                if 1 <= len(phrase.split()) <= 8 and phrase and not phrase[0].islower() or (
                        phrase and len(phrase.split()) <= 6 and ("-" in phrase or in_parens)):
                    synonyms[phrase] = None
        title_key = _simple_key(title)
        # "Glucose transporter type 1 deficiency syndrome (GLUT1 deficiency syndrome) is ...": the name in parentheses
        # right after the first use of the title's name is another name for it (short forms are abbreviations)
        first = re.search(rf"{re.escape(title)}\s*\(([^()]{{3,60}})\)", self.text[a.title_span.end if a.title_span
                                                                                 else 0:], re.I)
        if first and 2 <= len(first.group(1).split()) <= 6 and not re.search(r"\d{3,}|[;:]|\b(or|and|see)\b",
                                                                              first.group(1)):
            synonyms.setdefault(first.group(1).strip(), None)
        for m in self.mentions:
            if concept_id and m.concept_id == concept_id and m.method != "abbreviation" and m.label == "DISEASE":
                if _simple_key(m.text) != title_key and not m.text.isupper():
                    synonyms.setdefault(m.text, None)
        lowered = {}
        for s in synonyms:
            lowered.setdefault(_simple_key(s), s)
        names = {title_key} | {_simple_key(s) for s in synonyms}
        # "Thymoma and Thymic Carcinoma": a page about two related diseases names both in its title
        if re.search(r"\s(and|&)\s", title) and len(title.split()) <= 8:
            names |= {_simple_key(part) for part in re.split(r"\s+(?:and|&)\s+", title) if len(part) > 3}
        abbreviations = OrderedDict()
        for ab in self.nlp.abbreviations:
            if _simple_key(ab.long) in names or (concept_id and any(
                    m.concept_id == concept_id and m.start == ab.short_start for m in self.nlp.mentions)):
                abbreviations[ab.short] = None
        for name in list(lowered.values()):
            if _initials_of(name, title):  # "Age-related macular degeneration, also known as AMD": a short form
                abbreviations.setdefault(name, None)
                del lowered[_simple_key(name)]
        self.focus_keys = names | {_simple_key(a) for a in abbreviations}
        self.focus_stem = max(re.findall(r"[a-z]{6,}", title.lower()), key=len, default="")[:6]
        self.focus_words = set(re.findall(r"[a-z]{4,}", " ".join([title.lower(), *names])))
        evidence = [_evidence(self.text, a.title_span.start, a.title_span.end)] if a.title_span else []
        return Disease(
            name=title, concept_id=concept_id, concept_label=concept.label if concept else None,
            xrefs=sorted(x for x in (concept.xrefs if concept else ()) if not x.startswith("UNII:")),
            synonyms=[s for k, s in lowered.items() if k != title_key],
            abbreviations=list(abbreviations), evidence=evidence)

    def _is_focus(self, m: MentionRecord) -> bool:
        return (self.focus_id is not None and m.concept_id == self.focus_id) or _simple_key(m.text) in self.focus_keys

    def _is_focus_subtype(self, m: MentionRecord) -> bool:
        """"foodborne botulism", "paraneoplastic limbic encephalitis", "acute bronchitis" (an HPO phenotype too): a
        form of the disease, not a finding of it."""
        key = _simple_key(m.text)
        return m.label in ("DISEASE", "SYMPTOM") and any(f and f != key and re.search(rf"(^| ){re.escape(f)}$", key)
                                            for f in self.focus_keys if len(f) > 3 or f.isupper())

    # ------------------------------------------------------------------------------------------ fields
    def assign(self) -> None:
        self._categories()
        cause_ids: set[str] = set()
        for sentence in self.sentences:
            if not self._usable(sentence.start, sentence.end) or self._in_table(sentence.start, sentence.end):
                continue
            kind = sentence.section.kind if sentence.section else "overview"
            self._genes(sentence, kind)
            mentions = [m for m in self.by_sentence.get(sentence.index, []) if m.assertion not in FACT_ASSERTIONS_EXCLUDED]
            if not mentions:
                continue
            text = sentence.text
            # a causes section lists causes with weaker cues ("associated with", "include"); a complications
            # section's "death due to respiratory failure" names a mechanism, not a cause of the disease
            subject_cause = None if kind == "complications" else self._subject_cause(sentence, mentions)
            cause_match = None if kind == "complications" else (
                _outside_parentheses(CUES["cause"], text) or subject_cause or (
                    _outside_parentheses(CUES["cause_in_section"], text) if kind == "causes" and not (
                        sentence.list_item and ADVICE_LEAD_IN.search(self._list_intro(sentence))) else None) or
                self._cause_list_item(sentence, kind))
            # "can be confused with": the diseases named after it (or in the list it opens) are told apart from it
            inline_differential = cue("differential", text)
            differential_from = 0 if cue("differential", self._list_intro(sentence)) else (
                inline_differential.end() if inline_differential else self._other_disease_symptoms(sentence, mentions, kind))
            symptom_list = cue("symptom_list", text)
            # in a symptoms section "may result in"/"permanent" describe the symptoms themselves
            # (and in a causes section they describe the mechanism)
            complication_match = None if kind in ("symptoms", "causes") else cue("complication", text)
            if kind == "symptoms" and self._finding_leads_to(sentence, mentions):
                complication_match = CAUSAL_COMPLICATION.search(text)  # "Blood clots can lead to stroke"
            # a prevention section's measures (vaccines, foods to avoid) are not treatments of the disease
            # "The following tests may be used: - CT scan ... A dye may be injected": a list of tests, whatever section
            tests_listed = bool(cue("diagnostic", self._list_intro(sentence))) and not self._in_treatment_list(sentence)
            # "Health problems ... that can trigger blood clots include: - Birth control pills and hormone therapy"
            intro = self._list_intro(sentence)
            causes_listed = bool(sentence.list_item and CAUSE_LEAD_IN_ONLY.search(intro) and not cue("treatment", intro))
            treatment_context = kind not in ("prevention", "causes") and not tests_listed and not causes_listed and (
                kind == "treatment" or cue("treatment", text) or self._in_treatment_list(sentence))
            for m in mentions:
                if self._is_focus(m) or self._is_focus_subtype(m) or NAMES_AN_INSTITUTION.match(self.text, m.end) or \
                        INSTITUTION_BEFORE.search(self.text, max(0, m.start - 80), m.start) or (
                        m.text[:1].isupper() and ORGANISATION_BEFORE.search(self.text, max(0, m.start - 40), m.start)):
                    continue  # "National Institute of Neurological Disorders and Stroke" names no finding
                if "+predicate" in m.method and self._is_focus_name(PREDICATE_COPULA.split(m.text)[0]):
                    continue  # "The two main types of bronchitis are acute": the disease's forms, no finding
                if differential_from is not None and m.label in ("SYMPTOM", "DISEASE") and \
                        m.start - sentence.start >= differential_from:
                    continue  # "Celiac disease can be confused with - irritable bowel syndrome": told apart from
                if m.label in ("DRUG", "PROCEDURE"):
                    concept = self.vocabulary.concepts.get(m.concept_id)
                    if ADJUNCT_PROCEDURE.search(m.concept_label or m.text) or (
                            ANESTHETIC.search(m.concept_label or m.text) and PROCEDURE_PERFORMED.search(text)):
                        continue  # anaesthesia or sedation for a test or an operation treats and tests nothing
                    drug_test = DRUG_TEST.match(self.text, m.end) if m.label == "DRUG" else None
                    imaging = DRUG_IMAGING.match(self.text, m.end) if m.label == "DRUG" else None
                    if imaging or drug_test and (kind == "diagnosis" or cue("diagnostic", text)):
                        drug_test = drug_test or imaging  # "a fluorescein angiogram" tests, whatever the section
                        self._add("diagnostics", f"{m.concept_id or m.text.lower()} test", lambda ev: Fact(
                            name=ev.text, evidence=[ev], method=""), (m.start, drug_test.end()),
                            f"{m.method}+drug-test:diagnostic")
                        continue
                    branch = concept.branch if concept else self._coordinated_branch(m, mentions)
                    if branch == "diagnostic" and kind == "treatment" and self._in_treatment_list(sentence):
                        branch = "therapeutic"  # "Treatment may include the following: - Phlebotomy."
                    if branch == "diagnostic" or (
                            (kind == "diagnosis" or cue("diagnostic", text)) and not treatment_context):
                        if m.label == "PROCEDURE" and not RESOURCE_LIST.search(self._list_intro(sentence)) and \
                                not RESOURCE_LIST.search(text[:m.start - sentence.start]):  # "- Diagnostic Tests"
                            self._add_mention("diagnostics", m, method=f"{m.method}+cue:diagnostic")
                        continue
                    if cause_match and kind != "treatment" and m.start - sentence.start >= cause_match.start() and (
                            m.label == "PROCEDURE" or (m.concept_id or "").startswith("DRUGBANK:") or
                            0 <= m.start - sentence.start - cause_match.end() <= 12) and \
                            not PROTEIN_FUNCTION_BEFORE.search(text[:m.start - sentence.start]) and \
                            not SUBSTANCE_STATE_BEFORE.search(self.text[max(sentence.start, m.start - 40):m.start]):
                        # "caused by abnormal autoantibodies"; not "due to excess loss of calcium" (a state, not the
                        # substance)
                        # "develops after radiation treatment": a procedure or drug can be the cause
                        self._add_mention("causes", m, method=f"{m.method}+cue:cause")
                        continue
                    if treatment_context and kind not in ("research", "treatment") and PEOPLE_RECEIVING_BEFORE.search(
                            text[:m.start - sentence.start]):
                        continue  # "people receiving immunosuppressive medications or undergoing chemotherapy"
                    if treatment_context and kind not in ("research", "treatment") and m.label == "PROCEDURE" and \
                            TIME_PREPOSITION_BEFORE.search(text[:m.start - sentence.start]):
                        continue  # "heavy bleeding following surgery, dental work": when, not how it is treated
                    if treatment_context and kind != "research":
                        self._treatment(m, sentence, mentions)
                    continue
                if m.label == "CHEMICAL" and treatment_context and kind != "research" and DRUG_LIST_BEFORE.search(
                        text[:m.start - sentence.start]):
                    self._treatment(m, sentence, mentions)  # "drugs such as barbiturates"
                    continue
                if m.label not in ("DISEASE", "SYMPTOM"):
                    if m.label == "INHERITANCE":
                        self._add_mention("inheritance", m, method=m.method)
                    elif m.label == "ORGANISM" and cause_match and m.start - sentence.start >= cause_match.start():
                        self._add_mention("causes", m, method=f"{m.method}+cue:cause")
                    continue
                if kind == "research":
                    continue
                comorbidity = cue("comorbidity", text[:m.end - sentence.start])  # "other autoimmune conditions"
                associated = subject_cause is not None and "associated" in subject_cause.group(0).lower()
                if comorbidity and kind not in ("causes",) and (not cause_match or cause_match is subject_cause and associated):
                    continue  # "other autoimmune diseases such as vitiligo" are associated conditions
                in_symptom_context = kind == "symptoms" or (symptom_list and m.start - sentence.start >= symptom_list.end())
                if self._causes_focus(m, mentions):
                    cause_ids.add(m.concept_id or m.text.lower())
                    self._add_mention("causes", m, method=f"{m.method}+cue:causes-focus")
                    continue
                consequence = CAUSED_BY_AFTER.match(self.text, m.end)
                if consequence and any(self._is_focus(x) and consequence.end() <= x.start <= consequence.end() + 4
                                       for x in mentions):
                    self._add_mention("complications", m, method=f"{m.method}+cue:caused-by-disease")
                    continue
                if PEOPLE_WITH_BEFORE.search(text[:m.start - sentence.start]) and not cause_match:
                    continue  # "in patients with immune deficiency": who is meant, not a finding
                if ANOTHER_PERSON_BEFORE.search(text[:m.start - sentence.start]):
                    continue  # "droplets if an infected person sneezes or coughs": what someone else does
                if m.label in ("SYMPTOM", "DISEASE") and (PREVENTED_BEFORE.search(text[:m.start - sentence.start]) or
                                                          AGGRAVATES_AFTER.match(self.text, m.end, sentence.end)):
                    continue  # "exercising to prevent constipation", "allergies can worsen the symptoms": no finding
                if m.label == "SYMPTOM" and OTHER_CONDITION_CAUSES_BEFORE.search(text[:m.start - sentence.start]) and \
                        not (mentions and self._is_focus(mentions[0])):
                    continue  # "Eclampsia is a serious condition that causes seizures": another condition's sign
                if COMPARISON_BEFORE.search(text[:m.start - sentence.start]):
                    continue  # "petechiae look like a rash": the compared thing is not a finding
                if ADVERSE_EFFECT_CONTEXT.search(text) and kind != "symptoms":
                    continue  # a reaction to the shot, not a sign of the disease
                # in a symptoms section a finding after "caused by" is described, but "X usually develops after a
                # stroke" (the disease its subject) names a cause there too
                words = m.text.lower().split()
                if subject_cause is not None and cause_match is subject_cause and words[-1] in GENERIC_CAUSE_HEADS and \
                        all(w in NOT_A_CLASS_MODIFIER or w == "other" for w in words[:-1]):
                    continue  # "may be associated with other medical problems": no cause named
                if cause_match and cause_match.start() <= m.start - sentence.start and not (
                        m.label == "SYMPTOM" and kind == "symptoms" and cause_match is not subject_cause) and not (
                        # "The early infantile form is associated with extensive swelling (hydrops fetalis), an
                        # inguinal hernia": phenotypes it comes with are features; "viral infections" are causes
                        m.label == "SYMPTOM" and subject_cause is not None and cause_match is subject_cause and
                        re.search(r"\b(is|are)\s+(\w+\s+)?associated", subject_cause.group(0), re.I)) and not (
                        self._effect_after_cause_of(cause_match, sentence, m)) and not (
                        m.label == "SYMPTOM" and TRANSMISSION_CUE.search(cause_match.group(0))):
                    # a route of spread is no symptom ("spread through contact with fluid from the rash")
                    if self._cause_of_another(cause_match, sentence, mentions):
                        continue
                    if self._generic_yields(m, sentence, mentions) or NOT_A_CAUSE_BEFORE.search(
                            text[:m.start - sentence.start]) or VACCINE_FOR_BEFORE.search(text[:m.start - sentence.start]):
                        continue
                    cause_ids.add(m.concept_id or m.text.lower())
                    self._add_mention("causes", m, method=f"{m.method}+cue:cause")
                    continue
                complication = kind == "complications" or (
                    complication_match is not None and m.start - sentence.start >= complication_match.start()) or (
                    kind == "symptoms" and any(0 <= m.start - sentence.start - r.end() <= 60
                                               for r in RISK_OF.finditer(text)))  # a risk is no symptom
                if complication and (m.concept_id or m.text.lower()) not in cause_ids:
                    if m.label == "SYMPTOM" and (m.concept_id in self.fields["symptoms"]) and not self._focus_causes(
                            m, sentence, mentions) and not SEQUELA_BEFORE.search(text[:m.start - sentence.start]):
                        continue  # a known symptom restated in the outlook is not a complication ("WD can cause" is)
                    where = "section" if kind == "complications" else "cue"
                    self._add_mention("complications", m, method=f"{m.method}+{where}:complication")
                    continue
                if m.label == "SYMPTOM" and any(a <= m.start < b for a, b in self.definition_predicates):
                    continue  # "a rare autoimmune condition": the disease's kind, not one of its findings
                if m.label == "SYMPTOM" and kind == "frequency" and not in_symptom_context and \
                        AT_RISK_HEADING.search(sentence.section.heading or ""):
                    continue  # "Who is at risk for AMD?": what it lists are risk factors, not findings
                if m.label == "SYMPTOM" and kind not in ("treatment", "diagnosis", "prevention"):
                    where = "section" if kind == "symptoms" else "context"
                    self._add_mention("symptoms", m, cls=Symptom, method=f"{m.method}+{where}:symptom")
                elif m.label == "SYMPTOM" and (SYMPTOM_INTRO.search(text[:m.start - sentence.start])
                                               or self._under_symptom_intro(sentence)
                                               or self._named_a_symptom(m, sentence, mentions)):
                    # "Other symptoms of shingles can include - fever - headache" inside a diagnosis section
                    self._add_mention("symptoms", m, cls=Symptom, method=f"{m.method}+cue:symptom-list")
                elif m.label == "SYMPTOM" and kind == "treatment" and cue("treatment_target", text[:m.start - sentence.start]):
                    self._add_mention("symptoms", m, cls=Symptom, method=f"{m.method}+cue:treatment-target")
                elif m.label == "DISEASE" and (in_symptom_context or self._named_a_symptom(m, sentence, mentions)) and \
                        (m.concept_id or m.text.lower()) not in self.fields["categories"]:
                    self._disease_as_symptom(m, "section" if kind == "symptoms" else "cue")
        self._symptom_tables()
        self._enumerated_symptoms()
        self._cause_phrases()
        self._subject_causes()
        self._causes_not_symptoms()
        self._diets_and_deaths()
        self._test_phrases()
        self._drop_generic_inheritance()
        category_ids = set(self.fields["categories"])
        for key in [k for k in self.fields["causes"] if k in category_ids]:
            del self.fields["causes"][key]  # "results from an autoimmune disorder" restates the category
        self._coordinated_phrases()
        self._treatment_list_phrases()
        self._symptoms_not_complications()
        self._populations()
        self._statements()
        for statistic in stats_rules.find_statistics(self.text, self.sentences, self.by_sentence, self._usable,
                                                     self._is_focus, excluded=self._in_table):
            self.fields["statistics"][f"{statistic.evidence[0].start}"] = statistic

    def _named_a_symptom(self, m: MentionRecord, sentence: Sentence, mentions: list[MentionRecord]) -> bool:
        """ "itching around the anus is a common symptom (of pinworm)", but not "... a symptom of diabetes"."""
        predicate = SYMPTOM_PREDICATE_AFTER.match(self.text, m.end, sentence.end)
        if not predicate:
            return False
        return not predicate.group("of") or any(self._is_focus(x) and x.start == predicate.end() for x in mentions) or \
            self._names_focus(self.text[predicate.end():sentence.end])

    def _finding_leads_to(self, sentence: Sentence, mentions: list[MentionRecord]) -> bool:
        """The sentence opens with a finding (not the disease) that "can lead to" others: "Blood clots can lead to
        stroke, heart attack, kidney damage": what the finding leads to are complications."""
        lead = CAUSAL_COMPLICATION.search(sentence.text)
        first = mentions[0] if mentions else None
        return bool(lead and first and first.label in ("DISEASE", "SYMPTOM") and not self._is_focus(first) and
                    first.start - sentence.start <= 4 and first.end - sentence.start <= lead.start() and
                    not sentence.text[first.end - sentence.start:lead.start()].strip(" ,"))

    def _other_disease_symptoms(self, sentence: Sentence, mentions: list[MentionRecord], kind: str = "") -> int | None:
        """Where the symptoms of another disease are listed: "Symptoms of a cold or the flu include sore throat,
        fatigue ..." in a bronchitis article (an offset into the sentence, else None). In a complications section
        the symptoms of a complication ("Symptoms of urinary stones include ...") are not complications either."""
        for intro in OTHER_SYMPTOMS_OF.finditer(sentence.text):
            named = [m for m in mentions if m.label in ("DISEASE", "SYMPTOM") and 0 <= m.start - sentence.start - intro.end()
                     and re.fullmatch(r"(\w+ (or|and) (an? |the )?)?", sentence.text[intro.end():m.start - sentence.start])]
            if named and kind == "complications" and not any(self._is_focus(m) for m in named):
                return intro.end()
            # a finding's signs ("Symptoms of anemia include") and a form of this disease's ("Symptoms of diffuse
            # gastric cancer", "Symptoms of PKD") are its own
            if named and all(m.label == "DISEASE" and not m.text.isupper() and not self._is_focus(m) and
                             not self._is_focus_subtype(m) and not self._shares_focus_word(m.text) and
                             self._phenotype(m.text) is None and self._phenotype_of(m.concept_id) is None
                             for m in named):
                return intro.end()
        return None

    def _shares_focus_word(self, text: str) -> bool:
        words = {w for w in re.findall(r"[a-z]{4,}", text.lower())} - {"disease", "disorder", "syndrome", "cancer"}
        return bool(self.focus_stem) and any(w.startswith(self.focus_stem) or w in self.focus_words for w in words)

    def _treatment_list_phrases(self) -> None:
        """The items no vocabulary names in a list of what is recommended that names a drug or procedure too: "your
        doctor may recommend rest, plenty of fluids, and aspirin" → rest, plenty of fluids."""
        for sentence in self.sentences:
            kind = sentence.section.kind if sentence.section else "overview"
            if kind != "treatment" or not self._usable(sentence.start, sentence.end):
                continue
            mentions = self.by_sentence.get(sentence.index, [])
            for verb in TREATMENT_LIST_VERB.finditer(sentence.text):
                start = sentence.start + verb.end()
                stop = TREATMENT_LIST_END.search(self.text, start, sentence.end)
                items = [phrases.trim(self.text, a, b) for a, b in
                         phrases.split_spans(self.text, start, stop.start() if stop else sentence.end, SUBJECT_SPLIT)]
                items = [(a, b) for a, b in items if b > a]
                covered = [any(m.start < b and a < m.end for m in mentions) for a, b in items]
                if len(items) < 2 or not any(covered) or not any(
                        m.label in ("DRUG", "PROCEDURE") and start <= m.start for m in mentions):
                    continue
                for (a, b), is_covered in zip(items, covered):
                    item = self.text[a:b]
                    if is_covered or not 1 <= len(item.split()) <= 4 or not re.fullmatch(r"[a-z][a-z' -]*[a-z]", item) or \
                            phrases.ENUMERATION_STOP.search(item) or item.split()[-1] in GENERIC_TREATMENT_WORDS or \
                            re.fullmatch(r"[a-z]+ly", item):
                        continue  # (an adverb between commas: "colchicine and, possibly, prednisone")
                    self._add("treatments", item, lambda ev: Treatment(name=ev.text, kind="therapy", evidence=[ev],
                                                                       method=""), (a, b), "phrase+list:treatment")

    def _symptoms_not_complications(self) -> None:
        """A finding the overview says the disease "may cause" and the symptoms section lists is a symptom
        ("Bronchitis also may cause wheezing, chest pain ..."): only the symptom fact stays. A complications
        section or a sequela cue ("permanent", "lead to") keeps it a complication."""
        listed = {key for key, fact in self.fields["symptoms"].items() if any(
            (section := self.article.section_at(e.start)) is not None and section.kind == "symptoms" for e in fact.evidence)}
        for key in [k for k, f in self.fields["complications"].items() if k in listed and f.method.endswith("cue:complication")]:
            sentence = self._sentence_at(self.fields["complications"][key].evidence[0].start)
            if sentence is not None and not SEQUELA_CUE.search(sentence.text):
                del self.fields["complications"][key]

    def _sentence_at(self, offset: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= offset < s.end), None)

    def _cause_list_item(self, sentence: Sentence, kind: str) -> re.Match | None:
        """An item of a list whose lead-in names causes, in a causes section ("Several factors may cause this
        swelling, including - chronic constipation - straining during bowel movements"): the whole item is a cause
        (a match over the item)."""
        intro = self._list_intro(sentence)
        if sentence.list_item is None or EFFECT_LIST_INTRO.search(intro):
            return None
        if not (kind == "causes" and CAUSE_LIST_INTRO.search(intro) or CAUSE_LIST_LEAD_IN.search(intro)):
            return None  # outside a causes section only a lead-in ending in its cue ("symptoms can be triggered by")
        return re.match(r".*", sentence.text)

    def _subject_cause(self, sentence: Sentence, mentions: list[MentionRecord]) -> re.Match | None:
        """A cause cue that only holds when the disease is the subject: "ADEM often follows viral infections",
        "Myoclonus may develop in response to infection", "... jerks commonly occur in persons with epilepsy"."""
        match = _outside_parentheses(CUES["cause_of_subject"], sentence.text)
        if match is None:
            return None
        subject = sentence.text[:match.start()]
        if re.search(r"^\s*(it|this (disease|condition|disorder|syndrome|illness))\b", subject, re.I) or re.search(
                r"\b(it|(this|the) (disease|condition|disorder|syndrome|illness))\s+$", subject, re.I):
            return match  # "In some cases, the condition may be associated with viral infections"
        before = [x for x in mentions if x.start - sentence.start < match.start() and x.label in ("DISEASE", "SYMPTOM")]
        # the last finding named before the cue is its subject: the disease ("Myoclonic jerks commonly occur in
        # persons with epilepsy"), not "cataplexy, which is a sudden loss of muscle tone in response to emotion"
        if before and (self._is_focus(before[-1]) or self._names_focus(before[-1].text)):
            return match
        return None

    def _cause_of_another(self, cause_match: re.Match, sentence: Sentence, mentions: list[MentionRecord]) -> bool:
        """The cue names the cause of something else: "kidney damage due to infection" (a finding right before the
        cue), "VUR is an unlikely cause of UTI" (the disease itself is the cause)."""
        cue_start = sentence.start + cause_match.start()
        relatives = list(re.finditer(r",?\s+(which|that)\b", sentence.text[:cause_match.start()]))
        if relatives:  # "Spasticity, which can occur as a stiffness caused by increased muscle tone"
            relative = sentence.start + relatives[-1].start()
            if any(relative - 1 <= x.end <= relative and not self._is_focus(x) and x.label in ("DISEASE", "SYMPTOM") and
                   not any(a <= x.start < b for a, b in self.definition_predicates)  # "X is a paraneoplastic syndrome, which"
                   and not re.search(r"\b(is|are)\s+(an?|the)\s+[^,;]*$", self.text[sentence.start:x.start])
                   for x in mentions) and not any(self._is_focus(x) and relative < x.start < cue_start for x in mentions):
                return True
        if re.match(r"due to|caused by|results? from", cause_match.group(0), re.I) and TEST_RESULT_BEFORE.search(
                sentence.text[:cause_match.start()]):
            return True  # "a single positive test can result from a short-term infection": a test's cause
        if re.match(r"due to|caused by|results? from|triggered by|brought on by", cause_match.group(0), re.I) and any(
                cue_start - 3 <= x.end <= cue_start and not self._is_focus(x) and x.label in ("DISEASE", "SYMPTOM") and
                x.text.lower().split()[-1] not in GENERIC_DISEASE_WORDS  # "a rare disorder caused by" is the disease
                for x in mentions):
            return True
        return bool(re.match(r"causes? (of|is|are)", cause_match.group(0), re.I)) and any(
            self._is_focus(x) and x.end <= cue_start for x in self.by_sentence.get(sentence.index, [])) and bool(
            re.search(r"\b(is|are|was|be)\s+(an?|the)\s+(\w+\s+)?$", sentence.text[:cause_match.start()]))

    def _names_focus(self, text: str) -> bool:
        """`text` is a form of the focus disease's name: "Myoclonic jerking" for Myoclonus (the first six letters
        of the title's longest word)."""
        return bool(self.focus_stem) and text.lower().startswith(self.focus_stem)

    def _causes_focus(self, m: MentionRecord, mentions: list[MentionRecord]) -> bool:
        """`m` is said to cause the disease: "an autoimmune response is thought to cause ITP"."""
        verb = CAUSES_AFTER.match(self.text, m.end)
        return verb is not None and any(self._is_focus(x) and verb.end() <= x.start <= verb.end() + 20 for x in mentions)

    def _without_focus_names(self, sentence: Sentence) -> str:
        """The sentence with the focus disease's names blanked out, so cue words inside a name ("Fatal familial
        insomnia", "Relapsing polychondritis") do not count as cues."""
        text = sentence.text
        for m in self.by_sentence.get(sentence.index, []):
            if self._is_focus(m):
                start, end = m.start - sentence.start, m.end - sentence.start
                text = text[:start] + "_" * (end - start) + text[end:]
        return text

    def _focus_causes(self, m: MentionRecord, sentence: Sentence, mentions: list[MentionRecord]) -> bool:
        """The disease itself is said to cause `m`: "WD can cause brain damage, liver failure, and death", "if
        untreated, it may lead to ..." (not "injuries that can cause bruising")."""
        causals = list(CAUSAL_COMPLICATION.finditer(sentence.text[:m.start - sentence.start]))
        if not causals:
            return False
        causal = causals[-1]  # the cue nearest the finding
        if causal.group(0).lower().startswith("if"):
            return True
        subject = sentence.text[max(0, causal.start() - 40):causal.start()]
        cue_start = sentence.start + causal.start()
        return bool(re.search(r"\b(it|this (disease|condition|disorder|syndrome|illness))\s+(\w+\s+)?$", subject, re.I)) or any(
            self._is_focus(x) and cue_start - 40 <= x.end <= cue_start for x in mentions)

    def _disease_as_symptom(self, m: MentionRecord, where: str) -> None:
        if m.concept_id in NOT_A_SYMPTOM:
            return
        phenotype = self._phenotype_of(m.concept_id) or self._phenotype(m.text)
        concept_id = phenotype.id if phenotype is not None and phenotype.type == "SYMPTOM" else m.concept_id
        label = phenotype.label if concept_id != m.concept_id else m.concept_label
        self._add("symptoms", concept_id or m.text.lower(), lambda ev: Symptom(
            name=_fact_name(m), concept_id=concept_id, concept_label=label, assertion=m.assertion, evidence=[ev],
            method=""),
            (m.start, m.end), f"{m.method}+{where}:symptom" + ("+relinked:HP" if concept_id != m.concept_id else ""))

    def _symptom_tables(self) -> None:
        """Symptom-table rows: the row label's HPO concept (exact label or synonym) with the stated frequency."""
        for row in self.table_rows:
            if not self._usable(row.start, row.end):
                continue
            if TABLE_MODIFIER_ROW.search(row.label) or _simple_key(row.label) == _simple_key(self.article.title or ""):
                continue  # "Adult onset", "Variable expressivity": HPO modifiers, not signs; the disease's own row
            phenotype = self._phenotype(row.label)
            if phenotype is not None and phenotype.type == "INHERITANCE":
                self._add("inheritance", phenotype.id, lambda ev, c=phenotype: Fact(
                    name=ev.text, concept_id=c.id, concept_label=c.label, evidence=[ev], method=""),
                    (row.start, row.end), "table:symptoms")
                continue
            if phenotype is not None and phenotype.type != "SYMPTOM":
                continue
            key = phenotype.id if phenotype is not None else row.label.lower()
            fact = self._add("symptoms", key, lambda ev, c=phenotype: Symptom(
                name=ev.text, concept_id=c.id if c else None, concept_label=c.label if c else None,
                evidence=[ev], method=""), (row.start, row.end), "table:symptoms")
            if row.frequency and not fact.frequency:
                fact.frequency = row.frequency

    def _enumerated_symptoms(self) -> None:
        """Items of a symptom enumeration no vocabulary term covers: name-only symptoms (`phrases.py`)."""
        for sentence in self.sentences:
            kind = sentence.section.kind if sentence.section else "overview"
            if kind in phrases.ENUMERATION_EXCLUDED_KINDS or not self._usable(sentence.start, sentence.end):
                continue
            if self._in_table(sentence.start, sentence.end) or self._heading_like(sentence):
                continue
            listed = cue("symptom_list", sentence.text)
            mentions = self.by_sentence.get(sentence.index, [])
            if listed and self._other_disease_symptoms(sentence, mentions) is not None:
                continue  # "Symptoms of a cold or the flu include ..."
            if listed:
                segment_start = sentence.start + listed.end()
            elif kind == "symptoms" and sentence.list_item is not None:
                intro = self._list_intro(sentence)
                if BODY_PARTS_INTRO.search(intro) or cue("differential", intro) or CAUSE_LIST_LEAD_IN.search(intro):
                    continue  # "affect other areas of the body, including the - spleen - nervous system"
                segment_start = sentence.start
            else:
                continue
            mentions = self.by_sentence.get(sentence.index, [])
            if any(m.assertion in FACT_ASSERTIONS_EXCLUDED for m in mentions):
                continue  # a negated enumeration lists what is absent
            if listed and not any(m.label in ("SYMPTOM", "DISEASE") for m in mentions):
                continue  # a cue in a sentence naming no finding ("search features, such as the location of the trial")
            for start, end in phrases.enumeration_items(self.text, segment_start, sentence.end):
                if any(m.start < end and start < m.end for m in mentions):
                    continue  # covered by a vocabulary mention (whatever field it went to)
                self._add("symptoms", self.text[start:end].lower(), lambda ev: Symptom(
                    name=ev.text, evidence=[ev], method=""), (start, end),
                    f"enumeration+{'cue' if listed else 'section'}:symptom")

    def _cause_phrases(self) -> None:
        """The noun phrase after a cause cue when no vocabulary term starts it: a name-only cause (`phrases.py`)."""
        for sentence in self.sentences:
            kind = sentence.section.kind if sentence.section else "overview"
            if not self._usable(sentence.start, sentence.end) or self._in_table(sentence.start, sentence.end):
                continue
            mentions = self.by_sentence.get(sentence.index, [])
            # "CRPS usually develops after an injury" names causes in a symptoms section too
            excluded = kind in phrases.CAUSE_PHRASE_EXCLUDED_KINDS
            if self._cause_list_item(sentence, kind):
                self._cause_item_phrase(sentence, mentions)
                continue
            subject_cause = self._subject_cause(sentence, mentions) if kind == "symptoms" or not excluded else None
            cues = [] if excluded else [*CUES["cause"].finditer(sentence.text)]
            for match in cues + ([subject_cause] if subject_cause else []):
                if sentence.text.count("(", 0, match.start()) > sentence.text.count(")", 0, match.start()):
                    continue  # inside a parenthesis: it explains the term before it
                if match is not subject_cause and (self._cause_of_another(match, sentence, mentions) or (
                        re.match(r"causes? of", match.group(0), re.I) and re.search(
                            r"\b(is|are|was|were|be)\s+(an?|the|one of the)\s+(\w+\s+){0,2}$", sentence.text[:match.start()]))):
                    continue  # "infections caused by bacteria"; "COPD is a major cause of death": the subject causes
                # "responding to warnings, and hearing doorbells" is no list of causes
                listing = not match.group(0).lower().startswith("responding")
                start = self._after_focus_predicate(sentence.start + match.end(), mentions)
                if start == sentence.start + match.end() and re.match(r"causes? of", match.group(0), re.I):
                    continue  # "other causes of bleeding", "Causes of low bone mass include": the effect follows
                for span in phrases.cause_phrases(self.text, start, sentence.end, listing):
                    if _covered_by_mention(span, mentions):
                        continue  # a vocabulary term is there: the mention rules decided
                    self._add("causes", self.text[span[0]:span[1]].lower(), lambda ev: Fact(
                        name=ev.text, evidence=[ev], method=""), span, "phrase+cue:cause")

    @staticmethod
    def _effect_after_cause_of(cause_match: re.Match, sentence: Sentence, m: MentionRecord) -> bool:
        """"to rule out other causes of bleeding": what follows "causes of" is the effect, not a cause."""
        return bool(re.match(r"causes? of", cause_match.group(0), re.I)) and re.fullmatch(
            r"\s*((the|a|an|your|this|these)\s+)?", sentence.text[cause_match.end():m.start - sentence.start]) is not None

    def _after_focus_predicate(self, offset: int, mentions: list[MentionRecord]) -> int:
        """Past "<the disease> is" when a cue names the disease first: "Another cause of hemorrhoids is the
        weakening of the connective tissue" → the phrase starts at "the weakening"."""
        for m in mentions:
            if self._is_focus(m) and m.start >= offset and re.fullmatch(r"\s*", self.text[offset:m.start]):
                verb = FOCUS_PREDICATE.match(self.text, m.end)
                return verb.end() if verb else offset
        return offset

    def _cause_item_phrase(self, sentence: Sentence, mentions: list[MentionRecord]) -> None:
        """A cause-list item no vocabulary term covers, up to its first clause break: "straining during bowel
        movements", "a lack of fiber in the diet"."""
        start, end = phrases.trim(self.text, *sentence.list_item)
        span = phrases.cause_phrase(self.text, start, end)
        if span is None or _covered_by_mention(span, mentions):
            return
        self._add("causes", self.text[span[0]:span[1]].lower(), lambda ev: Fact(
            name=ev.text, evidence=[ev], method=""), span, "phrase+list:cause")

    def _subject_causes(self) -> None:
        """Each coordinated subject of a causal verb whose object is the focus disease: "Sometimes surgery,
        pregnancy, childbirth, a viral infection, or severe emotional stress can also trigger celiac disease
        symptoms" gives five causes (a vocabulary mention where one covers the item, else a name-only fact)."""
        for sentence in self.sentences:
            kind = sentence.section.kind if sentence.section else "overview"
            if kind in phrases.CAUSE_PHRASE_EXCLUDED_KINDS or not self._usable(sentence.start, sentence.end) or \
                    self._in_table(sentence.start, sentence.end):
                continue
            if sentence.text.rstrip().endswith("?"):
                continue  # "What causes FFI?" asks
            mentions = self.by_sentence.get(sentence.index, [])
            focus_starts = {m.start for m in mentions if self._is_focus(m) or self._is_focus_subtype(m)}
            for verb in SUBJECT_CAUSE_VERB.finditer(sentence.text):
                if sentence.start + verb.end() not in focus_starts and not GENERIC_ILLNESS_OBJECT.match(sentence.text, verb.end()):
                    continue
                head = sentence.text[:verb.start()]
                lead = SUBJECT_START.match(head)
                start = sentence.start + (lead.end() if lead else 0)
                end = sentence.start + verb.start()
                complement = SUBJECT_COMPLEMENT.match(self.text, start, end)
                if complement:  # "Researchers believe that a large number of mutations can cause ..."
                    start = complement.end()
                relative = SUBJECT_RELATIVE.search(self.text, start, end)
                if relative and PREPOSITION_END.search(self.text, start, relative.start() + 1):
                    start = relative.end()  # "The mechanism by which aspirin and other salicylates trigger RS"
                elif relative:
                    end = relative.start()
                gloss = TRAILING_GLOSS.search(self.text, start, end)
                end = gloss.start() if gloss else end  # "aspirin (salicylate) is the major risk factor for"
                if "(" in self.text[start:end] or ")" in self.text[start:end]:
                    continue
                self._subject_items(start, end, mentions, sentence_initial=start == sentence.start)

    def _subject_items(self, start: int, end: int, mentions: list[MentionRecord], sentence_initial: bool = False) -> None:
        """Only a plain coordination of short noun phrases counts: one clause word, auxiliary or subordinator
        anywhere ("the virus cannot", "Although what") means the span is not a list of subjects. An "or" between
        modifiers ("Swelling in the anal or rectal veins") joins no subjects: such a span is one subject."""
        if len(self.text[start:end].split()) > 14 or SUBJECT_NOT_A_LIST.search(self.text, start, end):
            return
        items, cursor = [], start
        for separator in [*SUBJECT_SPLIT.finditer(self.text, start, end), None]:
            item_start, item_end = phrases.trim(self.text, cursor, separator.start() if separator else end)
            cursor = separator.end() if separator else end
            if item_end > item_start:
                items.append((item_start, item_end))
        last_other = bool(items) and re.search(r"\bother\s+$", self.text[start:items[-1][0]], re.I)
        if len(items) >= 2 and all(len(self.text[a:b].split()) == 1 for a, b in items[:-1]) and \
                len(self.text[items[-1][0]:items[-1][1]].split()) <= 2 and \
                all(self.text[a:b].lower().endswith(phrases.MODIFIER_ENDINGS) for a, b in items[:-1]):
            # "Bacterial, fungal, and other infections also can cause": each modifier with the shared head
            head = self.text[items[-1][0]:items[-1][1]].split()[-1].lower()
            for a, b in items[:-1]:
                self._add("causes", f"{self.text[a:b].lower()} {head}", lambda ev, a=a, b=b: Fact(
                    name=f"{self.text[a:b].lower()} {head}", evidence=[ev], method=""), (a, b),
                    "phrase+distributed+cue:subject-of-causal-verb")
            items = [] if last_other else items[-1:]
        elif any(self.text[a:b].split()[-1].lower().endswith(phrases.MODIFIER_ENDINGS) for a, b in items[:-1]):
            items = [phrases.trim(self.text, start, end)]
        for item_start, item_end in items:
            lead = re.match(r"(?:infection|infections|exposure|contact)\s+(?:with|to)\s+", self.text[item_start:item_end], re.I)
            if lead:  # "Infection with Schistosoma mansoni": the agent is the cause
                item_start += lead.end()
            item = self.text[item_start:item_end]
            if self._is_focus_name(item) or re.match(r"(in|for|during|with|by|after|before|around|from)\b", item, re.I):
                continue
            covering = [m for m in mentions if m.start < item_end and item_start < m.end and not self._is_focus(m)]
            if covering:
                for m in covering:
                    if m.label in ("DISEASE", "SYMPTOM", "PROCEDURE", "DRUG", "ORGANISM", "CHEMICAL"):
                        self._add_mention("causes", m, method=f"{m.method}+cue:subject-of-causal-verb")
                continue
            words = item.split()
            if SPECIES_ABBREVIATION.fullmatch(item):  # "S. haematobium": a species named by its genus initial
                self._add("causes", item, lambda ev: Fact(name=ev.text, evidence=[ev], method=""),
                          (item_start, item_end), "phrase+cue:subject-of-causal-verb")
                continue
            # a capital that only opens the sentence ("Pregnancy can cause hemorrhoids") names no proper noun
            capitalised = item[0].isupper() and not (sentence_initial and item_start == start and item[1:].islower())
            if not 1 <= len(words) <= 4 or not re.fullmatch(r"[A-Za-z][\w' -]*[a-z]", item) or item.isupper() or (
                    len(words) == 1 and (capitalised or item.endswith(phrases.MODIFIER_ENDINGS))) or \
                    words[-1].lower() in GENERIC_CAUSE_HEADS or phrases.ENUMERATION_STOP.search(item) or \
                    phrases.CAUSE_PHRASE_STOP.search(item):
                continue
            self._add("causes", item.lower(), lambda ev: Fact(name=ev.text, evidence=[ev], method=""),
                      (item_start, item_end), "phrase+cue:subject-of-causal-verb")

    def _causes_not_symptoms(self) -> None:
        """A finding named as a subject of a causal verb ("Genes, immune system problems, bacteria, and viruses may
        play roles in the development of the disease") is a cause, not also a symptom from the same words."""
        spans = {(e.start, e.end) for f in self.fields["causes"].values() if "subject-of-causal-verb" in f.method
                 for e in f.evidence}
        for key in [k for k, f in self.fields["symptoms"].items() if {(e.start, e.end) for e in f.evidence} <= spans]:
            del self.fields["symptoms"][key]

    def _is_focus_name(self, text: str) -> bool:
        organism = bool(LATIN_BINOMIAL.fullmatch(text)) or any(
            c.concept.type == "ORGANISM" for c in self.vocabulary.lookup(_simple_key(text.split()[0])))
        # "Schistosoma mansoni" shares its first letters with schistosomiasis but names the parasite
        return (self._names_focus(text) and not organism) or _simple_key(text) in self.focus_keys

    def _diets_and_deaths(self) -> None:
        """Name-only facts no vocabulary term carries: a prescribed diet in treatment context ("a low-copper diet");
        death as an outcome in complication context ("WD can cause brain damage, liver failure, and death")."""
        for sentence in self.sentences:
            kind = sentence.section.kind if sentence.section else "overview"
            if kind == "research" or not self._usable(sentence.start, sentence.end) or self._in_table(
                    sentence.start, sentence.end):
                continue
            text, mentions = sentence.text, self.by_sentence.get(sentence.index, [])
            if kind == "treatment" or cue("treatment", text) or self._in_treatment_list(sentence):
                for diet in DIET.finditer(text):
                    start, end = sentence.start + diet.start(), sentence.start + diet.end()
                    if any(m.start < end and start < m.end for m in mentions if m.label in ("DRUG", "PROCEDURE")):
                        continue  # "gluten-free diet" is a vocabulary term: the mention rules decided
                    self._add("treatments", diet.group(0).lower(), lambda ev: Treatment(
                        name=ev.text, kind="diet", evidence=[ev], method=""), (start, end), "phrase+context:diet")
            text = self._without_focus_names(sentence)
            complication = None if kind in ("symptoms", "causes") else \
                cue("complication", text) or FATAL.search(text) or DEATH_OUTCOME.search(text)
            if kind == "complications" or complication:
                for death in DEATH.finditer(text):
                    if complication and death.start() < complication.start() or re.search(
                            r"\b(cause|causes|risk) of\s+$", text[:death.start()]):
                        continue  # "the leading cause of death" is a statistic, not this disease's outcome
                    start = sentence.start + death.start()
                    self._add("complications", "MESH:D003643", lambda ev: Fact(
                        name="death", concept_id="MESH:D003643", concept_label="Death", evidence=[ev], method=""),
                        (start, start + len(death.group(0))), "phrase+cue:complication")

    def _test_phrases(self) -> None:
        """A diagnostic test named by what it looks for, where no vocabulary term names it: "tests for botulinum
        toxin and for bacteria that cause botulism" → "tests for botulinum toxin"."""
        for sentence in self.sentences:
            kind = sentence.section.kind if sentence.section else "overview"
            if kind in ("research", "treatment", "prevention") or not self._usable(sentence.start, sentence.end) or \
                    not (kind == "diagnosis" or cue("diagnostic", sentence.text)) or sentence.text.rstrip().endswith("?"):
                continue
            mentions = self.by_sentence.get(sentence.index, [])
            self._sample_tests(sentence, mentions)
            self._clinical_diagnosis(sentence)
            for test in TEST_PHRASE.finditer(sentence.text):
                start, end = sentence.start + test.start(), sentence.start + test.end()
                head_end = start + re.search(r"tests?\b", test.group(0), re.I).end()
                if any(m.start < head_end and start < m.end for m in mentions if m.label in ("PROCEDURE", "DRUG")):
                    continue  # "blood test" is a vocabulary term: the mention rules decided
                if re.search(r"\bdiagnos", test.group(0), re.I) or TEST_OBJECT_STOP.search(test.group(0)):
                    continue  # "tests to confirm a diagnosis", "tests to find out": what tests are for, naming none
                if re.match(r"Tests? for [A-Z]", test.group(0)):
                    continue  # a heading run into its text: "Tests for Cataract Cataract is detected ..."
                # "test for white blood cell count and": the list went on past the phrase
                end = start + len(re.sub(r"(?:\s+(?:and|or)\b)*\s*$", "", self.text[start:end]))
                self._add("diagnostics", self.text[start:end].lower(), lambda ev: Fact(
                    name=ev.text, evidence=[ev], method=""), (start, end), "phrase+cue:diagnostic-test")

    def _clinical_diagnosis(self, sentence: Sentence) -> None:
        """"Your doctor usually will diagnose bronchitis based on your signs and symptoms": a clinical diagnosis,
        named by what it rests on."""
        if not re.search(r"\bdiagnos", sentence.text, re.I):
            return
        for basis in CLINICAL_BASIS.finditer(sentence.text):
            start, end = sentence.start + basis.start("what"), sentence.start + basis.end("what")
            self._add("diagnostics", "signs and symptoms", lambda ev: Fact(name=ev.text.lower(), evidence=[ev], method=""),
                      (start, end), "phrase+cue:clinical-diagnosis")

    def _sample_tests(self, sentence: Sentence, mentions: list[MentionRecord]) -> None:
        """Tests named by the sample they examine: "Stool or urine samples can be examined microscopically" → stool
        sample examination, urine sample examination; "a blood (serologic) test" → blood test."""
        for found in SAMPLE_EXAMINED.finditer(sentence.text):
            for kind in re.finditer(SAMPLE_KINDS, found.group("kinds"), re.I):
                start = sentence.start + found.start("kinds") + kind.start()
                name = f"{kind.group(0).lower()} sample examination"
                self._add("diagnostics", name, lambda ev, name=name: Fact(name=name, evidence=[ev], method=""),
                          (start, start + len(kind.group(0))), "phrase+cue:sample-test")
        for found in GLOSSED_TEST.finditer(sentence.text):
            start, end = sentence.start + found.start(), sentence.start + found.end()
            if any(m.start < end and start < m.end and m.label == "PROCEDURE" for m in mentions):
                continue
            name = f"{found.group('kind').lower()} test"
            concept = next((c.concept for c in self.vocabulary.lookup(_simple_key(name)) if c.concept.type == "PROCEDURE"),
                           None)
            self._add("diagnostics", concept.id if concept else name, lambda ev, name=name, concept=concept: Fact(
                name=name, concept_id=concept.id if concept else None, concept_label=concept.label if concept else None,
                evidence=[ev], method=""), (start, end), "phrase+cue:glossed-test")

    def _drop_generic_inheritance(self) -> None:
        """"X-linked" next to "X-linked dominant": the article states the specific pattern; the bare one is the
        general term it explains, not a second pattern."""
        bucket = self.fields["inheritance"]
        bases = {key: (fact.concept_label or fact.name).lower().removesuffix(" inheritance") for key, fact in bucket.items()}
        for key, base in list(bases.items()):
            if any(other != key and b.startswith(base + " ") for other, b in bases.items()):
                del bucket[key]

    def _genes(self, sentence: Sentence, kind: str) -> None:
        causal = kind in ("causes", "inheritance") or cue("cause", sentence.text) or re.search(
            r"\bmutat|\bvariants? in\b|\bgenetic changes?\b", sentence.text, re.I)
        for gene in find_genes(self.text, sentence.start, sentence.end):
            factory = lambda ev, g=gene: Fact(name=g.symbol, concept_id=g.concept_id, concept_label=g.symbol,  # noqa: E731
                                              evidence=[ev], method="")
            self._add("genes", gene.concept_id, factory, (gene.start, gene.end), f"gene-symbol+section:{kind}")
            if causal:
                self._add("causes", gene.concept_id, factory, (gene.start, gene.end), "gene-symbol+cue:cause")

    def _in_treatment_list(self, sentence: Sentence) -> bool:
        """A list item under an intro line that speaks of treatment ("Other treatments are:")."""
        return bool(re.search(r"treat|therap|medication|drugs?", self._list_intro(sentence), re.I))

    def _under_symptom_intro(self, sentence: Sentence) -> bool:
        """A list item whose lead-in names symptoms: the intro line, or an earlier item of the same run of
        items that ends in the lead-in ("... is elderly. Other symptoms can include - fever")."""
        if sentence.list_item is None:
            return False
        if SYMPTOM_INTRO.search(self._list_intro(sentence)):
            return True
        for previous in reversed(self.sentences[max(0, sentence.index - 12):sentence.index]):
            if previous.list_item is None:
                return False
            if SYMPTOM_INTRO.search(previous.text):
                return True
        return False

    def _list_intro(self, sentence: Sentence) -> str:
        """The line that introduces the list a list-item sentence belongs to ("" outside lists); read once per
        sentence, since many rules ask."""
        if sentence.list_item is None:
            return ""
        if sentence.index not in self._intros:
            self._intros[sentence.index] = self._read_list_intro(sentence)
        return self._intros[sentence.index]

    def _read_list_intro(self, sentence: Sentence) -> str:
        item_starts = self._item_starts
        offset = self.text.rfind("\n", 0, sentence.list_item[0]) + 1
        for line in reversed(self.text[:offset].split("\n")):
            offset -= len(line) + 1
            stripped = line.strip()
            if not stripped:
                continue
            if offset + 1 + len(line) - len(line.lstrip()) in item_starts or re.match(r"\s*([•\-*·–]|\d{1,2}[.)])\s", line):
                continue
            return re.split(r"(?<=[.!?])\s+", stripped)[-1]  # the lead-in is the line's last sentence
        return ""

    def _generic_yields(self, m: MentionRecord, sentence: Sentence, mentions) -> bool:
        """'a tumor called a neuroblastoma': the generic head gives way to the named disease."""
        if m.text.lower() not in GENERIC_DISEASE_WORDS:
            return False
        after = self.text[m.end:sentence.end]
        follow = re.match(r"\s*(called|named|known as|such as|like)\s+(an?\s+|the\s+)?", after, re.I)
        return bool(follow) and any(x.start == m.end + follow.end() for x in mentions)

    def _categories(self) -> None:
        a = self.article
        self._name_head_category()
        if a.subtitle_span:
            for m in self.nlp.mentions:
                if m.label == "DISEASE" and a.subtitle_span.start <= m.start < a.subtitle_span.end and not self._is_focus(m):
                    self._add_mention("categories", m, method=f"{m.method}+subtitle")
        for sentence in self.sentences[:40]:
            if not self._usable(sentence.start, sentence.end):
                continue
            mentions = self.by_sentence.get(sentence.index, [])
            focus = [m for m in mentions if self._is_focus(m)]
            to_be = TO_BE_DEFINITION.search(sentence.text)
            definition = cue("definition", sentence.text) or (
                to_be if to_be and BELIEVED_BEFORE.search(sentence.text[:to_be.start()]) else None)
            # "it is an autoimmune condition", "this disorder is a ...": the article's subject by reference
            anaphor = ANAPHORIC_DEFINITION.search(sentence.text)
            if anaphor and definition and anaphor.end() >= definition.end() - 1:
                focus = focus or [anaphor]
            appositive = APPOSITIVE_DEFINITION.match(sentence.text)
            if focus and appositive and not hasattr(focus[0], "group") and \
                    focus[0].start - sentence.start == appositive.end():
                # "An unpredictable disease of the central nervous system, multiple sclerosis (MS) can range ..."
                predicate_start, predicate_end = sentence.start, sentence.start + appositive.end(1)
            elif not focus or not definition:
                continue
            else:
                first = focus[0].start - sentence.start if not hasattr(focus[0], "group") else focus[0].start()
                if first > definition.start():
                    continue
                if re.search(r"\b(?:which|that|who)\s+$", sentence.text[:definition.start()]):
                    described = [m for m in mentions if m.end - sentence.start <= definition.start()]
                    if described and not self._is_focus(described[-1]):
                        continue  # "... polycystic kidney disease (PKD), which is a genetic disorder": PKD's kind
                predicate_start = sentence.start + definition.end()
                stop = re.search(r"[.;]|\b(that|which|characterized|caused|in which)\b", sentence.text[definition.end():])
                predicate_end = predicate_start + (stop.start() if stop else len(sentence.text) - definition.end())
            self.definition_predicates.append((predicate_start, predicate_end))
            before = len(self.fields["categories"])
            for m in mentions:
                if predicate_start <= m.start < predicate_end and m.label == "DISEASE" and not self._is_focus(m):
                    self._add_mention("categories", m, method=f"{m.method}+definition")
            for word in re.finditer(r"[A-Za-z-]+", self.text[predicate_start:predicate_end]):
                label = CATEGORY_ADJECTIVES.get(word.group(0).lower())
                if not label:
                    continue
                start = predicate_start + word.start()
                if any(m.start <= start < m.end and m.label == "DISEASE" for m in mentions):
                    continue  # already inside a linked disease mention ("neurological disorder")
                concept = next((c.concept for c in self.vocabulary.lookup(_simple_key(label))
                                if c.concept.type == "DISEASE"), None)
                key = concept.id if concept else label
                self._add("categories", key, lambda ev, concept=concept, label=label: Fact(
                    name=ev.text.lower() if concept is None else f"{ev.text.lower()} disorder",
                    concept_id=concept.id if concept else None, concept_label=concept.label if concept else None,
                    evidence=[ev], method=""), (start, start + len(word.group(0))), "category-adjective+definition")
            if re.match(r"\s*(\w+\s+){0,2}causes?\s+of\b", self.text[predicate_start:predicate_end]):
                continue  # "Schistosomiasis is an important cause of disease": what it causes, not what it is
            if len(self.fields["categories"]) == before:
                self._category_head(predicate_start, predicate_end)
                self._agent_category(predicate_start, sentence.end)
        self._ontology_categories()
        self._organ_categories()
        self._forms_named()
        self._other_class_categories()

    def _other_class_categories(self) -> None:
        """"the symptoms of other anorectal problems" beside the disease's name: the disease is one of them."""
        for sentence in self.sentences:
            if not self._usable(sentence.start, sentence.end):
                continue
            mentions = self.by_sentence.get(sentence.index, [])
            if not any(self._is_focus(m) for m in mentions) and not self._names_focus(sentence.text.lstrip()):
                continue
            for other in OTHER_CLASS.finditer(sentence.text):
                if re.search(r"\b(and|or)\s+$", sentence.text[:other.start()]):
                    continue  # "myasthenia gravis and other autoimmune diseases": what the named one is
                start, end = sentence.start + other.start("phrase"), sentence.start + other.end("phrase")
                while (word := re.match(r"([a-z-]+)\s+", self.text[start:end])) and word.group(1) in NOT_A_CLASS_MODIFIER:
                    start += word.end()  # "other rare genetic disorders" → "genetic disorders"
                if " " not in self.text[start:end]:
                    continue  # "other serious problems": no class
                covering = [m for m in mentions if m.label == "DISEASE" and start <= m.start and m.end <= end
                            and not self._is_focus(m)]
                if covering:
                    self._add_mention("categories", max(covering, key=lambda m: m.end - m.start), "cue:other-class")
                else:
                    self._add("categories", self.text[start:end].lower(), lambda ev: Fact(
                        name=ev.text.lower(), evidence=[ev], method=""), (start, end), "phrase+cue:other-class")

    def _ontology_categories(self) -> None:
        """The focus disease's MONDO classes (up to three is_a steps up) that the article names and says the disease
        is (`_says_is_a`; nested names count): "lice infestation" in "Pubic lice infestation is found worldwide"
        (focus Pthirus pubis infestation), "blood disorder" in "ITP is a fairly common blood disorder". Classes that
        are phenotypes too (HPO cross-references: "epilepsy", "thrombocytopenia") are findings rather than kinds of
        disease, and "syndromic disease" is named by every "... syndrome"; neither is a category."""
        focus = self.vocabulary.concepts.get(self.focus_id) if self.focus_id else None
        for ancestor_id in focus.ancestors if focus else ():  # the nearest class first
            ancestor = self.vocabulary.concepts.get(ancestor_id)
            if ancestor is None or ancestor_id in NOT_A_CATEGORY or any(x.startswith("HP:") for x in ancestor.xrefs):
                continue
            for start, end, sentence in self.nlp.named_diseases.get(ancestor_id, ()):
                if not self._usable(start, end) or self._is_focus_name(self.text[start:end]) or \
                        not self._says_is_a(start, end, self.by_sentence.get(sentence, [])):
                    continue  # "more common among people with certain genetic diseases" says no kind
                self._add("categories", ancestor_id, lambda ev, ancestor=ancestor: Fact(
                    name=ev.text.lower(), concept_id=ancestor.id, concept_label=ancestor.label, evidence=[ev],
                    method=""), (start, end), "mondo-ancestor")

    def _forms_named(self) -> None:
        """The forms the article divides the disease into: "The two main types of bronchitis are acute (short term)
        and chronic (ongoing)" → acute bronchitis, chronic bronchitis; "two forms of age-related macular
        degeneration -- dry and wet". A bare adjective takes the disease's name as written there."""
        for sentence in self.sentences[:60]:
            if not self._usable(sentence.start, sentence.end):
                continue
            found = [FORMS_OF.match(sentence.text, n.start()) for n in NUMBER_WORD.finditer(sentence.text)]
            found.append(FORMS_CAN_BE.match(sentence.text))
            match = next((f for f in found if f and (self._is_focus_name(f.group("x")) or re.fullmatch(
                r"(?:the |this )?(?:condition|disease|disorder)", f.group("x"), re.I))), None)
            if not match:
                continue
            x = match.group("x")
            x_name = self.article.title if not self._is_focus_name(x) else x
            items_start = sentence.start + match.start("items")
            items_text = re.sub(r"\([^()]*\)", lambda p: " " * len(p.group(0)), match.group("items"))
            for item in re.finditer(r"[^,\s][^,]*?(?=\s*(?:,|$))", re.sub(
                    r",?\s+(?:and|or)\s+", lambda p: "," + " " * (len(p.group(0)) - 1), items_text)):
                start, end = items_start + item.start(), items_start + item.end()  # the masking kept the offsets
                item_text = self.text[start:end]
                if not 1 <= len(item_text.split()) <= 2 or not re.fullmatch(r"[a-z][a-z-]*(?: [a-z-]+)?", item_text):
                    break  # forms named by a modifier only ("acute", "dry"); full names are the article's business
                name = f"{item_text} {x_name}"
                concept = next((c.concept for c in self.vocabulary.lookup(_simple_key(name))
                                if c.concept.type == "DISEASE"), None)
                self._add("categories", concept.id if concept else name.lower(), lambda ev, name=name, concept=concept: Fact(
                    name=name, concept_id=concept.id if concept else None, concept_label=concept.label if concept else None,
                    evidence=[ev], method=""), (start, end), "forms-named")

    def _organ_categories(self) -> None:
        """The focus disease's nearest MONDO class that names the organ or body system it affects ("bronchial
        disorder", "vein disorder", "kidney disorder", "thyroid gland disorder"), when the article's opening names
        that organ: the evidence is the organ word ("the bronchial tubes"), the class comes from the ontology."""
        focus = self.vocabulary.concepts.get(self.focus_id) if self.focus_id else None
        if focus is None or any(f.method == "mondo-ancestor" for f in self.fields["categories"].values()):
            return
        opening = [s for s in self.sentences[:12] if self._usable(s.start, s.end)]
        for ancestor_id in focus.ancestors:
            ancestor = self.vocabulary.concepts.get(ancestor_id)
            organ = ORGAN_CLASS.fullmatch(ancestor.label) if ancestor and ancestor_id not in NOT_A_CATEGORY else None
            if organ is None or ancestor_id in self.fields["categories"]:
                continue
            stem = re.escape(organ.group("organ").lower()[:max(4, len(organ.group("organ")) - 2)])
            for sentence in opening:
                word = next((w for w in re.finditer(rf"\b{stem}\w*", sentence.text, re.I)
                             if _simple_key(w.group(0)) not in self.focus_keys), None)  # "bronchial tubes", not "Bronchitis"
                if word:
                    start = sentence.start + word.start()
                    self._add("categories", ancestor_id, lambda ev, ancestor=ancestor: Fact(
                        name=ancestor.label, concept_id=ancestor.id, concept_label=ancestor.label, evidence=[ev],
                        method=""), (start, start + len(word.group(0))), "mondo-ancestor+organ-named")
                    return

    def _says_is_a(self, start: int, end: int, mentions: list[MentionRecord]) -> bool:
        """Whether the text at start:end is said to be the focus disease's kind: inside or overlapping its name
        ("Pubic lice infestation"), after it and a copula, past an aside ("ITP is a fairly common blood disorder",
        "Shingles -- also called varicella-zoster -- is a painful skin disease"), or before it and "such as"
        ("demyelinating disorders such as ADEM")."""
        for m in mentions:
            if not self._is_focus(m):
                continue
            if start < m.end and m.start < end and (start, end) != (m.start, m.end):
                return True  # the names share words: "Pubic [lice] infestation"
            if m.end <= start and IS_A_AFTER.fullmatch(self.text[m.end:start]):
                return True
            if end <= m.start and IS_A_BEFORE.fullmatch(self.text[end:m.start]):
                return True
        return False

    def _name_head_category(self) -> None:
        """The head of the disease's own name is its category: "Limbic encephalitis" is an encephalitis, "Acute
        disseminated encephalomyelitis" an encephalomyelitis (the longest trailing part the vocabulary has as
        another disease)."""
        span = self.article.title_span
        # "Thymoma and Thymic Carcinoma", "Anemia in Chronic Kidney Disease", "Substance use - phencyclidine (PCP)":
        # no single head
        if span is None or re.search(r"\s(and|&|or|in|of|with|-)\s|[()]", self.text[span.start:span.end], re.I):
            return
        words = list(re.finditer(r"[A-Za-z][\w'-]*", self.text[span.start:span.end]))
        for first in range(1, len(words)):
            start, end = span.start + words[first].start(), span.start + words[-1].end()
            key = _simple_key(self.text[start:end])
            if key in GENERIC_DISEASE_WORDS or key in self.focus_keys or not re.fullmatch(r"[\w' -]+", key):
                continue
            if key.endswith("syndrome") or len(key.split()) == 1 and key in {"atrophy", "nevus", "malformation"}:
                return  # "Curry Jones syndrome" is no Jones syndrome; a bare "atrophy" is no category
            # only the concept's own name or exact synonym ("inclusion disease" is an old synonym of CMV infection)
            concept = next((c.concept for c in self.vocabulary.lookup(key) if c.concept.type == "DISEASE"
                            and c.kind in ("label", "exact", "overlay")), None)
            if concept is None or concept.id == self.focus_id:
                continue
            self._add("categories", concept.id, lambda ev, concept=concept: Fact(
                name=ev.text.lower(), concept_id=concept.id, concept_label=concept.label, evidence=[ev], method=""),
                (start, end), "name-head")
            return

    def _agent_category(self, start: int, end: int) -> None:
        """"is a disease caused by parasitic worms": the disease class named by its agent."""
        found = AGENT_CATEGORY.match(self.text, start, end)
        if found:
            self._add("categories", found.group("phrase").lower(), lambda ev: Fact(
                name=ev.text.lower(), evidence=[ev], method=""), found.span("phrase"), "phrase+definition:agent")

    def _category_head(self, start: int, end: int) -> None:
        """A definition whose predicate names no vocabulary disease ("Botulism is a rare but serious paralytic
        illness"): the head noun phrase without its evaluative words is the category; linked when the vocabulary
        has it ("rare disorder" = MeSH Rare Diseases)."""
        head = CATEGORY_HEAD.search(self.text[start:end])
        if head is None:
            return
        words = list(re.finditer(r"[a-z-]+", head.group(1)))
        kept = [w for w in words if w.group(0) not in EVALUATIVE_WORDS]
        if len(kept) < 2:
            return  # a bare "disorder" says nothing
        span_start, span_end = start + head.start(1) + kept[0].start(), start + head.start(1) + kept[-1].end()
        if any(w.group(0) in EVALUATIVE_WORDS for w in words if kept[0].start() < w.start() < kept[-1].start()):
            return  # "rare but serious illness": no contiguous phrase to quote
        phrase = self.text[span_start:span_end]
        key = _simple_key(re.sub(r"\b(disorder|illness|condition)(s?)\b", r"disease\2", phrase))
        concept = next((c.concept for c in self.vocabulary.lookup(key) if c.concept.type == "DISEASE"), None)
        self._add("categories", concept.id if concept else phrase.lower(), lambda ev: Fact(
            name=ev.text.lower(), concept_id=concept.id if concept else None,
            concept_label=concept.label if concept else None, evidence=[ev], method=""),
            (span_start, span_end), "category-head+definition")

    def _coordinated_branch(self, m: MentionRecord, mentions: list[MentionRecord]) -> str | None:
        """The branch (diagnostic, therapeutic) of the procedure an unlinked one is coordinated with: in "a
        mediastinoscopy or mediastinotomy" the second is diagnostic too."""
        for other in mentions:
            concept = self.vocabulary.concepts.get(other.concept_id) if other.label == "PROCEDURE" else None
            if concept is not None and COORDINATED.fullmatch(self.text[other.end:m.start]):
                return concept.branch
        return None

    def _treatment(self, m: MentionRecord, sentence: Sentence, mentions: list[MentionRecord]) -> None:
        intro = self._list_intro(sentence)
        if RESOURCE_LIST.search(intro) or SOURCE_LIST.search(intro) or RESOURCE_LIST.search(
                self.text[sentence.start:m.start]):  # an inline GHR list: "These resources address ...: - Drug Therapy"
            return  # GHR-style "These resources address ... of X:" lists websites; "Products that can contain gluten"
        before = self.text[max(sentence.start, m.start - 40):m.start]
        if SUBSTANCE_AS_TARGET_BEFORE.search(before) or SUBSTANCE_AS_TARGET_AFTER.match(self.text[m.end:m.end + 30]):
            return  # "remove excess copper", "copper chelators", "black-tar heroin injection": not what is given
        if PURPOSE_BEFORE.search(before):
            return  # "surgery ... to allow for better drainage of urine": the aim, not a second treatment
        clause_start, clause_end = sentence.list_item or (sentence.start, sentence.end)
        clause = self.text[clause_start:clause_end]
        dash = _description_dash(clause)
        if dash and m.start >= clause_start + dash.start():
            return  # the description after " - " explains the item; it adds no treatment
        before = self.text[clause_start:m.start]
        if NOT_GIVEN_BEFORE.search(before) or NOT_GIVEN_AFTER.match(self.text[m.end:clause_end]):
            return
        peers = [x for x in mentions if x.label in ("DRUG", "PROCEDURE") and clause_start <= x.start < m.start]
        if peers and re.search(r"\(\s*$", before) and self._attach_brand(m, peers[-1]):
            return  # "pyridostigmine (Mestinon)": a brand of the drug just named
        gloss = re.search(r"\(([^()]*)$", before)
        inside = gloss.group(1) + self.text[m.start:clause_end].split(")", 1)[0] if gloss else ""
        if peers and gloss and re.search(r"\b(is|are|was|were|given|used|works?|which|that|to)\b", inside, re.I):
            return  # "immunoglobulin (healthy antibodies are given to block damaging autoantibodies)": how it works
        head = self._member_head(m, before, clause_start, peers)
        if head is not None:
            self._add_agent(head, m)
            return
        concept = self.vocabulary.concepts.get(m.concept_id)
        kind = ("drug class" if concept and concept.branch == "drug_class" else "drug") if m.label in ("DRUG", "CHEMICAL") else (
            "procedure" if concept and concept.id.startswith(("MAXO", "MESH")) or m.method.startswith("pattern:surgical")
            else "therapy")
        fact = self._add("treatments", _fact_key(m), lambda ev: Treatment(
            name=_nominal(_fact_name(m)), concept_id=m.concept_id, concept_label=m.concept_label, kind=kind,
            drug_class=list(concept.classes) if concept else [], evidence=[ev], method=""),
            (m.start, m.end), f"{m.method}+{'list' if sentence.list_item else 'context'}:treatment")
        if fact.name != _nominal(_fact_name(m)) and _is_verbal(fact.name) and not _is_verbal(_fact_name(m)):
            fact.name = _nominal(_fact_name(m))
        for member in self._members_named_before(m, peers):
            self._add_agent(fact, member)  # "Penicillamine and trientine are copper chelators"
        for pattern, target in ((QUALIFIER, fact.qualifiers), (OUTCOME, fact.outcomes)):
            for q in pattern.finditer(clause):
                start, end = clause_start + q.start(), clause_start + q.end()
                if all((e.start, e.end) != (start, end) for e in target) and not (m.start <= start < m.end):
                    target.append(_evidence(self.text, start, end))

    def _member_head(self, m: MentionRecord, before: str, clause_start: int, peers: list[MentionRecord]):
        """The treatment `m` is a named member of: "steroids such as prednisone, dexamethasone" → steroids.
        The head is the treatment named right before the nearest "such as / including / like"; a mention that opens
        its own list ("corticosteroids such as ...") is a head itself; a procedure is never a drug's member; in
        "treatment such as chemotherapy, surgery" no treatment precedes the cue, so each item stands alone."""
        if MEMBER_CUE_AFTER.match(self.text, m.end) or m.label != "DRUG":
            return None
        cues = list(MEMBER_CUE.finditer(before))
        if not cues:
            return self._class_apposition_head(m, peers)
        cue_start = clause_start + cues[-1].start()
        named = [x for x in peers if x.end <= cue_start]
        # the head ends right before the cue ("steroids, such as"); in "oral potassium supplements, medication such as
        # indomethacin" or "medications or ointments, such as" no treatment is named as the head, each item stands
        if not named or re.sub(r"\([^()]*\)", "", self.text[named[-1].end:cue_start]).strip(" ,"):
            return None  # (a gloss may stand between: "Corticosteroids (cor-ti-co-STEER-roids), such as prednisone")
        return next((f for f in self.fields["treatments"].values()
                     if any(e.start == named[-1].start for e in f.evidence)), None)

    def _add_agent(self, fact: Treatment, m: MentionRecord) -> None:
        if all(a.concept_id != m.concept_id or a.name != m.text for a in fact.agents):
            concept = self.vocabulary.concepts.get(m.concept_id)
            fact.agents.append(Agent(name=m.text, concept_id=m.concept_id, concept_label=m.concept_label,
                                     drug_class=list(concept.classes) if concept else [],
                                     evidence=[_evidence(self.text, m.start, m.end)]))

    def _members_named_before(self, m: MentionRecord, peers: list[MentionRecord]) -> list[MentionRecord]:
        """Drugs a sentence says are the treatment `m`: "Penicillamine and trientine are copper chelators that ..."
        (the drugs stay treatments of their own too)."""
        drugs = [x for x in peers if x.label == "DRUG" and x.concept_id != m.concept_id]
        for first in range(len(drugs)):
            gap = self.text[drugs[first].start:m.start]
            for x in drugs[first:]:
                gap = gap.replace(self.text[x.start:x.end], " ")
            if MEMBERS_ARE.fullmatch(gap):
                return drugs[first:]
        return []

    def _class_apposition_head(self, m: MentionRecord, peers: list[MentionRecord]):
        """"several anti-convulsants, gabapentin and tiagabine": drugs listed right after a drug class they belong
        to (MeSH pharmacological action) are its members, even without "such as"."""
        concept = self.vocabulary.concepts.get(m.concept_id)
        if concept is None or not concept.classes:
            return None
        for i in range(len(peers) - 1, -1, -1):
            head = self.vocabulary.concepts.get(peers[i].concept_id)
            if head is None or head.branch != "drug_class":
                continue
            if head.label not in concept.classes:
                return None
            gap = self.text[peers[i].end:m.start]
            for x in peers[i + 1:]:
                gap = gap.replace(self.text[x.start:x.end], " ")
            if not APPOSITION_GAP.fullmatch(gap):
                return None
            return next((f for f in self.fields["treatments"].values()
                         if any(e.start == peers[i].start for e in f.evidence)), None)
        return None

    def _attach_brand(self, m: MentionRecord, previous: MentionRecord) -> bool:
        """A parenthesised brand of the treatment or agent named just before it; False when it is not one."""
        if previous.concept_id != m.concept_id or not m.method.endswith("brand"):
            return False
        for fact in self.fields["treatments"].values():
            holders = [fact] if any(e.start == previous.start for e in fact.evidence) else [
                a for a in fact.agents if any(e.start == previous.start for e in a.evidence)]
            for holder in holders:
                if m.text not in holder.brand_names:
                    holder.brand_names.append(m.text)
                return True
        return False

    def _coordinated_phrases(self) -> None:
        """'learning and behavior problems', 'physical and mental disabilities': coordinated heads the matcher
        cannot see as one term; in complication or symptom context each becomes a fact named by the phrase."""
        pattern = re.compile(r"\b(?:(permanent|severe|mild|long-term)\s+)?([a-z]+)\s+(and|or)\s+([a-z]+)\s+"
                             r"(problems|disabilities|difficulties|delays?|impairments?|damage|deficits?)\b", re.I)
        for sentence in self.sentences:
            if not self._usable(sentence.start, sentence.end):
                continue
            kind = sentence.section.kind if sentence.section else "overview"
            field = "complications" if kind == "complications" or cue("complication", sentence.text) else (
                "symptoms" if kind == "symptoms" else None)
            if field is None:
                continue
            for match in pattern.finditer(sentence.text):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if any(m.start < end and start < m.end for m in self.by_sentence.get(sentence.index, [])):
                    continue
                head = match.group(5)
                concept = None
                for word in (match.group(4), match.group(2)):
                    found = [c.concept for c in self.vocabulary.lookup(_simple_key(f"{word} {head}"))
                             if c.concept.type in ("SYMPTOM", "DISEASE")]
                    if found:
                        concept = found[0]
                        break
                name = match.group(0)
                factory = (lambda ev, name=name, concept=concept: (Symptom if field == "symptoms" else Fact)(
                    name=name, concept_id=concept.id if concept else None,
                    concept_label=concept.label if concept else None, evidence=[ev], method=""))
                self._add(field, concept.id if concept else name.lower(), factory, (start, end),
                          f"coordination+{'section' if kind == field else 'cue'}:{field}")

    def _populations(self) -> None:
        for sentence in self.sentences:
            if not self._usable(sentence.start, sentence.end):
                continue
            if not cue("population", sentence.text) and not self._group_gets_focus(sentence):
                continue
            if sentence.section and sentence.section.kind in ("treatment", "research"):
                continue
            self._groups_with_conditions(sentence)
            for match in POPULATION_WORDS.finditer(sentence.text):
                if re.search(r"\bthan\s+(are\s+|in\s+|among\s+)?$", sentence.text[:match.start()], re.I):
                    continue  # "... at greater risk than are Caucasians": the comparison group is not affected
                start = sentence.start + match.start()
                name = match.group(0).lower()
                self._add("affected_populations", name, lambda ev, name=name: Fact(
                    name=name, evidence=[ev], method=""), (start, start + len(match.group(0))), "cue:population")

    def _groups_with_conditions(self, sentence: Sentence) -> None:
        """"more common among people with certain genetic diseases, including Down syndrome and Turner syndrome":
        each named condition defines an affected group ("people with Down syndrome")."""
        for group in GROUP_WITH.finditer(sentence.text):
            clause_end = re.search(r"[;.]|$", sentence.text[group.end():]).start() + group.end()
            named = [m for m in self.by_sentence.get(sentence.index, []) if m.label == "DISEASE" and not self._is_focus(m)
                     and group.end() <= m.start - sentence.start < clause_end and
                     m.text.lower().split()[-1] not in GENERIC_DISEASE_WORDS | GENERIC_CAUSE_HEADS]
            for m in named[:4]:
                name = f"{group.group(1).lower()} with {_fact_name(m)}"  # "autoimmune or ... disorders": the label
                self._add("affected_populations", name.lower(), lambda ev, name=name: Fact(
                    name=name, concept_id=None, evidence=[ev], method=""), (m.start, m.end), "cue:population-with-condition")

    def _group_gets_focus(self, sentence: Sentence) -> bool:
        """"Both children and adults can develop ITP", "Children usually have the acute type of ITP": the disease
        is what the group gets."""
        focus_starts = [m.start - sentence.start for m in self.by_sentence.get(sentence.index, []) if self._is_focus(m)]
        for verb in GETS_BEFORE_FOCUS.finditer(sentence.text):
            if any(0 <= start - verb.end() <= 30 for start in focus_starts):
                return True
        return False

    def _statements(self) -> None:
        complications = {e.start for key, f in self.fields["complications"].items() for e in f.evidence
                         if key != "MESH:D003643"}  # "can be fatal" is also a prognosis statement
        for sentence in self.sentences:
            if not self._usable(sentence.start, sentence.end) or sentence.end - sentence.start < 12:
                continue
            if self._heading_like(sentence) or self._in_table(sentence.start, sentence.end):
                continue
            kind = sentence.section.kind if sentence.section else "overview"
            span = (sentence.start, sentence.end)
            statement = lambda ev: Fact(name=ev.text, evidence=[ev], method="")  # noqa: E731
            text = self._without_focus_names(sentence)  # "Fatal familial insomnia" states no prognosis
            open_question = cue("open_question", text)
            if open_question and sentence.list_item is not None and sentence.text.rstrip().endswith("?"):
                open_question = None  # "The doctor may ask: - What medications is the man taking?"
            if POINTER.search(text):
                continue  # "To read or download the report, go to: ...": where to look, no statement
            if open_question and QUESTION_HEADING.match(sentence.text.strip()) and (
                    text != sentence.text or _title_cased(sentence.text)):
                open_question = None  # "How is fatal familial insomnia diagnosed?", "Who Should Not Get the Vaccine?":
                # FAQ questions, not open ones
            if kind == "research" and (open_question or any(self._is_focus(m) for m in self.by_sentence.get(
                    sentence.index, []))) or open_question and (kind not in ("treatment",) or cue(
                    "open_question_strong", text)):
                self._add("open_questions", f"{sentence.start}", statement, span,
                          "section:research" if kind == "research" else "cue:open-question")
                if kind == "research" or not (kind == "prognosis" or cue("prognosis_strong", text) or cue("prognosis", text)):
                    continue  # an outlook sentence can also state what is unknown; a research sentence cannot
            if CLINICAL_TRIAL.search(text):
                continue  # trial descriptions are about research, not the outlook
            if kind == "prognosis" and (WHO_IT_AFFECTS.search(text) or GLOSS_SENTENCE.search(text)) and not (
                    cue("prognosis", text) or cue("prognosis_strong", text)):
                continue  # "Outlook: APS can affect people of any age", '"Rheumatic" refers to ...': who gets it,
                # what a word means
            if kind == "prognosis" or kind == "complications" and (cue("prognosis", text) or cue("prognosis_strong", text)):
                # a prognosis section's sentence is a prognosis statement even when it also names complications
                self._add("prognosis", f"{sentence.start}", statement, span, f"section:{kind}")
            elif kind not in ("prevention", "research") and (
                    cue("prognosis_strong", text) or cue("prognosis", text) and kind not in ("treatment", "symptoms", "causes")
                    or kind == "symptoms" and cue("prognosis_course", text)):
                if not any(sentence.start <= s < sentence.end for s in complications):
                    self._add("prognosis", f"{sentence.start}", statement, span, "cue:prognosis")

    # ------------------------------------------------------------------------------------------ output
    def build(self) -> DiseaseProfile:
        disease = self.focus()
        self.assign()
        a = self.article
        for fact in self.fields["treatments"].values():
            fact.brand_names = sorted(set(fact.brand_names))
        mention_at = {(m.start, m.end): m.id for m in self.mentions}
        for bucket in self.fields.values():
            for fact in bucket.values():
                fact.mention_ids = [mention_at[(e.start, e.end)] for e in fact.evidence if (e.start, e.end) in mention_at]
        source = Source(doc_id=a.doc_id, path=a.path, format=a.format, title=a.title, subtitle=a.subtitle,
                        publisher=a.publisher, updated=a.updated, url=a.url, sha256=a.sha256,
                        text_path=self.text_path, text_sha256=self.text_sha256, encoding=a.encoding)
        mentions = [Mention(id=m.id, text=m.text, label=m.label, start=m.start, end=m.end, sentence=m.sentence,
                            section=self._section_heading(m.start), concept_id=m.concept_id,
                            concept_label=m.concept_label, score=m.score, method=m.method, assertion=m.assertion)
                    for m in self.mentions]
        references = [Reference(text=r.text, url=r.url, evidence=[_evidence(self.text, r.start, r.end)])
                      for r in a.references]
        vocab_versions = self.vocabulary.versions
        profile = DiseaseProfile(
            profile_id=f"{a.doc_id}:{a.sha256[:12]}", source=source, disease=disease,
            references=references, mentions=mentions,
            provenance=Provenance(pipeline_version=__version__, vocabulary_versions=vocab_versions),
            **{name: list(bucket.values()) for name, bucket in self.fields.items()},
        )
        # Re-validate with the article text: every evidence span must be exactly what the article says there.
        return DiseaseProfile.model_validate(profile.model_dump(), context={"text": self.text})


# what a gene's protein does to a substance names no cause: "This protein transports ... ions, including chloride"
PROTEIN_FUNCTION_BEFORE = re.compile(r"\b(?:proteins?|enzymes?|transporters?|channels?|receptors?|hormones?)\b"
                                     r"[^.;]{0,60}?\b(?:transports?|carr(?:y|ies)|moves?|binds?|breaks? down|converts?|"
                                     r"processes|regulates?|helps? (?:move|transport|break down|process|regulate))\b[^.;]*$|"
                                     # "affecting the reabsorption of other things including potassium and calcium"
                                     r"\b(?:(?:re)?absorption|transport|excretion|breakdown|processing|metabolism)\s+of\b"
                                     r"[^.;]*$", re.I)
# "The procedure is usually performed ... with a local anesthetic": given for the operation, not the disease
ANESTHETIC = re.compile(r"\ban(?:a)?esthetics?\b", re.I)
PROCEDURE_PERFORMED = re.compile(r"\b(?:procedure|operation|surgery|test|biopsy)\b[^.;]{0,40}\b(?:performed|done|carried out)\b",
                                 re.I)
AT_RISK_HEADING = re.compile(r"\bat risk\b|\brisk factors?\b", re.I)
PRONUNCIATION_GLOSS = re.compile(rf"\s*\({PRONUNCIATION.pattern}\)")
OTHER_CONDITION_CAUSES_BEFORE = re.compile(r"\b(?:condition|disease|disorder|illness|infection)s?\s+(?:that|which)\s+"
                                           r"(?:can\s+|may\s+|often\s+|usually\s+)?(?:causes?|leads?\s+to|results?\s+in)"
                                           r"\s+(?:[\w-]+\s+){0,3}$", re.I)
TEST_RESULT_BEFORE = re.compile(r"\b(?:tests?|results?|readings?|levels?|counts?)\s+(?:(?:can|may|might|could|often|"
                                r"sometimes|also|be|is|are)\s+)*$", re.I)
WHO_IT_AFFECTS = re.compile(r"\b(?:can |may )?affects? (?:people|persons|men|women|children|adults|anyone|both sexes)\b|"
                            r"\b(?:more|most|less) common (?:in|among)\b", re.I)
GLOSS_SENTENCE = re.compile(r"\brefers? to\b|^\W*\w+\W* (?:means|is short for)\b", re.I)
# "The two main types of bronchitis are acute (short term) and chronic (ongoing)", "There are two forms of
# age-related macular degeneration -- dry and wet"
# "Pericarditis can be acute or chronic."
FORMS_CAN_BE = re.compile(r"(?P<x>[A-Z][\w' -]{2,60}?)\s+(?:can|may)\s+be\s+(?P<items>(?:acute|chronic|primary|secondary|"
                          r"congenital|acquired|localized|generalized|familial|sporadic|dry|wet)\s+(?:or|and)\s+(?:acute|"
                          r"chronic|primary|secondary|congenital|acquired|localized|generalized|familial|sporadic|dry|wet))"
                          r"\s*[.;]", re.I)
NUMBER_WORD = re.compile(r"\b(?:two|three|four|five)\b", re.I)
FORMS_OF = re.compile(r"\b(?:two|three|four|five)\s+(?:main\s+|major\s+|different\s+|basic\s+|primary\s+)?(?:forms|types|"
                      r"kinds)\s+of\s+(?P<x>[^.:;,()]{2,60}?)\s*(?:\bare\b|:|--|—|–|\s-\s|\binclude\b)\s*"
                      r"(?P<items>[^.;:]+)", re.I)
# a MONDO class named by an organ or body system: "bronchial disorder", "thyroid gland disorder", "kidney disease"
ORGAN_CLASS = re.compile(r"(?P<organ>bronchial|lung|vein|artery|arterial|heart|kidney|liver|brain|spinal cord|"
                         r"central nervous system|peripheral nervous system|nervous system|thyroid gland|thyroid|"
                         r"adrenal gland|pituitary gland|pancreas|pancreatic|intestinal|colon|stomach|esophag\w+|"
                         r"bone marrow|blood|skin|eye|retinal|ear|inner ear|skeletal muscle|muscle|bone|joint|"
                         r"urinary system|urinary bladder|bladder|ureteral|bile duct|gallbladder|ovarian|testicular|"
                         r"prostate|breast|uterine|cervical|hair|nail|tooth|mouth|tongue|nose|larynx|tracheal|"
                         r"respiratory system|digestive system|immune system|endocrine system|lymphatic system|"
                         r"cardiovascular system|pericardium|pericardial|myocardium|myocardial|heart valve|blood vessel|"
                         r"vascular|lymph node|spleen|splenic|adrenal|parathyroid gland|salivary gland|peritoneum|"
                         r"peritoneal|pleura|pleural|synovium|cartilage|tendon|peripheral nerve|cranial nerve|optic nerve|"
                         r"cornea|corneal|lens|conjunctiva|middle ear|vestibular|sinus|bronchus|anal|anorectal|rectal|"
                         r"rectum|vulva|vaginal|penile|scrotal|renal|hepatic|biliary tract|gastrointestinal|duodenal|"
                         r"jejunal|ileal|cecal|appendix|tracheobronchial|lower respiratory tract|upper respiratory tract)"
                         r"\s+(?:disorder|disease)", re.I)
# a list of advice in a risk section ("Your doctor may recommend heart-healthy eating, which should include:")
# "Foundation Fighting Blindness": a finding inside an organisation's name
ORGANISATION_BEFORE = re.compile(r"\b(?:Foundation|Association|Society|Institute|Alliance|Coalition|Council|Fund|"
                                 r"Partnership|Network)\s+(?:[A-Z][\w'-]*\s+){1,3}$")
# "The two main types of bronchitis are acute": a predicate whose subject is the disease names no finding
PREDICATE_COPULA = re.compile(r"\s+(?:is|are|was|were|be|been|being|appears?|seems?|becomes?|remains?)\s+", re.I)
GENERIC_HEAD_WORDS = frozenset({"injury", "injuries", "trauma", "infection", "infections", "damage", "disease",
                                "diseases", "disorder", "disorders"})
PURPOSE_BEFORE = re.compile(r"\b(?:allow|allows|allowing|improve|improves|improving|restore|restores)\s+(?:for\s+)?"
                            r"(?:better\s+|proper\s+|normal\s+)?$|\bfor\s+(?:better|proper|normal)\s+$", re.I)
TIME_PREPOSITION_BEFORE = re.compile(r"\b(?:following|after|during|before|since)\s+(?:an?\s+|the\s+|recent\s+)?"
                                     r"(?:[\w-]+,?\s+(?:or|and)\s+(?:an?\s+)?)?$", re.I)
ADVICE_LEAD_IN = re.compile(r"\b(?:recommend\w*|should|healthy|lower (?:your )?risk|prevent\w*|avoid\w*)\b", re.I)
CAUSE_LEAD_IN_ONLY = re.compile(r"\b(?:trigger|triggers|cause|causes|risk factors?)\b", re.I)
DRUG_IMAGING = re.compile(r"\s+(?:angiogram|angiography|scan|scans|stain|staining|imaging|uptake test)\b", re.I)
PREPOSITION_END = re.compile(r"\b(?:by|in|through|from|with|of|via|under)\s$", re.I)
TRAILING_GLOSS = re.compile(r"\s*\([^()]{1,40}\)\s*$")
FOCUS_PREDICATE = re.compile(r"\s+(?:is|are|includes?|may be|can be)\s+", re.I)
# ontology roots: "disease", "medical condition", "Phenotypic abnormality"
ROOT_CONCEPTS = frozenset({"MONDO:0000001", "MONDO:0700096", "HP:0000001", "HP:0000118", "MESH:D004194"})
SEQUELA_CUE = re.compile(r"\b(permanent|lifelong|long[- ]term|lasting|leads? to|result in|eventually|complications?|"
                         r"if (left )?(un)?treated|serious|severe|death|die)\b", re.I)
# "may recommend rest, plenty of fluids, and aspirin": a list of what is given
TREATMENT_LIST_VERB = re.compile(r"\b(recommends?|suggests?|prescribes?)\s+", re.I)  # not "include": its lists run wide
TREATMENT_LIST_END = re.compile(r"[.;:()]|\s(?:to|for|if|when|because|which|that|who|unless|until)\b")
GENERIC_TREATMENT_WORDS = frozenset({"treatment", "treatments", "medicine", "medicines", "medication", "medications",
                                     "drugs", "drug", "therapy", "therapies", "options", "changes", "doctor", "others"})
CLINICAL_BASIS = re.compile(r"\bbased on (?:the presence of )?(?:your |the |his or her |their |certain )*"
                            r"(?P<what>(?:(?:characteristic|typical) )?(?:signs and symptoms|symptoms)|"
                            r"clinical (?:signs|features|findings))\b", re.I)
SAMPLE_KINDS = r"stool|urine|blood|tissue|sputum|saliva|mucus|skin|spinal fluid|cerebrospinal fluid"
SAMPLE_EXAMINED = re.compile(rf"\b(?P<kinds>(?:{SAMPLE_KINDS})(?:,?\s+(?:or|and)\s+(?:{SAMPLE_KINDS}))*)\s+samples?\b"
                             r"[^.;]{0,40}?\b(?:examined|tested|checked|analy[sz]ed|looked at|studied)\b", re.I)
# "a blood (serologic) test": the gloss splits the term the vocabulary knows
GLOSSED_TEST = re.compile(r"\b(?P<kind>blood|urine|stool|skin|genetic|imaging)\s+\([\w -]+\)\s+tests?\b", re.I)
# "... causes illness in humans": the disease itself as a causal verb's object
GENERIC_ILLNESS_OBJECT = re.compile(r"(?:illness|disease|the disease|the illness|the condition|this condition)\b"
                                    r"(?:\s+in\s+(?:humans|people))?\s*[.;]", re.I)
SPECIES_ABBREVIATION = re.compile(r"[A-Z]\.\s?[a-z]{3,}")
LATIN_BINOMIAL = re.compile(r"[A-Z][a-z]{3,} [a-z]{3,}(?:i|ii|ae|um|us|is|a)")  # "Schistosoma mansoni"
TRANSMISSION_CUE = re.compile(r"\b(spread|transmitted|caught|get|catch|contract)\b", re.I)
ANOTHER_PERSON_BEFORE = re.compile(r"\b(an?|the|another) (infected|sick|other) (person|people|individual|child|adult)s?\s+"
                                   r"(\w+\s+(or\s+)?)?$", re.I)
AGENT_CATEGORY = re.compile(r"\s*(?:an?\s+)?(?:\w+\s+){0,2}?(?P<phrase>(?:disease|illness|infection) caused by (?:an?\s+)?"
                            r"(?:[\w-]+\s+)?(?:viruse?s?|bacteri(?:a|um)|parasites?|worms|fungi|fungus|"
                            r"protozoa|amoebae?|mites|lice))\b", re.I)
POINTER = re.compile(r"\b(go to|visit|read or download|click here|call \d|available (at|from) (http|www))\b|https?://", re.I)
PREVENTED_BEFORE = re.compile(r"\b(to|help|helps) (prevent|avoid)\s+(\w+\s+)?$", re.I)
# the finding (or the list it ends) is the subject: "Air pollution, infections, and allergies can worsen the symptoms"
AGGRAVATES_AFTER = re.compile(r"(?:,?\s+(?:and\s+|or\s+)?[\w-]+){0,3}?\s+(?:can|may|could|will|often)\s+"
                              r"(?:worsen|aggravate|make\b[^.;]{0,30}\bworse)\b", re.I)
GENERIC_CAUSE_HEADS = frozenset({"factors", "factor", "things", "reasons", "conditions", "causes", "triggers", "events",
                                 "problems", "issues", "agents", "diseases", "disorders", "illnesses"})


def _outside_parentheses(pattern: re.Pattern, text: str) -> re.Match | None:
    """The first match not inside parentheses: "visual loss (due to inflammation of the optic nerve)" explains the
    term before the parenthesis, not the disease."""
    return next((m for m in pattern.finditer(text) if text.count("(", 0, m.start()) <= text.count(")", 0, m.start())),
                None)


CLINICAL_TRIAL = re.compile(r"\bclinical trials?\b", re.I)  # trial descriptions are about research, not outlook


def _covered_by_mention(span: tuple[int, int], mentions: list[MentionRecord]) -> bool:
    """A vocabulary mention overlaps the phrase, unless it is only the phrase's generic head ("a specific nerve
    injury", "straddle injuries" are more than "injury")."""
    overlapping = [m for m in mentions if m.start < span[1] and span[0] < m.end]
    return bool(overlapping) and not all(m.end == span[1] and m.start > span[0] and m.text.lower() in GENERIC_HEAD_WORDS
                                         for m in overlapping)


def _initials_of(short: str, name: str) -> bool:
    """`short` is an all-capital short form whose letters are initials of `name`'s words, in order ("AMD" of
    "Age-related Macular Degeneration")."""
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", short):
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z0-9]+", name)).upper()
    it = iter(initials)
    return short[0] == initials[:1] and all(c in it for c in short)


def _title_cased(text: str) -> bool:
    """A heading written in Title Case ("Who Should Not Get the Vaccine?")."""
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) / len(words) >= 0.8


def _description_dash(clause: str) -> re.Match | None:
    """The " - " that opens an item's description, if any; none where the dashes are bullets run into one line
    ("- surgery - antibiotics - intermittent catheterization", short items between them)."""
    segments = DESCRIPTION_DASH.split(clause)
    if len(segments) >= 3 and all(len(seg.split()) <= INLINE_BULLET_WORDS for seg in segments[1:-1]):
        return None
    return DESCRIPTION_DASH.search(clause)


def _fact_key(m: MentionRecord) -> str:
    """Mentions of one concept are one fact, except that a qualified operation is its own option ("unilateral" and
    "bilateral salpingo-oophorectomy", one MeSH id)."""
    key = m.concept_id or m.text.lower()
    return f"{key}|{m.text.lower()}" if "+qualifier" in m.method else key


def _fact_name(m: MentionRecord) -> str:
    """The mention's words, unless they are not the term by themselves: a coordination's conjunct ("red" of "red
    and white blood cell counts") or an adverb ("surgically"); then the concept's label."""
    if m.concept_label and ("+coordination" in m.method or re.fullmatch(r"[a-z]+ly(?: [a-z]+ed)?", m.text.lower())):
        return m.concept_label
    # a pronunciation gloss inside the term is no part of its name: "tetralogy (teh-TRAL-o-je) of Fallot"
    return PRONUNCIATION_GLOSS.sub("", m.text) if "(" in m.text else m.text


def _is_verbal(text: str) -> bool:
    return bool(re.search(r"(ed|ing)$", text.strip().split()[-1], re.I)) if text.strip() else False


def _nominal(text: str) -> str:
    return text if text.isupper() or re.match(r"^[A-Z][a-z]+[A-Z]", text) else text[:1].lower() + text[1:]


def build_profile(article: Article, nlp: NlpResult, text_path: str, text_sha256: str) -> DiseaseProfile:
    return ProfileBuilder(article, nlp, text_path, text_sha256).build()
