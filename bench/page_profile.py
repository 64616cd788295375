"""Where a page's time goes, in process: the same URLs `bench/http_load.py` sends, through the
whole middleware stack with a real session cookie, one after the other, cache as the
environment sets it (run with `DANCU_CACHE=off` for the cold figures).

For each module: hello world of the same stack (`/suc-khoe/`) and `--pages` cold URLs; per page
the p50 / p95 wall time, the number of SQL statements, the time spent waiting on the database
(an execute wrapper around every statement) and so the Python time; `--profile N` adds a
cProfile of the cold pages, top N functions by own time.

    DANCU_CACHE=off DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_scale_bench \
        .venv/bin/python bench/page_profile.py petitions letters --pages 300

Run it on a quiet machine: it measures one process on one core.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ.setdefault("DEBUG", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from http_load import add_carried_count_option, carry_counts, session_cookie  # noqa: E402

PAGES = {"petitions": "petitions.pages", "letters": "letters.pages"}


class Timer:
    """Counts statements and the wall time spent inside them."""

    def __init__(self) -> None:
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def measure(client: Client, paths: list[str], profile: cProfile.Profile | None = None) -> dict:
    walls, dbs, counts = [], [], []
    for path in paths:
        timer = Timer()
        with connection.execute_wrapper(timer):
            if profile:
                profile.enable()
            start = time.perf_counter()
            response = client.get(path)
            wall = time.perf_counter() - start
            if profile:
                profile.disable()
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        walls.append(wall * 1000)
        dbs.append(timer.seconds * 1000)
        counts.append(timer.count)
    walls.sort()
    return {
        "pages": len(paths),
        "p50_ms": round(statistics.median(walls), 2),
        "p95_ms": round(walls[int(len(walls) * 0.95) - 1], 2),
        "db_ms_p50": round(statistics.median(dbs), 2),
        "python_ms_p50": round(statistics.median(w - d for w, d in zip(walls, dbs, strict=True)), 2),
        "statements": round(statistics.mean(counts), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="+", choices=sorted(PAGES))
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--profile", type=int, default=0, help="top N functions by own time")
    add_carried_count_option(parser)
    args = parser.parse_args()
    for name in args.modules:
        pages = importlib.import_module(PAGES[name])
        cookie = session_cookie(pages.USERNAME).split("=", 1)
        client = Client(HTTP_HOST="127.0.0.1")
        client.cookies[cookie[0]] = cookie[1]
        cold = [u for kind, u in pages.urls(args.pages) if kind == "cold"][: args.pages]
        if args.carried_count:
            cold, _carried = carry_counts(lambda path, c=client: c.get(path).content, cold)
        measure(client, ["/suc-khoe/"] * 20 + cold[:10])  # warm: imports, caches of reverse()
        hello = measure(client, ["/suc-khoe/"] * args.pages)
        profile = cProfile.Profile() if args.profile else None
        page = measure(client, cold, profile)
        print(f"{name}: hello {hello}")
        print(f"{name}: cold  {page}  (÷ hello p50: {page['p50_ms'] / hello['p50_ms']:.2f})")
        if profile:
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.profile)
            print(out.getvalue())


if __name__ == "__main__":
    main()
