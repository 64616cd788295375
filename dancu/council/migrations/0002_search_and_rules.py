from django.db import migrations

from dancu.core.search import CreateSearchIndex


def seed(apps, schema_editor):
    from dancu.council.ruleset import seed_rules

    seed_rules(apps.get_model("council", "CouncilRule"))


class Migration(migrations.Migration):
    dependencies = [("council", "0001_initial")]

    operations = [
        CreateSearchIndex("council_session"),
        CreateSearchIndex("council_submission"),
        CreateSearchIndex("council_resolution"),
        CreateSearchIndex("council_question"),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
