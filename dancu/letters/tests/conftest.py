import datetime

import pytest

from dancu.directory.models import BodyKind
from dancu.directory.tests.factories import BodyFactory
from dancu.letters import services

SECRET_NAME = "Trần Thị Bí Ẩn"


@pytest.fixture
def delegation(province):
    return BodyFactory(kind=BodyKind.NA_DELEGATION, name="Đoàn ĐBQH tỉnh Hà Tĩnh", province=province)


@pytest.fixture
def standing(province):
    return BodyFactory(
        kind=BodyKind.STANDING_COMMITTEE, name="Thường trực HĐND tỉnh Hà Tĩnh", province=province
    )


@pytest.fixture
def agency(province):
    return BodyFactory(kind=BodyKind.AGENCY, name="Sở Tài nguyên tỉnh Hà Tĩnh", province=province)


@pytest.fixture
def specialist(make_user, office):
    return make_user("specialist", office)


@pytest.fixture
def make_letter(delegation, specialist):
    def make(**kwargs):
        defaults = {
            "actor": specialist,
            "receiving_body": delegation,
            "received_date": datetime.date(2026, 2, 13),
            "channel": "post",
            "kind": "denunciation",
            "subject": "Tố cáo cán bộ địa chính xã lấn chiếm đất rừng",
            "content": "Ông Nguyễn Văn Địa chính xã Kỳ Tân lấn chiếm đất rừng phòng hộ, xây nhà trái phép",
            "target": "Cán bộ địa chính xã Kỳ Tân",
            "identity": services.Identity(
                name=SECRET_NAME, address="Thôn 3, xã Kỳ Tân", id_number="042190001234", phone="0912 345 678"
            ),
        }
        defaults.update(kwargs)
        return services.letter_create(**defaults)

    return make


def solved_challenge(client) -> dict[str, str]:
    """The hidden token of a fresh public letter form and the right answer to its question
    (read the way a person does: the two numbers the page shows)."""
    import re

    from django.urls import reverse

    from dancu.letters import challenge

    html = client.get(reverse("letters_public:submit")).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html).group(1)
    return {"token": token, "answer": str(challenge.read(token).answer)}
