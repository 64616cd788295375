"""The first suggestions a freshly started gunicorn answers, with and without the shipped
settings (`config/gunicorn.conf.py`, whose `post_worker_init` loads the persisted indexes).

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_scale_bench
    .venv/bin/python manage.py petitions_suggest_index --province <id>   # once
    .venv/bin/python bench/petitions/first_suggestion.py --workers 3

For each mode (the baseline first: plain `gunicorn config.wsgi`, then `-c config/gunicorn.conf.py`)
one gunicorn is started, given `--settle` seconds after its first health answer for every worker
to boot, and then sent `--rounds` rounds of `--workers` suggestions at once (a sync worker takes
one connection at a time, so the requests of a round reach different workers). Each suggestion
text is new. Printed: each round's slowest and median latency.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from suggest_load import URL, USERNAME, texts  # noqa: E402

from bench import http_load  # noqa: E402  (sets up Django, DEBUG off)


def one_mode(args, cookie: str, config: bool, pool: list[str]) -> list[tuple[float, float]]:
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost", "DANCU_CACHE": "off"}
    cmd = [str(ROOT / ".venv/bin/gunicorn")]
    if config:
        cmd += ["-c", str(ROOT / "config/gunicorn.conf.py")]
    cmd += ["config.wsgi", "--bind", f"127.0.0.1:{args.port}", "--workers", str(args.workers)]
    cmd += ["--log-level", "warning", "--timeout", "300"]
    server = subprocess.Popen(cmd, cwd=ROOT, env=env)  # noqa: S603
    try:
        http_load.wait_until_up(args.port, cookie)
        time.sleep(args.settle)
        rounds = []

        def timed(text: str) -> float:
            t = time.perf_counter()
            status, _body = http_load.fetch(args.port, f"{URL}?{urllib.parse.urlencode({'text': text})}", cookie)
            if status != 200:
                raise SystemExit(f"suggestion answered HTTP {status}")
            return (time.perf_counter() - t) * 1000

        with ThreadPoolExecutor(args.workers) as ex:
            for r in range(args.rounds):
                batch = pool[r * args.workers : (r + 1) * args.workers]
                ms = list(ex.map(timed, batch))
                rounds.append((max(ms), statistics.median(ms)))
        return rounds
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--settle", type=float, default=20.0)
    parser.add_argument("--port", type=int, default=8131)
    args = parser.parse_args()
    cookie = http_load.session_cookie(USERNAME)
    pool = texts(2 * args.rounds * args.workers, seed=23)
    for name, config, part in (("plain gunicorn config.wsgi", False, pool[: len(pool) // 2]),
                               ("-c config/gunicorn.conf.py", True, pool[len(pool) // 2 :])):
        rounds = one_mode(args, cookie, config, part)
        shown = ", ".join(f"round {k + 1}: max {mx:.0f} ms, median {md:.0f} ms" for k, (mx, md) in enumerate(rounds))
        print(f"{name:<28} {shown}")


if __name__ == "__main__":
    main()
