"""Permission matrix of the petitions module on the shared harness (`dancu.core.testing`): every
page, public page and API operation, as anonymous / no role / office admin of another province
/ each role of the province. GETs change nothing; voters' personal data is shown only to the
office roles; an agency responder sees only what was forwarded to its own body."""

import dataclasses

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dancu.core import testing as m
from dancu.core.models import AuditEntry, ImportJob
from dancu.petitions import services
from dancu.petitions.models import Answer, Petition, VoterOpinion

from .factories import PDF_BYTES, forward

pytestmark = pytest.mark.django_db

VOTER = "Ông Nguyễn Văn Bí Mật"
AGRI = "Sở Nông nghiệp"
VIEWERS = {"office_admin", "specialist", "leader", "delegate", "viewer"}
EDITORS = {"office_admin", "specialist"}
FORWARDERS = {"office_admin", "specialist", "leader"}
AGENCY = {"agency_responder"}

PAGES = {
    "petitions:round_list": m.route(allowed=VIEWERS),
    "petitions:round_create": m.route(allowed=EDITORS),
    "petitions:round_detail": m.route("round_id", allowed=VIEWERS),
    "petitions:meeting_create": m.route("round_id", allowed=EDITORS),
    "petitions:consolidation": m.route("round_id", allowed=EDITORS),
    "petitions:batch_list": m.route("round_id", allowed=VIEWERS),
    "petitions:report_synthesis": m.route("round_id", allowed=VIEWERS),
    "petitions:report_results": m.route("round_id", allowed=VIEWERS),
    "petitions:meeting_detail": m.route("meeting_id", allowed=VIEWERS),
    "petitions:opinion_import": m.route("meeting_id", allowed=EDITORS),
    "petitions:opinion_import_job": m.route("job_id", allowed=EDITORS),
    "petitions:opinion_template": m.route(allowed=EDITORS),
    "petitions:petition_list": m.route(allowed=VIEWERS),
    "petitions:petition_export": m.route(allowed=VIEWERS, query="?field=dat_dai"),
    "petitions:petition_suggest": m.route(allowed=VIEWERS, query="?text=QL8A đoạn qua xã hư hỏng nặng"),
    "petitions:petition_detail": m.route("petition_id", allowed=VIEWERS),
    "petitions:batch_detail": m.route("batch_id", allowed=VIEWERS),
    "petitions:batch_letter": m.route("batch_id", allowed=VIEWERS),
    # An answer's attachment: the Office roles and the agency that answered, not delegates.
    "petitions:answer_file": m.route("answer_id", allowed=FORWARDERS | AGENCY),
    "petitions:dashboard": m.route(allowed=VIEWERS),
    "petitions:agency_inbox": m.route(allowed=AGENCY),
    "petitions:agency_batch": m.route("batch_id", allowed=AGENCY),
}
# Pages that also take a POST (a form): who may send it.
FORMS = {
    "petitions:round_create": EDITORS,
    "petitions:meeting_create": EDITORS,
    "petitions:meeting_detail": EDITORS,
    "petitions:opinion_import": EDITORS,
    "petitions:petition_detail": EDITORS,
    "petitions:batch_list": FORWARDERS,
    "petitions:agency_batch": AGENCY,
}
POST_ONLY = {
    "petitions:consolidation_action": m.route("round_id"),
    "petitions:answer_review": m.route("answer_id"),
    "petitions:round_publish": m.route("round_id"),
}
# The roles each POST-only route refuses (403/404); the others may send it.
OUTSIDERS = {"other_province", "no_role"}
REFUSED = {
    "petitions:consolidation_action": set(m.ROLES) - EDITORS | OUTSIDERS,
    "petitions:answer_review": set(m.ROLES) - FORWARDERS | OUTSIDERS,
    "petitions:round_publish": set(m.ROLES) - FORWARDERS | OUTSIDERS,
}
PUBLIC = {
    "petitions_public:round_list": m.route(),
    "petitions_public:round_detail": m.route("round_id"),
    "petitions_public:lookup": m.route(),
}
# Public downloads (streamed: checked by test_public_answer_file, not by check_public).
PUBLIC_FILES = {"petitions_public:answer_file": m.route("answer_id")}
API = {
    "api:list_petitions": m.route(allowed=VIEWERS),
    "api:get_petition": m.route("petition_id", allowed=VIEWERS),
    "api:list_agency_batches": m.route(allowed=AGENCY),
}
API_POST = {"api:suggest_petitions"}
ROUTES = m.route_names([PAGES, POST_ONLY, PUBLIC, PUBLIC_FILES, API, API_POST])


def _state():
    return (
        AuditEntry.objects.count(),
        Petition.objects.count(),
        VoterOpinion.objects.count(),
        Answer.objects.count(),
        list(Petition.objects.order_by("pk").values_list("status", flat=True)),
    )


@pytest.fixture
def world(pworld, make_user, other_office):
    """Two petitions forwarded to two agencies (one the responder's), one answered, the round
    published, a failed opinion import; data other provinces must never see."""
    w = pworld
    petitions = services.consolidate_round(actor=w["specialist"], round=w["round"])
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    road = next(p for p in petitions if "8A" in p.text)
    land = next(p for p in petitions if p.pk != road.pk)
    own, foreign = (
        forward(w, agency, [Petition.objects.get(pk=petition.pk)], number)
        for agency, petition, number in ((w["agri"], land, "16/VP-TH"), (w["ministry"], road, "15/VP-TH"))
    )
    answer = services.answer_submit(
        actor=w["responder"],
        batch=own,
        petition=Petition.objects.get(pk=land.pk),
        text="Đang xử lý.",
        status="in_progress",
        file=SimpleUploadedFile("Công văn trả lời.pdf", PDF_BYTES),
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
    for role in m.ROLES:
        actors[role] = w["responder"] if role == "agency_responder" else make_user(role, w["office"])
    return m.World(
        actors=actors,
        ids={
            "round_id": w["round"].pk,
            "meeting_id": w["m1"].pk,
            "petition_id": road.pk,
            "batch_id": own.pk,
            "job_id": job.pk,
            "answer_id": answer.pk,
        },
        state=_state,
        secrets={
            VOTER: EDITORS,
            road.text[:25]: VIEWERS,
            AGRI: VIEWERS | AGENCY,
        },
        object_keys=frozenset({"round_id", "meeting_id", "petition_id", "batch_id", "job_id", "answer_id"}),
        extra={"road": road, "land": land, "own": own, "foreign": foreign},
    )


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages(client, world, name):
    m.check_page(client, world, name, PAGES[name])


@pytest.mark.parametrize("name", sorted(FORMS))
def test_forms_refuse_who_may_not_send_them(client, world, name):
    """A POST to a page's form by someone who may not send it is refused and changes nothing."""
    url = m.url_of(name, PAGES[name], world)
    before = world.state()
    for actor in m.ROLES:
        if actor in FORMS[name]:
            continue
        m.login(client, world.actors[actor])
        response = client.post(url, {"text": "x", "petition": world.ids["petition_id"], "status": "resolved"})
        assert response.status_code in (403, 404), (name, actor, response.status_code)
    m.login(client, world.actors["no_role"])
    assert client.post(url, {"text": "x"}).status_code in (403, 404), name
    if PAGES[name].keys:  # another province's office may not touch this province's records
        m.login(client, world.actors["other_province"])
        assert client.post(url, {"text": "x"}).status_code in (403, 404), name
    assert world.state() == before


@pytest.mark.parametrize("name", sorted(POST_ONLY))
def test_post_only(client, world, name):
    m.check_post_only(
        client,
        world,
        name,
        POST_ONLY[name],
        data={"action": "confirm_all", "accepted": "1", "public": "0"},
        refused=sorted(REFUSED[name]),
    )


def test_office_sees_voters_and_agency_sees_only_its_own(client, world):
    x = world.extra
    m.login(client, world.actors["specialist"])
    meeting = client.get(reverse("petitions:meeting_detail", kwargs={"meeting_id": world.ids["meeting_id"]}))
    assert VOTER in meeting.content.decode()
    m.login(client, world.actors["agency_responder"])
    own = client.get(reverse("petitions:agency_batch", kwargs={"batch_id": x["own"].pk})).content.decode()
    assert x["land"].text[:30] in own
    assert x["road"].text[:25] not in own and VOTER not in own
    assert (
        client.get(reverse("petitions:agency_batch", kwargs={"batch_id": x["foreign"].pk})).status_code == 404
    )
    inbox = client.get(reverse("petitions:agency_inbox")).content.decode()
    assert "16/VP-TH" in inbox and "15/VP-TH" not in inbox
    # Answering a petition of another agency's batch is refused and changes nothing.
    before = world.state()
    response = client.post(
        reverse("petitions:agency_batch", kwargs={"batch_id": x["foreign"].pk}),
        {"petition": x["road"].pk, "text": "x", "status": "resolved"},
    )
    assert response.status_code == 404 and world.state() == before
    api = client.get(reverse("api:list_agency_batches")).json()
    assert [b["dispatch_number"] for b in api] == ["16/VP-TH"]
    assert VOTER not in str(api)


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public(client, world, name):
    road = world.extra["road"]
    r = PUBLIC[name]
    if name.endswith("lookup"):
        r = m.route(query=f"?code={road.code}")
    must_show = [road.code] if name.endswith("lookup") else []
    # A published round's petitions and agencies are public by design; voters never are.
    public_world = dataclasses.replace(world, secrets={VOTER: EDITORS})
    m.check_public(client, public_world, name, r, must_show=must_show)


def test_public_hides_unpublished(client, world):
    road = world.extra["road"]
    services.round_publish(actor=world.actors["specialist"], round=road.round, public=False)
    url = reverse("petitions_public:round_detail", kwargs={"round_id": world.ids["round_id"]})
    assert client.get(url).status_code == 404
    body = client.get(reverse("petitions_public:lookup") + f"?code={road.code}").content.decode()
    assert road.text[:30] not in body


def test_public_answer_file(client, world):
    """The attachment of a published answer (accepted by the Office, in a published round) is a
    download for anyone; not before the Office accepts it; withdrawn with the round."""
    url = m.url_of("petitions_public:answer_file", PUBLIC_FILES["petitions_public:answer_file"], world)
    m.login(client, None)
    assert client.get(url).status_code == 404  # published round, answer not accepted yet
    answer = Answer.objects.get(pk=world.ids["answer_id"])
    services.answer_review(actor=world.actors["specialist"], answer=answer, accepted=True)
    before = world.state()
    response = client.get(url)
    assert response.status_code == 200 and world.state() == before
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF_BYTES
    services.round_publish(actor=world.actors["specialist"], round=world.extra["land"].round, public=False)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", sorted(API))
def test_api(client, world, name):
    m.check_api(client, world, name, API[name])


def test_api_suggest(client, world):
    road = world.extra["road"]
    url = reverse("api:suggest_petitions")
    assert client.post(url, {"text": "QL8A"}, content_type="application/json").status_code == 401
    m.login(client, world.actors["agency_responder"])
    assert client.post(url, {"text": "QL8A"}, content_type="application/json").status_code == 403
    m.login(client, world.actors["other_province"])
    assert client.post(url, {"text": "Quốc lộ 8A hư hỏng"}, content_type="application/json").json() == []
    m.login(client, world.actors["viewer"])
    data = client.post(
        url, {"text": "Quốc lộ 8A xuống cấp, nhiều ổ gà"}, content_type="application/json"
    ).json()
    assert data[0]["code"] == road.code


def test_suggest_with_the_database_prefilter(world, monkeypatch):
    """The path used above PREFILTER_ABOVE petitions (PostgreSQL; SQLite keeps the index)."""
    from dancu.petitions import selectors

    monkeypatch.setattr(selectors, "PREFILTER_ABOVE", 0)
    monkeypatch.setattr(selectors, "PREFILTER_RECENT_DAYS", 365 * 50)
    monkeypatch.setattr(selectors, "PREFILTER_FIELDS", 20)
    text = "Quốc lộ 8A xuống cấp, nhiều ổ gà"
    found = selectors.suggest(world.actors["viewer"], text)
    assert found and found[0][0].pk == world.extra["road"].pk
    assert selectors.suggest(world.actors["other_province"], text) == []
