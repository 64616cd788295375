"""Fit the shipped pair model of the consolidation engine and write dancu/petitions/data/pair_model.json.

    .venv/bin/python bench/petitions_train.py

Trained on the labelled real petitions shipped in dancu/petitions/data/real_train.jsonl (the
development set ../shared/evalsets/petitions_real_dev.jsonl and tests/data/petitions/real_own.jsonl,
rebuilt by this script when the sources are present), with the default classifier's guesses as
the classifier features. The figures in docs/performance-petitions.md never score this model on
the rows it was fitted on: bench/petitions_eval.py refits per fold.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dancu.petitions import engine, engine_pairs, engine_training  # noqa: E402

SOURCES = {
    "dev": ROOT.parent / "shared/evalsets/petitions_real_dev.jsonl",
    "own": ROOT / "tests/data/petitions/real_own.jsonl",
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


def main() -> None:
    rebuild_shipped_set()
    rows = engine_training.shipped_rows()
    model = engine_training.fit_pair_model(rows, engine.default_classifier())
    model.save(engine_pairs.PAIR_MODEL_FILE)
    print(f"{engine_pairs.PAIR_MODEL_FILE}: fitted on {model.trained_on} pairs of {len(rows)} petitions")
    for name, w in zip(model.to_json()["features"], model.coef, strict=True):
        print(f"  {name:<32}{w:+.3f}")
    print(f"  {'intercept':<32}{model.intercept:+.3f}")


if __name__ == "__main__":
    main()
