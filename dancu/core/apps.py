from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "dancu.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Ids in URLs (`<int:pk>`) have at most 18 digits, so they fit a 64-bit column: a URL
        # with an id of 10^25 is simply not found (404), never a database overflow (500).
        # Set before any URLconf is compiled; Django reads the regex when a pattern is built.
        from django.urls.converters import IntConverter

        IntConverter.regex = "[0-9]{1,18}"
