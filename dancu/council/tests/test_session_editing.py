"""Editing rules of a session (issue 16, item 5): before it sits everything changes (audited);
once it sits only the closing day and venue, the agenda's days, order and times, an urgent item
with its reason, a withdrawal with its reason, a submission's title (its file only as a new
version); once closed only an administrator's correction with a reason. Each rule allowed and
refused: the refusal is a 4xx with the message on the form, the input kept, nothing changed."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.council import checks, services
from dancu.council.errors import CouncilError
from dancu.council.models import AgendaItem, Session, Submission, SubmissionFile
from dancu.council.tests.factories import DAY, PDF_BYTES, make_draft, make_session

pytestmark = pytest.mark.django_db
D = datetime.date


def _session_fields(session, **changes):
    fields = {f: getattr(session, f) for f in ("kind", "number", "title", "start_date", "end_date", "venue")}
    return fields | changes


def _snapshot(model, pk):
    return model.objects.filter(pk=pk).values().get()


def test_a_sitting_session_changes_only_its_closing_day_and_venue(world, session_in_progress):
    admin, s = world["admin"], session_in_progress
    services.session_update(
        actor=admin,
        session=s,
        **_session_fields(s, end_date=DAY + datetime.timedelta(days=1), venue="Hội trường B"),
    )
    s.refresh_from_db()
    assert s.venue == "Hội trường B" and s.end_date == D(2026, 12, 11)
    assert (
        AuditEntry.objects.filter(action="council.session.update").latest("id").changes["venue"]["after"]
        == "Hội trường B"
    )
    before = _snapshot(Session, s.pk)
    for field, value in (
        ("number", 7),
        ("title", "Tên khác"),
        ("kind", "regular"),
        ("start_date", DAY - datetime.timedelta(days=1)),
    ):
        with pytest.raises(ValidationFailed) as refused:
            services.session_update(actor=admin, session=s, **_session_fields(s, **{field: value}))
        assert refused.value.code == CouncilError.LOCKED_WHILE_SITTING and refused.value.details == {
            "field": field
        }
        assert _snapshot(Session, s.pk) == before


def test_the_agenda_before_and_while_the_session_sits(world):
    admin = world["admin"]
    s = make_session(admin, world, steps=("convene",), day=DAY, end=DAY + datetime.timedelta(days=1))
    item = services.agenda_item_add(actor=admin, session=s, day=DAY, title="Khai mạc")
    other = services.agenda_item_add(actor=admin, session=s, day=DAY, title="Báo cáo tình hình")
    services.agenda_item_update(
        actor=admin, item=item, day=DAY, order=1, time="07:30", title="Khai mạc kỳ họp", presenter="Chủ tịch"
    )
    services.agenda_item_delete(actor=admin, item=other)  # before it sits: deleted
    assert not AgendaItem.objects.filter(pk=other.pk).exists()
    assert (
        AuditEntry.objects.get(action="council.agenda.delete").changes["snapshot"]["title"]
        == "Báo cáo tình hình"
    )

    s = services.session_transition(actor=admin, session=s, action="open")
    with pytest.raises(ValidationFailed) as refused:  # an item added while sitting: urgent, with a reason
        services.agenda_item_add(actor=admin, session=s, day=DAY, title="Việc phát sinh")
    assert refused.value.details == {"field": "urgent_reason"} and s.agenda_items.count() == 1
    urgent = services.agenda_item_add(
        actor=admin, session=s, day=DAY, title="Việc phát sinh", urgent_reason="Bão lũ"
    )
    assert urgent.urgent_reason == "Bão lũ"
    assert AuditEntry.objects.filter(action="council.agenda.add").latest("id").changes["reason"] == "Bão lũ"
    # Order and times change; the content does not.
    services.agenda_item_update(
        actor=admin,
        item=urgent,
        day=DAY + datetime.timedelta(days=1),
        order=1,
        time="14:00",
        title="Việc phát sinh",
    )
    urgent.refresh_from_db()
    assert (urgent.day, urgent.time) == (DAY + datetime.timedelta(days=1), "14:00")
    before = _snapshot(AgendaItem, item.pk)
    with pytest.raises(ValidationFailed) as refused:
        services.agenda_item_update(
            actor=admin,
            item=item,
            day=DAY,
            order=1,
            time="07:30",
            title="Nội dung khác",
            presenter="Chủ tịch",
        )
    assert refused.value.code == CouncilError.LOCKED_WHILE_SITTING and refused.value.details == {
        "field": "title"
    }
    with pytest.raises(Conflict):  # sitting: withdrawn, not deleted
        services.agenda_item_delete(actor=admin, item=item)
    with pytest.raises(ValidationFailed):  # a withdrawal gives its reason
        services.agenda_item_withdraw(actor=admin, item=item, reason=" ")
    assert _snapshot(AgendaItem, item.pk) == before
    services.agenda_item_withdraw(actor=admin, item=item, reason="Chuyển sang kỳ họp sau")
    item.refresh_from_db()
    assert item.withdrawn_at and item.withdrawal_reason == "Chuyển sang kỳ họp sau"
    with pytest.raises(Conflict) as refused:
        services.agenda_item_withdraw(actor=admin, item=item, reason="Lần nữa")
    assert refused.value.code == CouncilError.WITHDRAWN


def test_a_submission_while_sitting_withdrawn_not_deleted_its_file_a_new_version(
    world, session_in_progress, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    admin = world["admin"]
    draft = make_draft(admin, world, session_in_progress, title="Dự thảo nghị quyết A")
    services.submission_file_add(actor=admin, submission=draft, uploaded=ContentFile(PDF_BYTES, name="a.pdf"))
    fields = {
        "kind": "draft_resolution",
        "title": "Dự thảo nghị quyết A (tiếp thu)",
        "submitter": world["ubnd"],
    }
    services.submission_update(actor=admin, submission=draft, **fields)
    draft.refresh_from_db()
    assert draft.title.endswith("(tiếp thu)")
    before = _snapshot(Submission, draft.pk)
    for change in ({"kind": "report"}, {"submitter": world["standing"]}):
        with pytest.raises(ValidationFailed) as refused:
            services.submission_update(actor=admin, submission=draft, **(fields | change))
        assert refused.value.code == CouncilError.LOCKED_WHILE_SITTING
    with pytest.raises(Conflict):
        services.submission_delete(actor=admin, submission=draft)
    assert _snapshot(Submission, draft.pk) == before
    services.submission_file_add(actor=admin, submission=draft, uploaded=ContentFile(PDF_BYTES, name="b.pdf"))
    assert list(draft.files.values_list("version", flat=True)) == [2, 1]  # a new version, the first kept
    services.submission_withdraw(actor=admin, submission=draft, reason="Cơ quan trình rút để hoàn thiện")
    draft.refresh_from_db()
    assert draft.withdrawn_at and AuditEntry.objects.filter(action="council.submission.withdraw").exists()
    refusal = checks.vote(draft)
    assert refusal is not None and refusal.code == CouncilError.WITHDRAWN  # not voted on
    s = services.session_transition(actor=admin, session=session_in_progress, action="close")
    with pytest.raises(Conflict):  # a closed session's documents are final
        services.submission_file_add(
            actor=admin, submission=draft, uploaded=ContentFile(PDF_BYTES, name="c.pdf")
        )
    assert SubmissionFile.objects.filter(submission=draft).count() == 2 and s.status == "closed"


def test_a_closed_session_is_corrected_by_an_administrator_with_a_reason(world, make_user, office):
    admin = world["admin"]
    s = make_session(admin, world, steps=("convene",), day=DAY)
    item = services.agenda_item_add(actor=admin, session=s, day=DAY, title="Khai mạc")
    draft = make_draft(admin, world, s, title="Dự thảo B")
    for step in ("open", "close"):
        s = services.session_transition(actor=admin, session=s, action=step)
    specialist = make_user("specialist", office)
    before = (_snapshot(Session, s.pk), _snapshot(AgendaItem, item.pk), _snapshot(Submission, draft.pk))
    with pytest.raises(Conflict):
        services.session_update(
            actor=specialist, session=s, **_session_fields(s, title="Sửa"), reason="Gõ nhầm"
        )
    with pytest.raises(Conflict):
        services.agenda_item_update(
            actor=specialist, item=item, day=DAY, order=1, title="Sửa", reason="Gõ nhầm"
        )
    with pytest.raises(ValidationFailed) as refused:
        services.submission_update(
            actor=admin, submission=draft, kind="draft_resolution", title="Sửa", submitter=world["ubnd"]
        )
    assert refused.value.details == {"field": "reason"}
    with pytest.raises(Conflict):
        services.agenda_item_withdraw(actor=admin, item=item, reason="Muộn")
    with pytest.raises(PermissionDenied):
        services.session_update(
            actor=make_user("leader", office), session=s, **_session_fields(s), reason="x"
        )
    assert (
        _snapshot(Session, s.pk),
        _snapshot(AgendaItem, item.pk),
        _snapshot(Submission, draft.pk),
    ) == before

    services.session_update(
        actor=admin,
        session=s,
        **_session_fields(s, title="Kỳ họp chuyên đề (đính chính)"),
        reason="Sai tên kỳ họp",
    )
    services.agenda_item_update(
        actor=admin, item=item, day=DAY, order=1, title="Khai mạc kỳ họp", reason="Gõ nhầm"
    )
    services.submission_update(
        actor=admin,
        submission=draft,
        kind="draft_resolution",
        title="Dự thảo B (đính chính)",
        submitter=world["ubnd"],
        reason="Sai tên",
    )
    entry = AuditEntry.objects.get(action="council.session.correct")
    assert entry.changes["reason"] == "Sai tên kỳ họp" and entry.changes["title"]["after"].endswith(
        "(đính chính)"
    )
    assert (
        AuditEntry.objects.filter(action__in=["council.agenda.correct", "council.submission.correct"]).count()
        == 2
    )


def test_the_forms_show_the_rule_keep_the_input_and_refuse_with_4xx(
    client, world, session_in_progress, make_user, office, other_office
):
    admin, s = world["admin"], session_in_progress
    item = services.agenda_item_add(
        actor=admin, session=s, day=DAY, title="Khai mạc", urgent_reason="Bổ sung"
    )
    client.force_login(admin)
    url = reverse("council:session_edit", args=[s.pk])
    page = client.get(url).content.decode()
    assert escape(services.edit_rule(s)) in page and 'name="title"' in page
    r = client.post(
        url,
        {
            "kind": "thematic",
            "number": 9,
            "title": "Tên gõ lại",
            "start_date": "2026-12-10",
            "end_date": "2026-12-10",
        },
    )
    assert r.status_code == 400 and 'value="Tên gõ lại"' in r.content.decode()
    assert r.context["form"].errors["number"] and Session.objects.get(pk=s.pk).number == s.number

    r = client.post(reverse("council:agenda_add", args=[s.pk]), {"day": "2026-12-10", "title": "Việc gấp"})
    assert r.status_code == 400 and r.context["agenda_form"].errors["urgent_reason"]
    assert s.agenda_items.count() == 1

    edit = reverse("council:agenda_edit", args=[item.pk])
    r = client.post(edit, {"day": "2026-12-10", "order": 2, "time": "09:00", "title": "Khai mạc khác"})
    assert r.status_code == 400 and 'value="Khai mạc khác"' in r.content.decode()
    assert r.context["form"].errors["title"]
    r = client.post(edit, {"day": "2026-12-10", "order": 2, "time": "09:00", "title": "Khai mạc"})
    assert r.status_code == 302 and AgendaItem.objects.get(pk=item.pk).time == "09:00"

    withdraw = reverse("council:agenda_withdraw", args=[item.pk])
    assert client.post(withdraw, {"reason": ""}).status_code == 400
    assert client.post(withdraw, {"reason": "Không kịp chuẩn bị"}).status_code == 302
    page = client.get(reverse("council:session_detail", args=[s.pk])).content.decode()
    assert "data-withdrawn" in page and "Không kịp chuẩn bị" in page
    assert _("This item has been withdrawn.") in client.get(edit).content.decode()

    draft = make_draft(admin, world, s, title="Dự thảo C")
    r = client.post(reverse("council:submission_withdraw", args=[draft.pk]), {"reason": "Rút"})
    assert r.status_code == 302 and Submission.objects.get(pk=draft.pk).withdrawn_at
    r = client.post(reverse("council:submission_withdraw", args=[draft.pk]), {"reason": "Lần hai"})
    assert r.status_code == 400 and Submission.objects.get(pk=draft.pk).withdrawal_reason == "Rút"

    # Who may not manage: 403; another province: 404; nothing changed.
    state = (AgendaItem.objects.values().get(pk=item.pk), AuditEntry.objects.count())
    client.force_login(make_user("leader", office))
    assert client.post(edit, {"day": "2026-12-10", "order": 1, "title": "X"}).status_code == 403
    assert client.post(reverse("council:agenda_delete", args=[item.pk])).status_code == 403
    client.force_login(make_user("office_admin", other_office))
    assert client.get(edit).status_code == 404
    assert client.post(withdraw, {"reason": "x"}).status_code == 404
    assert (AgendaItem.objects.values().get(pk=item.pk), AuditEntry.objects.count()) == state
