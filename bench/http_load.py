"""Pages through a real HTTP server under load: gunicorn on 127.0.0.1, driven by wrk.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_letters_bench
    export REDIS_URL=redis://127.0.0.1:6379/9
    .venv/bin/python bench/http_load.py letters --workers 3 --seconds 20
    .venv/bin/python bench/http_load.py letters --workers 3 --seconds 20 --think 1

`letters` and `petitions` name a page mix (`bench/<module>/pages.py`: the user to sign in as and
the URLs, each tagged hot or cold). In one run, against the same server:

0. hello world of the same stack: `/suc-khoe/` (gunicorn, Django, the middleware, one database
   ping) with 20 connections: the ceiling the pages' throughput is compared with;
1. the baseline: 1 connection sending requests back to back;
2. `--connections` (20) concurrent connections, back to back (no think time) unless `--think S`
   makes each wait 0.5-1.5 x S seconds between requests, as a reading user does.

Honest about the cache (issue 17): the page caches are cleared before EVERY phase; cold URLs are
`--cold` (20,000) distinct URLs taken in order, so none repeats within a phase (`cold_repeated`
counts any that did); each response's `Server-Timing` says whether its rows were rendered or
came from the cache, and `rendered_share` reports it; `--cache off` runs the same mix with no
cache at all. Each phase prints the load average and the busiest processes before and after it.
`--cache on` needs REDIS_URL (the workers must share the cache this script clears).

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
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ["DEBUG"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

LUA = r"""
-- Hot URLs are picked at random (a specialist's usual pages); cold URLs are taken in order, each
-- thread its own stride, so a cold URL is requested once per phase (counted if the pool runs out).
local hot, cold = {}, {}
local cookie = os.getenv("WRK_COOKIE")
local think = tonumber(os.getenv("WRK_THINK_MS") or "0")
local hot_share = tonumber(os.getenv("WRK_HOT_SHARE") or "0.6")
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do hot[#hot + 1] = line end
  for line in io.lines(args[2]) do cold[#cold + 1] = line end
  nthreads = tonumber(args[3])
  math.randomseed(os.time() * 1000 + id)
  next_cold = id - 1
  rendered, cached, cold_sent, cold_wrapped = 0, 0, 0, 0
end

function request()
  if #cold == 0 or (#hot > 0 and math.random() < hot_share) then
    return wrk.format("GET", hot[math.random(#hot)], {["Cookie"] = cookie, ["Host"] = "127.0.0.1"})
  end
  local i = next_cold % #cold + 1
  if next_cold >= #cold then cold_wrapped = cold_wrapped + 1 end
  next_cold = next_cold + nthreads
  cold_sent = cold_sent + 1
  return wrk.format("GET", cold[i], {["Cookie"] = cookie, ["Host"] = "127.0.0.1"})
end

function response(status, headers, body)
  local timing = headers["Server-Timing"] or headers["server-timing"] or ""
  if string.find(timing, "rendered", 1, true) then rendered = rendered + 1
  elseif string.find(timing, "cached", 1, true) then cached = cached + 1 end
end

if think > 0 then
  function delay()
    return math.random(math.floor(think * 0.5), math.floor(think * 1.5))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local r, c, s, w = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    r = r + t:get("rendered"); c = c + t:get("cached"); s = s + t:get("cold_sent"); w = w + t:get("cold_wrapped")
  end
  io.write(string.format(
    "RESULT {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p95_us\": %d, \"p99_us\": %d, " ..
    "\"max_us\": %d, \"errors\": %d, \"rendered\": %d, \"cached\": %d, \"cold_sent\": %d, \"cold_repeated\": %d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect + e.read + e.write + e.status + e.timeout, r, c, s, w))
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


def wait_until_up(port: int, cookie: str, tries: int = 600) -> None:
    """Until the server on `port` answers its health page (0.2 s between tries)."""
    for _ in range(tries):
        try:
            fetch(port, "/suc-khoe/", cookie)
            return
        except OSError:
            time.sleep(0.2)


def wrk(
    port: int,
    cookie: str,
    files: tuple[Path, Path],
    connections: int,
    seconds: float,
    think: float,
    hot_share: float = 0.6,
) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    env = {
        **os.environ,
        "WRK_COOKIE": cookie,
        "WRK_THINK_MS": str(int(think * 1000)),
        "WRK_HOT_SHARE": str(hot_share),
    }
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
            str(files[0]),
            str(files[1]),
            str(threads),
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
        # Of the list pages answered, the share whose rows were rendered (not from the cache).
        "rendered_share": round(r["rendered"] / max(1, r["rendered"] + r["cached"]), 2),
        "cold_sent": r["cold_sent"],
        "cold_repeated": r["cold_repeated"],
    }


def machine_state() -> str:
    """Load average and the busiest other processes: what else ran during a phase."""
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    top = subprocess.run(  # noqa: S603
        ["ps", "-eo", "pcpu,comm", "--sort=-pcpu", "--no-headers"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.splitlines()[:4]
    return f"load {load}; top: " + ", ".join(" ".join(line.split()) for line in top)


def add_carried_count_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-carried-count",
        dest="carried_count",
        action="store_false",
        help="cursor URLs without the count their pager link carries (a deep link from elsewhere)",
    )


def carry_counts(get: Callable[[str], bytes], urls: list[str]) -> tuple[list[str], int]:
    """The cursor URLs (`?after=`, `?before=`) as the pager writes them: a pager link carries
    the signed count of its list (`n=`, `core.paging.CountSeal`), so a user paging does not count
    again. The token is the one the first page of the same filters gives (`get`: its body)
    (bound to the user, the day and the data version, as in use). With the cache on, the bench
    clears it before every phase (a new data version), so there the pages count again."""
    tokens: dict[tuple[str, str], str] = {}
    out, carried = [], 0
    for url in urls:
        path, _sep, query = url.partition("?")
        params = parse_qsl(query, keep_blank_values=True)
        if not {"after", "before"} & {k for k, _v in params}:
            out.append(url)
            continue
        filters = urlencode(sorted((k, v) for k, v in params if k not in {"after", "before", "page", "n"}))
        if (path, filters) not in tokens:
            body = get(f"{path}?{filters}" if filters else path)
            found = re.search(rb"[?;]n=(\d+-[0-9a-f]+)", body)
            tokens[(path, filters)] = found.group(1).decode() if found else ""
        token = tokens[(path, filters)]
        out.append(f"{url}&n={token}" if token else url)
        carried += bool(token)
    return out, carried


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
    parser.add_argument(
        "--cache", choices=["on", "off"], default="on", help="off: no cache at all (DummyCache)"
    )
    parser.add_argument(
        "--cold", type=int, default=20000, help="distinct cold URLs (never repeated in a phase)"
    )
    add_carried_count_option(parser)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    pages = importlib.import_module(f"bench.{args.module}.pages")
    cookie = session_cookie(pages.USERNAME)
    mix = pages.urls(cold_size=args.cold)  # [(class, path)]
    hot = sorted({p for c, p in mix if c == "hot"}) if args.only != "cold" else []
    cold = [p for c, p in mix if c == "cold"] if args.only != "hot" else []
    hot_share = 0.6 if hot and cold else (1.0 if hot else 0.0)
    cmd = [
        str(ROOT / ".venv/bin/gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{args.port}",
        "--workers",
        str(args.workers),
        "--log-level",
        "warning",
        # A worker's first request loads the URL configuration and every module behind it (30 s
        # measured on this machine under load 13): longer than gunicorn's default 30 s timeout.
        "--timeout",
        "300",
    ]
    if args.threads > 1:
        cmd += ["--worker-class", "gthread", "--threads", str(args.threads)]
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    if args.cache == "off":
        env["DANCU_CACHE"] = "off"
    elif "REDIS_URL" not in os.environ:
        # Each worker's in-process cache would be its own: clearing it from here is impossible.
        sys.exit("--cache on needs REDIS_URL (a cache the workers share and this script can clear)")
    server = subprocess.Popen(cmd, cwd=ROOT, env=env)  # noqa: S603
    files: list[Path] = []
    try:
        wait_until_up(args.port, cookie)
        # Each worker's first request is slow (imports): one per worker before any check.
        wrk_warm = Path(tempfile.mkstemp(suffix=".txt")[1])
        wrk_warm.write_text("/suc-khoe/\n")
        wrk_none = Path(tempfile.mkstemp(suffix=".txt")[1])
        wrk(args.port, cookie, (wrk_warm, wrk_none), args.workers * 2, 10, 0, 1.0)
        carried = 0
        if args.carried_count:

            def get(path: str) -> bytes:
                return fetch(args.port, path, cookie)[1]

            hot, carried_hot = carry_counts(get, hot)
            cold, carried = carry_counts(get, cold)
            carried += carried_hot
        for urls in (hot, cold):
            with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
                f.write("\n".join(urls) + ("\n" if urls else ""))
                files.append(Path(f.name))
        sample = hot + cold[:: max(1, len(cold) // 40)]
        for path in sample:  # every kind of page answers with the page
            status, body = fetch(args.port, path, cookie)
            if status != 200 or pages.MARKER not in body:
                sys.exit(f"{path}: HTTP {status}, not the expected page (signed out?)")
        # Warm the workers (imports, connections) on the hello-world baseline, not on the pages.
        health = Path(tempfile.mkstemp(suffix=".txt")[1])
        health.write_text("/suc-khoe/\n")
        empty = Path(tempfile.mkstemp(suffix=".txt")[1])
        wrk(args.port, cookie, (health, empty), args.workers, 5, 0, 1.0)
        print(
            f"{args.module}: {len(hot)} hot URLs, {len(cold)} distinct cold URLs, hot share {hot_share}; gunicorn "
            f"{args.workers} workers x {args.threads} threads; cache {args.cache}"
            + (f" ({settings.CACHES['default']['BACKEND']})" if args.cache == "on" else "")
            + f"; {os.cpu_count()} CPUs; cursor URLs carrying their list's count: {carried}"
        )
        phases = [
            ("hello (/suc-khoe/), 20 conn.", (health, empty), args.connections, 0.0, 1.0),
            ("1 connection, back to back", tuple(files), 1, 0.0, hot_share),
            (
                f"{args.connections} connections, "
                + (f"think {args.think} s" if args.think else "back to back"),
                tuple(files),
                args.connections,
                args.think,
                hot_share,
            ),
        ]
        for label, phase_files, connections, think, share in phases:
            pages.reset_caches()  # every phase starts with empty page caches
            before = machine_state()
            r = wrk(args.port, cookie, phase_files, connections, args.seconds, think, share)
            print(f"{label:<34} {json.dumps(r)}")
            print(f"{'':<34} before: {before}; after: {machine_state()}")
        os.unlink(health)
        os.unlink(empty)
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        for f in files:
            os.unlink(f)


if __name__ == "__main__":
    main()
