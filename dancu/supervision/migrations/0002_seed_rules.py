from django.db import migrations


def seed(apps, schema_editor):
    from dancu.supervision.ruleset import seed_rules

    seed_rules(apps.get_model("supervision", "SupervisionRule"))


class Migration(migrations.Migration):
    dependencies = [("supervision", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
