from django.db import migrations


def seed(apps, schema_editor):
    from dancu.consultations.rules import seed_rules

    seed_rules(apps.get_model("consultations", "ConsultationRule"))


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
