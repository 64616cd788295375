from django.db import migrations


def seed(apps, schema_editor):
    from dancu.scheduling.ruleset import seed_rules

    seed_rules(apps.get_model("scheduling", "MilestoneRule"))


class Migration(migrations.Migration):
    dependencies = [("scheduling", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
