"""Demo letters for Hà Tĩnh: a denunciation the Standing Committee received and forwarded to
the Department of Agriculture and Environment, a complaint, a petition filed, a complaint whose
writer was guided to the People's Committee, and a reception day of the delegation with a
visit the demo delegate received. Invented people; idempotent (nothing added when the first letter exists).
"""

from __future__ import annotations

import datetime
from typing import Any, TextIO

from django.db import transaction

from dancu.accounts.models import User
from dancu.directory.demo import HT_AGRI, HT_STANDING
from dancu.directory.models import Body, BodyKind

from . import services
from .defaults import ensure_rule_sets
from .models import Letter, LetterRuleSet

DEMO_SUBJECT = "Tố cáo việc san lấp đất nông nghiệp trái phép tại xã Cẩm Bình"
DEMO_DENOUNCER = services.Identity(
    name="Nguyễn Văn Tố",
    address="Thôn Trung, xã Cẩm Bình, tỉnh Hà Tĩnh",
    id_number="042085001122",
    phone="0912 000 111",
)


def _office_letters(today: datetime.date) -> list[dict[str, Any]]:
    """A complaint received in person and a petition by e-mail (the delegation's)."""
    return [
        {
            "received_date": today - datetime.timedelta(days=30),
            "channel": "in_person",
            "kind": "complaint",
            "letter_field": "land",
            "subject": "Khiếu nại quyết định thu hồi đất làm đường tỉnh lộ",
            "content": "Không đồng ý với mức bồi thường khi thu hồi đất.",
            "target": "Ủy ban nhân dân xã Kỳ Anh",
            "identity": services.Identity(name="Trần Thị Khiếu", address="Xã Kỳ Anh", phone="0913 222 333"),
        },
        {
            "received_date": today - datetime.timedelta(days=20),
            "channel": "email",
            "kind": "petition",
            "letter_field": "social",
            "subject": "Kiến nghị sửa chữa đường liên thôn",
            "content": "Đường liên thôn xuống cấp sau mùa mưa.",
            "identity": services.Identity(name="Lê Văn Kiến", address="Xã Thạch Hà", phone="0914 444 555"),
        },
    ]


def load(stdout: TextIO | None = None) -> dict:
    ensure_rule_sets(LetterRuleSet)  # a transactional test flush removes migration-seeded rows
    standing = Body.objects.filter(name=HT_STANDING).first()
    agri = Body.objects.filter(name=HT_AGRI).first()
    actor = User.objects.filter(username="vanphong").first()
    if standing is None or agri is None or actor is None:
        return {}
    delegation = Body.objects.filter(province_id=standing.province_id, kind=BodyKind.NA_DELEGATION).first()
    if delegation is None or Letter.objects.filter(subject=DEMO_SUBJECT).exists():
        return {"letters": Letter.objects.filter(province_id=standing.province_id).count()}

    with transaction.atomic():
        today = datetime.date.today()  # noqa: DTZ011 - a calendar date for demo data
        received = today - datetime.timedelta(days=12)
        first = services.letter_create(
            actor=actor,
            receiving_body=standing,
            received_date=received,
            channel="post",
            kind="denunciation",
            letter_field="land",
            subject=DEMO_SUBJECT,
            content="Hộ kinh doanh ở thôn Trung san lấp đất trồng lúa để làm bãi tập kết vật liệu xây dựng, không có giấy phép.",
            target="Hộ kinh doanh vật liệu xây dựng thôn Trung, xã Cẩm Bình",
            identity=DEMO_DENOUNCER,
        )
        services.letter_forward(
            actor=actor, letter=first, to_body=agri, on=received + datetime.timedelta(days=3)
        )
        _complaint, petition = [
            services.letter_create(actor=actor, receiving_body=delegation, **letter)
            for letter in _office_letters(today)
        ]
        services.letter_transition(actor=actor, letter=petition, action="file")
        # A dispute between neighbours: not the delegation's to resolve; the writer is guided
        # to the People's Committee (the guidance letter names it).
        guided = services.letter_create(
            actor=actor,
            receiving_body=delegation,
            received_date=today - datetime.timedelta(days=8),
            channel="post",
            kind="complaint",
            letter_field="land",
            subject="Khiếu nại việc hộ liền kề lấn ranh giới thửa đất",
            content="Hộ liền kề xây tường rào lấn sang thửa đất của gia đình khoảng 0,5 m.",
            target="Hộ ông Nguyễn Văn Bên, thôn Đông",
            identity=services.Identity(
                name="Lê Thị Bình", address="Thôn Đông, xã Cẩm Xuyên, tỉnh Hà Tĩnh", salutation="Bà"
            ),
        )
        committee = Body.objects.filter(
            province_id=standing.province_id, kind=BodyKind.PEOPLES_COMMITTEE, level="province"
        ).first()
        services.letter_guide(
            actor=actor,
            letter=guided,
            to_body=committee,
            to_name="" if committee else "Ủy ban nhân dân tỉnh Hà Tĩnh",
        )
        day = today
        reception = services.reception_day_create(
            actor=actor,
            body=delegation,
            date=day,
            place="Trụ sở Tiếp công dân tỉnh Hà Tĩnh",
            receiving_delegates="Đoàn ĐBQH tỉnh",
            posted_on=today - datetime.timedelta(days=10),
            deputy_notified_on=today - datetime.timedelta(days=20),
        )
        delegate = User.objects.filter(username="daibieu").select_related("person").first()
        services.visit_record(
            actor=actor,
            reception_day=reception,
            kind="petition",
            citizens=services.Citizens(names=["Phạm Thị Hỏi"], address="Xã Cẩm Xuyên"),
            content="Hỏi về chế độ trợ cấp cho người cao tuổi",
            result="Đã giải thích chính sách, hướng dẫn nộp hồ sơ tại UBND xã",
            follow_up="Theo dõi việc UBND xã tiếp nhận hồ sơ",
            # The demo delegate received this citizen: it is on their dashboard ("mine").
            delegates=[delegate.person]
            if delegate and delegate.person and delegate.person.province_id == delegation.province_id
            else [],
        )
    counts = {"letters": Letter.objects.filter(province_id=standing.province_id).count()}
    if stdout is not None:
        stdout.write(f"Letters demo: {counts}\n")
    return counts
