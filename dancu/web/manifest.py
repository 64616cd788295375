from django.utils.translation import gettext_lazy as _

from dancu.accounts.roles import Perm
from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

MANIFEST = ModuleManifest(
    name="web",
    url_prefix="",
    urls="dancu.web.urls",
    menus=(
        MenuGroup(
            _("Dashboard"),
            "speedometer2",
            (MenuItem(_("Dashboard"), "web:dashboard", "speedometer2"),),
            order=0,
        ),
        MenuGroup(
            _("Administration"),
            "gear",
            (
                MenuItem(_("Audit log"), "web:audit_list", "shield-check", Perm.AUDIT_VIEW),
                MenuItem(_("Users"), "web:user_list", "person-gear", Perm.ACCOUNTS_MANAGE),
                MenuItem(_("System status"), "web:system_status", "activity", Perm.ACCOUNTS_MANAGE),
            ),
            order=90,
        ),
    ),
    # System work that belongs to no domain module.
    beat_schedule={
        "core-reap-stalled-imports": {"task": "dancu.core.tasks.reap_stalled_imports", "schedule": 300.0}
    },
    matrix_routes="dancu.web.tests.test_permissions:ROUTES",
)
