"""A toy module, as docs/adding-a-module.md builds it: notes an Office keeps."""

from django.utils.translation import gettext_lazy as _

from dancu.accounts.roles import Role
from dancu.core.modules import ModuleManifest
from dancu.core.navigation import MenuGroup, MenuItem

VIEW = "toy_notes.view"

MANIFEST = ModuleManifest(
    name="toy_notes",
    url_prefix="ghi-chu/",
    urls="tests.toy_notes.urls",
    public_prefix="ghi-chu/",
    public_urls="tests.toy_notes.public_urls",
    menus=(MenuGroup(_("Notes"), "sticky", (MenuItem("Ghi chú", "toy_notes:note_list", "sticky", VIEW),), order=40),),
    role_permissions={Role.SPECIALIST: {VIEW}, Role.LEADER: {VIEW}},
    beat_schedule={"toy-notes-digest": {"task": "tests.toy_notes.tasks.digest", "schedule": 3600}},
    demo="tests.toy_notes.demo:load",
    matrix_routes="tests.toy_notes.tests.test_permissions:ROUTES",
)
