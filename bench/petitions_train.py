"""Fit the shipped pair model of the consolidation engine and write dancu/petitions/data/pair_model.json.

    .venv/bin/python bench/petitions_train.py [--calibrate]

Trained on the labelled real petitions shipped in dancu/petitions/data/real_train.jsonl (the
development set ../shared/evalsets/petitions_real_dev.jsonl and tests/data/petitions/real_own*.jsonl
but the held-out ones, rebuilt by this script when the sources are present; pairs are taken within
each set, never across two), with the default classifier's guesses as
the classifier features. The figures in docs/performance-petitions.md never score this model on
the rows it was fitted on: bench/petitions_eval.py refits per fold.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dancu.petitions import engine, engine_pairs, engine_training  # noqa: E402

SOURCES = {
    "dev": ROOT.parent / "shared/evalsets/petitions_real_dev.jsonl",
    "own": ROOT / "tests/data/petitions/real_own.jsonl",
    "own2": ROOT / "tests/data/petitions/real_own2.jsonl",
    # each scored once as a held-out set (3 December 2026), then added: docs/performance-petitions.md
    "own3": ROOT / "tests/data/petitions/real_own3.jsonl",
    "own4": ROOT / "tests/data/petitions/real_own4.jsonl",
    "own5": ROOT / "tests/data/petitions/real_own5.jsonl",
    "own6": ROOT / "tests/data/petitions/real_own6.jsonl",
}


def rebuild_shipped_set() -> None:
    if not all(p.exists() for p in SOURCES.values()):
        return
    out = engine.DATA_DIR / "real_train.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for name, path in SOURCES.items():
            for row in engine.load_jsonl(path):
                keep = {k: row.get(k) for k in ("id", "text", "area", "field", "level", "cluster", "source")}
                fh.write(json.dumps({**keep, "set": name}, ensure_ascii=False) + "\n")


def out_of_fold(rows: list[dict], x: np.ndarray, y: np.ndarray, k: int = 5) -> np.ndarray:
    """Raw pair probabilities of every pair, each from a model fitted on pairs with no end in
    the folds (by cluster) of its two petitions (the same scheme as bench/petitions_eval.py)."""
    clusters = sorted({str(r.get("cluster")) for r in rows})
    random.Random(0).shuffle(clusters)
    fold_of = {c: i % k for i, c in enumerate(clusters)}
    fold = np.array([fold_of[str(r.get("cluster"))] for r in rows])
    pairs = np.array(list(itertools.combinations(range(len(rows)), 2)), dtype=np.int64)
    fa, fb = fold[pairs[:, 0]], fold[pairs[:, 1]]
    lo, hi = np.minimum(fa, fb), np.maximum(fa, fb)
    out = np.zeros(len(pairs))
    for a in range(k):
        for b in range(a, k):
            keep = (fa != a) & (fa != b) & (fb != a) & (fb != b)
            sel = (lo == a) & (hi == b)
            if sel.any():
                out[sel] = engine_pairs.PairModel.fit(x[keep], y[keep]).proba(x[sel])
    return out


def main() -> None:
    rebuild_shipped_set()
    rows = engine_training.shipped_rows()
    classifier = engine.default_classifier()
    model = engine_training.fit_pair_model(rows, classifier)
    # The Platt step of the confidence shown: fitted on out-of-fold probabilities of all pairs.
    x, y = engine_training.labelled_pairs(rows, classifier)
    n_pairs = len(rows) * (len(rows) - 1) // 2
    # Opt-in (--calibrate): on the held-out folds of the development set a Platt or isotonic step
    # fitted this way scored a worse Brier than the raw probabilities (docs/performance-petitions.md),
    # so the shipped model keeps the identity step.
    if "--calibrate" in sys.argv and len(rows) <= engine_training.ALL_PAIRS_UP_TO and len(y) == n_pairs:
        raw = out_of_fold(rows, x, y)
        model.fit_calibration(raw, y)
        cal = model.calibrate(raw)
        print(
            f"calibration a={model.cal_a:.3f} b={model.cal_b:.3f}; Brier on out-of-fold pairs "
            f"{np.mean((raw - y) ** 2):.5f} raw -> {np.mean((cal - y) ** 2):.5f} calibrated (in-sample for the step)"
        )
    model.save(engine_pairs.PAIR_MODEL_FILE)
    print(f"{engine_pairs.PAIR_MODEL_FILE}: fitted on {model.trained_on} pairs of {len(rows)} petitions")
    for name, w in zip(model.to_json()["features"], model.coef, strict=True):
        print(f"  {name:<32}{w:+.3f}")
    print(f"  {'intercept':<32}{model.intercept:+.3f}")


if __name__ == "__main__":
    main()
