"""Speed of the calendar (issue 14): the clash check at 100,000 events and a month view of a
province with 2,000 events, beside a naive scan in the same run.

    createdb -h 127.0.0.1 -U postgres dancu_calendar_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_calendar_bench \
        .venv/bin/python bench/calendar_bench.py [--events 100000] [--month-events 2000] [--probes 50]

Fills (once; re-runs reuse the rows) province A with N events over five years (about 55 a day,
3 participants each among 400 people, a hall in one of two), and province B with M events in
December 2026. Then times, median and 95th percentile:
1. `clashes.check` as on save (the calendar's own events on the (province, start, end) index
   with a bounded start window, plus every other module's narrow `busy` hook), its own-events
   query alone, the `busy` hooks alone, and the check as it was before (own events plus every
   module's `calendar_events` hook for the window);
2. the baseline: `clashes.naive_check`, every event of the province read and compared;
3. the month page of province B (GET /lich/?date=2026-12-01 through Django's test client: the
   hooks, the grid, the template), and, as its baseline, the same events read as rows.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

TZ = timezone.get_current_timezone()


def _times(fn, n: int) -> tuple[float, float]:
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def _setup(province_name: str, code: str):
    from dancu.accounts.models import RoleAssignment, User
    from dancu.directory.models import AdministrativeUnit, Body, BodyKind, Person, UnitLevel
    from dancu.scheduling.models import Hall

    unit, _ = AdministrativeUnit.objects.get_or_create(
        key=f"bench:{code}",
        defaults={
            "code": code,
            "name": province_name,
            "short_name": province_name,
            "level": UnitLevel.PROVINCE,
            "unit_type": "tỉnh",
        },
    )

    def body(kind, name):
        return Body.objects.get_or_create(
            kind=kind, name=f"{name} {code}", province=unit, defaults={"unit": unit}
        )[0]

    bodies = {
        "standing": body(BodyKind.STANDING_COMMITTEE, "Thường trực HĐND"),
        "committee": body(BodyKind.COMMITTEE, "Ban Kinh tế - Ngân sách"),
        "ubnd": body(BodyKind.PEOPLES_COMMITTEE, "UBND"),
        "office": body(BodyKind.OFFICE, "Văn phòng"),
    }
    if Person.objects.filter(province=unit).count() < 400:
        Person.objects.bulk_create(
            [Person(full_name=f"Người {code}-{i:03d}", province=unit) for i in range(400)]
        )
    people = list(Person.objects.filter(province=unit).values_list("pk", flat=True)[:400])
    halls = [Hall.objects.get_or_create(province=unit, name=f"Phòng {i}")[0] for i in range(2)]
    user, _ = User.objects.get_or_create(username=f"bench-{code}")
    RoleAssignment.objects.get_or_create(user=user, body=bodies["office"], role="office_admin")
    return unit, bodies, people, halls, user


def _fill(unit, bodies, people, halls, n: int, first: datetime.datetime, span_days: int, seed: int) -> None:
    from dancu.scheduling.models import Event

    have = Event.objects.filter(province=unit).count()
    if have >= n:
        return
    if connection.vendor == "postgresql":
        _fill_sql(unit, bodies, people, halls, n - have, first, span_days, seed)
        return
    rng = random.Random(seed)
    kinds = [
        ("standing_meeting", "standing"),
        ("committee_meeting", "committee"),
        ("peoples_committee_meeting", "ubnd"),
        ("external", "office"),
    ]
    through = Event.participants.through
    batch = 5000
    for offset in range(have, n, batch):
        rows = []
        for _i in range(min(batch, n - offset)):
            kind, body = rng.choice(kinds)
            start = first + datetime.timedelta(
                days=rng.randrange(span_days), hours=rng.choice([7, 8, 9, 13, 14, 15])
            )
            rows.append(
                Event(
                    province=unit,
                    body=bodies[body],
                    kind=kind,
                    title=f"Cuộc họp số {offset + _i}",
                    start=start,
                    end=start + datetime.timedelta(hours=rng.choice([1, 2, 3])),
                    hall=rng.choice(halls + [None] * 2),
                )
            )
        with transaction.atomic():
            made = Event.objects.bulk_create(rows)
            links = [through(event_id=e.pk, person_id=p) for e in made for p in rng.sample(people, 3)]
            through.objects.bulk_create(links)


def _fill_sql(
    unit, bodies, people, halls, n: int, first: datetime.datetime, span_days: int, seed: int
) -> None:
    """The same rows written by PostgreSQL itself (generate_series), in seconds."""
    params = {
        "province": unit.pk,
        "bodies": [bodies[k].pk for k in ("standing", "committee", "ubnd", "office")],
        "halls": [h.pk for h in halls],
        "people": list(people),
        "first": first,
        "span": span_days,
        "n": n,
        "seed": (seed % 100) / 100,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%(seed)s)", params)
        cursor.execute(
            """
            INSERT INTO scheduling_event (province_id, body_id, kind, title, description, start, "end",
                all_day, hall_id, place, source, external_uid, sequence, cancelled, long, created_at, updated_at)
            SELECT %(province)s, (%(bodies)s::int[])[k],
                (ARRAY['standing_meeting','committee_meeting','peoples_committee_meeting','external'])[k],
                'Cuộc họp số ' || g, '', s, s + (1 + floor(random() * 3)::int) * interval '1 hour', false,
                CASE WHEN random() < 0.5 THEN (%(halls)s::int[])[1 + floor(random() * 2)::int] END,
                '', 'manual', '', 0, false, false, now(), now()
            FROM (
                SELECT g, 1 + floor(random() * 4)::int AS k,
                    %(first)s::timestamptz + floor(random() * %(span)s) * interval '1 day'
                    + (ARRAY[7, 8, 9, 13, 14, 15])[1 + floor(random() * 6)::int] * interval '1 hour' AS s
                FROM generate_series(1, %(n)s) g
            ) x
            """,
            params,
        )
        cursor.execute(
            """
            INSERT INTO scheduling_event_participants (event_id, person_id)
            SELECT e.id, (%(people)s::int[])[1 + floor(random() * array_length(%(people)s::int[], 1))::int]
            FROM scheduling_event e CROSS JOIN generate_series(1, 3)
            WHERE e.province_id = %(province)s
            ON CONFLICT DO NOTHING
            """,
            params,
        )
        cursor.execute("ANALYZE scheduling_event")
        cursor.execute("ANALYZE scheduling_event_participants")


def main() -> None:
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--month-events", type=int, default=2000)
    parser.add_argument("--probes", type=int, default=50)
    # 10 samples make the p95 the slowest one; 30 make it the second slowest
    parser.add_argument("--page-samples", type=int, default=30)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    from dancu.core.events import CalendarEvent
    from dancu.scheduling import clashes
    from dancu.scheduling.models import Event

    t0 = time.perf_counter()
    a = _setup("Tỉnh Thử A", "B1")
    b = _setup("Tỉnh Thử B", "B2")
    _fill(*a[:4], args.events, datetime.datetime(2024, 1, 1, tzinfo=TZ), 5 * 365, seed=1)
    _fill(*b[:4], args.month_events, datetime.datetime(2026, 12, 1, tzinfo=TZ), 31, seed=2)
    fill_s = time.perf_counter() - t0
    unit, bodies, people, halls, user = a
    rng = random.Random(3)
    probes = []
    for _ in range(args.probes):
        start = datetime.datetime(2024, 1, 1, 8, tzinfo=TZ) + datetime.timedelta(days=rng.randrange(5 * 365))
        probes.append(
            (start, start + datetime.timedelta(hours=2), tuple(rng.sample(people, 4)), rng.choice(halls))
        )
    it = iter(probes * 3)

    def check(include_hooks: bool):
        def run():
            s, e, ps, h = next(it)
            return clashes.check(
                user,
                province_id=unit.pk,
                kind="standing_meeting",
                start=s,
                end=e,
                person_ids=ps,
                hall_id=h.pk,
                hall_name=h.name,
                include_hooks=include_hooks,
            )

        return run

    found = [len(check(True)()) for _ in range(5)]
    it = iter(probes * 3)
    check_all = _times(check(True), args.probes)
    it = iter(probes * 3)
    check_own = _times(check(False), args.probes)
    it = iter(probes * 3)

    def hooks_only():
        s, e, ps, h = next(it)
        return clashes._hook_events(user, s, e)

    hooks_t = _times(hooks_only, args.probes)
    it = iter(probes * 3)

    def busy_only():
        s, e, ps, h = next(it)
        return clashes.busy_events(
            user, province_id=unit.pk, kind="standing_meeting", start=s, end=e, person_ids=ps, hall_name=h.name
        )

    busy_t = _times(busy_only, args.probes)
    it = iter(probes * 3)

    def check_old():
        s, e, ps, h = next(it)
        own = clashes.check(
            user,
            province_id=unit.pk,
            kind="standing_meeting",
            start=s,
            end=e,
            person_ids=ps,
            hall_id=h.pk,
            hall_name=h.name,
            include_hooks=False,
        )
        return own + clashes.clashes_of(
            CalendarEvent(uid="probe", module="scheduling", kind="standing_meeting", title="", start=s, end=e),
            clashes._hook_events(user, s, e),
        )

    old_t = _times(check_old, args.probes)
    it = iter(probes[:3] * 2)

    def naive():
        s, e, ps, h = next(it)
        return clashes.naive_check(province_id=unit.pk, start=s, end=e, person_ids=ps, hall_id=h.pk)

    naive_t = _times(naive, 3)

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    client.force_login(b[4])
    url = "/lich/?date=2026-12-01"
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    gc.collect()  # the clash phases' garbage is not the page's
    page = _times(lambda: client.get(url), args.page_samples)
    week_url = "/lich/?view=week&date=2026-12-09"
    week_size = len(client.get(week_url).content)
    week = _times(lambda: client.get(week_url), args.page_samples)
    month_start = datetime.datetime(2026, 11, 30, tzinfo=TZ)
    rows = _times(
        lambda: list(
            Event.objects.filter(
                province=b[0], start__gte=month_start, start__lt=month_start + datetime.timedelta(days=42)
            ).values_list("pk", "start", "end", "title")
        ),
        10,
    )
    plan = ""
    if connection.vendor == "postgresql":
        s, e, ps, h = probes[0]
        qs = clashes.overlapping(Event.objects.filter(province_id=unit.pk, cancelled=False), s, e)
        plan = qs.explain()
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"database: {connection.vendor}; events in province A: {Event.objects.filter(province=unit).count()}; "
        f"in province B's December: {Event.objects.filter(province=b[0]).count()}; fill {fill_s:.1f} s"
    )
    print(f"clashes found by the first probes: {found}")
    print(
        f"clash check on save (own index + every hook): median {check_all[0]:.1f} ms, p95 {check_all[1]:.1f} ms"
    )
    print(
        f"clash check, own events query only:          median {check_own[0]:.1f} ms, p95 {check_own[1]:.1f} ms"
    )
    print(
        f"  of which other modules' busy hooks:         median {busy_t[0]:.1f} ms, p95 {busy_t[1]:.1f} ms"
    )
    print(
        f"before: own + every calendar_events hook:     median {old_t[0]:.1f} ms, p95 {old_t[1]:.1f} ms"
    )
    print(
        f"  of which every calendar_events hook alone:  median {hooks_t[0]:.1f} ms, p95 {hooks_t[1]:.1f} ms"
    )
    print(
        f"baseline naive scan of the province:          median {naive_t[0]:.1f} ms, p95 {naive_t[1]:.1f} ms"
    )
    print(
        f"month page, {b[0].name} ({len(response.content) // 1024} KiB): median {page[0]:.1f} ms, p95 {page[1]:.1f} ms"
    )
    print(
        f"week page, all its ~460 events shown ({week_size // 1024} KiB): median {week[0]:.1f} ms, p95 {week[1]:.1f} ms"
    )
    print(f"baseline: the month's events as rows:        median {rows[0]:.1f} ms, p95 {rows[1]:.1f} ms")
    if plan:
        print("plan of the window query:\n" + plan)


if __name__ == "__main__":
    main()
