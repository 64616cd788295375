"""Holidays, days off in lieu and make-up working Saturdays for 2024-2027.

Sources: the Prime Minister's / Ministry of Labour's yearly notices on Tết and holiday leave
for civil servants (Labour Code 2019 Art. 112). Rows marked "proposed" follow the statutory
rule (lunar dates from `lunardate`) where the yearly notice was not at hand when seeding:
the Office corrects them in the admin when the notice is published.
"""

H, L, M = "holiday", "in_lieu", "makeup"

HOLIDAYS: list[tuple[str, str, str, str]] = [
    # 2024
    ("2024-01-01", H, "Tết Dương lịch", "BLĐTBXH 2024"),
    ("2024-02-08", H, "Tết Nguyên đán Giáp Thìn", "TB 6150/TB-LĐTBXH"),
    ("2024-02-09", H, "Tết Nguyên đán Giáp Thìn", "TB 6150/TB-LĐTBXH"),
    ("2024-02-12", H, "Tết Nguyên đán Giáp Thìn", "TB 6150/TB-LĐTBXH"),
    ("2024-02-13", L, "Nghỉ bù Tết Nguyên đán (trùng thứ Bảy, Chủ nhật)", "TB 6150/TB-LĐTBXH"),
    ("2024-02-14", L, "Nghỉ bù Tết Nguyên đán (trùng thứ Bảy, Chủ nhật)", "TB 6150/TB-LĐTBXH"),
    ("2024-04-18", H, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "BLĐTBXH 2024"),
    ("2024-04-29", L, "Nghỉ hoán đổi dịp 30/4-1/5", "TB 6150/TB-LĐTBXH"),
    ("2024-04-30", H, "Ngày Chiến thắng", "BLĐTBXH 2024"),
    ("2024-05-01", H, "Ngày Quốc tế lao động", "BLĐTBXH 2024"),
    ("2024-05-04", M, "Làm bù cho ngày 29/4", "TB 6150/TB-LĐTBXH"),
    ("2024-09-02", H, "Quốc khánh", "BLĐTBXH 2024"),
    ("2024-09-03", H, "Quốc khánh (ngày liền kề)", "BLĐTBXH 2024"),
    # 2025
    ("2025-01-01", H, "Tết Dương lịch", "CV 7668/BNV-CTL 2024"),
    ("2025-01-27", L, "Nghỉ hoán đổi dịp Tết Nguyên đán", "CV 7668/BNV-CTL 2024"),
    ("2025-01-28", H, "Tết Nguyên đán Ất Tỵ", "CV 7668/BNV-CTL 2024"),
    ("2025-01-29", H, "Tết Nguyên đán Ất Tỵ", "CV 7668/BNV-CTL 2024"),
    ("2025-01-30", H, "Tết Nguyên đán Ất Tỵ", "CV 7668/BNV-CTL 2024"),
    ("2025-01-31", H, "Tết Nguyên đán Ất Tỵ", "CV 7668/BNV-CTL 2024"),
    ("2025-02-08", M, "Làm bù cho ngày 27/01", "CV 7668/BNV-CTL 2024"),
    ("2025-04-07", H, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "BNV 2025"),
    ("2025-04-26", M, "Làm bù cho ngày 02/5", "BNV 2025"),
    ("2025-04-30", H, "Ngày Chiến thắng", "BNV 2025"),
    ("2025-05-01", H, "Ngày Quốc tế lao động", "BNV 2025"),
    ("2025-05-02", L, "Nghỉ hoán đổi dịp 30/4-1/5", "BNV 2025"),
    ("2025-09-01", H, "Quốc khánh (ngày liền kề)", "BNV 2025"),
    ("2025-09-02", H, "Quốc khánh", "BNV 2025"),
    # 2026
    ("2026-01-01", H, "Tết Dương lịch", "BNV 2025"),
    ("2026-02-16", H, "Tết Nguyên đán Bính Ngọ", "BNV 2025"),
    ("2026-02-17", H, "Tết Nguyên đán Bính Ngọ", "BNV 2025"),
    ("2026-02-18", H, "Tết Nguyên đán Bính Ngọ", "BNV 2025"),
    ("2026-02-19", H, "Tết Nguyên đán Bính Ngọ", "BNV 2025"),
    ("2026-02-20", H, "Tết Nguyên đán Bính Ngọ", "BNV 2025"),
    (
        "2026-04-27",
        L,
        "Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch trùng Chủ nhật 26/4)",
        "Bộ luật Lao động Điều 112(3)",
    ),
    ("2026-04-30", H, "Ngày Chiến thắng", "Bộ luật Lao động Điều 112"),
    ("2026-05-01", H, "Ngày Quốc tế lao động", "Bộ luật Lao động Điều 112"),
    ("2026-09-01", H, "Quốc khánh (ngày liền kề, đề xuất)", "proposed: Bộ luật Lao động Điều 112"),
    ("2026-09-02", H, "Quốc khánh", "Bộ luật Lao động Điều 112"),
    # 2027 (proposed from the statutory rule; check against the yearly notice)
    ("2027-01-01", H, "Tết Dương lịch", "Bộ luật Lao động Điều 112"),
    ("2027-02-05", H, "Tết Nguyên đán Đinh Mùi (đề xuất)", "proposed: Bộ luật Lao động Điều 112"),
    ("2027-02-08", H, "Tết Nguyên đán Đinh Mùi (đề xuất)", "proposed: Bộ luật Lao động Điều 112"),
    ("2027-02-09", H, "Tết Nguyên đán Đinh Mùi (đề xuất)", "proposed: Bộ luật Lao động Điều 112"),
    (
        "2027-02-10",
        L,
        "Nghỉ bù Tết (trùng thứ Bảy, Chủ nhật; đề xuất)",
        "proposed: Bộ luật Lao động Điều 112",
    ),
    (
        "2027-02-11",
        L,
        "Nghỉ bù Tết (trùng thứ Bảy, Chủ nhật; đề xuất)",
        "proposed: Bộ luật Lao động Điều 112",
    ),
    ("2027-04-16", H, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Bộ luật Lao động Điều 112"),
    ("2027-04-30", H, "Ngày Chiến thắng", "Bộ luật Lao động Điều 112"),
    ("2027-05-01", H, "Ngày Quốc tế lao động (thứ Bảy)", "Bộ luật Lao động Điều 112"),
    ("2027-05-03", L, "Nghỉ bù 1/5 (trùng thứ Bảy)", "Bộ luật Lao động Điều 112(3)"),
    ("2027-09-02", H, "Quốc khánh", "Bộ luật Lao động Điều 112"),
    ("2027-09-03", H, "Quốc khánh (ngày liền kề, đề xuất)", "proposed: Bộ luật Lao động Điều 112"),
]
