"""Duplicate detection on the labelled pairs, beside the name-equality baseline.

DJANGO_SETTINGS_MODULE=config.settings.local .venv/bin/python bench/letters/evaluate_pairs.py
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from dancu.letters.evaluation import PAIRS_FILE, evaluate  # noqa: E402

result = evaluate()
print(f"pairs: {PAIRS_FILE}")
print("| task | method | precision | recall | TP | FP | FN |")
print("|---|---|---|---|---|---|---|")
for task, methods in result.items():
    for method, s in methods.items():
        print(
            f"| {task} | {method} | {s['precision']:.3f} | {s['recall']:.3f} | {s['tp']} | {s['fp']} | {s['fn']} |"
        )
