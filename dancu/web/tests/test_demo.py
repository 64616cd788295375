"""The demo loader: what it creates, that it can run twice, that its logins work, and search."""

from io import StringIO

import pytest
from django.core.management import call_command

from dancu.accounts.models import RoleAssignment, User
from dancu.accounts.roles import Role
from dancu.core.models import AuditEntry
from dancu.core.search import search_queryset
from dancu.core.text import fold
from dancu.directory.demo import DEMO_PASSWORD, DEMO_USERS, HT_COUNCIL, generate_people
from dancu.directory.models import Body, BodyKind, BodyLevel, Constituency, Membership, Person, Term
from dancu.web.demo import load_demo


@pytest.fixture
def demo(db):
    return load_demo()


def row_counts() -> dict[str, int]:
    models = (Body, Person, Membership, Term, Constituency, User, RoleAssignment)
    return {m.__name__: m.objects.count() for m in models}


def test_generated_names_are_stable_and_distinct():
    people = generate_people(90)
    assert people == generate_people(90)
    assert len({name for name, _ in people}) == 90


def test_bodies_and_delegates(demo):
    ha_tinh = Body.objects.filter(province__code="42")
    assert ha_tinh.filter(kind=BodyKind.COMMITTEE, level=BodyLevel.PROVINCE).count() == 4
    # the commune council of Thành Sen: its committees of khóa XII and the re-formed ones of
    # khóa XIII (the new term created from the elected, issue 16)
    assert ha_tinh.filter(kind=BodyKind.COMMITTEE, level=BodyLevel.COMMUNE).count() == 2
    assert ha_tinh.filter(kind=BodyKind.AGENCY).count() == 15
    assert ha_tinh.filter(kind=BodyKind.DELEGATE_GROUP, level=BodyLevel.PROVINCE).count() == 12
    groups = ha_tinh.filter(kind=BodyKind.DELEGATE_GROUP, level=BodyLevel.COMMUNE)
    assert groups.count() == 2 and groups.filter(active_to=None).count() == 1  # re-formed in XIII
    assert ha_tinh.filter(kind=BodyKind.PEOPLES_COUNCIL, level=BodyLevel.COMMUNE).count() == 2
    district = ha_tinh.get(kind=BodyKind.PEOPLES_COUNCIL, level=BodyLevel.DISTRICT)
    assert district.unit.valid_to.isoformat() == district.active_to.isoformat() == "2025-06-30"
    assert set(ha_tinh.values_list("province__key", flat=True)) == {"p2025:42"}
    assert Body.objects.filter(province__code="40", kind=BodyKind.OFFICE).exists()

    council = Body.objects.get(name=HT_COUNCIL)
    xviii = council.terms.get(number=18)
    delegates = Membership.objects.filter(body=council, term=xviii, post__code="dai-bieu")
    assert delegates.count() == 60
    assert not delegates.filter(constituency=None).exists()
    assert not delegates.filter(end_date=None).exists()  # the 2021-2026 term is over
    xix = council.terms.get(number=19)
    assert (
        Membership.objects.filter(body=council, term=xix, post__code="dai-bieu", end_date=None).count() == 60
    )
    assert Constituency.objects.filter(term=xviii).count() == 12
    # The 2026 constituencies cover all 69 of today's communes.
    assert Constituency.units.through.objects.filter(constituency__term=xix).count() == 69
    standing = Body.objects.get(
        kind=BodyKind.STANDING_COMMITTEE, province__code="42", level=BodyLevel.PROVINCE
    )
    assert Membership.objects.filter(body=standing, term=xix, post__code="pho-chu-tich").count() == 2
    na = Body.objects.get(kind=BodyKind.NA_DELEGATION, province__code="42")
    for term in na.terms.all():
        assert Membership.objects.filter(body=na, term=term).count() == 7
    assert AuditEntry.objects.filter(action="demo.load", province_code="42").count() == 1


def test_logins_and_roles(demo):
    for demo_user in DEMO_USERS:
        user = User.objects.get(username=demo_user.username)
        assert user.is_active and user.check_password(DEMO_PASSWORD), demo_user.username
        if demo_user.role is None:
            assert user.is_national_admin and user.is_superuser
        else:
            assert not user.is_national_admin
            assert RoleAssignment.objects.filter(
                user=user, role=demo_user.role, body__name=demo_user.body_name
            ).exists()
    nghe_an = RoleAssignment.objects.get(user__username="vanphong.nghean", role=Role.OFFICE_ADMIN)
    assert nghe_an.body.province.code == "40"


def test_load_twice_changes_nothing_and_resets_passwords(demo):
    before = row_counts()
    user = User.objects.get(username="vanphong")
    user.set_password("something else")
    user.save()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert row_counts() == before
    assert User.objects.get(username="vanphong").check_password(DEMO_PASSWORD)
    assert "vanphong.nghean" in out.getvalue()
    assert DEMO_PASSWORD in out.getvalue()


def test_search_people_without_diacritics(demo):
    nguyen_van = list(search_queryset(Person.objects.all(), "nguyen van"))
    assert len(nguyen_van) >= 3
    assert all(p.full_name.startswith("Nguyễn Văn") for p in nguyen_van)
    expected = {p.pk for p in Person.objects.all() if p.full_name.startswith("Nguyễn Văn")}
    assert {p.pk for p in nguyen_van} == expected

    dang = {p.full_name for p in search_queryset(Person.objects.all(), "dang")}
    assert {"Đặng Thị Hoa", "Đặng Quốc Khánh", "Đặng Văn Lợi"} <= dang
    everyone_dang = {p.full_name for p in Person.objects.all() if fold(p.full_name).split()[0] == "dang"}
    assert everyone_dang <= dang
    # "Trần Thị" must not match "Trần Văn".
    assert all(
        "Thị" in n
        for n in search_queryset(Person.objects.all(), "tran thi").values_list("full_name", flat=True)
    )
