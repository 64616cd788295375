import datetime

from django.db import migrations

from dancu.core.search import CreateSearchIndex

RULES = [
    # level, effective_from, answer_days, remind_days_before, source
    ("central", datetime.date(2017, 1, 1), 60, 10, "QĐ 33/2017/QĐ-TTg Art. 12, amended by QĐ 30/2020"),
    ("province", datetime.date(2017, 1, 1), 30, 7, "provincial regulation (editable)"),
    ("commune", datetime.date(2017, 1, 1), 30, 7, "provincial regulation (editable)"),
]


def seed(apps, schema_editor):
    rule = apps.get_model("petitions", "PetitionRule")
    for level, start, days, remind, source in RULES:
        rule.objects.get_or_create(
            level=level,
            effective_from=start,
            defaults={"answer_days": days, "remind_days_before": remind, "source": source},
        )


class Migration(migrations.Migration):
    dependencies = [("petitions", "0001_initial")]

    operations = [
        CreateSearchIndex("petitions_petition"),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
