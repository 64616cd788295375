"""Carrying open items over to a new term across modules (issue 16, item 6): the council's page
calls every module's `term.carry_over` (supervision recommendations not closed, petitions
awaiting an answer) for the bodies re-formed in the new term; the history stays (answers,
the original activity, the audit entry with before and after); a second run moves nothing.

In `web` because it builds records of three modules (the modules' own tests may not import
each other)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dancu.core.models import AuditEntry
from dancu.council import term
from dancu.council.tests.factories import make_council
from dancu.council.tests.term_factories import elected_row, elected_xlsx
from dancu.petitions.models import Petition, Round
from dancu.supervision.models import Activity, Answer, Programme, Recommendation

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def setup(province, office, make_user):
    w = make_council(province)
    w["admin"] = make_user("office_admin", office)
    old_term = w["term"]
    old_term.number, old_term.start_date = 18, D(2021, 6, 25)
    old_term.save()
    committee, group = w["committee"], w["group"]
    # Supervision: the committee's programme of 2025, an open, an answered and a closed
    # recommendation; the delegate group's (which continues), one open.
    rounds = Round.objects.create(
        province=province, name="Tiếp xúc cử tri trước kỳ họp", code="r1", start_date=D(2025, 11, 1)
    )
    prog = Programme.objects.create(
        province=province, body=committee, year=2025, title="Chương trình giám sát 2025"
    )
    act = Activity.objects.create(
        province=province,
        programme=prog,
        topic="Giám sát đầu tư công",
        planned_start=D(2025, 5, 1),
        planned_end=D(2025, 6, 1),
    )
    recs = [
        Recommendation.objects.create(
            province=province,
            activity=act,
            content=f"Kiến nghị {i}",
            lead_agency=w["agency"],
            due_on=D(2026, 6, 30),
            status=status,
        )
        for i, status in enumerate(("open", "answered", "closed"))
    ]
    Answer.objects.create(
        recommendation=recs[1], text="Đang thực hiện", proposed="partly", answered_at=timezone.now()
    )
    group_prog = Programme.objects.create(
        province=province, body=group, year=2025, title="Chương trình của Tổ"
    )
    group_act = Activity.objects.create(
        province=province,
        programme=group_prog,
        topic="Khảo sát trường học",
        planned_start=D(2025, 9, 1),
        planned_end=D(2025, 9, 2),
    )
    staying = Recommendation.objects.create(
        province=province,
        activity=group_act,
        content="Sửa trường",
        lead_agency=w["agency"],
        due_on=D(2026, 6, 30),
    )
    # Petitions: forwarded and re-opened ones of the committee move; answered and draft stay.
    petitions = {
        status: Petition.objects.create(
            province=province,
            round=rounds,
            code=f"KN-{status}",
            text="Đường hỏng",
            status=status,
            committee=committee,
        )
        for status in ("forwarded", "reopened", "answered", "draft")
    }
    code = province.code
    rows = [
        elected_row(
            "Nguyễn Văn Một",
            D(1975, 1, 1),
            group=f"Tổ đại biểu {code}",
            body=f"Ban Kinh tế - Ngân sách {code}",
        )
    ]
    s = term.term_setup_create(
        actor=w["admin"],
        council=w["council"],
        number=19,
        name="Khóa XIX",
        election_date=D(2026, 3, 15),
        start_date=D(2026, 3, 25),
        end_date=None,
        data=elected_xlsx(rows),
        file_name="x.xlsx",
    )
    structure = [
        {"old": w["standing"].pk, "action": "continue"},
        {"old": committee.pk, "action": "new", "name": committee.name},  # re-formed
        {"old": group.pk, "action": "continue"},
    ]
    s = term.term_structure_update(actor=w["admin"], setup=s, rows=structure)
    s = term.term_confirm(actor=w["admin"], setup=s)
    return {"w": w, "setup": s, "recs": recs, "staying": staying, "act": act, "petitions": petitions}


def test_open_items_move_to_the_re_formed_bodies_with_their_history_once(client, setup):
    w, s, recs = setup["w"], setup["setup"], setup["recs"]
    new_committee = s.body_map[str(w["committee"].pk)]
    assert new_committee != w["committee"].pk
    client.force_login(w["admin"])
    page = client.get(reverse("council:term_detail", args=[s.pk]))
    assert page.status_code == 200
    carry = page.context["carry"]
    assert (carry["recommendations"], carry["recommendations_staying"]) == (2, 1)
    assert (carry["petitions"], carry["petitions_staying"]) == (2, 0)
    audits = AuditEntry.objects.count()
    assert AuditEntry.objects.count() == audits  # the preview wrote nothing
    assert client.post(reverse("council:term_carry_over", args=[s.pk])).status_code == 302

    for rec in recs:
        rec.refresh_from_db()
    moved, closed = recs[:2], recs[2]
    follow_up = moved[0].activity
    assert all(r.activity == follow_up for r in moved) and closed.activity == setup["act"]
    assert follow_up.programme.body_id == new_committee and follow_up.programme.year == 2026
    assert follow_up.kind == "resupervision" and setup["act"].topic in follow_up.content
    assert moved[1].answers.count() == 1  # the answer goes with it
    setup["staying"].refresh_from_db()
    assert setup["staying"].activity.programme.body == w["group"]
    entry = AuditEntry.objects.filter(action="supervision.recommendation.carry_over").get(
        target_id=str(moved[0].pk)
    )
    assert entry.changes["activity"] == {"before": setup["act"].pk, "after": follow_up.pk}
    assert entry.changes["body"] == {"before": w["committee"].pk, "after": new_committee}

    p = {k: Petition.objects.get(pk=v.pk) for k, v in setup["petitions"].items()}
    assert p["forwarded"].committee_id == p["reopened"].committee_id == new_committee
    assert p["answered"].committee_id == p["draft"].committee_id == w["committee"].pk
    assert AuditEntry.objects.filter(action="petitions.petition.carry_over").count() == 2

    s.refresh_from_db()
    assert s.carried_counts == {"commitments": 0, "recommendations": 2, "petitions": 2}
    # Again: nothing moves twice, no new follow-up activity.
    again = term.term_carry_over(actor=w["admin"], setup=s)
    assert (again["recommendations"], again["petitions"]) == (0, 0)
    assert Activity.objects.filter(programme__body_id=new_committee).count() == 1
    assert Programme.objects.filter(body_id=new_committee).count() == 1
    assert AuditEntry.objects.filter(action="supervision.recommendation.carry_over").count() == 2
