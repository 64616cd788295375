"""The batch consolidation behind `manage.py petitions_consolidate`: pure Python, no database.

Input lines: {"id": "...", "text": "...", "area": "..."} (area optional; other keys ignored).
Output lines: {"id", "cluster", "field", "level", "similar": [up to 5 other ids, most likely the
same petition first], "cluster_confidence", "field_confidence", "level_confidence",
"reasons": {"with": id, "shared": [entities], "words": [...], "conflicts": [...]}}.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any


class BatchError(ValueError):
    """Bad input: the message names the line."""


def read(path: str) -> list[dict]:
    items: list[dict] = []
    seen: set[str] = set()
    try:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise BatchError(f"line {number}: invalid JSON ({exc.msg})") from exc
                if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("text"), str):
                    raise BatchError(f"line {number}: expected an object with 'id' and 'text'")
                key = str(row["id"])
                if key in seen:
                    raise BatchError(f"line {number}: duplicate id {key!r}")
                seen.add(key)
                area = row.get("area") or ""
                items.append({"id": key, "text": row["text"], "area": area if isinstance(area, str) else ""})
    except OSError as exc:
        raise BatchError(str(exc)) from exc
    return items


def run(path: str, output: str = "-", *, threshold: float | None = None) -> dict[str, Any]:
    from . import engine

    items = read(path)
    started = time.perf_counter()
    results = engine.consolidate(items, threshold=threshold)
    out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for r in results:
            record = {
                "id": r.id,
                "cluster": r.cluster,
                "field": r.field,
                "level": r.level,
                "similar": r.similar,
                "cluster_confidence": r.cluster_confidence,
                "field_confidence": r.field_confidence,
                "level_confidence": r.level_confidence,
                "reasons": r.reasons,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return {
        "opinions": len(results),
        "groups": len({r.cluster for r in results}),
        "seconds": time.perf_counter() - started,
    }
