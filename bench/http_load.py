"""Pages through a real HTTP server under load: gunicorn on 127.0.0.1, driven by wrk.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_letters_bench
    export REDIS_URL=redis://127.0.0.1:6379/9
    .venv/bin/python bench/http_load.py letters --workers 3 --seconds 20
    .venv/bin/python bench/http_load.py letters --workers 3 --seconds 20 --think 1

`letters` and `petitions` name a page mix (`bench/<module>/pages.py`: the user to sign in as and
the URLs, each tagged hot or cold). In one run, against the same server:

1. the baseline: 1 connection sending requests back to back;
2. `--connections` (20) concurrent connections, back to back (no think time) unless `--think S`
   makes each wait 0.5-1.5 x S seconds between requests, as a reading user does.

wrk (Debian package `wrk`) is written in C, so the load generator takes little of the CPU the
server and the database share on this machine (a Python client took a noticeable part of it).
Each request picks a random URL of the mix (Lua); wrk reports the latency distribution, from
which p50/p95/p99/max are printed. Every URL is first fetched once and must answer 200 with the
page (not a redirect to the sign-in page); any non-2xx/3xx response under load is counted.
"""

from __future__ import annotations

import argparse
import http.client
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

LUA = r"""
local paths = {}
local cookie = os.getenv("WRK_COOKIE")
local think = tonumber(os.getenv("WRK_THINK_MS") or "0")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], {["Cookie"] = cookie, ["Host"] = "127.0.0.1"})
end

if think > 0 then
  function delay()
    return math.random(math.floor(think * 0.5), math.floor(think * 1.5))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p95_us\": %d, \"p99_us\": %d, " ..
    "\"max_us\": %d, \"errors\": %d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def session_cookie(username: str) -> str:
    """A signed-in session for `username`, written where the server reads sessions."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.utils.module_loading import import_string

    user = get_user_model().objects.get(username=username)
    store = import_string(settings.SESSION_ENGINE + ".SessionStore")()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def fetch(port: int, path: str, cookie: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def wrk(port: int, cookie: str, url_file: Path, connections: int, seconds: float, think: float) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    env = {**os.environ, "WRK_COOKIE": cookie, "WRK_THINK_MS": str(int(think * 1000))}
    threads = max(1, min(2, connections))
    out = subprocess.run(  # noqa: S603
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{int(seconds)}s",
            "--timeout",
            "30s",
            "-s",
            script.name,
            f"http://127.0.0.1:{port}",
            "--",
            str(url_file),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    os.unlink(script.name)
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    r = json.loads(line[len("RESULT ") :])
    return {
        "requests": r["requests"],
        "req_per_s": round(r["requests"] / (r["duration_us"] / 1e6), 1),
        "p50_ms": round(r["p50_us"] / 1000, 1),
        "p95_ms": round(r["p95_us"] / 1000, 1),
        "p99_ms": round(r["p99_us"] / 1000, 1),
        "max_ms": round(r["max_us"] / 1000, 1),
        "errors": r["errors"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("module", choices=["letters", "petitions"])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="gthread threads per worker (1: sync workers)")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between a user's requests (s)")
    parser.add_argument("--port", type=int, default=8799)
    parser.add_argument("--only", choices=["hot", "cold"], help="run only one class of pages")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    pages = importlib.import_module(f"bench.{args.module}.pages")
    cookie = session_cookie(pages.USERNAME)
    mix = pages.urls()  # [(class, path)]
    if args.only:
        mix = [m for m in mix if m[0] == args.only]
    pages.reset_caches()

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as url_file:
        url_file.write("\n".join(path for _cls, path in mix) + "\n")
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
        for _ in range(150):
            try:
                fetch(args.port, "/", cookie)
                break
            except OSError:
                time.sleep(0.2)
        for _cls, path in mix[:: max(1, len(mix) // 50)]:  # every kind of page answers with the page
            status, body = fetch(args.port, path, cookie)
            if status != 200 or pages.MARKER not in body:
                sys.exit(f"{path}: HTTP {status}, not the expected page (signed out?)")
        wrk(args.port, cookie, Path(url_file.name), args.workers * max(1, args.threads), 5, 0)  # warm workers
        pages.reset_caches()  # the measured runs start with empty page caches
        print(
            f"{args.module}: {len(mix)} URLs ({sum(c == 'hot' for c, _ in mix)} hot); gunicorn "
            f"{args.workers} workers x {args.threads} threads; cache {settings.CACHES['default']['BACKEND']}"
        )
        for connections, think in ((1, 0.0), (args.connections, args.think)):
            r = wrk(args.port, cookie, Path(url_file.name), connections, args.seconds, think)
            label = f"{connections} connection(s), " + (f"think {think} s" if think else "back to back")
            print(f"{label:<34} {json.dumps(r)}")
    finally:
        server.terminate()
        server.wait(10)
        os.unlink(url_file.name)


if __name__ == "__main__":
    main()
