"""The consolidation engine and the batch command: pure Python, no database."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from dancu.petitions import engine

DATA = Path(__file__).parent / "data"


def test_normalize_expands_abbreviations_and_numbers():
    assert (
        engine.normalize("Đề nghị sửa QL.8A, GPMB chậm") == "de nghi sua quoc lo 8a giai phong mat bang cham"
    )
    assert "giay chung nhan quyen su dung dat" in engine.normalize("Cấp sổ đỏ chậm")
    assert "1200" in engine.normalize("1.200 hộ")


def test_suggest_finds_the_same_request_without_accents():
    candidates = [
        ("a", "Đề nghị nâng cấp Quốc lộ 8A đoạn qua Hương Sơn bị hư hỏng"),
        ("b", "Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân"),
        ("c", "Trạm y tế xã thiếu thuốc bảo hiểm y tế"),
    ]
    assert engine.suggest("ql8a doan huong son nhieu o ga", candidates, k=2)[0][0] == "a"
    assert engine.suggest("so do cap cham qua", candidates, k=2)[0][0] == "b"
    assert engine.suggest("", candidates) == []


def test_quality_on_the_held_out_set():
    rows = engine.load_jsonl(DATA / "heldout.jsonl")
    results = {r.id: r for r in engine.consolidate(rows)}
    field_acc = sum(results[r["id"]].field == r["field"] for r in rows) / len(rows)
    assert field_acc >= 0.85
    same = [(a, b) for a in rows for b in rows if a["id"] < b["id"] and a["group"] == b["group"]]
    together = sum(results[a["id"]].cluster == results[b["id"]].cluster for a, b in same)
    assert together / len(same) >= 0.6


def test_batch_command(tmp_path):
    rows = engine.load_jsonl(DATA / "eval.jsonl")[:60]
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in rows)
    )
    out = tmp_path / "out.jsonl"
    call_command("petitions_consolidate", str(src), "--output", str(out))
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == [r["id"] for r in rows]
    ids = {r["id"] for r in rows}
    for x in lines:
        assert {"id", "cluster", "field", "level", "similar"} <= set(x)
        assert len(x["similar"]) == 5 and x["id"] not in x["similar"] and set(x["similar"]) <= ids
        assert x["level"] in {"central", "province", "commune"}
    by_id = {x["id"]: x for x in lines}
    assert by_id["e0001"]["cluster"] == by_id["e0002"]["cluster"]  # two QL8A opinions


def test_batch_command_rejects_bad_input(tmp_path):
    from django.core.management.base import CommandError

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "a"}\n{"id": 1, "text": "b"}\n')
    with pytest.raises(CommandError):
        call_command("petitions_consolidate", str(src), "--output", str(tmp_path / "o.jsonl"))
    src.write_text("not json\n")
    with pytest.raises(CommandError):
        call_command("petitions_consolidate", str(src), "--output", str(tmp_path / "o.jsonl"))
