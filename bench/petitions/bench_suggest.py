"""Suggestion latency: a prebuilt index (what the pages use) versus refitting per query.

    .venv/bin/python bench/petitions/bench_suggest.py --petitions 50000 --queries 200

Candidates are generated petitions (variants of the labelled opinions, see
generate_opinions.py); queries are the held-out opinions. No database: this measures the
engine's part of a suggestion request. Baselines in the same run: the engine refitted over all
candidates for each query (engine.suggest), and a default TfidfVectorizer brute-force cosine.
"""

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))

from generate_opinions import variant  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from dancu.petitions import engine  # noqa: E402


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--petitions", type=int, default=50000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--baseline-queries", type=int, default=3)
    parser.add_argument("--refit-queries", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(7)
    base = engine.load_jsonl(ROOT / "dancu/petitions/tests/data/eval.jsonl")
    queries = [r["text"] for r in engine.load_jsonl(ROOT / "dancu/petitions/tests/data/heldout.jsonl")]
    candidates = [(str(i), variant(rng.choice(base)["text"], rng)) for i in range(args.petitions)]
    engine.default_classifier()
    started = time.perf_counter()
    index = engine.SuggestIndex(candidates)
    build = time.perf_counter() - started
    times = []
    for n in range(args.queries):
        t = time.perf_counter()
        index.query(queries[n % len(queries)], k=5)
        times.append(time.perf_counter() - t)
    refit = []
    for n in range(args.refit_queries):
        t = time.perf_counter()
        engine.suggest(queries[n], candidates, k=5)
        refit.append(time.perf_counter() - t)
    naive = []
    for n in range(args.baseline_queries):
        t = time.perf_counter()
        vec = TfidfVectorizer()
        m = vec.fit_transform([c[1] for c in candidates])
        (vec.transform([queries[n]]) @ m.T).toarray().argsort()[0][-5:]
        naive.append(time.perf_counter() - t)
    out = {
        "petitions": args.petitions,
        "index_build_s": round(build, 1),
        "index_query_ms_p50": round(pct(times, 50), 1),
        "index_query_ms_p95": round(pct(times, 95), 1),
        "refit_per_query_ms_median": round(statistics.median(refit) * 1000) if refit else None,
        "naive_tfidf_refit_ms_median": round(statistics.median(naive) * 1000),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
