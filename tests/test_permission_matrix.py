"""Permission matrix over every page and endpoint (DESIGN habit 8).

Actors: anonymous / a user with no role / an Office administrator of ANOTHER province / the
right role in the right province. For each URL the test asserts the status, that nothing of
the province's data leaked to those who may not see it, and that GETs changed nothing.

Every URL pattern of the project must appear in ROUTES below: a new page without an entry
fails `test_every_route_is_in_the_matrix`.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from dancu.accounts.models import RoleAssignment
from dancu.core.models import AuditEntry
from dancu.directory.models import Body, Membership, Person
from dancu.directory.tests.factories import CommuneFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

SECRET_NAME = "Hoàng Bí Mật"
SECRET_PHONE = "0987654321"

# name -> (kwargs builder, visible to which roles (None: any signed-in user), is_api)
PAGES = {
    "core:dashboard": None,
    "core:search": None,
    "core:audit_list": {"office_admin", "leader"},
    "accounts:profile": None,
    "accounts:totp_setup": None,
    "accounts:user_list": {"office_admin"},
    "directory:body_list": "directory",
    "directory:body_detail": "directory",
    "directory:person_list": "directory",
    "directory:person_detail": "directory",
    "directory:unit_list": "directory",
    "directory:unit_detail": "directory",
    "directory:import_page": {"office_admin"},
    "directory:import_template": {"office_admin"},
    "directory:import_job": {"office_admin"},
}
POST_ONLY = {
    "accounts:logout",
    "accounts:token_create",
    "accounts:token_revoke",
    "accounts:totp_disable",
    "accounts:user_create",
    "accounts:role_assign",
    "accounts:role_revoke",
}
PUBLIC = {"accounts:login"}
API = {
    "api:me": None,
    "api:list_units": "directory",
    "api:get_unit": "directory",
    "api:list_bodies": "directory",
    "api:get_body": "directory",
    "api:list_people": "directory",
    "api:get_person": "directory",
}
API_INFRA = {"api:openapi-json", "api:openapi-view", "api:api-root"}


def _all_route_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
                if p.namespace == "admin":
                    continue
                walk(p.url_patterns, ns)
            elif isinstance(p, URLPattern) and p.name:
                names.add(prefix + p.name)

    walk(get_resolver().url_patterns)
    return names


def _module_routes() -> set[str]:
    """Modules keep their own matrix in dancu/<app>/tests/test_permissions.py with a ROUTES set
    naming every route (page, public page, API) that test covers."""
    from dancu.core.modules import domain_modules

    names: set[str] = set()
    for _app, module in domain_modules("tests.test_permissions"):
        names |= set(module.ROUTES)
    return names


def test_every_route_is_in_the_matrix():
    known = set(PAGES) | POST_ONLY | PUBLIC | set(API) | API_INFRA | _module_routes()
    missing = _all_route_names() - known
    assert not missing, f"add these routes to the permission matrix: {sorted(missing)}"


@pytest.fixture
def world(province, other_province, office, other_office, make_user):
    """Data of province A (Hà Tĩnh) that users of province B (Nghệ An) must never see."""
    council = Body.objects.create(kind="PEOPLES_COUNCIL", name="Hội đồng nhân dân tỉnh Hà Tĩnh", province=province, unit=province)
    person = PersonFactory(full_name=SECRET_NAME, phone=SECRET_PHONE, province=province)
    MembershipFactory(person=person, body=council)
    unit = CommuneFactory(parent=province)
    from dancu.core.models import ImportJob

    job = ImportJob.objects.create(kind="delegates", province_code=province.code, status="failed")
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    for role in ("office_admin", "specialist", "leader", "delegate", "agency_responder", "viewer"):
        actors[role] = make_user(role, office)
    ids = {"body_id": council.pk, "person_id": person.pk, "unit_id": unit.pk, "job_id": job.pk}
    return {"actors": actors, "ids": ids, "person": person}


def _kwargs_for(name, ids):
    from django.urls import reverse

    for keys in ([], ["body_id"], ["person_id"], ["unit_id"], ["job_id"]):
        try:
            return reverse(name, kwargs={k: ids[k] for k in keys})
        except Exception:  # noqa: BLE001, S112 - try the next signature
            continue
    raise AssertionError(f"cannot build a URL for {name}")


def _state():
    return (
        AuditEntry.objects.count(),
        Person.objects.count(),
        Membership.objects.count(),
        Body.objects.count(),
        RoleAssignment.objects.count(),
    )


def _allowed(rule, actor_name):
    if actor_name in {"anonymous"}:
        return False
    if rule is None:
        return True
    if actor_name in {"no_role"}:
        return False
    role = "office_admin" if actor_name == "other_province" else actor_name
    if rule == "directory":
        return True
    return role in rule


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    url = _kwargs_for(name, world["ids"])
    for actor_name, user in world["actors"].items():
        client.logout()
        if user is not None:
            client.force_login(user)
        before = _state()
        response = client.get(url + ("?q=hoang" if "list" in name or "search" in name else ""))
        assert _state() == before, f"GET {url} as {actor_name} changed data"
        body = response.content.decode(errors="replace")
        if actor_name == "anonymous":
            assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"], (name, actor_name)
            continue
        allowed = _allowed(PAGES[name], actor_name)
        object_page = any(k in url for k in ("/co-quan/", "/nhan-su/", "/nhap-dai-bieu/")) and url.rstrip("/").split("/")[-1].isdigit()
        if actor_name == "other_province":
            # Another province's office sees neither the objects nor their names.
            assert SECRET_NAME not in body, (name, actor_name)
            if object_page:
                assert response.status_code in (403, 404), (name, actor_name, response.status_code)
                continue
        if allowed:
            assert response.status_code == 200, (name, actor_name, response.status_code)
        else:
            assert response.status_code in (403, 404), (name, actor_name, response.status_code)
            assert SECRET_NAME not in body
        if SECRET_PHONE in body:
            assert actor_name in {"office_admin", "specialist", "leader"}, f"{actor_name} saw a phone on {name}"


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only_routes_refuse_get_and_anonymous(client, world, name):
    from django.urls import reverse

    kwargs = {"token_revoke": {"token_id": 1}, "role_assign": {"user_id": 1}, "role_revoke": {"assignment_id": 1}}
    url = reverse(name, kwargs=kwargs.get(name.split(":")[1], {}))
    before = _state()
    response = client.post(url)
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
    client.force_login(world["actors"]["viewer"])
    assert client.get(url).status_code == 405
    assert _state() == before


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    url = _kwargs_for(name, world["ids"])
    for actor_name, user in world["actors"].items():
        client.logout()
        if user is not None:
            client.force_login(user)
        before = _state()
        response = client.get(url)
        assert _state() == before
        body = response.content.decode()
        assert response["Content-Type"].startswith("application/json")
        if actor_name == "anonymous":
            assert response.status_code == 401
            assert response.json()["error"]["code"] == "not_authenticated"
            continue
        allowed = _allowed(API[name], actor_name)
        if actor_name == "other_province":
            assert SECRET_NAME not in body
            if url.rstrip("/").split("/")[-1].isdigit() and "units" not in url:
                assert response.status_code == 404
                continue
        if allowed:
            assert response.status_code == 200, (name, actor_name, body)
        else:
            assert response.status_code in (403, 404), (name, actor_name)
            assert SECRET_NAME not in body
        if SECRET_PHONE in body:
            assert actor_name in {"office_admin", "specialist", "leader"}, f"{actor_name} saw a phone via {name}"
