"""Documents of the letters module, in Vietnamese as the Office issues them (Decree 30 layout,
`core.documents`): the transfer slip (phiếu chuyển đơn), the guidance letter to the writer
(công văn hướng dẫn), the report of a period; and the register as Excel.

The Office of the delegation and the council issues and signs them: "ĐOÀN ĐBQH VÀ HĐND TỈNH X"
over "VĂN PHÒNG", the place is the province, the signer its head (or "KT. CHÁNH VĂN PHÒNG" the
deputy) named from the directory (`directory.selectors.office_signer`).

A transfer slip carries at most the redacted name of a writer whose identity is not sealed; of
a sealed writer no part of the name, not even initials. The guidance letter is addressed to
the writer by full name: only `services.letter_guidance_document` builds it, for whoever may
see that identity, audited.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document
from dancu.core.excel import export_rows
from dancu.directory.models import AdministrativeUnit
from dancu.directory.selectors import office_signer

from .models import Channel, Field, Letter, LetterKind
from .permissions import is_sealed
from .selectors import sister_body
from .workflow import Status

# The kinds of letter as a document names them ("đơn khiếu nại").
KIND_VI: dict[str, str] = {
    LetterKind.COMPLAINT: "khiếu nại",
    LetterKind.DENUNCIATION: "tố cáo",
    LetterKind.PETITION: "kiến nghị",
    LetterKind.REPORT: "phản ánh",
}
# Who the letter is about, as the transfer slip names them.
TARGET_VI: dict[str, str] = {
    LetterKind.COMPLAINT: "Người (cơ quan) bị khiếu nại",
    LetterKind.DENUNCIATION: "Người (cơ quan) bị tố cáo",
    LetterKind.PETITION: "Cơ quan, người có liên quan",
    LetterKind.REPORT: "Cơ quan, người có liên quan",
}
STATUS_VI: dict[str, str] = {
    Status.RECEIVED: "Đang nghiên cứu, phân loại",
    Status.ACCEPTED: "Đã thụ lý",
    Status.FORWARDED: "Đã chuyển cơ quan có thẩm quyền",
    Status.GUIDED: "Đã hướng dẫn công dân",
    Status.FILED: "Lưu đơn",
    Status.RESOLVED: "Đã có kết quả giải quyết",
    Status.INFORMED: "Đã thông báo kết quả cho công dân",
    Status.DESTROYED: "Đã tiêu hủy",
}
SEALED_WRITER = "công dân (danh tính người viết đơn được giữ bí mật)"
ANONYMOUS_WRITER = "người viết đơn không ghi họ tên, địa chỉ"
WHO_VI = {"Ông": "Ông", "Bà": "Bà"}


def writer_label(letter: Letter) -> str:
    """How the transfer slip names the writer: never any part of a sealed name."""
    if letter.is_anonymous:
        return ANONYMOUS_WRITER
    if is_sealed(letter):
        return SEALED_WRITER
    return f"công dân {letter.redacted_name}" if letter.redacted_name else ANONYMOUS_WRITER


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Issuer:
    """The Office of a province as a document's header and text name it."""

    parent: str  # "ĐOÀN ĐBQH VÀ HĐND TỈNH HÀ TĨNH"
    office: str  # "Văn phòng Đoàn ĐBQH và HĐND tỉnh Hà Tĩnh"
    place: str  # "Hà Tĩnh"
    signer: Signer


def issuer_of(province: AdministrativeUnit) -> Issuer:
    """The issuing Office of `province` and its signer (the head, or the deputy for the head)."""
    unit = _lower_first(province.name)  # "tỉnh Hà Tĩnh", "thành phố Huế"
    authority, position, name = office_signer(province.pk)
    return Issuer(
        parent=f"ĐOÀN ĐBQH VÀ HĐND {unit.upper()}",
        office=f"Văn phòng Đoàn ĐBQH và HĐND {unit}",
        place=province.short_name or province.name,
        signer=Signer(position=position, name=name, authority=authority),
    )


def _date(value: datetime.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "…"


def transfer_slip(letter: Letter) -> bytes:
    """Phiếu chuyển đơn: to the competent body ("Kính gửi"), reported to the receiving body
    and copied to its sister body."""
    issuer = issuer_of(letter.province)
    sister = sister_body(letter.receiving_body)
    to = letter.forwarded_to.name if letter.forwarded_to else "……………………"
    kind = KIND_VI.get(letter.kind, "")
    body: list[Any] = [
        f"Ngày {_date(letter.received_date)}, {letter.receiving_body.name} nhận được đơn {kind} của "
        f"{writer_label(letter)}, số vào sổ {letter.number}, nội dung: {letter.subject}."
    ]
    if letter.target:
        body.append(f"{TARGET_VI.get(letter.kind, 'Cơ quan, người có liên quan')}: {letter.target}.")
    body.append(
        "Căn cứ quy định của pháp luật về tiếp công dân, khiếu nại, tố cáo và xử lý đơn, nội dung đơn "
        f"thuộc thẩm quyền giải quyết của {to}. {issuer.office} chuyển đơn đến Quý cơ quan để xem xét, "
        "giải quyết theo thẩm quyền và thông báo kết quả về Văn phòng trong thời hạn pháp luật quy định."
    )
    if is_sealed(letter):
        body.append(
            "Đề nghị Quý cơ quan giữ bí mật họ tên, địa chỉ, bút tích và các thông tin cá nhân khác của "
            "người tố cáo theo quy định của Luật Tố cáo."
        )
    body.append("Kèm theo: đơn và tài liệu kèm theo (nếu có)./.")
    recipients = ["Như trên", f"{letter.receiving_body.name} (để báo cáo)"]
    if sister:
        recipients.append(f"{sister.name} (để biết)")
    spec = DocumentSpec(
        issuer_parent=issuer.parent,
        issuer="VĂN PHÒNG",
        symbol="PC-VP",
        place=issuer.place,
        date=letter.forwarded_on or timezone.localdate(),
        doc_type="PHIẾU CHUYỂN ĐƠN",
        addressees=[to],
        body=body,
        signer=issuer.signer,
        recipients=recipients,
        archive="VT, hồ sơ đơn",
    )
    return build_document(spec)


def competent_body_of(letter: Letter) -> str:
    """The body the writer was guided to (empty before the guidance step)."""
    if letter.guided_to_id and letter.guided_to is not None:
        return letter.guided_to.name
    return letter.guided_to_name


def guidance_letter(letter: Letter, identity: dict[str, str]) -> bytes:
    """Công văn hướng dẫn: to the writer by name ("Kính gửi: Ông Nguyễn Văn A"), naming the
    competent body. `identity` is the unsealed identity (only `services.letter_guidance_document`
    passes it, for whoever may see it)."""
    issuer = issuer_of(letter.province)
    name = (identity.get("name") or "").strip()
    who = WHO_VI.get((identity.get("salutation") or "").strip(), "Ông/Bà")
    addressee = f"{who} {name}" if name else who
    competent = competent_body_of(letter) or "…………………… (cơ quan có thẩm quyền)"
    kind = KIND_VI.get(letter.kind, "")
    body: list[Any] = []
    address = (identity.get("address") or "").strip()
    if address:
        body.append(f"Địa chỉ: {address}.")
    body += [
        f"Ngày {_date(letter.received_date)}, {letter.receiving_body.name} nhận được đơn {kind} của "
        f"{who} (số vào sổ {letter.number}), nội dung: {letter.subject}.",
        f"Sau khi nghiên cứu nội dung đơn, căn cứ quy định của pháp luật, {issuer.office} nhận thấy nội "
        f"dung đơn không thuộc thẩm quyền giải quyết của {letter.receiving_body.name} mà thuộc thẩm quyền "
        f"giải quyết của {competent}.",
        f"Văn phòng hướng dẫn {who} gửi đơn và các tài liệu kèm theo (nếu có) đến {competent} để được "
        "xem xét, giải quyết theo quy định của pháp luật.",
        f"{issuer.office} thông báo để {who} biết và thực hiện./.",
    ]
    spec = DocumentSpec(
        issuer_parent=issuer.parent,
        issuer="VĂN PHÒNG",
        symbol="VP-TCD",
        place=issuer.place,
        date=letter.guided_on or timezone.localdate(),
        doc_type="",  # a công văn: "V/v …" under its number
        summary="V/v hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền",
        addressees=[addressee],
        body=body,
        signer=issuer.signer,
        recipients=["Như trên", f"{letter.receiving_body.name} (để báo cáo)"],
        archive="VT, hồ sơ đơn",
    )
    return build_document(spec)


def register_xlsx(letters: Iterable[Letter]) -> bytes:
    headers = [
        _("Number"),
        _("Received"),
        _("Receiving body"),
        _("Channel"),
        _("Kind"),
        _("Field"),
        _("Writer (redacted)"),
        _("Summary of the content"),
        _("Status"),
        _("Next due"),
        _("Forwarded to"),
        _("Result"),
    ]
    rows = (
        [
            letter.number,
            letter.received_date,
            letter.receiving_body.name,
            Channel(letter.channel).label,
            LetterKind(letter.kind).label,
            Field(letter.field).label,
            _("Identity kept confidential") if is_sealed(letter) else letter.redacted_name,
            letter.subject,
            Status(letter.status).label,
            letter.due_date,
            letter.forwarded_to.name if letter.forwarded_to else "",
            letter.result,
        ]
        for letter in letters
    )
    return export_rows(headers, rows, str(_("Letter register")))


# TT, a name, a count (mm; the text is 165 mm wide).
WIDE_NARROW = [12.0, 118.0, 35.0]
VISIT_KIND_VI: dict[str, str] = {
    LetterKind.COMPLAINT: "Khiếu nại",
    LetterKind.DENUNCIATION: "Tố cáo",
    LetterKind.PETITION: "Kiến nghị",
    LetterKind.REPORT: "Phản ánh",
}


def period_report(
    *,
    province: AdministrativeUnit,
    stats: dict[str, Any],
    period_label: str,
    start: datetime.date,
    end: datetime.date,
    bodies: list[str],
) -> bytes:
    """Báo cáo công tác tiếp công dân, tiếp nhận và xử lý đơn of a period (six months, a year,
    or any dates): the reception figures (days held, visits, citizens received, by kind) and the
    letters, each matter counted once (linked duplicates, "đơn trùng", apart). `stats` is
    `selectors.statistics` of the period and province; `bodies` the receiving bodies reported to."""
    issuer = issuer_of(province)
    reception = stats["reception"]
    by_kind_visits = {k: (n, p) for k, n, p in reception["by_kind"]}
    kinds = dict(stats["kind"])
    statuses = dict(stats["status"])
    visit_rows = [["TT", "Loại việc", "Số lượt tiếp", "Số người được tiếp"]]
    for i, kind in enumerate(LetterKind.values, start=1):
        n, people = by_kind_visits.get(kind, (0, 0))
        visit_rows.append([str(i), VISIT_KIND_VI[LetterKind(kind)], str(n), str(people)])
    visit_rows.append(["", "Tổng cộng", str(reception["visits"]), str(reception["citizens"])])
    letter_rows = [["TT", "Loại đơn", "Số vụ việc"]]
    for i, kind in enumerate(LetterKind.values, start=1):
        letter_rows.append([str(i), VISIT_KIND_VI[LetterKind(kind)], str(kinds.get(kind, 0))])
    letter_rows.append(["", "Tổng cộng", str(stats["total"])])
    status_rows = [["TT", "Kết quả xử lý", "Số vụ việc"]]
    for status in Status.values:
        if statuses.get(status):
            status_rows.append([str(len(status_rows)), STATUS_VI[Status(status)], str(statuses[status])])
    if len(status_rows) == 1:
        status_rows.append(["", "Không có", "0"])
    agencies = stats["agency"]
    body: list[Any] = [
        Section(
            "I. CÔNG TÁC TIẾP CÔNG DÂN",
            [
                f"Trong kỳ báo cáo ({period_label}), đã tổ chức {reception['days']} buổi tiếp công dân; "
                f"tiếp {reception['visits']} lượt với {reception['citizens']} người.",
                Table(visit_rows, widths=[12, 73, 40, 40]),
            ],
        ),
        Section(
            "II. TIẾP NHẬN VÀ PHÂN LOẠI ĐƠN",
            [
                f"Tổng số đơn tiếp nhận: {stats['received']} đơn, trong đó {stats['duplicates']} đơn trùng "
                f"(cùng nội dung, cùng người gửi, đã được ghép vào vụ việc đã có); số vụ việc phải xử lý: "
                f"{stats['total']} vụ việc (mỗi vụ việc tính một lần).",
                Table(letter_rows, widths=WIDE_NARROW),
            ],
        ),
        Section(
            "III. KẾT QUẢ XỬ LÝ ĐƠN",
            [
                Table(status_rows, widths=WIDE_NARROW),
                f"Số vụ việc quá hạn xử lý: {stats['overdue']}.",
            ],
        ),
    ]
    if agencies:
        agency_rows = [["TT", "Cơ quan nhận đơn chuyển", "Số vụ việc"]]
        agency_rows += [[str(i), name, str(n)] for i, (name, n) in enumerate(agencies, start=1)]
        body.append(Section("IV. CÁC CƠ QUAN ĐƯỢC CHUYỂN ĐƠN", [Table(agency_rows, widths=WIDE_NARROW)]))
    spec = DocumentSpec(
        issuer_parent=issuer.parent,
        issuer="VĂN PHÒNG",
        symbol="BC-VP",
        place=issuer.place,
        date=timezone.localdate(),
        doc_type="BÁO CÁO",
        summary=f"Kết quả công tác tiếp công dân, tiếp nhận và xử lý đơn {period_label}",
        body=body,
        signer=issuer.signer,
        recipients=[f"{name} (để báo cáo)" for name in bodies],
        archive="VT",
    )
    return build_document(spec)
