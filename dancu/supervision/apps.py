from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "dancu.supervision"
    label = "supervision"
    verbose_name = _("Supervision")

    def ready(self) -> None:
        # Every change the overlap engine reads bumps the version of the cached pairs
        # (coordination.year_pairs).
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from dancu.directory.models import UnitSuccession

        from .coordination import bump_version
        from .models import Activity, Programme, SupervisionRule

        for model in (Activity, Programme, SupervisionRule, UnitSuccession):
            post_save.connect(bump_version, sender=model, dispatch_uid=f"supervision-overlaps-{model.__name__}")
            post_delete.connect(
                bump_version, sender=model, dispatch_uid=f"supervision-overlaps-del-{model.__name__}"
            )
        for through in (Activity.agencies.through, Activity.places.through):
            m2m_changed.connect(bump_version, sender=through, dispatch_uid=f"supervision-overlaps-{through.__name__}")
