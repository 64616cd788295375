"""Speed of the coordination ("điều hòa") screen: a year of 300 activities across 12 bodies.

    DATABASE_URL=sqlite:////tmp/supervision-bench.sqlite3 REDIS_URL=redis://127.0.0.1:6379/13 \
        .venv/bin/python bench/supervision_coordination.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_supervision_bench .venv/bin/python bench/supervision_coordination.py

Fills (once; re-runs reuse the rows) a province with 12 bodies (the delegation, the Standing
Committee, 4 committees, 6 delegate groups), 25 activities each (300) on 30 subjects at 20
agencies and 40 communes, spread over the year, plus 300 activities of the two past years.
Then times, median and 95th percentile of `--runs` runs (default 21) after a warm-up:
1. the whole page (GET /giam-sat/dieu-hoa/?year=Y through Django's test client, signed in as an
   Office administrator: the reads, the engine, the template);
2. `coordination.overlaps_for_year` alone (reads + engine, this year and the past years);
3. as a baseline, the same activities read as rows with their agencies and places (no engine).
"""

from __future__ import annotations

import datetime
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

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

YEAR = 2026
SUBJECTS = [
    "quản lý nhà nước về đất đai",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "bồi thường giải phóng mặt bằng",
    "bảo hiểm y tế",
    "khám chữa bệnh tại trạm y tế xã",
    "xây dựng nông thôn mới",
    "giảm nghèo bền vững",
    "giải ngân vốn đầu tư công",
    "khai thác cát lòng sông",
    "thu gom xử lý rác thải",
    "nước sạch nông thôn",
    "an toàn thực phẩm",
    "trật tự an toàn giao thông",
    "phòng chống ma túy",
    "cải cách thủ tục hành chính",
    "chuyển đổi số",
    "đào tạo nghề cho lao động nông thôn",
    "chính sách người có công",
    "thi hành án dân sự",
    "tiếp công dân giải quyết khiếu nại",
    "bảo vệ và phát triển rừng",
    "thủy lợi an toàn hồ đập",
    "chương trình giáo dục phổ thông",
    "cơ sở vật chất trường học",
    "nhà ở xã hội",
    "tài sản công dôi dư",
    "thu ngân sách quản lý thuế",
    "du lịch cộng đồng",
    "di tích lịch sử văn hóa",
    "sản phẩm OCOP",
]


def fill():
    from dancu.accounts.models import RoleAssignment, User
    from dancu.directory.models import AdministrativeUnit, Body, BodyKind, UnitLevel
    from dancu.supervision.models import Activity, Programme
    from dancu.supervision.ruleset import seed_rules

    province = AdministrativeUnit.objects.filter(key="bench-p:99").first()
    if province is not None:
        return province, User.objects.get(username="bench-office")
    rng = random.Random(13)
    with transaction.atomic():
        seed_rules()
        province = AdministrativeUnit.objects.create(
            key="bench-p:99",
            code="99",
            name="Tỉnh Thử Tốc Độ",
            short_name="Thử Tốc Độ",
            level=UnitLevel.PROVINCE,
            unit_type="Tỉnh",
        )
        communes = [
            AdministrativeUnit.objects.create(
                key=f"bench-c:{i}",
                code=f"99{i:03d}",
                name=f"Xã Thử {i}",
                short_name=f"Thử {i}",
                level=UnitLevel.COMMUNE,
                unit_type="Xã",
                parent=province,
            )
            for i in range(40)
        ]

        def body(kind, name):
            return Body.objects.create(kind=kind, name=name, province=province, unit=province)

        office = body(BodyKind.OFFICE, "Văn phòng thử")
        bodies = [
            body(BodyKind.NA_DELEGATION, "Đoàn ĐBQH thử"),
            body(BodyKind.STANDING_COMMITTEE, "Thường trực thử"),
        ]
        bodies += [body(BodyKind.COMMITTEE, f"Ban thử {i}") for i in range(4)]
        bodies += [body(BodyKind.DELEGATE_GROUP, f"Tổ đại biểu thử {i}") for i in range(6)]
        agencies = [body(BodyKind.AGENCY, f"Sở thử {i}") for i in range(20)]
        user = User.objects.create_user(username="bench-office", password="x")
        RoleAssignment.objects.create(user=user, body=office, role="office_admin")
        for year in (YEAR - 2, YEAR - 1, YEAR):
            per = 25 if year == YEAR else 12
            for b in bodies:
                p = Programme.objects.create(
                    province=province, body=b, year=year, title=f"Chương trình {year} {b.name}"
                )
                for _i in range(per):
                    subject = rng.choice(SUBJECTS)
                    start = datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(330))
                    a = Activity.objects.create(
                        province=province,
                        programme=p,
                        topic=f"Giám sát {subject}",
                        content=f"Nội dung về {subject}",
                        planned_start=start,
                        planned_end=start + datetime.timedelta(days=rng.randrange(5, 30)),
                    )
                    a.agencies.set(rng.sample(agencies, rng.choice((1, 1, 2))))
                    if b.kind == BodyKind.DELEGATE_GROUP:
                        a.places.set(rng.sample(communes, 1))
    return province, user


RUNS = 21  # 7 runs made the p95 the slowest one


def timed(fn, runs: int | None = None) -> tuple[float, float, float]:
    """Median and p95 wall time, and median CPU time of this process (ms). On a shared machine
    the wall time includes waiting for a core; the CPU time is what the work costs (SQLite runs
    in this process, so its work is counted; PostgreSQL's is not)."""
    fn()  # warm-up
    times, cpu = [], []
    for _ in range(runs or RUNS):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    times.sort()
    return (
        statistics.median(times),
        times[min(len(times) - 1, int(0.95 * len(times)))],
        statistics.median(cpu),
    )


def main() -> None:
    import argparse

    global RUNS
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=RUNS)
    RUNS = parser.parse_args().runs
    setup_test_environment()
    call_command("migrate", verbosity=0)
    _province, user = fill()
    from dancu.supervision import coordination, selectors
    from dancu.supervision.models import Activity

    count = Activity.objects.filter(programme__year=YEAR, province__key="bench-p:99").count()
    client = Client()
    client.force_login(user)
    url = f"/giam-sat/dieu-hoa/?year={YEAR}"
    status = client.get(url).status_code
    assert status == 200, status
    from django.core.cache import cache

    def cold(fn):
        def run():
            coordination.bump_version()  # as after any edit: the pairs are computed again
            return fn()

        return run

    page = timed(lambda: client.get(url))
    page_cold = timed(cold(lambda: client.get(url)))
    engine = timed(lambda: coordination.overlaps_for_year(user, YEAR))
    engine_cold = timed(cold(lambda: coordination.overlaps_for_year(user, YEAR)))
    # the reads alone: the three years' activities with their agencies and places (no engine)
    rows = timed(lambda: selectors.active_activities(None, [YEAR - 2, YEAR - 1, YEAR]))
    pairs = len(coordination.overlaps_for_year(user, YEAR)["rows"])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    history = len(coordination.overlaps_for_year(user, YEAR)["history"])
    print(
        f"database {connection.vendor}; cache {cache.__class__.__name__}; {count} activities this year across "
        f"12 bodies, {pairs} overlapping pairs, {history} past-years matches; "
        f"load average {load:.1f} on {os.cpu_count()} cores"
    )
    for label, (median, p95, cpu) in (
        ("coordination page GET (pairs cached)", page),
        ("coordination page GET after an edit (pairs computed)", page_cold),
        ("overlaps_for_year (pairs cached)", engine),
        ("overlaps_for_year after an edit (reads + engine)", engine_cold),
        ("baseline, rows read only", rows),
    ):
        print(f"{label}: wall median {median:.0f} ms, p95 {p95:.0f} ms; CPU median {cpu:.0f} ms")


if __name__ == "__main__":
    main()
