"""Issue 10, finding 12: numbers too large or out of range are a clear 4xx that changes nothing,
never a 500 — years of the figures and lists (1900-2100), ids of 10^25 in forms and URLs,
counts of 2^63 in vote, attendance and confidence forms, the API's integer filters — and a
property test of junk query parameters over the council's lists, figures and API lists."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dancu.core.models import AuditEntry
from dancu.council import services
from dancu.council.forms import MAX_COUNT
from dancu.council.models import (
    ConfidenceSubject,
    ConfidenceVote,
    Question,
    Session,
    StandingMeeting,
    StandingTask,
    Submission,
    Vote,
)
from dancu.council.tests.factories import DAY

pytestmark = pytest.mark.django_db

HUGE = 10**25
INT64 = 2**63
YEAR_MESSAGE = "Choose a year from %(min)s to %(max)s."


def _state():
    models = (AuditEntry, Session, Submission, Vote, Question, ConfidenceVote, ConfidenceSubject)
    return tuple(m.objects.count() for m in (*models, StandingMeeting, StandingTask))


@pytest.mark.parametrize("year", ["99999", "0", "1899", "2101", "-5", "abc", str(HUGE), "1e400", "9" * 5000])
def test_figures_of_a_year_out_of_range_are_400_with_the_reason_by_the_field(client, world, year):
    client.force_login(world["admin"])
    response = client.get(reverse("council:figures"), {"year": year})
    assert response.status_code == 400, (year, response.status_code)
    page = response.content.decode()
    message = _(YEAR_MESSAGE) % {"min": 1900, "max": 2100}
    assert message in page and 'data-field-error="year"' in page
    assert 'id="figures"' not in page  # nothing was looked up
    if len(year) < 100:
        assert f'value="{year}"' in page  # what was typed is shown again


@pytest.mark.parametrize("year", ["1900", "2026", "2100", ""])
def test_figures_of_a_year_in_range(client, world, year):
    client.force_login(world["admin"])
    response = client.get(reverse("council:figures"), {"year": year})
    assert response.status_code == 200 and 'id="figures"' in response.content.decode()


@pytest.mark.parametrize("year", ["99999", "1899", "2101", str(HUGE), "x"])
def test_resolution_list_year_out_of_range_is_400(client, world, year):
    client.force_login(world["admin"])
    response = client.get(reverse("council:resolution_list"), {"year": year})
    assert response.status_code == 400
    assert _(YEAR_MESSAGE) % {"min": 1900, "max": 2100} in response.content.decode()
    assert client.get(reverse("council:resolution_list"), {"year": "2026"}).status_code == 200


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("api:get_council_figures", {"year": "99999"}),
        ("api:get_council_figures", {"year": "2101"}),
        ("api:get_council_figures", {"year": "1899"}),
        ("api:get_council_figures", {"year": str(HUGE)}),
        ("api:get_council_figures", {}),
        ("api:list_council_resolutions", {"year": "2101"}),
        ("api:list_council_resolutions", {"year": str(INT64)}),
        ("api:list_council_votes", {"session": str(HUGE)}),
        ("api:list_council_votes", {"session": str(INT64)}),
        ("api:list_council_votes", {"session": "0"}),
        ("api:list_council_sessions", {"limit": str(HUGE)}),
        ("api:list_council_sessions", {"offset": str(INT64)}),
    ],
)
def test_api_integer_filters_are_bounded(client, world, name, query):
    client.force_login(world["admin"])
    response = client.get(reverse(name), query)
    assert response.status_code == 422, (name, query, response.status_code)
    assert response.json()["error"]["code"] == "invalid_input"


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/council/sessions/{HUGE}",
        f"/api/v1/council/sessions/{INT64}",
        f"/api/v1/council/resolutions/{HUGE}",
        f"/api/v1/council/votes/{10**19}",
    ],
)
def test_huge_ids_in_the_api_are_4xx(client, world, path):
    client.force_login(world["admin"])
    response = client.get(path)
    assert 400 <= response.status_code < 500 and "error" in response.json(), (path, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        f"/ky-hop/{HUGE}/",
        f"/ky-hop/tai-lieu/{INT64}/",
        f"/ky-hop/tai-lieu/1/tep/{HUGE}/",
        f"/ky-hop/nghi-quyet/{HUGE}/van-ban.docx",
        f"/ky-hop/tin-nhiem/{HUGE}/",
        f"/cong-khai/ky-hop/{HUGE}/",
        f"/cong-khai/ky-hop/tai-lieu/{HUGE}/tep/",
        f"/cong-khai/ky-hop/nghi-quyet/{10**18}/van-ban.docx",
    ],
)
def test_huge_ids_in_urls_are_404(client, world, path):
    client.force_login(world["admin"])
    assert client.get(path).status_code == 404, path
    assert client.post(path, {}).status_code in (404, 405), path


def _posts(world, session, draft, extra):
    """(route, payload) of every form that takes an id or a count, with the value `big`."""
    return [
        (
            "council:session_create",
            (),
            {
                "body": "{big}",
                "term": "{big}",
                "kind": "regular",
                "title": "X",
                "start_date": "2026-12-20",
                "end_date": "2026-12-20",
            },
        ),
        (
            "council:submission_create",
            (session.pk,),
            {"kind": "report", "title": "X", "submitter": "{big}", "reviewing_committee": "{big}"},
        ),
        (
            "council:question_create",
            (session.pk,),
            {
                "delegate": "{big}",
                "addressee": "X",
                "addressee_body": "{big}",
                "content": "X",
                "asked_on": "2026-12-10",
            },
        ),
        (
            "council:review_add",
            (draft.pk,),
            {"committee": "{big}", "reported_on": "2026-12-10", "conclusion": "X"},
        ),
        ("council:discussion_add", (draft.pk,), {"group": "{big}", "held_on": "2026-12-10", "notes": "X"}),
        (
            "council:vote_create",
            (draft.pk,),
            {
                "held_on": "2026-12-10",
                "yes": "{big}",
                "no": "{big}",
                "abstain": "{big}",
                "not_voting": "{big}",
            },
        ),
        ("council:confidence_subject_add", (extra["cv"].pk,), {"person": "{big}", "post": "X"}),
        (
            "council:confidence_tally",
            (extra["cv"].pk, extra["subject"].pk),
            {"high": "{big}", "medium": "{big}", "low": "{big}"},
        ),
        (
            "council:confidence_ballots",
            (extra["cv"].pk,),
            {"ballots_issued": "{big}", "ballots_cast": "{big}", "counting_head": "{big}"},
        ),
        ("council:meeting_create", (), {"body": "{big}", "held_on": "2026-12-10", "title": "X"}),
        ("council:hearing_create", (), {"body": "{big}", "held_on": "2026-12-10", "topic": "X"}),
        ("council:task_add", (extra["meeting"].pk,), {"content": "X", "assignee": "{big}"}),
        ("council:interim_report", (extra["matter"].pk,), {"session": "{big}"}),
        (
            "council:resolution_adopt",
            (extra["vote"].pk,),
            {"adopted_on": "2026-12-10", "implementing_agency": "{big}"},
        ),
    ]


@pytest.fixture
def extra(world, session_in_progress):
    admin = world["admin"]
    cv = services.confidence_vote_create(actor=admin, session=session_in_progress, held_on=DAY)
    subject = services.confidence_subject_add(
        actor=admin, vote=cv, person=world["people"][1], post="Phó Chủ tịch"
    )
    meeting = services.standing_meeting_record(actor=admin, body=world["standing"], held_on=DAY, title="P")
    matter = services.interim_matter_record(actor=admin, meeting=meeting, decided_on=DAY, title="V")
    other = services.submission_create(
        actor=admin, session=session_in_progress, kind="draft_resolution", title="D", submitter=world["ubnd"]
    )
    vote = services.vote_record(
        actor=admin, submission=other, held_on=DAY, yes=9, no=0, abstain=0, not_voting=0
    )
    return {"cv": cv, "subject": subject, "meeting": meeting, "matter": matter, "vote": vote}


@pytest.mark.parametrize("big", [HUGE, INT64, -INT64, "9" * 5000])
def test_forms_with_huge_ids_and_counts_are_400_and_change_nothing(
    client, world, session_in_progress, draft, extra, big
):
    client.force_login(world["admin"])
    before = _state()
    for name, args, payload in _posts(world, session_in_progress, draft, extra):
        data = {k: v.replace("{big}", str(big)) for k, v in payload.items()}
        response = client.post(reverse(name, args=args), data)
        assert response.status_code == 400, (name, big, response.status_code)
    assert _state() == before


@pytest.mark.parametrize(
    ("form_class", "field"),
    [
        ("VoteForm", "yes"),
        ("VoteForm", "not_voting"),
        ("TallyForm", "high"),
        ("BallotsForm", "ballots_issued"),
        ("BallotsForm", "ballots_cast"),
    ],
)
def test_counts_are_bounded_by_the_form(form_class, field):
    from dancu.council import forms

    data = {
        "held_on": "2026-12-10",
        "yes": 0,
        "no": 0,
        "abstain": 0,
        "not_voting": 0,
        "high": 0,
        "medium": 0,
        "low": 0,
        "ballots_issued": 0,
        "ballots_cast": 0,
        field: INT64,
    }
    form = getattr(forms, form_class)(data)
    assert not form.is_valid() and list(form.errors) == [field]
    data[field] = MAX_COUNT
    assert getattr(forms, form_class)(data).is_valid()


def test_a_vote_of_two_to_the_63_is_refused_by_its_field(client, world, draft):
    client.force_login(world["admin"])
    response = client.post(
        reverse("council:vote_create", args=[draft.pk]),
        {"held_on": "2026-12-10", "yes": INT64, "no": 0, "abstain": 0, "not_voting": 0},
    )
    assert response.status_code == 400 and not Vote.objects.exists()
    errors = response.context["form"].errors["yes"]
    assert any(str(MAX_COUNT) in e for e in errors), errors
    assert f'value="{INT64}"' in response.content.decode()


# -- junk query parameters: never a 500 ---------------------------------------------------------

# Numbers at and past every bound (years 1900-2100, 2^63, 10^25), number-like junk, then any text.
edges = st.sampled_from(
    [
        "99999",
        "1899",
        "2101",
        "0",
        "-1",
        str(INT64),
        str(HUGE),
        "1e400",
        "NaN",
        "-0",
        "0x10",
        "٣",
        "2026.5",
        "9" * 5000,
        "%00",
        "\x00",
        "' OR 1=1 --",
    ]
)
junk = st.one_of(
    edges,
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
)
PARAMS = ["q", "page", "kind", "year", "session", "limit", "offset", "format"]

PAGES = [
    "/ky-hop/",
    "/ky-hop/nghi-quyet/",
    "/ky-hop/chat-van/",
    "/ky-hop/thuong-truc/",
    "/ky-hop/so-lieu/",
    "/cong-khai/ky-hop/",
    "/cong-khai/ky-hop/nghi-quyet/",
]
API_LISTS = [
    "/api/v1/council/sessions",
    "/api/v1/council/resolutions",
    "/api/v1/council/votes",
    "/api/v1/council/figures",
    "/api/v1/council/sessions/",
    "/api/v1/council/resolutions/",
    "/api/v1/council/votes/",
]


@pytest.mark.parametrize("path", PAGES)
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(PARAMS), junk, max_size=4))
@example(params={"year": "99999"})  # the audit's case: a 500 on the figures page
@example(params={"year": str(HUGE), "page": "1e400", "kind": "\x00"})
def test_council_pages_never_500_on_junk(client, world, session_in_progress, path, params):
    client.force_login(world["admin"])
    response = client.get(path, params)
    assert response.status_code in (200, 400), (path, params, response.status_code)


@pytest.mark.parametrize("path", API_LISTS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(suffix=junk, params=st.dictionaries(st.sampled_from(PARAMS), junk, max_size=4))
@example(suffix=str(HUGE), params={"year": "99999", "session": str(HUGE)})
@example(suffix="", params={"limit": str(INT64), "offset": "1e400", "year": "-1"})
def test_council_api_never_500_on_junk(client, world, session_in_progress, path, suffix, params):
    client.force_login(world["admin"])
    url = path + (quote(suffix[:100], safe="") if path.endswith("/") else "")
    response = client.get(url, params)
    assert response.status_code < 500, (url, params, response.content[:300])
