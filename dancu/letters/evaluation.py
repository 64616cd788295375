"""Precision and recall of duplicate detection on the labelled pairs in tests/data/, beside a
plain name-equality baseline (used by the test suite and bench/letters/evaluate_pairs.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import crypto, duplicates

PAIRS_FILE = Path(__file__).parent / "tests" / "data" / "letter_pairs.json"


def signals(letter: dict[str, str]) -> duplicates.Signals:
    return duplicates.Signals(
        **crypto.identity_hashes(
            name=letter["name"],
            id_number=letter["id_number"],
            phone=letter["phone"],
            address=letter["address"],
        ),
        target_key=crypto.fold(letter["target"]),
        content_folded=crypto.fold(letter["content"]),
    )


def _scores(pred: list[bool], truth: list[bool]) -> dict[str, float]:
    tp = sum(p and t for p, t in zip(pred, truth, strict=True))
    fp = sum(p and not t for p, t in zip(pred, truth, strict=True))
    fn = sum(t and not p for p, t in zip(pred, truth, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "tp": tp, "fp": fp, "fn": fn}


def evaluate(pairs: list[dict[str, Any]] | None = None) -> dict[str, dict[str, dict[str, float]]]:
    if pairs is None:
        pairs = json.loads(PAIRS_FILE.read_text(encoding="utf-8"))
    ours_person, ours_content, base = [], [], []
    for pair in pairs:
        person, content, _reasons = duplicates.compare(signals(pair["a"]), signals(pair["b"]))
        ours_person.append(person)
        ours_content.append(content)
        base.append(pair["a"]["name"] == pair["b"]["name"] and pair["a"]["name"] != "")
    truth_person = [p["same_person"] for p in pairs]
    truth_content = [p["same_content"] for p in pairs]
    truth_any = [a or b for a, b in zip(truth_person, truth_content, strict=True)]
    ours_any = [a or b for a, b in zip(ours_person, ours_content, strict=True)]
    return {
        "same_person": {"ours": _scores(ours_person, truth_person), "baseline": _scores(base, truth_person)},
        "same_content": {
            "ours": _scores(ours_content, truth_content),
            "baseline": _scores(base, truth_content),
        },
        "duplicate": {"ours": _scores(ours_any, truth_any), "baseline": _scores(base, truth_any)},
    }
