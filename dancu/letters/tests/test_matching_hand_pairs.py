"""Issue 12, item 6: the duplicate engine on the hand-written pairs (tests/data/letters/
dup_pairs_hand.jsonl: 150 pairs written by hand, other provinces and wording than the generated
sets), and the engine pieces changed for the 1,000,000-letter bench (vectorised MinHash, the
keyed hash with its key derived once) kept equal to their reference."""

from __future__ import annotations

import json
from pathlib import Path

from dancu.letters import crypto
from dancu.letters.matching import compare, engine, profile_of
from dancu.letters.matching.batch import find_duplicates

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "letters"


def _scores(pairs, decide):
    tp = fp = fn = 0
    for p in pairs:
        truth = p["same_person"] and p["same_content"]
        got = decide(p)
        tp += got and truth
        fp += got and not truth
        fn += truth and not got
    return tp / (tp + fp), tp / (tp + fn)


def test_hand_written_pairs_meet_the_targets_and_beat_name_equality():
    pairs = [json.loads(line) for line in (DATA / "dup_pairs_hand.jsonl").open(encoding="utf-8")]
    assert len(pairs) >= 150
    letters = {x["id"]: x for p in pairs for x in (p["a"], p["b"])}
    found = {row["id"]: {d["id"]: d for d in row["duplicates"]} for row in find_duplicates(letters.values())}

    def engine_says(p):
        d = found[p["a"]["id"]].get(p["b"]["id"])
        return bool(d and d["same_person"] and d["same_content"])

    def folded_names(p):
        return bool(p["a"]["name"]) and crypto.normalize_name(p["a"]["name"]) == crypto.normalize_name(
            p["b"]["name"]
        )

    precision, recall = _scores(pairs, engine_says)
    base_precision, base_recall = _scores(pairs, folded_names)
    assert precision >= 0.95 and recall >= 0.90, (precision, recall)
    assert precision > base_precision + 0.2 and recall > base_recall + 0.1


def test_surnames_that_look_like_agencies_are_people():
    for person in ("Đoàn Văn Hậu", "Trương Thị Lan", "DOAN VAN HAU", "TRUONG THI LAN", "Đoàn Thanh Hải"):
        assert not engine._is_agency(person), person
    for agency in ("Đoàn ĐBQH tỉnh Hà Tĩnh", "Trường THCS Nưa", "Báo Quảng Bình", "Ban Dân nguyện",
                   "DOAN DBQH TINH HA TINH", "Đoàn thanh tra tỉnh", "Sở Nội vụ"):  # fmt: skip
        assert engine._is_agency(agency), agency


def test_a_cover_letter_gives_the_citizens_address_without_the_rest_of_the_sentence():
    citizen = profile_of(name="Phan Văn Tú", address="xóm Trung Thượng, xã Trung Phúc Cường, huyện Nam Đàn",
                         content="Bể ngầm cây xăng rò rỉ làm nước giếng nhà tôi nhiễm mùi xăng.")  # fmt: skip
    cover = profile_of(
        name="UBND huyện Nam Đàn",
        content="UBND huyện chuyển đơn của ông Phan Văn Tú, trú tại xóm Trung Thượng, xã Trung Phúc Cường "
        "về việc bể ngầm cây xăng rò rỉ làm nước giếng nhà ông nhiễm mùi xăng.",
    )
    assert cover.person.present and cover.communes and set(cover.communes) == set(citizen.communes)
    written = profile_of(content="Ủy ban Mặt trận chuyển đơn của bà Nguyễn Thị Sen, ở xóm Đông, xã Đà Sơn, "
                         "huyện Đô Lương phản ánh việc có tên trong danh sách vay vốn.")  # fmt: skip
    assert written.communes
    assert compare(citizen, cover).same_person


def test_vectorised_minhash_and_keyed_hash_equal_their_reference():
    for text in ("đất rừng lấn chiếm thửa 573", "một hai ba bốn năm sáu bảy tám chín mười " * 3, "a b"):
        words = profile_of(content=text).words
        assert engine.minhash_bands(words) == engine._minhash_bands_python(words)
    for secret in (None, b"another key"):
        assert engine._h("m:phone", "0912345678", secret) == crypto.keyed_hash(
            "m:phone", "0912345678", secret=secret
        )[: engine.HASH_CHARS]
