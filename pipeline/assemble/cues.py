"""Cue phrases that decide which profile field a sentence speaks to. One table, used by every field rule.

Patterns are matched case-insensitively against one sentence (or list item). They are written for plain-language
health writing in general (NIH institutes, GARD, GHR, MedlinePlus, encyclopedias), never for one article.
"""

from __future__ import annotations

import re

_FLAGS = re.I

CUES: dict[str, re.Pattern] = {name: re.compile(pattern, _FLAGS) for name, pattern in {
    # causes whose subject must be the disease itself ("Myoclonus may develop in response to infection"; not
    # "cataplexy ... in response to strong emotion"): `ProfileBuilder._subject_cause`
    "cause_of_subject": r"\b(often|usually|typically|commonly|sometimes|frequently) follows?\b|\bin response to\b|"
                        r"\b(develops?|occurs?|appears?|is seen)\b[^.;]{0,20}\b(in|among) (people|persons|patients|"
                        r"individuals|those|children|adults) with\b|"
                        # "generally occurs in conjunction with a previous viral infection"
                        r"\b(occurs?|develops?|appears?)\s+(\w+\s+){0,2}(in conjunction with|during (the )?"
                        r"(recovery|convalescence) from)\b|"
                        r"\b(occurs?|develops?|appears?|starts?)\s+(\w+\s+){0,3}after\b(?!\s+(birth|age|puberty)\b)|"
                        r"\b(may be|is|are|can be) (often |sometimes |frequently )?associated with\b",
    "cause": r"\bresults? from\b|\b(is|are) (the|a) (direct )?result of\b|\bcaused by\b|\bcauses? (of|is|are|include|includes)\b|\bdue to\b|\bresponding to\b|\btriggered by\b|"
             r"\bin association with\b|\b(occurs?|occurring|develops?|happens?|appears?|starts?|begins?)\b[^.;]{0,60}\bbecause of\b|\bmutations? in\b|\bfollowing (an? )?\w+ infection\b|"
             r"\bbrought on by\b|\bstems? from\b|\bis linked to\b|\brisk factors? (is|are|include|includes)\b|"
             # how it is caught: "It is most often spread by contact with the stool", "get it from droplets"
             r"\b(is|are) (\w+ ){0,2}(spread|transmitted|caught) (by|through|via|from)\b|"
             r"\b(get|catch|contract) (it|the disease|the infection|the virus|infected) (from|by|through)\b",
    "cause_in_section": r"\bassociated with\b|\binclud(e|es|ing)\b|\bsuch as\b|\blinked to\b|\brisk factors?\b|"
                        r"\btriggers?\b|\bcaused\b",
    "complication": r"\b(increased|higher|greater) risk (of|for)\b|\bincreases? (the |your )?risk (of|for)\b|"
                    r"\bthe risk of\b|\blifelong\b|\bresidual\b|\blong[- ]lasting\b|\blong[- ]term\b|\bcomplications?\b|\b(may|can|could|will) (also )?(lead to|cause)\b|\bcomplicated by\b|"
                    r"\b(usually|often|eventually|ultimately|typically|rarely) leads? to\b|"
                    r"\bif (left )?(not )?(un)?treated\b|"
                    r"\bproblems that (come|result) from\b|\bpermanent\b|\b(may|can|could|will|often|sometimes) result in\b|\bat risk (of|for)\b|"
                    r"\bmay occur\b|\bsecondary (bacterial |viral |fungal )?infections?\b|\bother problems\b|\blater in life\b|"
                    r"\b(years|decades) later\b|"
                    # "others may sustain varying degrees of brain damage"
                    r"\b(may|can|could|will|might) (sustain|suffer|be left with)\b",
    "diagnostic": r"\bdiagnos|\btested\b|\btests?\b|\btesting\b|\bscans?\b|\bbiopsy\b|\bimaging\b|\bMRI\b|"
                  r"\bexamination\b|\bscreen(ed|ing)?\b",
    "treatment": r"\btreat|\btherap|\bmedications?\b|\bdrugs?\b|\bsurg|\bremoved\b(?! from the body)|\bremoval\b|\bmanaged\b|\brelieve|"
                 r"\binjections?\b|\bprescribed\b|\bhelps? (control|reduce|relieve)\b",
    "population": r"\b(occurs?|is|are|seen|found|diagnosed|develops?|recogni[sz]ed|detected|noticed)\s+(most\s+)?(often|usually|commonly|mainly|"
                  r"primarily|typically|mostly|more (often|commonly))?\s*(seen\s+|found\s+)?(in|among)\b|"
                  r"\baffect(s|ed|ing)?\b|\bage group\b|\b(more |most |especially |particularly )?(common|prevalent|"
                  r"frequent) (in|among)\b|"
                  r"\b(at (greater|higher|increased) risk|(most|more|especially|particularly) at risk)\b|\b(first|initial|earliest) (signs?|symptoms?)\b[^.;]{0,40}\bbetween\b|\bpeaks?\b|\b(more|most|less) likely\b[^.;]{0,40}\bto (have|develop|get|be diagnosed|be (infected|affected)|get infected)\b|\bonset\b[^.;]{0,30}\bvar(y|ies)\b|\b(onset|begins?|starts?|appears?) (is |usually |often |most often )?"
                  r"(in|between|during|at|before|after)\b",
    "prognosis": r"\bprognosis\b|\boutlook\b|\bchance of (returning|recovery|survival|recovering)\b|\brecover|"
                 r"\breturn(ing)? to normal\b|\blife expectancy\b|\bfatal\b|\bsurvival\b|\brelief\b|"
                 r"\birreversible\b|\blong[- ]lasting\b|\brecur(s|red|rence|ring)?\b|\bimprove|\b(is|are) (\w+ )?progressive\b|\bresolves?\b|"
                 r"\bpersists?\b|\bremission\b|\bleads? to death\b|\b(die|dies|death) (within|before|from)\b|"
                 r"\b(patients|people|persons|those|children|adults|infants)\s+(\w+\s+){0,3}who (die|died)\b|"
                 r"\bmortality\b|\b(death|fatality|survival) rates?\b",
    # prognosis statements that hold in any section (a treatment section's "There is no cure")
    "prognosis_strong": r"\bno (known )?cure\b|\bcannot be cured\b|\b(is|considered) a cure\b|\bcan be cured\b|\\bcurable\\b|\bincurable\b|\b(do|does) not survive\b|"
                        r"\blive into adulthood\b|\blife[- ]threatening\b|\bthroughout (their )?life\b|"
                        r"\blife expectancy\b|\b(slowly|gradually|eventually) (improves?|recovers?|resolves?)\b|"
                        # the course stated with a time ("fatal within a few months", "heals in 3 to 6 months",
                        # "clear up within 2 to 4 weeks") or its end ("not a cure", "only one episode")
                        r"\bfatal within\b|\b(heals?|healing|clears? up|goes away|disappears?)\s+(with)?in\b|"
                        r"\bhealing (can |may )?takes?\b|\bwill not improve\b|\bnot a cure\b|"
                        r"\bonly (one|a single) (episode|attack|outbreak)\b|"
                        # a tumour's behaviour and a treatment's effect on the course
                        r"\bgrows? (slowly|quickly|rapidly|fast)\b|\b(rarely|usually|often|seldom) spreads?\b(?!\s+(by|through|via|from))|"
                        r"\b(have|has) (usually|often|already) spread\b|"
                        r"\b(more|less) (difficult|likely) to (treat|be cured)\b|\b(harder|easier) to treat\b|"
                        r"\bwill (stop|relieve|heal|reverse|cure)\b|\b(gets?|got) better\b|\boutgrows?\b|"
                        r"\bdisappears? (as|by|over|with|after)\b|"
                        # the course in plain words: "go away on their own", "lasts from a few days to 10 days",
                        # "can persist for months to years", "improvement or remission may be possible"
                        r"\b(go|goes|shrink|shrinks|heal|heals|resolve|resolves|clear|clears|disappear|disappears)\b"
                        r"[^.;]{0,30}\bon (its|their) own\b|"
                        r"\blasts? (from|for|about|up to|between) (a few|several|\d+)\b|"
                        r"\bpersists? for (months|years|weeks|several|many|a few)\b|"
                        r"\b(improvement|remission|recovery)\b[^.;]{0,20}\b(may|might|can|is) (be )?possible\b|"
                        r"\b(with|over) time\b[^.;]{0,40}\b(spreads?|worsens?|progress(es)?)\b|"
                        r"\bno (treatment|way|medicine|therapy) (to|that can|can) (reverse|cure|undo)\b|"
                        r"\b(most|many) (people|patients|infected people) (have|show|get) no symptoms\b|"
                        r"\bwill (become|be) (paralyzed|disabled|blind)\b|"
                        r"\b(better|improves?|less severe|milder)\b[^.;]{0,60}\bas (they|children|he|she|people) "
                        r"(get|grow) older\b|"
                        r"\beffective (medication|medications|treatment|treatments|medicines?|therapy) (is|are) available\b|"
                        r"\b(medications|medicines|treatments) are (very |highly )?safe and effective\b|"
                        # the pace and severity of the course: "AMD advances so slowly", "a relatively mild condition"
                        r"\b(progress(es)?|advances?|worsens?|gets? worse)\s+(so |very |more |much )?(slowly|quickly|"
                        r"rapidly|faster|gradually)\b|\bno (form of )?treatment can (prevent|stop|reverse|cure)\b|"
                        r"\bno (?:(?:serious|long[- ]term|lasting|major|further)\s+)+(?:health\s+)?problems\b|"
                        r"\b(?:do not|don't|rarely|seldom) (?:have|develop|get) (?:any )?(?:serious )?complications\b|"
                        r"\b(is|are) (an? )?(relatively |generally |usually |typically |often )?mild( condition| disorder"
                        r"| disease)?\b",
    # the course of the illness stated inside a symptoms section ("Episodes may last a few days and typically resolve",
    # "it is generally progressive")
    "prognosis_course": r"\b(is|are) (generally |usually |often |slowly |typically )?progressive\b|"
                        r"\b(typically|usually|often|generally|eventually) (resolve|resolves|subside|subsides)\b|"
                        r"\bmay last (a few|several|many) (days|weeks|months|years)\b|\bin between (flares|attacks|episodes)\b",
    # other diseases the disease is told apart from are neither its symptoms nor its complications
    "differential": r"\b(can|may|might|could|is|are|often|sometimes)\s+(be\s+)?(confused with|mistaken for|"
                    r"misdiagnosed as)\b|\bdifferential diagnos[ie]s\b|\b(mimics?|resembles?)\b|"
                    r"\bsimilar to (the )?(symptoms|signs|those) of\b",
    "symptom_list": r"\b(symptoms?|signs?|features?|manifestations?)\b[^.;]{0,60}?\b(include|includes|including|"
                    r"such as|are|may be|consist of)\b|\b(symptoms?|signs?)\s*:|\bcharacterized by\b|"
                    r"\bprimary (consequence|feature|manifestation)s?\b|\bmanifests? (as|with)\b|"
                    r"\b(individuals|people|patients|children|infants|adults|persons|affected \w+)\b[^.;]{0,40}?\b"
                    r"(also\s+|often\s+|usually\s+|may\s+|can\s+)?(develop|experience|suffer from|present with)s?\b|"
                    r"\baffected (individuals|people|persons|children|infants|adults|babies)\s+(also\s+|often\s+|usually\s+|"
                    r"may\s+|can\s+)?(have|show)\b|"
                    # what a test found, not what it can find ("CT scans can show cysts and tumors")
                    r"\b(imaging|scans?|MRI|CT|tests?|examinations?|biops(y|ies))\b[^.;]{0,30}?\b(?<!can )(reveals?|revealed|shows?|"
                    r"showed|demonstrates?)\b",
    # "other autoimmune diseases such as vitiligo": comorbidities, neither symptoms nor causes
    # what a treatment relieves is something patients have: "relief from the stiffness, muscle spasms, and pain"
    "treatment_target": r"\b(relie(f|ve|ves|ving)|control(s|ling)?|reduc(e|es|ing)|eas(e|es|ing)|alleviat(e|es|ing)|"
                        r"manag(e|es|ing))\b[^.;]*$",
    "comorbidity": r"\b(other|additional|related|associated|coexisting)\s+([\w-]+\s+){0,2}(diseases?|disorders?|"
                   r"conditions?|illness(es)?)\b|\b(conditions?|diseases?|disorders?)\s+(\w+\s+)?associated with\b|"
                   # "These conditions include ... DFNB4": the other conditions the previous sentence compared
                   r"^(these|those|such|similar|related) (conditions|disorders|diseases|syndromes) (include|includes|are)\b",
    "open_question": r"\bquestions? (remain|concerns?)\b|\bno one (yet )?knows\b|\bunknown\b(?!\s+(causes?|origin|reasons?)\b)|"
                     r"\bunclear\b|\bno (known )?(way|method|means|test)s?\b[^.;]{0,40}\bto (predict|know|tell)\b|"
                     r"\bcannot (yet )?be predicted\b|"
                     r"\bnot (yet )?(fully |well |completely |entirely )?(known|understood|clear)\b|\b(dont|don't|do not) (yet )?(fully )?(know|understand)\b|"
                     r"\b(arent|aren't|are not|isnt|isn't|is not) (yet )?known\b|\bresearch (is needed|to answer)\b|\?$|"
                     r"\bresearch is (focused|focusing|directed) on\b|\bresearchers (continue|are working|are trying) to\b|"
                     r"\braised questions\b|"
                     r"\b(studies|research|evidence|data)\b[^.;]{0,60}\b(are|is|remains?) (limited|lacking|scarce)\b",
    # what is unknown or under study, in any section ("its long-term safety and effectiveness arent known")
    "open_question_strong": r"\b(arent|aren't|are not|isnt|isn't|is not) (yet )?known\b|"
                            r"\b(studies|research|evidence|data)\b[^.;]{0,60}\b(are|is|remains?) (limited|lacking|scarce)\b|"
                            r"\bresearchers (continue|are working|are trying) to\b",
    "definition": r"\b(is|are) (a|an|the)\b",
    "member": r"\b(such as|including|like|e\.g\.|for example|for instance|namely)\s*$",
    "synonym": r"\b(also (known as|called|referred to as)|(sometimes|often|commonly) (called|referred to as)|formerly (known as|called)|"
               r"otherwise known as|known as|other names? (for this condition )?(include|are))\b",
}.items()}

POPULATION_WORDS = re.compile(
    r"\b(newborns?|infants?|babies|toddlers|school-age(?:d)? children|children|child|adolescents|teenagers|teens|young adults|older adults|"
    r"adults|elderly|women|men|girls|boys|males|females|pregnant women|people of [A-Z]\w+ (descent|ancestry|"
    r"heritage)|people over (age )?\d+|people (who are )?(older|younger) than \d+|adolescence|childhood|infancy|early adulthood|"
    r"adulthood|middle age|mid-?life|middle-aged|adults in their \d0s|(people|adults) (in their|over|under) \d+s?|"
    r"between (the )?ages? (of )?\d+ and \d+|\d+-? ?(to|-) ?\d+-year-olds|"
    r"African Americans|Caucasians|Hispanics|Latinos|Asians|Native Americans|Europeans|Ashkenazi Jews|"
    # occupations and activities ("musicians", "people who play sports")
    r"musicians|athletes|golfers|typists|writers|workers|farmers|miners|smokers|travell?ers|veterans|soldiers|"
    r"people who play sports|"
    # "people who take care of infected children and people who are institutionalized": a group by what it does
    r"(?:people|persons|adults) who (?:are|take care of|care for|work|live|travel)\b[^,;.()]{1,40}?(?=,|\s+and\b|\s+or\b|[.;]|$)|"
    # "the native populations of Greenland, Alaska, and Canada"
    r"(?:native|indigenous) (?:populations?|peoples?) of (?-i:[A-Z])[\w-]+(?:,? (?:and )?(?-i:[A-Z])[\w-]+)*)\b", _FLAGS)

QUALIFIER = re.compile(
    r"\b(?:for|in)\s+(?:(?:some|most|many|older|younger|young)\s+)?(?:children|adults|infants|toddlers|people|patients|"
    r"women|men|those|adolescents|teens|newborns|babies)(?:\s+(?:with|who have)\s+[\w-]+(?:\s+[\w-]+){0,3}?)?"
    r"(?=[,.;)]|\s+(?:and|or|who|that|has|have|is|are|may)\b|$)"
    r"|\b(?:if|when)\s+(?:a|an|the)?\s*[\w-]+\s+(?:is|are)\s+present\b"
    r"|\bif\s+(?:the|a)\s+\w+\s+(?:has|have)\s+(?:a|an)\s+[\w-]+"
    r"|\b(?:in (?:rare |some |severe )?cases )?where there is (?:(?:a|an) [\w-]+ present|(?:severe |advanced |mild )?"
    r"[\w-]+(?: [\w-]+)? (?:disease|damage|failure))\b"
    r"|\bbefore (?:the )?[\w-]+ is complete\b|\bfor (?:the )?temporary relief of (?:severe )?[\w-]+"
    # a second-line treatment's condition: "if medicines or splenectomy don't help", "when corticosteroids fail"
    r"|\b(?:if|when)\s+(?:[\w-]+\s+){1,4}?(?:(?:do|does|did)\s*(?:n't|not)\s+(?:help|work)|fails?|(?:has|have)n't helped)\b",
    _FLAGS)

OUTCOME = re.compile(
    r"\b(?:(?:often|usually|sometimes|may|can|does|do)\s+)?(?:not\s+help|does\s+not\s+help|doesn't\s+help|"
    r"improves?|may\s+improve|helps?\s+(?:control|reduce|relieve)\s+\w+|may\s+even\s+get\s+worse|"
    r"has\s+been\s+tried|is\s+not\s+effective|is\s+effective)\b", _FLAGS)

CATEGORY_ADJECTIVES = {
    "autoimmune": "autoimmune disease", "neurological": "nervous system disorder",
    "neurologic": "nervous system disorder", "genetic": "genetic disease", "inherited": "hereditary disease",
    "hereditary": "hereditary disease", "metabolic": "metabolic disease", "infectious": "infectious disease",
    "viral": "viral infectious disease", "bacterial": "bacterial infectious disease",
    "inflammatory": "inflammatory disease", "neurodegenerative": "neurodegenerative disease",
"psychiatric": "psychiatric disorder", "mental": "psychiatric disorder",
    "cardiovascular": "cardiovascular disorder", "respiratory": "respiratory system disorder",
    "skin": "skin disease", "blood": "hematologic disease", "kidney": "kidney disease",
    "liver": "liver disease", "eye": "eye disease", "muscle": "muscle tissue disorder",
    "movement": "movement disorder", "sleep": "sleep disorder", "developmental": "developmental disorder",
    "immune": "immune system disorder",
}


# Phrase patterns the assembly rules match at a mention or in a clause.
# "a European rare disease database", "the Muscular Dystrophy Association": the term names a resource, not a finding
NAMES_AN_INSTITUTION = re.compile(r"\s+(database|registry|network|partnership|organi[sz]ation|foundation|association|society|"
                                  r"cent(er|re)|clinic|institute|program(me)?|alliance|coalition)s?\b", re.I)
# a finding that ends an institution's name: "National Institute of Neurological Disorders and Stroke"
INSTITUTION_BEFORE = re.compile(r"\b(?:Institutes?|Foundation|Association|Society|Cent(?:er|re)|Organi[sz]ation|Alliance|"
                                r"Council|Department|Division)\s+(?:of|for|on)\s+(?:[A-Z][\w'-]*,?\s+(?:and\s+|&\s+)?){0,6}$")
# "Symptoms of a cold or the flu include": the symptoms of the disease named next, not of this one
OTHER_SYMPTOMS_OF = re.compile(r"\b(?:symptoms?|signs?)\s+of\s+(?:an?\s+|the\s+)?", re.I)
# a sentence that opens with what the disease is, then names it: "An unpredictable disease of the central nervous
# system, multiple sclerosis (MS) can ..." (group 1: the noun phrase)
APPOSITIVE_DEFINITION = re.compile(r"((?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:disease|disorder|condition|illness|syndrome|"
                                   r"infection|cancer)(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)?),\s+", re.I)
# "other anorectal problems": the class the disease named beside it belongs to
_CLASS_HEADS = r"(?:disorders|diseases|problems|conditions|infections|illnesses|cancers|syndromes|tumors|tumours)"
OTHER_CLASS = re.compile(rf"\bother\s+(?P<phrase>(?:(?!{_CLASS_HEADS}\b|and\b|or\b)[a-z-]+\s+){{1,2}}{_CLASS_HEADS})\b")
# "Many investigators believe MS to be an autoimmune disease", "it is thought to be an autoimmune disorder"
TO_BE_DEFINITION = re.compile(r"\bto be (?:an?)\b", re.I)
BELIEVED_BEFORE = re.compile(r"\b(?:believed?|believes|thought|considered?|considers|known)\s+(?:[\w()-]+\s+){0,4}$", re.I)
NOT_A_CLASS_MODIFIER = frozenset({"types", "type", "kinds", "kind", "forms", "form", "of", "two", "three", "four",
                                  "several", "many", "some", "all", "any", "health", "medical", "serious", "related", "similar", "common", "possible", "rare",
                                  "severe", "chronic", "such", "more", "major", "minor", "known", "certain", "specific",
                                  "physical", "mental", "underlying", "associated", "long-term", "new", "potential"})
# the head of a definition's predicate: "a rare but serious paralytic illness" → "paralytic illness"
CATEGORY_HEAD = re.compile(r"\b(?:(?:a|an)\s+)?((?:[a-z-]+\s+){0,2}?(?:disorder|disease|illness|condition|syndrome)s?)\b")
EVALUATIVE_WORDS = frozenset({"serious", "severe", "very", "life-threatening", "uncommon", "common", "but", "and",
                              "potentially", "usually", "often", "extremely", "relatively", "a", "an", "the"})
CAUSAL_COMPLICATION = re.compile(r"\b(may|can|could|will) (eventually )?(lead to|cause|result in)\b|"
                                 r"\bif (left )?(not )?(un)?treated\b", re.I)
# a diet the article prescribes: "a low-copper diet", "a gluten-free diet", "a special diet"
DIET = re.compile(r"\b(?:(?:low|high|reduced|restricted)[- ][a-z]+|[a-z]+[- ]free|[a-z]+[- ]restricted|special|ketogenic)"
                  r"\s+diets?\b", re.I)
# a test named by the drug it gives: "a tensilon test", "a glucose tolerance test"
DRUG_TEST = re.compile(r"\s+(?:tolerance |stimulation |challenge )?tests?\b", re.I)
# death named as the outcome without a complication cue: "death is common, often within a few days"
DEATH_OUTCOME = re.compile(r"\bdeath (?:is|can be|may be) (?:(?:very|quite|also)\s+)?(?:common|likely|possible|frequent)\b",
                           re.I)
DEATH = re.compile(r"\b(death|dying|fatal)\b(?!\s+(certificates?|rates?|records?)\b)", re.I)
# lasting effects named as such are complications even when they are also symptoms ("lifelong impairment ranging
# from cognitive difficulties, weakness, loss of vision")
SEQUELA_BEFORE = re.compile(r"\b(lifelong|life-long|permanent|residual|long[- ]term|long[- ]lasting|lasting)\b", re.I)
# "Bleeding in the brain as a result of ITP": a consequence of the disease
CAUSED_BY_AFTER = re.compile(r"\s+(as a (result|consequence|complication) of|caused by|due to)\s+", re.I)
FATAL = re.compile(r"\b(is|are|be|been|usually|often|rarely|sometimes|can be|may be) (\w+ )?fatal\b", re.I)
# what a treatment decision depends on, or a drug's hazard: not a treatment ("Treatment depends on ... the platelet
# count", "aspirin and ibuprofen are common medicines that increase the risk of bleeding")
NOT_GIVEN_BEFORE = re.compile(r"\b(depends? on|(is|are) based on|according to|avoid(ing)?|should not (eat|take|get|use)|"
                              r"(do|does) not (eat|take)|(after|from|when) (consuming|eating|drinking)|contains?|containing|sources? of \w+ (include|are)|made (with|from)|"
                              r"(found|present|hidden) in(?!\s+(association|people|patients|persons|children|adults|about|"
                              r"up to|\d)))\b[^.;]*$", re.I)
# a list of sources or ingredients ("Products that can contain gluten include: cosmetics, toothpaste")
# anaesthesia or sedation given for a test or an operation: it treats and tests nothing
ADJUNCT_PROCEDURE = re.compile(r"\ban(a)?esthesia\b|\bsedation\b", re.I)
# a lead-in that names the disease's symptoms, strict enough to hold outside a symptoms section
SYMPTOM_INTRO = re.compile(r"\b(symptoms?|signs?)\b[^.;:]{0,40}?\b(include|includes|including|are|may be)\b|"
                           r"\b(symptoms?|signs?)\s*:", re.I)
# a finding named as a symptom after it: "itching around the anus is a common symptom" (of the disease, not of
# another one named after "of")
SYMPTOM_PREDICATE_AFTER = re.compile(r"(?:,[^,.;]{0,120},)?(?:\s+[\w-]+){0,4}?\s+(?:is|are)\s+(?:also\s+)?"
                                     r"(?:(?:a|an|the|one of the|another)\s+)?"
                                     r"(?:(?:most\s+)?(?:common|main|usual|typical|frequent|first|early|earliest|classic|"
                                     r"key|major|only|important|characteristic|hallmark|primary)\s+)*(?:symptoms?|signs?|"
                                     r"features?|manifestations?)\b"
                                     r"(?P<of>\s+of\s+)?", re.I)
SOURCE_LIST = re.compile(r"\b(contains?|containing|sources? of|ingredients)\b", re.I)
NOT_GIVEN_AFTER = re.compile(r"^[^.;]{0,60}\b(increases?|raises?) (the |your )?(risk|chance)\b", re.I)
# the disease a vaccine is against is not a cause ("vaccination for measles, mumps, or rubella")
VACCINE_FOR_BEFORE = re.compile(r"\b(vaccin\w*|immuni[sz]\w*)\s+(for|against)\s+([\w-]+,?\s+((or|and)\s+)?){0,4}$",
                                re.I)
CAUSES_AFTER = re.compile(r"\s+(?:(?:is|are)\s+)?(?:(?:thought|believed|known|suspected|likely)\s+)?(?:to\s+)?"
                          r"(?:(?:may|can|often|usually)\s+)?(?:cause|causes|trigger|triggers|lead to|leads to)\s+"
                          r"(?:(?:the|most|some|many|cases|of)\s+)*", re.I)
# "Sometimes surgery, pregnancy, childbirth, a viral infection, or severe emotional stress can also trigger celiac
# disease symptoms": the verb whose coordinated subjects are each a cause when the focus disease is its object
SUBJECT_CAUSE_VERB = re.compile(r"\s+(?:(?:is|are)\s+(?:thought|believed|known|suspected)\s+to\s+)?"
                                r"(?:(?:may|can|could|might|often|sometimes|usually|commonly|also|then)\s+){0,2}"
                                r"(?:trigger|triggers|triggered|bring on|brings on|set off|sets off|provoke|provokes|"
                                r"precipitate|precipitates|cause|causes|lead to|leads to|result in|results in)"
                                r"(?:,?\s+or\s+(?:trigger|cause|bring on|set off|provoke|precipitate)s?,?)?\s+"
                                r"(?:(?:the|an?|some|most|many)\s+)?(?:(?:cases|attacks?|episodes?|flares?|onset|"
                                r"symptoms)\s+of\s+)?"
                                # "Genes ... and viruses may play roles in the development of the disease"
                                r"|\s+(?:(?:may|might|can|could|also)\s+)?plays?\s+(?:an?\s+)?(?:\w+\s+)?roles?\s+in\s+"
                                r"(?:the\s+)?(?:(?:development|onset)\s+of\s+)?"
                                # "Smoking is the main cause of chronic bronchitis"
                                r"|\s+(?:is|are)\s+(?:also\s+|likely\s+|probably\s+|often\s+|usually\s+)?(?:the|an?|one of the)\s+(?:(?:most|main|major|leading|"
                                r"common|usual|primary|commonest|frequent|important|known|preventable|greatest|biggest)\s+){0,2}"
                                r"(?:causes?\s+of|risk\s+factors?\s+for)\s+"
                                r"(?:(?:the|most|some|many)\s+)?(?:cases\s+of\s+)?", re.I)
# the lead-in of a list of causes ("Several factors may cause this swelling, including", "Risk factors are:")
CAUSE_LIST_INTRO = re.compile(r"\b(causes?|caused|factors?|triggers?|risks?|results? from|due to)\b", re.I)
CAUSE_LIST_LEAD_IN = re.compile(r"\b(triggered by|brought on by|caused by|due to|results? from|risk factors? (are|include)|"
                                r"risk factors?)\s*:?\s*$", re.I)
# "... neuropathies from diabetes can cause": the list is what the lead-in's subject causes, not what causes it
EFFECT_LIST_INTRO = re.compile(r"\b(cause|causes|lead to|leads to|result in|results in|trigger|triggers)\s*:?\s*$", re.I)
# a relative clause inside a subject ("The same viruses that cause colds"): the subject is the noun phrase before it
SUBJECT_RELATIVE = re.compile(r"\s(?:that|which|who)\s", re.I)
# a clause that reports the causal one ("Studies suggest that", "Some evidence shows that"): its subject follows
SUBJECT_COMPLEMENT = re.compile(r"[^.;]*?\b(?:believe|believes|believed|suggest|suggests|suggested|indicate|indicates|"
                                r"indicated|show|shows|showed|shown|think|thinks|thought|found|find|finds|know|known|"
                                r"say|says|report|reports|reported|likely|possible|clear|seems?|appears?)"
                                r"\s+(?:that\s+)?", re.I)
# where a sentence's subject starts: after the last clause break or a leading adverbial
SUBJECT_START = re.compile(r".*(?:[;:]|\b(?:sometimes|often|rarely|occasionally|however|also|for example|(?:less |more )?commonly|"
                           r"in (?:some|most|many|rare|other) (?:people|cases|patients|instances)|"
                           r"for (?:most|some|many|other) people|for others)\s*,?)\s*", re.I)
SUBJECT_NOT_A_LIST = re.compile(r"\b(cannot|can|may|might|will|would|should|is|are|was|were|be|been|has|have|had|does|do|"
                                r"did|not|(?<!exposure )to|which|that|who|what|when|where|while|if|because|though|"
                                r"although|as|"
                                r"both|either|neither|one|example|such)\b|[()\d]", re.I)
SUBJECT_SPLIT = re.compile(r",|;|\s(?:or|and|and/or)\s")
# "In patients with immune deficiency, the rash ...": the condition defines who is meant, it is no finding
PEOPLE_WITH_BEFORE = re.compile(r"\b(patients|people|persons|those|individuals|children|adults|anyone|someone|women|men)"
                                r"\s+(who (have|had)|with)\s+(an?\s+|a weakened\s+|weakened\s+|(?:genetic|inherited|"
                                r"underlying|other|certain|chronic)\s+)?$", re.I)
# "people receiving immunosuppressive medications or undergoing chemotherapy": who is at risk, not how it is treated
PEOPLE_RECEIVING_BEFORE = re.compile(r"\b(people|patients|persons|those|individuals|anyone|someone|children|adults)\b"
                                     r"[^.;]{0,30}?\b(receiving|undergoing|taking|who (take|takes|took|are taking|"
                                     r"have had|has had|had|receive|received))\s+([\w-]+,?\s+(or\s+|and\s+)?){0,6}$",
                                     re.I)
# "the drugs used for myoclonus, such as barbiturates, phenytoin": a chemical named as a drug is given as one
DRUG_LIST_BEFORE = re.compile(r"\b(drugs?|medications?|medicines?)\b[^.;]{0,40}?\b(such as|including|include|like)\s+"
                              r"([\w-]+,?\s+(or\s+|and\s+)?){0,6}$", re.I)
# "Increased risk for certain cancers (leukemia, lymphoma)" in a symptom list: what may come later
RISK_OF = re.compile(r"\b(increased|higher|greater|elevated) risk (of|for)\b|\bat (an? )?(increased |higher )?risk (of|for)\b",
                     re.I)
# "tests for botulinum toxin", "tests that measure the amount of copper in the blood, urine, and liver": a test
# named by what it looks for (a trailing list of one- or two-word items stays with it)
TEST_PHRASE = re.compile(r"\b(?:(?:blood|urine|lab|laboratory|genetic|antibody|skin|stool)\s+)?tests?\s+"
                         r"(?:that (?:measure|check|look|detect|show)s?\b|to (?:check|look|test|screen) for\b|"
                         r"to (?:detect|measure|find|confirm)\b|for\b)[^,.;:()]{3,70}?"
                         r"(?:(?:,\s+[\w-]+(?:\s[\w-]+)?)*,?\s+(?:and|or)\s+[\w-]+(?:\s[\w-]+)?(?=[,.;:()]|$))?"
                         r"(?=\s+(?:and (?:for|to)|which|that|who|when|if|because|in order|include|includes|including|"
                         r"is|are|was|were|can|may|will|usually|also)\b|\s[-–]\s|[,.;:()]|$)", re.I)
# what a test is "for" that names nothing: "tests to find out", "a test for this disease", "tests for another reason"
TEST_OBJECT_STOP = re.compile(r"\b(?:for|to|that \w+|check for|look for)\s+(?:find out|this|these|that|the disease|"
                              r"other|another|more|changes?\b|it\b|them\b)", re.I)
# "people with certain genetic diseases, including Down syndrome": a group defined by another condition
GROUP_WITH = re.compile(r"\b(people|persons|individuals|children|adults|women|men|patients)\s+(?:who have|with)\b", re.I)
# a group as the subject of getting the disease: "Both children and adults can develop ITP"
GETS_BEFORE_FOCUS = re.compile(r"\b(can|may|usually|often|mostly|mainly|commonly|typically|also)\s+(develop|get|have)\s+"
                               r"(the\s+|an?\s+)?", re.I)
# "associated with narcolepsy, particularly in people who also have cataplexy": a feature of the patients; "these
# conditions, including FOXG1 syndrome": other conditions the article compares with
NOT_A_CAUSE_BEFORE = re.compile(r"\b(people|patients|individuals|those|children|adults|persons)\s+(who|that)\s+"
                                r"(also\s+)?(have|had|develop|show)\s+(\w+\s+){0,3}$|\b(these|those|such|similar)\s+"
                                r"(conditions|disorders|diseases|syndromes),?\s+(including|such as|like)\s+([^.;]*,\s*)?$",
                                re.I)
APPOSITION_GAP = re.compile(r"\s*[,:(]\s*(?:(?:,|and|or)\s*)*")
# "petechiae look like a rash", "symptoms similar to those of MS": the compared thing is not the patient's finding
COMPARISON_BEFORE = re.compile(r"\b(look(s|ed)? like|feel(s)? like|felt like|(?:may|might|could) be having|resembl(e|es|ing)|similar to|mimic(s|king)?|mistaken for|"
                               r"confused with)\s+(an?\s+|the\s+|those of\s+)?((?:pain|symptoms?|signs?)\s+(?:from|of)\s+"
                               r"(?:an?\s+|the\s+)?)?([\w-]+\s+(or|and)\s+(an?\s+)?)?$", re.I)  # "feel like pain from a"
# reactions to a treatment or vaccine are not signs of the disease ("mild reactions ... such as redness, soreness,
# swelling where the shot was given", "side effects include nausea")
ADVERSE_EFFECT_CONTEXT = re.compile(r"\b(side[- ]effects?|adverse (effects?|events?|reactions?)|(mild|allergic) "
                                    r"reactions?|where the (shot|injection|vaccine) was given|after (the|a) "
                                    r"(shot|vaccine|vaccination|injection))\b", re.I)
# symptom-table rows that are HPO modifiers (onset, course, penetrance), not signs
TABLE_MODIFIER_ROW = re.compile(r"\b(onset|penetrance|expressivity|heterogene(?:ity|ous)|mosaicism|clinical course|"
                                r"sporadic|phenotypic variability)\b", re.I)

def cue(name: str, text: str) -> re.Match | None:
    return CUES[name].search(text)
