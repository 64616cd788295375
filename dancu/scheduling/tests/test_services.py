"""Event writes: audited, checked, bad input refused with nothing changed."""

from __future__ import annotations

import datetime

import pytest

from dancu.core.errors import Conflict, PermissionDenied, ValidationFailed
from dancu.core.models import AuditEntry
from dancu.directory.models import Person
from dancu.scheduling import services
from dancu.scheduling.models import Event
from dancu.scheduling.tests.factories import MONDAY, at, make_event

pytestmark = pytest.mark.django_db


def test_create_edit_cancel_delete_are_audited_and_bump_the_sequence(world):
    admin = world["admin"]
    event = make_event(admin, world["standing"], participants=world["people"][:2])
    assert event.sequence == 0 and set(event.participants.all()) == set(world["people"][:2])
    services.event_update(actor=admin, event=event, start=at(MONDAY, 14), end=at(MONDAY, 16))
    event.refresh_from_db()
    assert event.sequence == 1 and event.start == at(MONDAY, 14)
    services.event_update(actor=admin, event=event, start=at(MONDAY, 14), end=at(MONDAY, 16))  # no change
    event.refresh_from_db()
    assert event.sequence == 1
    services.event_cancel(actor=admin, event=event, reason="Trùng lịch")
    event.refresh_from_db()
    assert event.cancelled and event.sequence == 2 and "Trùng lịch" in event.description
    with pytest.raises(Conflict):
        services.event_cancel(actor=admin, event=event)
    services.event_delete(actor=admin, event=event)
    assert not Event.objects.exists()
    actions = list(
        AuditEntry.objects.filter(action__startswith="scheduling.event")
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == [
        "scheduling.event.create",
        "scheduling.event.update",
        "scheduling.event.cancel",
        "scheduling.event.delete",
    ]


@pytest.mark.parametrize(
    "change,code",
    [
        ({"end": at(MONDAY, 7)}, "scheduling_bad_times"),
        ({"end": at(MONDAY, 8) + datetime.timedelta(days=15)}, "scheduling_too_long"),
    ],
)
def test_bad_times_are_refused_and_change_nothing(world, change, code):
    admin = world["admin"]
    before = AuditEntry.objects.count()
    kwargs = {"start": at(MONDAY, 8), "end": at(MONDAY, 10), **change}
    with pytest.raises(ValidationFailed) as exc:
        services.event_create(
            actor=admin, body=world["standing"], kind="standing_meeting", title="X", **kwargs
        )
    assert exc.value.code == code
    assert not Event.objects.exists() and AuditEntry.objects.count() == before


def test_another_provinces_people_and_writers_are_refused(world, other_province, other_office, make_user):
    admin = world["admin"]
    stranger = Person.objects.create(full_name="Người Tỉnh Khác", province=other_province)
    with pytest.raises(ValidationFailed):
        make_event(admin, world["standing"], participants=[stranger])
    outsider = make_user("office_admin", other_office)
    with pytest.raises(PermissionDenied):
        make_event(outsider, world["standing"])
    viewer = make_user("viewer", world["standing"])
    event = make_event(admin, world["standing"])
    with pytest.raises(PermissionDenied):
        services.event_update(actor=viewer, event=event, title="Đổi")
    assert Event.objects.count() == 1


def test_an_imported_event_is_not_edited_here(world):
    from dancu.scheduling.tests.factories import ics_bytes

    services.ics_import(
        actor=world["admin"],
        body=world["ubnd"],
        data=ics_bytes([{"uid": "x@ubnd", "start": at(MONDAY, 8), "end": at(MONDAY, 9)}]),
    )
    event = Event.objects.get()
    with pytest.raises(Conflict):
        services.event_update(actor=world["admin"], event=event, title="Sửa")


def test_halls_are_unique_and_kept_while_booked(world, hall):
    with pytest.raises(Conflict):
        services.hall_create(actor=world["admin"], province=world["province"], name="hội trường  a")
    make_event(world["admin"], world["standing"], hall=hall)
    with pytest.raises(Conflict):
        services.hall_delete(actor=world["admin"], hall=hall)
