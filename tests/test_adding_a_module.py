"""Adding a module is one folder plus one line: the toy module of docs/adding-a-module.md
(tests/toy_notes), added to DANCU_MODULES, gets its URLs, public URLs, menu entry, role
permissions, beat entry, demo loader and permission-matrix routes without any other edit."""

from __future__ import annotations

import types

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from dancu.accounts import roles
from dancu.core import modules
from dancu.core.access import get_access
from dancu.core.navigation import menu_for

from .test_route_coverage import all_route_names, covered_routes

pytestmark = pytest.mark.django_db


@pytest.fixture
def toy_module(monkeypatch):
    with_toy = [*settings.DANCU_MODULES[:-1], "tests.toy_notes", settings.DANCU_MODULES[-1]]
    monkeypatch.setattr(roles, "_merged", None)  # the role matrix is merged once per process
    with override_settings(DANCU_MODULES=with_toy):
        from django.contrib import admin
        from django.urls import path

        from config.urls import api  # the API object is built once; pages come from the manifests

        urlconf = types.ModuleType("toy_project_urls")  # a module: hashable, as resolvers need
        urlconf.urlpatterns = [  # type: ignore[attr-defined]
            *modules.urlpatterns(),
            path("api/v1/", api.urls),
            path("quan-tri/", admin.site.urls),
        ]
        with override_settings(ROOT_URLCONF=urlconf):
            yield
    roles._merged = None


def test_without_the_line_the_module_is_absent():
    assert "toy_notes" not in {m.name for m in modules.manifests()}
    assert "toy_notes:note_list" not in all_route_names()


def test_one_line_brings_urls_menu_roles_beat_demo_and_matrix(toy_module, client, make_user, office):
    assert [m.name for m in modules.manifests()][-2:] == ["toy_notes", "web"]
    # URLs, staff and public
    assert reverse("toy_notes:note_list") == "/ghi-chu/"
    assert reverse("toy_notes_public:notes") == "/cong-khai/ghi-chu/"
    specialist = make_user("specialist", office)
    viewer = make_user("viewer", office)
    client.force_login(specialist)
    assert client.get("/ghi-chu/").content.decode() == "Ghi chú của Văn phòng"
    client.force_login(viewer)
    assert client.get("/ghi-chu/").status_code == 403
    client.logout()
    assert client.get("/cong-khai/ghi-chu/").status_code == 200
    # Role permissions merged into the matrix, and the menu follows them
    assert "toy_notes.view" in roles.role_permissions()["specialist"]
    labels = [item.label for group in menu_for(get_access(specialist)) for item in group.items]
    assert "Ghi chú" in labels
    assert "Ghi chú" not in [i.label for g in menu_for(get_access(viewer)) for i in g.items]
    # Beat and demo
    assert modules.beat_schedule()["toy-notes-digest"]["task"] == "tests.toy_notes.tasks.digest"
    assert {m.name: load for m, load in modules.hooks("demo")}["toy_notes"]() == {"notes": 3}
    # Its matrix routes count, and every route of the project with it is covered
    assert {"toy_notes:note_list", "toy_notes_public:notes"} <= covered_routes()
    assert all_route_names() - covered_routes() == set()


def test_a_route_missing_from_the_matrix_is_found(toy_module, monkeypatch):
    """The coverage check is real: drop the toy's page from its ROUTES and it is reported."""
    from tests.toy_notes.tests import test_permissions as toy_matrix

    monkeypatch.setattr(toy_matrix, "ROUTES", {"toy_notes_public:notes"})
    assert all_route_names() - covered_routes() == {"toy_notes:note_list"}
