"""Speed of `petitions_consolidate` beside a brute-force char TF-IDF kNN of the same lines, one run.

    .venv/bin/python bench/petitions_scale.py generate 10000 /tmp/op10k.jsonl
    .venv/bin/python bench/petitions_scale.py run /tmp/op10k.jsonl [--command]

`generate` recombines real petitions (../shared/evalsets/petitions_real_dev.jsonl and
tests/data/petitions/real_own.jsonl): each line takes a real petition's text, rewords it the
ways secretaries do (an opening formula, abbreviations, no diacritics, a clause of another
petition of the same cluster) and places it in the area of a real petition; the label
`cluster` (kept in the file, ignored by the command) is the source cluster plus the area when
the source is a local matter (the same matter elsewhere is another petition).

`run` times, in the same process and the same run:
1. the baseline: char_wb 2-5 TF-IDF (scikit-learn) of the lines and its exact 10 nearest
   neighbours by sparse products (chunked), nothing else;
2. the whole batch (read, engine, write) through `engine_batch.run`, the function the
   management command calls; with `--command` also the command itself in a subprocess;
and reports wall time, peak memory (ru_maxrss) and the ratio engine / baseline.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SOURCES = [
    ROOT.parent / "shared/evalsets/petitions_real_dev.jsonl",
    ROOT / "tests/data/petitions/real_own.jsonl",
]
OPENINGS = ["", "Cử tri đề nghị ", "Cử tri phản ánh: ", "Đề nghị ", "Cử tri kiến nghị ", "Ý kiến cử tri: "]
MEETINGS = [
    "ý kiến tại buổi tiếp xúc",
    "TXCT",
    "tổng hợp của MTTQ",
    "phản ánh qua đường dây nóng",
    "tiếp xúc cử tri",
]
ABBREV = [
    ("Ủy ban nhân dân", "UBND"),
    ("Quốc lộ", "QL"),
    ("bảo hiểm y tế", "BHYT"),
    ("giải phóng mặt bằng", "GPMB"),
]


def _strip(text: str) -> str:
    out = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in out if unicodedata.category(c) != "Mn")


def generate(n: int, out: Path, seed: int = 0) -> None:
    rng = random.Random(seed)
    rows = [json.loads(line) for src in SOURCES if src.exists() for line in src.open(encoding="utf-8")]
    by_cluster: dict[str, list[dict]] = {}
    for r in rows:
        by_cluster.setdefault(r["cluster"], []).append(r)
    areas = [r["area"] for r in rows if r.get("area")]
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            base = rng.choice(rows)
            text = base["text"]
            mates = [m for m in by_cluster[base["cluster"]] if m is not base]
            if mates and rng.random() < 0.3:
                extra = rng.choice(mates)["text"].split(";")[0]
                text = f"{text.rstrip('.')}; {extra[0].lower()}{extra[1:]}"
            for full, short in ABBREV:
                if rng.random() < 0.5:
                    text = text.replace(full, short)
            text = rng.choice(OPENINGS) + text[0].lower() + text[1:] if rng.random() < 0.5 else text
            if rng.random() < 0.6:  # where and when it was said, as the minutes note it
                text = f"{text.rstrip('.')} ({rng.choice(MEETINGS)} ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2019, 2025)})."
            if rng.random() < 0.15:
                text = _strip(text)
            local = base.get("level") != "trung_uong"
            area = base["area"] if (not local or rng.random() < 0.7) else rng.choice(areas)
            cluster = f"{base['cluster']}@{area}" if local else base["cluster"]
            fh.write(
                json.dumps(
                    {"id": f"g{i:06d}", "text": text, "area": area, "cluster": cluster}, ensure_ascii=False
                )
                + "\n"
            )


def brute_force_knn(texts: list[str], k: int = 10):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    m = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True).fit_transform(texts)
    mt = m.T.tocsc()
    idx = np.zeros((m.shape[0], k), dtype=np.int64)
    for start in range(0, m.shape[0], 1000):
        block = (m[start : start + 1000] @ mt).toarray()
        block[np.arange(block.shape[0]), np.arange(block.shape[0]) + start] = -1
        idx[start : start + 1000] = np.argpartition(-block, k, axis=1)[:, :k]
    return idx


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(path: Path, command: bool, baseline: bool = True) -> None:
    from dancu.petitions import engine_batch

    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    t0 = time.perf_counter()
    if baseline:
        brute_force_knn(texts)
    base = time.perf_counter() - t0 or float("nan")
    rss_base = _maxrss_mb()
    out = Path(str(path) + ".out")
    t0 = time.perf_counter()
    stats = engine_batch.run(str(path), str(out))
    ours = time.perf_counter() - t0
    print(
        f"{len(texts)} lines: baseline brute-force char TF-IDF kNN {base:.1f} s (peak {rss_base:.0f} MB); "
        f"engine_batch.run (read, engine, write) {ours:.1f} s, peak RSS {_maxrss_mb():.0f} MB, "
        f"{stats['groups']} groups; ratio {ours / base:.2f}"
    )
    if command:
        t0 = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "petitions_consolidate",
                str(path),
                "--output",
                str(out),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        took = time.perf_counter() - t0
        print(
            f"manage.py petitions_consolidate (whole process, Django start included): {took:.1f} s, rc {proc.returncode}"
        )
        if proc.returncode:
            print(proc.stderr[-2000:])
    score(path, out)


def score(path: Path, out: Path, sample: int = 3000) -> None:
    import itertools

    gold = {}
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        gold[r["id"]] = r.get("cluster")
    pred = {json.loads(line)["id"]: json.loads(line)["cluster"] for line in out.open(encoding="utf-8")}
    ids = sorted(gold)[:sample]
    tp = fp = fn = 0
    for a, b in itertools.combinations(ids, 2):
        sg, sp = gold[a] == gold[b], pred[a] == pred[b]
        tp += sg and sp
        fp += sp and not sg
        fn += sg and not sp
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    print(
        f"pairwise on the first {len(ids)} lines: precision {p:.3f} recall {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("n", type=int)
    g.add_argument("out")
    r = sub.add_parser("run")
    r.add_argument("path")
    r.add_argument("--command", action="store_true")
    r.add_argument("--no-baseline", action="store_true", help="engine only (100,000 lines)")
    args = parser.parse_args()
    if args.cmd == "generate":
        generate(args.n, Path(args.out))
    else:
        run(Path(args.path), args.command, baseline=not args.no_baseline)


if __name__ == "__main__":
    main()
