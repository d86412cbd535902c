"""`make eval`: per-field precision/recall of profiles against curator gold files, plus sidecar-derived checks.

Gold files (`gold/*.gold.json`) list, per field, items with acceptable `names` and/or `ids` (entity fields) or a
`quote` (statement fields: prognosis, open questions, references), each `must` (central) or not. Matching:
- a predicted fact matches an item when its concept id is one of the item's ids, or its name (case-folded)
  equals one of the item's names, or, for quotes, its evidence/text contains the quote; a statistic matches by
  its number (the item's `value`, and `unit` when both state one) or when one of the item's names occurs in its
  text as a whole number phrase ("15%" in "approximately 15% are foodborne", never in "115%");
- recall = matched must-items / must-items; precision = predicted facts matching any item / predicted facts
  (a fact matching a non-must item is correct, not a penalty);
- item details are checked too (brand_names, agents, qualifiers, value/unit/population) and reported as misses.

Dev-article sidecars (`*.ref.json`) give checks that need no hand curation: the focus disease found by name,
and the GARD symptom-table recall (HPO ids of phenotype rows whose label appears in the article text).
Never imported by the runtime pipeline.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

STATEMENT_FIELDS = {"prognosis", "open_questions", "references"}


@dataclass
class FieldScore:
    predicted: int = 0
    correct: int = 0
    must: int = 0
    must_found: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.must_found / self.must if self.must else None


def _fold(text: str) -> str:
    return re.sub(r"[\s\-]+", " ", text.lower()).strip()


def _fact_texts(fact: dict) -> list[str]:
    texts = [fact.get("name") or fact.get("text") or ""]
    texts += [e["text"] for e in fact.get("evidence", [])]
    return texts


def _matches(fact: dict, item: dict) -> bool:
    if "quote" in item:
        quote = _fold(item["quote"])
        return any(quote in _fold(t) for t in _fact_texts(fact))
    if fact.get("concept_id") and fact["concept_id"] in item.get("ids", []):
        return True
    if "value" in fact and "unit" in fact:  # a statistic
        if item.get("value") is not None and fact.get("value") == item["value"] and (
                not item.get("unit") or not fact.get("unit") or item["unit"] == fact["unit"]):
            return True
        return any(re.search(rf"(?<![\w.]){re.escape(_fold(n))}(?![\w%])", _fold(t))
                   for n in item.get("names", []) for t in _fact_texts(fact))
    names = {_fold(n) for n in item.get("names", [])}
    return any(_fold(t) in names for t in _fact_texts(fact))


def _detail_misses(fact: dict, item: dict) -> list[str]:
    misses = []
    label = item.get("names", [item.get("quote", "?")])[0]
    for brand in item.get("brand_names", []):
        if brand not in fact.get("brand_names", []):
            misses.append(f"{label}: brand {brand} not attached")
    agents = {_fold(a["name"]) for a in fact.get("agents", [])}
    for agent in item.get("agents", []):
        if _fold(agent) not in agents:
            misses.append(f"{label}: agent {agent} missing")
    qualifiers = " | ".join(_fold(q["text"]) for q in fact.get("qualifiers", []))
    for qualifier in item.get("qualifiers", []):
        if _fold(qualifier) not in qualifiers:
            misses.append(f"{label}: qualifier '{qualifier}' missing")
    if "value" in item and fact.get("value") != item["value"]:
        misses.append(f"{label}: value {fact.get('value')} != {item['value']}")
    if "unit" in item and fact.get("unit") != item["unit"]:
        misses.append(f"{label}: unit {fact.get('unit')} != {item['unit']}")
    if "population_contains" in item and item["population_contains"] not in (fact.get("population") or ""):
        misses.append(f"{label}: population {fact.get('population')!r}")
    return misses


def score_profile(profile: dict, gold: dict) -> dict[str, FieldScore]:
    scores: dict[str, FieldScore] = {}
    for field_name, items in gold["fields"].items():
        predicted = profile.get(field_name, [])
        s = scores[field_name] = FieldScore(predicted=len(predicted))
        for fact in predicted:
            if any(_matches(fact, item) for item in items):
                s.correct += 1
            else:
                s.extras.append(fact.get("name") or fact.get("text") or "?")
        for item in items:
            hit = next((f for f in predicted if _matches(f, item)), None)
            if item.get("must", True):
                s.must += 1
                if hit is not None:
                    s.must_found += 1
                else:
                    s.misses.append(item.get("names", [item.get("quote")])[0])
            if hit is not None:
                s.misses.extend(_detail_misses(hit, item))
    return scores


def disease_checks(profile: dict, gold: dict) -> list[str]:
    """Problems with the focus disease block (empty when all is right)."""
    expected, got = gold.get("disease", {}), profile["disease"]
    problems = []
    if expected.get("concept_id") and got.get("concept_id") != expected["concept_id"]:
        problems.append(f"disease concept {got.get('concept_id')} != {expected['concept_id']}")
    for xref in expected.get("xrefs", []):
        if xref not in got.get("xrefs", []):
            problems.append(f"xref {xref} missing")
    for name in expected.get("synonyms", []):
        if _fold(name) not in {_fold(s) for s in got.get("synonyms", [])}:
            problems.append(f"synonym {name} missing")
    for abbreviation in expected.get("abbreviations", []):
        if abbreviation not in got.get("abbreviations", []):
            problems.append(f"abbreviation {abbreviation} missing")
    if expected.get("updated") and profile["source"].get("updated") != expected["updated"]:
        problems.append(f"updated {profile['source'].get('updated')} != {expected['updated']}")
    return problems


def forbidden_hits(profile: dict, gold: dict) -> list[str]:
    hits = []
    for field_name, names in gold.get("forbidden", {}).items():
        if field_name == "any_evidence":
            spans = [e["text"] for e in _all_evidence(profile)]
            hits += [f"evidence contains {n!r}" for n in names if any(n in s for s in spans)]
            continue
        for fact in profile.get(field_name, []):
            if _fold(fact["name"]) in {_fold(n) for n in names}:
                hits.append(f"{field_name}: {fact['name']}")
    return hits


def _all_evidence(profile: dict):
    yield from profile["disease"].get("evidence", [])
    for key, value in profile.items():
        if isinstance(value, list) and key != "mentions":
            for fact in value:
                if isinstance(fact, dict):
                    yield from fact.get("evidence", [])
                    yield from fact.get("qualifiers", [])
                    yield from fact.get("outcomes", [])


def sidecar_checks(profile: dict, ref: dict, text: str) -> dict:
    """GARD symptom-table HPO recall (rows whose label appears in the article) and focus-name check."""
    result = {"focus_found": _fold(profile["disease"]["name"]) in {_fold(ref["name"]), _fold(ref.get("title_in_article", ""))}
              or _fold(ref["name"]) in {_fold(s) for s in profile["disease"].get("synonyms", [])}}
    rows = [r for r in ref.get("symptoms_hpo_table") or [] if r.get("hpo_id") and r.get("hpo_branch") == "phenotypic_abnormality"]
    present = [r for r in rows if _fold(r["label_in_source"]) in _fold(text)]
    if present:
        found = {s.get("concept_id"): s for s in profile.get("symptoms", [])}
        hits = [r for r in present if r["hpo_id"] in found]
        with_frequency = [r for r in hits if r.get("frequency_in_source")]
        frequency_ok = [r for r in with_frequency if found[r["hpo_id"]].get("frequency") == r["frequency_in_source"]]
        result.update(table_rows=len(present), table_hits=len(hits),
                      table_missed=[r["label_in_source"] for r in present if r["hpo_id"] not in found],
                      table_rows_with_frequency=len(with_frequency), table_frequency_attached=len(frequency_ok))
    return result


def _summary(totals: dict[str, FieldScore]) -> dict:
    must = sum(t.must for t in totals.values())
    found = sum(t.must_found for t in totals.values())
    return {"must_items": must, "must_found": found, "must_recall": round(found / must, 4) if must else None,
            "fields": {n: {"precision": t.precision, "recall": t.recall, "predicted": t.predicted, "must": t.must}
                       for n, t in totals.items()}}


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def run_pipeline(paths: list[Path], out: Path, config: Path | None = None) -> None:
    """A fresh run into the scratch folder `out`: profiles left by an earlier run must never be scored."""
    import shutil

    from pipeline.runner import run

    if out.exists():
        shutil.rmtree(out)
    report = run(paths, out, progress=False, config=config)
    for failure in report.failures:
        print(f"FAILED {failure['doc_id']}: {failure['reason']}", file=sys.stderr)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=Path("gold"))
    parser.add_argument("--dev", type=Path, help="dev articles folder with *.ref.json sidecars")
    parser.add_argument("--out", type=Path, default=Path("output/eval"))
    parser.add_argument("--results", type=Path, default=Path("output/eval.json"))  # results/ holds the make targets' files
    parser.add_argument("--config", type=Path, help="pipeline config to evaluate (default: configs/pipeline.cfg)")
    args = parser.parse_args(argv)

    gold_files = sorted(args.gold.glob("*.gold.json"))
    golds = [json.loads(p.read_text()) for p in gold_files]
    inputs = [Path(g["article"]) for g in golds if not g["article"].startswith("dev:")]
    if args.dev and args.dev.exists():
        inputs.append(args.dev)
    run_pipeline(inputs, args.out, args.config)
    profiles = {json.loads(p.read_text())["source"]["doc_id"]: json.loads(p.read_text())
                for p in (args.out / "profiles").glob("*.json")}

    results = {"gold": {}, "sidecars": {}}
    totals: dict[str, FieldScore] = {}
    held_out: dict[str, FieldScore] = {}  # gold written without seeing the pipeline's output ("held_out": true)
    print(f"{'article':40} {'field':22} {'P':>5} {'R':>5}  misses / extras")
    for gold in golds:
        profile = profiles.get(gold["doc_id"])
        if profile is None:
            print(f"{gold['doc_id']}: no profile produced")
            continue
        scores = score_profile(profile, gold)
        problems = disease_checks(profile, gold) + forbidden_hits(profile, gold)
        results["gold"][gold["doc_id"]] = {"fields": {k: {"precision": v.precision, "recall": v.recall,
                                                          "misses": v.misses, "extras": v.extras}
                                                      for k, v in scores.items()}, "problems": problems}
        for name, s in scores.items():
            for bucket in (totals, held_out) if gold.get("held_out") else (totals,):
                t = bucket.setdefault(name, FieldScore())
                t.predicted += s.predicted; t.correct += s.correct; t.must += s.must; t.must_found += s.must_found
            detail = "; ".join(s.misses[:4] + [f"+{e}" for e in s.extras[:3]])
            print(f"{gold['doc_id'][:40]:40} {name:22} {_fmt(s.precision):>5} {_fmt(s.recall):>5}  {detail}")
        for problem in problems:
            print(f"{gold['doc_id'][:40]:40} {'PROBLEM':22} {problem}")
    print(f"\n{'ALL GOLD':40} {'field':22} {'P':>5} {'R':>5}")
    for name, t in totals.items():
        print(f"{'':40} {name:22} {_fmt(t.precision):>5} {_fmt(t.recall):>5}")
    must = sum(t.must for t in totals.values())
    found = sum(t.must_found for t in totals.values())
    precisions = {n: t.precision for n, t in totals.items() if t.precision is not None}
    worst = min(precisions, key=precisions.get) if precisions else None
    if must:
        print(f"{'':40} {'must-item recall':22} {found}/{must} = {found / must:.3f}; lowest field precision "
              f"{worst} {precisions[worst]:.2f}" if worst else "")
    results["summary"] = _summary(totals)
    if held_out:
        results["summary_held_out"] = summary = _summary(held_out) | {
            "articles": sorted(g["doc_id"] for g in golds if g.get("held_out"))}
        worst = min(((n, f["precision"]) for n, f in summary["fields"].items() if f["precision"] is not None),
                    key=lambda x: x[1], default=(None, None))
        print(f"{'HELD-OUT GOLD':40} {'must-item recall':22} {summary['must_found']}/{summary['must_items']} = "
              f"{summary['must_recall']:.3f}; lowest field precision {worst[0]} {worst[1]:.2f} "
              f"({', '.join(summary['articles'])})")

    if args.dev and args.dev.exists():
        rows = hits = 0
        print(f"\n{'dev article (sidecar checks)':48} focus  table-HPO-recall")
        for ref_path in sorted(args.dev.glob("*.ref.json")):
            ref = json.loads(ref_path.read_text())
            doc_id = ref_path.name.removesuffix(".ref.json")
            profile = profiles.get(doc_id)
            if profile is None:
                print(f"{doc_id:48} NO PROFILE")
                continue
            text = (args.dev / f"{doc_id}.txt").read_text(encoding="utf-8")
            check = sidecar_checks(profile, ref, text)
            results["sidecars"][doc_id] = check
            table = ""
            if "table_rows" in check:
                rows += check["table_rows"]; hits += check["table_hits"]
                table = f"{check['table_hits']}/{check['table_rows']}"
            print(f"{doc_id[:48]:48} {'yes' if check['focus_found'] else 'NO':5}  {table}")
        if rows:
            print(f"{'GARD symptom tables, HPO-id recall':48}        {hits}/{rows} = {hits / rows:.3f}")
            results["gard_table_hpo_recall"] = round(hits / rows, 4)
            stated = sum(c.get("table_rows_with_frequency", 0) for c in results["sidecars"].values())
            attached = sum(c.get("table_frequency_attached", 0) for c in results["sidecars"].values())
            if stated:
                print(f"{'  found rows whose stated frequency is attached':48}        {attached}/{stated}")
                results["gard_table_frequency_attached"] = round(attached / stated, 4)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
