"""In a real browser: the People's Committee's ICS comes in; a Standing Committee meeting is
planned at the same time and the form warns of the clash (htmx, while typing) with proposed
free slots; it is saved anyway (a warning, not a block), moved to a proposed slot, and the
delegate's subscribed feed shows the change (new time, SEQUENCE up, same UID)."""

import datetime
import urllib.request

import icalendar
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def login(page, base, username, password):
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def _next_monday() -> datetime.date:
    today = datetime.date.today()  # noqa: DTZ011 - a calendar day for the test data
    return today + datetime.timedelta(days=7 - today.weekday())


def test_import_plan_clash_move_and_feed(page, live_server, tmp_path):
    from django.utils import timezone

    from dancu.accounts.models import User
    from dancu.directory import demo as directory_demo
    from dancu.directory.demo import DEMO_PASSWORD, HT_STANDING
    from dancu.directory.models import Body
    from dancu.scheduling import services
    from dancu.scheduling.models import Event

    directory_demo.load()
    base = live_server.url
    standing = Body.objects.get(name=HT_STANDING)
    delegate = User.objects.get(username="daibieu")
    assert delegate.person_id
    _feed, token = services.feed_create(actor=delegate)
    feed_url = f"{base}/lich/ics/{token}.ics"
    monday = _next_monday()
    tz = timezone.get_current_timezone()

    # 1. The People's Committee's calendar, as its system exports it.
    cal = icalendar.Calendar()
    cal.add("PRODID", "-//UBND//VI")
    cal.add("VERSION", "2.0")
    item = icalendar.Event()
    item.add("UID", "hop-ubnd-1@ubnd.example")
    item.add("DTSTAMP", timezone.now())
    item.add("DTSTART", datetime.datetime.combine(monday, datetime.time(8, 0), tzinfo=tz))
    item.add("DTEND", datetime.datetime.combine(monday, datetime.time(10, 0), tzinfo=tz))
    item.add("SUMMARY", "Họp UBND tỉnh thường kỳ")
    cal.add_component(item)
    ics_file = tmp_path / "lich-ubnd.ics"
    ics_file.write_bytes(cal.to_ical())

    page.set_default_timeout(60000)  # a shared, loaded machine: the live server is slow
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login(page, base, "vanphong", DEMO_PASSWORD)
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/lich/nhap/")
    page.locator("#ics-form input[name=file]").set_input_files(str(ics_file))
    page.locator("#ics-form button[type=submit]").click()
    page.wait_for_selector("[data-result]")
    assert (
        Event.objects.filter(external_uid="hop-ubnd-1@ubnd.example", kind="peoples_committee_meeting").count()
        == 1
    )

    # 2. Plan a Standing Committee meeting at the same time: the clash shows while planning.
    page.goto(f"{base}/lich/su-kien/tao/")
    page.locator("select[name=body]").select_option(str(standing.pk))
    page.locator("select[name=kind]").select_option("standing_meeting")
    page.locator("input[name=title]").fill("Phiên họp Thường trực HĐND tháng")
    page.locator("input[name=start_date]").fill(monday.strftime("%d/%m/%Y"))
    page.locator("input[name=start_time]").fill("08:30")
    page.locator("input[name=end_time]").fill("10:30")
    page.locator("select[name=participants]").select_option([str(delegate.person_id)])
    page.locator("input[name=title]").click()  # leave the last field: its change event fires
    page.wait_for_selector("#clashes [data-rule=peoples_committee]")
    assert page.locator("#clashes [data-slots] a").count() >= 1
    page.locator("#event-form button[type=submit]").click()
    page.wait_for_selector("h1:has-text('Phiên họp Thường trực HĐND tháng')")
    event = Event.objects.get(title="Phiên họp Thường trực HĐND tháng")
    assert page.locator("#clashes [data-rule=peoples_committee]").count() == 1  # saved anyway, warned

    before = icalendar.Calendar.from_ical(urllib.request.urlopen(feed_url).read())  # noqa: S310 - the test server
    (mine,) = [e for e in before.walk("VEVENT") if str(e["UID"]).startswith(event.uid + "@")]
    assert int(mine["SEQUENCE"]) == 0

    # 3. Move it to the first proposed slot, and save: no clash any more.
    slot = page.locator("#clashes [data-slots] a").first
    proposed = datetime.datetime.fromisoformat(slot.get_attribute("data-start"))
    slot.click()
    page.wait_for_selector("#event-form")
    assert page.locator("input[name=start_time]").input_value() == proposed.strftime("%H:%M")
    page.wait_for_selector("#clashes [data-no-clash]")
    page.locator("#event-form button[type=submit]").click()
    page.wait_for_selector("[data-when]")
    assert page.locator("#clashes [data-rule]").count() == 0
    event.refresh_from_db()
    assert event.start == proposed and event.sequence == 1

    # 4. The delegate's feed shows the change: same UID, new time, SEQUENCE 1.
    after = icalendar.Calendar.from_ical(urllib.request.urlopen(feed_url).read())  # noqa: S310 - the test server
    (moved,) = [e for e in after.walk("VEVENT") if str(e["UID"]).startswith(event.uid + "@")]
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART") == proposed.astimezone(datetime.UTC)
    assert not errors, errors
