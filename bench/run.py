"""Benchmarks of the foundation. Usage: `make bench` or
`.venv/bin/python bench/run.py [--people 200000] [--database-url postgres://...]`.

Measures the folded-name search (the global search box and the people list) on a generated
directory, against a naive baseline measured in the same run: a LIKE scan over the same folded
column without the index (what a plain `icontains` would do), with the column wrapped so that no index can serve it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--database-url", default=f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    (ROOT / "var").mkdir(exist_ok=True)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from dancu.core.search import search_queryset
    from dancu.directory.models import AdministrativeUnit, Person

    call_command("migrate", verbosity=0)
    province, _ = AdministrativeUnit.objects.get_or_create(
        key="bench:p", defaults={"code": "99", "name": "Tỉnh Đo Đạc", "short_name": "Đo Đạc", "level": "province", "unit_type": "tỉnh"}
    )
    have = Person.objects.filter(province=province).count()
    if have < args.people:
        import random

        from dancu.directory import demo

        rng = random.Random(have)
        middles = [m for ms in demo.MIDDLE.values() for m in ms]
        givens = [g for gs in demo.GIVEN.values() for g in gs]
        batch = []
        for _i in range(have, args.people):
            name = f"{rng.choice(demo.FAMILY)} {rng.choice(middles)} {rng.choice(givens)} {rng.choice(givens)}"
            p = Person(full_name=name, province=province)
            p.search_text = p.build_search_text()
            batch.append(p)
            if len(batch) == 5000:
                Person.objects.bulk_create(batch)
                batch = []
        Person.objects.bulk_create(batch)
    total = Person.objects.count()
    queries = ["nguyen van", "dang", "tran thi h", "le hoang", "vu duc an"]

    def timed(fn) -> list[float]:
        samples = []
        for _ in range(args.repeat):
            for q in queries:
                t0 = time.perf_counter()
                fn(q)
                samples.append((time.perf_counter() - t0) * 1000)
        return samples

    def indexed(q):
        return list(search_queryset(Person.objects.all(), q).order_by("full_name")[:25])

    def naive(q):
        from django.db.models import TextField, Value
        from django.db.models.functions import Concat

        from dancu.core.text import search_tokens

        # Concatenating '' hides the column from every index: a true full scan.
        qs = Person.objects.annotate(scan=Concat("search_text", Value(""), output_field=TextField()))
        for t in search_tokens(q):
            qs = qs.filter(scan__contains=f" {t}")
        return list(qs.order_by("full_name")[:25])

    print(f"database: {connection.vendor}; people: {total:,}; queries: {queries}; repeat: {args.repeat}")
    for label, fn in (("indexed search (FTS5 / trigram)", indexed), ("baseline: LIKE full scan", naive)):
        s = sorted(timed(fn))
        p95 = s[int(len(s) * 0.95) - 1]
        print(f"{label:36s} median {statistics.median(s):8.1f} ms   p95 {p95:8.1f} ms")


if __name__ == "__main__":
    main()
