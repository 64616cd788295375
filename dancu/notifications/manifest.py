"""The notifications module's manifest: what it brings to the shared pieces (dancu.core.modules).

A shared-services layer (below the domain modules): domain modules call
`dancu.notifications.services.notify`; this module reads them only through hooks.
"""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

MANIFEST = ModuleManifest(
    name="notifications",
    url_prefix="thong-bao/",
    urls="dancu.notifications.urls",
    menus=(
        MenuGroup(
            _("My work"),
            "list-check",
            (
                MenuItem(_("My work"), "notifications:my_work", "list-check"),
                MenuItem(_("Notifications"), "notifications:list", "bell"),
                MenuItem(_("Notification settings"), "notifications:preferences", "sliders"),
            ),
            order=5,
        ),
    ),
    beat_schedule={
        # Sends what could not be queued or failed earlier, and what a dead worker left.
        "notifications-retry": {"task": "dancu.notifications.tasks.retry_deliveries", "schedule": 300.0},
        # Deadlines in 3 working days and overdue items, every morning.
        "notifications-due-reminders": {
            "task": "dancu.notifications.tasks.send_due_reminders",
            "schedule": crontab(hour=6, minute=30),
        },
        # "Việc của tôi" by e-mail, Monday morning.
        "notifications-weekly-digest": {
            "task": "dancu.notifications.tasks.send_weekly_digest",
            "schedule": crontab(hour=7, minute=0, day_of_week="mon"),
        },
    },
    demo="dancu.notifications.demo:load",
    dashboard_cards="dancu.notifications.dashboard:cards",
    matrix_routes="dancu.notifications.tests.test_permissions:ROUTES",
    provides={"notifications.notify": "dancu.notifications.services:notify"},
)
