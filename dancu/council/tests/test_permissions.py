"""Permission matrix of every page, public page and endpoint of the council module.

Actors: anonymous / no role / Office administrator of another province / each role of the
right province. Asserts the status, that nothing leaked, and that GETs changed nothing.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from dancu.core.models import AuditEntry
from dancu.council import services
from dancu.council.models import (
    Attendance,
    Commitment,
    ConfidenceSubject,
    FollowUpReport,
    Question,
    Resolution,
    ReviewReport,
    Session,
    Submission,
    Vote,
)
from dancu.council.tests.factories import make_council

pytestmark = pytest.mark.django_db
D = datetime.date

SECRET_NAME = "Hoàng Bí Mật"  # a delegate: absent with a reason, asks a question
SECRET_REASON = "Điều trị bệnh riêng"
SECRET_TITLE = "Kỳ họp Kín Đáo"

VIEW = {"office_admin", "specialist", "leader", "delegate", "viewer"}
RESOLUTIONS = VIEW | {"agency_responder"}
MANAGE = {"office_admin", "specialist"}
ADOPT = {"office_admin", "leader"}

# name -> (url kwargs keys, roles allowed)
PAGES = {
    "council:session_list": ((), VIEW),
    "council:session_create": ((), MANAGE),
    "council:session_detail": (("session_id",), VIEW),
    "council:agenda_docx": (("session_id",), VIEW),
    "council:attendance": (("session_id",), VIEW),
    "council:submission_create": (("session_id",), MANAGE),
    "council:commitments_report": (("session_id",), VIEW),
    "council:submission_detail": (("submission_id",), VIEW),
    "council:file_download": (("submission_id", "version"), VIEW),
    "council:vote_create": (("submission_id",), MANAGE),
    "council:resolution_adopt": (("vote_id",), ADOPT),
    "council:resolution_list": ((), RESOLUTIONS),
    "council:resolution_detail": (("resolution_id",), RESOLUTIONS),
    "council:resolution_docx": (("resolution_id",), RESOLUTIONS),
    "council:confidence_detail": (("vote_id_cv",), VIEW),
    "council:confidence_docx": (("vote_id_cv",), VIEW),
    "council:question_list": ((), VIEW),
    "council:question_detail": (("question_id",), VIEW),
    "council:meeting_list": ((), VIEW),
    "council:meeting_detail": (("meeting_id",), VIEW),
    "council:figures": ((), VIEW),
}
POSTS = {
    "council:session_transition": ("session_id",),
    "council:agenda_add": ("session_id",),
    "council:conference_record": ("session_id",),
    "council:question_create": ("session_id",),
    "council:confidence_create": ("session_id",),
    "council:review_add": ("submission_id",),
    "council:discussion_add": ("submission_id",),
    "council:file_add": ("submission_id",),
    "council:resolution_publish": ("resolution_id",),
    "council:follow_up_add": ("resolution_id",),
    "council:confidence_subject_add": ("vote_id_cv",),
    "council:confidence_tally": ("vote_id_cv", "subject_id"),
    "council:confidence_transition": ("vote_id_cv",),
    "council:answer_add": ("question_id",),
    "council:commitment_add": ("question_id",),
    "council:commitment_update": ("commitment_id",),
    "council:meeting_create": (),
    "council:hearing_create": (),
    "council:task_add": ("meeting_id",),
    "council:interim_add": ("meeting_id",),
    "council:interim_report": ("matter_id",),
}
PUBLIC = {
    "council_public:session_list": (),
    "council_public:session_detail": ("session_id",),
    "council_public:resolution_list": (),
    "council_public:resolution_detail": ("resolution_id",),
    "council_public:confidence_detail": ("vote_id_cv",),
}
API = {
    "api:list_council_sessions": ((), VIEW),
    "api:get_council_session": (("session_id",), VIEW),
    "api:list_council_resolutions": ((), RESOLUTIONS),
    "api:get_council_resolution": (("resolution_id",), RESOLUTIONS),
    "api:list_council_votes": ((), VIEW),
    "api:get_council_vote": (("vote_id",), VIEW),
    "api:get_council_figures": ((), VIEW),
}
ROUTES = set(PAGES) | set(POSTS) | set(PUBLIC) | set(API)


@pytest.fixture
def matrix(province, office, other_office, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = make_council(province, delegates=6)
    secret = w["people"][0]
    secret.full_name = SECRET_NAME
    secret.save()
    admin = make_user("office_admin", office)
    s = services.session_create(
        actor=admin,
        body=w["council"],
        term=w["term"],
        kind="thematic",
        title=SECRET_TITLE,
        start_date=D(2026, 12, 10),
        end_date=D(2026, 12, 10),
    )
    services.session_transition(actor=admin, session=s, to="convened")
    s = services.session_transition(actor=admin, session=s, to="in_progress")
    services.agenda_item_add(actor=admin, session=s, day=D(2026, 12, 10), title="Khai mạc")
    services.attendance_record(actor=admin, session=s, absences={secret.pk: SECRET_REASON})
    sub = services.submission_create(
        actor=admin,
        session=s,
        kind="draft_resolution",
        title="Dự thảo nghị quyết Kín Đáo",
        submitter=w["ubnd"],
    )
    services.submission_file_add(
        actor=admin, submission=sub, uploaded=ContentFile(b"draft", name="du-thao.docx")
    )
    vote = services.vote_record(
        actor=admin, submission=sub, held_on=D(2026, 12, 10), yes=5, no=0, abstain=0, not_voting=0
    )
    res = services.resolution_adopt(actor=admin, vote=vote, implementing_agency=w["agency"])
    services.resolution_publish(actor=admin, resolution=res)
    cv = services.confidence_vote_create(actor=admin, session=s, held_on=D(2026, 12, 10))
    subject = services.confidence_subject_add(
        actor=admin, vote=cv, person=w["people"][1], post="Phó Chủ tịch"
    )
    services.confidence_tally_record(actor=admin, subject=subject, high=3, medium=1, low=1)
    services.confidence_vote_transition(actor=admin, vote=cv, to="counted")
    services.confidence_vote_transition(actor=admin, vote=cv, to="announced")
    q = services.question_ask(
        actor=admin,
        session=s,
        delegate=secret,
        addressee="Giám đốc Sở",
        addressee_body=w["agency"],
        content="Câu hỏi chất vấn",
        asked_on=D(2026, 12, 10),
    )
    c = services.commitment_add(actor=admin, question=q, content="Lời hứa", due_date=D(2027, 3, 1))
    meeting = services.standing_meeting_record(
        actor=admin, body=w["standing"], held_on=D(2026, 11, 5), title="Phiên họp Kín Đáo"
    )
    matter = services.interim_matter_record(
        actor=admin, meeting=meeting, decided_on=D(2026, 11, 5), title="Việc giữa hai kỳ họp"
    )
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    for role in ("office_admin", "specialist", "leader", "delegate", "viewer"):
        actors[role] = make_user(role, office)
    actors["agency_responder"] = make_user("agency_responder", w["agency"])
    ids = {
        "session_id": s.pk,
        "submission_id": sub.pk,
        "version": 1,
        "vote_id": vote.pk,
        "resolution_id": res.pk,
        "vote_id_cv": cv.pk,
        "subject_id": subject.pk,
        "question_id": q.pk,
        "commitment_id": c.pk,
        "meeting_id": meeting.pk,
        "matter_id": matter.pk,
    }
    return {"actors": actors, "ids": ids}


def _url(name, keys, ids):
    kwargs = {("vote_id" if k == "vote_id_cv" else k): ids[k] for k in keys}
    return reverse(name, kwargs=kwargs) + ("?year=2026" if name.endswith("figures") else "")


def _state():
    return tuple(
        m.objects.count()
        for m in (
            AuditEntry,
            Session,
            Submission,
            Vote,
            Resolution,
            Attendance,
            ReviewReport,
            Question,
            Commitment,
            FollowUpReport,
            ConfidenceSubject,
        )
    )


def _get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    before = _state()
    response = client.get(url)
    assert _state() == before, f"GET {url} changed data"
    return response


def test_pages(client, matrix):
    for name in sorted(PAGES):
        _check_page(client, matrix, name)


def _check_page(client, matrix, name):
    keys, allowed = PAGES[name]
    url = _url(name, keys, matrix["ids"])
    for actor, user in matrix["actors"].items():
        response = _get(client, user, url)
        body = response.content.decode(errors="replace") if not response.get("Content-Disposition") else ""
        if actor == "anonymous":
            assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"], name
            continue
        if actor == "other_province":
            assert SECRET_NAME not in body and SECRET_TITLE not in body, name
            if keys:
                assert response.status_code in (403, 404), (name, response.status_code)
            else:
                assert response.status_code == (200 if "office_admin" in allowed else 403), (
                    name,
                    response.status_code,
                )
            continue
        if actor in allowed:
            assert response.status_code == 200, (name, actor, response.status_code)
        else:
            assert response.status_code in (403, 404), (name, actor, response.status_code)
            assert SECRET_NAME not in body and SECRET_TITLE not in body and SECRET_REASON not in body


def test_post_routes(client, matrix):
    for name in sorted(POSTS):
        client.logout()
        _check_post(client, matrix, name)


def _check_post(client, matrix, name):
    url = _url(name, POSTS[name], matrix["ids"])
    before = _state()
    assert client.post(url).status_code == 302  # to sign-in
    client.force_login(matrix["actors"]["viewer"])
    assert client.get(url).status_code == 405
    for actor in ("no_role", "other_province", "viewer", "delegate"):
        client.force_login(matrix["actors"][actor])
        response = client.post(url, {"to": "closed", "content": "x", "status": "kept"})
        assert response.status_code in (403, 404, 422), (name, actor, response.status_code)
        assert SECRET_NAME not in response.content.decode()
    assert _state() == before


def test_public_pages(client, matrix):
    for name in sorted(PUBLIC):
        _check_public(client, matrix, name)


def _check_public(client, matrix, name):
    url = _url(name, PUBLIC[name], matrix["ids"])
    response = _get(client, None, url)
    assert response.status_code == 200, name
    body = response.content.decode()
    # No personal data: not the delegates' names, not the reasons of absence.
    assert SECRET_NAME not in body and SECRET_REASON not in body, name


def test_public_hides_sessions_in_planning_and_unpublished(client, matrix):
    session = Session.objects.get(pk=matrix["ids"]["session_id"])
    Session.objects.filter(pk=session.pk).update(status="planning")
    assert client.get(reverse("council_public:session_detail", args=[session.pk])).status_code == 404
    Resolution.objects.update(status="adopted")
    assert (
        client.get(
            reverse("council_public:resolution_detail", args=[matrix["ids"]["resolution_id"]])
        ).status_code
        == 404
    )


def test_api(client, matrix):
    for name in sorted(API):
        _check_api(client, matrix, name)


def _check_api(client, matrix, name):
    keys, allowed = API[name]
    url = _url(name, keys, matrix["ids"])
    for actor, user in matrix["actors"].items():
        response = _get(client, user, url)
        body = response.content.decode()
        assert response["Content-Type"].startswith("application/json")
        if actor == "anonymous":
            assert response.status_code == 401
            continue
        if actor == "other_province":
            assert SECRET_TITLE not in body and SECRET_NAME not in body
            assert response.status_code in ((404,) if keys else (200,)), (name, response.status_code)
            data = response.json()
            if "count" in data:
                assert data["count"] == 0
            if "sessions_total" in data:
                assert data["sessions_total"] == 0 and data["resolutions_total"] == 0
            continue
        if actor in allowed:
            assert response.status_code == 200, (name, actor, body)
            assert response.json().get("count", 1) >= 1, (name, actor)
        else:
            assert response.status_code in (403, 404), (name, actor)
            assert SECRET_TITLE not in body


FORM_POSTS = [
    "council:session_create",
    "council:attendance",
    "council:submission_create",
    "council:vote_create",
    "council:resolution_adopt",
]


def test_form_posts_refused_to_others(client, matrix):
    for name in FORM_POSTS:
        _check_form_post(client, matrix, name)


def _check_form_post(client, matrix, name):
    keys = PAGES[name][0]
    url = _url(name, keys, matrix["ids"])
    ids = matrix["ids"]
    payload = {
        "body": ids["session_id"],
        "term": 1,
        "kind": "regular",
        "title": "X",
        "start_date": "2026-12-20",
        "end_date": "2026-12-20",
        f"absent_{ids['session_id']}": "1",
        "submitter": 1,
        "held_on": "2026-12-10",
        "yes": 1,
        "no": 0,
        "abstain": 0,
        "not_voting": 0,
        "adopted_on": "2026-12-10",
    }
    before = _state()
    for actor in ("no_role", "other_province", "viewer", "delegate", "agency_responder"):
        client.force_login(matrix["actors"][actor])
        response = client.post(url, payload)
        # 200 only for another province's office re-shown a form whose choices hold none of ours.
        assert response.status_code in (200, 403, 404), (name, actor, response.status_code)
        assert response.status_code != 200 or actor == "other_province"
        assert SECRET_NAME not in response.content.decode()
    assert _state() == before
