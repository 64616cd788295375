"""Register pages through a real HTTP server: gunicorn on 127.0.0.1, N concurrent clients.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_letters_bench REDIS_URL=redis://127.0.0.1:6379/9 \\
        .venv/bin/python bench/letters/load_http.py --workers 4 --seconds 30

Starts gunicorn (config.wsgi, DEBUG off, the given workers/threads) with the same environment,
signs in the bench specialist (a session row; the cookie is sent by every client), then runs
the same request mix twice in one run: 1 client (the baseline), then 20 concurrent clients,
each sending requests back to back (no think time) for a bounded time. The mix:

- "hot": first page, next page, kind filter, status filter, page 40 (keyset cursor), search
  "xa so 17" - pages many staff open, served from the rows cache after the first request;
- "cold": a page at a random depth (one of 400 cursors) and a search for a random commune
  number ("xa so 4711") - mostly cache misses, i.e. real queries and rendering.

Prints p50/p95/max per class and overall. Without REDIS_URL each worker has its own
in-process cache (fewer hits).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from dancu.accounts.models import User  # noqa: E402
from dancu.letters.models import Letter  # noqa: E402
from dancu.letters.paging import bump_version, make_cursor  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] * 1000 if values else 0.0


def build_mix() -> tuple[list[str], list[str]]:
    order = Letter.objects.filter(province__code__isnull=False).order_by("-received_date", "-id")
    head = list(order.only("id", "received_date")[:1001])
    hot = [
        "/don-thu/",
        f"/don-thu/?after={make_cursor(head[24])}",
        "/don-thu/?kind=complaint",
        "/don-thu/?status=forwarded",
        f"/don-thu/?after={make_cursor(head[974])}",  # page 40
        "/don-thu/?q=xa+so+17",
    ]
    rng = random.Random(7)  # noqa: S311
    max_id = Letter.objects.order_by("-id").values_list("id", flat=True).first() or 1
    ids = [rng.randrange(1, max_id) for _ in range(400)]
    cursors = [make_cursor(x) for x in Letter.objects.filter(pk__in=ids).only("id", "received_date")]
    cold = [f"/don-thu/?after={c}" for c in cursors] + [
        f"/don-thu/?q=xa+so+{rng.randrange(1, 10000)}" for _ in range(400)
    ]
    return hot, cold


def run(
    port: int, cookie: str, clients: int, seconds: float, hot: list[str], cold: list[str], think: float = 0.0
) -> dict:
    results: dict[str, list[float]] = {"hot": [], "cold": []}
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)  # noqa: S311
        local: dict[str, list[float]] = {"hot": [], "cold": []}
        while time.monotonic() < stop:
            kind = "hot" if rng.random() < 0.6 else "cold"
            url = rng.choice(hot if kind == "hot" else cold)
            t = time.perf_counter()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", url, headers={"Cookie": cookie, "Host": "127.0.0.1"})
            response = conn.getresponse()
            body = response.read()
            conn.close()
            local[kind].append(time.perf_counter() - t)
            if think:
                time.sleep(rng.uniform(0.5 * think, 1.5 * think))
            if response.status != 200 or b"<table" not in body:
                with lock:
                    errors.append(f"{url} {response.status}")
        with lock:
            for k, v in local.items():
                results[k].extend(v)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    results["all"] = results["hot"] + results["cold"]
    results["errors"] = errors  # type: ignore[assignment]
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1, help="gthread threads per worker (1: sync)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between a user's requests (s)")
    args = parser.parse_args()

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    client.force_login(User.objects.get(username="bench.chuyenvien"))
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    hot, cold = build_mix()
    bump_version()  # start with an empty rows/count cache

    cmd = [
        str(ROOT / ".venv/bin/gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--log-level",
        "warning",
    ]
    if args.threads > 1:
        cmd += ["--worker-class", "gthread", "--threads", str(args.threads)]
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    server = subprocess.Popen(cmd, cwd=ROOT, env=env)  # noqa: S603
    try:
        for _i in range(100):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=2)
                conn.request("GET", "/don-thu/", headers={"Cookie": cookie})
                conn.getresponse().read()
                break
            except OSError:
                time.sleep(0.2)
        # warm every worker (imports, template loading, connections)
        run(args.port, cookie, args.workers * args.threads, 5, hot, cold)
        print(
            f"gunicorn {args.workers} workers x {args.threads} threads; cache {settings.CACHES['default']['BACKEND']}"
        )
        for clients in (1, args.clients):
            r = run(args.port, cookie, clients, args.seconds, hot, cold, args.think)
            n = len(r["all"])
            print(
                f"{clients:>2} client(s): {n} requests in {args.seconds:.0f} s ({n / args.seconds:.0f}/s), "
                f"errors {len(r['errors'])}"
            )
            for k in ("hot", "cold", "all"):
                print(
                    f"   {k:<4} n={len(r[k]):>5}  p50 {pct(r[k], 0.5):6.0f} ms  p95 {pct(r[k], 0.95):6.0f} ms"
                    f"  max {pct(r[k], 1.0):6.0f} ms"
                )
            if r["errors"]:
                print("   first errors:", r["errors"][:3])
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
