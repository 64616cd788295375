"""The API: OpenAPI validity, tokens, one error format, pagination, and fuzzing for 500s."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate

from dancu.accounts import services as account_services
from dancu.directory.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_openapi_is_valid(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert "/api/v1/people" in spec["paths"]


@pytest.fixture
def specialist(make_user, office):
    return make_user("specialist", office)


def test_token_auth_and_revocation(client, specialist, province):
    PersonFactory(full_name="Nguyễn Văn Token", province=province)
    token, key = account_services.api_token_create(actor=specialist, name="Kịch bản")
    assert key not in json.dumps(list(type(token).objects.values()), default=str), "the key must not be stored"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    response = client.get("/api/v1/people?q=nguyen van", **auth)
    assert response.status_code == 200
    assert [p["full_name"] for p in response.json()["items"]] == ["Nguyễn Văn Token"]
    assert client.get("/api/v1/people", HTTP_AUTHORIZATION="Bearer dc_wrong").status_code == 401
    account_services.api_token_revoke(actor=specialist, token_id=token.pk)
    response = client.get("/api/v1/people", **auth)
    assert response.status_code == 401
    assert response.json() == {"error": {"code": "not_authenticated", "message": response.json()["error"]["message"]}}


def test_pagination(client, specialist, province):
    for i in range(7):
        PersonFactory(full_name=f"Trần Văn Trang {i}", province=province)
    client.force_login(specialist)
    data = client.get("/api/v1/people?limit=3&offset=3").json()
    assert data["count"] == 7 and len(data["items"]) == 3
    assert client.get("/api/v1/people?limit=100000").status_code in (200, 422)


def test_validation_error_format(client, specialist):
    client.force_login(specialist)
    response = client.get("/api/v1/people?body=abc")
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and error["details"]


def test_session_api_post_needs_csrf_not_applicable_to_get(client, specialist):
    client.force_login(specialist)
    assert client.get("/api/v1/me").json()["roles"] == ["specialist"]


junk = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["/api/v1/units", "/api/v1/bodies", "/api/v1/people", "/api/v1/people/", "/api/v1/units/"]),
    suffix=junk,
    params=st.dictionaries(st.sampled_from(["q", "level", "current", "kind", "body", "limit", "offset"]), junk, max_size=4),
)
def test_api_never_500_on_junk(client, specialist, path, suffix, params):
    client.force_login(specialist)
    from urllib.parse import quote

    url = path + (quote(suffix, safe="") if path.endswith("/") else "")
    response = client.get(url, params)
    assert response.status_code < 500, (url, params, response.content[:300])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["/danh-ba/co-quan/", "/danh-ba/nhan-su/", "/danh-ba/don-vi-hanh-chinh/", "/tim-kiem/", "/nhat-ky/"]),
    params=st.dictionaries(st.sampled_from(["q", "page", "kind", "body", "level", "current", "action"]), junk, max_size=4),
)
def test_pages_never_500_on_junk(client, office_admin, path, params):
    client.force_login(office_admin)
    response = client.get(path, params)
    assert response.status_code < 500, (path, params)


@pytest.mark.parametrize(
    "query",
    ["limit=100000", "limit=201", "limit=0", f"limit={10**25}", f"offset={10**25}", "offset=-1", "limit=abc"],
)
def test_page_size_and_offset_are_bounded(client, specialist, query):
    client.force_login(specialist)
    response = client.get(f"/api/v1/units?{query}")
    assert response.status_code == 422, (query, response.status_code)
    assert response.json()["error"]["code"] == "invalid_input"


def test_page_size_cap_is_enforced(client, specialist):
    client.force_login(specialist)
    data = client.get("/api/v1/units?limit=200").json()
    assert len(data["items"]) <= 200
    assert len(client.get("/api/v1/units").json()["items"]) <= 50


@pytest.mark.parametrize("path", [f"/api/v1/people/{10**25}", f"/api/v1/units/{2**63}", f"/api/v1/bodies/{10**19}"])
def test_huge_ids_in_the_api_are_4xx(client, specialist, path):
    client.force_login(specialist)
    response = client.get(path)
    assert 400 <= response.status_code < 500, (path, response.status_code)
    assert "error" in response.json()


@pytest.mark.parametrize("path", [f"/danh-ba/nhan-su/{10**25}/", f"/danh-ba/co-quan/{2**63}/"])
def test_huge_ids_in_pages_are_404(client, specialist, path):
    client.force_login(specialist)
    assert client.get(path).status_code == 404


def test_an_unknown_api_path_answers_in_the_error_format(client, specialist):
    client.force_login(specialist)
    response = client.get("/api/v1/khong-co/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    assert "text/html" in client.get("/khong-co-trang-nay/").headers["Content-Type"]
