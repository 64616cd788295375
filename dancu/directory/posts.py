"""The standard posts (chức vụ), seeded by migration and re-ensured by loaders (a test flush
or an administrator may have removed them)."""

POSTS = [
    ("chu-tich", "Chủ tịch", 10),
    ("truong-doan", "Trưởng đoàn", 11),
    ("pho-chu-tich", "Phó Chủ tịch", 20),
    ("pho-truong-doan", "Phó Trưởng đoàn chuyên trách", 21),
    ("truong-ban", "Trưởng ban", 30),
    ("pho-truong-ban", "Phó Trưởng ban", 40),
    ("to-truong", "Tổ trưởng", 50),
    ("to-pho", "Tổ phó", 55),
    ("uy-vien", "Ủy viên", 60),
    ("dai-bieu", "Đại biểu", 70),
    ("chanh-van-phong", "Chánh Văn phòng", 80),
    ("pho-chanh-van-phong", "Phó Chánh Văn phòng", 85),
    ("giam-doc", "Giám đốc", 90),
    ("pho-giam-doc", "Phó Giám đốc", 95),
]


def ensure_posts(post_model=None) -> None:
    if post_model is None:
        from .models import Post as post_model
    for code, name, rank in POSTS:
        post_model.objects.get_or_create(code=code, defaults={"name": name, "rank": rank})
