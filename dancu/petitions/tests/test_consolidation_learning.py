"""Learning from a province's specialists: the replay test, the worker task, the overrides."""

import random

import numpy as np
import pytest

from dancu.petitions import (
    engine,
    engine_entities,
    engine_learning,
    engine_pairs,
    engine_training,
    services,
    tasks,
)
from dancu.petitions.models import Petition

HAMLETS = [
    "Nà Vàng",
    "Cốc Phát",
    "Khuổi Phìn",
    "Bản Lá",
    "Nặm Đường",
    "Yên Trung",
    "Phai Tre",
    "Làng Sảo",
    "Nà Thoi",
    "Vằng Tè",
    "Pác Hào",
    "Khuổi Củng",
]
COMMUNES = ["Khuôn Hà", "Phúc Yên", "Thượng Lâm", "Lăng Can", "Bình An", "Hồng Quang", "Xuân Lập", "Thổ Bình"]
WORDINGS = [
    "Đường giao thông nông thôn ở thôn {h} xuống cấp, đề nghị bê tông hóa.",
    "Đề nghị sửa chữa đường giao thông nông thôn thôn {h} đã hư hỏng nặng.",
    "Cử tri thôn {h} đề nghị hỗ trợ xi măng làm đường giao thông nông thôn.",
]


def _history(communes, seed):
    """A province whose specialists forward one petition per commune for all its hamlet roads
    (the commune People's Committee answers them together): a convention the shipped model,
    which keeps different hamlets apart, does not know."""
    rng = random.Random(seed)
    rows = []
    for c in communes:
        hamlets = rng.sample(HAMLETS, 3)
        for k, h in enumerate(hamlets):
            rows.append(
                {
                    "id": f"{c}-{k}",
                    "text": WORDINGS[k].format(h=h),
                    "area": f"xã {c}, huyện Lâm Bình, Tuyên Quang",
                    "cluster": c,
                }
            )
    return rows


def _f1(results, rows):
    gold = {r["id"]: r["cluster"] for r in rows}
    pred = {r.id: r.cluster for r in results}
    ids = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            sg, sp = gold[a] == gold[b], pred[a] == pred[b]
            tp += sg and sp
            fp += sp and not sg
            fn += sg and not sp
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def test_replay_a_provinces_history_improves_its_grouping():
    past, future = _history(COMMUNES[:5], 1), _history(COMMUNES[5:], 2)
    clf = engine.default_classifier()
    shipped = engine_pairs.shipped_model()
    before = _f1(engine.consolidate(future, classifier=clf, pair_model=shipped), future)
    x, y = engine_training.labelled_pairs(engine_training.shipped_rows(), clf)
    hx, hy = engine_training.labelled_pairs(past, clf)
    province = engine_training.fit_weighted(x, y, hx, hy, weight=engine_learning.history_weight(y, hy))
    after = _f1(engine.consolidate(future, classifier=clf, pair_model=province), future)
    assert after >= before + 0.3, (before, after)
    # And the province's own model still keeps a national demand and a hamlet road apart.
    mixed = [
        *future[:3],
        {"id": "n", "text": "Đề nghị tăng lương hưu cho người nghỉ hưu trước năm 1993.", "area": ""},
    ]
    clusters = {r.id: r.cluster for r in engine.consolidate(mixed, classifier=clf, pair_model=province)}
    assert clusters["n"] not in {clusters[r["id"]] for r in future[:3]}


def test_pair_model_round_trips_and_falls_back():
    model = engine_pairs.PairModel.fit(np.array([[0.1] * len(engine_entities.PAIR_FEATURES), [0.9] * len(engine_entities.PAIR_FEATURES)]), np.array([0, 1]))
    again = engine_pairs.PairModel.from_json(model.to_json())
    assert np.allclose(again.coef, model.coef, atol=1e-5) and abs(again.intercept - model.intercept) < 1e-5
    assert engine_pairs.PairModel.from_json({"features": ["other"]}).coef.shape == model.coef.shape


@pytest.mark.django_db
def test_confirmed_groupings_train_the_provinces_model_in_the_worker(pworld):
    province_id = pworld["province"].pk
    engine_learning.forget(province_id)
    assert engine_learning.pair_model_for(province_id) is engine_pairs.shipped_model()
    petitions = services.consolidate_round(actor=pworld["specialist"], round=pworld["round"])
    assert petitions
    assert engine_learning.history_rows(province_id) == []  # proposals are not decisions yet
    services.round_confirm_all(actor=pworld["specialist"], round=pworld["round"])
    rows = engine_learning.history_rows(province_id)
    assert len(rows) == 4 and {r["cluster"] for r in rows} == {
        f"p{p.pk}" for p in Petition.objects.filter(round=pworld["round"])
    }
    stats = tasks.retrain_consolidation.delay(province_id).get()  # eager in tests: the task body runs
    assert stats["opinions"] == 4 and stats["pairs"] > 0
    model = engine_learning.pair_model_for(province_id)
    assert (
        model is not engine_pairs.shipped_model()
        and model.trained_on > engine_pairs.shipped_model().trained_on
    )
    engine_learning.forget(province_id)


@pytest.mark.django_db
def test_retraining_never_undoes_a_specialists_split_or_reclassification(pworld):
    w = pworld
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    road = next(p for p in petitions if "8A" in p.text or "8a" in p.text.lower())
    opinions = list(road.opinions.order_by("id"))
    assert len(opinions) == 2  # the engine put the two QL8A opinions together
    split = services.petition_split(actor=w["specialist"], petition=road, opinion_ids=[opinions[1].pk])
    services.petition_classify(actor=w["specialist"], petition=split, field="khac", level="commune")
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    tasks.retrain_consolidation.delay(w["province"].pk).get()
    # A new consolidation of the round finds nothing to regroup: decided opinions stay where
    # the specialist put them, with the specialist's classification.
    assert services.consolidate_round(actor=w["specialist"], round=w["round"]) == []
    split.refresh_from_db()
    road.refresh_from_db()
    assert set(split.opinions.values_list("pk", flat=True)) == {opinions[1].pk}
    assert set(road.opinions.values_list("pk", flat=True)) == {opinions[0].pk}
    assert (split.field, split.level) == ("khac", "commune")
    engine_learning.forget(w["province"].pk)
