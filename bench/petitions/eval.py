"""Quality of the petitions engine on the labelled evaluation set, beside a naive baseline.

    .venv/bin/python bench/petitions/eval.py [--eval dancu/petitions/tests/data/eval.jsonl]

Suggestions: one petition per group (its first opinion); every other opinion is a query; a hit
at k when its group's petition is among the k best. Grouping: pairwise precision/recall/F1 of
the automatic clusters against the labelled groups. Field and level: accuracy of the
classifier trained only on dancu/petitions/data/train.jsonl (the eval set is never trained on).
Baseline: scikit-learn TfidfVectorizer with default settings on the raw lower-case text,
cosine similarity, threshold connected components for grouping, 1-nearest-neighbour in the
train set for field and level.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from dancu.petitions import engine  # noqa: E402

DEFAULT_EVAL = ROOT / "dancu/petitions/tests/data/eval.jsonl"


def pairwise(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same_pred, same_gold = pred[i] == pred[j], gold[i] == gold[j]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def split_queries(rows):
    reps, queries = {}, []
    for r in rows:
        if r["group"] not in reps:
            reps[r["group"]] = r
        else:
            queries.append(r)
    return list(reps.values()), queries


def recall_at(ranked: list[list[str]], truth: list[str], k: int) -> float:
    return float(np.mean([t in r[:k] for r, t in zip(ranked, truth, strict=True)]))


def engine_scores(rows, train):
    reps, queries = split_queries(rows)
    clf = engine.Classifier().fit(train)
    vec = engine.Vectorizer().fit([r["text"] for r in rows])
    q_m = engine.embed([q["text"] for q in queries], vec, clf)
    idx, _ = engine.top_k(q_m, engine.embed([r["text"] for r in reps], vec, clf), 5)
    ranked = [[reps[j]["group"] for j in row] for row in idx]
    truth = [q["group"] for q in queries]
    results = {r.id: r for r in engine.consolidate(rows, classifier=clf)}
    clusters = [results[r["id"]].cluster for r in rows]
    p, rc, f = pairwise(clusters, [r["group"] for r in rows])
    field_acc = np.mean([results[r["id"]].field == r["field"] for r in rows])
    level_acc = np.mean([results[r["id"]].level == r["level"] for r in rows])
    return {
        "recall@1": recall_at(ranked, truth, 1),
        "recall@5": recall_at(ranked, truth, 5),
        "grouping precision": p,
        "grouping recall": rc,
        "grouping F1": f,
        "field accuracy": float(field_acc),
        "level accuracy": float(level_acc),
    }


def baseline_scores(rows, train, threshold: float = 0.5):
    reps, queries = split_queries(rows)
    vec = TfidfVectorizer().fit([r["text"] for r in rows] + [t["text"] for t in train])
    rep_m, q_m = vec.transform([r["text"] for r in reps]), vec.transform([q["text"] for q in queries])
    sims = (q_m @ rep_m.T).toarray()
    ranked = [[reps[j]["group"] for j in np.argsort(-row)[:5]] for row in sims]
    truth = [q["group"] for q in queries]
    all_m = vec.transform([r["text"] for r in rows])
    s = (all_m @ all_m.T).toarray()
    uf = engine._UnionFind(len(rows))
    for i, j in zip(*np.nonzero(s >= threshold), strict=True):
        if i < j:
            uf.union(int(i), int(j))
    p, rc, f = pairwise([str(uf.find(i)) for i in range(len(rows))], [r["group"] for r in rows])
    nn = np.argmax((all_m @ vec.transform([t["text"] for t in train]).T).toarray(), axis=1)
    return {
        "recall@1": recall_at(ranked, truth, 1),
        "recall@5": recall_at(ranked, truth, 5),
        "grouping precision": p,
        "grouping recall": rc,
        "grouping F1": f,
        "field accuracy": float(
            np.mean([train[j]["field"] == r["field"] for j, r in zip(nn, rows, strict=True)])
        ),
        "level accuracy": float(
            np.mean([train[j]["level"] == r["level"] for j, r in zip(nn, rows, strict=True)])
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval", default=str(DEFAULT_EVAL))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = engine.load_jsonl(args.eval)
    train = engine.seed_rows()
    started = time.perf_counter()
    ours = engine_scores(rows, train)
    took = time.perf_counter() - started
    base = baseline_scores(rows, train)
    # The baseline's grouping with its threshold tuned on this very set (an optimistic oracle).
    best = max((baseline_scores(rows, train, threshold=t / 20)["grouping F1"], t / 20) for t in range(2, 19))
    groups = len({r["group"] for r in rows})
    print(
        f"eval set: {len(rows)} opinions in {groups} groups; train set: {len(train)} opinions; engine {took:.1f} s"
    )
    print(f"{'metric':<22}{'engine':>10}{'baseline':>10}")
    for key in ours:
        print(f"{key:<22}{ours[key]:>10.3f}{base[key]:>10.3f}")
    print(
        f"{'baseline grouping F1, threshold tuned on this set':<22} {best[0]:.3f} (threshold {best[1]:.2f})"
    )
    if args.json:
        print(json.dumps({"engine": ours, "baseline": base}))


if __name__ == "__main__":
    main()
