"""Version alignment: renumbering, edits, insertions, removals, and the taken-up check."""

from dancu.consultations import align, outline

V1 = """Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về quản lý và sử dụng đất đai.
Điều 2. Đối tượng áp dụng
1. Cơ quan nhà nước.
2. Người sử dụng đất.
Điều 3. Giải thích từ ngữ
1. Bản đồ địa chính là bản đồ thể hiện các thửa đất.
Điều 4. Hành vi bị nghiêm cấm
1. Lấn đất, chiếm đất, hủy hoại đất.
Điều 5. Thời hạn lấy ý kiến
1. Thời hạn lấy ý kiến là 30 ngày.
"""

V2 = """Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định về quản lý và sử dụng đất đai.
Điều 2. Chính sách của Nhà nước về đất đai
1. Nhà nước có chính sách khuyến khích đầu tư vào đất đai.
Điều 3. Đối tượng áp dụng
1. Cơ quan nhà nước.
2. Người sử dụng đất.
Điều 4. Giải thích từ ngữ
1. Bản đồ địa chính là bản đồ thể hiện các thửa đất và các đối tượng địa lý có liên quan.
Điều 5. Thời hạn lấy ý kiến
1. Thời hạn lấy ý kiến ít nhất là 45 ngày kể từ ngày đăng tải.
"""


def test_alignment_finds_moved_changed_new_removed():
    matches = align.align(outline.parse_text(V1), outline.parse_text(V2))
    by = {(m.old_key, m.new_key): m for m in matches}
    assert by[("d1", "d1")].status == "unchanged"
    assert by[("d2", "d3")].status == "moved" and not by[("d2", "d3")].changed
    assert by[("d3", "d4")].status == "moved" and by[("d3", "d4")].changed
    assert by[("d5", "d5")].status == "changed"
    assert by[("", "d2")].status == "new"
    assert by[("d4", "")].status == "removed"
    assert align.summary(matches) == {"unchanged": 1, "changed": 1, "moved": 2, "new": 1, "removed": 1}
    diff = by[("d5", "d5")].diff
    assert ("-", "30 ngày.") in diff and any(op == "+" and "45 ngày" in text for op, text in diff)


def test_taken_up_needs_the_new_text_to_follow_the_proposal():
    proposal = "Thời hạn lấy ý kiến ít nhất là 45 ngày kể từ ngày đăng tải."
    old = "Thời hạn lấy ý kiến là 30 ngày."
    assert align.taken_up(proposal, old, "1. Thời hạn lấy ý kiến ít nhất là 45 ngày kể từ ngày đăng tải.")[0]
    assert not align.taken_up(proposal, old, old)[0]
    # A proposal that only repeats the old text is not "taken up" when the text stays.
    assert not align.taken_up(old, old, old)[0]
