"""The intake duplicate check at 1,000,000 letters in PostgreSQL (issue 12, item 6), with COPY.

    createdb -h 127.0.0.1 -U postgres dancu_let_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_let_bench
    export DANCU_SEAL_KEY=bench-seal-key-not-a-secret-0123456789abcdef
    .venv/bin/python manage.py migrate -v0
    .venv/bin/python bench/letters_dup_scale.py generate 40000 --workers 2    # the pool
    .venv/bin/python bench/letters_dup_scale.py replicate 1000000             # copies, in SQL
    .venv/bin/python bench/letters_dup_scale.py measure --probes 300
    .venv/bin/python bench/letters_dup_scale.py measure --probes 300 --clients 10
    .venv/bin/python bench/letters_dup_scale.py explain

`generate` draws each letter as `bench/letters_dup_bench.py` does (the people, real Hà Tĩnh /
Nghệ An units, matter templates and variations of `bench/letters_dup_pairs.py`: names without
diacritics, capitals, initials, typos; phone formats; CMND or CCCD; old or merged units;
rewordings and dropped facts) but from 200,000 writers (common names shared by thousands,
about 5 letters each), seals the identity and computes the keyed hashes, the engine's profile
and its blocking keys in worker processes, and writes letters and keys with COPY (secondary
indexes and triggers off during the load, rebuilt after; then VACUUM ANALYZE). On a loaded
machine that runs at ~60 letters/s, so `replicate` fills up to N by copying the generated pool
in SQL as other writers (new phone and ID hashes; the same names, communes and matters: see
`replicate` and docs/performance-letters.md).

`measure` types in new letters (3 in 4 are variants of a registered writer's matter, 1 in 4
unrelated) and times `selectors.intake_duplicate_hints` (the page's intake check: probe,
candidates, comparisons) beside, in the same run and on the same letters, the exact-hash
check of the rule before issue 12 (`duplicates.candidate_filter`: one query on the name, ID,
phone, address hashes and target, no comparison) and a name-equality query. With `--clients
N`, N processes each type in `--probes` letters at once (each its own connection).
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

import letters_dup_bench as bench  # noqa: E402
import letters_dup_pairs as gen  # noqa: E402
from django.db import connection, models  # noqa: E402

from dancu.core.text import fold  # noqa: E402
from dancu.letters import crypto, duplicates, selectors  # noqa: E402
from dancu.letters.matching import blocking_keys, profile_of, units  # noqa: E402
from dancu.letters.models import Letter, LetterMatchKey, LetterRuleSet  # noqa: E402

WRITERS = 200_000
CHUNK = 5_000
_POP: tuple[list[dict], list[list[dict]]] | None = None


def population() -> tuple[list[dict], list[list[dict]]]:
    global _POP
    if _POP is None:
        gen.rng.seed(5)
        r = random.Random(11)  # noqa: S311 - bench data
        writers = [gen.new_person() for _ in range(WRITERS)]
        matters = [
            [gen.new_matter(r.randrange(len(gen.TEMPLATES)), p["place"], p["thon"]) for _ in range(r.randint(1, 2))]
            for p in writers
        ]
        _POP = (writers, matters)
    return _POP


def _text(value: object) -> str:
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    s = value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else str(value)
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _chunk(args: tuple[int, int, int, dict]) -> tuple[bytes, bytes, int]:
    """COPY text of the letters [start, stop) (ids first_id + i) and of their keys."""
    start, stop, first_id, ctx = args
    writers, matters = population()
    bench.rng.seed(100_000 + start)
    gen.rng.seed(200_000 + start)
    fields = Letter._meta.concrete_fields
    now = datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    letters, keys, nkeys = io.StringIO(), io.StringIO(), 0
    for i in range(start, stop):
        x = bench.sample_letter(writers, matters)
        identity = {k: x[k] for k in ("name", "id_number", "phone", "address") if x[k]}
        profile = profile_of(
            name=x["name"], id_number=x["id_number"], phone=x["phone"], address=x["address"],
            content=x["content"], target=x["target"], province_hint="Tỉnh Hà Tĩnh",
        )  # fmt: skip
        received = datetime.date.fromisoformat(x["received"])
        sealed = x["kind"] == "denunciation"
        letter = Letter(
            id=first_id + i,
            created_at=now,
            updated_at=now,
            province_id=ctx["province"],
            receiving_body_id=ctx["bodies"][i % 2],
            number=f"{received:%Y}/s{i + 1}",
            received_date=received,
            channel="post",
            kind=x["kind"],
            subject=x["content"][:80],
            content=x["content"],
            target=x["target"],
            content_folded=fold(x["content"]),
            target_key=fold(x["target"])[:300],
            sealed_identity=crypto.seal(identity) if identity else "",
            redacted_name="" if sealed else crypto.redact_name(x["name"]),
            seal_key=crypto.key_id(),
            match_profile=profile.stored(),
            identity_sealed=sealed,
            status="received",
            rule_set_id=ctx["rule_set"],
            deadlines={},
            **crypto.identity_hashes(
                name=x["name"], id_number=x["id_number"], phone=x["phone"], address=x["address"]
            ),
        )
        row = []
        for f in fields:
            value = getattr(letter, f.attname)
            if isinstance(f, models.JSONField):
                row.append(_text(json.dumps(value, ensure_ascii=False)))
            else:
                row.append(_text(value))
        letters.write("\t".join(row) + "\n")
        for k in blocking_keys(profile):
            keys.write(f"{first_id + i}\t{k}\n")
            nkeys += 1
    return letters.getvalue().encode(), keys.getvalue().encode(), nkeys


def _secondary_indexes(table: str) -> list[tuple[str, str]]:
    with connection.cursor() as c:
        c.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s AND NOT EXISTS ("
            " SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)",
            [table],
        )
        return c.fetchall()


def generate(n: int, workers: int) -> None:
    delegation, standing, _user = bench.setup()
    rule_set = LetterRuleSet.objects.order_by("-valid_from").first()
    ctx = {
        "province": delegation.province_id,
        "bodies": [delegation.pk, standing.pk],
        "rule_set": rule_set.pk if rule_set else None,
    }
    existing = Letter.objects.filter(province_id=delegation.province_id).count()
    first_id = (Letter.objects.order_by("-id").values_list("id", flat=True).first() or 0) + 1 - existing
    t0 = time.monotonic()
    population()
    units.gazetteer()  # built once, before the workers fork
    print(f"population of {WRITERS} writers: {time.monotonic() - t0:.0f} s", flush=True)
    tables = [Letter._meta.db_table, LetterMatchKey._meta.db_table]
    dropped = {t: _secondary_indexes(t) for t in tables}
    with connection.cursor() as c:
        for t in tables:
            for name, _def in dropped[t]:
                c.execute(f'DROP INDEX "{name}"')
            # the unique (letter, key) constraint is checked by construction (a set of keys)
            c.execute(f"ALTER TABLE {t} DISABLE TRIGGER ALL")
        c.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'u'",
            [tables[1]],
        )
        unique = c.fetchall()
        for name, _d in unique:
            c.execute(f'ALTER TABLE {tables[1]} DROP CONSTRAINT "{name}"')
    connection.commit() if not connection.get_autocommit() else None
    jobs = [(s, min(s + CHUNK, n), first_id, ctx) for s in range(existing, n, CHUNK)]
    total_keys = 0
    cols = ",".join(f'"{f.column}"' for f in Letter._meta.concrete_fields)
    raw = connection.connection
    done = existing
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for letters_txt, keys_txt, nkeys in pool.imap(_chunk, jobs):
            with raw.cursor() as c:
                with c.copy(f"COPY {tables[0]} ({cols}) FROM STDIN") as cp:
                    cp.write(letters_txt)
                with c.copy(f"COPY {tables[1]} (letter_id, key) FROM STDIN") as cp:
                    cp.write(keys_txt)
            raw.commit()
            total_keys += nkeys
            done += letters_txt.count(b"\n")
            if done % 50_000 < CHUNK:
                print(f"{done} letters, {total_keys} keys, {time.monotonic() - t0:.0f} s", flush=True)
    t1 = time.monotonic()
    with connection.cursor() as c:
        for t in tables:
            c.execute(f"ALTER TABLE {t} ENABLE TRIGGER ALL")
        for name, definition in unique:
            c.execute(f'ALTER TABLE {tables[1]} ADD CONSTRAINT "{name}" {definition}')
        for t in tables:
            for _name, definition in dropped[t]:
                c.execute(definition)
        c.execute(
            f"SELECT setval(pg_get_serial_sequence('{tables[0]}', 'id'), (SELECT max(id) FROM {tables[0]}))"
        )
        c.execute(
            f"SELECT setval(pg_get_serial_sequence('{tables[1]}', 'id'), (SELECT max(id) FROM {tables[1]}))"
        )
    print(f"indexes and constraints rebuilt: {time.monotonic() - t1:.0f} s", flush=True)
    connection.ensure_connection()
    raw = connection.connection
    raw.autocommit = True
    with raw.cursor() as c:
        for t in tables:
            c.execute(f"VACUUM ANALYZE {t}")
    print(f"done: {done} letters, {total_keys} keys, {time.monotonic() - t0:.0f} s")


def replicate(n: int, indexes: str, constraints: str, gin: bool = False) -> None:
    """Fill up to N letters by copying the letters already generated (the pool) in SQL, as
    other writers: each copy r of a letter gets new phone and ID hashes (in its profile and in
    its 'p'/'i' blocking keys: another person's phone and ID), and keeps the rest (the same
    name variants, commune, matter words: namesakes of one commune writing about the same kind
    of matter, which is what crowds the posting lists). Then rebuilds the secondary indexes and
    constraints (definitions read from a freshly migrated database: `indexes`, `constraints`
    files of `name|definition` lines) and runs VACUUM ANALYZE.

    Used because generating each letter in Python ran at ~60 letters/s on the shared machine
    (load average 13 on 2 cores): 1,000,000 would have taken 5 hours."""
    letter_t, key_t = Letter._meta.db_table, LetterMatchKey._meta.db_table
    t0 = time.monotonic()
    with connection.cursor() as c:
        c.execute(f"SELECT count(*), max(id) FROM {letter_t}")
        pool, top = c.fetchone()
        c.execute(f"SELECT min(id) FROM {letter_t}")
        low = c.fetchone()[0]
        cols = [f.column for f in Letter._meta.concrete_fields if f.column not in ("id", "number", "match_profile")]
        copies = -(-(n - pool) // pool)
        print(f"pool {pool} letters (ids {low}-{top}), {copies} copies", flush=True)
        for r in range(1, copies + 1):
            offset = r * (top - low + 1)
            limit = min(pool, n - pool * r)
            if limit <= 0:
                break
            select_cols = ", ".join(f'"{c_}"' for c_ in cols)
            c.execute(
                f"INSERT INTO {letter_t} (id, number, match_profile, {select_cols}) "  # noqa: S608
                f"SELECT id + %s, number || '/r{r}', "
                " match_profile || jsonb_build_object("
                "   'phone', CASE WHEN match_profile->>'phone' <> '' "
                "     THEN substr(md5((match_profile->>'phone') || %s), 1, 16) ELSE '' END,"
                "   'id_number', CASE WHEN match_profile->>'id_number' <> '' "
                "     THEN substr(md5((match_profile->>'id_number') || %s), 1, 16) ELSE '' END), "
                f" {select_cols} FROM {letter_t} WHERE id BETWEEN %s AND %s ORDER BY id LIMIT %s",
                [offset, str(r), str(r), low, top, limit],
            )
            c.execute(
                f"INSERT INTO {key_t} (letter_id, key) "  # noqa: S608
                "SELECT letter_id + %s, CASE WHEN left(key, 1) IN ('p', 'i') "
                "  THEN left(key, 1) || substr(md5(substr(key, 2) || %s), 1, 16) ELSE key END "
                f"FROM {key_t} WHERE letter_id BETWEEN %s AND %s AND letter_id < %s",
                [offset, str(r), low, top, low + limit],
            )
            print(f"copy {r}: {pool * (r + 1)} letters, {time.monotonic() - t0:.0f} s", flush=True)
    t1 = time.monotonic()
    existing_idx = {name for name, _d in _secondary_indexes(letter_t) + _secondary_indexes(key_t)}
    with connection.cursor() as c:
        c.execute("SET maintenance_work_mem = '1GB'")
        for t in (letter_t, key_t):
            c.execute(f"ALTER TABLE {t} ENABLE TRIGGER ALL")
        c.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid IN (%s::regclass, %s::regclass)", [letter_t, key_t]
        )
        have = {row[0] for row in c.fetchall()}
        for line in Path(constraints).read_text().splitlines():
            table, name, definition = line.split("|", 2)
            if name not in have and definition.startswith("UNIQUE"):
                c.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
                have.add(name)
        for line in Path(indexes).read_text().splitlines():
            name, definition = line.split("|", 1)
            # The register's GIN indexes (full text, trigrams) are not used by the duplicate
            # check's queries and take the longest to build: left out (--gin to build them).
            if "USING gin" in definition and not gin:
                continue
            if name not in existing_idx and name not in have and "_pkey" not in name:
                c.execute(definition)
                print(f"  {name}: {time.monotonic() - t1:.0f} s", flush=True)
        for t in (letter_t, key_t):
            c.execute(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT max(id) FROM {t}))")
    print(f"indexes and constraints rebuilt: {time.monotonic() - t1:.0f} s", flush=True)
    raw = connection.connection
    raw.autocommit = True
    with raw.cursor() as c:
        for t in (letter_t, key_t):
            c.execute(f"VACUUM ANALYZE {t}")
    with connection.cursor() as c:
        c.execute(f"SELECT count(*) FROM {letter_t}")
        count = c.fetchone()[0]
        c.execute(f"SELECT count(*) FROM {key_t}")
        keys = c.fetchone()[0]
    print(f"done: {count} letters, {keys} keys, {time.monotonic() - t0:.0f} s")


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


def _typed(probes: int, seed: int) -> list[dict]:
    writers, matters = population()
    gen.rng.seed(seed)
    bench.rng.seed(seed)
    out = []
    for i in range(probes):
        if i % 4:
            out.append(bench.sample_letter(writers, matters))
        else:
            p = gen.new_person()
            out.append(gen.letter(p, gen.new_matter(bench.rng.randrange(len(gen.TEMPLATES)), p["place"], p["thon"]),
                                  received=gen.day()))  # fmt: skip
    return out


def _run(args: tuple[int, int]) -> dict[str, list[float] | int]:
    probes, seed = args
    connection.close()  # a process of its own: its own connection
    delegation, _standing, user = bench.setup()
    typed = _typed(probes, seed)
    selectors.intake_duplicate_hints(user, receiving_body=delegation, name="Nguyễn Văn A", phone="0912000000")
    scope = Letter.objects.filter(province_id=delegation.province_id)
    ours: list[float] = []
    old: list[float] = []
    by_name: list[float] = []
    found = 0
    for x in typed:
        fields = {k: x[k] for k in ("name", "id_number", "phone", "address", "content", "target")}
        t = time.perf_counter()
        hints = selectors.intake_duplicate_hints(user, receiving_body=delegation, subject="", **fields)
        ours.append(time.perf_counter() - t)
        found += bool(hints)
        t = time.perf_counter()
        hashes = crypto.identity_hashes(
            name=x["name"], id_number=x["id_number"], phone=x["phone"], address=x["address"]
        )
        probe = duplicates.Signals(**hashes, target_key=fold(x["target"])[:300], content_folded=fold(x["content"]))
        list(scope.filter(duplicates.candidate_filter(probe)).order_by("-received_date", "-id")[:100])
        old.append(time.perf_counter() - t)
        t = time.perf_counter()
        list(scope.filter(name_hash=hashes["name_hash"]).exclude(name_hash="")[:20])
        by_name.append(time.perf_counter() - t)
    return {"ours": ours, "old": old, "name": by_name, "found": found}


def measure(probes: int, clients: int) -> None:
    count = Letter.objects.count()
    keys = LetterMatchKey.objects.count()
    t0 = time.monotonic()
    if clients <= 1:
        results = [_run((probes, 77))]
    else:
        population()  # built once, shared by the forked clients
        with multiprocessing.get_context("fork").Pool(clients) as pool:
            results = pool.map(_run, [(probes, 77 + c) for c in range(clients)])
    wall = time.monotonic() - t0
    merged: dict[str, list[float]] = {"ours": [], "old": [], "name": []}
    for r in results:
        for k in merged:
            merged[k] += r[k]  # type: ignore[arg-type]
    n = len(merged["ours"])
    print(
        f"letters: {count}, keys: {keys}; clients: {clients}; {n} letters typed in, "
        f"{sum(int(r['found']) for r in results)} with hints; {wall:.0f} s; load {os.getloadavg()}"
    )
    for label, k in (
        ("intake check (engine: probe, candidates, comparisons)", "ours"),
        ("baseline: exact-hash check of the rule before issue 12 (one query, no comparison)", "old"),
        ("baseline: name-equality query", "name"),
    ):
        v = merged[k]
        print(f"{label}: p50 {pct(v, 0.5):.1f} ms, p95 {pct(v, 0.95):.1f} ms, p99 {pct(v, 0.99):.1f} ms")


def explain() -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of every query of one intake check (a variant of a
    registered writer's letter)."""
    from django.test.utils import CaptureQueriesContext

    delegation, _standing, user = bench.setup()
    x = _typed(8, 5)[1]
    fields = {k: x[k] for k in ("name", "id_number", "phone", "address", "content", "target")}
    selectors.intake_duplicate_hints(user, receiving_body=delegation, **fields)  # warm
    with CaptureQueriesContext(connection) as queries:
        hints = selectors.intake_duplicate_hints(user, receiving_body=delegation, **fields)
    print(f"{len(queries.captured_queries)} queries, {len(hints)} hints")
    with connection.cursor() as c:
        for q in queries.captured_queries:
            print("\n--", q["time"], "s:", q["sql"][:300])
            if q["sql"].lstrip().upper().startswith("SELECT"):
                c.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
                print("\n".join(r[0] for r in c.fetchall()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["generate", "replicate", "measure", "explain"])
    parser.add_argument("--indexes", default="/tmp/let_idx.txt")
    parser.add_argument("--constraints", default="/tmp/let_con.txt")
    parser.add_argument("--gin", action="store_true")
    parser.add_argument("n", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--probes", type=int, default=300)
    parser.add_argument("--clients", type=int, default=1)
    a = parser.parse_args()
    if a.what == "generate":
        generate(a.n, a.workers)
    elif a.what == "replicate":
        replicate(a.n, a.indexes, a.constraints, a.gin)
    elif a.what == "measure":
        measure(a.probes, a.clients)
    else:
        explain()
