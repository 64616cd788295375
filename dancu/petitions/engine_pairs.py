"""Specific-problem similarity: theme similarity combined with entity agreement and conflict.

Two petitions are "the same petition" when they ask about the same specific problem: the same
road, bridge, school, project, site or decision, or the same national policy demand. Theme
similarity (the TF-IDF cosine of `engine.embed`) finds candidates; for each candidate pair a
small logistic model (`PairModel`) combines the cosine with what the entities say (a shared
site or decision raises, the same theme at conflicting sites or in different provinces blocks,
two national demands group by the policy) into a probability that the pair is one petition.
The model is fitted on labelled pairs (real petitions, and the specialists' merges and splits
of the province), so its probabilities are calibrated: see docs/performance-petitions.md for
the reliability table on held-out folds.

Grouping links the candidate pairs whose probability is at least one half, then splits each
connected component by average linkage over the pair probabilities (no chaining: a~b~c does
not put a with c unless the group as a whole holds).
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse

from . import engine_entities as ent

DATA_DIR = Path(__file__).resolve().parent / "data"
PAIR_MODEL_FILE = DATA_DIR / "pair_model.json"

# Hand-set weights used only when no fitted model ships (same order as ent.PAIR_FEATURES).
DEFAULT_WEIGHTS = {
    "intercept": -6.0,
    "cos": 5.0,
    "cos_word": 3.0,
    "cos_sq": 3.0,
    "both_central": 0.5,
    "cos_x_both_central": 2.0,
    "shared_site": 1.0,
    "cos_x_shared_site": 2.0,
    "shared_place_only": 0.5,
    "cos_x_shared_place_only": 1.0,
    "site_conflict": -1.5,
    "cos_x_site_conflict": -1.0,
    "cos_x_same_commune": 1.0,
    "local_commune_conflict": -0.5,
    "cos_x_local_commune_conflict": -1.0,
    "local_province_conflict": -1.0,
    "cos_x_local_province_conflict": -1.0,
    "shared_doc": 1.0,
    "central_beneficiary_conflict": -1.0,
}


# Link threshold on the pair probability. Low on purpose: petitions that are one are rare among
# all pairs. When each of the seven real sets is grouped by a model fitted on the other six
# (bench/petitions_lofo.py, 3 December 2026), pooled pairwise F1 is 0.629 at 0.10, 0.650 at 0.12,
# 0.661 at 0.15 and 0.630 at 0.20 (docs/performance-petitions.md); average linkage then keeps a
# group together only if it holds as a whole.
LINK_THRESHOLD = 0.15
BLOCK = 0.2


@dataclass
class PairModel:
    """Logistic model of P(same petition | pair features)."""

    coef: np.ndarray = field(
        default_factory=lambda: np.array([DEFAULT_WEIGHTS[f] for f in ent.PAIR_FEATURES])
    )
    intercept: float = DEFAULT_WEIGHTS["intercept"]
    trained_on: int = 0  # labelled pairs
    threshold: float = LINK_THRESHOLD
    # Two local matters in different communes or provinces that share no site or decision are
    # different petitions whatever their wording: their probability is multiplied by this.
    block: float = BLOCK
    # Platt step fitted on out-of-fold probabilities (bench/petitions_train.py): the confidence a
    # specialist sees is sigmoid(cal_a * logit(p) + cal_b), so that a 0.9 is right about nine
    # times in ten on held-out petitions. Grouping keeps the raw probability (its threshold was
    # chosen on it); the transformation is monotone, so rankings do not change.
    cal_a: float = 1.0
    cal_b: float = 0.0

    def calibrate(self, p: np.ndarray | float) -> np.ndarray:
        """Calibrated probabilities of raw pair probabilities `p`."""
        q = np.clip(np.asarray(p, dtype=float), 1e-6, 1 - 1e-6)
        z = self.cal_a * np.log(q / (1 - q)) + self.cal_b
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def group_confidence(self, confidence: float, size: int) -> float:
        """The calibrated confidence of a group: of its mean pair probability for a group, of
        the best probability to another opinion (confidence = 1 - that) for a lone opinion."""
        if size > 1:
            return round(float(self.calibrate(confidence)), 3)
        return round(1.0 - float(self.calibrate(1.0 - confidence)), 3) if confidence < 1.0 else 1.0

    def proba(self, x: np.ndarray, *, blocking: bool = True) -> np.ndarray:
        """P(same petition) of each feature row; `blocking` applies the conflict block (grouping
        does; suggestions rank without it, so the same matter raised in another commune still
        shows among the five a specialist looks at)."""
        if len(x) == 0:
            return np.zeros(0)
        x = np.asarray(x, dtype=float)
        z = x @ self.coef + self.intercept
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        if blocking and self.block < 1.0:
            col = {name: k for k, name in enumerate(ent.PAIR_FEATURES)}
            apart = (x[:, col["local_commune_conflict"]] + x[:, col["local_province_conflict"]]) > 0
            agree = (x[:, col["shared_site"]] + x[:, col["shared_doc"]]) > 0
            p = np.where(apart & ~agree, p * self.block, p)
        return p

    @classmethod
    def fit(cls, x: np.ndarray, y: np.ndarray, *, c: float = 1.0) -> PairModel:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.linear_model import LogisticRegression

        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=int)
        if len(set(y.tolist())) < 2:
            return cls(trained_on=len(y))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            lr = LogisticRegression(C=c, max_iter=2000).fit(x, y)
        return cls(coef=lr.coef_[0].copy(), intercept=float(lr.intercept_[0]), trained_on=len(y))

    def to_json(self) -> dict:
        return {
            "features": list(ent.PAIR_FEATURES),
            "coef": [round(float(v), 6) for v in self.coef],
            "intercept": round(self.intercept, 6),
            "trained_on": self.trained_on,
            "threshold": self.threshold,
            "block": self.block,
            "calibration": {"a": round(self.cal_a, 6), "b": round(self.cal_b, 6)},
        }

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        if list(data.get("features", [])) != list(ent.PAIR_FEATURES):
            return cls()
        return cls(
            coef=np.array(data["coef"], dtype=float),
            intercept=float(data["intercept"]),
            trained_on=int(data.get("trained_on", 0)),
            threshold=float(data.get("threshold", LINK_THRESHOLD)),
            block=float(data.get("block", BLOCK)),
            cal_a=float((data.get("calibration") or {}).get("a", 1.0)),
            cal_b=float((data.get("calibration") or {}).get("b", 0.0)),
        )

    def fit_calibration(self, raw: np.ndarray, y: np.ndarray) -> PairModel:
        """Fit the Platt step on out-of-fold raw probabilities `raw` and labels `y`."""
        from sklearn.linear_model import LogisticRegression

        raw = np.clip(np.asarray(raw, dtype=float), 1e-6, 1 - 1e-6)
        y = np.asarray(y, dtype=int)
        if len(set(y.tolist())) < 2:
            return self
        logit = np.log(raw / (1 - raw)).reshape(-1, 1)
        lr = LogisticRegression(C=1e6, max_iter=1000).fit(logit, y)
        self.cal_a, self.cal_b = float(lr.coef_[0][0]), float(lr.intercept_[0])
        return self

    def save(self, path: Path | str = PAIR_MODEL_FILE) -> None:
        Path(path).write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")


_shipped: PairModel | None = None


def shipped_model() -> PairModel:
    """The pair model fitted on the shipped labelled pairs (cached); hand-set if none ships."""
    global _shipped
    if _shipped is None:
        try:
            _shipped = PairModel.from_json(json.loads(PAIR_MODEL_FILE.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError):
            _shipped = PairModel()
    return _shipped


@dataclass
class Prepared:
    """A set of petitions ready to be compared: entities, similarity vectors, field guesses."""

    entities: list[ent.Entities]
    matrix: sparse.csr_matrix  # L2-normalised rows: a dot product is a cosine
    fields: list[str]
    words: sparse.csr_matrix | None = None  # word-only TF-IDF rows, L2-normalised
    central: list[bool] = field(default_factory=list)  # competent level predicted central

    def cos(self, i: np.ndarray, j: np.ndarray, matrix: sparse.csr_matrix | None = None) -> np.ndarray:
        if len(i) == 0:
            return np.zeros(0)
        return rowwise_cos(self.matrix if matrix is None else matrix, i, j)


# The feature order `_features_vectorised` computes; if ent.PAIR_FEATURES changes, `features`
# falls back to calling ent.pair_features per pair (same values, slower).
_VECTOR_FEATURES = (
    "cos",
    "cos_word",
    "cos_sq",
    "both_central",
    "cos_x_both_central",
    "shared_site",
    "cos_x_shared_site",
    "shared_place_only",
    "cos_x_shared_place_only",
    "site_conflict",
    "cos_x_site_conflict",
    "cos_x_same_commune",
    "local_commune_conflict",
    "cos_x_local_commune_conflict",
    "local_province_conflict",
    "cos_x_local_province_conflict",
    "shared_doc",
    "central_beneficiary_conflict",
)


# Pairs per block of the row-wise cosines: m[i] and m[j] are copies of a row each per pair
# (about 70 non-zeros a row), so 2,000,000 pairs at once took about 2 GB (100,000 lines).
COS_BLOCK = 100_000


def rowwise_cos(m: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Cosines of the row pairs (i, j) of an L2-normalised matrix, block by block."""
    out = np.empty(len(i), dtype=float)
    for start in range(0, len(i), COS_BLOCK):
        a, b = i[start : start + COS_BLOCK], j[start : start + COS_BLOCK]
        out[start : start + len(a)] = np.asarray(m[a].multiply(m[b]).sum(axis=1)).ravel()
    return out


def _pair_cos(m: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Cosines of the row pairs (i, j) of an L2-normalised matrix: for many pairs among few rows
    (the linkage of one component) one small dense product, else row-wise products."""
    if len(i) == 0:
        return np.zeros(0)
    rows, inv = np.unique(np.concatenate([i, j]), return_inverse=True)
    if len(rows) <= 2000 and len(rows) * len(rows) <= 8 * len(i):
        sub = m[rows]
        dense = (sub @ sub.T).toarray()
        return dense[inv[: len(i)], inv[len(i) :]].astype(float)
    return rowwise_cos(m, i, j)


def _incidence(sets: list, n: int) -> sparse.csr_matrix:
    """Row r has a 1 in the column of each key of sets[r]."""
    vocab: dict = {}
    indptr = [0]
    indices: list[int] = []
    for keys in sets:
        indices.extend(vocab.setdefault(key, len(vocab)) for key in keys)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, np.asarray(indices, dtype=np.int64), np.asarray(indptr)), shape=(n, max(len(vocab), 1)))


@dataclass
class _EntityKeys:
    """The entities of a Prepared as incidence matrices (built once, reused by every call)."""

    sites: sparse.csr_matrix
    non_roads: sparse.csr_matrix  # facilities, streets, rivers (roads meet by road_numbers)
    places: sparse.csr_matrix  # hamlets and residential groups
    facility_names: sparse.csr_matrix
    road_numbers: sparse.csr_matrix
    communes: sparse.csr_matrix
    provinces: sparse.csr_matrix  # real provinces (not "name:" mentions)
    docs: sparse.csr_matrix  # "doc:" keys
    beneficiaries: sparse.csr_matrix
    national: np.ndarray

    @classmethod
    def of(cls, entities: Sequence[ent.Entities]) -> _EntityKeys:
        n = len(entities)
        return cls(
            sites=_incidence([e.sites for e in entities], n),
            non_roads=_incidence([{s for s in e.sites if not s.startswith(("hamlet:", "road:"))} for e in entities], n),
            places=_incidence([{s for s in e.sites if s.startswith("hamlet:")} for e in entities], n),
            facility_names=_incidence(
                [{ent.facility_key(s) for s in e.sites if s.startswith("facility:")} for e in entities], n
            ),
            road_numbers=_incidence(
                [{ent.road_number(s) for s in e.sites if s.startswith("road:")} for e in entities], n
            ),
            communes=_incidence([e.communes for e in entities], n),
            provinces=_incidence([{p for p in e.provinces if not p.startswith("name:")} for e in entities], n),
            docs=_incidence([{d for d in e.docs if d.startswith("doc:")} for e in entities], n),
            beneficiaries=_incidence([e.beneficiaries for e in entities], n),
            national=np.array([e.national for e in entities], dtype=bool),
        )


def _keys_of(prep: Prepared) -> _EntityKeys:
    keys = getattr(prep, "_entity_keys", None)
    if keys is None or keys.national.shape[0] != len(prep.entities):
        keys = _EntityKeys.of(prep.entities)
        prep._entity_keys = keys  # type: ignore[attr-defined]
    return keys


def _overlap(m: sparse.csr_matrix, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Whether rows i and j of an incidence matrix share a key (numpy only: the sets are tiny)."""
    out = np.zeros(len(i), dtype=bool)
    indptr, indices = m.indptr, m.indices.astype(np.int64)
    counts = (indptr[1:] - indptr[:-1])[i]
    if not counts.any():
        return out
    width = np.int64(m.shape[1])
    codes = getattr(m, "_row_key_codes", None)
    if codes is None:
        rows = np.repeat(np.arange(m.shape[0], dtype=np.int64), np.diff(indptr))
        codes = np.sort(rows * width + indices)
        m._row_key_codes = codes  # type: ignore[attr-defined]
    which = np.repeat(np.arange(len(i)), counts)  # one entry per key of row i
    starts = np.repeat(indptr[i] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    keys = indices[starts + np.arange(counts.sum())]
    wanted = j[which].astype(np.int64) * width + keys
    pos = np.searchsorted(codes, wanted)
    hit = codes[np.minimum(pos, len(codes) - 1)] == wanted
    out[which[hit]] = True
    return out


def _nonempty(m: sparse.csr_matrix) -> np.ndarray:
    return np.diff(m.indptr) > 0


def _features_vectorised(prep: Prepared, pairs: np.ndarray, cos: np.ndarray, words: np.ndarray) -> np.ndarray:
    """`ent.pair_features` of every pair at once (same values, in numpy)."""
    i, j = pairs[:, 0], pairs[:, 1]
    keys = _keys_of(prep)
    central = np.asarray(prep.central, dtype=bool) if prep.central else keys.national
    ca, cb = central[i], central[j]
    both_central = (ca & cb).astype(float)
    local = (~ca & ~cb).astype(float)
    has_sites = _nonempty(keys.sites)
    has_p = _nonempty(keys.provinces)
    provinces_apart = has_p[i] & has_p[j] & ~_overlap(keys.provinces, i, j)
    roads = _overlap(keys.road_numbers, i, j)
    others = _overlap(keys.non_roads, i, j) | _overlap(keys.facility_names, i, j)
    places = _overlap(keys.places, i, j)
    # a road number shared across two provinces is not one site (ent.pair_features)
    roads &= ~(provinces_apart & ~others & ~places)
    objects = others | roads
    shared = objects | places
    n_shared = objects.astype(float)
    place_only = (shared & ~objects).astype(float)
    site_conflict = (has_sites[i] & has_sites[j] & ~shared).astype(float)
    same = _overlap(keys.communes, i, j)
    has_c = _nonempty(keys.communes)
    same_commune = same.astype(float)
    commune_conflict = (has_c[i] & has_c[j] & ~same).astype(float) * local
    province_conflict = provinces_apart.astype(float) * local
    shared_doc = _overlap(keys.docs, i, j).astype(float)
    has_b = _nonempty(keys.beneficiaries)
    beneficiary_conflict = (has_b[i] & has_b[j] & ~_overlap(keys.beneficiaries, i, j)).astype(float)
    return np.stack(
        [
            cos,
            words,
            cos * cos,
            both_central,
            cos * both_central,
            n_shared,
            cos * n_shared,
            place_only,
            cos * place_only,
            site_conflict,
            cos * site_conflict,
            cos * same_commune,
            commune_conflict,
            cos * commune_conflict,
            province_conflict,
            cos * province_conflict,
            shared_doc,
            both_central * beneficiary_conflict,
        ],
        axis=1,
    )


def features(prep: Prepared, pairs: np.ndarray, cos: np.ndarray | None = None) -> np.ndarray:
    """The pair features of `pairs` (an (m, 2) array of row indices)."""
    if len(pairs) == 0:
        return np.zeros((0, len(ent.PAIR_FEATURES)))
    pairs = np.asarray(pairs, dtype=np.int64)
    if cos is None:
        cos = _pair_cos(prep.matrix, pairs[:, 0], pairs[:, 1])
    cos = np.asarray(cos, dtype=float)
    words = _pair_cos(prep.words, pairs[:, 0], pairs[:, 1]) if prep.words is not None else cos
    if tuple(ent.PAIR_FEATURES) == _VECTOR_FEATURES:
        return _features_vectorised(prep, pairs, cos, np.asarray(words, dtype=float))
    return features_loop(prep, pairs, cos, words)


def features_loop(prep: Prepared, pairs: np.ndarray, cos: np.ndarray, words: np.ndarray) -> np.ndarray:
    """The pair features by `ent.pair_features`, one pair at a time (the reference)."""
    es, fs, cs = prep.entities, prep.fields, prep.central
    return np.array(
        [
            ent.pair_features(
                es[i],
                es[j],
                float(c),
                bool(fs and fs[i] == fs[j]),
                float(w),
                cs[i] if cs else None,
                cs[j] if cs else None,
            )
            for (i, j), c, w in zip(pairs.tolist(), cos.tolist(), words.tolist(), strict=True)
        ]
    )


def candidate_pairs(neighbours) -> tuple[np.ndarray, np.ndarray]:
    """Unique (i < j) pairs from a k-nearest-neighbour table, with their cosines."""
    idx, sims = neighbours
    n, k = idx.shape
    if n == 0 or k == 0:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
    rows = np.repeat(np.arange(n), k)
    cols = idx.ravel()
    vals = sims.ravel()
    keep = rows != cols
    a = np.minimum(rows[keep], cols[keep])
    b = np.maximum(rows[keep], cols[keep])
    key = a * n + b
    _, first = np.unique(key, return_index=True)
    return np.stack([a[first], b[first]], axis=1), vals[keep][first].astype(float)


@dataclass
class Constraints:
    """Pairs a specialist decided: together (1.0) or apart (0.0), whatever the model says."""

    n: int = 0
    fixed: dict[int, float] = field(default_factory=dict)  # i * n + j (i < j) -> probability

    @classmethod
    def of(cls, position: dict[str, int], must: Iterable[tuple[str, str]], cannot: Iterable[tuple[str, str]]):
        n = len(position)
        fixed: dict[int, float] = {}
        for value, pairs in ((1.0, must), (0.0, cannot)):
            for a, b in pairs:
                i, j = position.get(str(a)), position.get(str(b))
                if i is None or j is None or i == j:
                    continue
                fixed[min(i, j) * n + max(i, j)] = value  # a later "apart" wins over "together"
        return cls(n, fixed)

    def add_pairs(self, pairs: np.ndarray, cos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The candidate pairs plus the must-link pairs not among them."""
        if not self.fixed:
            return pairs, cos
        have = set((pairs[:, 0] * self.n + pairs[:, 1]).tolist()) if len(pairs) else set()
        extra = [k for k, v in self.fixed.items() if v == 1.0 and k not in have]
        if not extra:
            return pairs, cos
        add = np.array([[k // self.n, k % self.n] for k in extra], dtype=np.int64)
        return np.vstack([pairs, add]), np.concatenate([cos, np.ones(len(add))])

    def apply(self, pairs: np.ndarray, probs: np.ndarray) -> np.ndarray:
        if not self.fixed or len(pairs) == 0:
            return probs
        probs = np.array(probs, dtype=float)
        keys = (np.minimum(pairs[:, 0], pairs[:, 1]) * self.n + np.maximum(pairs[:, 0], pairs[:, 1])).tolist()
        for pos, key in enumerate(keys):
            value = self.fixed.get(key)
            if value is not None:
                probs[pos] = value
        return probs


@dataclass
class Group:
    members: list[int]
    confidence: float  # calibrated: mean probability that two members are one petition


# Components larger than this are split by raising the link threshold before linkage (keeps the
# dense pairwise step bounded on 100,000 lines where one broad demand can gather thousands).
MAX_COMPONENT = 300
LINKAGE = __import__("os").environ.get("PETITIONS_LINKAGE", "average")


def group(
    n: int,
    pairs: np.ndarray,
    probs: np.ndarray,
    pair_proba: Callable[[np.ndarray], np.ndarray],
    *,
    threshold: float = 0.5,
) -> list[Group]:
    """Groups of rows that are one petition (average linkage over the pair probabilities).

    `pairs`/`probs`: the candidate pairs and their probabilities; `pair_proba(pairs)` gives the
    probabilities of any other pairs (inside a component, for the linkage)."""
    out: list[Group] = []
    pending = [(list(range(n)), pairs, probs, threshold)]
    while pending:
        members, p_pairs, p_probs, t = pending.pop()
        for comp in components(n, members, p_pairs[p_probs >= t]):
            if len(comp) == 1:
                out.append(Group(comp, 1.0))
            elif len(comp) > MAX_COMPONENT and t < 0.97:
                inside = np.isin(p_pairs[:, 0], comp) & np.isin(p_pairs[:, 1], comp)
                pending.append((comp, p_pairs[inside], p_probs[inside], min(0.97, t + 0.1)))
            elif LINKAGE == "single":
                out.append(Group(sorted(comp), 0.0))
            else:
                out.extend(_linkage(comp, pair_proba, t))
    out.sort(key=lambda g: g.members[0])
    return out


def components(n: int, members: list[int], links: np.ndarray) -> list[list[int]]:
    """The connected components of `members` (ascending) linked by `links` (global indices;
    links leaving `members` are ignored), each ascending (scipy: a Python union-find took
    seconds on the millions of links of 100,000 lines)."""
    from scipy.sparse.csgraph import connected_components

    arr = np.asarray(members, dtype=np.int64)
    local = np.full(n, -1, dtype=np.int64)
    local[arr] = np.arange(len(arr))
    li, lj = local[links[:, 0]], local[links[:, 1]]
    ok = (li >= 0) & (lj >= 0)
    graph = sparse.coo_matrix((np.ones(int(ok.sum())), (li[ok], lj[ok])), shape=(len(arr), len(arr)))
    _count, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    return [arr[chunk].tolist() for chunk in np.split(order, bounds)]


def _linkage(
    comp: list[int], pair_proba: Callable[[np.ndarray], np.ndarray], threshold: float
) -> list[Group]:
    m = len(comp)
    ii, jj = np.triu_indices(m, 1)
    arr = np.asarray(comp)
    pairs = np.stack([arr[ii], arr[jj]], axis=1)
    p = pair_proba(pairs)
    full = np.eye(m)
    full[ii, jj] = p
    full[jj, ii] = p
    if m == 2:
        labels = np.array([0, 0]) if p[0] >= threshold else np.array([0, 1])
    else:
        from sklearn.cluster import AgglomerativeClustering

        labels = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - threshold
        ).fit_predict(1.0 - full)
    if m > 2 and (full == 0.0).any():
        # A pair a specialist set apart (probability exactly 0) must not share a group: complete
        # linkage keeps only groups whose every pair reaches the threshold.
        members = {lab: [k for k, v in enumerate(labels) if v == lab] for lab in set(labels.tolist())}
        if any((full[np.ix_(ks, ks)] == 0.0).any() for ks in members.values() if len(ks) > 1):
            from sklearn.cluster import AgglomerativeClustering

            labels = AgglomerativeClustering(
                n_clusters=None, metric="precomputed", linkage="complete", distance_threshold=1.0 - threshold
            ).fit_predict(1.0 - full)
    groups = []
    for label in sorted(set(labels.tolist())):
        idx = [k for k, lab in enumerate(labels) if lab == label]
        if len(idx) == 1:
            conf = 1.0 - float(np.max(np.delete(full[idx[0]], idx[0]))) if m > 1 else 1.0
            groups.append(Group([comp[idx[0]]], round(max(conf, 0.0), 3)))
            continue
        sub = full[np.ix_(idx, idx)]
        conf = float(sub[np.triu_indices(len(idx), 1)].mean())
        groups.append(Group(sorted(comp[k] for k in idx), round(conf, 3)))
    return groups


def enforce(groups: list[Group], constraints: Constraints) -> list[Group]:
    """Join the groups of must-link pairs (never across a cannot-link pair)."""
    must = [(k // constraints.n, k % constraints.n) for k, v in constraints.fixed.items() if v == 1.0]
    if not must:
        return groups
    cannot = {k for k, v in constraints.fixed.items() if v == 0.0}
    of = {m: g_no for g_no, g in enumerate(groups) for m in g.members}
    members = {g_no: list(g.members) for g_no, g in enumerate(groups)}
    conf = {g_no: g.confidence for g_no, g in enumerate(groups)}
    n = constraints.n
    for i, j in must:
        a, b = of[i], of[j]
        if a == b:
            continue
        if any(min(x, y) * n + max(x, y) in cannot for x in members[a] for y in members[b]):
            continue
        members[a].extend(members.pop(b))
        conf[a] = min(conf[a], conf.pop(b))
        for x in members[a]:
            of[x] = a
    out = [Group(sorted(ms), conf[g_no]) for g_no, ms in members.items()]
    out.sort(key=lambda g: g.members[0])
    return out


def rank(
    query: ent.Entities,
    query_field: str,
    query_central: bool | None,
    query_words: sparse.csr_matrix | None,
    prep: Prepared,
    candidates: Sequence[int],
    cos: np.ndarray,
    model: PairModel,
) -> list[tuple[int, float]]:
    """Candidates ordered by the probability that they are the query's petition."""
    if query_words is not None and prep.words is not None and len(candidates):
        words = np.asarray((prep.words[list(candidates)] @ query_words.T).toarray()).ravel()
    else:
        words = np.asarray(cos, dtype=float)
    x = np.array(
        [
            ent.pair_features(
                query,
                prep.entities[c],
                float(s),
                bool(prep.fields and prep.fields[c] == query_field),
                float(w),
                query_central,
                prep.central[c] if prep.central else None,
            )
            for c, s, w in zip(candidates, np.asarray(cos).tolist(), words.tolist(), strict=True)
        ]
    ).reshape(len(candidates), len(ent.PAIR_FEATURES))
    p = model.proba(x, blocking=False)
    order = np.argsort(-p, kind="stable")
    return [(int(candidates[k]), float(p[k])) for k in order]


def reasons(prep: Prepared, i: int, j: int, words: Sequence[str] = ()) -> dict[str, list[str]]:
    """Why rows i and j are proposed together: shared entities and words, and conflicts."""
    out = ent.explain(prep.entities[i], prep.entities[j])
    out["words"] = list(words)
    return out


WIDE = 4  # candidates per row rescored exactly, in multiples of k


def _rank_in_runs(keys: np.ndarray) -> np.ndarray:
    """The position of each entry within its run of equal `keys` (sorted): what
    `arange - searchsorted(keys, keys)` gives, in O(n) instead of O(n log n)."""
    n = len(keys)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    return np.arange(n) - np.repeat(starts, np.diff(np.append(starts, n)))


def approx_top_k(
    matrix: sparse.csr_matrix,
    k: int,
    *,
    terms: int = 12,
    max_df: int | None = None,
    chunk: int = 500,  # rows per sparse product: bounds the memory of one block
) -> tuple[np.ndarray, np.ndarray]:
    """Approximate k nearest neighbours (cosine) of every row, without the n x n product.

    Blocking on informative terms: each row keeps its `terms` heaviest terms whose document
    frequency is at most `max_df`; rows sharing one such term are candidates (a sparse product of
    the pruned rows, chunked); the candidates are rescored with the exact cosine of the full rows.
    Rows are their own neighbour (score 0) where fewer than k candidates exist.
    """
    x = matrix.tocsr()
    n = x.shape[0]
    k_eff = max(min(k, n - 1), 0)
    idx = np.tile(np.arange(n)[:, None], (1, k_eff)).astype(np.int64)
    sims = np.zeros((n, k_eff), dtype=np.float32)
    if k_eff == 0:
        return idx, sims
    if max_df is None:
        max_df = max(100, int(30 * np.sqrt(n)))
    df = np.bincount(x.indices, minlength=x.shape[1])
    pruned = x.copy()
    pruned.data = np.where(df[pruned.indices] <= max_df, pruned.data, 0.0)
    pruned.eliminate_zeros()
    # Keep each row's `terms` heaviest entries.
    indptr, data = pruned.indptr, pruned.data
    row_of = np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr))
    order = np.lexsort((-data, row_of))  # by row, heaviest first
    rank = np.empty(len(data), dtype=np.int64)
    rank[order] = _rank_in_runs(row_of[order])
    pruned.data = np.where(rank < terms, data, 0.0)
    pruned.eliminate_zeros()
    pruned.data[:] = 1.0  # candidates by shared informative terms, weighted by how many
    pt = pruned.T.tocsr()
    wide = min(n - 1, WIDE * k_eff)
    for start in range(0, n, chunk):
        block = (pruned[start : start + chunk] @ pt).tocoo()
        rows = block.row.astype(np.int64) + start
        cols = block.col.astype(np.int64)
        vals = block.data
        mask = rows != cols
        rows, cols, vals = rows[mask], cols[mask], vals[mask]
        if len(rows) == 0:
            continue
        # The `wide` candidates of each row sharing the most informative terms.
        order = np.lexsort((-vals, rows))
        rows, cols = rows[order], cols[order]
        sel = _rank_in_runs(rows) < wide
        rows, cols = rows[sel], cols[sel]
        # Exact cosines of the candidates, then the k best of each row.
        exact = rowwise_cos(x, rows, cols)
        order = np.lexsort((-exact, rows))
        rows, cols, exact = rows[order], cols[order], exact[order]
        rank = _rank_in_runs(rows)
        sel = rank < k_eff
        idx[rows[sel], rank[sel]] = cols[sel]
        sims[rows[sel], rank[sel]] = exact[sel]
    return idx, sims
