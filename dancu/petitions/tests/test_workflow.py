"""The petition workflow: declared moves only, through the one machine; actions on several
petitions move all of them or none (service and page); refusals are typed and coded; a refused
form comes back with what the user typed."""

import datetime

import pytest
from django.urls import reverse

from dancu.core.access import get_access
from dancu.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.petitions import selectors, services
from dancu.petitions.errors import PetitionError
from dancu.petitions.models import Petition, PetitionRule
from dancu.petitions.workflow import PETITION_FLOW

from .factories import forward, seed_rules

pytestmark = pytest.mark.django_db
S = Petition.Status


@pytest.fixture
def pair(pworld):
    """The two proposed petitions of the round (road, land)."""
    petitions = services.consolidate_round(actor=pworld["specialist"], round=pworld["round"])
    road = next(p for p in petitions if "8A" in p.text)
    land = next(p for p in petitions if p.pk != road.pk)
    return road, land


def _statuses(*petitions):
    return [Petition.objects.get(pk=p.pk).status for p in petitions]


def _forward(w, petition, agency=None):
    return forward(w, agency or w["agri"], [petition])


def test_the_declaration():
    assert PETITION_FLOW.initial == S.DRAFT
    assert PETITION_FLOW.targets_from(S.DRAFT) == {S.CONFIRMED}
    assert PETITION_FLOW.targets_from(S.CONFIRMED) == {S.DRAFT, S.FORWARDED}
    assert PETITION_FLOW.targets_from(S.ANSWERED) == {S.ANSWERED, S.CLOSED, S.REOPENED}


def test_confirm_two_where_the_second_conflicts_leaves_both_unconfirmed(pworld, pair):
    """The probe (service): the second petition is already forwarded, so neither moves."""
    w = pworld
    road, land = pair
    services.petitions_transition(actor=w["specialist"], petitions=[land], action="confirm")
    _forward(w, Petition.objects.get(pk=land.pk))
    audits = AuditEntry.objects.count()
    with pytest.raises(Conflict) as refused:
        services.petitions_transition(actor=w["specialist"], petitions=[road, land], action="confirm")
    assert refused.value.code == "invalid_transition"
    assert _statuses(road, land) == [S.DRAFT, S.FORWARDED]
    assert AuditEntry.objects.count() == audits


@pytest.mark.parametrize("second_state", ["confirmed", "forwarded"])
def test_confirm_two_through_the_page_is_all_or_nothing(client, pworld, pair, second_state):
    """The probe (page): the consolidation action refuses, shows the screen again with the two
    petitions still ticked and the reason, status 400; neither petition moved."""
    w = pworld
    road, land = pair
    services.petitions_transition(actor=w["specialist"], petitions=[land], action="confirm")
    if second_state == "forwarded":
        _forward(w, Petition.objects.get(pk=land.pk))
    before = _statuses(road, land)
    client.force_login(w["specialist"])
    url = reverse("petitions:consolidation_action", kwargs={"round_id": w["round"].pk})
    response = client.post(url, {"action": "confirm", "petition": [road.pk, land.pk]})
    assert response.status_code == 400
    body = response.content.decode()
    assert f'value="{road.pk}" id="p{road.pk}" checked' in body
    assert "alert-danger" in body
    assert _statuses(road, land) == before
    assert _statuses(road)[0] == S.DRAFT


def test_confirm_several_and_unconfirm(client, pworld, pair):
    w = pworld
    road, land = pair
    client.force_login(w["specialist"])
    url = reverse("petitions:consolidation_action", kwargs={"round_id": w["round"].pk})
    assert client.post(url, {"action": "confirm", "petition": [road.pk, land.pk]}).status_code == 302
    assert _statuses(road, land) == [S.CONFIRMED, S.CONFIRMED]
    assert client.post(url, {"action": "unconfirm", "petition": [land.pk]}).status_code == 302
    assert _statuses(road, land) == [S.CONFIRMED, S.DRAFT]
    entry = AuditEntry.objects.filter(action="petitions.petition.unconfirm").get()
    assert entry.target_id == str(land.pk) and entry.changes["status"] == {
        "before": "confirmed",
        "after": "draft",
    }


def test_classify_several_is_all_or_nothing(pworld, pair, monkeypatch):
    w = pworld
    road, land = pair
    services.consolidation_act(
        actor=w["specialist"],
        round=w["round"],
        action="classify",
        petition_ids=[road.pk, land.pk],
        field="y_te",
        level="commune",
    )
    assert set(Petition.objects.values_list("field", "level")) == {("y_te", "commune")}
    real, done = services.petition_classify, []

    def refuse_the_second(**kwargs):
        done.append(kwargs["petition"].pk)
        if len(done) == 2:
            raise ValidationFailed("refused", code=PetitionError.CLASSIFICATION_INVALID)
        return real(**kwargs)

    monkeypatch.setattr(services, "petition_classify", refuse_the_second)
    with pytest.raises(ValidationFailed):
        services.petitions_classify(
            actor=w["specialist"], petitions=[road, land], field="khac", level="central"
        )
    assert done == [road.pk, land.pk]
    assert set(Petition.objects.values_list("field", "level")) == {("y_te", "commune")}


def test_merge_of_a_forwarded_petition_is_refused_and_changes_nothing(pworld, pair):
    w = pworld
    road, land = pair
    services.petitions_transition(actor=w["specialist"], petitions=[land], action="confirm")
    _forward(w, Petition.objects.get(pk=land.pk))
    with pytest.raises(Conflict) as refused:
        services.consolidation_act(
            actor=w["specialist"],
            round=w["round"],
            action="merge",
            target_id=road.pk,
            petition_ids=[land.pk],
        )
    assert refused.value.code == PetitionError.NOT_EDITABLE
    assert road.opinions.count() == 2 and Petition.objects.filter(pk=land.pk).exists()


def test_batch_of_two_where_one_is_not_confirmed_forwards_none(pworld, pair):
    w = pworld
    road, land = pair
    services.petitions_transition(actor=w["specialist"], petitions=[land], action="confirm")
    with pytest.raises(Conflict) as refused:
        forward(w, w["agri"], [Petition.objects.get(pk=land.pk), road])
    assert refused.value.code == PetitionError.NOT_FORWARDABLE
    assert _statuses(road, land) == [S.DRAFT, S.CONFIRMED]
    assert not w["round"].batches.exists()


def test_forwarding_sets_the_agency_in_the_same_transaction_and_audits_it(pworld, pair):
    w = pworld
    road, _land = pair
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    assert Petition.objects.get(pk=road.pk).agency_id == w["ministry"].pk  # the suggestion
    batch = _forward(w, Petition.objects.get(pk=road.pk), agency=w["agri"])
    road.refresh_from_db()
    assert (road.status, road.agency_id, road.agency_confidence) == (S.FORWARDED, w["agri"].pk, 1.0)
    entry = AuditEntry.objects.get(action="petitions.batch_create")
    assert entry.target_id == str(batch.pk) and road.code in entry.changes["agency"]
    assert AuditEntry.objects.filter(action="petitions.petition.forward", target_id=str(road.pk)).exists()


def test_refusals_are_typed_and_coded(pworld, pair, make_user, other_office):
    w = pworld
    road, _land = pair
    viewer = make_user("viewer", w["office"])
    with pytest.raises(PermissionDenied) as refused:
        services.petitions_transition(actor=viewer, petitions=[road], action="confirm")
    assert refused.value.code == "permission_denied"
    with pytest.raises(PermissionDenied) as refused:
        services.petition_edit(actor=viewer, petition=road, text="x")
    assert refused.value.code == PetitionError.FORBIDDEN
    with pytest.raises(NotFound) as missing:
        selectors.petition_get(make_user("office_admin", other_office), road.pk)
    assert missing.value.code == PetitionError.PETITION_NOT_FOUND and missing.value.message
    with pytest.raises(ValidationFailed) as invalid:
        services.consolidation_act(
            actor=w["specialist"], round=w["round"], action="merge", petition_ids=[road.pk]
        )
    assert invalid.value.code == PetitionError.CHOOSE_TARGET and invalid.value.details == {"field": "target"}
    with pytest.raises(ValidationFailed) as invalid:
        services.consolidation_act(
            actor=w["specialist"], round=w["round"], action="merge", petition_ids=[road.pk], target_id=road.pk
        )
    assert invalid.value.code == PetitionError.CHOOSE_PETITIONS and invalid.value.details == {
        "field": "petition"
    }


def test_the_agency_answers_only_its_own_and_the_rule_drives_the_button(client, pworld, pair):
    w = pworld
    road, _land = pair
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    foreign = _forward(w, Petition.objects.get(pk=road.pk), agency=w["ministry"])
    access = get_access(w["responder"])
    moved = Petition.objects.get(pk=road.pk)
    assert PETITION_FLOW.blocked_reason(access, moved, "answer")  # not forwarded to its agency
    with pytest.raises(PermissionDenied) as refused:
        services.answer_submit(
            actor=w["responder"], batch=foreign, petition=moved, text="x", status="resolved"
        )
    assert refused.value.code == PetitionError.NOT_OWN_AGENCY
    assert Petition.objects.get(pk=road.pk).status == S.FORWARDED


def test_review_refused_form_keeps_the_input(client, pworld, pair):
    w = pworld
    _road, land = pair
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    batch = _forward(w, Petition.objects.get(pk=land.pk))
    answer = services.answer_submit(
        actor=w["responder"],
        batch=batch,
        petition=Petition.objects.get(pk=land.pk),
        text="Đã xử lý.",
        status="resolved",
    )
    client.force_login(w["specialist"])
    page = client.get(reverse("petitions:petition_detail", kwargs={"petition_id": land.pk})).content.decode()
    assert reverse("petitions:answer_review", kwargs={"answer_id": answer.pk}) in page
    url = reverse("petitions:answer_review", kwargs={"answer_id": answer.pk})
    response = client.post(url, {"accepted": "0", "reason": "  "})
    assert response.status_code == 400 and "text-danger" in response.content.decode()
    assert Petition.objects.get(pk=land.pk).status == S.ANSWERED
    assert client.post(url, {"accepted": "0", "reason": "Chưa nêu thời hạn."}).status_code == 302
    assert Petition.objects.get(pk=land.pk).status == S.REOPENED
    page = client.get(reverse("petitions:petition_detail", kwargs={"petition_id": land.pk})).content.decode()
    assert url not in page  # reviewed: no button any more


def test_refused_forms_show_the_message_next_to_the_field_with_the_input(client, pworld, pair):
    w = pworld
    road, _land = pair
    client.force_login(w["specialist"])
    # A round code already taken: the form comes back with the name typed and the message.
    response = client.post(
        reverse("petitions:round_create"),
        {"name": "Đợt thử", "code": w["round"].code, "start_date": "2025-12-01"},
    )
    body = response.content.decode()
    assert response.status_code == 400 and 'value="Đợt thử"' in body and "text-danger" in body
    # A batch whose petition is not confirmed: the dispatch number stays, nothing is forwarded.
    response = client.post(
        reverse("petitions:batch_list", kwargs={"round_id": w["round"].pk}),
        {
            "agency": w["agri"].pk,
            "dispatch_number": "99/VP-TH",
            "dispatch_date": "2025-10-01",
            "petition": [road.pk],
        },
    )
    assert response.status_code == 400 and 'value="99/VP-TH"' in response.content.decode()
    assert not w["round"].batches.exists()
    # An empty wording in the consolidation screen: the screen again, the petition unchanged.
    response = client.post(
        reverse("petitions:consolidation_action", kwargs={"round_id": w["round"].pk}),
        {"action": "edit", "petition": road.pk, "text": "   "},
    )
    assert response.status_code == 400
    assert Petition.objects.get(pk=road.pk).text == road.text
    # A meeting on a commune's date left empty: the voters typed stay.
    response = client.post(
        reverse("petitions:meeting_create", kwargs={"round_id": w["round"].pk}),
        {"kind": "before_na", "place": w["m1"].place_id, "voter_count": "77"},
    )
    assert response.status_code == 400 and 'value="77"' in response.content.decode()


def test_rules_come_from_the_migration_not_from_a_read(pworld):
    """rule_for reads; it never creates rules (migration 0002 seeds them, fixtures re-seed)."""
    assert PetitionRule.objects.count() == 3
    PetitionRule.objects.all().delete()
    with pytest.raises(ValidationFailed) as missing:
        services.rule_for("province", datetime.date(2025, 10, 1))
    assert missing.value.code == PetitionError.NO_RULE and PetitionRule.objects.count() == 0
    assert seed_rules() == 3
    assert services.rule_for("central", datetime.date(2025, 10, 1)).answer_days == 60


def test_an_answer_attachment_is_checked_by_content(pworld, pair):
    from django.core.files.uploadedfile import SimpleUploadedFile

    w = pworld
    _road, land = pair
    services.round_confirm_all(actor=w["specialist"], round=w["round"])
    batch = _forward(w, Petition.objects.get(pk=land.pk))
    page = SimpleUploadedFile(
        "tra_loi.pdf", b"<html><script>alert(1)</script></html>", content_type="application/pdf"
    )
    with pytest.raises(ValidationFailed):
        services.answer_submit(
            actor=w["responder"], batch=batch, petition=land, text="Đã xử lý.", status="resolved", file=page
        )
    assert Petition.objects.get(pk=land.pk).status == S.FORWARDED and not land.answers.exists()
    pdf = SimpleUploadedFile("Trả lời.exe", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    answer = services.answer_submit(
        actor=w["responder"], batch=batch, petition=land, text="Đã xử lý.", status="resolved", file=pdf
    )
    assert answer.file.name.endswith(".pdf") and Petition.objects.get(pk=land.pk).status == S.ANSWERED
