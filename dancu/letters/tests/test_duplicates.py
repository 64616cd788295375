from dancu.letters import crypto, duplicates
from dancu.letters.evaluation import evaluate, signals


def test_labelled_pairs_beat_the_name_baseline():
    result = evaluate()
    for task in ("same_person", "same_content", "duplicate"):
        ours, base = result[task]["ours"], result[task]["baseline"]
        assert ours["precision"] >= 0.9 and ours["recall"] >= 0.9, (task, ours)
        assert ours["recall"] > base["recall"]


def test_name_alone_is_not_the_same_person():
    a = {
        "name": "Nguyễn Văn Hùng",
        "id_number": "",
        "phone": "",
        "address": "",
        "target": "x",
        "content": "đất đai",
    }
    b = {**a, "name": "NGUYEN VAN HUNG", "target": "y", "content": "chính sách người có công"}
    person, content, _ = duplicates.compare(signals(a), signals(b))
    assert not person and not content
    b["phone"] = a["phone"] = "0912345678"
    b["phone"] = "+84 912 345 678"
    assert duplicates.compare(signals(a), signals(b))[0]


def test_keyed_hash_depends_on_the_secret(monkeypatch):
    h = crypto.keyed_hash("name", crypto.normalize_name("Lê Thị Hoa"))
    assert h == crypto.keyed_hash("name", crypto.normalize_name("le  thi-hoa"))
    monkeypatch.setenv("DANCU_SEAL_KEY", "production secret")
    assert crypto.keyed_hash("name", "le thi hoa") != h
