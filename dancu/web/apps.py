from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """The shell on top of every module: dashboard, global search, audit page, users, menu, API."""

    name = "dancu.web"
    label = "web"
    verbose_name = _("Common interface")
