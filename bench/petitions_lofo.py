"""Leave one file out: each real labelled set scored by models fitted on the OTHER sets only.

    .venv/bin/python bench/petitions_lofo.py                       # the development sets
    .venv/bin/python bench/petitions_lofo.py --files A.jsonl B.jsonl ...

Cross-validation inside one file (bench/petitions_eval.py --cv) keeps petitions of one source
page in both the training and the scored folds, and a small file's folds leave the pair model
a few dozen positive pairs. Here each file plays the part of the petitions the product has never
seen (another region, other years, other writers): the classifier is fitted on the seed set plus
the other files, the pair model on the other files' pairs, and the evaluation runs
`engine.consolidate` and the suggestion index on the held-out file exactly as
`bench/petitions_eval.py --train` does, beside the naive baselines of the same run.

The last line sums the files: suggestions and field/level weighted by their petitions,
grouping by pooling each file's true and predicted pairs (never pairs across files: clusters
are local to a file).
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import numpy as np  # noqa: E402
from petitions_eval import baseline, engine_trained, fitted_models, pair_counts, reliability_table  # noqa: E402

from dancu.petitions import engine, engine_pairs  # noqa: E402

DEVELOPMENT = (
    ROOT.parent / "shared/evalsets/petitions_real_dev.jsonl",
    ROOT / "tests/data/petitions/real_own.jsonl",
    ROOT / "tests/data/petitions/real_own2.jsonl",
    ROOT / "tests/data/petitions/real_own3.jsonl",
    ROOT / "tests/data/petitions/real_own4.jsonl",
    ROOT / "tests/data/petitions/real_own5.jsonl",
    ROOT / "tests/data/petitions/real_own6.jsonl",
)
SHOWN = (
    "recall@1",
    "recall@5",
    "grouping precision",
    "grouping recall",
    "grouping F1",
    "field accuracy",
    "level accuracy",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", nargs="*", type=Path, default=[p for p in DEVELOPMENT if p.exists()])
    parser.add_argument("--threshold", type=float, help="link threshold (default: the pair model's)")
    args = parser.parse_args()
    sets = {p: [{**r, "set": p.name} for r in engine.load_jsonl(p)] for p in args.files}
    totals: dict = {"engine": {}, "baseline": {}}
    probs: list = []
    same: list = []
    weights: dict = {"engine": {}, "baseline": {}}
    print(f"{'file':<26}{'':>9}" + "".join(f"{k.replace('grouping ', 'grp ')[:11]:>12}" for k in SHOWN))
    for path, rows in sets.items():
        train = [r for other, rs in sets.items() if other != path for r in rs]
        models = fitted_models(train)
        ours, _extra = engine_trained(rows, train, False, args.threshold, models)
        # Calibration: every pair of the held-out file, the probability the model shown to the
        # specialist (calibrated as shipped) against whether the pair is one petition.
        clf, model = models
        prep, _preds = engine.prepare(rows, clf)
        every = np.array(list(itertools.combinations(range(len(rows)), 2)), dtype=np.int64)
        probs.append(model.calibrate(model.proba(engine_pairs.features(prep, every))))
        same.append(
            np.array([rows[i]["cluster"] == rows[j]["cluster"] for i, j in every.tolist()], dtype=float)
        )
        base = baseline(rows)
        for name, scores in (("engine", ours), ("baseline", base)):
            print(f"{path.name[:25]:<26}{name:>9}" + "".join(f"{scores[k]:>12.3f}" for k in SHOWN))
            mates = sum(1 for r in rows if sum(x["cluster"] == r["cluster"] for x in rows) > 1)
            for k in SHOWN:
                if k.startswith("grouping"):
                    continue
                w = mates if k.startswith("recall@") else len(rows)
                totals[name][k] = totals[name].get(k, 0.0) + scores[k] * w
                weights[name][k] = weights[name].get(k, 0) + w
        # Grouping pooled over files from the files' own pair counts.
        gold = [r["cluster"] for r in rows]
        ours_labels = [_extra[2][i] for i in range(len(rows))]
        for name, pred in (("engine", ours_labels), ("baseline", base["baseline clusters"])):
            tp, fp, fn = pair_counts(pred, gold)
            for key, v in (("tp", tp), ("fp", fp), ("fn", fn)):
                totals[name][key] = totals[name].get(key, 0) + v
    for name in ("engine", "baseline"):
        t = totals[name]
        p = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 0.0
        r = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        pooled = {
            **{k: t[k] / weights[name][k] for k in weights[name]},
            "grouping precision": p,
            "grouping recall": r,
            "grouping F1": f,
        }
        print(f"{'all files':<26}{name:>9}" + "".join(f"{pooled[k]:>12.3f}" for k in SHOWN))
    p_all, y_all = np.concatenate(probs), np.concatenate(same)
    print(
        f"pair probabilities on the held-out files, {len(y_all)} pairs: Brier {np.mean((p_all - y_all) ** 2):.5f} "
        f"(all-negative baseline {np.mean(y_all):.5f})"
    )
    print(f"{'bin':<10}{'pairs':>8}{'mean p':>8}{'observed':>10}")
    for b, cnt, mp, obs in reliability_table(p_all, y_all):
        print(f"{b:<10}{cnt:>8}{mp:>8.3f}{obs:>10.3f}")


if __name__ == "__main__":
    main()
