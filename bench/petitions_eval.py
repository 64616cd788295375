"""Quality of the consolidation engine on real labelled petitions, beside naive baselines, one run.

    .venv/bin/python bench/petitions_eval.py ../shared/evalsets/petitions_real_dev.jsonl
    .venv/bin/python bench/petitions_eval.py tests/data/petitions/real_own.jsonl \
        --train ../shared/evalsets/petitions_real_dev.jsonl
    .venv/bin/python bench/petitions_eval.py FILE --cv 5 --reliability
    .venv/bin/python bench/petitions_eval.py NEW_FILE --shipped   # the product as shipped

Input: JSON lines {id, text, area, field, level, cluster} (level: trung_uong, tinh, huyen, xa;
"huyen" - the district level abolished on 1 July 2025 - counts as right when the engine says
province or commune).

Metrics, each beside its baseline computed in the same run on the same lines:
- suggestions recall@1 / @5: for each petition with a cluster mate, is a mate among the k best
  of all the other petitions. Baseline: word TF-IDF cosine (scikit-learn defaults, raw text).
- automatic grouping: pairwise precision / recall / F1 against the clusters. Baseline:
  connected components of the same TF-IDF at the threshold best for it (chosen with the labels).
- field accuracy (14 codes) and competent-level accuracy. Baseline: the majority class.
- "previous engine": the theme-only engine (`engine.consolidate_lexical`) and its seed
  classifier, for reference.

What is fitted (the field/level classifier, the pair model) is never scored on the lines it was
fitted on:
- `--cv K` (default 5 when no --train): K folds by cluster; each fold's petitions are classified
  by a classifier fitted on the seed set plus the other folds, and each pair whose ends lie in
  folds a and b is scored by a pair model fitted on pairs with no end in a or b;
- `--train FILE`: the models are fitted on the seed set plus FILE, and FILE's clusters never
  appear in the evaluated file; the evaluation then runs `engine.consolidate` itself.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from dancu.petitions import engine, engine_pairs  # noqa: E402
from dancu.petitions import engine_training as training  # noqa: E402

LEVEL = training.LEVEL_CODES
THRESHOLD = engine_pairs.PairModel().threshold
_OFF = set(filter(None, os.environ.get("PAIR_OFF", "").split(",")))
MASK = np.array([0.0 if f in _OFF else 1.0 for f in engine.engine_entities.PAIR_FEATURES])


def level_right(pred: str, gold: str) -> bool:
    if gold == "huyen":
        return pred in ("province", "commune")
    return LEVEL.get(gold, gold) == pred


def pair_counts(pred: list, gold: list) -> tuple[int, int, int]:
    """True, false and missed same-cluster pairs of a grouping against the labels."""
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same_pred, same_gold = pred[i] == pred[j], gold[i] == gold[j]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return tp, fp, fn


def pairwise(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    tp, fp, fn = pair_counts(pred, gold)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def recall_at(rankings: dict[int, list[int]], gold: list[str], k: int) -> float:
    hits = []
    for i, ranked in rankings.items():
        hits.append(any(gold[j] == gold[i] for j in ranked[:k]))
    return float(np.mean(hits)) if hits else 0.0


def with_mates(gold: list[str]) -> list[int]:
    c = Counter(gold)
    return [i for i, g in enumerate(gold) if c[g] > 1]


# --- baselines ---------------------------------------------------------------------------------


def baseline(rows) -> dict[str, Any]:
    gold = [r["cluster"] for r in rows]
    m = TfidfVectorizer().fit_transform([r["text"] for r in rows])
    sims = (m @ m.T).toarray()
    np.fill_diagonal(sims, -1.0)
    rankings = {i: list(np.argsort(-sims[i], kind="stable")[:5]) for i in with_mates(gold)}
    best = (0.0, 0.0, 0.0, 0.0)
    labels: list[str] = []
    for t in np.arange(0.05, 0.96, 0.05):
        uf = engine._UnionFind(len(rows))
        for i, j in zip(*np.nonzero(sims >= t), strict=True):
            uf.union(int(i), int(j))
        labels_t = [str(uf.find(i)) for i in range(len(rows))]
        p, r, f = pairwise(labels_t, gold)
        if f > best[2]:
            best, labels = (p, r, f, float(t)), labels_t
    field_major = Counter(r["field"] for r in rows).most_common(1)[0][0]
    level_major = Counter(LEVEL.get(r["level"], r["level"]) for r in rows).most_common(1)[0][0]
    return {
        "recall@1": recall_at(rankings, gold, 1),
        "recall@5": recall_at(rankings, gold, 5),
        "grouping precision": best[0],
        "grouping recall": best[1],
        "grouping F1": best[2],
        "baseline threshold": best[3],
        "baseline clusters": labels,
        "field accuracy": float(np.mean([r["field"] == field_major for r in rows])),
        "level accuracy": float(np.mean([level_right(level_major, r["level"]) for r in rows])),
    }


def previous_engine(rows) -> dict[str, float]:
    gold = [r["cluster"] for r in rows]
    clf = engine.Classifier().fit(engine.seed_rows())  # the seed classifier alone
    texts = [r["text"] for r in rows]
    matrix = engine.embed(texts, engine.Vectorizer(concepts=False, char_weight=0.5).fit(texts), clf)
    sims = (matrix @ matrix.T).toarray()
    np.fill_diagonal(sims, -1.0)
    rankings = {i: list(np.argsort(-sims[i], kind="stable")[:5]) for i in with_mates(gold)}
    res = engine.consolidate_lexical(rows, classifier=clf)
    p, r, f = pairwise([x.cluster for x in res], gold)
    return {
        "recall@1": recall_at(rankings, gold, 1),
        "recall@5": recall_at(rankings, gold, 5),
        "grouping precision": p,
        "grouping recall": r,
        "grouping F1": f,
        "field accuracy": float(np.mean([x.field == r_["field"] for x, r_ in zip(res, rows, strict=True)])),
        "level accuracy": float(
            np.mean([level_right(x.level, r_["level"]) for x, r_ in zip(res, rows, strict=True)])
        ),
    }


# --- the engine, cross-validated ---------------------------------------------------------------


def folds_of(rows, k: int, seed: int = 0) -> list[int]:
    clusters = sorted({r["cluster"] for r in rows})
    random.Random(seed).shuffle(clusters)
    fold_of_cluster = {c: i % k for i, c in enumerate(clusters)}
    return [fold_of_cluster[r["cluster"]] for r in rows]


def engine_cv(rows, k: int, reliability: bool, extra: list | None = None) -> tuple[dict[str, float], list]:
    """`extra`: labelled rows of other files added to every fold's classifier training (never
    scored: the evaluated rows are only `rows`)."""
    n = len(rows)
    extra_rows = [training.label_row(r) for r in (extra or [])]
    gold = [r["cluster"] for r in rows]
    fold = folds_of(rows, k)
    texts = [r["text"] for r in rows]
    seed = engine.seed_rows()
    vec = engine.Vectorizer().fit(texts)
    # Classifier per fold (seed + the other folds), its predictions and similarity rows.
    preds: list = [None] * n
    row_vecs = [None] * n
    for f in range(k):
        test = [i for i in range(n) if fold[i] == f]
        train = [training.label_row(rows[i]) for i in range(n) if fold[i] != f]
        clf = engine.Classifier().fit([*seed, *extra_rows, *train])
        sub = [rows[i] for i in test]
        prep_f, preds_f = engine.prepare(sub, clf, vectorizer=vec)
        for pos, i in enumerate(test):
            preds[i] = preds_f[pos]
            row_vecs[i] = prep_f.matrix[pos]
    from scipy import sparse

    matrix = sparse.vstack(row_vecs).tocsr()
    entities = [engine.engine_entities.extract(r["text"], r.get("area") or "") for r in rows]
    prep = engine_pairs.Prepared(
        entities=entities,
        matrix=matrix,
        fields=[p[0].code for p in preds],
        words=engine.l2_normalize(vec.word.transform([engine.topic_text(t) for t in texts])),
        central=[p[1].code == "central" for p in preds],
    )
    neighbours = engine.top_k(matrix, matrix, engine.CANDIDATES, exclude_self=True)
    pairs, cos = engine_pairs.candidate_pairs(neighbours)
    np.array([gold[i] == gold[j] for i, j in pairs.tolist()], dtype=int)
    # The pair models are fitted on every pair of the training folds (the candidates are a
    # sample of them; a logistic model's conditional probabilities hold on any such sample).
    all_pairs = np.array(list(itertools.combinations(range(n), 2)), dtype=np.int64)
    all_x = engine_pairs.features(prep, all_pairs) * MASK
    all_y = np.array([gold[i] == gold[j] for i, j in all_pairs.tolist()], dtype=int)
    fa, fb = np.array(fold)[all_pairs[:, 0]], np.array(fold)[all_pairs[:, 1]]
    models = {}
    for a in range(k):
        for b in range(a, k):
            keep = (fa != a) & (fa != b) & (fb != a) & (fb != b)
            models[(a, b)] = engine_pairs.PairModel.fit(all_x[keep], all_y[keep])
    fold_arr = np.array(fold)

    def proba(p: np.ndarray, blocking: bool = True) -> np.ndarray:
        if len(p) == 0:
            return np.zeros(0)
        feats = engine_pairs.features(prep, p) * MASK
        out = np.zeros(len(p))
        a = np.minimum(fold_arr[p[:, 0]], fold_arr[p[:, 1]])
        b = np.maximum(fold_arr[p[:, 0]], fold_arr[p[:, 1]])
        for key in set(zip(a.tolist(), b.tolist(), strict=True)):
            sel = (a == key[0]) & (b == key[1])
            out[sel] = models[key].proba(feats[sel], blocking=blocking)
        return out

    probs = proba(pairs)
    sweep = {}
    for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
        groups_t = engine_pairs.group(n, pairs, probs, proba, threshold=t)
        lab_t = {m: g_no for g_no, g in enumerate(groups_t) for m in g.members}
        sweep[t] = pairwise([str(lab_t[i]) for i in range(n)], gold)
    print(
        "grouping P/R/F1 by link threshold:", {t: tuple(round(v, 3) for v in prf) for t, prf in sweep.items()}
    )
    groups = engine_pairs.group(n, pairs, probs, proba, threshold=THRESHOLD)
    label = {}
    conf = {}
    for g_no, g in enumerate(groups):
        for m in g.members:
            label[m] = g_no
            conf[m] = g.confidence
    p, r, f = pairwise([str(label[i]) for i in range(n)], gold)
    # Suggestions: the 30 most similar by theme, reranked by the pair probability.
    sims = (matrix @ matrix.T).toarray()
    np.fill_diagonal(sims, -1.0)
    rankings = {}
    for i in with_mates(gold):
        cand = np.argsort(-sims[i], kind="stable")[:30]
        pp = proba(np.stack([np.minimum(i, cand), np.maximum(i, cand)], axis=1), blocking=False)
        order = np.argsort(-pp, kind="stable")
        rankings[i] = [int(cand[o]) for o in order[:5]]
        if os.environ.get("DEBUG_SUGGEST") and gold[rankings[i][0]] != gold[i]:
            c0 = int(cand[0])
            print(
                "SUG",
                rows[i]["id"],
                rows[i]["text"][:60],
                "| got",
                rows[rankings[i][0]]["id"],
                rows[rankings[i][0]]["text"][:50],
                f"p={pp[order[0]]:.2f}",
                "| cos-top",
                rows[c0]["id"],
                gold[c0] == gold[i],
                f"p={pp[0]:.2f}",
            )
    scores = {
        "recall@1": recall_at(rankings, gold, 1),
        "recall@5": recall_at(rankings, gold, 5),
        "grouping precision": p,
        "grouping recall": r,
        "grouping F1": f,
        "field accuracy": float(np.mean([preds[i][0].code == rows[i]["field"] for i in range(n)])),
        "level accuracy": float(np.mean([level_right(preds[i][1].code, rows[i]["level"]) for i in range(n)])),
    }
    table: list = []
    if reliability:
        raw = proba(all_pairs)
        # Platt step cross-fitted: the pairs of folds (a, b) are calibrated by a step fitted on
        # the out-of-fold probabilities of pairs with no end in a or b.
        cal = np.zeros(len(raw))
        lo, hi = np.minimum(fa, fb), np.maximum(fa, fb)
        for a in range(k):
            for b in range(a, k):
                sel = (lo == a) & (hi == b)
                keep = (fa != a) & (fa != b) & (fb != a) & (fb != b)
                if sel.any():
                    step = engine_pairs.PairModel().fit_calibration(raw[keep], all_y[keep])
                    cal[sel] = step.calibrate(raw[sel])
        from sklearn.isotonic import IsotonicRegression

        iso = np.zeros(len(raw))
        for a in range(k):
            for b in range(a, k):
                sel = (lo == a) & (hi == b)
                keep = (fa != a) & (fa != b) & (fb != a) & (fb != b)
                if sel.any():
                    ir = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw[keep], all_y[keep])
                    iso[sel] = ir.predict(raw[sel])
        table = [
            ("raw", reliability_table(raw, all_y), float(np.mean((raw - all_y) ** 2))),
            ("isotonic (cross-fitted)", reliability_table(iso, all_y), float(np.mean((iso - all_y) ** 2))),
            ("calibrated (Platt, cross-fitted)", reliability_table(cal, all_y), float(np.mean((cal - all_y) ** 2))),
            ("all-negative baseline", [], float(np.mean(all_y))),
        ]
    errors = [
        (rows[i]["id"], preds[i][1].code, rows[i]["level"], rows[i]["text"][:80])
        for i in range(n)
        if not level_right(preds[i][1].code, rows[i]["level"])
    ]
    return scores, [table, errors, label]


def fitted_models(train_rows):
    """The classifier and pair model fitted on the seed set plus `train_rows` (None: the shipped
    models, as the product runs)."""
    if train_rows is None:
        return engine.default_classifier(), engine_pairs.shipped_model()
    clf = engine.Classifier().fit([*engine.seed_rows(), *(training.label_row(r) for r in train_rows)])
    return clf, training.fit_pair_model(train_rows, clf)


def engine_trained(
    rows, train_rows, reliability: bool, threshold: float | None = None, models=None
) -> tuple[dict[str, float], list]:
    """Models fitted on the seed set plus `train_rows` (None: the shipped models, as the product
    runs; `models`: already fitted); the evaluation runs engine.consolidate."""
    gold = [r["cluster"] for r in rows]
    clf, model = models or fitted_models(train_rows)
    res = engine.consolidate(rows, classifier=clf, pair_model=model, threshold=threshold)
    p, r, f = pairwise([x.cluster for x in res], gold)
    # Suggestions through the index the pages use.
    rankings = {}
    for i in with_mates(gold):
        others = [(str(j), rows[j]["text"], rows[j].get("area") or "") for j in range(len(rows)) if j != i]
        index = engine.SuggestIndex(others, classifier=clf, pair_model=model)
        rankings[i] = [int(c) for c, _s in index.query(rows[i]["text"], area=rows[i].get("area") or "", k=5)]
    scores = {
        "recall@1": recall_at(rankings, gold, 1),
        "recall@5": recall_at(rankings, gold, 5),
        "grouping precision": p,
        "grouping recall": r,
        "grouping F1": f,
        "field accuracy": float(np.mean([x.field == r_["field"] for x, r_ in zip(res, rows, strict=True)])),
        "level accuracy": float(
            np.mean([level_right(x.level, r_["level"]) for x, r_ in zip(res, rows, strict=True)])
        ),
    }
    return scores, [[], [], {i: x.cluster for i, x in enumerate(res)}]


def reliability_table(probs: np.ndarray, y: np.ndarray) -> list[tuple[str, int, float, float]]:
    edges = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]
    out = []
    for lo, hi in itertools.pairwise(edges):
        sel = (probs >= lo) & (probs < hi)
        if sel.sum():
            out.append(
                (
                    f"{lo:.1f}-{min(hi, 1.0):.1f}",
                    int(sel.sum()),
                    float(probs[sel].mean()),
                    float(y[sel].mean()),
                )
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--train", help="fit on this labelled file instead of cross-validating")
    parser.add_argument(
        "--shipped",
        action="store_true",
        help="score the shipped models as they are (for a file they were never fitted or tuned on)",
    )
    parser.add_argument("--cv", type=int, default=5)
    parser.add_argument(
        "--extra-train",
        nargs="*",
        default=[],
        help="labelled files added to every fold's classifier training (cross-validation only)",
    )
    parser.add_argument("--reliability", action="store_true")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = engine.load_jsonl(args.file)
    gold = [r["cluster"] for r in rows]
    started = time.perf_counter()
    if args.shipped:
        ours, extra = engine_trained(rows, None, args.reliability)
        how = "shipped models (data/real_train.jsonl and the seed set), not fitted here"
    elif args.train:
        train_rows = engine.load_jsonl(args.train)
        ours, extra = engine_trained(rows, train_rows, args.reliability)
        how = f"fitted on seed + {args.train}"
    else:
        extra_rows = [r for path in args.extra_train for r in engine.load_jsonl(path)]
        ours, extra = engine_cv(rows, args.cv, args.reliability, extra_rows)
        how = f"{args.cv}-fold cross-validation by cluster" + (
            f", classifier also fitted on {' + '.join(args.extra_train)}" if args.extra_train else ""
        )
    took = time.perf_counter() - started
    base = baseline(rows)
    prev = previous_engine(rows)
    mates = len(with_mates(gold))
    sizes = Counter(Counter(gold).values())
    print(
        f"{args.file}: {len(rows)} petitions, {len(set(gold))} clusters (sizes {dict(sorted(sizes.items()))}), "
        f"{mates} with a mate; engine {how}, {took:.1f} s"
    )
    print(f"{'metric':<22}{'engine':>9}{'baseline':>10}{'previous':>10}")
    for key in ours:
        print(f"{key:<22}{ours[key]:>9.3f}{base[key]:>10.3f}{prev[key]:>10.3f}")
    print(
        f"baseline grouping threshold chosen with the labels: {base['baseline threshold']:.2f}; "
        "baseline field/level = majority class; previous = theme-only engine, seed classifier"
    )
    table, errors, _label = extra
    for name, rel, brier in table:
        print(f"pair probabilities on held-out folds, every pair, {name}: Brier {brier:.5f}")
        if rel:
            print(f"{'bin':<10}{'pairs':>7}{'mean p':>8}{'observed':>10}")
            for b, cnt, mp, obs in rel:
                print(f"{b:<10}{cnt:>7}{mp:>8.3f}{obs:>10.3f}")
    if args.errors:
        for e in errors:
            print("LEVEL", *e)
        clusters = defaultdict(list)
        for i, lab in _label.items():
            clusters[lab].append(i)
        for members in clusters.values():
            if len({gold[i] for i in members}) > 1:
                print("MERGED", [(rows[i]["id"], gold[i], rows[i]["text"][:50]) for i in members])
    if args.json:
        print(json.dumps({"engine": ours, "baseline": base, "previous": prev}))


if __name__ == "__main__":
    main()
