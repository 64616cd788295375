"""The overlap engine (no database) and the batch command, which must run with no database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dancu.supervision.overlaps import (
    Engine,
    Item,
    agency_key,
    concept_similarity,
    concepts_of,
    gap_days,
    items_from_records,
    normalize,
    overlaps_by_group,
    parse_date,
    place_key,
)

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "supervision"
D = parse_date


def item(i, topic, agencies, start, end, *, places=(), body="b", content=""):
    return Item(
        id=i,
        body=body,
        topic=topic,
        content=content,
        agencies=agencies,
        places=places,
        start=D(start),
        end=D(end),
    )


def test_normalize_folds_expands_and_maps_synonyms():
    assert normalize("Cấp SỔ ĐỎ cho hộ dân") == "cap giay chung nhan quyen su dung dat cho ho dan"
    assert normalize("Sở TN&MT") == "so tai nguyen va moi truong"
    assert normalize("đền bù GPMB năm 2025") == "boi thuong giai phong mat bang nam"


def test_broad_topic_contains_narrower_one_at_the_same_department():
    pairs = Engine().pairs(
        [
            item(
                1,
                "Giám sát công tác quản lý nhà nước về đất đai",
                ["Sở Tài nguyên và Môi trường"],
                "2026-05-04",
                "2026-05-29",
            ),
            item(
                2,
                "Giám sát việc cấp giấy chứng nhận quyền sử dụng đất",
                ["Sở TN&MT"],
                "2026-06-08",
                "2026-06-19",
                body="c",
            ),
        ]
    )
    assert [(p.a, p.b) for p in pairs] == [(1, 2)]
    kinds = {r["kind"]: r for r in pairs[0].reasons}
    assert kinds["subject"]["concepts"] == ["dat"] and kinds["subject"]["similarity"] == 0.85
    assert kinds["agencies"]["shared"] == ["Sở Tài nguyên và Môi trường"]
    assert kinds["dates"]["gap_days"] == 10


def test_siblings_of_one_field_are_not_the_same_subject():
    a = concepts_of(normalize("bồi thường, giải phóng mặt bằng"))
    b = concepts_of(normalize("cấp giấy chứng nhận quyền sử dụng đất"))
    assert concept_similarity(a, a, b, b)[0] == 0.3


def test_hard_negatives():
    engine = Engine()
    far = [  # the same subject more than 60 days apart
        item(1, "Giám sát chính sách bảo hiểm y tế", ["Bảo hiểm xã hội tỉnh"], "2026-02-01", "2026-02-28"),
        item(
            2,
            "Giám sát chính sách bảo hiểm y tế",
            ["Bảo hiểm xã hội tỉnh"],
            "2026-05-01",
            "2026-05-20",
            body="c",
        ),
    ]
    assert engine.pairs(far) == []
    other_subject = [  # the same agency, another subject
        item(1, "Giám sát quản lý đất đai", ["Sở Tài nguyên và Môi trường"], "2026-06-01", "2026-06-30"),
        item(
            2,
            "Khảo sát thu gom, xử lý rác thải sinh hoạt",
            ["Sở Tài nguyên và Môi trường"],
            "2026-06-05",
            "2026-06-20",
        ),
    ]
    assert engine.pairs(other_subject) == []
    own_areas = [  # two delegate groups, each in its own district
        item(
            1,
            "Giám sát Chương trình 1719",
            ["UBND huyện Mèo Vạc"],
            "2026-04-01",
            "2026-04-30",
            places=["Mèo Vạc"],
        ),
        item(
            2,
            "Giám sát Chương trình 1719",
            ["UBND huyện Đồng Văn"],
            "2026-04-01",
            "2026-04-30",
            places=["Đồng Văn"],
        ),
    ]
    assert engine.pairs(own_areas) == []


def test_merged_departments_and_unit_names():
    assert agency_key("Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh") == agency_key(
        "Sở Nông nghiệp và Môi trường"
    )
    assert agency_key("Sở KH&ĐT") == agency_key("Sở Tài chính")
    assert place_key("xã Cẩm Bình") == place_key("Cẩm Bình") == "cam binh"
    assert agency_key(12) == "#12" and place_key(7) == "#7"


def test_gap_days():
    a = item(1, "x", [], "2026-01-01", "2026-01-31")
    assert gap_days(a, item(2, "x", [], "2026-01-15", "2026-02-15")) == 0
    assert gap_days(a, item(2, "x", [], "2026-04-01", "2026-04-02")) == 60
    assert gap_days(a, Item(id=3)) is None


def test_repeats_of_one_body_are_found():
    pairs = Engine().pairs(
        [
            item(
                1,
                "Giám sát thu, chi ngân sách và quản lý tài sản công",
                ["Sở Tài chính"],
                "2026-08-02",
                "2026-08-20",
            ),
            item(
                2,
                "Khảo sát xử lý nhà, đất là tài sản công dôi dư",
                ["Sở Tài chính"],
                "2026-08-23",
                "2026-08-31",
            ),
        ]
    )
    assert len(pairs) == 1 and any(r["kind"] == "same_body" for r in pairs[0].reasons)


def _labelled(folder: Path):
    records = [json.loads(x) for x in (folder / "activities.jsonl").read_text().splitlines() if x.strip()]
    labels = [json.loads(x) for x in (folder / "labels.jsonl").read_text().splitlines() if x.strip()]
    return records, {frozenset((x["a"], x["b"])) for x in labels if x["label"]}


def test_labelled_sets_meet_the_target():
    """On the sets the engine was developed on (the held-out sets became development sets once
    their misses were read; the blind figure is the newest held-out set's, in
    docs/performance-supervision.md): recall >= 0.95 at precision >= 0.90 pooled, and no set
    below recall 0.90 or precision 0.70."""
    pooled = [0, 0, 0]
    for folder in [DATA] + [DATA / f"heldout{n}" for n in ("", "2", "3", "4", "5", "6", "7", "8", "9")]:
        records, gold = _labelled(folder)
        found = {frozenset((p.a, p.b)) for p in overlaps_by_group(items_from_records(records))}
        tp, fp, fn = len(found & gold), len(found - gold), len(gold - found)
        pooled = [pooled[0] + tp, pooled[1] + fp, pooled[2] + fn]
        assert tp / (tp + fp) >= 0.70 and tp / (tp + fn) >= 0.90, (folder.name, tp, fp, fn)
    tp, fp, fn = pooled
    assert tp / (tp + fp) >= 0.90 and tp / (tp + fn) >= 0.95, pooled


def _run(*args, stdin=None):
    env = {**os.environ, "DATABASE_URL": "sqlite:////nonexistent/x"}
    return subprocess.run(
        [sys.executable, "manage.py", "supervision_overlaps", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def test_command_runs_without_a_database(tmp_path):
    out = tmp_path / "out.jsonl"
    result = _run(str(DATA / "activities.jsonl"), "--output", str(out))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert lines and set(lines[0]) == {"a", "b", "score", "reasons"}
    groups = {
        r["id"]: r["group"] for r in map(json.loads, (DATA / "activities.jsonl").read_text().splitlines())
    }
    assert all(groups[x["a"]] == groups[x["b"]] for x in lines)  # within each group
    assert [x["score"] for x in lines if groups[x["a"]] == "g1"] == sorted(
        (x["score"] for x in lines if groups[x["a"]] == "g1"), reverse=True
    )


def test_command_refuses_bad_input_with_the_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "topic": "a", "start": "2026-01-01"}\n{"id": 2, "start": "31/02/2026"}\n')
    result = _run(str(bad))
    assert result.returncode != 0 and "line 2" in result.stderr
    bad.write_text('{"topic": "no id"}\n')
    assert "line 1" in _run(str(bad)).stderr
    bad.write_text("not json\n")
    assert "line 1" in _run(str(bad)).stderr
    bad.write_text('{"id": 1, "agencies": "Sở Y tế"}\n')
    assert "must be a list" in _run(str(bad)).stderr
    assert "cannot read" in _run(str(tmp_path / "missing.jsonl")).stderr
