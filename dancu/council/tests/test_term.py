"""A new term from the election results (issue 16, item 6): the list of the elected checked row
by row (a bad row saves nothing), the structure copied from the previous term and edited, the
term created on confirmation with people matched in the directory, the 45-day rule of the first
session, the council's part of carrying open items over, and who may do it."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext as _

from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.council import services, term
from dancu.council.errors import CouncilError
from dancu.council.models import Commitment, TermSetup
from dancu.council.ruleset import rule_on
from dancu.council.selectors import session_delegates
from dancu.council.tests.factories import make_question, make_session
from dancu.council.tests.term_factories import elected_row, elected_xlsx
from dancu.directory.models import Body, Membership, Person, Term

pytestmark = pytest.mark.django_db
D = datetime.date
ELECTION = D(2026, 3, 15)
START = D(2026, 3, 25)


@pytest.fixture
def old(world):
    """The world's council with its term as the 2021-2026 one, and two of its delegates with
    their dates of birth (so the list can match them)."""
    t = world["term"]
    t.number, t.name, t.start_date, t.end_date = 18, "Khóa XVIII", D(2021, 6, 25), None
    t.save()
    for i, person in enumerate(world["people"][:2]):
        person.birth_date = D(1970 + i, 1, 10)
        person.save()
    return world


def _rows(world, **extra):
    code = world["council"].province.code
    committee, group = f"Ban Kinh tế - Ngân sách {code}", f"Tổ đại biểu {code}"
    return [
        # Already in the directory: the same name (other case, no diacritics) and date of birth.
        elected_row(
            "ĐẠI BIỂU SỐ 000",
            D(1970, 1, 10),
            level="province",
            constituency=1,
            body=committee,
            body_post="Trưởng ban",
            group=group,
        ),
        elected_row("Dai Bieu So 001", D(1971, 1, 10), level="province", constituency=1, group=group),
        elected_row(
            "Nguyễn Thị Mới", D(1985, 5, 5), level="province", constituency=2, is_full_time="x", group=group
        ),
        elected_row("Trần Văn Mới", D(1979, 9, 9), level="province", constituency=2),
        elected_row("Lê Minh Mới", D(1990, 2, 2), constituency=3),
    ]


def _upload(world, rows, **kw):
    params = {
        "actor": world["admin"],
        "council": world["council"],
        "number": 19,
        "name": "Khóa XIX",
        "election_date": ELECTION,
        "start_date": START,
        "end_date": D(2031, 3, 31),
        "data": elected_xlsx(rows),
        "file_name": "trung-cu.xlsx",
    }
    return term.term_setup_create(**(params | kw))


def _post(client, world, rows, **fields):
    data = {
        "council": world["council"].pk,
        "number": 19,
        "name": "Khóa XIX",
        "election_date": "2026-03-15",
        "start_date": "2026-03-25",
        "end_date": "2031-03-31",
        "file": SimpleUploadedFile("trung-cu.xlsx", elected_xlsx(rows)),
    }
    return client.post(reverse("council:term_create"), data | fields)


def test_the_template_is_a_workbook_with_the_columns(client, old):
    client.force_login(old["admin"])
    r = client.get(reverse("council:term_template"))
    assert r.status_code == 200 and r.content[:2] == b"PK"
    import io

    from openpyxl import load_workbook

    header = [c.value for c in next(load_workbook(io.BytesIO(r.content)).worksheets[0].iter_rows(max_row=1))]
    assert any(_("Full name") in (h or "") for h in header) and any(
        _("Electoral unit") in (h or "") for h in header
    )


def test_a_list_with_bad_rows_saves_nothing_and_shows_each_error_with_the_input(client, old):
    client.force_login(old["admin"])
    people, memberships, audits = (
        Person.objects.count(),
        Membership.objects.count(),
        AuditEntry.objects.count(),
    )
    rows = _rows(old)
    rows += [
        elected_row("Nguyễn Thị Mới", D(1985, 5, 5)),  # row 7: the same person as row 4
        elected_row("Phạm Văn Trẻ", D(2020, 1, 1)),  # row 8: under 21
        elected_row("Hồ Thị Xã", D(1980, 1, 1), level="commune"),  # row 9: another level
        elected_row("Võ Văn Tổ", D(1981, 1, 1), group="Tổ không có"),  # row 10: no such group
        {"full_name": "Không Ngày Sinh"},  # row 11: no date of birth
    ]
    r = _post(client, old, rows, name="Khóa XIX (dự kiến)")
    assert r.status_code == 400
    page = r.content.decode()
    assert 'value="Khóa XIX (dự kiến)"' in page  # the input is kept
    errors = {e["row"] for e in r.context["row_errors"]}
    assert errors == {7, 8, 9, 10, 11}
    assert _("This column is required.") in page and _("A delegate is at least 21 years old.") in page
    assert not TermSetup.objects.exists() and not Term.objects.filter(number=19).exists()
    assert (Person.objects.count(), Membership.objects.count(), AuditEntry.objects.count()) == (
        people,
        memberships,
        audits,
    )
    # A file that is not a workbook: a form error, nothing saved.
    r = _post(client, old, [], file=SimpleUploadedFile("x.xlsx", b"not a workbook"))
    assert r.status_code == 400 and not TermSetup.objects.exists()


def test_preview_edit_the_structure_confirm_and_match_people(client, old):
    admin, council = old["admin"], old["council"]
    client.force_login(admin)
    r = _post(client, old, _rows(old))
    assert r.status_code == 302
    setup = TermSetup.objects.get()
    assert (
        setup.previous_term == old["term"]
        and setup.term is None
        and Term.objects.filter(body=council).count() == 1
    )
    page = client.get(r["Location"])
    assert page.status_code == 200
    assert page.context["counts"] == {
        "rows": 5,
        "people_existing": 2,
        "people_new": 3,
        "full_time": 1,
        "constituencies": 3,
    }
    assert [r["name"] for r in setup.structure] == [
        old["standing"].name,
        old["committee"].name,
        old["group"].name,
    ]

    # The structure: the committee re-formed (a new body, same name), the group re-formed
    # under a new name — refused while rows still name the old group, nothing saved.
    url = reverse("council:term_structure", args=[setup.pk])
    form = {"action_0": "continue", "action_1": "new", "name_1": old["committee"].name}
    r = client.post(url, form | {"action_2": "new", "name_2": "Tổ đại biểu khu vực 1"})
    assert r.status_code == 400 and {e["row"] for e in r.context["row_errors"]} == {2, 3, 4}
    setup.refresh_from_db()
    assert [x["action"] for x in setup.structure] == ["continue", "continue", "continue"]
    r = client.post(url, form | {"action_2": "continue", "kind_3": "COMMITTEE", "name_3": "Ban Đô thị"})
    assert r.status_code == 302
    setup.refresh_from_db()
    assert [x["action"] for x in setup.structure] == ["continue", "new", "continue", "new"]

    r = client.post(reverse("council:term_confirm", args=[setup.pk]))
    assert r.status_code == 302
    setup.refresh_from_db()
    new_term = setup.term
    assert new_term.number == 19 and new_term.start_date == START and setup.confirmed_at
    old["term"].refresh_from_db()
    assert old["term"].end_date == START - datetime.timedelta(days=1)
    # People: two matched, three created (never twice).
    assert Person.objects.filter(full_name__in=["Nguyễn Thị Mới", "Trần Văn Mới", "Lê Minh Mới"]).count() == 3
    assert Person.objects.filter(province=council.province).count() == 9 + 3
    delegates = Membership.objects.filter(body=council, term=new_term, post__code="dai-bieu")
    assert delegates.count() == 5 and delegates.filter(person=old["people"][0]).exists()
    assert delegates.get(person__full_name="Nguyễn Thị Mới").is_full_time
    assert sorted(new_term.constituencies.values_list("number", "seats")) == [(1, 2), (2, 2), (3, 1)]
    # The committee re-formed: a new body; the old one ended; the chair in the new one.
    new_committee = Body.objects.get(pk=setup.body_map[str(old["committee"].pk)])
    assert new_committee.pk != old["committee"].pk and new_committee.name == old["committee"].name
    old["committee"].refresh_from_db()
    assert old["committee"].active_to == START - datetime.timedelta(days=1)
    chair = Membership.objects.get(body=new_committee, term=new_term)
    assert chair.person == old["people"][0] and chair.post.code == "truong-ban"
    assert setup.body_map[str(old["group"].pk)] == old["group"].pk  # continues
    assert Membership.objects.filter(body=old["group"], term=new_term).count() == 3
    assert Body.objects.filter(name="Ban Đô thị", parent=council, active_from=START).exists()
    assert AuditEntry.objects.filter(action="council.term.confirm").count() == 1
    assert AuditEntry.objects.filter(action="directory.person.create").count() == 3

    # The first session of the new term counts the new delegates; confirming twice is refused.
    first = services.session_create(
        actor=admin,
        body=council,
        term=new_term,
        kind="regular",
        title="Kỳ họp thứ nhất",
        start_date=D(2026, 4, 20),
        end_date=D(2026, 4, 21),
    )
    assert first.delegates_total == 5 and session_delegates(first).count() == 5
    r = client.post(reverse("council:term_confirm", args=[setup.pk]))
    assert r.status_code == 409 and Term.objects.filter(body=council).count() == 2
    with pytest.raises(Conflict) as refused:
        term.term_confirm(actor=admin, setup=setup)
    assert refused.value.code == CouncilError.ALREADY_CONFIRMED


def test_a_term_number_already_used_is_refused(old):
    with pytest.raises(Conflict) as refused:
        _upload(old, _rows(old), number=18)
    assert refused.value.code == CouncilError.TERM_EXISTS and not TermSetup.objects.exists()


def test_the_first_session_within_45_days_of_the_election(client, old):
    rule = rule_on("first_session_days", ELECTION)
    assert rule.days == 45 and "72/2025" in rule.source
    with pytest.raises(ValidationFailed):  # no such rule before the law took effect
        rule_on("first_session_days", D(2025, 6, 15))
    setup = term.term_confirm(actor=old["admin"], setup=_upload(old, _rows(old)))
    latest, _rule = term.latest_first_session(setup)
    assert latest == D(2026, 4, 29)
    params = {
        "actor": old["admin"],
        "body": old["council"],
        "term": setup.term,
        "kind": "regular",
        "title": "Kỳ họp thứ nhất",
    }
    with pytest.raises(ValidationFailed) as refused:
        services.session_create(**params, start_date=D(2026, 4, 30), end_date=D(2026, 4, 30))
    assert refused.value.code == CouncilError.FIRST_SESSION_LATE and refused.value.details == {
        "field": "start_date"
    }
    assert not setup.term.council_sessions.exists()

    client.force_login(old["admin"])
    page = client.get(reverse("council:session_create")).content.decode()
    assert "29/04/2026" in page  # the warning on the form, before anything is typed
    data = {
        "body": old["council"].pk,
        "term": setup.term.pk,
        "kind": "regular",
        "title": "Kỳ họp thứ nhất",
        "start_date": "2026-05-04",
        "end_date": "2026-05-05",
    }
    r = client.post(reverse("council:session_create"), data)
    assert r.status_code == 400 and 'value="Kỳ họp thứ nhất"' in r.content.decode()
    assert "29/04/2026" in " ".join(r.context["form"].errors["start_date"])
    assert (
        client.post(
            reverse("council:session_create"), data | {"start_date": "2026-04-29", "end_date": "2026-04-30"}
        ).status_code
        == 302
    )
    first = setup.term.council_sessions.get()
    # A later session is not the first: no limit; the first cannot be moved past the limit.
    services.session_create(**params, start_date=D(2026, 7, 10), end_date=D(2026, 7, 11))
    with pytest.raises(ValidationFailed):
        services.session_update(
            actor=old["admin"],
            session=first,
            kind="regular",
            title=first.title,
            start_date=D(2026, 5, 10),
            end_date=D(2026, 5, 10),
        )


def test_carrying_commitments_over_keeps_their_history_and_is_idempotent(client, old):
    admin = old["admin"]
    session = make_session(admin, old, day=D(2025, 12, 10))
    question = make_question(admin, old, session, delegate=old["people"][3], content="Chất vấn về đất đai")
    open_ = services.commitment_add(
        actor=admin, question=question, content="Hoàn thành cấp sổ", due_date=D(2026, 6, 30)
    )
    kept = services.commitment_add(actor=admin, question=question, content="Đã xong", due_date=D(2026, 1, 30))
    services.commitment_transition(actor=admin, commitment=kept, action="keep")
    setup = _upload(old, _rows(old))
    with pytest.raises(Conflict):  # not before the term is confirmed
        term.term_carry_over(actor=admin, setup=setup)
    setup = term.term_confirm(actor=admin, setup=setup)
    client.force_login(admin)
    page = client.get(reverse("council:term_detail", args=[setup.pk]))
    assert page.context["carry"]["commitments"] == 1  # the preview counts, moves nothing
    assert Commitment.objects.get(pk=open_.pk).followed_in_term is None
    r = client.post(reverse("council:term_carry_over", args=[setup.pk]))
    assert r.status_code == 302
    open_.refresh_from_db()
    kept.refresh_from_db()
    assert open_.followed_in_term == setup.term and kept.followed_in_term is None
    assert open_.question == question and question.session.term == old["term"]  # the history stays
    entry = AuditEntry.objects.get(action="council.commitment.carry_over")
    assert entry.changes["term"] == {"before": old["term"].pk, "after": setup.term.pk}
    setup.refresh_from_db()
    assert setup.carried_counts["commitments"] == 1
    # Twice: nothing moves again.
    assert term.term_carry_over(actor=admin, setup=setup)["commitments"] == 0
    assert AuditEntry.objects.filter(action="council.commitment.carry_over").count() == 1
    assert page.context["carry"].keys() >= {"commitments", "recommendations", "petitions"}


ROLES = ("specialist", "leader", "delegate", "viewer", "agency_responder")


def test_only_the_office_administrator_sets_up_a_term(client, old, make_user, office, other_office):
    setup = _upload(old, _rows(old))
    before = (TermSetup.objects.count(), Term.objects.count(), AuditEntry.objects.count())
    for role in ROLES:
        user = make_user(role, office)
        with pytest.raises(PermissionDenied):
            term.term_confirm(actor=user, setup=setup)
        client.force_login(user)
        for name in ("council:term_list", "council:term_create", "council:term_template"):
            assert client.get(reverse(name)).status_code == 403, (role, name)
        assert client.get(reverse("council:term_detail", args=[setup.pk])).status_code in (403, 404), role
        for name in ("council:term_confirm", "council:term_carry_over", "council:term_structure"):
            assert client.post(reverse(name, args=[setup.pk])).status_code in (403, 404), (role, name)
        assert _post(client, old, _rows(old)).status_code == 403, role
    client.force_login(make_user("office_admin", other_office))  # another province: not found
    assert client.get(reverse("council:term_detail", args=[setup.pk])).status_code == 404
    assert client.post(reverse("council:term_confirm", args=[setup.pk])).status_code == 404
    assert (TermSetup.objects.count(), Term.objects.count(), AuditEntry.objects.count()) == before
