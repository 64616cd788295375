"""Suggestions and consolidation against the 1,000,000-petition database (see fill_million.py).

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_petitions_bench
    .venv/bin/python bench/petitions/bench_scale.py suggest --queries 200
    .venv/bin/python bench/petitions/bench_scale.py consolidate --opinions 2000

suggest: `selectors.suggest` as the office admin of the demo province (the database pre-filter
path), p50/p95 over the queries; baseline in the same run: the in-memory index over every
petition of the province (the path used below 20,000 petitions): its build and its queries.
Queries are variants of held-out opinions; "same source" = the best suggestion is a variant of the
query's own source opinion (mapped back by the engine over the ~500 shipped texts). Agreement =
share of queries whose best petition by the full index is among the 5 suggested (low by nature:
each source has ~80 near-identical variants in the demo province).

consolidate: `services.consolidate_round` on a new round of the demo province holding the
opinions (linking to earlier petitions of the province included), inside a transaction that is
rolled back; baseline in the same run: the engine alone on the same opinions.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from generate_opinions import PLACES, variant  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def queries(n: int, seed: int = 5) -> list[tuple[str, str]]:
    """(query text, its source opinion's text): variants of held-out opinions."""
    rng = random.Random(seed)
    base = [
        json.loads(x)
        for x in (ROOT / "dancu/petitions/tests/data/heldout.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    out = []
    for _ in range(n):
        src = rng.choice(base)["text"]
        out.append((variant(src, rng), src))
    return out


def bench_suggest(n: int, baseline: bool) -> None:
    from fill_million import base_texts

    from dancu.accounts.models import User
    from dancu.petitions import engine, selectors

    user = User.objects.get(username="vanphong")
    pairs = queries(n)
    qs = [q for q, _src in pairs]
    # Every petition of the bench database is a variant of one shipped text: map a suggested
    # petition back to its nearest shipped text to tell whether it asks the same thing.
    sources = [r["text"] for r in base_texts()]
    source_index = engine.SuggestIndex([(str(i), t) for i, t in enumerate(sources)])

    def same_source(petition_text: str, src: str) -> bool:
        best = source_index.query(petition_text, k=1)
        return bool(best) and sources[int(best[0][0])] == src

    engine.default_classifier()
    engine.reference_vectorizer()
    selectors.suggest(user, qs[0])  # warm-up (connection, caches)
    times, results = [], []
    for q in qs:
        t = time.perf_counter()
        results.append([(p.pk, p.text) for p, _s in selectors.suggest(user, q)])
        times.append((time.perf_counter() - t) * 1000)
    visible = selectors.petitions_visible(user).count()
    out = {
        "petitions_in_db": selectors.Petition.objects.count(),
        "visible_to_user": visible,
        "queries": n,
        "prefilter_p50_ms": round(pct(times, 50), 1),
        "prefilter_p95_ms": round(pct(times, 95), 1),
        "prefilter_max_ms": round(max(times), 1),
        "prefilter_top1_same_source": round(
            sum(1 for r, (_q, src) in zip(results, pairs, strict=True) if r and same_source(r[0][1], src))
            / n,
            3,
        ),
    }
    if baseline:
        t = time.perf_counter()
        index = selectors.suggest_index(user)
        out["baseline_index_build_s"] = round(time.perf_counter() - t, 1)
        btimes, agree, same = [], 0, 0
        texts = dict(selectors.petitions_visible(user).values_list("pk", "text"))
        for (q, src), got in zip(pairs, results, strict=True):
            t = time.perf_counter()
            best = index.query(q, k=1)
            btimes.append((time.perf_counter() - t) * 1000)
            if best and int(best[0][0]) in {pk for pk, _t in got}:
                agree += 1
            if best and same_source(texts[int(best[0][0])], src):
                same += 1
        out["baseline_query_p50_ms"] = round(pct(btimes, 50), 1)
        out["baseline_query_p95_ms"] = round(pct(btimes, 95), 1)
        out["baseline_top1_same_source"] = round(same / n, 3)
        out["agreement_top1_in_top5"] = round(agree / n, 3)
    print(json.dumps(out), flush=True)


class Rollback(Exception):
    pass


def bench_consolidate(count: int) -> None:
    from dancu.accounts.models import User
    from dancu.directory.models import AdministrativeUnit
    from dancu.petitions import engine, services

    user = User.objects.get(username="vanphong")
    province = AdministrativeUnit.objects.get(key="p2025:42")
    from dancu.petitions.models import VoterMeeting

    commune = VoterMeeting.objects.filter(province=province).first().place  # a demo commune
    rng = random.Random(3)
    base = [
        json.loads(x)
        for x in (ROOT / "dancu/petitions/tests/data/eval.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rows = [
        {"text": variant(rng.choice(base)["text"], rng), "area": rng.choice(PLACES)} for _ in range(count)
    ]
    engine.default_classifier()
    t = time.perf_counter()
    engine.consolidate([{"id": str(i), **r} for i, r in enumerate(rows)])
    engine_only = time.perf_counter() - t
    out: dict = {"opinions": count}
    try:
        with transaction.atomic():
            rnd = services.round_create(
                actor=user,
                province=province,
                name="Bench 2027",
                code="bench-2027",
                start_date=datetime.date(2027, 4, 1),
            )
            meeting = services.meeting_create(
                actor=user, round=rnd, kind="before_na", date=datetime.date(2027, 4, 5), place=commune
            )
            services.opinions_add(actor=user, meeting=meeting, rows=rows)
            t = time.perf_counter()
            petitions = services.consolidate_round(actor=user, round=rnd)
            out["consolidate_round_s"] = round(time.perf_counter() - t, 1)
            out["petitions_proposed"] = len(petitions)
            out["linked_to_earlier"] = sum(1 for p in petitions if p.previous_id)
            raise Rollback
    except Rollback:
        pass
    out["engine_only_s"] = round(engine_only, 1)
    print(json.dumps(out), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["suggest", "consolidate"])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--opinions", type=int, default=2000)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    assert connection.vendor == "postgresql", "run against the PostgreSQL bench database"
    if args.what == "suggest":
        bench_suggest(args.queries, not args.no_baseline)
    else:
        bench_consolidate(args.opinions)


if __name__ == "__main__":
    main()
