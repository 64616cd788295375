"""Writes a `real_own*.jsonl` set from its build script's rows (one way for every set)."""

import json
from pathlib import Path

COLUMNS = ("id", "text", "area", "field", "level", "cluster", "source")


def write_rows(script: str, name: str, rows: list[tuple[str, ...]]) -> None:
    """`rows` of (id, text, area, field, level, cluster, source) to `name` beside `script`."""
    out = Path(script).with_name(name)
    with out.open("w", encoding="utf-8") as fh:
        for values in rows:
            fh.write(json.dumps(dict(zip(COLUMNS, values, strict=True)), ensure_ascii=False) + "\n")
    print(f"{out}: {len(rows)} rows")
