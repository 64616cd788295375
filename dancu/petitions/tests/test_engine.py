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
    """The hand-written held-out set groups by theme (same kind of problem anywhere), which is
    not how specialists group real petitions (issue 12): only its field labels are used here.
    Grouping at the real granularity is measured on real petitions by bench/petitions_eval.py
    and tested in test_engine_entities.py / test_consolidation_learning.py."""
    rows = engine.load_jsonl(DATA / "heldout.jsonl")
    results = {r.id: r for r in engine.consolidate(rows)}
    field_acc = sum(results[r["id"]].field == r["field"] for r in rows) / len(rows)
    # 0.795 (58 of 73) on 3 December 2026, 0.8 before: the classifier now learns from 643 real
    # petitions, whose labelling guide files some of these hand-written cases elsewhere (an
    # overloaded lorry wrecking a road is transport there, not public order). The field figure
    # that counts is on real petitions never fitted on (docs/performance-petitions.md).
    assert field_acc >= 0.75


def test_quality_on_real_petitions_beats_the_naive_baseline():
    """On the labelled real petitions of our own set (tests/data/petitions), grouping is at
    least as good as word TF-IDF connected components at the threshold best for them, and field
    beats the majority class. The shipped models were fitted on these rows too (with the
    development set): this is a regression guard; the held-out figures are the bench's
    (docs/performance-petitions.md)."""
    import itertools

    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = engine.load_jsonl(Path(__file__).parents[3] / "tests/data/petitions/real_own.jsonl")
    gold = [r["cluster"] for r in rows]

    def f1(pred):
        tp = fp = fn = 0
        for i, j in itertools.combinations(range(len(rows)), 2):
            tp += pred[i] == pred[j] and gold[i] == gold[j]
            fp += pred[i] == pred[j] and gold[i] != gold[j]
            fn += pred[i] != pred[j] and gold[i] == gold[j]
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    results = engine.consolidate(rows)
    m = TfidfVectorizer().fit_transform([r["text"] for r in rows])
    sims = (m @ m.T).toarray()
    best = 0.0
    for t in [x / 20 for x in range(1, 20)]:
        uf = engine._UnionFind(len(rows))
        for i, j in zip(*(sims >= t).nonzero(), strict=True):
            uf.union(int(i), int(j))
        best = max(best, f1([uf.find(i) for i in range(len(rows))]))
    assert f1([r.cluster for r in results]) >= best
    majority = max({r["field"] for r in rows}, key=[r["field"] for r in rows].count)
    field_acc = sum(r.field == row["field"] for r, row in zip(results, rows, strict=True)) / len(rows)
    assert field_acc > sum(row["field"] == majority for row in rows) / len(rows) + 0.2


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
        assert isinstance(x["reasons"], dict)
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
