"""The scheduling module's manifest: what it brings to the shared pieces (dancu.core.modules)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

from .permissions import ROLE_PERMISSIONS, SchedulingPerm

MANIFEST = ModuleManifest(
    name="scheduling",
    url_prefix="lich/",
    urls="dancu.scheduling.urls",
    api_prefix="/calendar",
    api_router="dancu.scheduling.api:router",
    menus=(
        MenuGroup(
            _("Calendar"),
            "calendar3",
            (
                MenuItem(_("Calendar"), "scheduling:calendar", "calendar3", SchedulingPerm.VIEW),
                MenuItem(_("Session preparation"), "scheduling:planning", "list-check", SchedulingPerm.VIEW),
                MenuItem(
                    _("Import the People's Committee's calendar"),
                    "scheduling:import",
                    "box-arrow-in-down",
                    SchedulingPerm.MANAGE,
                ),
                MenuItem(_("Halls"), "scheduling:hall_list", "door-open", SchedulingPerm.MANAGE),
                MenuItem(_("Calendar feeds"), "scheduling:feed_list", "rss", SchedulingPerm.VIEW),
            ),
            order=25,
        ),
    ),
    role_permissions=ROLE_PERMISSIONS,
    beat_schedule={
        "scheduling-fetch-subscriptions": {
            "task": "dancu.scheduling.tasks.fetch_subscriptions",
            "schedule": crontab(minute="*/30"),
        },
    },
    demo="dancu.scheduling.demo:load",
    calendar_events="dancu.scheduling.calendar:events",
    matrix_routes="dancu.scheduling.tests.test_permissions:ROUTES",
)
