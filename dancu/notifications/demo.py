"""Demo notifications for the demo users of Hà Tĩnh: a few of each kind, in-app only (the demo
sends no e-mail). Idempotent: every one has a dedupe key, so a second run adds nothing."""

from __future__ import annotations

from typing import TextIO

from django.db import transaction

from dancu.accounts.models import User
from dancu.directory.demo import HA_TINH
from dancu.directory.models import AdministrativeUnit

from .models import Event, Notification
from .services import deliver

# (username, event, title, body, url)
DEMO = [
    (
        "vanphong",
        Event.ONLINE_LETTER,
        "Có đơn thư mới gửi qua cổng trực tuyến",
        "Công dân gửi đơn kiến nghị về việc cấp giấy chứng nhận quyền sử dụng đất.",
        "/thong-bao/viec-cua-toi/",
    ),
    (
        "vanphong",
        Event.DUE_SOON,
        "Sắp đến hạn: trả lời kiến nghị cử tri về đường giao thông nông thôn",
        "Còn 3 ngày làm việc.",
        "/thong-bao/viec-cua-toi/",
    ),
    (
        "chuyenvien",
        Event.TASK_ASSIGNED,
        "Được giao nhiệm vụ: tổng hợp ý kiến cử tri trước kỳ họp",
        "Thường trực HĐND tỉnh giao theo thông báo kết luận giao ban.",
        "/thong-bao/viec-cua-toi/",
    ),
    (
        "lanhdao",
        Event.CLASH,
        "Lịch họp trùng: phiên họp Thường trực HĐND trùng lịch họp UBND tỉnh",
        "Đề nghị xem xét chuyển sang khung giờ khác.",
        "/thong-bao/",
    ),
    (
        "coquan",
        Event.SENT_TO_AGENCY,
        "Văn phòng chuyển kiến nghị cử tri đến Sở Nông nghiệp và Môi trường",
        "Đề nghị Sở xem xét, trả lời theo quy định.",
        "/thong-bao/",
    ),
    (
        "daibieu",
        Event.ANSWER_ARRIVED,
        "Đã có văn bản trả lời kiến nghị cử tri",
        "Sở Nông nghiệp và Môi trường đã trả lời kiến nghị của cử tri xã Thạch Hà.",
        "/thong-bao/",
    ),
]


def load(stdout: TextIO | None = None) -> dict:
    province = AdministrativeUnit.objects.filter(code=HA_TINH, valid_to=None).order_by("pk").first()
    users = {u.username: u for u in User.objects.filter(username__in={row[0] for row in DEMO})}
    if not users:
        return {}
    created = 0
    with transaction.atomic():
        for number, (username, event, title, body, url) in enumerate(DEMO, start=1):
            user = users.get(username)
            if user is None:
                continue
            created += deliver(
                event=event,
                recipients=[user],
                title=title,
                body=body,
                url=url,
                dedupe_key=f"demo:{number}",
                province_id=province.pk if province else None,
                send_email=False,
            )
    if stdout is not None and created:
        stdout.write(f"Notifications: {created} demo notifications\n")
    return {"notifications": Notification.objects.filter(dedupe_key__startswith="demo:").count()}
