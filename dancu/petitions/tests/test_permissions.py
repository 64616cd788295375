"""Permission matrix of the petitions module: every page, public page and API operation, as
anonymous / no role / office admin of another province / each role of the province. GETs
change nothing; voters' personal data is shown only to the office roles; an agency responder
sees only what was forwarded to its own body."""

import datetime

import pytest
from django.urls import reverse

from dancu.core.models import AuditEntry, ImportJob
from dancu.petitions import services
from dancu.petitions.models import Answer, Petition, VoterOpinion

pytestmark = pytest.mark.django_db

VOTER = "Ông Nguyễn Văn Bí Mật"
VIEWERS = {"office_admin", "specialist", "leader", "delegate", "viewer"}
EDITORS = {"office_admin", "specialist"}
AGENCY = {"agency_responder"}

# route -> (kwargs key, allowed roles)
PAGES = {
    "petitions:round_list": (None, VIEWERS),
    "petitions:round_create": (None, EDITORS),
    "petitions:round_detail": ("round_id", VIEWERS),
    "petitions:meeting_create": ("round_id", EDITORS),
    "petitions:consolidation": ("round_id", EDITORS),
    "petitions:batch_list": ("round_id", VIEWERS),
    "petitions:report_synthesis": ("round_id", VIEWERS),
    "petitions:report_results": ("round_id", VIEWERS),
    "petitions:meeting_detail": ("meeting_id", VIEWERS),
    "petitions:opinion_import": ("meeting_id", EDITORS),
    "petitions:opinion_import_job": ("job_id", EDITORS),
    "petitions:opinion_template": (None, EDITORS),
    "petitions:petition_list": (None, VIEWERS),
    "petitions:petition_suggest": (None, VIEWERS),
    "petitions:petition_detail": ("petition_id", VIEWERS),
    "petitions:batch_detail": ("batch_id", VIEWERS),
    "petitions:batch_letter": ("batch_id", VIEWERS),
    "petitions:dashboard": (None, VIEWERS),
    "petitions:agency_inbox": (None, AGENCY),
    "petitions:agency_batch": ("batch_id", AGENCY),
}
POST_ONLY = {
    "petitions:consolidation_action": "round_id",
    "petitions:answer_review": "answer_id",
    "petitions:round_publish": "round_id",
}
PUBLIC = {
    "petitions_public:round_list": None,
    "petitions_public:round_detail": "round_id",
    "petitions_public:lookup": None,
}
API = {
    "api:list_petitions": (None, VIEWERS),
    "api:get_petition": ("petition_id", VIEWERS),
    "api:list_agency_batches": (None, AGENCY),
}
API_POST = {"api:suggest_petitions"}
ROUTES = set(PAGES) | set(POST_ONLY) | set(PUBLIC) | set(API) | API_POST
OBJECT_KEYS = {"round_id", "meeting_id", "petition_id", "batch_id", "job_id"}


@pytest.fixture
def matrix(pworld, make_user, other_office):
    w = pworld
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    road = next(p for p in petitions if "8A" in p.text)
    land = next(p for p in petitions if p.pk != road.pk)
    own = services.batch_create(
        actor=w["specialist"],
        round=w["round"],
        agency=w["agri"],
        petitions=[Petition.objects.get(pk=land.pk)],
        dispatch_number="16/VP-TH",
        dispatch_date=datetime.date(2025, 10, 1),
    )
    foreign = services.batch_create(
        actor=w["specialist"],
        round=w["round"],
        agency=w["ministry"],
        petitions=[Petition.objects.get(pk=road.pk)],
        dispatch_number="15/VP-TH",
        dispatch_date=datetime.date(2025, 10, 1),
    )
    answer = services.answer_submit(
        actor=w["responder"],
        batch=own,
        petition=Petition.objects.get(pk=land.pk),
        text="Đang xử lý.",
        status="in_progress",
    )
    services.round_publish(actor=w["specialist"], round=w["round"], public=True)
    job = ImportJob.objects.create(
        kind="petitions_opinions",
        province_code=w["province"].code,
        status="failed",
        params={"meeting_id": w["m1"].pk},
    )
    actors = {
        "anonymous": None,
        "no_role": make_user(),
        "other_province": make_user("office_admin", other_office),
    }
    for role in ("office_admin", "specialist", "leader", "delegate", "viewer"):
        actors[role] = make_user(role, w["office"])
    actors["agency_responder"] = w["responder"]
    ids = {
        "round_id": w["round"].pk,
        "meeting_id": w["m1"].pk,
        "petition_id": road.pk,
        "batch_id": own.pk,
        "job_id": job.pk,
        "answer_id": answer.pk,
    }
    return {"actors": actors, "ids": ids, "foreign": foreign, "own": own, "road": road, "land": land}


def _state():
    return (
        AuditEntry.objects.count(),
        Petition.objects.count(),
        VoterOpinion.objects.count(),
        Answer.objects.count(),
    )


def _url(name, key, ids, extra=""):
    return reverse(name, kwargs={key: ids[key]} if key else {}) + extra


def _login(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, matrix, name):
    key, allowed = PAGES[name]
    extra = "?text=QL8A đoạn qua xã hư hỏng nặng" if name.endswith("suggest") else ""
    url = _url(name, key, matrix["ids"], extra)
    for actor, user in matrix["actors"].items():
        _login(client, user)
        before = _state()
        response = client.get(url)
        assert _state() == before, (name, actor)
        body = response.content.decode(errors="replace")
        if actor == "anonymous":
            assert response.status_code == 302 and "dang-nhap" in response["Location"], (name, actor)
            continue
        role = "office_admin" if actor == "other_province" else actor
        if actor == "other_province" and key in OBJECT_KEYS:
            assert response.status_code in (403, 404), (name, actor, response.status_code)
        elif role in allowed:
            assert response.status_code == 200, (name, actor, response.status_code)
        else:
            assert response.status_code in (403, 404), (name, actor, response.status_code)
        if actor not in EDITORS:
            assert VOTER not in body, (name, actor)
        if actor in {"other_province", "no_role"}:
            assert matrix["road"].text[:25] not in body and "Sở Nông nghiệp" not in body, (name, actor)


def test_office_sees_voters_and_agency_sees_only_its_own(client, matrix):
    ids = matrix["ids"]
    _login(client, matrix["actors"]["specialist"])
    assert (
        VOTER
        in client.get(
            reverse("petitions:meeting_detail", kwargs={"meeting_id": ids["meeting_id"]})
        ).content.decode()
    )
    _login(client, matrix["actors"]["agency_responder"])
    own = client.get(reverse("petitions:agency_batch", kwargs={"batch_id": matrix["own"].pk}))
    assert own.status_code == 200 and matrix["land"].text[:30] in own.content.decode()
    assert matrix["road"].text[:25] not in own.content.decode() and VOTER not in own.content.decode()
    assert (
        client.get(reverse("petitions:agency_batch", kwargs={"batch_id": matrix["foreign"].pk})).status_code
        == 404
    )
    inbox = client.get(reverse("petitions:agency_inbox")).content.decode()
    assert "16/VP-TH" in inbox and "15/VP-TH" not in inbox
    # Answering a petition of another agency's batch is refused and changes nothing.
    before = _state()
    response = client.post(
        reverse("petitions:agency_batch", kwargs={"batch_id": matrix["foreign"].pk}),
        {"petition": matrix["road"].pk, "text": "x", "status": "resolved"},
    )
    assert response.status_code == 404 and _state() == before
    api = client.get(reverse("api:list_agency_batches")).json()
    assert [b["dispatch_number"] for b in api] == ["16/VP-TH"]
    assert VOTER not in str(api)


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only(client, matrix, name):
    url = _url(name, POST_ONLY[name], matrix["ids"])
    before = _state()
    response = client.post(url, {"action": "confirm_all"})
    assert response.status_code == 302 and "dang-nhap" in response["Location"]
    for actor in ("viewer", "delegate", "agency_responder", "other_province", "no_role"):
        _login(client, matrix["actors"][actor])
        assert client.get(url).status_code == 405
        assert client.post(url, {"action": "confirm_all", "accepted": "1", "public": "0"}).status_code in (
            403,
            404,
        ), (
            name,
            actor,
        )
    assert _state() == before


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public(client, matrix, name):
    extra = f"?code={matrix['road'].code}" if name.endswith("lookup") else ""
    url = _url(name, PUBLIC[name], matrix["ids"], extra)
    before = _state()
    response = client.get(url)
    assert response.status_code == 200 and _state() == before
    body = response.content.decode()
    assert VOTER not in body
    if name.endswith("lookup"):
        assert matrix["road"].code in body


def test_public_hides_unpublished(client, matrix):
    services.round_publish(actor=matrix["actors"]["specialist"], round=matrix["road"].round, public=False)
    assert (
        client.get(
            reverse("petitions_public:round_detail", kwargs={"round_id": matrix["ids"]["round_id"]})
        ).status_code
        == 404
    )
    body = client.get(reverse("petitions_public:lookup") + f"?code={matrix['road'].code}").content.decode()
    assert matrix["road"].text[:30] not in body


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, matrix, name):
    key, allowed = API[name]
    url = _url(name, key, matrix["ids"])
    for actor, user in matrix["actors"].items():
        _login(client, user)
        before = _state()
        response = client.get(url)
        assert _state() == before
        body = response.content.decode()
        if actor == "anonymous":
            assert response.status_code == 401
            continue
        role = "office_admin" if actor == "other_province" else actor
        if actor == "other_province" and key:
            assert response.status_code == 404
        elif role in allowed:
            assert response.status_code == 200, (name, actor, body)
        else:
            assert response.status_code in (403, 404), (name, actor)
        assert VOTER not in body
        if actor == "other_province":
            assert matrix["road"].text[:25] not in body


def test_api_suggest(client, matrix):
    url = reverse("api:suggest_petitions")
    assert client.post(url, {"text": "QL8A"}, content_type="application/json").status_code == 401
    _login(client, matrix["actors"]["agency_responder"])
    assert client.post(url, {"text": "QL8A"}, content_type="application/json").status_code == 403
    _login(client, matrix["actors"]["other_province"])
    assert client.post(url, {"text": "Quốc lộ 8A hư hỏng"}, content_type="application/json").json() == []
    _login(client, matrix["actors"]["viewer"])
    data = client.post(
        url, {"text": "Quốc lộ 8A xuống cấp, nhiều ổ gà"}, content_type="application/json"
    ).json()
    assert data[0]["code"] == matrix["road"].code


def test_suggest_with_the_database_prefilter(matrix, monkeypatch):
    """The path used above PREFILTER_ABOVE petitions (PostgreSQL; SQLite keeps the index)."""
    from dancu.petitions import selectors

    monkeypatch.setattr(selectors, "PREFILTER_ABOVE", 0)
    monkeypatch.setattr(selectors, "PREFILTER_RECENT_DAYS", 365 * 50)
    monkeypatch.setattr(selectors, "PREFILTER_FIELDS", 20)
    text = "Quốc lộ 8A xuống cấp, nhiều ổ gà"
    found = selectors.suggest(matrix["actors"]["viewer"], text)
    assert found and found[0][0].pk == matrix["road"].pk
    assert selectors.suggest(matrix["actors"]["other_province"], text) == []
