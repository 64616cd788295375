"""A suggestion's engine cost as a province grows: the persisted index (`SuggestIndex`, what
`manage.py petitions_suggest_index` builds and every worker loads) over the N newest petitions
of the bench database, for each N of `--sizes`, in one run: build time, file size, load time,
resident memory added, and query p50 / p95 over `--queries` new opinions (none repeated, the
texts `suggest_load.py` sends).

At 10,000,000 petitions the largest province holds 400,040 (docs/scaling.md), ten times the
bench province; the smallest size is the same-run baseline.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_scale_bench \\
        .venv/bin/python bench/petitions/suggest_province_size.py --sizes 40000 400000
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from suggest_load import texts  # noqa: E402

from dancu.petitions import engine  # noqa: E402
from dancu.petitions.models import Petition  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[40000, 400000])
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    engine.default_classifier()
    queries = texts(args.queries + 20)
    for size in args.sizes:
        rows = list(Petition.objects.order_by("-id").values_list("id", "text")[:size])
        started = time.perf_counter()
        index = engine.SuggestIndex([(str(i), t) for i, t in rows])
        build = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "index.pickle"
            index.save(path, rows=len(rows))
            size_mb = path.stat().st_size / 2**20
            del index
            before = rss_mb()
            started = time.perf_counter()
            loaded = engine.SuggestIndex.load(path)
            load = time.perf_counter() - started
            grown = rss_mb() - before
        assert loaded is not None
        for text in queries[:20]:  # warm
            loaded.query(text, k=10)
        times = []
        for text in queries[20:]:
            started = time.perf_counter()
            loaded.query(text, k=10)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(
            f"{len(rows)} petitions: build {build:.1f} s, file {size_mb:.1f} MB, load {load:.2f} s, "
            f"+{grown:.0f} MB resident; query p50 {statistics.median(times):.2f} ms, "
            f"p95 {times[int(len(times) * 0.95) - 1]:.2f} ms ({len(times)} new opinions)",
            flush=True,
        )
        del loaded


if __name__ == "__main__":
    main()
