"""DOCX documents of the coordination module (Decree 30 layout through core.documents): the
invitation to a giao ban meeting (giấy mời), the conclusions notice (thông báo kết luận) and
the yearly review report of the coordination regulation (báo cáo sơ kết / tổng kết).

The documents are in Vietnamese, as issued. The signer is who holds the chair (else a vice
chair) of the provincial Standing Committee in the directory; never a blank line."""

from __future__ import annotations

import datetime

from django.utils import timezone, translation

from dancu.core.documents import Block, DocumentSpec, Section, Signer, Table, build_document, vn_long_date
from dancu.directory.models import Body
from dancu.directory.selectors import current_holder

from .models import Meeting, Review, ReviewKind
from .selectors import FigureGroup, areas_of, reports_of

NOBODY = "(Chưa có người giữ chức vụ trong danh bạ)"
# The areas as the regulation words them (the documents are issued in Vietnamese).
AREA_WORDS = {
    "session": "Chuẩn bị, tổ chức kỳ họp",
    "supervision": "Hoạt động giám sát",
    "voter_meeting": "Tiếp xúc cử tri",
    "letters": "Tiếp công dân, xử lý đơn thư",
    "consultation": "Góp ý xây dựng pháp luật",
    "information": "Trao đổi, cung cấp thông tin",
}
NO_DATA = "không có số liệu"
UNIT_WORDS = ("Thành phố", "Tỉnh", "Huyện", "Phường", "Xã", "Thị xã", "Đặc khu")


def in_sentence(name: str) -> str:
    for word in UNIT_WORDS:
        if name.startswith(f"{word} "):
            return word.lower() + name[len(word) :]
    return name


def _province_name(unit) -> str:
    return unit.name if unit.name.split(" ")[0] in {"Tỉnh", "Thành"} else f"Tỉnh {unit.name}"


def _place(unit) -> str:
    return unit.short_name or unit.name


def _header(unit) -> str:
    return f"HĐND {_province_name(unit).upper()}"


def _signer(host: Body | None) -> Signer:
    if host is not None:
        chair = current_holder(host, "chu-tich")
        if chair is not None:
            return Signer("CHỦ TỊCH", chair.full_name, "TM. THƯỜNG TRỰC HĐND")
        vice = current_holder(host, "pho-chu-tich")
        if vice is not None:
            return Signer("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", vice.full_name, "TM. THƯỜNG TRỰC HĐND")
    return Signer("CHỦ TỊCH", NOBODY, "TM. THƯỜNG TRỰC HĐND")


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value)


def _when(meeting: Meeting) -> str:
    start, end = _local(meeting.starts_at), _local(meeting.ends_at)
    text = f"{start:%H} giờ {start:%M}, {vn_long_date(start.date())}"
    if end.date() != start.date():
        text += f" đến {vn_long_date(end.date())}"
    return text


def _participants(meeting: Meeting) -> list[str]:
    return [b.name for b in meeting.participants.order_by("name")]


# -- the invitation ------------------------------------------------------------------------------


def invitation_docx(meeting: Meeting) -> bytes:
    province = meeting.province
    parties = _participants(meeting)
    body: list = [
        f"Thực hiện chương trình công tác, Thường trực Hội đồng nhân dân {in_sentence(_province_name(province))} "
        f"tổ chức {meeting.title[:1].lower()}{meeting.title[1:]} để đánh giá kết quả hoạt động {meeting.period}.",
        "Thường trực Hội đồng nhân dân tỉnh trân trọng kính mời:",
        *[f"- Thường trực {name}" for name in parties],
        f"Thời gian: {_when(meeting)}.",
        f"Địa điểm: {meeting.place or 'sẽ thông báo sau'}.",
    ]
    if meeting.agenda:
        body.append("Nội dung:")
        body += [line.strip() for line in meeting.agenda.splitlines() if line.strip()]
    if meeting.reports_due:
        body.append(
            "Đề nghị Thường trực Hội đồng nhân dân các địa phương gửi báo cáo kết quả hoạt động "
            f"về Văn phòng Đoàn ĐBQH và HĐND tỉnh trước {vn_long_date(meeting.reports_due)}."
        )
    body.append("Rất mong các đồng chí tham dự đầy đủ, đúng thời gian./.")
    spec = DocumentSpec(
        issuer_parent=_header(province),
        issuer="THƯỜNG TRỰC",
        symbol="GM-HĐND",
        place=_place(province),
        date=_local(meeting.created_at).date() if meeting.created_at else None,
        doc_type="GIẤY MỜI",
        summary=f"Dự {meeting.title[:1].lower()}{meeting.title[1:]}",
        body=body,
        signer=_signer(meeting.host),
        recipients=["Như thành phần mời", "Lãnh đạo Văn phòng Đoàn ĐBQH và HĐND tỉnh"],
    )
    return build_document(spec)


# -- the conclusions notice ----------------------------------------------------------------------


def _figures_table(meeting: Meeting) -> Table | str:
    reports = reports_of(meeting)
    if not reports:
        return "Chưa có báo cáo của Thường trực Hội đồng nhân dân các địa phương."
    rows = [
        ["TT", "Hội đồng nhân dân", "Kỳ họp", "Nghị quyết", "Giám sát", "TXCT", "Đơn thư nhận", "Đã xử lý"]
    ]
    for i, r in enumerate(reports, start=1):
        rows.append([str(i), r.body.name, *(str(getattr(r, f)) for f in r.FIGURES)])
    totals = [sum(getattr(r, f) for r in reports) for f in reports[0].FIGURES]
    rows.append(["", "Tổng cộng", *(str(t) for t in totals)])
    return Table(rows, widths=[10, 40, 15, 18, 16, 16, 25, 25])


def conclusions_docx(meeting: Meeting) -> bytes:
    province = meeting.province
    held = _local(meeting.starts_at).date()
    intro = (
        f"Ngày {held:%d/%m/%Y}, tại {meeting.place or _place(province)}, Thường trực Hội đồng nhân dân "
        f"{in_sentence(_province_name(province))} tổ chức {meeting.title[:1].lower()}{meeting.title[1:]} "
        f"để đánh giá kết quả hoạt động {meeting.period}. Tham dự có Thường trực "
        + ", ".join(_participants(meeting))
        + ". Sau khi nghe báo cáo và ý kiến thảo luận, Thường trực Hội đồng nhân dân tỉnh kết luận như sau:"
    )
    opinions = [
        f"- {(o.body.name + ': ') if o.body is not None else (o.speaker + ': ' if o.speaker else '')}{o.content}"
        for o in meeting.opinions.select_related("body")
    ] or ["Không có ý kiến."]
    conclusions = [line.strip() for line in meeting.conclusions.splitlines() if line.strip()]
    tasks = list(meeting.tasks.select_related("owner_body", "owner_person").order_by("due_date", "pk"))
    task_block: Table | str
    if tasks:
        task_rows = [["TT", "Nhiệm vụ", "Đơn vị, người thực hiện", "Thời hạn"]]
        task_rows += [
            [str(i), t.content, t.owner_label, t.due_date.strftime("%d/%m/%Y")]
            for i, t in enumerate(tasks, start=1)
        ]
        task_block = Table(task_rows, widths=[10, 80, 50, 25])
    else:
        task_block = "Không giao nhiệm vụ."
    spec = DocumentSpec(
        issuer_parent=_header(province),
        issuer="THƯỜNG TRỰC",
        symbol="TB-HĐND",
        place=_place(province),
        date=timezone.localdate() if meeting.status == "concluded" else None,
        doc_type="THÔNG BÁO",
        summary=f"Kết luận của Thường trực HĐND tỉnh tại {meeting.title[:1].lower()}{meeting.title[1:]}",
        body=[
            intro,
            Section("I. KẾT QUẢ HOẠT ĐỘNG CỦA HỘI ĐỒNG NHÂN DÂN CÁC ĐỊA PHƯƠNG", [_figures_table(meeting)]),
            Section("II. Ý KIẾN TẠI HỘI NGHỊ", list[Block](opinions)),
            Section("III. KẾT LUẬN", list[Block](conclusions or ["(Chưa có nội dung kết luận.)"])),
            Section("IV. NHIỆM VỤ GIAO", [task_block]),
            "Thường trực Hội đồng nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
        ],
        signer=_signer(meeting.host),
        recipients=["Thường trực Tỉnh ủy (để báo cáo)", "Đoàn ĐBQH tỉnh", "Như thành phần dự họp"],
    )
    return build_document(spec)


# -- the yearly review report --------------------------------------------------------------------


def _figure_blocks(groups: list[FigureGroup]) -> list:
    blocks: list = []
    for n, group in enumerate(groups, start=1):
        blocks.append(f"{n}. {group.label}")
        if not group.available:
            blocks.append(f"- {NO_DATA}.")
        elif not group.rows:
            blocks.append("- Không phát sinh.")
        else:
            blocks.append(
                Table(
                    [["Nội dung", "Số lượng"], *[[label, str(v)] for label, v in group.rows]],
                    widths=[130, 35],
                )
            )
    return blocks


def _lines(text: str, empty: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines or [empty]


def review_docx(review: Review, groups: list[FigureGroup], host: Body | None) -> bytes:
    with translation.override("vi"):
        return _review_docx(review, groups, host)


def _review_docx(review: Review, groups: list[FigureGroup], host: Body | None) -> bytes:
    regulation = review.regulation
    province = review.province
    word = "Sơ kết" if review.kind == ReviewKind.INTERIM else "Tổng kết"
    summary = f"{word} việc thực hiện Quy chế phối hợp số {regulation.number} năm {review.year}"
    parties = ", ".join(b.name for b in regulation.parties.order_by("kind", "name"))
    areas = [
        f"- {AREA_WORDS.get(row.area, row.area)}: chủ trì {', '.join(b.name for b in row.lead.all())}"
        + (f"; phối hợp {', '.join(b.name for b in row.coordinate.all())}" if row.coordinate.exists() else "")
        for row in areas_of(regulation)
    ]
    spec = DocumentSpec(
        issuer_parent=_header(province),
        issuer="THƯỜNG TRỰC",
        symbol="BC-HĐND",
        place=_place(province),
        date=review.held_on,
        doc_type="BÁO CÁO",
        summary=summary,
        body=[
            f"Thực hiện Quy chế phối hợp số {regulation.number}, {vn_long_date(regulation.signed_on)} "
            f"giữa {parties} ({regulation.title}), Thường trực Hội đồng nhân dân tỉnh báo cáo kết quả "
            f"thực hiện năm {review.year} như sau:",
            Section(
                "I. KẾT QUẢ THỰC HIỆN",
                [
                    *_lines(review.results, "(Chưa có nội dung đánh giá.)"),
                    "Phân công chủ trì, phối hợp theo Quy chế:",
                    *(areas or ["(Chưa có lĩnh vực phối hợp.)"]),
                    f"Số liệu hoạt động phối hợp năm {review.year}:",
                    *_figure_blocks(groups),
                ],
            ),
            Section(
                "II. HẠN CHẾ VÀ NGUYÊN NHÂN",
                [
                    *_lines(review.limits, "(Chưa có nội dung.)"),
                    "Nguyên nhân:",
                    *_lines(review.causes, "(Chưa có nội dung.)"),
                ],
            ),
            Section(
                f"III. NHIỆM VỤ NĂM {review.year + 1}",
                list[Block](_lines(review.next_tasks, "(Chưa có nội dung.)")),
            ),
        ],
        signer=_signer(host),
        recipients=[*(b.name for b in regulation.parties.order_by("kind", "name")), "Thường trực Tỉnh ủy"],
    )
    return build_document(spec)
