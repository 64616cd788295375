"""Generate a JSON-lines file of synthetic voter opinions for the batch command and benchmarks.

    .venv/bin/python bench/petitions/generate_opinions.py 10000 > /tmp/opinions.jsonl

Each line rewrites an opinion of the labelled sets with random edits secretaries make (dropped
accents, abbreviations, extra place names, numbers), so groups are known ("group" field).
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dancu.core.text import fold  # noqa: E402

PLACES = [
    "Cẩm Xuyên",
    "Kỳ Anh",
    "Hương Khê",
    "Hương Sơn",
    "Đức Thọ",
    "Can Lộc",
    "Thạch Hà",
    "Nghi Xuân",
    "Lộc Hà",
    "Vũ Quang",
    "Hồng Lĩnh",
    "Thạch Kim",
    "Kỳ Hoa",
    "Sơn Tây",
    "Cẩm Trung",
    "Đồng Lộc",
]
PREFIX = ["", "Cử tri thôn {n} ", "Cử tri xã {p} ", "Nhiều cử tri ", "Tổ {n}: ", ""]
ABBREV = {
    "Ủy ban nhân dân": "UBND",
    "Quốc lộ": "QL",
    "bảo hiểm y tế": "BHYT",
    "giải phóng mặt bằng": "GPMB",
    "Hội đồng nhân dân": "HĐND",
    "trung học cơ sở": "THCS",
    "nông thôn mới": "NTM",
}


def variant(text: str, rng: random.Random) -> str:
    for full, short in ABBREV.items():
        if full in text and rng.random() < 0.5:
            text = text.replace(full, short)
    text = rng.choice(PREFIX).format(n=rng.randint(1, 15), p=rng.choice(PLACES)) + text
    if rng.random() < 0.3:
        text += f" (khu vực {rng.choice(PLACES)})"
    if rng.random() < 0.15:
        text = fold(text)
    return text


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rng = random.Random(42)
    base = []
    for name in ("dancu/petitions/tests/data/eval.jsonl", "dancu/petitions/tests/data/heldout.jsonl"):
        base += [json.loads(x) for x in (ROOT / name).read_text(encoding="utf-8").splitlines() if x.strip()]
    for i in range(n):
        src = rng.choice(base)
        row = {
            "id": f"o{i:06d}",
            "text": variant(src["text"], rng),
            "area": rng.choice(PLACES),
            "group": src["group"],
        }
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
