"""Build the labelled letter pairs of tests/data/letters/ (dev and test), BEFORE any tuning.

Deterministic (seed 1207). Each line: {"pair", "type", "split", "a": letter, "b": letter,
"same_person", "same_content"}; a letter has the input fields of `letters_duplicates`
(id, name, id_number, phone, address, target, content, kind, received, body).

The matters are rewritten in our own words from the kinds of cases published in the press and
on inspectorates' pages (see tests/data/letters/README.md). The addresses are real units of
Hà Tĩnh and Nghệ An before and after 1 July 2025, read from the project's unit tables
(`dancu.directory.units_loader.read_sources`, old commune -> merged commune successions).

Split: half of the matter templates, and the people drawn with them, are dev only, the other
half test only, so that what is tuned on dev meets unseen matters on test.

    DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/letters_dup_pairs.py
"""

# ruff: noqa: C408 - the templates read better as dict(...) calls
from __future__ import annotations

import datetime
import json
import os
import random
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from dancu.directory.units_loader import read_sources  # noqa: E402

OUT = ROOT / "tests" / "data" / "letters"
rng = random.Random(1207)  # noqa: S311 - test data

# Surnames with their real frequency (Nguyễn about 38 %), common middle and given names.
SURNAMES = (
    ["Nguyễn"] * 38
    + ["Trần"] * 11
    + ["Lê"] * 9
    + ["Phạm"] * 7
    + ["Hoàng"] * 5
    + ["Phan"] * 5
    + ["Võ"] * 4
    + ["Đặng"] * 2
    + ["Bùi"] * 2
    + ["Đỗ"] * 2
    + ["Hồ"] * 2
    + ["Ngô"]
    + ["Dương"]
    + ["Lý"]
)
MALE_MIDDLE = ["Văn", "Văn", "Văn", "Đình", "Hữu", "Minh", "Quốc", "Xuân", "Đức", "Công"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim"]
MALE_GIVEN = [
    "Hùng",
    "Dũng",
    "Hải",
    "Sơn",
    "Tuấn",
    "Nam",
    "Bình",
    "Cường",
    "Thắng",
    "Long",
    "Đông",
    "Lâm",
    "Hòa",
]
FEMALE_GIVEN = ["Hương", "Lan", "Hoa", "Mai", "Hằng", "Thảo", "Nga", "Yến", "Loan", "Huệ", "Hà", "Liên"]
ABBREV = {"Nguyễn": "Ng.", "Trần": "Tr.", "Phạm": "Ph.", "Hoàng": "H.", "Lê": "L.", "Phan": "Ph."}
BODIES = ["Đoàn đại biểu Quốc hội tỉnh", "Thường trực Hội đồng nhân dân tỉnh"]
AGENCIES = [
    "Ban Tiếp công dân tỉnh",
    "Thanh tra tỉnh",
    "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "Ban Dân nguyện thuộc Ủy ban Thường vụ Quốc hội",
]
OPEN = [
    "Kính gửi: {body}.",
    "Kính gửi {body}, tôi xin trình bày sự việc như sau.",
    "Kính gửi: {body}. Tôi làm đơn này kính mong quý cơ quan xem xét.",
    "Kính gửi các vị đại biểu.",
]
CLOSE = [
    "Kính đề nghị quý cơ quan xem xét, giải quyết dứt điểm để gia đình tôi yên tâm sinh sống.",
    "Đề nghị các cơ quan chức năng vào cuộc kiểm tra, xử lý nghiêm theo quy định của pháp luật.",
    "Tôi xin cam đoan những nội dung trình bày trên là đúng sự thật. Xin trân trọng cảm ơn.",
    "Rất mong nhận được sự quan tâm, giải quyết của các đồng chí lãnh đạo.",
]

# Matter templates. {th} hamlet, {xa} commune (as written by the writer), {o} the official's
# name, numbers drawn per matter. Each fact has two wordings (a rewrite picks the other one).
TEMPLATES = [
    # 0 compensation for land recovery (complaint against the commune's decision)
    dict(
        kind="complaint",
        target="Chủ tịch UBND {xa}",
        facts=[
            (
                "Năm {y}, Nhà nước thu hồi {m} m2 đất nông nghiệp của gia đình tôi tại thửa đất số {n1}, tờ bản đồ số {n2} để làm dự án {proj}.",
                "Thửa {n1} tờ bản đồ {n2} của nhà tôi, diện tích {m} m2, bị thu hồi từ năm {y} cho dự án {proj}.",
            ),
            (
                "Mức bồi thường chỉ {p} nghìn đồng/m2, thấp hơn nhiều so với giá thực tế chuyển nhượng tại địa phương.",
                "Giá bồi thường {p} nghìn đồng một mét vuông là quá thấp so với giá đất thị trường ở đây.",
            ),
            (
                "Gia đình tôi không được hỗ trợ chuyển đổi nghề và tạo việc làm như các hộ khác.",
                "Các hộ khác được hỗ trợ chuyển đổi nghề, riêng nhà tôi thì không.",
            ),
        ],
        new=[
            "Ngày {d}/{mo}, đơn vị thi công đã san lấp phần đất còn lại khi chưa chi trả tiền.",
            "Đến nay đã {k} lần gửi đơn nhưng chưa nhận được trả lời bằng văn bản.",
        ],
    ),
    # 1 land certificate overlapping (petition)
    dict(
        kind="petition",
        target="Chi nhánh Văn phòng đăng ký đất đai khu vực {xa}",
        facts=[
            (
                "Giấy chứng nhận quyền sử dụng đất cấp cho hộ ông {o} tại thửa số {n1} chồng lấn lên {m} m2 đất vườn của gia đình tôi.",
                "Sổ đỏ cấp cho nhà ông {o} (thửa {n1}) đã lấn sang khoảng {m} m2 vườn nhà tôi.",
            ),
            (
                "Ranh giới hai nhà đã có hàng rào từ năm {y}, không có tranh chấp.",
                "Từ năm {y} hai gia đình đã có tường rào ranh giới rõ ràng.",
            ),
            (
                "Khi đo đạc lại, cán bộ địa chính không mời gia đình tôi ký giáp ranh.",
                "Việc ký giáp ranh không có chữ ký của gia đình tôi.",
            ),
        ],
        new=[
            "Nay ông {o} đang xây tường lấn sang phần đất tranh chấp.",
            "Biên bản hòa giải ở thôn ngày {d}/{mo} không thành.",
        ],
    ),
    # 2 poor household list (denunciation against hamlet head)
    dict(
        kind="denunciation",
        target="Trưởng {th} {o}",
        facts=[
            (
                "Trưởng {th} đưa người thân có nhà cao tầng, ô tô vào danh sách hộ nghèo năm {y}.",
                "Danh sách hộ nghèo năm {y} của {th} có cả người nhà trưởng thôn dù họ có nhà to, xe ô tô.",
            ),
            (
                "Cuộc họp bình xét không có biên bản, không niêm yết công khai.",
                "Việc bình xét làm qua loa, không lập biên bản và không công khai danh sách.",
            ),
            (
                "Trong khi đó {k} hộ thực sự khó khăn lại bị loại ra.",
                "Ngược lại có {k} hộ rất khó khăn thì không được đưa vào.",
            ),
        ],
        new=[
            "Tôi đã phản ánh ở buổi tiếp xúc cử tri nhưng chưa được xử lý.",
            "Sau khi tôi gửi đơn, gia đình tôi bị gây khó khăn khi xin xác nhận hồ sơ.",
        ],
    ),
    # 3 illegal sand mining (report)
    dict(
        kind="report",
        target="Công ty TNHH {proj}",
        facts=[
            (
                "Công ty khai thác cát trên sông {river} vượt ra ngoài ranh giới mỏ được cấp phép, hoạt động cả ban đêm.",
                "Tàu hút cát của công ty làm việc suốt đêm, hút cả ngoài phạm vi mỏ trên sông {river}.",
            ),
            (
                "Bờ sông đoạn qua {th} đã sạt lở khoảng {m} m, nhiều gia đình phải di dời.",
                "Khoảng {m} mét bờ sông ở {th} bị sạt, có nhà phải chuyển đi nơi khác.",
            ),
            (
                "Người dân đã báo chính quyền xã nhiều lần nhưng không được xử lý.",
                "Chính quyền địa phương được báo nhiều lần nhưng vẫn làm ngơ.",
            ),
        ],
        new=[
            "Đêm {d}/{mo} lại có {k} tàu hút cát hoạt động.",
            "Ruộng lúa ven sông của các hộ dân bắt đầu bị nứt và sụt.",
        ],
    ),
    # 4 pig farm pollution (petition)
    dict(
        kind="petition",
        target="Trang trại chăn nuôi lợn của ông {o}",
        facts=[
            (
                "Trang trại nuôi khoảng {k}00 con lợn sát khu dân cư {th}, xả nước thải chưa xử lý ra kênh tưới.",
                "Nước thải của trại lợn gần {k}00 con chảy thẳng ra mương thủy lợi của {th}.",
            ),
            (
                "Mùi hôi thối bốc lên nhất là về đêm, trẻ nhỏ bị ho, mất ngủ.",
                "Mùi hôi nồng nặc, nhiều cháu nhỏ trong xóm bị viêm họng.",
            ),
            (
                "Trang trại chưa có đánh giá tác động môi trường theo quy định.",
                "Theo chúng tôi biết trại chưa có hồ sơ môi trường được duyệt.",
            ),
        ],
        new=[
            "Tháng {mo} vừa qua cá trong ao của các hộ chết hàng loạt.",
            "Đoàn kiểm tra của huyện về lập biên bản nhưng trại vẫn hoạt động.",
        ],
    ),
    # 5 slow payment of a war-invalid allowance (petition)
    dict(
        kind="petition",
        target="Sở Nội vụ",
        facts=[
            (
                "Bố tôi là thương binh hạng {k}/4, hồ sơ đề nghị hưởng trợ cấp người phục vụ nộp từ năm {y}.",
                "Hồ sơ xin chế độ người phục vụ thương binh {k}/4 cho bố tôi đã nộp từ {y}.",
            ),
            (
                "Đến nay đã quá thời hạn nhưng chưa được giải quyết, không ai trả lời lý do.",
                "Đã hết hạn giải quyết mà vẫn chưa có kết quả, hỏi thì không ai trả lời.",
            ),
            (
                "Hồ sơ gồm giấy chứng nhận thương binh số {n1} và biên bản giám định y khoa.",
                "Kèm theo hồ sơ là giấy chứng nhận thương binh số {n1}, biên bản giám định.",
            ),
        ],
        new=[
            "Bố tôi nay đã {k}0 tuổi, sức khỏe yếu, cần được hưởng chế độ sớm.",
            "Tôi đã được hướng dẫn bổ sung hồ sơ ngày {d}/{mo} và đã nộp đủ.",
        ],
    ),
    # 6 rural construction fund (denunciation against commune chairman)
    dict(
        kind="denunciation",
        target="Chủ tịch UBND {xa} {o}",
        facts=[
            (
                "Xã thu của mỗi hộ {p} nghìn đồng để làm đường giao thông nông thôn nhưng không công khai thu chi.",
                "Mỗi hộ phải góp {p} nghìn đồng làm đường nông thôn mới, không được biết tiền chi vào đâu.",
            ),
            (
                "Tuyến đường {th} dài {m} m làm xong năm {y} đã bong tróc, nứt vỡ.",
                "Con đường {m} mét ở {th} làm năm {y} nay đã nứt vỡ nhiều đoạn.",
            ),
            (
                "Có dấu hiệu nâng khống khối lượng, công trình do người nhà lãnh đạo xã thi công.",
                "Nghi ngờ khối lượng bị khai khống và nhà thầu là người thân của lãnh đạo xã.",
            ),
        ],
        new=[
            "Biên bản nghiệm thu có chữ ký của người không tham gia giám sát.",
            "Nay xã tiếp tục thu tiền làm tuyến thứ hai.",
        ],
    ),
    # 7 wrongful dismissal of a teacher (complaint)
    dict(
        kind="complaint",
        target="Hiệu trưởng Trường THCS {xa}",
        facts=[
            (
                "Tôi là giáo viên hợp đồng từ năm {y}, bị chấm dứt hợp đồng mà không được báo trước.",
                "Tôi dạy hợp đồng ở trường từ {y}, nay bị cho nghỉ đột ngột, không báo trước.",
            ),
            (
                "Nhà trường không thanh toán {k} tháng lương và tiền bảo hiểm xã hội còn nợ.",
                "Trường còn nợ tôi {k} tháng lương và chưa đóng bảo hiểm xã hội.",
            ),
            (
                "Quyết định số {n1}/QĐ-THCS không nêu lý do chấm dứt.",
                "Trong Quyết định {n1}/QĐ-THCS không ghi lý do cho tôi nghỉ.",
            ),
        ],
        new=[
            "Sau khi tôi khiếu nại, nhà trường đã tuyển người khác vào vị trí của tôi.",
            "Phòng Giáo dục trả lời ngày {d}/{mo} nhưng không giải quyết quyền lợi.",
        ],
    ),
    # 8 forest land encroachment (report)
    dict(
        kind="report",
        target="Hạt Kiểm lâm {xa}",
        facts=[
            (
                "Một số đối tượng chặt phá khoảng {m} ha rừng phòng hộ tại tiểu khu {n1} để trồng keo.",
                "Khoảng {m} ha rừng phòng hộ ở tiểu khu {n1} bị phát trắng để trồng keo.",
            ),
            (
                "Việc phá rừng diễn ra công khai nhiều tháng, kiểm lâm địa bàn biết nhưng không ngăn chặn.",
                "Cán bộ kiểm lâm phụ trách địa bàn biết chuyện nhưng không xử lý.",
            ),
            (
                "Đường vận chuyển gỗ đi qua {th} làm hỏng đường bê tông.",
                "Xe chở gỗ chạy qua {th} đã làm vỡ đường bê tông của thôn.",
            ),
        ],
        new=[
            "Ngày {d}/{mo} lại có máy múc vào san ủi thêm.",
            "Diện tích bị phá nay đã tăng lên gần gấp đôi.",
        ],
    ),
    # 9 inheritance / land dispute resolved wrongly (complaint)
    dict(
        kind="complaint",
        target="UBND {xa}",
        facts=[
            (
                "UBND xã hòa giải tranh chấp đất giữa gia đình tôi và ông {o} về thửa {n1} nhưng lập biên bản sai nội dung.",
                "Biên bản hòa giải vụ tranh chấp thửa {n1} với ông {o} ghi không đúng ý kiến của tôi.",
            ),
            (
                "Thửa đất do bố mẹ tôi để lại, có giấy tờ từ năm {y}.",
                "Đất này bố mẹ tôi để lại, giấy tờ có từ năm {y}.",
            ),
            (
                "Xã cho ông {o} làm nhà trên phần đất đang tranh chấp.",
                "Phần đất đang tranh chấp lại được xã cho phép ông {o} xây nhà.",
            ),
        ],
        new=[
            "Tòa án đã trả đơn khởi kiện vì chưa qua hòa giải đúng quy định.",
            "Tôi đề nghị hủy biên bản hòa giải ngày {d}/{mo}.",
        ],
    ),
    # 10 flooding caused by a new road (petition)
    dict(
        kind="petition",
        target="Ban Quản lý dự án đầu tư xây dựng {proj}",
        facts=[
            (
                "Tuyến đường {road} nâng cao nền nhưng cống thoát nước quá nhỏ, {k}0 hộ ở {th} bị ngập mỗi khi mưa.",
                "Từ khi làm đường {road}, mưa là {k}0 hộ dân ở {th} bị ngập vì cống thoát nhỏ.",
            ),
            (
                "Nước ngập vào nhà sâu đến {k}0 cm, hư hỏng tài sản, lúa màu.",
                "Nhà bị ngập sâu chừng {k}0 phân, đồ đạc và hoa màu hỏng hết.",
            ),
            (
                "Người dân đã kiến nghị tại buổi tiếp xúc cử tri năm {y}.",
                "Ý kiến này cử tri đã nêu ở kỳ tiếp xúc năm {y}.",
            ),
        ],
        new=["Đợt mưa tháng {mo} nước ngập suốt {k} ngày.", "Nhà thầu đã hứa mở rộng cống nhưng chưa làm."],
    ),
    # 11 health insurance card refused (petition)
    dict(
        kind="petition",
        target="Bảo hiểm xã hội {xa}",
        facts=[
            (
                "Gia đình tôi thuộc hộ cận nghèo năm {y} nhưng không được cấp thẻ bảo hiểm y tế.",
                "Là hộ cận nghèo năm {y} mà gia đình tôi không có thẻ bảo hiểm y tế.",
            ),
            (
                "Khi đi khám tại bệnh viện tôi phải trả {p} nghìn đồng tiền viện phí.",
                "Lần khám bệnh vừa rồi tôi phải tự trả {p} nghìn đồng.",
            ),
            (
                "Cán bộ xã nói danh sách gửi lên bị thiếu tên nhà tôi.",
                "Theo cán bộ xã thì tên gia đình tôi bị sót trong danh sách gửi đi.",
            ),
        ],
        new=["Đến tháng {mo} vẫn chưa có thẻ.", "Con tôi phải nằm viện {k} ngày không được thanh toán."],
    ),
    # 12 resettlement plot not allocated (complaint)
    dict(
        kind="complaint",
        target="Trung tâm Phát triển quỹ đất {xa}",
        facts=[
            (
                "Gia đình tôi bị giải tỏa nhà để làm {proj} từ năm {y}, được hứa giao lô tái định cư.",
                "Năm {y} nhà tôi bị giải tỏa làm {proj}, có văn bản hứa bố trí tái định cư.",
            ),
            (
                "Đến nay đã {k} năm vẫn chưa được giao đất, phải ở nhờ nhà người thân.",
                "Đã {k} năm trôi qua chưa có lô đất nào, cả nhà phải ở nhờ.",
            ),
            (
                "Trong khi đó có lô tái định cư số {n1} được giao cho người không bị thu hồi đất.",
                "Lô số {n1} ở khu tái định cư lại giao cho người không phải di dời.",
            ),
        ],
        new=[
            "Tôi bổ sung bản sao biên bản kiểm đếm ngày {d}/{mo}.",
            "Khu tái định cư đã hoàn thành hạ tầng từ lâu.",
        ],
    ),
    # 13 gambling and protection racket at a market (denunciation)
    dict(
        kind="denunciation",
        target="Trưởng Công an {xa} {o}",
        facts=[
            (
                "Tại chợ {th} có tụ điểm đánh bạc, cho vay nặng lãi hoạt động công khai.",
                "Ở chợ {th} người ta đánh bạc và cho vay lãi nặng công khai.",
            ),
            (
                "Các tiểu thương bị thu tiền bảo kê {p} nghìn đồng mỗi tháng.",
                "Người buôn bán phải nộp tiền bảo kê {p} nghìn mỗi tháng.",
            ),
            (
                "Công an xã biết nhưng làm ngơ, có biểu hiện bao che.",
                "Lực lượng công an xã không xử lý, có dấu hiệu bao che.",
            ),
        ],
        new=[
            "Ngày {d}/{mo} có một tiểu thương bị đánh vì không nộp tiền.",
            "Nhóm đối tượng nay mở thêm điểm ở bến xe.",
        ],
    ),
    # 14 unpaid wages at a garment factory (petition)
    dict(
        kind="petition",
        target="Công ty CP May {proj}",
        facts=[
            (
                "Công ty nợ lương của khoảng {k}00 công nhân trong {k} tháng.",
                "Gần {k}00 công nhân bị nợ lương {k} tháng liền.",
            ),
            (
                "Công ty trích tiền bảo hiểm xã hội của người lao động nhưng không nộp từ năm {y}.",
                "Từ năm {y} tiền bảo hiểm bị trừ vào lương mà không được đóng cho cơ quan bảo hiểm.",
            ),
            (
                "Chủ doanh nghiệp đã bỏ trốn, nhà xưởng đóng cửa.",
                "Giám đốc công ty đã bỏ đi, xưởng đóng cửa.",
            ),
        ],
        new=[
            "Nhiều công nhân không chốt được sổ bảo hiểm để hưởng trợ cấp thất nghiệp.",
            "Ngày {d}/{mo} công nhân đã tập trung đề nghị nhưng không ai tiếp.",
        ],
    ),
    # 15 illegal construction next door (report)
    dict(
        kind="report",
        target="Đội Quản lý trật tự đô thị {xa}",
        facts=[
            (
                "Hộ ông {o} xây nhà {k} tầng không có giấy phép, lấn ra hành lang đường {road}.",
                "Nhà ông {o} xây {k} tầng không phép, lấn cả vào lề đường {road}.",
            ),
            (
                "Khi đổ móng đã làm nứt tường nhà tôi dài khoảng {m} m.",
                "Việc thi công móng khiến tường nhà tôi nứt chừng {m} mét.",
            ),
            (
                "Tôi đã báo phường nhưng công trình vẫn tiếp tục thi công.",
                "Phường được báo mà công trình vẫn làm tiếp.",
            ),
        ],
        new=[
            "Nay đã lên đến tầng {k} và lắp cả ban công đưa ra đường.",
            "Tôi gửi kèm ảnh chụp vết nứt ngày {d}/{mo}.",
        ],
    ),
]
DEV_TEMPLATES = set(range(0, 16, 2))  # even templates dev, odd test
PROJECTS = [
    "đường ven biển",
    "khu công nghiệp Vũng Áng",
    "hồ chứa nước Rào Trổ",
    "cầu Cửa Hội",
    "đường tránh QL1A",
    "khu đô thị Bắc thành phố",
    "nhà máy nhiệt điện",
    "Khoáng sản Thạch Khê",
    "Hưng Phát",
    "Đại Dương",
]
RIVERS = ["La", "Lam", "Ngàn Sâu", "Ngàn Phố", "Rào Cái"]
ROADS = ["QL1A", "QL8A", "ĐT.549", "ĐT.551", "tỉnh lộ 17", "ĐH.42"]


def strip(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(ch for ch in text if unicodedata.category(ch) != "Mn"))


# --- real units and successions ------------------------------------------------------------


def load_units() -> list[dict]:
    """(old commune, old district, province, new commune) for Hà Tĩnh and Nghệ An."""
    source = read_sources(["42", "40"])
    units = {u.key: u for u in source.units}
    out = []
    for (old, new), _default in source.successions.items():
        if not old.startswith("c1976:") or not new.startswith("c2025:"):
            continue
        o, n = units[old], units[new]
        district = units[o.parent_key]
        province = units[district.parent_key]
        out.append({"old": o.name, "district": district.name, "province": province.name, "new": n.name})
    out.sort(key=lambda r: (r["province"], r["old"], r["new"]))
    return out


UNITS = load_units()


def lower_first(unit_name: str) -> str:
    head, _, rest = unit_name.partition(" ")
    return f"{head.lower()} {rest}"


# --- people ----------------------------------------------------------------------------------


def new_person(common: tuple[str, str, str] | None = None, place: dict | None = None) -> dict:
    female = rng.random() < 0.45
    if common:
        sur, mid, given = common
        female = mid in FEMALE_MIDDLE
    else:
        sur = rng.choice(SURNAMES)
        mid = rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE)
        given = rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)
    year = rng.randint(1950, 1998)
    province_code = "042" if (place or {}).get("province", "Tỉnh Hà Tĩnh").endswith("Tĩnh") else "040"
    cccd = f"{province_code}{(1 if female else 0)}{year % 100:02d}{rng.randint(0, 999999):06d}"
    cmnd = f"18{rng.randint(0, 9999999):07d}"
    prefix = rng.choice(["091", "098", "097", "094", "088", "086", "035", "038", "039", "034"])
    return {
        "sur": sur,
        "mid": mid,
        "given": given,
        "female": female,
        "year": year,
        "cccd": cccd,
        "cmnd": cmnd,
        "phone": prefix + f"{rng.randint(0, 9999999):07d}",
        "place": place or rng.choice(UNITS),
        "thon": rng.choice(["Thôn", "Xóm", "Tổ dân phố"]) + f" {rng.randint(1, 14)}",
    }


def full_name(p: dict) -> str:
    return f"{p['sur']} {p['mid']} {p['given']}"


def name_variant(p: dict, how: str) -> str:
    name = full_name(p)
    if how == "plain":
        return name
    if how == "nodiac":
        return strip(name)
    if how == "caps":
        return name.upper()
    if how == "capsnodiac":
        return strip(name).upper()
    if how == "initials":
        return f"{ABBREV.get(p['sur'], p['sur'][0] + '.')} {p['mid']} {p['given']}"
    if how == "typo":
        given = strip(p["given"]).lower()
        i = rng.randrange(1, len(given)) if len(given) > 1 else 0
        if rng.random() < 0.5 and len(given) > 2:
            typo = given[:i] + given[i + 1 :]
        else:
            typo = given[:i] + rng.choice("aeionmhgt") + given[i + 1 :]
        return f"{strip(p['sur'])} {strip(p['mid'])} {typo.capitalize()}"
    if how == "title":
        return ("Bà " if p["female"] else "Ông ") + name
    raise ValueError(how)


OLD_MOBILE = {"035": "0165", "038": "0168", "039": "0169", "034": "0164", "086": ""}


def phone_variant(p: dict, how: str) -> str:
    ph = p["phone"]
    if how == "plain":
        return ph
    if how == "spaced":
        return f"{ph[:4]} {ph[4:7]} {ph[7:]}"
    if how == "plus":
        return "+84" + ph[1:]
    if how == "dashed":
        return f"84-{ph[1:4]}-{ph[4:7]}-{ph[7:]}"
    if how == "dots":
        return f"{ph[:4]}.{ph[4:7]}.{ph[7:]}"
    if how == "old11" and OLD_MOBILE.get(ph[:3]):
        return OLD_MOBILE[ph[:3]] + ph[3:]
    if how == "empty":
        return ""
    return ph


def id_variant(p: dict, how: str) -> str:
    return {
        "cccd": p["cccd"],
        "cmnd": p["cmnd"],
        "empty": "",
        "spaced": " ".join([p["cccd"][:3], p["cccd"][3:6], p["cccd"][6:]]),
    }[how]


def address_variant(p: dict, how: str, thon: bool) -> str:
    u = p["place"]
    parts = [p["thon"]] if thon else []
    if how == "old":
        parts += [lower_first(u["old"]), lower_first(u["district"]), u["province"].replace("Tỉnh", "tỉnh")]
    elif how == "old_short":
        parts += [lower_first(u["old"]), lower_first(u["district"])]
    elif how == "new":
        parts += [lower_first(u["new"]), u["province"].replace("Tỉnh", "tỉnh")]
    elif how == "new_short":
        parts += [lower_first(u["new"])]
    elif how == "empty":
        return ""
    text = ", ".join(parts)
    return strip(text) if rng.random() < 0.2 else text


# --- matters ---------------------------------------------------------------------------------


def new_matter(template: int, place: dict, thon: str) -> dict:
    t = TEMPLATES[template]
    official = full_name(new_person())
    return {
        "template": template,
        "kind": t["kind"],
        "place": place,
        "thon": thon,
        "slots": {
            "y": rng.randint(2012, 2024),
            "m": rng.randint(12, 900),
            "n1": rng.randint(11, 699),
            "n2": rng.randint(1, 45),
            "p": rng.choice([45, 60, 85, 120, 150, 200, 250, 300, 500]),
            "k": rng.randint(2, 9),
            "d": rng.randint(1, 28),
            "mo": rng.randint(1, 12),
            "proj": rng.choice(PROJECTS),
            "river": rng.choice(RIVERS),
            "road": rng.choice(ROADS),
            "o": official,
            "th": thon.lower().replace("tổ dân phố", "tổ dân phố"),
        },
    }


def slots_for(matter: dict, old_units: bool) -> dict:
    u = matter["place"]
    s = dict(matter["slots"])
    s["xa"] = lower_first(u["old"]) if old_units else lower_first(u["new"])
    return s


def target_of(matter: dict, old_units: bool) -> str:
    return TEMPLATES[matter["template"]]["target"].format(**slots_for(matter, old_units))


def letter_text(
    matter: dict,
    *,
    wording: int,
    old_units: bool,
    body: str,
    writer: str = "",
    address: str = "",
    rewrite: int = 0,
    drop: bool = False,
) -> str:
    t = TEMPLATES[matter["template"]]
    s = slots_for(matter, old_units)
    facts = [f[wording % 2] for f in t["facts"]]
    if drop and len(facts) > 2:
        facts.pop(rng.randrange(len(facts)))
    if rng.random() < 0.4:
        rng.shuffle(facts)
    parts = [rng.choice(OPEN).format(body=body)]
    if writer and rng.random() < 0.6:
        parts.append(f"Tôi tên là {writer}, trú tại {address or s['xa']}.")
    if rewrite:
        parts.append(f"Đây là đơn lần {rewrite + 1}, tôi đã gửi đơn nhưng chưa được giải quyết.")
        parts.append(t["new"][rewrite % 2])
    parts += facts
    parts.append(rng.choice(CLOSE))
    return " ".join(p.format(**s) for p in parts)


def cover_text(matter: dict, writer: str, address: str, agency: str) -> str:
    t = TEMPLATES[matter["template"]]
    s = slots_for(matter, old_units=False)
    summary = t["facts"][0][1].format(**s)
    second = t["facts"][1][0].format(**s)
    return (
        f"{agency} nhận được đơn của {writer}, trú tại {address}, nội dung: {summary} {second} "
        f"Thực hiện quy định của Luật Tiếp công dân, {agency} chuyển đơn đến quý cơ quan để xem xét, "
        "giải quyết theo thẩm quyền và trả lời cho công dân."
    )


# --- letters and pairs -----------------------------------------------------------------------

counter = 0


def letter(
    p: dict | None,
    matter: dict,
    *,
    name_how="plain",
    phone_how="plain",
    id_how="cccd",
    addr_how="new",
    thon=True,
    wording=0,
    rewrite=0,
    drop=False,
    received: datetime.date,
    body: str | None = None,
    name_override: str | None = None,
    content_override: str | None = None,
) -> dict:
    global counter
    counter += 1
    body = body or rng.choice(BODIES) + " Hà Tĩnh"
    old_units = addr_how.startswith("old")
    name = name_override if name_override is not None else (name_variant(p, name_how) if p else "")
    address = address_variant(p, addr_how, thon) if p else ""
    content = content_override or letter_text(
        matter,
        wording=wording,
        old_units=old_units,
        body=body,
        writer=name,
        address=address,
        rewrite=rewrite,
        drop=drop,
    )
    return {
        "id": f"L{counter:05d}",
        "name": name,
        "id_number": id_variant(p, id_how) if p else "",
        "phone": phone_variant(p, phone_how) if p else "",
        "address": address,
        "target": target_of(matter, old_units) if rng.random() < 0.85 else "",
        "content": content,
        "kind": matter["kind"],
        "received": received.isoformat(),
        "body": body,
    }


def day(base: datetime.date | None = None, months: int = 0) -> datetime.date:
    base = base or datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 600))
    return base + datetime.timedelta(days=30 * months + rng.randint(0, 25))


def template_for(split: str) -> int:
    pool = [i for i in range(len(TEMPLATES)) if (i in DEV_TEMPLATES) == (split == "dev")]
    return rng.choice(pool)


def other_template(split: str, not_this: int) -> int:
    while True:
        t = template_for(split)
        if t != not_this:
            return t


NAME_HOWS = ["plain", "nodiac", "caps", "capsnodiac", "initials", "typo", "title"]
PHONE_HOWS = ["plain", "spaced", "plus", "dashed", "dots", "old11", "empty"]


def pair_same_letter(split: str, variant: str) -> tuple[dict, dict, bool, bool]:
    p = new_person()
    m = new_matter(template_for(split), p["place"], p["thon"])
    d0 = day()
    a = letter(
        p,
        m,
        received=d0,
        addr_how=rng.choice(["old", "new", "old_short"]),
        id_how=rng.choice(["cccd", "cmnd", "empty"]),
    )
    kw: dict = dict(received=day(d0), wording=rng.choice([0, 1]), drop=rng.random() < 0.3)
    # Every variant keeps at least one other signal agreeing, as the issue asks ("when another
    # signal agrees"), but not always the same one.
    if variant == "name":
        kw.update(
            name_how=rng.choice(NAME_HOWS[1:]),
            phone_how=rng.choice(["plain", "spaced", "empty"]),
            id_how=rng.choice(["empty", "cccd"]),
            addr_how=rng.choice(["new", "old"]),
        )
    elif variant == "phone":
        kw.update(
            name_how=rng.choice(NAME_HOWS),
            phone_how=rng.choice(PHONE_HOWS[1:6]),
            id_how="empty",
            addr_how=rng.choice(["new", "empty", "old"]),
        )
    elif variant == "id":
        a["id_number"] = p["cmnd"]
        kw.update(
            id_how="cccd",
            name_how=rng.choice(["plain", "nodiac", "caps"]),
            phone_how=rng.choice(["empty", "plain"]),
            addr_how=rng.choice(["new", "old"]),
        )
    elif variant == "address":
        a["address"] = address_variant(p, "old", rng.random() < 0.7)
        kw.update(
            addr_how=rng.choice(["new", "new_short"]),
            thon=rng.random() < 0.5,
            id_how="empty",
            phone_how=rng.choice(["empty", "plain"]),
            name_how=rng.choice(NAME_HOWS),
        )
    elif variant == "rewrite":
        kw.update(
            received=day(d0, months=rng.randint(3, 10)),
            rewrite=rng.randint(1, 3),
            name_how=rng.choice(NAME_HOWS),
            phone_how=rng.choice(PHONE_HOWS),
            id_how=rng.choice(["cccd", "empty"]),
            addr_how=rng.choice(["new", "old", "new_short"]),
        )
    b = letter(p, m, **kw)
    return a, b, True, True


def pair_cover(split: str) -> tuple[dict, dict, bool, bool]:
    p = new_person()
    m = new_matter(template_for(split), p["place"], p["thon"])
    d0 = day()
    a = letter(p, m, received=d0, addr_how=rng.choice(["old", "new"]), id_how=rng.choice(["cccd", "empty"]))
    agency = rng.choice(AGENCIES)
    writer = name_variant(p, rng.choice(["title", "title", "initials"]))
    if not writer.startswith(("Ông", "Bà")):
        writer = ("bà " if p["female"] else "ông ") + writer
    addr = address_variant(p, rng.choice(["new", "old"]), rng.random() < 0.6)
    b = letter(
        None,
        m,
        received=day(d0, months=1),
        name_override=agency + " Hà Tĩnh" if rng.random() < 0.5 else "",
        content_override=cover_text(m, writer, addr, agency),
    )
    return a, b, True, True


def pair_group(split: str) -> tuple[dict, dict, bool, bool]:
    place = rng.choice(UNITS)
    lead1, lead2 = new_person(place=place), new_person(place=place)
    lead2["thon"] = lead1["thon"]
    m = new_matter(template_for(split), place, lead1["thon"])
    hh = rng.randint(8, 40)
    d0 = day()
    a = letter(lead1, m, received=d0)
    b = letter(
        lead2, m, received=day(d0, months=rng.randint(0, 4)), wording=1, addr_how=rng.choice(["old", "new"])
    )
    for x, lead in ((a, lead1), (b, lead2)):
        x["content"] = (
            f"Chúng tôi gồm {hh} hộ dân {lead['thon'].lower()}, đại diện là {full_name(lead)}. "
            + x["content"]
        )
    return a, b, False, True


def pair_same_person_new_matter(split: str) -> tuple[dict, dict, bool, bool]:
    p = new_person()
    m1 = new_matter(template_for(split), p["place"], p["thon"])
    m2 = new_matter(other_template(split, m1["template"]), p["place"], p["thon"])
    d0 = day()
    a = letter(p, m1, received=d0, id_how=rng.choice(["cccd", "empty"]))
    b = letter(
        p,
        m2,
        received=day(d0, months=rng.randint(0, 8)),
        name_how=rng.choice(NAME_HOWS),
        phone_how=rng.choice(PHONE_HOWS[:5]),
        id_how=rng.choice(["cccd", "empty"]),
        addr_how=rng.choice(["new", "old"]),
    )
    return a, b, True, False


COMMON = [
    ("Nguyễn", "Văn", "Hùng"),
    ("Nguyễn", "Thị", "Hương"),
    ("Nguyễn", "Văn", "Dũng"),
    ("Trần", "Văn", "Hải"),
    ("Nguyễn", "Thị", "Lan"),
    ("Lê", "Văn", "Sơn"),
    ("Nguyễn", "Văn", "Nam"),
    ("Phạm", "Thị", "Hoa"),
]


def pair_common_name(split: str, same_commune: bool, same_kind: bool) -> tuple[dict, dict, bool, bool]:
    common = rng.choice(COMMON)
    p1 = new_person(common)
    p2 = new_person(common, place=p1["place"] if same_commune else None)
    m1 = new_matter(template_for(split), p1["place"], p1["thon"])
    t2 = m1["template"] if same_kind else other_template(split, m1["template"])
    m2 = new_matter(t2, p2["place"], p2["thon"])
    a = letter(
        p1,
        m1,
        received=day(),
        id_how=rng.choice(["cccd", "empty", "cmnd"]),
        phone_how=rng.choice(["plain", "empty"]),
    )
    b = letter(
        p2,
        m2,
        received=day(),
        name_how=rng.choice(["plain", "nodiac", "caps", "initials"]),
        id_how=rng.choice(["cccd", "empty"]),
        phone_how=rng.choice(["plain", "empty"]),
        addr_how=rng.choice(["new", "old", "empty"]),
    )
    return a, b, False, False


def pair_same_official(split: str) -> tuple[dict, dict, bool, bool]:
    """Different people, different matters, against the same official."""
    place = rng.choice(UNITS)
    p1, p2 = new_person(place=place), new_person(place=place)
    official_templates = [
        i
        for i, t in enumerate(TEMPLATES)
        if "{o}" in t["target"] and (i in DEV_TEMPLATES) == (split == "dev")
    ]
    t1 = rng.choice(official_templates)
    m1 = new_matter(t1, place, p1["thon"])
    m2 = new_matter(other_template(split, t1), place, p2["thon"])
    m2["slots"]["o"] = m1["slots"]["o"]
    a = letter(p1, m1, received=day())
    b = letter(p2, m2, received=day())
    b["target"] = a["target"] if a["target"] else target_of(m1, False)
    b["content"] = b["content"] + f" Người có trách nhiệm là {b['target']}."
    return a, b, False, False


def pair_same_kind_other_site(split: str) -> tuple[dict, dict, bool, bool]:
    """The same kind of problem in another commune, by other people."""
    p1, p2 = new_person(), new_person()
    t = template_for(split)
    a = letter(p1, new_matter(t, p1["place"], p1["thon"]), received=day())
    b = letter(p2, new_matter(t, p2["place"], p2["thon"]), received=day(), wording=rng.choice([0, 1]))
    return a, b, False, False


def pair_household(split: str) -> tuple[dict, dict, bool, bool]:
    """Husband and wife: one phone and address, different matters and names."""
    p1 = new_person()
    p2 = new_person(place=p1["place"])
    p2["sur"], p2["phone"], p2["thon"] = (
        p1["sur"] if rng.random() < 0.3 else p2["sur"],
        p1["phone"],
        p1["thon"],
    )
    m1 = new_matter(template_for(split), p1["place"], p1["thon"])
    m2 = new_matter(other_template(split, m1["template"]), p1["place"], p1["thon"])
    a = letter(p1, m1, received=day(), id_how=rng.choice(["cccd", "empty"]))
    b = letter(p2, m2, received=day(), id_how=rng.choice(["cccd", "empty"]), phone_how="spaced")
    return a, b, False, False


PLAN = [
    ("same_letter_name", lambda s: pair_same_letter(s, "name"), 36),
    ("same_letter_phone", lambda s: pair_same_letter(s, "phone"), 30),
    ("same_letter_cmnd_cccd", lambda s: pair_same_letter(s, "id"), 26),
    ("same_letter_old_new_unit", lambda s: pair_same_letter(s, "address"), 30),
    ("same_letter_rewritten", lambda s: pair_same_letter(s, "rewrite"), 34),
    ("cover_letter", pair_cover, 24),
    ("group_other_lead", pair_group, 20),
    ("same_person_other_matter", pair_same_person_new_matter, 44),
    ("common_name_only", lambda s: pair_common_name(s, False, False), 30),
    ("common_name_same_commune", lambda s: pair_common_name(s, True, False), 20),
    ("common_name_same_kind", lambda s: pair_common_name(s, False, True), 16),
    ("same_official_other_matter", pair_same_official, 30),
    ("same_kind_other_site", pair_same_kind_other_site, 24),
    ("household_shared_phone", pair_household, 12),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = defaultdict(int)
    for split in ("dev", "test"):
        lines = []
        for kind, make, n in PLAN:
            for _ in range(n // 2):
                a, b, person, content = make(split)
                if rng.random() < 0.5:
                    a, b = b, a
                lines.append(
                    {
                        "pair": f"{split}-{len(lines) + 1:03d}",
                        "type": kind,
                        "split": split,
                        "a": a,
                        "b": b,
                        "same_person": person,
                        "same_content": content,
                    }
                )
                counts[split] += 1
        rng.shuffle(lines)
        with (OUT / f"dup_pairs_{split}.jsonl").open("w", encoding="utf-8") as f:
            for line in lines:
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(dict(counts))


if __name__ == "__main__":
    main()
