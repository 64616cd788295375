"""The petitions module's manifest: what it brings to the shared pieces (dancu.core.modules)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

from .permissions import ROLE_PERMISSIONS

MANIFEST = ModuleManifest(
    name="petitions",
    url_prefix="kien-nghi/",
    urls="dancu.petitions.urls",
    public_prefix="kien-nghi/",
    public_urls="dancu.petitions.public_urls",
    public_links=(
        MenuItem(_("Voter petitions and answers"), "petitions_public:round_list", "chat-square-text"),
        MenuItem(_("Look up a petition"), "petitions_public:lookup", "search"),
    ),
    api_prefix="/petitions",
    api_router="dancu.petitions.api:router",
    menus=(
        MenuGroup(
            _("Voter petitions"),
            "chat-square-text",
            (
                MenuItem(_("Voter meetings"), "petitions:round_list", "people", "petitions.view"),
                MenuItem(
                    _("Voter petitions"), "petitions:petition_list", "chat-square-text", "petitions.view"
                ),
                MenuItem(_("Petitions dashboard"), "petitions:dashboard", "bar-chart", "petitions.view"),
                MenuItem(_("Petitions to answer"), "petitions:agency_inbox", "reply", "petitions.answer"),
            ),
            order=10,
        ),
    ),
    role_permissions=ROLE_PERMISSIONS,
    beat_schedule={
        "petitions-reminders": {
            "task": "dancu.petitions.tasks.send_reminders",
            "schedule": crontab(hour=7, minute=15),
        },
    },
    demo="dancu.petitions.demo:load",
    dashboard_cards="dancu.petitions.dashboard:cards",
    search="dancu.petitions.search:global_search",
    documents="dancu.petitions.previews:samples",
    audit_words="dancu.petitions.case:known_words",
    calendar_events="dancu.petitions.calendar:events",
    work_items="dancu.petitions.worklist:items",
    provides={
        "petitions.recurring_unresolved": "dancu.petitions.provided:recurring_unresolved",
        "petitions.coordination_counts": "dancu.petitions.provided:coordination_counts",
        "term.carry_over": "dancu.petitions.carry_over:carry_over",
    },
    matrix_routes="dancu.petitions.tests.test_permissions:ROUTES",
)
