"""Build the labelled set of letter pairs (dancu/letters/tests/data/letter_pairs.json).

Deterministic (seed 2026). Each pair has two letters as the Office would type them (name,
ID number, phone, address, target, content) and two labels: same_person, same_content.
Variations mimic real registers: names typed without diacritics or in capitals, phones with
+84 or spaces, ID numbers missing on one side, content rephrased (words dropped, reordered,
added), common names shared by different people, same target with different content.

    .venv/bin/python bench/letters/make_pairs.py
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "dancu" / "letters" / "tests" / "data" / "letter_pairs.json"
rng = random.Random(2026)  # noqa: S311 - test data

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Đình", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc"]
GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Hùng",
    "Hương",
    "Lan",
    "Mai",
    "Nam",
    "Phong",
    "Sơn",
    "Tâm",
    "Thảo",
    "Tuấn",
    "Yến",
]
COMMUNES = ["Cẩm Bình", "Kỳ Anh", "Thạch Hà", "Đức Thọ", "Hương Sơn", "Nghi Xuân", "Can Lộc", "Lộc Hà"]
TARGETS = [
    "Ủy ban nhân dân xã {c}",
    "Cán bộ địa chính xã {c}",
    "Công ty TNHH Khoáng sản {c}",
    "Trưởng thôn {n} xã {c}",
    "Hạt Kiểm lâm huyện {c}",
]
TOPICS = [
    "thu hồi đất làm đường nhưng bồi thường thấp hơn giá thị trường, không được hỗ trợ tái định cư",
    "lấn chiếm đất rừng phòng hộ để xây nhà trái phép, chính quyền không xử lý",
    "khai thác cát trái phép trên sông gây sạt lở bờ và hư hỏng nhà dân",
    "thu tiền đóng góp xây dựng nông thôn mới không công khai, sai quy định",
    "cấp giấy chứng nhận quyền sử dụng đất chồng lấn lên thửa đất của gia đình",
    "xét duyệt hộ nghèo không đúng đối tượng, bỏ sót hộ khó khăn",
    "chậm chi trả chế độ chính sách người có công với cách mạng",
    "gây ô nhiễm môi trường từ trại chăn nuôi lợn, xả thải ra kênh tưới",
    "đánh bạc và bảo kê tại chợ đầu mối, công an xã làm ngơ",
    "tự ý chuyển mục đích sử dụng đất lúa sang đất ở và mua bán trái phép",
]
FILLER = [
    "kính",
    "đề",
    "nghị",
    "các",
    "cơ",
    "quan",
    "xem",
    "xét",
    "giải",
    "quyết",
    "sớm",
    "cho",
    "gia",
    "đình",
    "tôi",
]


def strip(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def person() -> dict:
    commune = rng.choice(COMMUNES)
    return {
        "name": f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
        "id_number": f"042{rng.randint(0, 999999999):09d}",
        "phone": f"09{rng.randint(0, 99999999):08d}",
        "address": f"Thôn {rng.randint(1, 12)}, xã {commune}",
        "commune": commune,
    }


def content(topic: str, target: str) -> str:
    words = [*rng.sample(FILLER, 5), *topic.split(), *rng.sample(FILLER, 4)]
    return f"Phản ánh {target} {' '.join(words)}"


def rephrase(text: str) -> str:
    words = text.split()
    words = [w for w in words if rng.random() > 0.15]
    for _ in range(3):
        words.insert(rng.randrange(len(words) + 1), rng.choice(FILLER))
    if rng.random() < 0.5:
        words = [strip(w) for w in words]
    return " ".join(words)


def vary_person(p: dict) -> dict:
    q = dict(p)
    r = rng.random()
    if r < 0.3:
        q["name"] = strip(p["name"]).upper()
    elif r < 0.6:
        q["name"] = strip(p["name"]).lower()
    if rng.random() < 0.5:
        q["phone"] = "+84 " + p["phone"][1:4] + " " + p["phone"][4:7] + " " + p["phone"][7:]
    if rng.random() < 0.4:
        q["id_number"] = ""
    if rng.random() < 0.3:
        q["address"] = strip(p["address"]).replace("Thôn", "thon").replace("Thon", "thon")
    return q


def letter(
    p: dict, target: str, text: str, keep: tuple[str, ...] = ("name", "id_number", "phone", "address")
) -> dict:
    return {
        **{k: (p[k] if k in keep else "") for k in ("name", "id_number", "phone", "address")},
        "target": target,
        "content": text,
    }


def target_for(p: dict) -> str:
    return rng.choice(TARGETS).format(c=p["commune"], n=rng.randint(1, 12))


def main() -> None:
    pairs = []
    # 1. Same person, same content (resent to the sister body), identity typed differently.
    for _ in range(80):
        p = person()
        t, topic = target_for(p), rng.choice(TOPICS)
        a = letter(p, t, content(topic, t))
        q = vary_person(p)
        keep = tuple(
            k for k in ("name", "id_number", "phone", "address") if rng.random() > 0.25 or k == "name"
        )
        b = letter(q, t, rephrase(a["content"]), keep)
        pairs.append({"a": a, "b": b, "same_person": True, "same_content": True})
    # 2. Same person, different content (a new matter).
    for _ in range(70):
        p = person()
        t1, t2 = target_for(p), target_for(p)
        topic1, topic2 = rng.sample(TOPICS, 2)
        q = vary_person(p)
        if rng.random() < 0.5:
            q["phone"] = p["phone"]  # at least one strong signal usually survives
        pairs.append(
            {
                "a": letter(p, t1, content(topic1, t1)),
                "b": letter(q, t2, content(topic2, t2)),
                "same_person": True,
                "same_content": False,
            }
        )
    # 3. Same content and target, different people (a group of villagers writing separately).
    for _ in range(70):
        p1, p2 = person(), person()
        p2["commune"] = p1["commune"]
        t, topic = target_for(p1), rng.choice(TOPICS)
        a = letter(p1, t, content(topic, t))
        pairs.append(
            {"a": a, "b": letter(p2, t, rephrase(a["content"])), "same_person": False, "same_content": True}
        )
    # 4. Different people sharing a common name, different content: the baseline's trap.
    for _ in range(60):
        p1, p2 = person(), person()
        p2["name"] = p1["name"] if rng.random() < 0.7 else strip(p1["name"])
        t1, t2 = target_for(p1), target_for(p2)
        topic1, topic2 = rng.sample(TOPICS, 2)
        pairs.append(
            {
                "a": letter(p1, t1, content(topic1, t1)),
                "b": letter(p2, t2, content(topic2, t2)),
                "same_person": False,
                "same_content": False,
            }
        )
    # 5. Unrelated letters.
    for _ in range(70):
        p1, p2 = person(), person()
        t1, t2 = target_for(p1), target_for(p2)
        topic1, topic2 = rng.sample(TOPICS, 2)
        pairs.append(
            {
                "a": letter(p1, t1, content(topic1, t1)),
                "b": letter(p2, t2, content(topic2, t2)),
                "same_person": False,
                "same_content": False,
            }
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(pairs, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(pairs)} pairs -> {OUT}")


if __name__ == "__main__":
    main()
