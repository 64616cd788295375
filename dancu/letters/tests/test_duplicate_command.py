"""Issue 12, item 5: `manage.py letters_duplicates IN.jsonl --output OUT.jsonl`, no database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[3]
LETTERS = [
    {
        "id": "a1",
        "name": "Nguyễn Văn Hùng",
        "id_number": "183456789",
        "phone": "0912 345 678",
        "address": "Thôn 5, xã Kỳ Hải, huyện Kỳ Anh, tỉnh Hà Tĩnh",
        "target": "Chủ tịch UBND xã Kỳ Hải",
        "content": "Năm 2019 Nhà nước thu hồi 450 m2 đất của gia đình tôi tại thửa đất số 217, tờ bản đồ số 12 "
        "làm dự án đường ven biển, bồi thường chỉ 85 nghìn đồng/m2, thấp hơn giá thực tế.",
        "kind": "complaint",
        "received": "2025-03-02",
        "body": "Đoàn ĐBQH tỉnh Hà Tĩnh",
    },
    {
        "id": "b2",
        "name": "NG. VAN HUNG",
        "id_number": "042075001234",
        "phone": "84-912-345-678",
        "address": "phường Hải Ninh, Hà Tĩnh",
        "target": "",
        "content": "Đơn lần 3. Thửa 217 tờ bản đồ 12 diện tích 450 m2 bị thu hồi năm 2019 cho dự án đường ven "
        "biển, giá bồi thường 85 nghìn đồng một mét vuông quá thấp. Nay đơn vị thi công đã san lấp đất.",
        "kind": "complaint",
        "received": "2025-11-20",
        "body": "Thường trực HĐND tỉnh Hà Tĩnh",
    },
    {"id": "c3", "name": "Nguyễn Văn Hùng", "content": "Đề nghị sửa cầu tràn thôn 9 bị sập sau lũ năm 2024."},
    {"id": "d4"},
]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_command_finds_the_same_letter_and_not_the_namesake(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, LETTERS)
    call_command("letters_duplicates", str(src), "--output", str(out))
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == ["a1", "b2", "c3", "d4"]
    by_id = {r["id"]: r["duplicates"] for r in rows}
    (dup,) = by_id["a1"]
    assert dup["id"] == "b2" and dup["same_person"] and dup["same_content"]
    assert set(dup) == {"id", "same_person", "same_content", "score"} and 0 < dup["score"] <= 1
    assert by_id["b2"][0]["id"] == "a1"
    assert by_id["c3"] == [] and by_id["d4"] == []  # a common name alone, and an empty letter


def test_the_command_needs_no_database(tmp_path):
    """Run as an operator would, with a database that cannot exist."""
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(src, LETTERS)
    env = {**os.environ, "DATABASE_URL": "sqlite:////nonexistent/x"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "letters_duplicates", str(src), "--output", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert read_jsonl(out)[0]["duplicates"][0]["id"] == "b2"


def test_bad_input_is_refused_with_the_line(tmp_path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    with pytest.raises(CommandError, match=":2: not a JSON line"):
        call_command("letters_duplicates", str(src), "--output", str(out))
    src.write_text('{"id": 1}\n{"id": 1}\n', encoding="utf-8")
    with pytest.raises(CommandError, match="appears twice"):
        call_command("letters_duplicates", str(src), "--output", str(out))
    src.write_text('{"name": "x"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match='"id" is missing'):
        call_command("letters_duplicates", str(src), "--output", str(out))
    with pytest.raises(CommandError, match="No such file"):
        call_command("letters_duplicates", str(tmp_path / "none.jsonl"), "--output", str(out))
    assert not out.exists()
