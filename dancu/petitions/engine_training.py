"""Training data of the engine: labelled petitions and the specialists' decisions, as pairs.

- `label_row(row)`: a labelled petition (levels as the answers write them: trung_uong, tinh,
  huyen, xa) as a classifier row (central, province, commune; a historical district matter goes
  to the commune when it is about works of a hamlet, else to the province).
- `labelled_pairs(rows, classifier)`: the candidate pairs of a labelled set (nearest neighbours
  by theme, as the engine finds them) plus every pair of one cluster, with their features and
  labels.
- `fit_pair_model(rows, classifier, extra=...)`: the pair model fitted on those pairs plus
  extra (features, label) rows - the specialists' merges and splits.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import numpy as np

from . import engine_entities as ent
from . import engine_pairs

LEVEL_CODES = {"trung_uong": "central", "tinh": "province", "xa": "commune", "huyen": "district"}
SHIPPED_SETS = ("real_train.jsonl",)
ALL_PAIRS_UP_TO = 1500  # labelled sets up to this size train on every pair, larger on candidates


def label_row(row: dict) -> dict:
    level = LEVEL_CODES.get(row.get("level") or "", row.get("level") or "")
    if level == "district":
        e = ent.extract(row["text"], "")
        hamlet = any(s.startswith("hamlet:") for s in e.sites) or e.level_cues[2] > 0
        level = "commune" if hamlet and not e.level_cues[1] else "province"
    return {"text": row["text"], "field": row.get("field"), "level": level}


def labelled_pairs(rows: Sequence[dict], classifier) -> tuple[np.ndarray, np.ndarray]:
    """Pairs within each labelled set (rows carry "set"), never across two sets: clusters are
    local to a set, so two sets' petitions about one national demand would count as a false
    negative pair; and each set is vectorised on its own, as one consolidation batch is."""
    sets: dict[object, list[dict]] = {}
    for row in rows:
        sets.setdefault(row.get("set"), []).append(row)
    if len(sets) > 1:
        parts = [_set_pairs(members, classifier) for members in sets.values()]
        return np.vstack([x for x, _y in parts]), np.concatenate([y for _x, y in parts])
    return _set_pairs(rows, classifier)


def _set_pairs(rows: Sequence[dict], classifier) -> tuple[np.ndarray, np.ndarray]:
    from . import engine

    if len(rows) < 2:
        return np.zeros((0, len(ent.PAIR_FEATURES))), np.zeros(0, dtype=int)
    prep, _preds = engine.prepare(rows, classifier)
    gold = [r.get("cluster") for r in rows]
    if len(rows) <= ALL_PAIRS_UP_TO:
        pairs = np.array(list(itertools.combinations(range(len(rows)), 2)), dtype=np.int64)
        cos = prep.cos(pairs[:, 0], pairs[:, 1])
    else:
        neighbours = engine.top_k(prep.matrix, prep.matrix, engine.CANDIDATES, exclude_self=True)
        pairs, cos = engine_pairs.candidate_pairs(neighbours)
    seen = {(int(a), int(b)) for a, b in pairs.tolist()}
    extra = [
        (i, j)
        for i, j in itertools.combinations(range(len(rows)), 2)
        if gold[i] is not None and gold[i] == gold[j] and (i, j) not in seen
    ]
    x = engine_pairs.features(prep, pairs, cos)
    y = [int(gold[i] is not None and gold[i] == gold[j]) for i, j in pairs.tolist()]
    if extra:
        ex = np.array(extra, dtype=np.int64)
        x = np.vstack([x, engine_pairs.features(prep, ex)])
        y += [1] * len(extra)
    return x, np.array(y, dtype=int)


def shipped_rows() -> list[dict]:
    """The labelled real petitions shipped with the engine (dancu/petitions/data)."""
    from . import engine

    rows: list[dict] = []
    for name in SHIPPED_SETS:
        path = engine.DATA_DIR / name
        if path.exists():
            rows.extend(engine.load_jsonl(path))
    return rows


def fit_weighted(
    x: np.ndarray, y: np.ndarray, hx: np.ndarray, hy: np.ndarray, *, weight: int = 1
) -> engine_pairs.PairModel:
    """A pair model on shipped pairs (x, y) plus a province's own pairs (hx, hy) counted
    `weight` times."""
    parts_x = [x] + [hx] * weight if len(hy) else [x]
    parts_y = [y] + [hy] * weight if len(hy) else [y]
    return engine_pairs.PairModel.fit(np.vstack(parts_x), np.concatenate(parts_y))


def fit_pair_model(
    rows: Sequence[dict], classifier, *, extra: Iterable[tuple[Sequence[float], int]] = ()
) -> engine_pairs.PairModel:
    x, y = labelled_pairs(rows, classifier)
    extra = list(extra)
    if extra:
        x = np.vstack([x, np.array([e[0] for e in extra], dtype=float)])
        y = np.concatenate([y, np.array([e[1] for e in extra], dtype=int)])
    return engine_pairs.PairModel.fit(x, y)
