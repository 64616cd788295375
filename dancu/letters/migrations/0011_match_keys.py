"""Issue 12: the duplicate engine's profile per letter (keyed hashes) and its blocking keys,
backfilled for the letters already registered (their sealed identity is opened with the seal
key in force, in memory; a row that does not open keeps an empty profile and is still found
through its older keyed hashes, see duplicates.py)."""

import django.db.models.deletion
from django.db import migrations, models

BATCH = 500


def backfill(apps, schema_editor):
    Letter = apps.get_model("letters", "Letter")
    LetterMatchKey = apps.get_model("letters", "LetterMatchKey")
    if not Letter.objects.exists():
        return
    from dancu.letters import crypto
    from dancu.letters.matching import blocking_keys, profile_of

    names = dict(apps.get_model("directory", "AdministrativeUnit").objects.values_list("pk", "name"))
    last = 0
    while True:
        rows = list(
            Letter.objects.filter(pk__gt=last)
            .order_by("pk")
            .only("pk", "province_id", "subject", "content", "target", "sealed_identity", "seal_key")[:BATCH]
        )
        if not rows:
            return
        keys = []
        for letter in rows:
            try:
                identity = (
                    crypto.unseal(letter.sealed_identity, sealed_with=letter.seal_key)
                    if letter.sealed_identity
                    else {}
                )
            except crypto.SealError:
                continue
            profile = profile_of(
                name=identity.get("name", ""),
                id_number=identity.get("id_number", ""),
                phone=identity.get("phone", ""),
                address=identity.get("address", ""),
                birth_year=identity.get("birth_year", ""),
                content=f"{letter.subject} {letter.content}",
                target=letter.target,
                province_hint=names.get(letter.province_id, ""),
            )
            Letter.objects.filter(pk=letter.pk).update(match_profile=profile.stored())
            keys += [LetterMatchKey(letter_id=letter.pk, key=k) for k in blocking_keys(profile)]
        LetterMatchKey.objects.bulk_create(keys, ignore_conflicts=True)
        last = rows[-1].pk


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0010_guidance_and_wording"),
        ("directory", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="letter",
            name="match_profile",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.CreateModel(
            name="LetterMatchKey",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=20)),
                (
                    "letter",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="match_keys",
                        to="letters.letter",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["key", "letter"], name="letters_matchkey_key_idx")],
                "constraints": [
                    models.UniqueConstraint(fields=("letter", "key"), name="letters_matchkey_once")
                ],
            },
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
