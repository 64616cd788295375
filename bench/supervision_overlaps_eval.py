"""Precision and recall of the supervision overlap engine on the labelled set, beside a naive
baseline (TF-IDF cosine of the titles with a threshold), in the same run.

    .venv/bin/python bench/supervision_overlaps_eval.py [tests/data/supervision]

Gold: every pair of `labels.jsonl` with label 1 is an overlap; every other pair of the same
group is not (the explicit label-0 pairs are the hard negatives). Reports:
- the engine at its shipped thresholds, and the baseline at its best threshold on the whole set
  (an optimistic baseline);
- leave-one-group-out cross-validation: for each group, the threshold (engine: subject
  threshold; baseline: cosine threshold) is chosen on the other groups (best F1), then applied
  to the held-out group; the pooled counts are reported.
Needs no database.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from dancu.core.text import fold  # noqa: E402
from dancu.supervision.overlaps import SUBJECT_THRESHOLD, Engine, items_from_records  # noqa: E402

GRID = [round(0.05 * i, 2) for i in range(2, 20)]


def load(folder: Path):
    records = [
        json.loads(line) for line in (folder / "activities.jsonl").read_text().splitlines() if line.strip()
    ]
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text().splitlines() if line.strip()]
    gold = {frozenset((r["a"], r["b"])) for r in labels if r["label"] == 1}
    hard = {frozenset((r["a"], r["b"])) for r in labels if r["label"] == 0}
    return records, gold, hard


def counts(predicted: set, gold: set, universe: set) -> tuple[int, int, int]:
    predicted &= universe
    tp = len(predicted & gold)
    return tp, len(predicted) - tp, len(gold & universe) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


ENGINE_OPTIONS: dict = {}


def engine_pairs(records, threshold: float) -> set:
    engine = Engine(subject_threshold=threshold, **ENGINE_OPTIONS)
    out = set()
    groups: dict[str, list] = {}
    for item in items_from_records(records):
        groups.setdefault(item.group, []).append(item)
    for items in groups.values():
        out |= {frozenset((p.a, p.b)) for p in engine.pairs(items)}
    return out


def baseline_scores(records) -> dict[frozenset, float]:
    scores: dict[frozenset, float] = {}
    groups: dict[str, list] = {}
    for r in records:
        groups.setdefault(r["group"], []).append(r)
    titles = [fold(r["topic"]) for r in records]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2)).fit(titles)
    for rows in groups.values():
        m = vectorizer.transform([fold(r["topic"]) for r in rows])
        cos = (m @ m.T).toarray()
        for i in range(len(rows)):
            for j in range(i + 1, len(rows)):
                scores[frozenset((rows[i]["id"], rows[j]["id"]))] = float(cos[i, j])
    return scores


def universe_of(records, groups=None) -> set:
    by_group: dict[str, list] = {}
    for r in records:
        if groups is None or r["group"] in groups:
            by_group.setdefault(r["group"], []).append(r["id"])
    return {frozenset((a, b)) for ids in by_group.values() for i, a in enumerate(ids) for b in ids[i + 1 :]}


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    # --no-table: the subject table off (the words alone decide); --no-key-terms: the fallback
    # is the cosine alone (the engine before December 2026). Ablations, to see what generalises.
    if "--no-table" in sys.argv:
        ENGINE_OPTIONS["use_table"] = False
    if "--no-key-terms" in sys.argv:
        ENGINE_OPTIONS["use_key_terms"] = False
    if ENGINE_OPTIONS:
        print("engine options:", ENGINE_OPTIONS)
    folder = Path(args[0]) if args else Path("tests/data/supervision")
    records, gold, hard = load(folder)
    universe = universe_of(records)
    groups = sorted({r["group"] for r in records})
    print(
        f"activities {len(records)}, groups {len(groups)}, pairs {len(universe)}, "
        f"overlaps {len(gold)}, labelled hard negatives {len(hard)}"
    )

    shipped = engine_pairs(records, SUBJECT_THRESHOLD)
    tp, fp, fn = counts(set(shipped), gold, universe)
    p, r, f = prf(tp, fp, fn)
    hard_fp = len(shipped & hard)
    print(
        f"engine (shipped threshold {SUBJECT_THRESHOLD}): P={p:.3f} R={r:.3f} F1={f:.3f} "
        f"tp={tp} fp={fp} fn={fn} hard negatives flagged={hard_fp}/{len(hard)}"
    )
    for pair in sorted(gold - shipped, key=sorted):
        print("  missed:", *sorted(pair))
    for pair in sorted(shipped - gold, key=sorted):
        print("  false:", *sorted(pair))

    base = baseline_scores(records)
    best = max(
        GRID, key=lambda t: (prf(*counts({k for k, v in base.items() if v >= t}, gold, universe))[2], -t)
    )
    predicted = {k for k, v in base.items() if v >= best}
    p, r, f = prf(*counts(predicted, gold, universe))
    print(
        f"baseline title TF-IDF (best threshold on all data {best}): P={p:.3f} R={r:.3f} F1={f:.3f} "
        f"hard negatives flagged={len(predicted & hard)}/{len(hard)}"
    )

    # leave one group out
    engine_cache = {t: engine_pairs(records, t) for t in GRID}
    totals = {"engine": [0, 0, 0], "baseline": [0, 0, 0]}
    chosen = {"engine": [], "baseline": []}
    for held in groups:
        train_u = universe_of(records, set(groups) - {held})
        test_u = universe_of(records, {held})
        t_e = max(GRID, key=lambda t: (prf(*counts(set(engine_cache[t]), gold, train_u))[2], -abs(t - 0.5)))
        t_b = max(
            GRID, key=lambda t: (prf(*counts({k for k, v in base.items() if v >= t}, gold, train_u))[2], -t)
        )
        chosen["engine"].append(t_e)
        chosen["baseline"].append(t_b)
        for name, pred in (
            ("engine", set(engine_cache[t_e])),
            ("baseline", {k for k, v in base.items() if v >= t_b}),
        ):
            c = counts(pred, gold, test_u)
            totals[name] = [x + y for x, y in zip(totals[name], c, strict=True)]
    for name in ("engine", "baseline"):
        p, r, f = prf(*totals[name])
        print(
            f"leave-one-group-out {name}: P={p:.3f} R={r:.3f} F1={f:.3f} "
            f"(thresholds chosen {sorted(set(chosen[name]))})"
        )


if __name__ == "__main__":
    main()
