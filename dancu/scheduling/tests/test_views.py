"""The calendar pages: month, week and agenda of every module's events with filters, the
planning form (dd/mm/yyyy, clashes live, refused input kept), and the links to each record."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from dancu.scheduling.models import Event
from dancu.scheduling.tests.factories import MONDAY, make_event

pytestmark = pytest.mark.django_db


def _vi(msgid: str) -> str:
    """A message as the page shows it (the site speaks only Vietnamese)."""
    from django.utils import translation

    with translation.override("vi"):
        return translation.gettext(msgid)


@pytest.fixture
def page(client, world):
    client.force_login(world["admin"])

    def get(query=""):
        with translation.override("en"):
            response = client.get(reverse("scheduling:calendar") + query)
        assert response.status_code == 200
        return response.content.decode()

    return get


def test_month_week_and_agenda_show_the_events_with_links(page, world):
    event = make_event(world["admin"], world["standing"], title="Họp tháng 12")
    later = make_event(
        world["admin"],
        world["committee"],
        kind="committee_meeting",
        day=MONDAY + datetime.timedelta(days=20),
        title="Họp cuối tháng",
    )
    month = page("?date=2026-12-07")
    assert "Họp tháng 12" in month and "Họp cuối tháng" in month
    assert reverse("scheduling:event_detail", args=[event.pk]) in month
    week = page("?view=week&date=2026-12-09")
    assert "Họp tháng 12" in week and "Họp cuối tháng" not in week
    agenda = page("?view=agenda&date=2026-12-07")
    assert "07/12/2026" in agenda and "Họp cuối tháng" in agenda and f"uid={later.uid}" in agenda


def test_filters_by_body_person_and_kind(page, world):
    p = world["people"]
    make_event(world["admin"], world["standing"], title="Của Thường trực", participants=[p[0]])
    make_event(
        world["admin"], world["committee"], kind="committee_meeting", title="Của Ban", participants=[p[1]]
    )
    by_body = page(f"?date=2026-12-07&body={world['committee'].pk}")
    assert "Của Ban" in by_body and "Của Thường trực" not in by_body
    by_person = page(f"?date=2026-12-07&person={p[0].pk}")
    assert "Của Thường trực" in by_person and "Của Ban" not in by_person
    by_kind = page("?date=2026-12-07&kind=committee_meeting")
    assert "Của Ban" in by_kind and "Của Thường trực" not in by_kind


def test_bad_query_values_fall_back_instead_of_failing(page):
    assert _vi("Calendar") in page("?date=99/99/9999&body=abc&person=-1&view=nope")


def _form(world, **over):
    data = {
        "body": world["standing"].pk,
        "kind": "standing_meeting",
        "title": "Phiên họp mới",
        "start_date": "07/12/2026",
        "start_time": "08:00",
        "end_time": "10:00",
        "participants": [world["people"][0].pk],
    }
    data.update(over)
    return data


def test_plan_an_event_with_vietnamese_dates(client, world):
    client.force_login(world["admin"])
    response = client.post(reverse("scheduling:event_create"), _form(world))
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "scheduling:event_detail", args=[event.pk]
    )
    assert event.start.isoformat() == "2026-12-07T01:00:00+00:00"  # 08:00 in Hà Nội


def test_refused_input_is_kept_and_nothing_is_written(client, world):
    client.force_login(world["admin"])
    with translation.override("en"):
        response = client.post(
            reverse("scheduling:event_create"), _form(world, end_time="07:00", title="Giữ lại")
        )
    assert response.status_code == 400 and not Event.objects.exists()
    body = response.content.decode()
    assert "Giữ lại" in body and _vi("The event must end after it starts.") in body


def test_the_clash_check_warns_live_and_proposes_slots(client, world):
    make_event(world["admin"], world["ubnd"], kind="peoples_committee_meeting", title="Họp UBND tỉnh")
    client.force_login(world["admin"])
    with translation.override("en"):
        response = client.post(reverse("scheduling:clash_check"), _form(world))
    body = response.content.decode()
    assert response.status_code == 200 and 'data-rule="peoples_committee"' in body and "Họp UBND tỉnh" in body
    assert "data-slots" in body and "start=2026-12-07T13%3A30%3A00%2B07%3A00" in body
    assert not Event.objects.filter(title="Phiên họp mới").exists()
    with translation.override("en"):
        quiet = client.post(reverse("scheduling:clash_check"), _form(world, start_date="08/12/2026"))
    assert "data-no-clash" in quiet.content.decode()


def test_saving_a_clashing_event_is_allowed_and_its_page_warns(client, world):
    make_event(world["admin"], world["ubnd"], kind="peoples_committee_meeting", title="Họp UBND tỉnh")
    client.force_login(world["admin"])
    response = client.post(reverse("scheduling:event_create"), _form(world), follow=True)
    assert response.status_code == 200 and 'data-rule="peoples_committee"' in response.content.decode()


def test_move_an_event_to_a_proposed_slot(client, world):
    event = make_event(world["admin"], world["standing"], title="Sẽ dời")
    client.force_login(world["admin"])
    url = reverse("scheduling:event_edit", args=[event.pk])
    page = client.get(
        url + "?start=2026-12-08T14:00:00%2B07:00&end=2026-12-08T16:00:00%2B07:00"
    ).content.decode()
    assert 'value="08/12/2026"' in page and 'value="14:00"' in page
    response = client.post(
        url, _form(world, title="Sẽ dời", start_date="08/12/2026", start_time="14:00", end_time="16:00")
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.start.isoformat() == "2026-12-08T07:00:00+00:00" and event.sequence == 1


def test_the_hall_and_import_pages_and_the_template(client, world):
    client.force_login(world["admin"])
    response = client.post(reverse("scheduling:hall_list"), {"name": "Phòng họp B", "capacity": "40"})
    assert response.status_code == 302
    response = client.get(reverse("scheduling:excel_template"))
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_the_month_page_asks_the_same_queries_for_3_or_30_events(
    client, world, django_assert_max_num_queries
):
    """No query per event (the participants, the halls and the links come in bulk)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world["admin"])
    url = reverse("scheduling:calendar") + "?date=2026-12-07"
    for i in range(3):
        make_event(
            world["admin"],
            world["standing"],
            day=MONDAY + datetime.timedelta(days=i),
            participants=world["people"][:2],
        )
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(27):
        make_event(
            world["admin"],
            world["committee"],
            kind="committee_meeting",
            day=MONDAY + datetime.timedelta(days=i % 20),
            participants=world["people"][2:4],
        )
    with CaptureQueriesContext(connection) as many:
        assert "Phiên họp" in client.get(url).content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_grid_asks_its_own_rows_a_narrower_question(world):
    """A month or week grid (`brief`) reads the calendar's own events without description and
    participants, with the filters in the SQL; the agenda, the feeds and the API read them whole."""
    import datetime as dt

    from dancu.scheduling import selectors

    p = world["people"]
    event = make_event(world["admin"], world["standing"], title="Giao ban", participants=[p[0], p[1]])
    Event.objects.filter(pk=event.pk).update(description="Chuẩn bị kỳ họp")
    make_event(world["admin"], world["committee"], kind="committee_meeting", title="Thẩm tra", participants=[p[2]])
    start = dt.datetime.combine(MONDAY, dt.time.min, tzinfo=dt.UTC) - dt.timedelta(days=7)
    end = start + dt.timedelta(days=42)

    def own(found):
        return {e.title: e for e in found.events if e.module == "scheduling"}

    full = own(selectors.gather(world["admin"], start, end))
    assert full["Giao ban"].description == "Chuẩn bị kỳ họp"
    assert set(full["Giao ban"].person_ids) == {p[0].pk, p[1].pk}
    brief = own(selectors.gather(world["admin"], start, end, brief=True))
    assert set(brief) == {"Giao ban", "Thẩm tra"}
    assert brief["Giao ban"].description == "" and brief["Giao ban"].person_ids == ()
    one = own(selectors.gather(world["admin"], start, end, brief=True, person_id=p[1].pk))
    assert set(one) == {"Giao ban"} and one["Giao ban"].person_ids == (p[1].pk,)
    assert set(own(selectors.gather(world["admin"], start, end, brief=True, kinds={"committee_meeting"}))) == {
        "Thẩm tra"
    }
    assert set(own(selectors.gather(world["admin"], start, end, brief=True, body_id=world["standing"].pk))) == {
        "Giao ban"
    }
