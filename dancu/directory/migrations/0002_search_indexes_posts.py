from django.db import migrations

from dancu.core.search import CreateSearchIndex

def seed_posts(apps, schema_editor):
    from dancu.directory.posts import ensure_posts

    ensure_posts(apps.get_model("directory", "Post"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial"), ("core", "0002_extensions_audit_guard_holidays")]

    operations = [
        CreateSearchIndex("directory_administrativeunit"),
        CreateSearchIndex("directory_body"),
        CreateSearchIndex("directory_person"),
        migrations.RunPython(seed_posts, migrations.RunPython.noop),
    ]
