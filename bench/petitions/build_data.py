"""Rebuild the JSON-lines data sets from their hand-written text sources.

    .venv/bin/python bench/petitions/build_data.py

Sources (written by hand, one opinion per line):
- dancu/petitions/tests/data/eval.txt and heldout.txt: "# <group> <field> <level>" headers,
  then the opinions of that group;
- dancu/petitions/data/train.txt: "<field> <level> | <opinion>" (the classifier's seed set).
"""

import json
from pathlib import Path

BASE = Path(__file__).resolve().parents[2] / "dancu/petitions"


def grouped(name: str, prefix: str) -> int:
    out, group, field, level = [], "", "", ""
    for line in (BASE / f"tests/data/{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            _hash, group, field, level = line.split()
            continue
        out.append(
            {
                "id": f"{prefix}{len(out) + 1:04d}",
                "text": line.strip(),
                "group": group,
                "field": field,
                "level": level,
            }
        )
    write(BASE / f"tests/data/{name}.jsonl", out)
    return len(out)


def train() -> int:
    out = []
    for line in (BASE / "data/train.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        head, text = line.split(" | ", 1)
        field, level = head.split()
        out.append({"id": f"t{len(out) + 1:04d}", "text": text.strip(), "field": field, "level": level})
    write(BASE / "data/train.jsonl", out)
    return len(out)


def write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


if __name__ == "__main__":
    print(grouped("eval", "e"), grouped("heldout", "h"), train())
