from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _letters_changed(sender, **kwargs):
    from django.db import transaction

    from .paging import bump_version

    # Now (this request and tests see the change at once) and again after commit: a request
    # reading between the write and the commit may have cached old rows under the new version.
    bump_version()
    transaction.on_commit(bump_version)


class LettersConfig(AppConfig):
    name = "dancu.letters"
    label = "letters"
    verbose_name = _("Citizen reception and letters")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .models import Letter

        post_save.connect(_letters_changed, sender=Letter, dispatch_uid="letters_count_version_save")
        post_delete.connect(_letters_changed, sender=Letter, dispatch_uid="letters_count_version_delete")
