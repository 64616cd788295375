from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _letters_changed(sender, **kwargs):
    from .paging import VERSION

    VERSION.bump_now_and_on_commit()


class LettersConfig(AppConfig):
    name = "dancu.letters"
    label = "letters"
    verbose_name = _("Citizen reception and letters")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .models import Letter

        post_save.connect(_letters_changed, sender=Letter, dispatch_uid="letters_count_version_save")
        post_delete.connect(_letters_changed, sender=Letter, dispatch_uid="letters_count_version_delete")
