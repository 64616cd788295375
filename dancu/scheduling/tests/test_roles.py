"""Joint activities carry their lead (chủ trì) and coordinators (phối hợp) from the coordination
regulation in force (`coordination.roles_for`, the real provider): the event page and the agenda
show them; outside the regulation's validity nothing is shown."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.urls import reverse

from dancu.core.events import CalendarEvent
from dancu.scheduling.roles import with_roles
from dancu.scheduling.tests.factories import MONDAY, at, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def regulation(world):
    """A regulation as the coordination module stores it (through the app registry: the
    scheduling module never imports coordination)."""
    Regulation = apps.get_model("coordination", "Regulation")
    RegulationArea = apps.get_model("coordination", "RegulationArea")
    reg = Regulation.objects.create(
        province=world["province"],
        number="379/QCPH",
        signed_on=datetime.date(2022, 5, 6),
        title="Quy chế phối hợp",
        valid_from=datetime.date(2022, 5, 6),
        valid_to=datetime.date(2026, 12, 31),
    )
    reg.parties.set([world["standing"], world["ubnd"]])
    area = RegulationArea.objects.create(regulation=reg, area="voter_meeting")
    area.lead.set([world["standing"]])
    area.coordinate.set([world["ubnd"], world["group"]])
    return reg


def _ev(world, kind, day=MONDAY):
    return CalendarEvent(
        uid=f"x.{kind}.{day}", module="x", kind=kind, title="t", start=at(day, 8), end=at(day, 10),
        province_id=world["province"].pk,
    )


def test_with_roles_fills_joint_kinds_only(world, regulation):
    voter, other, later = with_roles(
        [_ev(world, "voter_meeting"), _ev(world, "external"), _ev(world, "voter_meeting", datetime.date(2027, 1, 4))]
    )
    assert voter.lead == ("Thường trực",) and set(voter.coordinators) == {"UBND", "Tổ đại biểu số 1 42"}
    assert other.lead == () and other.coordinators == ()
    assert later.lead == () and later.coordinators == ()  # the regulation ended on 31/12/2026


def test_event_page_and_agenda_show_lead_and_coordinators(world, regulation, client):
    event = make_event(world["admin"], world["group"], kind="voter_meeting", title="Tiếp xúc cử tri xã Kỳ Tân")
    client.force_login(world["admin"])
    page = client.get(reverse("scheduling:event_detail", args=[event.pk])).content.decode()
    assert "Chủ trì" in page and "Phối hợp" in page
    assert 'data-lead>Thường trực<' in page and "UBND" in page.split("data-coordinators>")[1].split("<")[0]
    agenda = client.get(reverse("scheduling:calendar") + f"?view=agenda&date={MONDAY:%Y-%m-%d}").content.decode()
    roles = agenda.split("data-roles>")[1].split("</div>")[0]
    assert "Chủ trì: Thường trực" in roles and "Phối hợp:" in roles
