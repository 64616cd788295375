from django.db import migrations

from dancu.core.search import CreateSearchIndex

POSTS = [
    ("chu-tich", "Chủ tịch", 10),
    ("pho-chu-tich", "Phó Chủ tịch", 20),
    ("truong-doan", "Trưởng đoàn", 11),
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


def seed_posts(apps, schema_editor):
    Post = apps.get_model("directory", "Post")
    for code, name, rank in POSTS:
        Post.objects.update_or_create(code=code, defaults={"name": name, "rank": rank})


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial"), ("core", "0002_extensions_audit_guard_holidays")]

    operations = [
        CreateSearchIndex("directory_administrativeunit"),
        CreateSearchIndex("directory_body"),
        CreateSearchIndex("directory_person"),
        migrations.RunPython(seed_posts, migrations.RunPython.noop),
    ]
