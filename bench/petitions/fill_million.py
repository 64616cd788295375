"""Fill a PostgreSQL database with N petitions (default 1,000,000) for the scale benchmarks.

    createdb -h 127.0.0.1 -U postgres dancu_petitions_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_petitions_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo
    .venv/bin/python bench/petitions/fill_million.py --petitions 1000000 --demo-share 40000

Texts are variants (prefixes, abbreviations, dropped accents, place names) of the ~500 labelled
opinions shipped with the module. Petitions are spread over 34 provinces (the demo province Hà
Tĩnh gets `--demo-share`, the others share the rest, 32 of them created here as "bench"
provinces) and 10 rounds each (2022-2026); older rounds are answered or closed, the newest are
proposed or confirmed. Rows go in with COPY; the trigram index is dropped and rebuilt.
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

from django.db import connection  # noqa: E402
from generate_opinions import variant  # noqa: E402

from dancu.core.text import search_tokens  # noqa: E402

ROUND_DATES = [datetime.date(y, m, 1) for y in (2022, 2023, 2024, 2025, 2026) for m in (4, 10)]


def base_texts() -> list[dict]:
    rows = []
    for name in (
        "dancu/petitions/tests/data/eval.jsonl",
        "dancu/petitions/tests/data/heldout.jsonl",
        "dancu/petitions/data/train.jsonl",
    ):
        rows += [json.loads(x) for x in (ROOT / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--petitions", type=int, default=1_000_000)
    parser.add_argument("--demo-share", type=int, default=40_000)
    args = parser.parse_args()
    assert connection.vendor == "postgresql", "PostgreSQL only (set DATABASE_URL)"
    from dancu.directory.models import AdministrativeUnit, Body
    from dancu.petitions.models import Petition, Round

    demo = AdministrativeUnit.objects.get(key="p2025:42")
    provinces = [demo]
    for n in range(1, 34):
        if n == 1:
            provinces.append(AdministrativeUnit.objects.get(key="p2025:40"))
            continue
        unit, _ = AdministrativeUnit.objects.get_or_create(
            key=f"bench:{n:02d}",
            defaults={
                "code": f"9{n:02d}",
                "name": f"Tỉnh Bench {n}",
                "short_name": f"Bench {n}",
                "level": "province",
                "unit_type": "Tỉnh",
            },
        )
        provinces.append(unit)
    rounds: dict[int, list[int]] = {}
    for p in provinces:
        ids = []
        for i, d in enumerate(ROUND_DATES):
            r, _ = Round.objects.get_or_create(
                province=p, code=f"bench-{i}", defaults={"name": f"Bench round {d:%m/%Y}", "start_date": d}
            )
            ids.append(r.pk)
        rounds[p.pk] = ids
    agencies = {
        p.pk: list(Body.objects.filter(province=p, kind="agency").values_list("id", flat=True))
        for p in provinces
    }
    base = base_texts()
    rng = random.Random(11)
    others = args.petitions - args.demo_share
    plan = [(demo.pk, args.demo_share)] + [
        (p.pk, others // (len(provinces) - 1) + (1 if i < others % (len(provinces) - 1) else 0))
        for i, p in enumerate(provinces[1:])
    ]
    start = Petition.objects.count()
    t0 = time.perf_counter()
    now = datetime.datetime.now(datetime.UTC)
    token_cache: dict[str, str] = {}
    with connection.cursor() as cur:
        # The search index (migration 0004: province + trigram) is built once after the copy.
        cur.execute("DROP INDEX IF EXISTS petitions_petition_province_trgm")
        raw = cur.cursor
        cols = (
            "created_at, updated_at, search_text, code, text, status, group_confidence, field, "
            "field_confidence, level, level_confidence, agency_confidence, committee_confidence, "
            "group_count, first_raised, rounds_raised, agency_id, province_id, round_id"
        )
        seq = start
        with raw.copy(f"COPY petitions_petition ({cols}) FROM STDIN") as copy:  # noqa: S608
            for province_id, count in plan:
                rids = rounds[province_id]
                for _ in range(count):
                    seq += 1
                    src = rng.choice(base)
                    text = variant(src["text"], rng)
                    k = rng.randrange(len(rids))
                    if k >= len(rids) - 2:
                        status = rng.choice(["draft", "confirmed", "forwarded"])
                    else:
                        status = rng.choice(["answered", "closed", "closed", "forwarded"])
                    code = f"KN-B{seq:07d}"
                    st = token_cache.get(text)
                    if st is None:
                        st = " ".join(search_tokens(text, max_tokens=64))
                        if len(token_cache) < 300_000:
                            token_cache[text] = st
                    ag = agencies.get(province_id) or [None]
                    copy.write_row(
                        (
                            now,
                            now,
                            f" {code.lower().replace('-', ' ')} {st}",
                            code,
                            text,
                            status,
                            round(rng.uniform(0.3, 1), 3),
                            src.get("field", "khac"),
                            0.8,
                            src.get("level", "province"),
                            0.7,
                            0.5,
                            0.5,
                            rng.randint(1, 6),
                            ROUND_DATES[k],
                            1,
                            rng.choice(ag),
                            province_id,
                            rids[k],
                        )
                    )
        copied = time.perf_counter() - t0
        print(f"copied {seq - start} petitions in {copied:.0f} s", flush=True)
        t1 = time.perf_counter()
        cur.execute("SET maintenance_work_mem = '512MB'")
        cur.execute(
            "CREATE INDEX IF NOT EXISTS petitions_petition_province_trgm "
            "ON petitions_petition USING gin (province_id, search_text gin_trgm_ops)"
        )
        cur.execute("VACUUM ANALYZE petitions_petition")
        print(f"trigram index + analyze in {time.perf_counter() - t1:.0f} s", flush=True)
    print(f"total petitions: {Petition.objects.count()}")


if __name__ == "__main__":
    main()
