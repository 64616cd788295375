"""Permission matrix of the foundation's pages and endpoints (shell, accounts, directory), on
the shared harness (`dancu.core.testing`): anonymous / no role / an Office administrator of
ANOTHER province / each role of the province; GETs change nothing, nothing of the province
leaks to those who may not see it, and phones only reach the Office roles."""

from __future__ import annotations

import pytest

from dancu.accounts.models import RoleAssignment
from dancu.core import testing as m
from dancu.core.models import AuditEntry, ImportJob
from dancu.directory.models import Body, Membership, Person
from dancu.directory.tests.factories import CommuneFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

SECRET_NAME = "Hoàng Bí Mật"
SECRET_PHONE = "0987654321"
EVERY_ROLE = m.ROLES
ADMIN = {"office_admin"}

PAGES = {
    "web:dashboard": m.route(allowed=None),
    "web:search": m.route(allowed=None, query="?q=hoang"),
    "web:audit_list": m.route(allowed={"office_admin", "leader"}),
    "web:user_list": m.route(allowed=ADMIN, query="?q=hoang"),
    "web:system_status": m.route(allowed=ADMIN),
    "accounts:profile": m.route(allowed=None),
    "accounts:totp_setup": m.route(allowed=None),
    "accounts:password_change": m.route(allowed=None),
    "directory:body_list": m.route(allowed=EVERY_ROLE, query="?q=hoang"),
    "directory:body_detail": m.route("body_id", allowed=EVERY_ROLE),
    "directory:person_list": m.route(allowed=EVERY_ROLE, query="?q=hoang"),
    "directory:person_detail": m.route("person_id", allowed=EVERY_ROLE),
    "directory:unit_list": m.route(allowed=EVERY_ROLE, query="?q=hoang"),
    "directory:unit_detail": m.route("unit_id", allowed=EVERY_ROLE),
    "directory:import_page": m.route(allowed=ADMIN),
    "directory:import_template": m.route(allowed=ADMIN),
    "directory:import_job": m.route("job_id", allowed=ADMIN),
}
POST_ONLY = {
    "accounts:logout": m.route(),
    "accounts:token_create": m.route(),
    "accounts:token_revoke": m.route("token_id"),
    "accounts:totp_disable": m.route(),
    "web:user_create": m.route(),
    "web:role_assign": m.route("user_id"),
    "web:role_revoke": m.route("assignment_id"),
    "web:password_reset": m.route("user_id"),
    "web:lockout_clear": m.route("user_id"),
}
PUBLIC = {"accounts:login", "web:health", "web:public_home"}
API = {
    "api:me": m.route(allowed=None),
    "api:list_units": m.route(allowed=EVERY_ROLE),
    "api:get_unit": m.route("unit_id", allowed=EVERY_ROLE),
    "api:list_bodies": m.route(allowed=EVERY_ROLE),
    "api:get_body": m.route("body_id", allowed=EVERY_ROLE),
    "api:list_people": m.route(allowed=EVERY_ROLE),
    "api:get_person": m.route("person_id", allowed=EVERY_ROLE),
}
API_INFRA = {"api:openapi-json", "api:openapi-view", "api:api-root"}
ROUTES = m.route_names([PAGES, POST_ONLY, PUBLIC, API, API_INFRA])


@pytest.fixture
def world(province, other_province, office, other_office, make_user):
    """Data of province A (Hà Tĩnh) that users of province B (Nghệ An) must never see."""
    council = Body.objects.create(
        kind="PEOPLES_COUNCIL", name="Hội đồng nhân dân tỉnh Hà Tĩnh", province=province, unit=province
    )
    person = PersonFactory(full_name=SECRET_NAME, phone=SECRET_PHONE, province=province)
    MembershipFactory(person=person, body=council)
    unit = CommuneFactory(parent=province)
    job = ImportJob.objects.create(kind="delegates", province_code=province.code, status="failed")
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    for role in m.ROLES:
        actors[role] = make_user(role, office)
    return m.World(
        actors=actors,
        ids={
            "body_id": council.pk,
            "person_id": person.pk,
            "unit_id": unit.pk,
            "job_id": job.pk,
            "token_id": 1,
            "user_id": 1,
            "assignment_id": 1,
        },
        state=lambda: (
            AuditEntry.objects.count(),
            Person.objects.count(),
            Membership.objects.count(),
            Body.objects.count(),
            RoleAssignment.objects.count(),
        ),
        secrets={SECRET_NAME: EVERY_ROLE, SECRET_PHONE: {"office_admin", "specialist", "leader"}},
        object_keys=frozenset({"body_id", "person_id", "job_id"}),
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    m.check_page(client, world, name, PAGES[name])


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only_routes_refuse_get_and_anonymous(client, world, name):
    m.check_post_only(client, world, name, POST_ONLY[name])
    m.login(client, world.actors["viewer"])
    assert client.get(m.url_of(name, POST_ONLY[name], world)).status_code == 405


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    m.check_api(client, world, name, API[name])
