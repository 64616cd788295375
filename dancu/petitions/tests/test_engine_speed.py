"""The fast paths of the engine compute what the reference paths compute (issue 12, speed)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from dancu.petitions import engine, engine_pairs

REAL = Path(__file__).resolve().parents[3] / "tests/data/petitions/real_own.jsonl"
SEED = engine.SEED_TRAIN


def _items() -> list[dict]:
    """Real petitions with their areas (sites, communes, provinces, decisions), each also repeated
    in the area of another one (the same site in another commune: conflicts), plus seed texts."""
    real = [json.loads(line) for line in REAL.open(encoding="utf-8") if line.strip()]
    seed = [json.loads(line) for line in SEED.open(encoding="utf-8") if line.strip()][:120]
    rows = [(r["text"], r.get("area") or "") for r in real]
    rows += [(r["text"], real[(k + 7) % len(real)].get("area") or "") for k, r in enumerate(real)]
    rows += [(r["text"], "") for r in seed]
    return [{"id": str(k), "text": t, "area": a} for k, (t, a) in enumerate(rows)]


@pytest.fixture(scope="module")
def prepared():
    items = _items()
    prep, _preds = engine.prepare(items, engine.default_classifier())
    return prep


def test_vectorised_features_equal_the_per_pair_reference(prepared):
    n = len(prepared.entities)
    rng = np.random.default_rng(0)
    # Random pairs plus every pair of the first 40 rows (the linkage path: few rows, many pairs).
    ii, jj = np.triu_indices(70, 1)
    pairs = np.vstack([rng.integers(0, n, size=(3000, 2)), np.stack([ii, jj], axis=1)])
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    fast = engine_pairs.features(prepared, pairs)
    cos = prepared.cos(pairs[:, 0], pairs[:, 1])
    words = prepared.cos(pairs[:, 0], pairs[:, 1], prepared.words)
    slow = engine_pairs.features_loop(prepared, pairs, cos, words)
    assert fast.shape == slow.shape == (len(pairs), len(engine.engine_entities.PAIR_FEATURES))
    np.testing.assert_allclose(fast, slow, rtol=0, atol=1e-9)
    # The set features are not all zero on this data (the comparison means something).
    names = engine.engine_entities.PAIR_FEATURES
    for name in ("shared_site", "site_conflict", "cos_x_same_commune", "local_commune_conflict", "both_central"):
        column = fast[:, names.index(name)]
        assert 0 < np.count_nonzero(column) < len(column), name


def test_vectorised_features_with_given_cosines(prepared):
    pairs = np.array([[0, 1], [2, 3], [1, 0]])
    given = np.array([0.5, 0.25, 0.125])
    fast = engine_pairs.features(prepared, pairs, given)
    words = prepared.cos(pairs[:, 0], pairs[:, 1], prepared.words)
    slow = engine_pairs.features_loop(prepared, pairs, given, words)
    np.testing.assert_allclose(fast, slow, rtol=0, atol=1e-9)


def test_index_saved_loaded_and_extended_answers_as_built(tmp_path):
    rows = [(str(k), it["text"], it["area"]) for k, it in enumerate(_items())]
    built = engine.SuggestIndex(rows[:150])
    query = rows[3][1]
    expected = built.query(query, k=5)
    path = tmp_path / "province-1.pickle"
    built.save(path, province=1)
    loaded = engine.SuggestIndex.load(path)
    assert loaded is not None and loaded.meta == {"province": 1}
    assert loaded.query(query, k=5) == expected
    # Rows added after the build are found; an edited row answers with its new text only.
    grown = loaded.extended([("new", rows[170][1], rows[170][2]), ("3", "Hỗ trợ giống lúa sau bão", "")])
    assert grown.query(rows[170][1], k=1)[0][0] == "new"
    assert "3" not in [i for i, _p in grown.query(query, k=5)]
    assert loaded.query(query, k=5) == expected  # the loaded index itself is unchanged
    # A file of another format or a broken file is not used.
    path.write_bytes(b"not a pickle")
    assert engine.SuggestIndex.load(path) is None
    assert engine.SuggestIndex.load(tmp_path / "missing.pickle") is None


def test_index_retrieval_equals_top_k():
    rows = [(str(k), it["text"]) for k, it in enumerate(_items())]
    index = engine.SuggestIndex(rows)
    for q in (rows[0][1], rows[41][1], "đường giao thông thôn xuống cấp"):
        qprep, _ = engine.prepare([{"text": q}], index.classifier, vectorizer=index.vectorizer)
        idx, sims = engine.top_k(qprep.matrix, index.prep.matrix, 30)
        near, scores = index._nearest(qprep.matrix, 30)
        np.testing.assert_allclose(scores, sims[0], atol=1e-6)
        assert set(near.tolist()) == set(idx[0].tolist())
