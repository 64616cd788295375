from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PetitionsConfig(AppConfig):
    name = "dancu.petitions"
    label = "petitions"
    verbose_name = _("Voter petitions")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from .listing import VERSION
        from .models import Petition

        post_save.connect(VERSION.bump_now_and_on_commit, sender=Petition, dispatch_uid="petitions_version_save")
        post_delete.connect(VERSION.bump_now_and_on_commit, sender=Petition, dispatch_uid="petitions_version_delete")
