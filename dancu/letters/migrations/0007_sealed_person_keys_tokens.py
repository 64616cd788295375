"""Issue 10: the seal follows the person (`identity_sealed`), the key that sealed each row
(`seal_key`, for resumable key rotation), the public form's one-time token, sealed file names."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0002_search_indexes_posts'),
        ('letters', '0006_register_full_text_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='letter',
            name='identity_sealed',
            field=models.BooleanField(default=False, editable=False, verbose_name='identity sealed'),
        ),
        migrations.AddField(
            model_name='letter',
            name='seal_key',
            field=models.CharField(blank=True, editable=False, max_length=16),
        ),
        migrations.AddField(
            model_name='letter',
            name='submission_token',
            field=models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True),
        ),
        migrations.AddField(
            model_name='letterattachment',
            name='seal_key',
            field=models.CharField(blank=True, editable=False, max_length=16),
        ),
        migrations.AddField(
            model_name='letterattachment',
            name='sealed_name',
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name='receptionvisit',
            name='seal_key',
            field=models.CharField(blank=True, editable=False, max_length=16),
        ),
        migrations.AlterField(
            model_name='letterattachment',
            name='content_type',
            field=models.CharField(max_length=100),
        ),
    ]
