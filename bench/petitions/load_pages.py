"""Petition list and filter pages through a real HTTP server, 1 user then N concurrent users.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_petitions_bench
    pip install --target /tmp/pet_gunicorn gunicorn==23.0.0      # outside the project venv
    DEBUG=0 PYTHONPATH=/tmp/pet_gunicorn .venv/bin/python -m gunicorn config.wsgi \
        -w 4 -b 127.0.0.1:8765 &
    .venv/bin/python bench/petitions/load_pages.py --base http://127.0.0.1:8765 --users 20 --seconds 30

Signs in as the demo province's office admin (a session made directly in the database), then
cycles through the list page, its filters (field, status + level, round, text search) and deep
pages. Reports p50/p95 of each phase: single user (the baseline), then N threads for a bounded
time, each waiting `--think` seconds (0.5-1.5x) between pages (0 = back-to-back requests, a
stress test). Every response must be 200.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()


def session_cookie(username: str) -> str:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from dancu.accounts.models import User

    user = User.objects.get(username=username)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def paths() -> list[str]:
    from dancu.directory.models import AdministrativeUnit
    from dancu.petitions.models import Round

    province = AdministrativeUnit.objects.get(key="p2025:42")
    rounds = list(
        Round.objects.filter(province=province).order_by("-start_date").values_list("pk", flat=True)
    )
    base = "/kien-nghi/kien-nghi/"
    return [
        base,
        base + "?field=giao_thong_xay_dung",
        base + "?status=closed&level=province",
        base + f"?round={rounds[0]}",
        base + f"?round={rounds[3]}&field=dat_dai",
        base + "?q=quoc+lo",
        base + "?q=nuoc+sach&status=forwarded",
        base + "?page=200",
        base + "?field=y_te&page=20",
    ]


def fetch(url: str, cookie: str) -> float:
    req = urllib.request.Request(url, headers={"Cookie": cookie})
    t = time.perf_counter()
    with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310 - local server
        resp.read()
        if resp.status != 200 or "/dang-nhap" in resp.url:
            raise RuntimeError(f"{url}: {resp.status} {resp.url}")
    return (time.perf_counter() - t) * 1000


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8765")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--user", default="vanphong")
    parser.add_argument("--think", type=float, default=0.0, help="seconds a user waits between pages")
    args = parser.parse_args()
    cookie = session_cookie(args.user)
    urls = [args.base + p for p in paths()]
    for u in urls:  # warm-up, and check each page answers
        fetch(u, cookie)
    single = [fetch(u, cookie) for _ in range(3) for u in urls]
    per_url = {
        u.split("/kien-nghi/kien-nghi/")[1] or "(list)": round(
            pct([fetch(u, cookie) for _ in range(3)], 50), 1
        )
        for u in urls
    }
    results: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.perf_counter() + args.seconds

    def worker(offset: int) -> None:
        i = offset
        while time.perf_counter() < stop:
            try:
                ms = fetch(urls[i % len(urls)], cookie)
                with lock:
                    results.append(ms)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(str(exc)[:200])
            i += 1
            if args.think:
                time.sleep(args.think * (0.5 + (i * 7919 % 100) / 100))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.users)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "single_user": {
                    "requests": len(single),
                    "p50_ms": round(pct(single, 50), 1),
                    "p95_ms": round(pct(single, 95), 1),
                },
                "single_user_p50_per_page_ms": per_url,
                f"{args.users}_users_think_{args.think}s": {
                    "requests": len(results),
                    "errors": len(errors),
                    "seconds": round(took, 1),
                    "req_per_s": round(len(results) / took, 1),
                    "p50_ms": round(pct(results, 50), 1) if results else None,
                    "p95_ms": round(pct(results, 95), 1) if results else None,
                },
                "first_errors": errors[:3],
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
