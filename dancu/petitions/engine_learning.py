"""Learning from the specialists of a province: their groupings and reclassifications.

What a specialist decides is already recorded: the opinions of a petition that left the
proposed state are the specialist's grouping (merges and splits happen on proposals, and
confirming accepts the result), and `ClassificationOverride` keeps every reclassification.
`history_rows(province)` turns that into labelled rows (one cluster per confirmed petition);
`engine_training` turns rows into pairs: same petition = positive, two petitions of one round
that the engine would have compared = negative (a split gives exactly such a pair).

`retrain(province)` fits the province's pair model on the shipped labelled set plus its own
history (run by the Celery task `tasks.retrain_consolidation`, enqueued when a round's
groupings are confirmed); `pair_model_for(province)` is what consolidation uses: the
province's model if one was trained, else the shipped one. The model is kept in the cache
(Redis) and in the process; when the cache is down the shipped model is used.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from django.core.cache import cache

from . import engine, engine_pairs, engine_training
from .models import Petition, VoterOpinion

log = logging.getLogger(__name__)

CACHE_KEY = "petitions:pair-model:{province}"
HISTORY_LIMIT = 20_000  # opinions of the most recent confirmed petitions used to retrain
# A province's own decisions count several times the shipped rows: enough for their positive
# pairs to weigh HISTORY_SHARE times the shipped set's (so its conventions win where they differ
# from the shipped sets', whatever the size of those), at least HISTORY_WEIGHT_MIN times and at
# most HISTORY_WEIGHT_MAX (a handful of decisions does not outweigh everything else).
HISTORY_SHARE = 2.0
HISTORY_WEIGHT_MIN = 10
HISTORY_WEIGHT_MAX = 100


def history_weight(shipped_y, history_y) -> int:
    positive = int(sum(history_y))
    if not positive:
        return HISTORY_WEIGHT_MIN
    wanted = math.ceil(HISTORY_SHARE * int(sum(shipped_y)) / positive)
    return min(max(wanted, HISTORY_WEIGHT_MIN), HISTORY_WEIGHT_MAX)

_local: dict[int, dict] = {}


def history_rows(province_id: int, *, limit: int = HISTORY_LIMIT) -> list[dict[str, Any]]:
    """Opinions of the province's petitions past the proposed state, labelled by petition."""
    rows = (
        VoterOpinion.objects.filter(petition__province_id=province_id)
        .exclude(petition__status=Petition.Status.DRAFT)
        .order_by("-petition__round__start_date", "petition_id", "id")
        .values_list("id", "text", "area", "petition_id", "petition__field", "petition__level")[:limit]
    )
    return [
        {"id": str(i), "text": t, "area": a or "", "cluster": f"p{pid}", "field": f, "level": lv}
        for i, t, a, pid, f, lv in rows
    ]


def retrain(province_id: int) -> dict[str, Any]:
    """Fit and store the province's pair model; returns what it was fitted on."""
    history = history_rows(province_id)
    shipped = engine_training.shipped_rows()
    classifier = engine.default_classifier()
    x, y = engine_training.labelled_pairs(shipped, classifier)
    hx, hy = engine_training.labelled_pairs(history, classifier)
    weight = history_weight(y, hy)
    model = engine_training.fit_weighted(x, y, hx, hy, weight=weight)
    data = model.to_json()
    data["history_weight"] = weight
    data["history_pairs"] = len(hy)
    data["history_positive"] = int(hy.sum()) if len(hy) else 0
    _local[province_id] = data
    try:
        cache.set(CACHE_KEY.format(province=province_id), data, None)
    except Exception:  # noqa: BLE001 - the cache may be down: the process keeps its copy
        log.warning("petitions: could not store the pair model of province %s", province_id)
    return {"opinions": len(history), "pairs": len(hy), "positive": data["history_positive"]}


def pair_model_for(province_id: int) -> engine_pairs.PairModel:
    data = None
    try:
        data = cache.get(CACHE_KEY.format(province=province_id))
    except Exception:  # noqa: BLE001 - cache down: the process copy or the shipped model
        data = None
    data = data or _local.get(province_id)
    if not data:
        return engine_pairs.shipped_model()
    return engine_pairs.PairModel.from_json(data)


def forget(province_id: int) -> None:
    _local.pop(province_id, None)
    try:
        cache.delete(CACHE_KEY.format(province=province_id))
    except Exception:  # noqa: BLE001 - cache down: nothing stored there either
        log.warning("petitions: could not drop the pair model of province %s", province_id)
