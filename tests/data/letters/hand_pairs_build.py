"""Write dup_pairs_hand.jsonl from the hand-written pairs (hand_pairs_a.py, hand_pairs_b.py).

    .venv/bin/python tests/data/letters/hand_pairs_build.py

Nothing is generated: each pair is as written; this only spells out the field names, gives
the letters ids and the labels of each type (same person, same matter).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from hand_pairs_a import PAIRS  # noqa: E402
from hand_pairs_b import GROUP, NEGATIVE  # noqa: E402

FIELDS = {"n": "name", "i": "id_number", "p": "phone", "a": "address", "t": "target", "c": "content",
          "k": "kind", "r": "received", "b": "body"}  # fmt: skip
LABELS = {  # type -> (same person, same content)
    "name": (True, True), "phone": (True, True), "cmnd_cccd": (True, True), "old_new_unit": (True, True),
    "rewritten": (True, True), "cover": (True, True), "group": (False, True),
    "common_name": (False, False), "common_name_commune": (False, False), "common_name_kind": (False, False),
    "same_official": (False, False), "same_person_other": (True, False), "same_kind_other_site": (False, False),
    "household_phone": (False, False),
}  # fmt: skip


def letter(short: dict, letter_id: str) -> dict:
    out = {"id": letter_id}
    for k, name in FIELDS.items():
        out[name] = short.get(k, "")
    return out


def main() -> None:
    rows = []
    for n, item in enumerate(PAIRS + GROUP + NEGATIVE, start=1):
        kind, a, b = item[0], item[1], item[2]
        person, content = LABELS[kind]
        rows.append({
            "pair": f"hand-{n:03d}", "type": kind, "split": "hand",
            "a": letter(a, f"H{n:03d}a"), "b": letter(b, f"H{n:03d}b"),
            "same_person": person, "same_content": content,
        })  # fmt: skip
    with (HERE / "dup_pairs_hand.jsonl").open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pairs")


if __name__ == "__main__":
    main()
