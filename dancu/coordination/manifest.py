"""The coordination module's manifest: what it brings to the shared pieces (dancu.core.modules)."""

from django.utils.translation import gettext_lazy as _

from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

from .permissions import ROLE_PERMISSIONS, CoordinationPerm

MANIFEST = ModuleManifest(
    name="coordination",
    url_prefix="phoi-hop/",
    urls="dancu.coordination.urls",
    api_prefix="/coordination",
    api_router="dancu.coordination.api:router",
    menus=(
        MenuGroup(
            _("Coordination"),
            "diagram-3",
            (
                MenuItem(
                    _("Giao ban meetings"), "coordination:meeting_list", "people", CoordinationPerm.VIEW
                ),
                MenuItem(
                    _("Giao ban tasks"), "coordination:task_list", "check2-square", CoordinationPerm.VIEW
                ),
                MenuItem(
                    _("Coordination regulation"),
                    "coordination:regulation_list",
                    "journal-bookmark",
                    CoordinationPerm.VIEW,
                ),
            ),
            order=45,
        ),
    ),
    role_permissions=ROLE_PERMISSIONS,
    demo="dancu.coordination.demo:load",
    dashboard_cards="dancu.coordination.dashboard:cards",
    documents="dancu.coordination.previews:samples",
    matrix_routes="dancu.coordination.tests.test_permissions:ROUTES",
    calendar_events="dancu.coordination.calendar:events",
    work_items="dancu.coordination.worklist:items",
    provides={"coordination.roles_for": "dancu.coordination.services:roles_for"},
    links=("council", "petitions", "letters", "supervision", "consultations"),
)
