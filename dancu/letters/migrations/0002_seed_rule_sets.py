from django.db import migrations

from dancu.letters.defaults import ensure_rule_sets


def seed(apps, schema_editor):
    LetterRuleSet = apps.get_model("letters", "LetterRuleSet")
    ensure_rule_sets(LetterRuleSet)


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
