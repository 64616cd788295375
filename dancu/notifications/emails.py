"""The e-mail of a notification: Vietnamese text (the site's language), absolute links.

Configuration (Django's SMTP backend, set by the environment in config/): EMAIL_BACKEND,
EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, EMAIL_USE_SSL,
EMAIL_TIMEOUT, DEFAULT_FROM_EMAIL; and DANCU_SITE_URL, the address the links start with.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .models import Delivery

DEFAULT_SITE_URL = "http://localhost:8000"
SUBJECT_PREFIX = "[Dân cử] "


def site_url() -> str:
    return str(getattr(settings, "DANCU_SITE_URL", "") or DEFAULT_SITE_URL).rstrip("/")


def absolute(url: str) -> str:
    """`url` as a link that works from a mailbox: a path gets the site's address in front."""
    url = (url or "").strip()
    if not url:
        return ""
    if urlsplit(url).scheme in {"http", "https"}:
        return url
    return f"{site_url()}/{url.lstrip('/')}"


def message_id(delivery: Delivery) -> str:
    """Stable per notification: a resend after a lost acknowledgement carries the same id, so a
    mail client shows one message."""
    host = urlsplit(site_url()).hostname or "localhost"
    return f"<dancu.notification.{delivery.notification_id}@{host}>"


def build_message(delivery: Delivery) -> EmailMultiAlternatives:
    notification = delivery.notification
    recipient = notification.recipient
    with translation.override(getattr(settings, "LANGUAGE_CODE", "vi")):
        context = {
            "greeting": _("Dear %(name)s,") % {"name": recipient.get_full_name()},
            "title": notification.title,
            "body": notification.body,
            "url": absolute(notification.url),
            "open_label": _("See the details"),
            "footer": _("This message was sent automatically by Dân cử."),
            "preferences_label": _("Choose which notifications you receive"),
            "preferences_url": absolute(reverse("notifications:preferences")),
        }
        text = render_to_string("notifications/email.txt", context)
        html = render_to_string("notifications/email.html", context)
    message = EmailMultiAlternatives(
        subject=(SUBJECT_PREFIX + notification.title).replace("\n", " ")[:250],
        body=text,
        from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None),
        to=[delivery.address],
        headers={
            "Message-ID": message_id(delivery),
            "X-Dancu-Event": notification.event,
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(html, "text/html")
    return message
