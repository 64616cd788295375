import datetime

import factory

from dancu.directory.models import (
    AdministrativeUnit,
    Body,
    BodyKind,
    Membership,
    Person,
    Post,
    Term,
    UnitLevel,
)


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit
        django_get_or_create = ("key",)

    code = factory.Sequence(lambda n: f"{90 + n % 9}{n}")
    key = factory.LazyAttribute(lambda o: f"test-p:{o.code}")
    name = factory.Sequence(lambda n: f"Tỉnh Thử Nghiệm {n}")
    short_name = factory.LazyAttribute(lambda o: o.name.replace("Tỉnh ", ""))
    level = UnitLevel.PROVINCE
    unit_type = "tỉnh"
    valid_from = datetime.date(2025, 7, 1)


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdministrativeUnit

    code = factory.Sequence(lambda n: f"{50000 + n}")
    key = factory.LazyAttribute(lambda o: f"test-c:{o.code}")
    name = factory.Sequence(lambda n: f"Xã Thử {n}")
    short_name = factory.LazyAttribute(lambda o: o.name.replace("Xã ", ""))
    level = UnitLevel.COMMUNE
    unit_type = "xã"
    parent = factory.SubFactory(ProvinceFactory)
    valid_from = datetime.date(2025, 7, 1)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    kind = BodyKind.OFFICE
    name = factory.Sequence(lambda n: f"Văn phòng số {n}")
    province = factory.SubFactory(ProvinceFactory)
    unit = factory.SelfAttribute("province")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Lê Thị Mẫu {n}")
    province = factory.SubFactory(ProvinceFactory)
    phone = "0912345678"
    email = factory.Sequence(lambda n: f"person{n}@example.vn")
    birth_date = datetime.date(1975, 5, 19)


class TermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Term

    body = factory.SubFactory(BodyFactory, kind=BodyKind.PEOPLES_COUNCIL)
    number = 18
    name = "Khóa XVIII"
    start_date = datetime.date(2021, 6, 1)


def post(code: str = "dai-bieu") -> Post:
    return Post.objects.get(code=code)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory, kind=BodyKind.PEOPLES_COUNCIL)
    post = factory.LazyFunction(post)
    start_date = datetime.date(2021, 6, 1)
