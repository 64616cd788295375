"""People, bodies and units are listed in Vietnamese order on both databases."""

import pytest

from dancu.directory.models import Body, Person

from .factories import BodyFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_people_list_in_vietnamese_order_by_given_name(province):
    names = ["Nguyễn Văn Bình", "Đặng Thị Ánh", "Ngô Văn Bình", "Trần Thị An", "Lê Văn Đức", "Lê Văn Dũng"]
    for name in names:
        PersonFactory(full_name=name, province=province)
    listed = list(
        Person.objects.filter(province=province, full_name__in=names).values_list("full_name", flat=True)
    )
    assert listed == [
        "Trần Thị An",
        "Đặng Thị Ánh",
        "Ngô Văn Bình",
        "Nguyễn Văn Bình",
        "Lê Văn Dũng",
        "Lê Văn Đức",
    ]


def test_renaming_a_person_moves_them_in_the_list(province):
    a = PersonFactory(full_name="Lê Văn An", province=province)
    PersonFactory(full_name="Lê Văn Bình", province=province)
    a.full_name = "Lê Văn Cường"
    a.save(update_fields=["full_name"])
    listed = list(
        Person.objects.filter(province=province, full_name__startswith="Lê Văn").values_list(
            "full_name", flat=True
        )
    )
    assert listed == ["Lê Văn Bình", "Lê Văn Cường"]


def test_bodies_in_vietnamese_order(province):
    for name in ["Sở Y tế", "Sở Công Thương", "Sở Đất đai", "Sở Du lịch"]:
        BodyFactory(name=name, province=province, unit=province, kind="department")
    listed = [
        b.name for b in Body.objects.filter(province=province, name__startswith="Sở ").order_by("sort_key")
    ]
    assert listed == ["Sở Công Thương", "Sở Du lịch", "Sở Đất đai", "Sở Y tế"]
