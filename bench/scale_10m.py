"""National scale (issue 17): the list queries' plans, a 10,000,000-petition database, and one
partitioned table against one plain table.

    # the plans of the list, filter and register queries, built by the real selectors as the
    # bench users see them (EXPLAIN (ANALYZE, BUFFERS), trimmed to the plan nodes):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_scale_bench .venv/bin/python bench/scale_10m.py explain

    # 10M petitions: a copy of the 1M bench database (CREATE DATABASE ... TEMPLATE), whose
    # petitions are multiplied in SQL (INSERT ... SELECT ... generate_series: new codes, same
    # texts, provinces, rounds), indexes dropped before and rebuilt after, VACUUM ANALYZE:
    .venv/bin/python bench/scale_10m.py generate --source dancu_scale_bench --target dancu_scale10m --factor 10

    # the list query (first page, deep cursor, field filter, field+status, search) and the
    # suggestion pre-filter, timed in process at 10M:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_scale10m .venv/bin/python bench/scale_10m.py queries

    # 1M letters from generate.py's first 40,000 (its bulk_create is too slow for 1M here):
    .venv/bin/python bench/letters/generate.py 40000
    .venv/bin/python bench/scale_10m.py multiply-letters --database dancu_scale_bench --letters 1000000

    # one table partitioned by province (LIST, 34 partitions) against the plain table, same rows,
    # same list queries:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_scale10m .venv/bin/python bench/scale_10m.py partition

Python generation (fill_million.py) writes ~2,600 rows/s on this machine under load: 10M would
take an hour; the SQL multiplication takes minutes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["DEBUG"] = "0"

PG = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-q"]


def psql(db: str, sql: str) -> str:
    return subprocess.run(  # noqa: S603
        [*PG, "-d", db, "-At", "-c", sql], capture_output=True, text=True, check=True
    ).stdout


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# -- generate ----------------------------------------------------------------------------------


def generate(args: argparse.Namespace) -> None:
    t0 = time.perf_counter()
    print(f"load {load()}", flush=True)
    if args.copy:
        psql("postgres", f"DROP DATABASE IF EXISTS {args.target}")
        psql("postgres", f"CREATE DATABASE {args.target} TEMPLATE {args.source}")
        print(f"copied {args.source} -> {args.target} in {time.perf_counter() - t0:.0f} s", flush=True)
    db = args.target
    t1 = time.perf_counter()
    indexes = [
        line.split("|", 1)
        for line in psql(
            db,
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'petitions_petition' "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
        ).splitlines()
        if line
    ]
    for name, _ in indexes:
        psql(db, f'DROP INDEX "{name}"')
    base = int(psql(db, "SELECT max(id) FROM petitions_petition").strip())
    cols = (
        "created_at, updated_at, code, text, status, group_confidence, field, field_confidence, level, "
        "level_confidence, agency_confidence, committee_confidence, group_count, first_raised, "
        "rounds_raised, agency_id, province_id, round_id, committee_id, search_text"
    )
    select = (
        "created_at, updated_at, code, text, status, group_confidence, field, field_confidence, level, "
        "level_confidence, agency_confidence, committee_confidence, group_count, first_raised, "
        "rounds_raised, agency_id, province_id, round_id, committee_id"
    )
    for g in range(1, args.factor):
        t = time.perf_counter()
        # Each copy: a new code (KN-C<g>-<id>), the same text and folded words; one province's
        # rows stay together, as they arrive in life (a province works its own rounds).
        psql(
            db,
            f"INSERT INTO petitions_petition ({cols}) "  # noqa: S608 - constants
            f"SELECT {select.replace('code,', chr(39) + f'KN-C{g}-' + chr(39) + ' || id,')}, "
            f"' kn c{g} ' || id || regexp_replace(search_text, '^ kn b[0-9]+', '') "
            f"FROM petitions_petition WHERE id <= {base} ORDER BY province_id, id",
        )
        print(f"copy {g}/{args.factor - 1}: {time.perf_counter() - t:.0f} s (load {load()})", flush=True)
    inserted = time.perf_counter() - t1
    t2 = time.perf_counter()
    for name, definition in indexes:
        t = time.perf_counter()
        psql(db, f"SET maintenance_work_mem = '1GB'; {definition}")
        print(f"index {name}: {time.perf_counter() - t:.0f} s", flush=True)
    psql(db, "VACUUM ANALYZE petitions_petition")
    rebuilt = time.perf_counter() - t2
    n = psql(db, "SELECT count(*) FROM petitions_petition").strip()
    size = psql(db, "SELECT pg_size_pretty(pg_total_relation_size('petitions_petition'))").strip()
    print(
        f"petitions: {n}; insert {inserted:.0f} s, indexes + VACUUM ANALYZE {rebuilt:.0f} s, "
        f"total {time.perf_counter() - t0:.0f} s; table with indexes {size}; load {load()}",
        flush=True,
    )


# -- explain / queries -------------------------------------------------------------------------


def _setup():
    import django

    django.setup()


def _sql(qs) -> tuple[str, tuple]:
    from django.db import connection

    compiler = qs.query.get_compiler(connection=connection)
    return compiler.as_sql()


def _petition_cases():
    from dancu.accounts.models import User
    from dancu.core.paging import SMALL_RESULT
    from dancu.petitions import listing, selectors
    user = User.objects.get(username="vanphong")
    visible = selectors.petitions_visible(user)
    ids = list(visible.values_list("id", flat=True)[:20001])
    deep = ids[min(len(ids) - 1, 5000)]  # page 200
    deeper = ids[min(len(ids) - 1, 20000)]  # page 800

    def rows(qs):
        return qs.select_related(None).select_related("agency").only(*listing.ROW_COLUMNS)

    cap = listing.PetitionPaginator.cap
    cases = []
    for label, filters, after in (
        ("list, first page", {}, None),
        ("list, page 200 by cursor", {}, deep),
        ("list, page 800 by cursor", {}, deeper),
        ("field filter, first page", {"field": "y_te"}, None),
        ("field filter, deep cursor", {"field": "y_te"}, deep),
        ("field + status", {"field": "dat_dai", "status": "forwarded"}, None),
        ("status + level", {"status": "closed", "level": "province"}, None),
        ("round", {"round_id": selectors.rounds_visible(user).first().pk}, None),
        ("search 'quoc lo'", {"query": "quoc lo"}, None),
        ("search 'thon ho'", {"query": "thon ho"}, None),
        ("search 'nuoc sach' + status", {"query": "nuoc sach", "status": "forwarded"}, None),
        ("search 'duong dien xa'", {"query": "duong dien xa"}, None),
    ):
        qs = rows(selectors.petitions_visible(user, **filters))
        page = qs.filter(pk__lt=after) if after else qs
        cases.append((f"petitions {label}: page", page[:26]))
        cases.append((f"petitions {label}: capped count", qs.order_by().values("pk")[: cap + 1]))
        if "query" in filters:
            cases.append((f"petitions {label}: first keys", qs.values_list("pk", flat=True)[: SMALL_RESULT + 1]))
    return cases


def _letter_cases():
    from dancu.accounts.models import User
    from dancu.core.paging import COUNT_CAP
    from dancu.letters import selectors
    from dancu.letters.paging import SMALL_RESULT, _before

    user = User.objects.filter(username="bench.chuyenvien").first()
    if user is None:
        return []
    base = selectors.register_rows(selectors.letters_register(user))
    head = list(base.select_related(None).only("id", "received_date")[:10001])
    cursor = head[min(len(head) - 1, 10000)]
    cases = []
    for label, filters, after in (
        ("register, first page", {}, None),
        ("register, page 400 by cursor", {}, cursor),
        ("kind filter", {"kind": "complaint"}, None),
        ("status filter", {"status": "forwarded"}, None),
        ("search 'xa so 17'", {"query": "xa so 17"}, None),
        ("search 'xa so 4711'", {"query": "xa so 4711"}, None),
    ):
        qs = selectors.register_rows(selectors.letters_register(user, **filters))
        page = qs.filter(_before((after.received_date, after.pk))) if after else qs
        cases.append((f"letters {label}: page", page[:26]))
        cap = SMALL_RESULT if "query" in filters else COUNT_CAP
        cases.append((f"letters {label}: capped count", qs.order_by().values("pk")[: cap + 1]))
    return cases


def explain(args: argparse.Namespace) -> None:
    _setup()
    from django.db import connection

    cases = (_petition_cases() if args.module in ("both", "petitions") else []) + (
        _letter_cases() if args.module in ("both", "letters") else []
    )
    print(f"load {load()}")
    with connection.cursor() as cur:
        for label, qs in cases:
            sql, params = _sql(qs)
            cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            plan = [r[0] for r in cur.fetchall()]
            total = next((x for x in plan if x.startswith("Execution Time")), "")
            print(f"\n### {label} ({total})")
            if args.full:
                print("\n".join(plan))
            else:  # the plan nodes and their rows/buffers, not the filters' text
                for line in plan:
                    s = line.strip()
                    if s.startswith(("->", "Limit", "Aggregate", "Sort", "Index", "Bitmap", "Buffers")) or (
                        line == plan[0]
                    ):
                        print(line[:160])
    print(f"\nload {load()}")


def _time(cur, sql: str, params, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        cur.execute(sql, params)
        cur.fetchall()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _summary(xs: list[float]) -> str:
    xs = sorted(xs)
    return f"p50 {statistics.median(xs):.1f} ms, p95 {xs[int(0.95 * (len(xs) - 1))]:.1f} ms, max {xs[-1]:.1f} ms"


def queries(args: argparse.Namespace) -> None:
    """Each list query with a fresh cursor per repetition (no result cache in PostgreSQL, but the
    shared buffers and the OS page cache stay: say so), and the suggestion pre-filter."""
    _setup()
    import random

    from django.db import connection

    from dancu.accounts.models import User
    from dancu.petitions import selectors

    print(f"petitions: {selectors.Petition.objects.count()}; load {load()}", flush=True)
    user = User.objects.get(username="vanphong")
    visible = selectors.petitions_visible(user)
    low = visible.order_by("id").values_list("id", flat=True).first()
    high = visible.values_list("id", flat=True).first()
    print(f"visible to vanphong: ids {low}..{high}", flush=True)
    rng = random.Random(3)  # noqa: S311
    with connection.cursor() as cur:
        for label, make in (
            ("list, random cursor (page)", lambda: visible.filter(pk__lt=rng.randrange(low, high))[:26]),
            ("list capped count (10,001)", lambda: visible.order_by().values("pk")[:10001]),
            (
                "field, random cursor (page)",
                lambda: visible.filter(field="y_te", pk__lt=rng.randrange(low, high))[:26],
            ),
            (
                "field + status, random cursor (page)",
                lambda: visible.filter(field="dat_dai", status="forwarded", pk__lt=rng.randrange(low, high))[:26],
            ),
            (
                "search two words (page)",
                lambda: selectors.petitions_visible(
                    user, query=" ".join(rng.sample(["duong", "dien", "nuoc", "thon", "ho", "cau", "lo"], 2))
                )[:26],
            ),
        ):
            xs = []
            for _ in range(args.repeat):
                sql, params = _sql(make())
                xs += _time(cur, sql, params, 1)
            print(f"{label:<40} {_summary(xs)}", flush=True)
    if args.suggest:
        # The suggestion pre-filter (`selectors.suggest_prefiltered`: database candidates, then
        # the engine's rerank), for held-out opinions as a specialist types them.
        import json

        rows = (ROOT / "dancu/petitions/tests/data/heldout.jsonl").read_text(encoding="utf-8").splitlines()
        texts = [json.loads(x)["text"] for x in rows if x.strip()][: args.repeat]
        selectors.suggest_prefiltered(user, texts[0])  # the engine's vectorizer, once per process
        xs = []
        for text in texts:
            t = time.perf_counter()
            selectors.suggest_prefiltered(user, text)
            xs.append((time.perf_counter() - t) * 1000)
        print(f"{'suggestion pre-filter + rerank':<40} {_summary(xs)} ({len(xs)} opinions)", flush=True)
    print(f"load {load()}")


def partition(args: argparse.Namespace) -> None:
    """10M petitions' list columns in their own database: the 1M bench petitions multiplied
    (`--factor`, new ids, same provinces, fields, statuses) streamed with COPY from the source
    database, into a plain table and into one partitioned by province (LIST, one partition per
    province), same indexes as the list's (migration 0003 and 0008); then the same list queries
    on both. Only the list's columns: the whole row with its trigram index did not fit the time
    on this machine."""
    db = args.database
    t0 = time.perf_counter()
    print(f"load {load()}", flush=True)
    psql("postgres", f"DROP DATABASE IF EXISTS {db}")
    psql("postgres", f"CREATE DATABASE {db}")
    cols = "id bigint, province_id bigint, field varchar(30), status varchar(12), level varchar(20), round_id bigint, agency_id bigint, code varchar(40), text text, rounds_raised int"
    psql(db, f"CREATE TABLE bench_plain ({cols})")
    base = int(psql(args.source, "SELECT max(id) FROM petitions_petition").strip())
    copy_out = (
        f"COPY (SELECT id + g * {base}, province_id, field, status, level, round_id, agency_id, "
        f"'KN-C' || g || '-' || id, text, rounds_raised FROM petitions_petition, "
        f"generate_series(0, {args.factor - 1}) g ORDER BY g, province_id, id) TO STDOUT"
    )
    out = subprocess.Popen([*PG, "-d", args.source, "-c", copy_out], stdout=subprocess.PIPE)  # noqa: S603
    subprocess.run([*PG, "-d", db, "-c", "COPY bench_plain FROM STDIN"], stdin=out.stdout, check=True)  # noqa: S603
    out.wait()
    copied = time.perf_counter() - t0
    t = time.perf_counter()
    psql(db, "SET maintenance_work_mem = '512MB'; ALTER TABLE bench_plain ADD PRIMARY KEY (id)")
    psql(db, "SET maintenance_work_mem = '512MB'; CREATE INDEX ON bench_plain (province_id, id DESC)")
    psql(db, "SET maintenance_work_mem = '512MB'; CREATE INDEX ON bench_plain (province_id, field, id DESC) INCLUDE (status, level)")
    psql(db, "SET maintenance_work_mem = '512MB'; CREATE INDEX ON bench_plain (province_id, status, id DESC) INCLUDE (field, level)")
    psql(db, "VACUUM ANALYZE bench_plain")
    plain_s = time.perf_counter() - t
    n = psql(db, "SELECT count(*) FROM bench_plain").strip()
    print(f"{n} rows copied in {copied:.0f} s; plain table's indexes + VACUUM ANALYZE {plain_s:.0f} s; load {load()}", flush=True)
    t = time.perf_counter()
    provinces = [int(x) for x in psql(db, "SELECT DISTINCT province_id FROM bench_plain").split()]
    psql(db, "CREATE TABLE bench_part (LIKE bench_plain) PARTITION BY LIST (province_id)")
    for p in provinces:
        psql(db, f"CREATE TABLE bench_part_{p} PARTITION OF bench_part FOR VALUES IN ({p})")
    psql(db, "INSERT INTO bench_part SELECT * FROM bench_plain")  # noqa: S608
    psql(db, "SET maintenance_work_mem = '512MB'; ALTER TABLE bench_part ADD PRIMARY KEY (province_id, id)")
    psql(db, "SET maintenance_work_mem = '512MB'; CREATE INDEX ON bench_part (province_id, id DESC)")
    psql(db, "SET maintenance_work_mem = '512MB'; CREATE INDEX ON bench_part (province_id, field, id DESC) INCLUDE (status, level)")
    psql(db, "SET maintenance_work_mem = '512MB'; CREATE INDEX ON bench_part (province_id, status, id DESC) INCLUDE (field, level)")
    psql(db, "VACUUM ANALYZE bench_part")
    part_s = time.perf_counter() - t
    print(f"partitioned table ({len(provinces)} partitions) built in {part_s:.0f} s; load {load()}", flush=True)
    demo = int(
        psql(
            db,
            "SELECT province_id FROM bench_plain GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
        ).strip()
    )
    lo, hi = (int(x) for x in psql(db, f"SELECT min(id), max(id) FROM bench_plain WHERE province_id = {demo}").split("|"))
    print(f"largest province {demo}: ids {lo}..{hi}", flush=True)
    import random

    import psycopg

    rng = random.Random(5)  # noqa: S311
    queries_ = [
        ("first page", "SELECT * FROM {t} WHERE province_id = %s ORDER BY id DESC LIMIT 26", lambda: (demo,)),
        (
            "random cursor",
            "SELECT * FROM {t} WHERE province_id = %s AND id < %s ORDER BY id DESC LIMIT 26",
            lambda: (demo, rng.randrange(lo, hi)),
        ),
        (
            "field, random cursor",
            "SELECT * FROM {t} WHERE province_id = %s AND field = 'y_te' AND id < %s ORDER BY id DESC LIMIT 26",
            lambda: (demo, rng.randrange(lo, hi)),
        ),
        (
            "field + status count (capped)",
            "SELECT count(*) FROM (SELECT 1 FROM {t} WHERE province_id = %s AND field = 'dat_dai' "
            "AND status = 'forwarded' LIMIT 10001) x",
            lambda: (demo,),
        ),
        (
            "capped count",
            "SELECT count(*) FROM (SELECT 1 FROM {t} WHERE province_id = %s LIMIT 10001) x",
            lambda: (demo,),
        ),
        (
            "all provinces, newest 26 (national admin)",
            "SELECT * FROM {t} ORDER BY id DESC LIMIT 26",
            lambda: (),
        ),
        (
            "status count per province (report)",
            "SELECT status, count(*) FROM {t} WHERE province_id = %s GROUP BY status",
            lambda: (demo,),
        ),
    ]
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{db}") as conn, conn.cursor() as cur:
        for label, sql, make in queries_:
            out = []
            for table in ("bench_plain", "bench_part"):
                xs = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    cur.execute(sql.format(t=table), make())
                    cur.fetchall()
                    xs.append((time.perf_counter() - t) * 1000)
                out.append(f"{table}: {_summary(xs)}")
            print(f"{label:<42} " + " | ".join(out), flush=True)
    print(f"load {load()}")
    if not args.keep:
        psql("postgres", f"DROP DATABASE IF EXISTS {db}")


def multiply_letters(args: argparse.Namespace) -> None:
    """The bench province's letters (bench/letters/generate.py) multiplied in SQL up to
    `--letters`: each copy a new register number (`<number>.<copy>`), the same dates, kinds,
    contents and writers (so a search matches ~`factor` times more letters than generate.py
    alone makes). generate.py's bulk_create wrote ~200 letters/s on this machine under load;
    1M would have taken more than an hour."""
    db = args.database
    t0 = time.perf_counter()
    province = psql(db, "SELECT id FROM directory_administrativeunit WHERE key = 'bench-p:99'").strip()
    have = int(psql(db, f"SELECT count(*) FROM letters_letter WHERE province_id = {province}").strip())
    factor = max(1, -(-args.letters // have))
    cols = [
        c
        for c in psql(
            db,
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'letters_letter' "
            "ORDER BY ordinal_position",
        ).split()
        if c != "id"
    ]
    select = ", ".join("number || '.' || g" if c == "number" else c for c in cols)
    psql(
        db,
        f"INSERT INTO letters_letter ({', '.join(cols)}) SELECT {select} "  # noqa: S608 - constants
        f"FROM letters_letter, generate_series(2, {factor}) g WHERE province_id = {province} "
        f"AND receipt_code IS NULL AND submission_token IS NULL AND parent_id IS NULL "
        f"ORDER BY g, received_date, id LIMIT {args.letters - have}",
    )
    psql(db, "VACUUM ANALYZE letters_letter")
    n = psql(db, f"SELECT count(*) FROM letters_letter WHERE province_id = {province}").strip()
    print(f"letters of the bench province: {n} (x{factor}) in {time.perf_counter() - t0:.0f} s; load {load()}")


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--source", default="dancu_scale_bench")
    g.add_argument("--target", default="dancu_scale10m")
    g.add_argument("--factor", type=int, default=10)
    g.add_argument("--no-copy", dest="copy", action="store_false", help="multiply in place")
    e = sub.add_parser("explain")
    e.add_argument("--module", choices=["both", "petitions", "letters"], default="both")
    e.add_argument("--full", action="store_true")
    q = sub.add_parser("queries")
    q.add_argument("--repeat", type=int, default=40)
    q.add_argument("--suggest", action="store_true")
    p = sub.add_parser("partition")
    p.add_argument("--database", default="dancu_scale10m")
    p.add_argument("--source", default="dancu_scale_bench")
    p.add_argument("--factor", type=int, default=10)
    p.add_argument("--repeat", type=int, default=40)
    p.add_argument("--keep", action="store_true")
    m = sub.add_parser("multiply-letters")
    m.add_argument("--database", default="dancu_scale_bench")
    m.add_argument("--letters", type=int, default=1_000_000)
    args = parser.parse_args()
    {
        "generate": generate,
        "explain": explain,
        "queries": queries,
        "partition": partition,
        "multiply-letters": multiply_letters,
    }[args.command](args)


if __name__ == "__main__":
    main()
