"""The seal follows the person, not the item kind (issue 10, finding 1): every denunciation,
every item split from a sealed letter, and a letter one of whose items is a denunciation, is
sealed; a sealed writer keeps no initials in clear (finding 15), nor a sealed visit's citizens;
the files of a sealed letter are sealed too, their names encrypted (finding 4)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Letter = apps.get_model("letters", "Letter")
    ReceptionVisit = apps.get_model("letters", "ReceptionVisit")
    LetterAttachment = apps.get_model("letters", "LetterAttachment")

    Letter.objects.filter(kind="denunciation").update(identity_sealed=True)
    while True:  # items of a sealed letter, and letters with a sealed item, until nothing changes
        sealed = Letter.objects.filter(identity_sealed=True)
        parents = Letter.objects.filter(identity_sealed=False, items__in=sealed).values_list("pk", flat=True)
        items = Letter.objects.filter(identity_sealed=False, parent__in=sealed).values_list("pk", flat=True)
        ids = set(parents) | set(items)
        if not ids:
            break
        Letter.objects.filter(pk__in=ids).update(identity_sealed=True)
    Letter.objects.filter(identity_sealed=True).exclude(redacted_name="").update(redacted_name="")
    ReceptionVisit.objects.filter(kind="denunciation").exclude(citizens_redacted="").update(citizens_redacted="")

    todo = LetterAttachment.objects.filter(letter__identity_sealed=True)
    if not todo.exists():
        return
    from dancu.letters import crypto  # the key is needed only when there are files to seal

    for attachment in todo.iterator(chunk_size=20):
        extension = attachment.filename.rsplit(".", 1)[-1].lower() if "." in attachment.filename else "bin"
        if not attachment.is_sealed:
            attachment.data = crypto.seal_bytes(bytes(attachment.data))
            attachment.is_sealed = True
            attachment.seal_key = crypto.key_id()
            attachment.sealed_name = crypto.seal({"name": attachment.filename}, secret=None)
        elif not attachment.sealed_name:
            attachment.sealed_name = crypto.seal({"name": attachment.filename})
            attachment.seal_key = ""  # the data keeps the key it had (rotated like the identities)
        attachment.filename = f"tep_dinh_kem_{attachment.pk}.{extension}"
        attachment.save(update_fields=["data", "is_sealed", "seal_key", "sealed_name", "filename"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0007_sealed_person_keys_tokens")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
