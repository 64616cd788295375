from django.utils.translation import gettext_lazy as _

from dancu.accounts.roles import Perm
from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

MANIFEST = ModuleManifest(
    name="directory",
    url_prefix="danh-ba/",
    urls="dancu.directory.urls",
    api_router="dancu.directory.api:router",
    menus=(
        MenuGroup(
            _("Directory"),
            "journal-bookmark",
            (
                MenuItem(_("Bodies"), "directory:body_list", "diagram-3", Perm.DIRECTORY_VIEW),
                MenuItem(_("People"), "directory:person_list", "people", Perm.DIRECTORY_VIEW),
                MenuItem(_("Administrative units"), "directory:unit_list", "geo-alt", Perm.DIRECTORY_VIEW),
            ),
            order=80,
        ),
    ),
    demo="dancu.directory.demo:load",
    search="dancu.directory.search:global_search",
)
