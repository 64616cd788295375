"""The supervision module's manifest: what it brings to the shared pieces (dancu.core.modules)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

from .permissions import ROLE_PERMISSIONS, SupervisionPerm

MANIFEST = ModuleManifest(
    name="supervision",
    url_prefix="giam-sat/",
    urls="dancu.supervision.urls",
    public_prefix="giam-sat/",
    public_urls="dancu.supervision.public_urls",
    public_links=(MenuItem(_("Results of supervision"), "supervision_public:document_list", "binoculars"),),
    api_prefix="/supervision",
    api_router="dancu.supervision.api:router",
    menus=(
        MenuGroup(
            _("Supervision"),
            "binoculars",
            (
                MenuItem(_("Programmes"), "supervision:programme_list", "calendar3", SupervisionPerm.VIEW),
                MenuItem(_("Proposals"), "supervision:proposal_list", "lightbulb", SupervisionPerm.VIEW),
                MenuItem(_("Coordination"), "supervision:coordination", "intersect", SupervisionPerm.VIEW),
                MenuItem(
                    _("Recommendations after supervision"),
                    "supervision:recommendation_list",
                    "list-check",
                    SupervisionPerm.RECOMMENDATIONS,
                ),
                MenuItem(_("Supervision figures"), "supervision:figures", "bar-chart", SupervisionPerm.VIEW),
            ),
            order=35,
        ),
    ),
    role_permissions=ROLE_PERMISSIONS,
    beat_schedule={
        "supervision-reminders": {
            "task": "dancu.supervision.tasks.send_reminders",
            "schedule": crontab(hour=7, minute=30),
        },
    },
    demo="dancu.supervision.demo:load",
    dashboard_cards="dancu.supervision.dashboard:cards",
    documents="dancu.supervision.previews:samples",
    calendar_events="dancu.supervision.calendar:events",
    work_items="dancu.supervision.calendar:items",
    provides={
        "supervision.coordination_counts": "dancu.supervision.provided:coordination_counts",
        "term.carry_over": "dancu.supervision.carry_over:carry_over",
    },
    matrix_routes="dancu.supervision.tests.test_permissions:ROUTES",
    links=("council", "petitions"),
)
