"""Choose the final model's training length on BC5CDR dev (model selection without the test set).

    python -m pipeline.training.select_steps --selection-log build/ner/select/train.log \
        [--final-log build/ner/final/model.log] --out results/ner_step_selection.json

Rule (fixed before the selection run, issue 4): the recipe is trained on BC5CDR *train* only and scored on BC5CDR
*dev* every 500 steps; the step with the best dev F1 gives the number of epochs (spaCy's epoch counter at that step).
The final model trains on train + dev, so it trains for the same number of epochs: the first logged step of the
final run whose epoch counter reaches that epoch. Batch sizes compound with the step count, so epochs are not a fixed
number of steps and the mapping is read from the final run's own log (its losses and epoch counter do not depend on
the step budget: training is deterministic with seed 0).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

# spaCy's console table: epoch, step, tok2vec loss, ner loss, ENTS_F, ENTS_P, ENTS_R, SCORE
_ROW = re.compile(r"^\s*(\d+)\s+(\d+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+[\d.]+\s*$")


def read_log(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = _ROW.match(re.sub(r"\x1b\[[0-9;]*m", "", line))
        if match:
            epoch, step, f, p, r = match.groups()
            rows.append({"epoch": int(epoch), "step": int(step), "dev_f": float(f), "dev_p": float(p),
                         "dev_r": float(r)})
    if not rows:
        raise SystemExit(f"{path}: no spaCy training score rows found")
    return rows


def select(selection: list[dict], final: list[dict] | None = None) -> dict:
    scored = [r for r in selection if r["step"] > 0]
    best = max(scored, key=lambda r: (r["dev_f"], -r["step"]))  # ties: the shorter training
    result = {"rule": "best BC5CDR-dev F1 of a train-only run -> its epoch -> first step of the train+dev run in "
                      "that epoch", "curve": scored, "best": best}
    if final:
        reached = [r for r in final if r["epoch"] >= best["epoch"] and r["step"] > 0]
        if reached:
            result["final_steps"] = reached[0]["step"]
            result["final_epoch_at_steps"] = reached[0]["epoch"]
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--selection-log", type=Path, required=True)
    parser.add_argument("--final-log", type=Path, help="a train+dev run's log, for the epoch -> step mapping")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    result = select(read_log(args.selection_log), read_log(args.final_log) if args.final_log else None)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    best = result["best"]
    print(f"best dev F1 {best['dev_f']:.2f} at step {best['step']} (epoch {best['epoch']}) of the train-only run")
    for row in result["curve"]:
        print(f"  step {row['step']:>6}  epoch {row['epoch']:>3}  dev F1 {row['dev_f']:.2f}")
    if "final_steps" in result:
        print(f"train+dev run reaches epoch {result['final_epoch_at_steps']} at step {result['final_steps']}: "
              f"final model = {result['final_steps']} steps")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
