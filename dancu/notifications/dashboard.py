from django.urls import reverse
from django.utils.translation import gettext as _

from .selectors import unread_count


def cards(user) -> list[dict]:
    return [
        {
            "label": _("Unread notifications"),
            "value": unread_count(user),
            "url": reverse("notifications:list"),
        }
    ]
