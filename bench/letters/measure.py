"""Latency of duplicate proposals and of register pages on the generated database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_letters_bench .venv/bin/python bench/letters/measure.py

Duplicate proposals: `selectors.duplicate_proposals` for 200 random letters, sequentially;
baseline in the same run: the plain name-equality query (first 20 letters with the same name hash).
Register pages: 20 threads, each with its own database connection and signed-in Django test
client, requesting register pages (first pages, filters, later pages) for 20 s; baseline: the
same requests from 1 thread; then 20 processes (like server workers). The client runs the whole Django stack (middleware, session,
selectors, templates) but no HTTP server.
"""

from __future__ import annotations

import os
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from dancu.accounts.models import User  # noqa: E402
from dancu.letters import selectors  # noqa: E402
from dancu.letters.models import Letter  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]
rng = random.Random(11)  # noqa: S311


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000


def duplicates_bench(user: User) -> None:
    max_id = Letter.objects.order_by("-id").values_list("id", flat=True).first() or 0
    ids = [rng.randrange(1, max_id + 1) for _ in range(200)]
    letters = list(Letter.objects.filter(pk__in=ids))
    ours, base = [], []
    for letter in letters:
        t = time.perf_counter()
        found = selectors.duplicate_proposals(user, letter)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        list(
            Letter.objects.filter(province_id=letter.province_id, name_hash=letter.name_hash).exclude(
                pk=letter.pk
            )[:20]
        )
        base.append(time.perf_counter() - t)
    print(f"letters: {Letter.objects.count()}")
    print(
        f"duplicate proposals ({len(ours)} letters): p50 {pct(ours, 0.5):.1f} ms, p95 {pct(ours, 0.95):.1f} ms; last found {len(found)}"
    )
    print(f"baseline name-equality query: p50 {pct(base, 0.5):.1f} ms, p95 {pct(base, 0.95):.1f} ms")


URLS = [
    "/don-thu/",
    "/don-thu/?page=2",
    "/don-thu/?kind=complaint",
    "/don-thu/?status=forwarded",
    "/don-thu/?page=40",
    "/don-thu/?q=xa+so+17",
]


def register_bench(user: User, threads: int, seconds: float) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker() -> None:
        client = Client()
        client.force_login(user)
        local = []
        while time.monotonic() < stop:
            url = rng.choice(URLS)
            t = time.perf_counter()
            response = client.get(url)
            local.append(time.perf_counter() - t)
            assert response.status_code == 200, (url, response.status_code)
        with lock:
            times.extend(local)
        connection.close()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join()
    return times


def _process_worker(args: tuple[int, float]) -> list[float]:
    user_id, seconds = args
    connection.close()  # a fresh connection in the child process
    return register_bench(User.objects.get(pk=user_id), 1, seconds)


def main() -> None:
    user = User.objects.get(username="bench.chuyenvien")
    duplicates_bench(user)
    for threads in (1, 20):
        times = register_bench(user, threads, 20)
        print(
            f"register pages, {threads} concurrent users (threads): {len(times)} requests, "
            f"p50 {pct(times, 0.5):.0f} ms, p95 {pct(times, 0.95):.0f} ms"
        )
    # 20 users as 20 processes (like 20 server workers): no shared GIL, but 2 cores.
    import multiprocessing

    connection.close()
    with multiprocessing.get_context("fork").Pool(20) as pool:
        results = pool.map(_process_worker, [(user.pk, 20.0)] * 20)
    times = [t for r in results for t in r]
    print(
        f"register pages, 20 concurrent users (processes): {len(times)} requests, "
        f"p50 {pct(times, 0.5):.0f} ms, p95 {pct(times, 0.95):.0f} ms"
    )


if __name__ == "__main__":
    main()
