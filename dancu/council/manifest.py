"""The council module's manifest: what it brings to the shared pieces (dancu.core.modules)."""

from django.utils.translation import gettext_lazy as _

from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

from .permissions import ROLE_PERMISSIONS

MANIFEST = ModuleManifest(
    name="council",
    url_prefix="ky-hop/",
    urls="dancu.council.urls",
    public_prefix="ky-hop/",
    public_urls="dancu.council.public_urls",
    public_links=(
        MenuItem(_("Council sessions"), "council_public:session_list", "bank"),
        MenuItem(_("Resolutions of the council"), "council_public:resolution_list", "journal-text"),
    ),
    api_prefix="/council",
    api_router="dancu.council.api:router",
    menus=(
        MenuGroup(
            _("Sessions"),
            "bank",
            (
                MenuItem(_("Council sessions"), "council:session_list", "bank", "council.view"),
                MenuItem(_("Resolutions"), "council:resolution_list", "journal-text", "council.resolutions"),
                MenuItem(
                    _("Questions and commitments"), "council:question_list", "question-circle", "council.view"
                ),
                MenuItem(_("Standing Committee"), "council:meeting_list", "people-fill", "council.view"),
                MenuItem(_("Council figures"), "council:figures", "bar-chart", "council.view"),
                MenuItem(_("My session (delegate)"), "council:my_sessions", "tablet", "council.take_part"),
            ),
            order=30,
        ),
    ),
    role_permissions=ROLE_PERMISSIONS,
    beat_schedule={
        "council-close-expired-votes": {"task": "dancu.council.tasks.close_expired_votes", "schedule": 5.0},
    },
    demo="dancu.council.demo:load",
    dashboard_cards="dancu.council.dashboard:cards",
    search="dancu.council.search:global_search",
    documents="dancu.council.previews:samples",
    audit_words="dancu.council.case:known_words",
    matrix_routes="dancu.council.tests.test_permissions:ROUTES",
    calendar_events="dancu.council.calendar:events",
    work_items="dancu.council.worklist:items",
    provides={
        "council.hearing_create": "dancu.council.providers:hearing_create_for_link",
        "council.question_create": "dancu.council.providers:question_create_for_link",
        "council.coordination_counts": "dancu.council.providers:coordination_counts",
    },
)
