"""Precision and recall of the letters duplicate engine on the labelled pairs, beside name
equality and today's intake rule (dancu/letters/duplicates.py), in the same run.

    .venv/bin/python bench/letters_dup_eval.py --split test          # the figures reported
    .venv/bin/python bench/letters_dup_eval.py --split dev --errors  # tuning (dev only)

"engine (batch)" runs `letters_duplicates`' code on all the letters of the split at once
(blocking keys included): a pair is found when b is among a's duplicates with both flags.
"engine (pair)" compares the two letters of each pair directly.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from dancu.core.text import fold  # noqa: E402
from dancu.letters import duplicates  # noqa: E402
from dancu.letters.evaluation import signals  # noqa: E402
from dancu.letters.matching import compare  # noqa: E402
from dancu.letters.matching.batch import find_duplicates, record_profile  # noqa: E402

DATA = ROOT / "tests" / "data" / "letters"


def load(split: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / f"dup_pairs_{split}.jsonl").open(encoding="utf-8")]


def scores(pred: list[bool], truth: list[bool]) -> dict:
    tp = sum(p and t for p, t in zip(pred, truth, strict=True))
    fp = sum(p and not t for p, t in zip(pred, truth, strict=True))
    fn = sum(t and not p for p, t in zip(pred, truth, strict=True))
    return {
        "precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0,
        "tp": tp, "fp": fp, "fn": fn,
    }  # fmt: skip


def evaluate(pairs: list[dict]) -> tuple[dict, dict]:
    letters = {}
    for p in pairs:
        letters[p["a"]["id"]] = p["a"]
        letters[p["b"]["id"]] = p["b"]
    t0 = time.perf_counter()
    batch = {row["id"]: {d["id"]: d for d in row["duplicates"]} for row in find_duplicates(letters.values())}
    batch_seconds = time.perf_counter() - t0
    methods: dict[str, dict[str, list[bool]]] = {
        m: {"same_letter": [], "same_person": [], "same_content": []}
        for m in ("engine (batch)", "engine (pair)", "today's rule", "name equality", "folded name equality")
    }
    errors: Counter = Counter()
    for p in pairs:
        a, b = p["a"], p["b"]
        d = batch[a["id"]].get(b["id"])
        got = (bool(d and d["same_person"]), bool(d and d["same_content"]))
        m = compare(record_profile(a), record_profile(b))
        old_person, old_content, _r = duplicates.compare(signals(a), signals(b))
        exact = bool(a["name"]) and a["name"] == b["name"]
        folded = bool(a["name"]) and fold(a["name"]) == fold(b["name"])
        for name, (person, content) in {
            "engine (batch)": got,
            "engine (pair)": (m.same_person, m.same_content),
            "today's rule": (old_person, old_content),
            "name equality": (exact, exact),
            "folded name equality": (folded, folded),
        }.items():
            methods[name]["same_letter"].append(person and content)
            methods[name]["same_person"].append(person)
            methods[name]["same_content"].append(content)
        if (m.same_person, m.same_content) != (p["same_person"], p["same_content"]):
            errors[
                (
                    p["type"],
                    f"person {m.same_person}/{p['same_person']}",
                    f"content {m.same_content}/{p['same_content']}",
                )
            ] += 1
    truth = {
        "same_letter": [p["same_person"] and p["same_content"] for p in pairs],
        "same_person": [p["same_person"] for p in pairs],
        "same_content": [p["same_content"] for p in pairs],
    }
    result = {m: {task: scores(v, truth[task]) for task, v in tasks.items()} for m, tasks in methods.items()}
    return result, {"errors": errors, "batch_seconds": batch_seconds, "letters": len(letters)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", choices=["dev", "test", "hand"], default="test")
    parser.add_argument("--errors", action="store_true", help="list the engine's errors by pair type")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    pairs = load(args.split)
    result, info = evaluate(pairs)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    positives = sum(p["same_person"] and p["same_content"] for p in pairs)
    print(
        f"{args.split}: {len(pairs)} pairs ({positives} same letter), {info['letters']} letters; "
        f"batch {info['batch_seconds']:.2f} s"
    )
    print("| method | same letter P | R | same person P | R | same content P | R |")
    print("|---|---|---|---|---|---|---|")
    for method, tasks in result.items():
        cells = " | ".join(
            f"{tasks[t]['precision']:.3f} | {tasks[t]['recall']:.3f}"
            for t in ("same_letter", "same_person", "same_content")
        )
        print(f"| {method} | {cells} |")
    if args.errors:
        for key, n in sorted(info["errors"].items()):
            print(n, *key)


if __name__ == "__main__":
    main()
