"""The letters module's manifest: what it brings to the shared pieces (dancu.core.modules)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

from .permissions import ROLE_PERMISSIONS

MANIFEST = ModuleManifest(
    name="letters",
    url_prefix="don-thu/",
    urls="dancu.letters.urls",
    public_prefix="don-thu/",
    public_urls="dancu.letters.public_urls",
    public_links=(
        MenuItem(
            _("Send a letter to the delegation and the council"), "letters_public:submit", "envelope-paper"
        ),
        MenuItem(_("Look up your letter"), "letters_public:status", "search"),
        MenuItem(_("Citizen reception days and letters"), "letters_public:index", "calendar-event"),
    ),
    api_prefix="/letters",
    api_router="dancu.letters.api:router",
    menus=(
        MenuGroup(
            _("Citizen letters"),
            "envelope",
            (
                MenuItem(_("Letter register"), "letters:register", "envelope-paper", "letters.view"),
                MenuItem(_("Letters forwarded to us"), "letters:register", "inbox", "letters.respond"),
                MenuItem(_("Receive a letter"), "letters:letter_create", "envelope-plus", "letters.handle"),
                MenuItem(_("Reception days"), "letters:reception_days", "calendar-event", "letters.view"),
                MenuItem(
                    _("Import a letter register"),
                    "letters:import_page",
                    "file-earmark-excel",
                    "letters.import",
                ),
                MenuItem(
                    _("Destruction list"), "letters:destruction_list", "trash", "letters.approve_destruction"
                ),
                MenuItem(_("Letter statistics"), "letters:statistics", "bar-chart", "letters.view"),
            ),
            order=20,
        ),
    ),
    role_permissions=ROLE_PERMISSIONS,
    beat_schedule={
        "letters-reminders": {
            "task": "dancu.letters.tasks.send_letter_reminders",
            "schedule": crontab(hour=6, minute=30),
        },
    },
    demo="dancu.letters.demo:load",
    dashboard_cards="dancu.letters.dashboard:cards",
    search="dancu.letters.search:global_search",
    documents="dancu.letters.previews:samples",
    audit_words="dancu.letters.case:words",
    calendar_events="dancu.letters.calendar:events",
    work_items="dancu.letters.worklist:items",
    provides={"letters.coordination_counts": "dancu.letters.provided:coordination_counts"},
    matrix_routes="dancu.letters.tests.test_permissions:ROUTES",
)
