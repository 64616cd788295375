"""Generate N letters in one province of a PostgreSQL database for the performance bench.

    createdb -h 127.0.0.1 -U postgres dancu_letters_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_letters_bench .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dancu_letters_bench .venv/bin/python bench/letters/generate.py 1000000

Rows are written with bulk_create (not the services: no audit entries), with realistic
duplicates: 100,000 writers (a writer sends 10 letters on average, to both bodies), 20,000
targets, 40 content topics. Identities are sealed and hashed as the services do.
"""

from __future__ import annotations

import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from dancu.accounts.models import RoleAssignment, User  # noqa: E402
from dancu.core.text import fold  # noqa: E402
from dancu.directory.models import AdministrativeUnit, Body, BodyKind, UnitLevel  # noqa: E402
from dancu.letters import crypto  # noqa: E402
from dancu.letters.models import Letter, LetterRuleSet  # noqa: E402

PROVINCE_KEY = "bench-p:99"
rng = random.Random(7)  # noqa: S311 - bench data
WORDS = [
    "đất",
    "đai",
    "thu",
    "hồi",
    "bồi",
    "thường",
    "lấn",
    "chiếm",
    "rừng",
    "xây",
    "dựng",
    "trái",
    "phép",
    "ô",
    "nhiễm",
    "môi",
    "trường",
    "chính",
    "sách",
    "hộ",
    "nghèo",
    "người",
    "có",
    "công",
    "cán",
    "bộ",
    "xã",
    "thôn",
    "tiền",
    "đóng",
    "góp",
    "giấy",
    "chứng",
    "nhận",
    "khai",
    "thác",
    "cát",
    "sạt",
    "lở",
    "trại",
    "chăn",
    "nuôi",
    "chợ",
]


def setup() -> tuple[Body, Body, User]:
    province, _ = AdministrativeUnit.objects.get_or_create(
        key=PROVINCE_KEY,
        defaults={
            "code": "99",
            "name": "Tỉnh Đo Tải",
            "short_name": "Đo Tải",
            "level": UnitLevel.PROVINCE,
            "unit_type": "tỉnh",
        },
    )
    delegation, _ = Body.objects.get_or_create(
        name="Đoàn ĐBQH tỉnh Đo Tải",
        defaults={"kind": BodyKind.NA_DELEGATION, "province": province, "unit": province},
    )
    standing, _ = Body.objects.get_or_create(
        name="Thường trực HĐND tỉnh Đo Tải",
        defaults={"kind": BodyKind.STANDING_COMMITTEE, "province": province, "unit": province},
    )
    office, _ = Body.objects.get_or_create(
        name="Văn phòng tỉnh Đo Tải",
        defaults={"kind": BodyKind.OFFICE, "province": province, "unit": province},
    )
    user, created = User.objects.get_or_create(username="bench.chuyenvien", defaults={"full_name": "Bench"})
    if created:
        user.set_password("Bench@2026")
        user.save()
        RoleAssignment.objects.create(user=user, body=office, role="specialist")
    return delegation, standing, user


def main(n: int) -> None:
    delegation, standing, _user = setup()
    rule_set = LetterRuleSet.objects.order_by("-valid_from").first()
    writers = []
    for i in range(100_000):
        name = f"Nguyễn Văn Thử {i % 5000}"  # common names: 20 writers share each
        phone = f"09{i:08d}"
        idn = f"042{i:09d}"
        address = f"Thôn {i % 30}, xã Số {i % 700}"
        writers.append(
            (
                crypto.redact_name(name),
                crypto.keyed_hash("name", crypto.normalize_name(name)),
                crypto.keyed_hash("id", idn),
                crypto.keyed_hash("phone", phone),
                crypto.keyed_hash("address", crypto.normalize_name(address)),
                crypto.seal({"name": name, "phone": phone, "id_number": idn, "address": address})
                if i < 2000
                else "",
            )
        )
    topics = [" ".join(rng.sample(WORDS, 12)) for _ in range(40)]
    start_date = datetime.date(2021, 7, 1)
    batch: list[Letter] = []
    t0 = time.monotonic()
    existing = Letter.objects.filter(province_id=delegation.province_id).count()
    for i in range(existing, n):
        w = writers[rng.randrange(len(writers))]
        target = f"Ủy ban nhân dân xã Số {rng.randrange(20000)}"
        content = f"{topics[rng.randrange(40)]} {target}"
        received = start_date + datetime.timedelta(days=rng.randrange(1600))
        kind = rng.choice(["complaint", "denunciation", "petition", "report"])
        batch.append(
            Letter(
                province_id=delegation.province_id,
                receiving_body=delegation if rng.random() < 0.5 else standing,
                number=f"{received:%Y}/{i + 1}",
                received_date=received,
                channel="post",
                kind=kind,
                identity_sealed=kind == "denunciation",  # a denouncer's identity is always sealed
                subject=content[:80],
                content=content,
                target=target,
                content_folded=fold(content),
                target_key=fold(target),
                redacted_name=w[0],
                name_hash=w[1],
                id_hash=w[2],
                phone_hash=w[3],
                address_hash=w[4],
                sealed_identity=w[5],
                status=rng.choice(["received", "accepted", "forwarded", "resolved", "filed"]),
                rule_set=rule_set,
                due_date=received + datetime.timedelta(days=40),
                deadlines={},
            )
        )
        if len(batch) == 10_000:
            Letter.objects.bulk_create(batch)
            batch = []
            print(f"{i + 1} letters, {time.monotonic() - t0:.0f} s", flush=True)
    if batch:
        Letter.objects.bulk_create(batch)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE letters_letter")
    print(f"done: {Letter.objects.count()} letters in {time.monotonic() - t0:.0f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
