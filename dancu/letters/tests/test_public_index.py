"""Issue 11, item 5: /cong-khai/don-thu/ is the public index of letters (it was a 404): what a
citizen can do (send a letter, look up its status) and the coming reception days with their
places; nothing of the visits nor any name of a citizen."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from dancu.directory.models import BodyKind
from dancu.directory.tests.factories import BodyFactory
from dancu.letters import services

pytestmark = pytest.mark.django_db


def test_the_public_index_lists_what_a_citizen_can_do_and_the_reception_days(
    client, specialist, delegation, province
):
    today = timezone.localdate()
    coming = services.reception_day_create(
        actor=specialist,
        body=delegation,
        date=today + datetime.timedelta(days=3),
        place="Trụ sở Tiếp công dân tỉnh",
    )
    past = services.reception_day_create(
        actor=specialist, body=delegation, date=today - datetime.timedelta(days=3), place="Hội trường cũ"
    )
    services.visit_record(
        actor=specialist,
        reception_day=past,
        kind="petition",
        citizens=services.Citizens(names=["Công Dân Đã Đến"]),
        content="Kiến nghị riêng",
    )
    ended = BodyFactory(
        kind=BodyKind.STANDING_COMMITTEE,
        name="Thường trực HĐND đã kết thúc",
        province=province,
        active_to=datetime.date(2025, 6, 30),
    )
    services.reception_day_create(
        actor=specialist, body=ended, date=today + datetime.timedelta(days=5), place="Nơi không còn"
    )
    url = reverse("letters_public:index")
    assert url == "/cong-khai/don-thu/"
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("letters_public:submit") in html and reverse("letters_public:status") in html
    assert coming.place in html and f"{coming.date:%d/%m/%Y}" in html
    assert "Hội trường cũ" not in html and "Nơi không còn" not in html
    assert "Công Dân Đã Đến" not in html and "Kiến nghị riêng" not in html


def test_the_portal_home_links_to_it(client):
    assert reverse("letters_public:index") in client.get(reverse("web:public_home")).content.decode()
