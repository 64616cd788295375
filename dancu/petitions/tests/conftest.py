import datetime

import pytest

from dancu.directory.models import BodyKind, BodyLevel
from dancu.directory.tests.factories import BodyFactory, CommuneFactory, PersonFactory
from dancu.petitions import services


@pytest.fixture
def pworld(province, office, make_user):
    """A round in province A with two meetings, a few opinions, two agencies and the actors."""
    specialist = make_user("specialist", office)
    agri = BodyFactory(
        kind=BodyKind.AGENCY, name="Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh", province=province
    )
    ministry = BodyFactory(
        kind=BodyKind.AGENCY, level=BodyLevel.CENTRAL, name="Bộ Xây dựng", province=province
    )
    BodyFactory(kind=BodyKind.COMMITTEE, name="Ban Kinh tế - Ngân sách HĐND tỉnh", province=province)
    responder = make_user("agency_responder", agri)
    commune_a = CommuneFactory(parent=province, name="Xã Sơn Kim 1")
    commune_b = CommuneFactory(parent=province, name="Xã Cẩm Hưng")
    delegate = PersonFactory(full_name="Trần Thị Đại Biểu", province=province)
    rnd = services.round_create(
        actor=specialist,
        province=province,
        name="TXCT trước kỳ họp thứ 10 Quốc hội khóa XV",
        code="qh15-10",
        start_date=datetime.date(2025, 9, 1),
    )
    m1, m2 = (
        services.meeting_create(
            actor=specialist,
            round=rnd,
            kind="before_na",
            date=datetime.date(2025, 9, 20),
            place=place,
            levels=levels,
            delegates=[delegate],
            voter_count=voters,
        )
        for place, levels, voters in ((commune_a, ["na"], 150), (commune_b, ["na", "province"], 90))
    )
    services.opinions_add(
        actor=specialist,
        meeting=m1,
        rows=[
            {
                "text": "Đề nghị sớm nâng cấp QL8A đoạn qua xã, mặt đường hư hỏng nặng, nhiều ổ gà.",
                "voter_label": "Ông Nguyễn Văn Bí Mật",
            },
            {"text": "Cấp sổ đỏ cho bà con quá chậm, đo đạc xong từ 2019 mà chưa có sổ."},
        ],
    )
    services.opinions_add(
        actor=specialist,
        meeting=m2,
        rows=[
            {"text": "Quốc lộ 8A xuống cấp nghiêm trọng, nhiều ổ gà, đề nghị Bộ đầu tư sửa chữa."},
            {"text": "Đề nghị đẩy nhanh cấp giấy chứng nhận quyền sử dụng đất cho các hộ đã đo đạc."},
        ],
    )
    return {
        "round": rnd,
        "specialist": specialist,
        "responder": responder,
        "agri": agri,
        "ministry": ministry,
        "m1": m1,
        "m2": m2,
        "delegate": delegate,
        "province": province,
        "office": office,
    }
