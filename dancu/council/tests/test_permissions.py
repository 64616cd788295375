"""Permission matrix of every page, public page and endpoint of the council module, on the
shared harness (`dancu.core.testing`).

Actors: anonymous / no role / an Office administrator of ANOTHER province / each role of the
province (the agency responder in the agency that implements the resolution). GETs change
nothing, nothing of the province leaks to who may not see it, writes are refused (403/404) to
the wrong people and change nothing, public pages carry no personal data.
"""

from __future__ import annotations

import dataclasses

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from dancu.core import testing as m
from dancu.core.documents import docx_text
from dancu.core.models import AuditEntry
from dancu.council import hall, services, term
from dancu.council.models import (
    AgendaItem,
    Attendance,
    Ballot,
    CheckIn,
    Commitment,
    ConfidenceSubject,
    DocumentNote,
    ElectronicVote,
    FollowUpReport,
    Question,
    Resolution,
    ReviewReport,
    Session,
    SpeakerRequest,
    Submission,
    TermSetup,
    Vote,
)
from dancu.council.tests.factories import (
    DAY,
    docx_bytes,
    make_council,
    make_draft,
    make_question,
    make_session,
    make_vote,
)
from dancu.council.tests.term_factories import elected_row, elected_xlsx

pytestmark = pytest.mark.django_db

SECRET_NAME = "Hoàng Bí Mật"  # a delegate: absent with a reason, asks a question
SECRET_REASON = "Điều trị bệnh riêng"
SECRET_TITLE = "Kỳ họp Kín Đáo"  # public once the session left planning, never to outsiders
DRAFT = docx_bytes("Nội dung dự thảo")  # the submission's file
SECRET_NOTE = "Ghi chú riêng của đại biểu"  # a delegate's personal note: theirs alone

VIEW = {"office_admin", "specialist", "leader", "delegate", "viewer"}
RESOLUTIONS = VIEW | {"agency_responder"}
MANAGE = {"office_admin", "specialist"}
CONDUCT = MANAGE  # the chair's secretary: the Office's staff who run the hall
DELEGATE = {"delegate"}  # the matrix's delegate is linked to a delegate of the session
ADOPT = {"office_admin", "leader"}
FOLLOW_UP = MANAGE | {"agency_responder"}  # the responder of the implementing agency
TERM = {"office_admin"}  # a new term: import the elected, carry open items over
EVERYONE = {"no_role", "other_province", *m.ROLES}

PAGES = {
    "council:session_list": m.route(allowed=VIEW),
    "council:session_create": m.route(allowed=MANAGE),
    "council:session_detail": m.route("session_id", allowed=VIEW),
    "council:session_edit": m.route("session_id", allowed=MANAGE),
    "council:session_delete": m.route("session_id", allowed=MANAGE),
    "council:agenda_docx": m.route("session_id", allowed=VIEW),
    "council:attendance": m.route("session_id", allowed=VIEW),
    "council:submission_create": m.route("session_id", allowed=MANAGE),
    "council:commitments_report": m.route("session_id", allowed=VIEW),
    "council:submission_detail": m.route("submission_id", allowed=VIEW),
    "council:submission_edit": m.route("submission_id", allowed=MANAGE),
    "council:submission_delete": m.route("submission_id", allowed=MANAGE),
    "council:vote_create": m.route("submission_id", allowed=MANAGE),
    "council:resolution_adopt": m.route("vote_id", allowed=ADOPT),
    "council:resolution_list": m.route(allowed=RESOLUTIONS),
    "council:resolution_detail": m.route("resolution_id", allowed=RESOLUTIONS),
    "council:resolution_docx": m.route("resolution_id", allowed=RESOLUTIONS),
    "council:confidence_detail": m.route("confidence_id", allowed=VIEW),
    "council:confidence_docx": m.route("confidence_id", allowed=VIEW),
    "council:question_list": m.route(allowed=VIEW),
    "council:question_detail": m.route("question_id", allowed=VIEW),
    "council:meeting_list": m.route(allowed=VIEW),
    "council:meeting_detail": m.route("meeting_id", allowed=VIEW),
    "council:figures": m.route(allowed=VIEW, query="?year=2026"),
    # What was sent to an agency: its responder only (the Office has the full pages).
    "council:agency_inbox": m.route(allowed={"agency_responder"}),
    # The paperless hall (issue 16): the secretary's console; the projector and the delegate's
    # pages to whoever sees the session (the ballot and check-in buttons to its delegates).
    "council:hall_console": m.route("session_id", allowed=CONDUCT),
    "council:hall_live": m.route("session_id", allowed=CONDUCT),
    "council:projector": m.route("session_id", allowed=VIEW),
    "council:projector_live": m.route("session_id", allowed=VIEW),
    "council:my_sessions": m.route(allowed=VIEW),
    "council:service_worker": m.route(allowed=VIEW),
    "council:delegate_session": m.route("session_id", allowed=VIEW),
    "council:delegate_live": m.route("session_id", allowed=VIEW),
    "council:document_view": m.route("submission_id", "version", allowed=VIEW),
    "council:document_diff": m.route("submission_id", "old", "new", allowed=VIEW),
    "council:e_vote_docx": m.route("closed_vote_id", allowed=VIEW),
    # Editing rules (issue 16, item 5) and a new term (item 6).
    "council:agenda_edit": m.route("item_id", allowed=MANAGE),
    "council:agenda_withdraw": m.route("item_id", allowed=MANAGE),
    "council:submission_withdraw": m.route("submission_id", allowed=MANAGE),
    "council:term_list": m.route(allowed=TERM),
    "council:term_create": m.route(allowed=TERM),
    "council:term_template": m.route(allowed=TERM),
    "council:term_detail": m.route("setup_id", allowed=TERM),
}
# A streamed file: the harness reads `content`, which a FileResponse has not (test_download).
DOWNLOADS = {
    "council:file_download": m.route("submission_id", "version", allowed=VIEW),
    "council:document_pdf": m.route("submission_id", "version", allowed=VIEW),
}
# Public files (no sign-in): of a session out of planning, of a published resolution
# (test_public_downloads; 404 before publication: test_public_files_of_unpublished_items_are_404).
PUBLIC_DOWNLOADS = {
    "council_public:file_download": m.route("submission_id"),
    "council_public:resolution_docx": m.route("resolution_id"),
}
# POST-only routes -> (route, who may post there at all).
POSTS = {
    "council:session_transition": (m.route("session_id"), MANAGE),
    "council:agenda_add": (m.route("session_id"), MANAGE),
    "council:conference_record": (m.route("session_id"), MANAGE),
    "council:question_create": (m.route("session_id"), MANAGE),
    "council:confidence_create": (m.route("session_id"), MANAGE),
    "council:review_add": (m.route("submission_id"), MANAGE),
    "council:discussion_add": (m.route("submission_id"), MANAGE),
    "council:file_add": (m.route("submission_id"), MANAGE),
    "council:resolution_publish": (m.route("resolution_id"), ADOPT),
    "council:follow_up_add": (m.route("resolution_id"), FOLLOW_UP),
    "council:confidence_subject_add": (m.route("confidence_id"), MANAGE),
    "council:confidence_ballots": (m.route("confidence_id"), MANAGE),
    "council:confidence_tally": (m.route("confidence_id", "subject_id"), MANAGE),
    "council:confidence_transition": (m.route("confidence_id"), MANAGE | ADOPT),
    "council:question_transition": (m.route("question_id"), MANAGE),
    "council:answer_add": (m.route("question_id"), MANAGE),
    "council:commitment_add": (m.route("question_id"), MANAGE),
    "council:commitment_update": (m.route("commitment_id"), MANAGE),
    "council:meeting_create": (m.route(), MANAGE),
    "council:hearing_create": (m.route(), MANAGE),
    "council:task_add": (m.route("meeting_id"), MANAGE),
    "council:interim_add": (m.route("meeting_id"), MANAGE),
    "council:interim_report": (m.route("matter_id"), MANAGE),
    "council:hall_mark": (m.route("session_id"), CONDUCT),
    "council:e_vote_open": (m.route("session_id"), CONDUCT),
    "council:speaker_next": (m.route("session_id"), CONDUCT),
    "council:e_vote_close": (m.route("e_vote_id"), CONDUCT),
    "council:ballot": (m.route("e_vote_id"), DELEGATE),
    "council:speaker_step": (m.route("request_id"), CONDUCT | DELEGATE),
    "council:delegate_check_in": (m.route("session_id"), DELEGATE),
    "council:delegate_speak": (m.route("session_id"), DELEGATE),
    "council:note_add": (m.route("submission_id", "version"), VIEW),
    "council:note_delete": (m.route("note_id"), DELEGATE),
    "council:agenda_delete": (m.route("item_id"), MANAGE),
    "council:term_structure": (m.route("setup_id"), TERM),
    "council:term_confirm": (m.route("setup_id"), TERM),
    "council:term_carry_over": (m.route("setup_id"), TERM),
}
# Pages that also take a form POST -> who may post it.
FORM_POSTS = {
    "council:session_create": MANAGE,
    "council:session_edit": MANAGE,
    "council:session_delete": MANAGE,
    "council:submission_edit": MANAGE,
    "council:submission_delete": MANAGE,
    "council:attendance": MANAGE,
    "council:submission_create": MANAGE,
    "council:vote_create": MANAGE,
    "council:resolution_adopt": ADOPT,
    "council:agenda_edit": MANAGE,
    "council:agenda_withdraw": MANAGE,
    "council:submission_withdraw": MANAGE,
    "council:term_create": TERM,
}
PUBLIC = {
    "council_public:session_list": m.route(),
    "council_public:session_detail": m.route("session_id"),
    "council_public:resolution_list": m.route(),
    "council_public:resolution_detail": m.route("resolution_id"),
    "council_public:confidence_detail": m.route("confidence_id"),
}
API = {
    "api:list_council_sessions": m.route(allowed=VIEW),
    "api:get_council_session": m.route("session_id", allowed=VIEW),
    "api:list_council_resolutions": m.route(allowed=RESOLUTIONS),
    "api:get_council_resolution": m.route("resolution_id", allowed=RESOLUTIONS),
    "api:list_council_votes": m.route(allowed=VIEW),
    "api:get_council_vote": m.route("vote_id", allowed=VIEW),
    "api:get_council_figures": m.route(allowed=VIEW, query="?year=2026"),
    "api:list_my_council_sessions": m.route(allowed=VIEW),
    "api:get_council_agenda": m.route("session_id", allowed=VIEW),
    "api:get_council_documents": m.route("session_id", allowed=VIEW),
    "api:get_council_diff": m.route("submission_id", allowed=VIEW, query="?old=1&new=2"),
    "api:get_council_hall": m.route("session_id", allowed=VIEW),
    "api:list_council_open_votes": m.route("session_id", allowed=VIEW),
}
# API writes of the delegate's app -> (route, payload, who may post).
API_POSTS = {
    "api:post_council_check_in": (m.route("session_id"), {}, DELEGATE),
    "api:post_council_speaker": (m.route("session_id"), {"kind": "discussion", "topic": "Ý kiến"}, DELEGATE),
    "api:post_council_ballot": (m.route("e_vote_id"), {"choice": "yes", "key": "k" * 32}, DELEGATE),
}
ROUTES = m.route_names([PAGES, DOWNLOADS, POSTS, PUBLIC, PUBLIC_DOWNLOADS, API, API_POSTS])


def _refused(r: m.Route, allowed: set[str]) -> list[str]:
    """Who gets 403/404 on a route: everyone not allowed, except another province's office on a
    route of no record (it may act in its own province there)."""
    refused = EVERYONE - allowed
    if not r.keys and "office_admin" in allowed:
        refused -= {"other_province"}
    return sorted(refused)


def _state():
    return tuple(
        model.objects.count()
        for model in (
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
            ElectronicVote,
            Ballot,
            CheckIn,
            SpeakerRequest,
            DocumentNote,
            AgendaItem,
            TermSetup,
        )
    )


@pytest.fixture
def world(province, office, other_office, make_user, settings, tmp_path):
    """A session in progress of province A with everything on it, written through the services."""
    settings.MEDIA_ROOT = tmp_path
    w = make_council(province, delegates=6)
    secret = w["people"][0]
    secret.full_name = SECRET_NAME
    secret.save()
    admin = make_user("office_admin", office)
    s = make_session(admin, w, title=SECRET_TITLE)
    item = services.agenda_item_add(actor=admin, session=s, day=DAY, title="Khai mạc", urgent_reason="Bổ sung")
    services.attendance_record(actor=admin, session=s, absences={secret.pk: SECRET_REASON})
    sub = make_draft(admin, w, s, title="Dự thảo nghị quyết Kín Đáo")
    services.submission_file_add(
        actor=admin, submission=sub, uploaded=ContentFile(DRAFT, name="du-thao.docx")
    )
    vote = make_vote(admin, sub, yes=5)
    res = services.resolution_adopt(actor=admin, vote=vote, implementing_agency=w["agency"])
    services.resolution_transition(actor=admin, resolution=res, action="publish")
    cv = services.confidence_vote_create(actor=admin, session=s, held_on=DAY)
    subject = services.confidence_subject_add(
        actor=admin, vote=cv, person=w["people"][1], post="Phó Chủ tịch"
    )
    services.confidence_tally_record(actor=admin, subject=subject, high=3, medium=1, low=1)
    services.confidence_ballots_record(
        actor=admin, vote=cv, ballots_issued=5, ballots_cast=5, counting_head=w["people"][2]
    )
    for step in ("count", "announce"):
        services.confidence_vote_transition(actor=admin, vote=cv, action=step)
    q = make_question(admin, w, s, delegate=secret, content="Câu hỏi chất vấn")
    c = services.commitment_add(actor=admin, question=q, content="Lời hứa", due_date=DAY.replace(year=2027))
    meeting = services.standing_meeting_record(
        actor=admin, body=w["standing"], held_on=DAY.replace(month=11), title="Phiên họp Kín Đáo"
    )
    matter = services.interim_matter_record(
        actor=admin, meeting=meeting, decided_on=DAY.replace(month=11), title="Việc giữa hai kỳ họp"
    )
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    for role in m.ROLES:
        actors[role] = make_user(role, w["agency"] if role == "agency_responder" else office)
    # The hall: the matrix's delegate is the session's delegate no. 3, checked in; a vote
    # closed (its result sheet), one open, a registration to speak, a personal note.
    delegate = actors["delegate"]
    delegate.person = w["people"][3]
    delegate.save(update_fields=["person"])
    hall.check_in(actor=delegate, session=s)
    closed = hall.e_vote_open(actor=admin, session=s, matter="procedure", question="Thông qua chương trình")
    hall.ballot_cast(actor=delegate, vote=closed, choice="yes", key="a" * 32)
    hall.e_vote_close(actor=admin, vote=closed)
    opened = hall.e_vote_open(actor=admin, session=s, matter="procedure", question="Thông qua danh sách")
    speaker = hall.speaker_register(actor=delegate, session=s, kind="discussion", topic="Ý kiến về đầu tư")
    note = hall.note_add(actor=delegate, submission=sub, text=SECRET_NOTE, version=1)
    services.submission_file_add(  # a second version: what changed between the two
        actor=admin, submission=sub, uploaded=ContentFile(DRAFT, name="du-thao-2.docx")
    )
    setup = term.term_setup_create(  # the next term's list of the elected, not confirmed
        actor=admin,
        council=w["council"],
        number=20,
        name="Khóa XX",
        election_date=DAY.replace(year=2031, month=3, day=16),
        start_date=DAY.replace(year=2031, month=3, day=26),
        end_date=None,
        data=elected_xlsx([elected_row("Lê Văn Mới", DAY.replace(year=1980), level="province")]),
        file_name="trung-cu.xlsx",
    )
    ids = {
        "item_id": item.pk,
        "setup_id": setup.pk,
        "session_id": s.pk,
        "submission_id": sub.pk,
        "version": 1,
        "old": 1,
        "new": 2,
        "vote_id": vote.pk,
        "resolution_id": res.pk,
        "confidence_id": cv.pk,
        "subject_id": subject.pk,
        "question_id": q.pk,
        "commitment_id": c.pk,
        "meeting_id": meeting.pk,
        "matter_id": matter.pk,
        "closed_vote_id": closed.pk,
        "e_vote_id": opened.pk,
        "request_id": speaker.pk,
        "note_id": note.pk,
    }
    return m.World(
        actors=actors,
        ids=ids,
        state=_state,
        # The session's title is on the pages of the resolutions adopted at it (the agency's too).
        secrets={SECRET_NAME: VIEW, SECRET_REASON: VIEW, SECRET_TITLE: RESOLUTIONS, SECRET_NOTE: DELEGATE},
        object_keys=frozenset(set(ids) - {"version", "old", "new"}),
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    m.check_page(client, world, name, PAGES[name])


def _attachment(response, content_type: str) -> bytes:
    """The bytes of a download, after checking it can never render in the app's origin."""
    assert response["Content-Disposition"].startswith("attachment"), response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == content_type
    assert "sandbox" in response["Content-Security-Policy"]
    return b"".join(response.streaming_content) if response.streaming else response.content


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_download(client, world):
    """The submission's file: to the province's viewers only, as an attachment; other
    provinces 404."""
    url = m.url_of("council:file_download", DOWNLOADS["council:file_download"], world)
    _download_matrix(client, world, url)


def test_document_pdf(client, world):
    """The viewer's PDF of a DOCX version: 202 while LibreOffice converts it (asked once), to
    the province's viewers only; other provinces 404, the others 403/404."""
    url = m.url_of("council:document_pdf", DOWNLOADS["council:document_pdf"], world)
    for actor, user in world.actors.items():
        m.login(client, user)
        response = client.get(url)
        if actor == "anonymous":
            assert response.status_code == 302
        elif actor in VIEW:
            assert response.status_code in (200, 202), actor
        else:
            assert response.status_code in (403, 404), (actor, response.status_code)


def _download_matrix(client, world, url):
    for actor, user in world.actors.items():
        m.login(client, user)
        before = world.state()
        response = client.get(url)
        assert world.state() == before
        if actor == "anonymous":
            assert response.status_code == 302 and "dang-nhap" in response["Location"]
        elif actor in VIEW:
            assert response.status_code == 200, actor
            assert _attachment(response, DOCX_TYPE) == DRAFT, actor
        else:
            assert response.status_code in (403, 404), (actor, response.status_code)


@pytest.mark.parametrize("name", sorted(PUBLIC_DOWNLOADS))
def test_public_downloads(client, world, name):
    """A published item's file, to anyone (signed in or not), as an attachment; nothing changes."""
    url = m.url_of(name, PUBLIC_DOWNLOADS[name], world)
    for actor, user in world.actors.items():
        m.login(client, user)
        before = world.state()
        response = client.get(url)
        assert response.status_code == 200 and world.state() == before, (name, actor)
        data = _attachment(response, DOCX_TYPE)
        text = docx_text(data)
        assert SECRET_NAME not in text and SECRET_REASON not in text, (name, actor)
        if name == "council_public:file_download":
            assert data == DRAFT


def test_public_files_of_unpublished_items_are_404(client, world):
    """A file of a session back in planning, the text of a resolution not published: 404 to the
    public, as if it did not exist; the staff still download them."""
    session_id, resolution_id = world.ids["session_id"], world.ids["resolution_id"]
    urls = [
        reverse("council_public:file_download", args=[world.ids["submission_id"]]),
        reverse("council_public:resolution_docx", args=[resolution_id]),
    ]
    Session.objects.filter(pk=session_id).update(status="planning")
    Resolution.objects.filter(pk=resolution_id).update(status="adopted")
    for actor in ("anonymous", "office_admin"):
        m.login(client, world.actors[actor])
        for url in urls:
            assert client.get(url).status_code == 404, (actor, url)
    assert client.get(reverse("council:resolution_docx", args=[resolution_id])).status_code == 200
    page = client.get(reverse("council_public:session_list")).content.decode()
    assert reverse("council_public:session_detail", args=[session_id]) not in page


def test_pages_link_the_files_the_user_may_see(client, world):
    """The public session page links the current file of each submission (public address);
    the staff submission page links every version (staff address)."""
    m.login(client, None)
    page = client.get(
        reverse("council_public:session_detail", args=[world.ids["session_id"]])
    ).content.decode()
    public_url = reverse("council_public:file_download", args=[world.ids["submission_id"]])
    assert f'href="{public_url}"' in page and 'href="/ky-hop/' not in page
    resolution = client.get(reverse("council_public:resolution_detail", args=[world.ids["resolution_id"]]))
    assert (
        reverse("council_public:resolution_docx", args=[world.ids["resolution_id"]])
        in resolution.content.decode()
    )
    m.login(client, world.actors["viewer"])
    staff = client.get(
        reverse("council:submission_detail", args=[world.ids["submission_id"]])
    ).content.decode()
    assert reverse("council:file_download", args=[world.ids["submission_id"], 1]) in staff


@pytest.mark.parametrize("name", sorted(POSTS))
def test_post_only_routes_refuse_get_anonymous_and_the_wrong_people(client, world, name):
    r, allowed = POSTS[name]
    refused = _refused(r, allowed)
    m.check_post_only(client, world, name, r, refused=refused)
    url = m.url_of(name, r, world)
    for actor in refused:  # nothing of the province in the refusal
        m.login(client, world.actors[actor])
        body = client.post(url, {"action": "close", "content": "x"}).content.decode()
        assert SECRET_NAME not in body and SECRET_TITLE not in body, (name, actor)


@pytest.mark.parametrize("name", sorted(FORM_POSTS))
def test_form_posts_refused_to_the_wrong_people(client, world, name):
    """The page's form, posted by who may not: 403/404 (another province's office is shown its
    own form again, 400: the choices hold none of ours); nothing changes, nothing leaks."""
    payload = {
        "body": 1,
        "term": 1,
        "kind": "regular",
        "title": "X",
        "start_date": "2026-12-20",
        "end_date": "2026-12-20",
        f"absent_{world.ids['session_id']}": "1",
        "submitter": 1,
        "held_on": "2026-12-10",
        "yes": 1,
        "no": 0,
        "abstain": 0,
        "not_voting": 0,
        "adopted_on": "2026-12-10",
    }
    url = m.url_of(name, PAGES[name], world)
    before = world.state()
    refused = _refused(PAGES[name], FORM_POSTS[name])
    for actor in sorted(EVERYONE - FORM_POSTS[name]):
        m.login(client, world.actors[actor])
        response = client.post(url, payload)
        expected = (403, 404) if actor in refused else (400,)
        assert response.status_code in expected, (name, actor, response.status_code)
        body = response.content.decode()
        assert SECRET_NAME not in body and SECRET_TITLE not in body, (name, actor)
    assert world.state() == before


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_pages(client, world, name):
    """No sign-in; no personal data: not the delegates' names, not the reasons of absence."""
    public = dataclasses.replace(world, secrets={SECRET_NAME: (), SECRET_REASON: ()})
    m.check_public(client, public, name, PUBLIC[name])


def test_public_hides_sessions_in_planning_and_unpublished(client, world):
    session_id, resolution_id = world.ids["session_id"], world.ids["resolution_id"]
    Session.objects.filter(pk=session_id).update(status="planning")
    assert client.get(reverse("council_public:session_detail", args=[session_id])).status_code == 404
    Resolution.objects.filter(pk=resolution_id).update(status="adopted")
    assert client.get(reverse("council_public:resolution_detail", args=[resolution_id])).status_code == 404


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    m.check_api(client, world, name, API[name])


@pytest.mark.parametrize("name", sorted(API_POSTS))
def test_api_posts(client, world, name):
    """The delegate app's writes: 401 anonymous, 403/404 to everyone but the session's delegate
    (nobody votes, checks in or registers for another); nothing changes for them."""
    r, payload, allowed = API_POSTS[name]
    url = m.url_of(name, r, world)
    for actor, user in world.actors.items():
        if actor in allowed:
            continue
        m.login(client, user)
        before = world.state()
        response = client.post(url, payload, content_type="application/json")
        assert world.state() == before, (name, actor)
        expected = (401,) if actor == "anonymous" else (403, 404)
        assert response.status_code in expected, (name, actor, response.status_code)
    m.login(client, world.actors["delegate"])
    response = client.post(url, payload, content_type="application/json")
    assert response.status_code == 200, (name, response.content[:300])


@pytest.mark.parametrize("name", sorted(n for n, r in API.items() if not r.keys))
def test_api_lists_are_scoped(client, world, name):
    """Another province's office gets empty lists and zero figures; the allowed see ours."""
    url = m.url_of(name, API[name], world)
    m.login(client, world.actors["other_province"])
    data = client.get(url).json()
    assert (
        data.get("count", 0) == 0
        and data.get("sessions_total", 0) == 0
        and data.get("resolutions_total", 0) == 0
    )
    # "my sessions": only an account linked to a delegate of the council has any.
    some = DELEGATE if name == "api:list_my_council_sessions" else set(API[name].allowed or ())
    for actor in sorted(API[name].allowed or ()):
        m.login(client, world.actors[actor])
        data = client.get(url).json()
        if actor in some:
            assert data.get("count", data.get("sessions_total", 1)) >= 1, (name, actor)
        else:
            assert data["count"] == 0, (name, actor)
