"""The consultations module's manifest: what it brings to the shared pieces (dancu.core.modules)."""

from django.utils.translation import gettext_lazy as _

from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

from .permissions import RESPOND, ROLE_PERMISSIONS, VIEW

MANIFEST = ModuleManifest(
    name="consultations",
    url_prefix="gop-y-luat/",
    urls="dancu.consultations.urls",
    public_prefix="gop-y-luat/",
    public_urls="dancu.consultations.public_urls",
    public_links=(
        MenuItem(_("Comment on draft laws"), "consultations_public:draft_list", "chat-square-text"),
    ),
    api_prefix="/consultations",
    api_router="dancu.consultations.api:router",
    menus=(
        MenuGroup(
            _("Draft laws"),
            "journal-richtext",
            (
                MenuItem(_("Draft-law consultations"), "consultations:draft_list", "journal-richtext", VIEW),
                MenuItem(_("Consultation figures"), "consultations:figures", "bar-chart", VIEW),
                MenuItem(
                    _("Drafts we are asked about"), "consultations:respond_list", "envelope-open", RESPOND
                ),
            ),
            order=45,
        ),
    ),
    role_permissions=ROLE_PERMISSIONS,
    demo="dancu.consultations.demo:load",
    documents="dancu.consultations.previews:samples",
    matrix_routes="dancu.consultations.tests.test_permissions:ROUTES",
    calendar_events="dancu.consultations.calendar:events",
    work_items="dancu.consultations.worklist:items",
    links=("petitions",),
    provides={"consultations.coordination_counts": "dancu.consultations.providers:coordination_counts"},
)
