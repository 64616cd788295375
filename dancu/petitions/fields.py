"""Fields (lĩnh vực) and competent levels of voter petitions, as data (RULES.md)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

# code -> (English label for gettext, Vietnamese label used in reports, default committee kind).
# One label per field everywhere: the English label is chosen so that its Vietnamese
# translation is the report's label word for word (tests/test_wording.py checks the catalog).
FIELDS: dict[str, tuple[Any, str, str]] = {
    "dat_dai": (
        _("Land, compensation and site clearance"),
        "Đất đai, bồi thường, giải phóng mặt bằng",
        "Kinh tế - Ngân sách",
    ),
    "giao_thong_xay_dung": (
        _("Transport, construction, planning"),
        "Giao thông, xây dựng, quy hoạch",
        "Kinh tế - Ngân sách",
    ),
    "nong_nghiep_thuy_loi": (
        _("Agriculture, irrigation, forestry, fisheries"),
        "Nông nghiệp, thủy lợi, lâm nghiệp, thủy sản",
        "Kinh tế - Ngân sách",
    ),
    "moi_truong": (_("Environment, natural resources"), "Môi trường, tài nguyên", "Kinh tế - Ngân sách"),
    "y_te": (_("Health"), "Y tế", "Văn hóa - Xã hội"),
    "giao_duc": (_("Education and training"), "Giáo dục, đào tạo", "Văn hóa - Xã hội"),
    "lao_dong_chinh_sach": (_("Labour, social policy"), "Lao động, chính sách xã hội", "Văn hóa - Xã hội"),
    "van_hoa_the_thao": (_("Culture, sport, media"), "Văn hóa, thể thao, thông tin", "Văn hóa - Xã hội"),
    "an_ninh_trat_tu": (_("Security and order"), "An ninh, trật tự", "Pháp chế"),
    "tu_phap_hanh_chinh": (
        _("Justice, administrative procedures"),
        "Tư pháp, thủ tục hành chính",
        "Pháp chế",
    ),
    "tai_chinh_ngan_sach": (
        _("Finance, budget, taxes, prices"),
        "Tài chính, ngân sách, thuế, giá",
        "Kinh tế - Ngân sách",
    ),
    "dien_nuoc_vien_thong": (
        _("Electricity, water, telecom"),
        "Điện, nước, viễn thông",
        "Kinh tế - Ngân sách",
    ),
    "to_chuc_can_bo": (_("Organisation of the apparatus, officials"), "Tổ chức bộ máy, cán bộ", "Pháp chế"),
    "khac": (_("Other fields"), "Lĩnh vực khác", "Pháp chế"),
}
FIELD_CODES = list(FIELDS)
FIELD_CHOICES = [(code, label) for code, (label, _vi, _c) in FIELDS.items()]

LEVELS: dict[str, tuple[Any, str]] = {
    "central": (_("Central"), "Thuộc thẩm quyền Trung ương"),
    "province": (_("Province"), "Thuộc thẩm quyền cấp tỉnh"),
    "commune": (_("Commune"), "Thuộc thẩm quyền cấp xã"),
}
LEVEL_CODES = list(LEVELS)
# The level as a cell of a table or an export ("Tỉnh"), the same word the pages show.
LEVEL_SHORT_VI = {"central": "Trung ương", "province": "Tỉnh", "commune": "Xã"}
LEVEL_CHOICES = [(code, label) for code, (label, _vi) in LEVELS.items()]


def field_vi(code: str) -> str:
    return FIELDS.get(code, FIELDS["khac"])[1]


def level_vi(code: str) -> str:
    return LEVELS.get(code, LEVELS["province"])[1]


def level_short_vi(code: str) -> str:
    return LEVEL_SHORT_VI.get(code, LEVEL_SHORT_VI["province"])
