"""Issue 10, finding 12: numbers too large or out of range are a clear 4xx that changes nothing,
never a 500 — the integer filters of the petitions API (422 in the one error format) and pages
(400, the message by the filter), ids of 10^25 in every form that takes one (the form shown
again with the message and what was typed), a voter count of 2^63 (at most 1,000,000), dates
out of 1900-2100 — and a property test of junk query parameters over the pages and API lists."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dancu.core.errors import ValidationFailed
from dancu.core.models import AuditEntry
from dancu.petitions import services
from dancu.petitions.models import Answer, ForwardingBatch, Petition, Round, VoterMeeting, VoterOpinion

from .factories import forward

pytestmark = pytest.mark.django_db

HUGE = 10**25
INT64 = 2**63
BIG = [str(HUGE), str(INT64), str(10**19)]


def _state():
    counts = tuple(m.objects.count() for m in (AuditEntry, Round, VoterMeeting, VoterOpinion, Petition))
    statuses = list(Petition.objects.order_by("pk").values_list("status", "text", "field", "agency_id"))
    return (*counts, ForwardingBatch.objects.count(), Answer.objects.count(), statuses)


@pytest.fixture
def busy(pworld):
    """Petitions of the round confirmed, one forwarded to the responder's agency."""
    w = pworld
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    first = Petition.objects.get(pk=petitions[0].pk)
    batch = forward(w, w["agri"], [first])
    return {**w, "petitions": petitions, "forwarded": first, "batch": batch, "other": petitions[1]}


# -- API ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["round", "meeting", "agency"])
@pytest.mark.parametrize("value", [*BIG, "0", "-1", "abc", "1e400", "9" * 5000])
def test_api_integer_filters_are_bounded(client, busy, name, value):
    client.force_login(busy["specialist"])
    response = client.get(reverse("api:list_petitions"), {name: value})
    assert response.status_code == 422, (name, value, response.status_code)
    assert response.json()["error"]["code"] == "invalid_input"


@pytest.mark.parametrize(("name", "value"), [("field", "khong_co"), ("level", "x"), ("status", "deleted")])
def test_api_choice_filters_refuse_unknown_values(client, busy, name, value):
    client.force_login(busy["specialist"])
    response = client.get(reverse("api:list_petitions"), {name: value})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_input"


def test_api_filters_in_range_still_filter(client, busy):
    w = busy
    client.force_login(w["specialist"])
    url = reverse("api:list_petitions")
    assert client.get(url, {"round": w["round"].pk}).json()["count"] == 2
    assert client.get(url, {"round": 10**18 - 1}).json()["count"] == 0
    assert client.get(url, {"agency": w["agri"].pk}).json()["count"] >= 1
    found = client.get(url, {"meeting": w["m1"].pk}).json()
    assert found["count"] == 2 and client.get(url, {"meeting": w["m1"].pk + 1000}).json()["count"] == 0
    assert client.get(url, {"status": "forwarded"}).json()["items"][0]["id"] == w["forwarded"].pk


@pytest.mark.parametrize(
    "path", [f"/api/v1/petitions/petitions/{HUGE}", f"/api/v1/petitions/petitions/{INT64}"]
)
def test_huge_ids_in_the_api_are_4xx(client, busy, path):
    client.force_login(busy["specialist"])
    response = client.get(path)
    assert 400 <= response.status_code < 500 and "error" in response.json(), (path, response.status_code)


# -- Pages: filters and URLs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [("round", v) for v in (*BIG, "0", "abc")]
    + [("meeting", str(HUGE)), ("agency", str(INT64)), ("field", "khong_co"), ("status", "x")],
)
def test_petition_list_filters_out_of_range_are_400_with_the_reason_by_the_filter(client, busy, name, value):
    w = busy
    client.force_login(w["specialist"])
    before = _state()
    response = client.get(reverse("petitions:petition_list"), {name: value})
    assert response.status_code == 400, (name, value, response.status_code)
    page = response.content.decode()
    assert f'data-field-error="{name}"' in page
    assert w["forwarded"].code in page  # listed with the valid filters only
    htmx = client.get(reverse("petitions:petition_list"), {name: value}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 400 and f'data-field-error="{name}"' in htmx.content.decode()
    export = client.get(reverse("petitions:petition_export"), {name: value})
    assert export.status_code == 400
    assert _state() == before


def test_petition_list_filters_in_range(client, busy):
    w = busy
    client.force_login(w["specialist"])
    url = reverse("petitions:petition_list")
    page = client.get(url, {"meeting": w["m1"].pk, "agency": w["agri"].pk})
    assert page.status_code == 200 and w["forwarded"].code in page.content.decode()
    elsewhere = client.get(url, {"agency": w["ministry"].pk}).content.decode()
    assert w["other"].code not in elsewhere and w["forwarded"].code not in elsewhere
    assert client.get(url, {"round": 10**18 - 1, "page": str(HUGE)}).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        f"/kien-nghi/dot/{HUGE}/",
        f"/kien-nghi/hoi-nghi/{INT64}/",
        f"/kien-nghi/kien-nghi/{HUGE}/",
        f"/kien-nghi/chuyen/{HUGE}/cong-van.docx",
        f"/kien-nghi/tra-loi/{HUGE}/tep/",
        f"/kien-nghi/tra-loi/{HUGE}/danh-gia/",
        f"/kien-nghi/co-quan/{10**19}/",
        f"/cong-khai/kien-nghi/dot/{HUGE}/",
        f"/cong-khai/kien-nghi/tra-loi/{HUGE}/tep/",
    ],
)
def test_huge_ids_in_urls_are_404(client, busy, path):
    client.force_login(busy["specialist"])
    assert client.get(path).status_code in (404, 405), path
    assert client.post(path, {}).status_code in (404, 405), path


# -- Forms: ids, counts and dates ------------------------------------------------------------------


def _meeting_data(w, **extra):
    return {
        "kind": "before_na",
        "date": "2025-10-05",
        "place": w["m1"].place_id,
        "voter_count": "120",
        **extra,
    }


@pytest.mark.parametrize("count", [str(INT64), str(HUGE), "1000001", "-1", "1e400"])
def test_a_voter_count_out_of_range_is_refused_on_the_form(client, busy, count):
    w = busy
    client.force_login(w["specialist"])
    before = _state()
    url = reverse("petitions:meeting_create", kwargs={"round_id": w["round"].pk})
    response = client.post(url, _meeting_data(w, voter_count=count, venue="Nhà văn hóa thôn 3"))
    assert response.status_code == 400
    assert response.context["form"].errors["voter_count"]
    page = response.content.decode()
    assert response.context["form"].errors["voter_count"][0] in page
    assert 'value="Nhà văn hóa thôn 3"' in page  # what was typed is kept
    assert _state() == before


def test_a_million_voters_is_accepted_and_the_service_bounds_the_count(client, busy):
    w = busy
    client.force_login(w["specialist"])
    url = reverse("petitions:meeting_create", kwargs={"round_id": w["round"].pk})
    assert client.post(url, _meeting_data(w, voter_count="1000000")).status_code == 302
    before = _state()
    with pytest.raises(ValidationFailed) as refused:
        services.meeting_create(
            actor=w["specialist"],
            round=w["round"],
            kind="before_na",
            date=w["m1"].date,
            place=w["m1"].place,
            voter_count=INT64,
        )
    assert refused.value.details == {"field": "voter_count"} and _state() == before


def _forms(w):
    """(url, data, the field that must carry the message, who posts) of every form taking an
    id, with `{big}` where the number goes."""
    rnd, petition = w["round"], w["other"]
    return [
        (
            reverse("petitions:meeting_create", args=[rnd.pk]),
            _meeting_data(w, place="{big}"),
            "place",
            "specialist",
        ),
        (
            reverse("petitions:meeting_create", args=[rnd.pk]),
            _meeting_data(w, organisers="{big}"),
            "organisers",
            "specialist",
        ),
        (
            reverse("petitions:meeting_create", args=[rnd.pk]),
            _meeting_data(w, delegates="{big}"),
            "delegates",
            "specialist",
        ),
        (
            reverse("petitions:batch_list", args=[rnd.pk]),
            {
                "agency": "{big}",
                "dispatch_number": "40/VP-TH",
                "dispatch_date": "2025-10-02",
                "petition": petition.pk,
            },
            "agency",
            "specialist",
        ),
        (
            reverse("petitions:batch_list", args=[rnd.pk]),
            {
                "agency": w["agri"].pk,
                "dispatch_number": "40/VP-TH",
                "dispatch_date": "2025-10-02",
                "petition": "{big}",
            },
            "petition",
            "specialist",
        ),
        (
            reverse("petitions:petition_detail", args=[petition.pk]),
            {"field": "dat_dai", "level": "province", "agency": "{big}"},
            "agency",
            "specialist",
        ),
        (
            reverse("petitions:petition_detail", args=[petition.pk]),
            {"field": "dat_dai", "level": "province", "committee": "{big}"},
            "committee",
            "specialist",
        ),
        (
            reverse("petitions:consolidation_action", args=[rnd.pk]),
            {"action": "confirm", "petition": "{big}"},
            "petition",
            "specialist",
        ),
        (
            reverse("petitions:agency_batch", args=[w["batch"].pk]),
            {"petition": "{big}", "text": "Trả lời đầy đủ", "status": "resolved"},
            "petition",
            "responder",
        ),
    ]


@pytest.mark.parametrize("big", BIG)
def test_huge_ids_in_forms_show_the_form_again_with_the_message(client, busy, big):
    w = busy
    for url, data, field, who in _forms(w):
        client.force_login(w[who])
        payload = {k: (v.format(big=big) if isinstance(v, str) else v) for k, v in data.items()}
        before = _state()
        response = client.post(url, payload)
        assert response.status_code == 400, (url, field, response.status_code)
        form = response.context["form"]
        assert field in form.errors or form.non_field_errors(), (url, field, form.errors)
        assert "core/error.html" not in [t.name for t in response.templates], (
            url
        )  # the form, not an error page
        assert _state() == before, url


@pytest.mark.parametrize("date", ["9999-12-31", "99999-01-01", "1899-12-31", "2101-01-01", "0001-01-01"])
def test_dates_out_of_range_are_refused_on_the_form(client, busy, date):
    w = busy
    client.force_login(w["specialist"])
    before = _state()
    cases = [
        (
            reverse("petitions:round_create"),
            {"name": "Đợt mới", "code": "moi", "start_date": date},
            "start_date",
        ),
        (reverse("petitions:meeting_create", args=[w["round"].pk]), _meeting_data(w, date=date), "date"),
        (
            reverse("petitions:batch_list", args=[w["round"].pk]),
            {
                "agency": w["agri"].pk,
                "dispatch_number": "41/VP-TH",
                "dispatch_date": date,
                "petition": w["other"].pk,
            },
            "dispatch_date",
        ),
    ]
    for url, data, field in cases:
        response = client.post(url, data)
        assert response.status_code == 400, (url, response.status_code)
        assert response.context["form"].errors[field], url
    assert _state() == before
    if date in ("9999-12-31", "1899-12-31", "2101-01-01"):
        assert _("Enter a date from 1900 to 2100.") in response.content.decode()


# -- Junk query parameters ---------------------------------------------------------------------

junk = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
numbers = st.one_of(junk, st.integers(min_value=-(10**30), max_value=10**30).map(str))
PAGES = [
    "petitions:petition_list",
    "petitions:petition_export",
    "petitions:round_list",
    "petitions:petition_suggest",
    "petitions:dashboard",
    "petitions_public:round_list",
    "petitions_public:lookup",
]
PARAMS = [
    "q",
    "round",
    "meeting",
    "agency",
    "field",
    "level",
    "status",
    "repeated",
    "page",
    "text",
    "code",
    "format",
]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(PAGES),
    params=st.dictionaries(st.sampled_from(PARAMS), numbers, max_size=4),
)
@example(name="petitions:petition_list", params={"round": str(HUGE), "page": str(INT64)})
@example(name="petitions:petition_list", params={"q": "\x00\x08", "field": "\x00"})
def test_pages_never_500_on_junk(client, busy, name, params):
    client.force_login(busy["specialist"])
    before = _state()
    response = client.get(reverse(name), params)
    assert response.status_code < 500, (name, params)
    assert response.status_code in (200, 400), (name, params, response.status_code)
    assert _state() == before


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["api:list_petitions", "api:list_agency_batches", "api:get_petition"]),
    suffix=junk,
    params=st.dictionaries(
        st.sampled_from(["q", "round", "meeting", "agency", "field", "level", "status", "limit", "offset"]),
        numbers,
        max_size=4,
    ),
)
@example(name="api:list_petitions", suffix="", params={"round": str(HUGE)})
@example(name="api:list_petitions", suffix="", params={"limit": str(INT64), "offset": "-1"})
def test_api_never_500_on_junk(client, busy, name, suffix, params):
    w = busy
    client.force_login(w["responder"] if name == "api:list_agency_batches" else w["specialist"])
    if name == "api:get_petition":
        url = reverse(name, kwargs={"petition_id": 1}).rsplit("/", 1)[0] + "/" + quote(suffix, safe="")
    else:
        url = reverse(name)
    response = client.get(url, params)
    assert response.status_code < 500, (url, params, response.content[:300])
    if name != "api:get_petition":  # a suffix that matches no route is Django's 404 page
        assert response["Content-Type"].startswith("application/json"), (url, params)
    if response.status_code >= 400 and response["Content-Type"].startswith("application/json"):
        assert set(response.json()["error"]) >= {"code", "message"}, (url, params)
