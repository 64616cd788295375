"""The item-7 figures of a year (reports.year_figures) as an Excel workbook (dancu.core.excel)
and as a DOCX report per Decree 30 (dancu.core.documents), from the figures page.

Thematic supervisions by body, surveys, hearings (activities by kind), recommendations made /
done / overdue, per agency: received, done on time, late, overdue now; the delegate groups
against their yearly target. The document text is Vietnamese (the Office's output)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from dancu.core.access import get_access
from dancu.core.documents import DocumentSpec, Section, Signer, Table, build_document
from dancu.core.excel import export_rows
from dancu.directory.models import AdministrativeUnit

from .models import Programme
from .permissions import SupervisionPerm
from .reports import year_figures

NO_NAME = "(Họ và tên người ký)"


def figure_rows(figures: dict[str, Any]) -> list[list[Any]]:
    """Long form: (group, item, count or received, done or on time, late, overdue now)."""
    rows: list[list[Any]] = []
    for label, n in figures["kinds"]:
        rows.append([_("Activities by kind"), str(label), n, None, None, None])
    for r in figures["by_body"]:
        rows.append([_("Thematic supervisions by body"), r["programme__body__name"], r["n"], r["done"], None, None])
    recs = figures["recommendations"]
    rows.append([_("Recommendations after supervision"), _("All agencies"), recs["made"], recs["closed"], None, recs["overdue"]])
    for a in figures["agencies"]:
        rows.append([_("Recommendations by agency"), a["agency"], a["received"], a["on_time"], a["late"], a["overdue"]])
    for g in figures["groups"]:
        rows.append([_("Delegate groups against their yearly target"), g["group"].name, g["target"], g["held"], None, None])
    return rows


def headers() -> list[str]:
    return [
        _("Figures"),
        _("Item"),
        _("Planned / made / received / target"),
        _("Held / done / done on time"),
        _("Late"),
        _("Overdue now"),
    ]


def figures_xlsx(user: Any, year: int) -> bytes:
    figures = year_figures(user, year)
    return export_rows(headers(), figure_rows(figures), f"So lieu giam sat {year}")


def _province(user: Any, year: int) -> AdministrativeUnit | None:
    provinces = get_access(user).province_ids(SupervisionPerm.VIEW)
    qs = Programme.objects.filter(year=year)
    if provinces is not None:
        if len(provinces) == 1:
            return AdministrativeUnit.objects.filter(pk=provinces[0]).first()
        qs = qs.filter(province_id__in=provinces)
    programme = qs.select_related("province").order_by("province_id").first()
    return programme.province if programme else None


def figures_docx(user: Any, year: int) -> bytes:
    figures = year_figures(user, year)
    province = _province(user, year)
    name = province.name if province else "Tỉnh"
    short = (province.short_name if province else "") or name.replace("Tỉnh ", "").replace("Thành phố ", "")
    kinds = {str(label): n for label, n in figures["kinds"]}
    recs = figures["recommendations"]
    kind_rows = [["Hình thức", "Số cuộc"], *[[label, str(n)] for label, n in kinds.items()]]
    body_rows = [["Cơ quan", "Kế hoạch", "Đã thực hiện"]] + [
        [r["programme__body__name"], str(r["n"]), str(r["done"])] for r in figures["by_body"]
    ]
    agency_rows = [["Cơ quan chủ trì", "Tiếp nhận", "Hoàn thành đúng hạn", "Hoàn thành chậm", "Quá hạn hiện nay"]] + [
        [a["agency"], str(a["received"]), str(a["on_time"]), str(a["late"]), str(a["overdue"])]
        for a in figures["agencies"]
    ]
    group_rows = [["Tổ đại biểu", "Chỉ tiêu", "Đã thực hiện", "Đánh giá"]] + [
        [g["group"].name, str(g["target"]), str(g["held"]), "Chậm tiến độ" if g["behind"] else "Đạt tiến độ"]
        for g in figures["groups"]
    ]
    thematic = sum(r["n"] for r in figures["by_body"])
    body: list[Any] = [
        f"Thường trực Hội đồng nhân dân {name[:1].lower()}{name[1:]} báo cáo kết quả hoạt động giám sát "
        f"năm {year} như sau:",
        Section(
            "I. KẾT QUẢ HOẠT ĐỘNG GIÁM SÁT",
            [
                f"Trong năm {year}, các cơ quan của Hội đồng nhân dân và Đoàn đại biểu Quốc hội tỉnh đã đưa vào "
                f"chương trình {thematic} cuộc giám sát chuyên đề.",
                Table(kind_rows),
                "Giám sát chuyên đề theo từng cơ quan:",
                Table(body_rows) if len(body_rows) > 1 else "Chưa có cuộc giám sát chuyên đề.",
            ],
        ),
        Section(
            "II. KIẾN NGHỊ SAU GIÁM SÁT",
            [
                f"Tổng số kiến nghị: {recs['made']}; đã hoàn thành: {recs['closed']}; quá hạn hiện nay: {recs['overdue']}.",
                Table(agency_rows) if len(agency_rows) > 1 else "Chưa có kiến nghị.",
            ],
        ),
        Section(
            "III. TỔ ĐẠI BIỂU THỰC HIỆN CHỈ TIÊU GIÁM SÁT",
            [Table(group_rows) if len(group_rows) > 1 else "Chưa có tổ đại biểu."],
        ),
    ]
    spec = DocumentSpec(
        issuer_parent=f"HĐND {name.upper()}",
        issuer="THƯỜNG TRỰC",
        symbol="BC-HĐND",
        place=short,
        date=None,  # the clerk dates and numbers it when it is signed
        doc_type="BÁO CÁO",
        summary=f"Kết quả hoạt động giám sát năm {year}",
        body=body,
        # The name is written by the Office when it is signed (the directory has no fixed post code).
        signer=Signer("CHỦ TỊCH", NO_NAME, "TM. THƯỜNG TRỰC HĐND"),
        recipients=["Thường trực Tỉnh ủy", "Đại biểu HĐND tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"],
    )
    return build_document(spec)
