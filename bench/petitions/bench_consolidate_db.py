"""Consolidating a round's 2,000 opinions through the database services (a throwaway test DB).

    .venv/bin/python bench/petitions/bench_consolidate_db.py --opinions 2000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_bench .venv/bin/python bench/petitions/bench_consolidate_db.py

Times `services.consolidate_round` (engine + one petition per group with its classification,
agency, committee, provenance and audit entry). Baseline in the same run: the batch engine
alone on the same opinions (no writes).
"""

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
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from generate_opinions import PLACES, variant  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--opinions", type=int, default=2000)
    args = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args.opinions)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(count: int) -> None:
    from dancu.accounts.models import RoleAssignment, User
    from dancu.directory.models import AdministrativeUnit, Body, BodyKind
    from dancu.petitions import engine, services

    province = AdministrativeUnit.objects.create(
        key="bench:42",
        code="42",
        name="Tỉnh Hà Tĩnh",
        short_name="Hà Tĩnh",
        level="province",
        unit_type="Tỉnh",
    )
    commune = AdministrativeUnit.objects.create(
        key="bench:42:1",
        code="1",
        name="Xã Bench",
        short_name="Bench",
        level="commune",
        unit_type="Xã",
        parent=province,
    )
    office = Body.objects.create(kind=BodyKind.OFFICE, name="Văn phòng", province=province, unit=province)
    user = User.objects.create(username="bench")
    RoleAssignment.objects.create(user=user, role="specialist", body=office)
    rnd = services.round_create(
        actor=user, province=province, name="Bench", code="bench", start_date=datetime.date(2026, 3, 1)
    )
    meeting = services.meeting_create(
        actor=user, round=rnd, kind="before_na", date=datetime.date(2026, 3, 5), place=commune
    )
    rng = random.Random(3)
    base = [
        json.loads(x)
        for x in (ROOT / "dancu/petitions/tests/data/eval.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rows = [
        {"text": variant(rng.choice(base)["text"], rng), "area": rng.choice(PLACES)} for _ in range(count)
    ]
    services.opinions_add(actor=user, meeting=meeting, rows=rows)
    engine.default_classifier()
    t = time.perf_counter()
    engine.consolidate([{"id": str(i), **r} for i, r in enumerate(rows)])
    engine_only = time.perf_counter() - t
    t = time.perf_counter()
    petitions = services.consolidate_round(actor=user, round=rnd)
    took = time.perf_counter() - t
    print(
        json.dumps(
            {
                "database": connection.vendor,
                "opinions": count,
                "petitions": len(petitions),
                "consolidate_round_s": round(took, 1),
                "engine_only_s": round(engine_only, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
