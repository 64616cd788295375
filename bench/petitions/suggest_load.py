"""Suggestions for a new opinion through a real HTTP server under load, page cache OFF (issue 17).

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_petspeed_bench
    .venv/bin/python manage.py petitions_suggest_index --province <id of p2025:42>   # once
    .venv/bin/python bench/petitions/suggest_load.py --workers 3 --seconds 20

One gunicorn (`--workers`, sync, DEBUG off, `DANCU_CACHE=off`: Django's DummyCache, no page
cache at all), driven by wrk (the Lua of `bench/http_load.py`), signed in as `vanphong` (the
office admin of the demo province: 40,004 visible petitions of the 1,000,000). In one run:

0. hello world of the same stack: `/suc-khoe/` (gunicorn, Django, the middleware, a database
   ping), 20 connections: the ceiling;
1. suggestions, 1 connection back to back;
2. suggestions, `--connections` (20) connections back to back.

Every suggestion URL is `/kien-nghi/kien-nghi/goi-y/?text=<a distinct new opinion>` (variants of
held-out opinions, none repeated within a phase: `cold_repeated` says if one was), the htmx
request the opinion form sends while a specialist types. Before the phases each worker answers a
few suggestions of other texts (not measured): that is where a worker loads the persisted index
of the province; the cost of that load is measured here separately (`index_load_s`), and the
build (`manage.py petitions_suggest_index`, run once per province version, off the request
path) is timed by that command. `--path prefilter` moves the index file aside for the run and
measures the database pre-filter path instead (the fallback when no file exists).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from generate_opinions import variant  # noqa: E402

from bench import http_load  # noqa: E402  (sets up Django, DEBUG off)

URL = "/kien-nghi/kien-nghi/goi-y/"
USERNAME = "vanphong"


def texts(n: int, seed: int = 11) -> list[str]:
    """`n` distinct new opinions: variants of the held-out opinions (never in the database's
    source texts)."""
    base = [
        json.loads(x)["text"]
        for x in (ROOT / "dancu/petitions/tests/data/heldout.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    rng = random.Random(seed)  # noqa: S311
    out: dict[str, None] = {}
    while len(out) < n:
        t = variant(rng.choice(base), rng)
        if t in out:
            t = f"{t} (lần {rng.randint(2, 99)})"
        out[t] = None
    return list(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--port", type=int, default=8797)
    parser.add_argument("--queries", type=int, default=6000, help="distinct opinions per phase pool")
    parser.add_argument("--path", choices=["index", "prefilter"], default="index")
    args = parser.parse_args()

    from django.db import connection

    from dancu.accounts.models import User
    from dancu.core.access import get_access
    from dancu.petitions import engine, selectors

    user = User.objects.get(username=USERNAME)
    provinces = sorted(get_access(user).provinces_by_perm.get(selectors.VIEW, set()) or [])
    visible = selectors.petitions_visible(user).count()
    files = {p: selectors.suggest_index_file(p) for p in provinces}
    moved: dict[int, Path] = {}
    if args.path == "prefilter":
        for p, f in files.items():
            if f.exists():
                moved[p] = f.with_suffix(".aside")
                f.rename(moved[p])
    index_info = {}
    for p, f in files.items():
        if f.exists():
            t = time.perf_counter()
            index = engine.SuggestIndex.load(f)
            index_info[p] = {
                "rows": len(index.ids) if index else None,
                "file_mb": round(f.stat().st_size / 2**20, 1),
                "index_load_s": round(time.perf_counter() - t, 2),
                "meta": index.meta if index else None,
            }
            del index
    pool = texts(args.queries * 3 + 3 * args.workers * 4)
    warm, pool = pool[: args.workers * 4], pool[args.workers * 4 :]
    phase_pools = [pool[k :: 3] for k in range(3)]
    cookie = http_load.session_cookie(USERNAME)
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost", "DANCU_CACHE": "off"}
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--log-level",
        "warning",
        # A worker importing Django on a machine this loaded can pass gunicorn's 30 s default and
        # be killed before answering; the timeout does not change any request's latency.
        "--timeout",
        "300",
    ]
    server = subprocess.Popen(cmd, cwd=ROOT, env=env)  # noqa: S603
    tmp: list[Path] = []

    def url_file(paths: list[str]) -> Path:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("\n".join(paths) + ("\n" if paths else ""))
        tmp.append(Path(f.name))
        return tmp[-1]

    def q(text: str) -> str:
        return f"{URL}?{urllib.parse.urlencode({'text': text})}"

    try:
        http_load.wait_until_up(args.port, cookie, tries=150)
        empty = url_file([])
        health = url_file(["/suc-khoe/"])
        # Warm-up (not measured): imports, connections, and each worker's first suggestion, which
        # loads the province's index file (its cost is index_load_s above).
        http_load.wrk(args.port, cookie, (health, empty), args.workers, 5, 0, 1.0)
        t = time.perf_counter()
        found = 0
        for text in warm:
            status, body = http_load.fetch(args.port, q(text), cookie)
            if status != 200:
                sys.exit(f"suggestion answered HTTP {status}")
            found += b"<li>" in body
        # Sequential requests may all reach one worker (each sync worker takes the next
        # connection when it is free), and a worker that never answered a suggestion loads the
        # index on its first measured one (2-4 s here): the 4 December run's 1-connection p95
        # was such loads. Concurrent requests, more connections than workers, reach every one.
        http_load.wrk(args.port, cookie, (url_file([q(text) for text in warm]), empty), 2 * args.workers, 10, 0, 1.0)
        warm_s = time.perf_counter() - t
        print(
            json.dumps(
                {
                    "database": connection.settings_dict["NAME"],
                    "petitions_visible_to_user": visible,
                    "path": args.path,
                    "persisted_index": index_info,
                    "gunicorn_workers": args.workers,
                    "cache": "off (DANCU_CACHE=off)",
                    "warmup_requests": len(warm),
                    "warmup_s": round(warm_s, 1),
                    "warmup_with_suggestions": found,
                    "cpus": os.cpu_count(),
                },
                ensure_ascii=False,
            )
        )
        phases = [
            ("hello (/suc-khoe/), 20 conn.", (health, empty), args.connections, 1.0),
            ("suggestions, 1 connection", (empty, url_file([q(t) for t in phase_pools[1]])), 1, 0.0),
            (
                f"suggestions, {args.connections} connections",
                (empty, url_file([q(t) for t in phase_pools[2]])),
                args.connections,
                0.0,
            ),
        ]
        for label, phase_files, connections, share in phases:
            before = http_load.machine_state()
            r = http_load.wrk(args.port, cookie, phase_files, connections, args.seconds, 0.0, share)
            r.pop("rendered_share", None)  # list-page header; not meaningful here (no cache at all)
            print(f"{label:<32} {json.dumps(r)}")
            print(f"{'':<32} before: {before}; after: {http_load.machine_state()}")
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        for f in tmp:
            f.unlink(missing_ok=True)
        for p, aside in moved.items():
            aside.rename(files[p])


if __name__ == "__main__":
    main()
