"""A denunciation's identity is sealed, whatever path writes the row (after 0008 sealed the
existing ones)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("letters", "0008_seal_follows_the_person")]

    operations = [
        migrations.AddConstraint(
            model_name='letter',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('kind', 'denunciation'), _negated=True), ('identity_sealed', True), _connector='OR'), name='letters_denunciation_sealed'),
        ),
    ]
