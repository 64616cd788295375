"""Grouping of comments by similarity within an article, and provision labels."""

from dancu.consultations import synthesis


def test_similar_comments_group_and_others_stay_apart():
    texts = [
        "Thời hạn 30 ngày là quá ngắn đối với dự án luật.",
        "Thời hạn 30 ngày quá ngắn, đề nghị kéo dài thời hạn lấy ý kiến.",
        "Đề nghị quy định rõ trách nhiệm của Ủy ban nhân dân cấp xã khi để xảy ra lấn, chiếm đất.",
        "Cử tri đề nghị giá đất bồi thường phải sát với giá thị trường, công khai bảng giá đất hằng năm.",
        "Bảng giá đất cần điều chỉnh hằng năm theo giá thị trường để bảo đảm quyền lợi người có đất bị thu hồi.",
    ]
    assert synthesis.group_texts(texts) == [[0, 1], [2], [3, 4]]
    assert synthesis.group_texts([]) == [] and synthesis.group_texts(["x"]) == [[0]]
    assert synthesis.group_texts(["...", "!!!"]) == [[0], [1]]


def test_labels_and_order():
    assert synthesis.path_label("d12.k2.b") == "Điểm b khoản 2 Điều 12"
    assert synthesis.path_label("d5") == "Điều 5"
    assert sorted(["d12", "", "d2", "d12a"], key=synthesis.article_sort_key) == ["", "d2", "d12", "d12a"]
