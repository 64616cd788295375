"""Builds real_own3.jsonl: a third set of real voter petitions, from the NORTH and NORTH-CENTRAL
provinces (Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị, Ninh Bình, Hải Dương, Hưng Yên,
Phú Thọ, Vĩnh Phúc, Bắc Giang, Thái Nguyên, Sơn La, Điện Biên, Tuyên Quang, Hà Nam,
Hà Nội, Quảng Ninh) and ministries' replies to voters of those provinces.

Every row comes from a public page read through the stored-pages search (provincial People's
Council and People's Committee sites, the delegation site dbndnghean.vn, ministries' replies
relayed by the press, press reports of voter meetings). The petition was rewritten in our own
words in 1-3 sentences, keeping place names, road and project names, numbers and what is asked;
private persons' names were dropped. No page already used in real_own.jsonl, real_own2.jsonl or
the development set was used. A few rows are residents' demands reported by the press or a TV
mailbox rather than a formal voter meeting (cluster c3-010, rows r3-020 and r3-062).

Labels were written BEFORE any engine was run on the rows, following the rules of
/work/shared/evalsets/README.md: field = one of the 14 codes; level = the level that answered
or was assigned in the answer ("huyen" when the province handed the matter to the district);
where a page gives no answer, the level is the judgement of the level competent for the asked
measure (national roads, national policy -> trung_uong; provincial roads, power grid, telecom
-> tinh; small local works -> huyen/xa). Cluster = the same specific problem (same road, project,
site or decision) or the same national policy demand raised by different voters; clusters are
local to this file. Members of one cluster were written independently, in different words.

    python tests/data/petitions/build_own3.py
"""

from rows_file import write_rows

NA24 = "https://nghean24h.vn/"
BNA = "https://baonghean.vn/"
DBNA = "https://dbndnghean.vn/"
BTH = "https://baothanhhoa.vn/"
BNB = "https://baoninhbinh.org.vn/"
BPT = "https://baophutho.vn/"
TQ = "https://hdndtuyenquang.gov.vn/dai-bieu-voi-cu-tri/tra-loi-y-kien/dia-phuong/"

CUALO = BNA + "fr/cu-tri-cua-lo-de-nghi-xem-xet-lai-chinh-sach-tang-hoc-phi-de-khoan-thu-suc-dan-sau-2-nam-covid-19-10245307.html"
THAIHOA = "https://amp.baonghean.vn/dbqh-tinh-tiep-xuc-cu-tri-tai-thi-xa-thai-hoa-post44314.html"
HONGLINH = "https://baohatinh.vn/chinh-tri/cu-tri-kien-nghi-tang-phu-cap-hang-thang-cho-can-bo-ban-chuyen-trach-cap-xa/233563.htm"
NAMDAN = "https://amp.baonghean.vn/dai-bieu-quoc-hoi-doan-nghe-an-tiep-xuc-cu-tri-huyen-nam-dan-post269133.html"
THANHCHUONG = "https://baotintuc.vn/thoi-su/chu-tich-uy-ban-trung-uong-mat-tran-to-quoc-viet-nam-tiep-xuc-cu-tri-tai-nghe-an-20240510200217287.htm"
QUANGTRI = "https://quangtritv.vn/bai-viet/28590-28590"
NAMDINH25 = BNB + "cac-to-dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-truoc-ky-hop-cuoi-nam-2025-251105152302302.html"
TAMDIEP = BNB + "nhieu-kien-nghi-cua-cu-tri-gui-den-ky-hop-thu-nam-hdnd-tinh/d20170705022223942.htm"
NB2018 = BNB + "tong-hop-y-kien-kien-nghi-cua-cu-tri-tinh-ninh-binh-truoc-ky/d2018101808362359.htm"
KIMTAN = BTH + "cac-dbqh-tiep-xuc-cu-tri-2-xa-kim-tan-tay-do-262849.htm"
NHUTHANH = "https://vietnamnet.vn/bo-truong-dao-ngoc-dung-lang-nghe-y-kien-cua-cu-tri-truoc-ky-hop-quoc-hoi-2446025.html"
PHUTHO = BPT + "dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-tai-phuong-phu-tho-243309.htm"
CAOPHONG = BPT + "dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-khu-vuc-cao-phong-243424.htm"
HAIDUONG = "https://baohaiduong.vn/cu-tri-binh-giang-de-nghi-noi-dat-tru-so-co-quan-hanh-chinh-cap-xa-sau-sap-nhap-phai-hop-ly-358215.html"
XUANPHO = "https://baohatinh.vn/phap-luat-doi-song/cong-an-nghi-xuan-giup-nguoi-dan-thao-go-nhung-nut-that-ve-luat-phap/195057.htm"
SONGMA = "https://daibieunhandan.vn/Chuyen-dong/son-la-nhieu-kien-nghi-cac-cong-trinh-dan-sinh-i297304/"
MUONGCHA = "https://daibieunhandan.dienbien.gov.vn:443/Article/2323/Dai-bieu-HDND-tinh-tiep-xuc-cu-tri-tai-cac-xa-Huoi-Leng-Sa-Long-huyen-Muong-Cha.html"
HANOI18 = "https://hanoimoi.vn/tang-cuong-giam-sat-de-kien-nghi-cua-cu-tri-duoc-giai-quyet-dat-chat-luong-497097.html"
DONGDA = "https://laodongthudo.vn/dai-bieu-quoc-hoi-thanh-pho-ha-noi-tiep-xuc-cu-tri-quan-dong-da-119770.html"

ROWS = [
    # id, text, area, field, level, cluster, source
    # --- c3-001: Tỉnh lộ 542E (Nghi Lộc - Hưng Nguyên)
    ("r3-001", "Tỉnh lộ 542E qua xã Hưng Trung bị xe chở vật liệu thi công cao tốc Bắc - Nam đoạn Diễn Châu - Bãi Vọt cày nát, xuống cấp; cử tri đề nghị buộc chủ đầu tư, nhà thầu sửa chữa, hoàn trả tuyến đường.", "xã Hưng Trung, huyện Hưng Nguyên, Nghệ An", "giao_thong_xay_dung", "tinh", "c3-001", NA24 + "tinh-lo-thanh-tinh-loi-sau-khi-nha-thau-muon-duong-cho-vat-lieu-xay-cao-toc-a736583.html"),
    ("r3-002", "Đường tỉnh ĐT.542E dài 22,7 km từ thị trấn Quán Hành đến thị trấn Hưng Nguyên bong tróc, đầy ổ gà, mùa nắng bụi, mùa mưa lầy lội, thường gây tai nạn; xã Hưng Trung đã nhiều lần kiến nghị sửa chữa tuyến đường.", "xã Hưng Trung, huyện Hưng Nguyên, Nghệ An", "giao_thong_xay_dung", "tinh", "c3-001", NA24 + "nghe-an-tuyen-duong-tinh-542e-xuong-cap-nghiem-trong-a747134.html"),
    # --- c3-002: công trình còn thiếu ở khu tái định cư thủy điện Bản Vẽ (Thanh Chương)
    ("r3-003", "Cử tri hai xã Ngọc Lâm và Thanh Sơn (khu tái định cư thủy điện Bản Vẽ) cho biết bốn năm trước Chính phủ đã có chủ trương xây đài tưởng niệm liệt sĩ, chợ dân sinh và sân vận động cho hai xã nhưng đến nay vẫn chưa triển khai; đề nghị sớm thực hiện.", "xã Ngọc Lâm, xã Thanh Sơn, huyện Thanh Chương, Nghệ An", "dat_dai", "trung_uong", "c3-002", THANHCHUONG),
    ("r3-004", "Hơn 2.100 hộ tái định cư thủy điện Bản Vẽ lập nên hai xã Thanh Sơn và Ngọc Lâm từ năm 2009 mà đến nay vẫn chưa có chợ, nhà văn hóa; phía thủy điện hứa hỗ trợ xây đài tưởng niệm liệt sĩ, sân vận động nhưng chưa làm, năm nào xã cũng đề nghị giải quyết.", "xã Ngọc Lâm, xã Thanh Sơn, huyện Thanh Chương, Nghệ An", "dat_dai", "trung_uong", "c3-002", "https://nld.com.vn/nhuong-dat-cho-thuy-dien-nguoi-dan-chua-the-an-cu-196241212204512089.htm"),
    # --- c3-003: bồi thường, di dời do hồ thủy điện Chi Khê (Con Cuông)
    ("r3-005", "Cử tri các xã Lạng Khê, Châu Khê, Cam Lâm phản ánh việc hỗ trợ di dời cho người dân bị ảnh hưởng khi xây dựng thủy điện Chi Khê còn chậm trễ; đề nghị các ngành sớm giải quyết dứt điểm.", "xã Lạng Khê, Châu Khê, Cam Lâm, huyện Con Cuông, Nghệ An", "dat_dai", "tinh", "c3-003", BNA + "en/cu-tri-huyen-con-cuong-phan-anh-nhung-cham-tre-trong-ho-tro-di-doi-xay-dung-thuy-dien-chi-khe-10239381.html"),
    ("r3-006", "Từ khi hồ thủy điện Chi Khê tích nước lên cao trình 38 m, nhiều nhà ở bản Liên Hồng bị nước bao vây, có hộ phải tự bỏ tiền di dời nhà mà chưa được bồi thường; người dân đã đi đề nghị nhiều lần, mong được bồi thường, hỗ trợ di dời.", "bản Liên Hồng, xã Cam Lâm, huyện Con Cuông, Nghệ An", "dat_dai", "tinh", "c3-003", "https://dantocphattrien.vietnamnet.vn/hang-tram-ho-dan-o-con-cuong-bi-anh-huong-vi-thuy-dien-bao-gio-duoc-boi-thuong-1673367587108.htm"),
    # --- c3-004: mức học phí năm học 2022-2023 ở Cửa Lò
    ("r3-007", "Học phí ở phường năm học 2022-2023 tăng từ 90.000 lên 300.000 đồng/học sinh/tháng, quá cao và chênh lệch lớn với các xã; cử tri đề nghị tăng học phí theo lộ trình và cân đối giữa phường với xã.", "phường Nghi Hòa, thị xã Cửa Lò, Nghệ An", "giao_duc", "tinh", "c3-004", CUALO),
    ("r3-008", "Theo quy định mới của tỉnh, học phí năm nay cao hơn các năm trước và còn dự kiến tăng tiếp; sau hai năm Covid-19 thu nhập người dân giảm, cử tri đề nghị cân nhắc lại việc tăng và xem xét miễn, giảm học phí cho một số học sinh.", "phường Nghi Tân, thị xã Cửa Lò, Nghệ An", "giao_duc", "tinh", "c3-004", CUALO),
    # --- c3-005: phụ cấp người hoạt động không chuyên trách ở xã, thôn (chính sách chung)
    ("r3-009", "Cử tri xã Tây Hiếu đề nghị Nhà nước tăng lương, phụ cấp cho cán bộ cơ sở ở xã, thôn, bản và cán bộ bán chuyên trách.", "xã Tây Hiếu, thị xã Thái Hòa, Nghệ An", "to_chuc_can_bo", "trung_uong", "c3-005", THAIHOA),
    ("r3-010", "Cử tri các phường Đậu Liêu, Nam Hồng và xã Thuận Lộc đề nghị đại biểu phản ánh để cấp trên nâng mức phụ cấp hằng tháng cho cán bộ bán chuyên trách cấp xã.", "thị xã Hồng Lĩnh, Hà Tĩnh", "to_chuc_can_bo", "trung_uong", "c3-005", HONGLINH),
    ("r3-011", "Cử tri các phường đề nghị UBND tỉnh và cấp có thẩm quyền tăng phụ cấp cho chi hội trưởng các đoàn thể và bí thư chi đoàn ở tổ dân phố để động viên họ làm nhiệm vụ.", "các phường Nam Định, Thiên Trường, Trường Thi, Ninh Bình", "to_chuc_can_bo", "tinh", "c3-005", NAMDINH25),
    ("r3-012", "Người dân xã Xuân Phổ cho rằng chế độ phụ cấp của công an viên ở thôn, xóm còn thấp, đề nghị xem xét nâng lên.", "xã Xuân Phổ, huyện Nghi Xuân, Hà Tĩnh", "to_chuc_can_bo", "tinh", "c3-005", XUANPHO),
    # --- c3-006: giá vật tư nông nghiệp (chính sách chung)
    ("r3-013", "Cử tri Hồng Lĩnh đề nghị Nhà nước có chính sách hỗ trợ về giá vật tư nông nghiệp cho nông dân.", "thị xã Hồng Lĩnh, Hà Tĩnh", "tai_chinh_ngan_sach", "trung_uong", "c3-006", HONGLINH),
    ("r3-014", "Cử tri ba xã Nam Xuân, Nam Anh, Xuân Hòa đề nghị Nhà nước quản lý chặt giá vật tư nông nghiệp và giá nông sản bán ra, có cơ chế hỗ trợ nông dân vì nhiều nơi đã bỏ ruộng hoang vụ đông và vụ hè thu.", "xã Nam Xuân, Nam Anh, Xuân Hòa, huyện Nam Đàn, Nghệ An", "tai_chinh_ngan_sach", "trung_uong", "c3-006", NAMDAN),
    # --- c3-007: kinh phí hoạt động của công an xã
    ("r3-015", "Cử tri xã Cam Thành đề nghị Quốc hội sớm thông qua Luật bảo đảm an ninh trật tự ở cơ sở và bố trí kinh phí hoạt động cho lực lượng công an xã.", "xã Cam Thành, huyện Cam Lộ, Quảng Trị", "an_ninh_trat_tu", "trung_uong", "c3-007", QUANGTRI),
    ("r3-016", "Kinh phí chi khác của công an xã chính quy hiện do UBND xã hỗ trợ, trong khi ngân sách xã tính theo biên chế nên rất khó khăn; cử tri đề nghị cấp kinh phí chi thường xuyên cho lực lượng này.", "xã Bình Yên, huyện Sơn Dương, Tuyên Quang", "an_ninh_trat_tu", "tinh", "c3-007", TQ + "son-duong/xem-chi-tiet-3275.html"),
    # --- c3-008: bồi thường sự cố môi trường biển do Formosa
    ("r3-017", "Ngư dân xã Cảnh Dương cho rằng việc áp giá bồi thường sự cố môi trường biển còn bất cập, mức cho tàu 90 đến dưới 250 CV chênh nhiều so với tàu 50 đến dưới 90 CV; đề nghị tàu 90 đến dưới 400 CV được hưởng mức đền bù chứ không chỉ hỗ trợ.", "xã Cảnh Dương, huyện Quảng Trạch, Quảng Bình", "moi_truong", "trung_uong", "c3-008", NA24 + "pho-thu-tuong-se-khoi-to-formosa-neu-tai-pham-a442827.html"),
    ("r3-018", "Cử tri Quảng Bình cho rằng sự cố môi trường biển do Formosa gây ra đã kéo lùi kinh tế của tỉnh; đề nghị Chính phủ nhanh chóng tháo gỡ khó khăn cho người dân bị ảnh hưởng, trong đó có chính sách hỗ trợ ngư dân mà đến nay dân chưa được hưởng.", "Quảng Bình", "moi_truong", "trung_uong", "c3-008", "http://saigonnews.vn/doi-song/156316-can-xem-lai-su-ton-tai-cua-du-an-formosa.html"),
    # --- c3-009: ô nhiễm sông Nhuệ
    ("r3-019", "Hàng trăm nguồn thải sinh hoạt, làng nghề, cơ sở sản xuất vẫn xả thẳng xuống lưu vực sông Nhuệ - Đáy chưa qua xử lý; cử tri đề nghị Quốc hội giám sát đến cùng việc thực thi Luật Bảo vệ môi trường về xử lý nước thải ở lưu vực này.", "phường Mộ Lao, quận Hà Đông, Hà Nội", "moi_truong", "trung_uong", "c3-009", "https://www.qdnd.vn/bau-cu-dai-bieu-quoc-hoi-khoa-xv-va-dai-bieu-hdnd-cac-cap/y-kien-cu-tri/giam-sat-den-cung-viec-thuc-thi-luat-bao-ve-moi-truong-660712"),
    ("r3-020", "Nước thải khu dân cư, nhà máy, làng nghề đổ thẳng vào sông Nhuệ, rác ngập bờ, cá tôm không sống được; người dân xã Hữu Hòa mong được khơi thông dòng chảy và xử lý cho nước sông sạch trở lại.", "xã Hữu Hòa, huyện Thanh Trì, Hà Nội", "moi_truong", "tinh", "c3-009", "https://xemdabongnet.net/song-nhue-chiu-van-nan-kep-o-nhiem-va-bi-lan-chiem-233537.htm"),
    # --- c3-010: di dời hộ dân vùng ảnh hưởng bãi rác Nam Sơn (Sóc Sơn)
    ("r3-021", "Người dân hai xã Hồng Kỳ, Nam Sơn chặn xe rác vì bãi rác bốc mùi, ruồi nhặng; họ đề nghị sớm bồi thường giải phóng mặt bằng và di dời các hộ trong vùng ảnh hưởng môi trường của bãi rác Nam Sơn.", "xã Hồng Kỳ, xã Nam Sơn, huyện Sóc Sơn, Hà Nội", "dat_dai", "tinh", "c3-010", "https://thanhnien.vn/thoi-su/ha-noi-ngap-rac-sinh-hoat-o-noi-do-1252530.html"),
    ("r3-022", "Người dân ba xã Nam Sơn, Hồng Kỳ, Bắc Sơn dựng lều chặn xe vào Khu xử lý chất thải Sóc Sơn, yêu cầu đẩy nhanh di dời, tái định cư cho các hộ sống trong bán kính 500 m quanh bãi rác.", "xã Nam Sơn, Hồng Kỳ, Bắc Sơn, huyện Sóc Sơn, Hà Nội", "dat_dai", "tinh", "c3-010", "https://kienthuc.net.vn/xa-hoi/vi-sao-nguoi-dan-dung-leu-bat-chan-xe-cho-rac-tai-ha-noi-1172129.html"),
    ("r3-023", "Sau khi thành phố thông báo giá đền bù mới cho vùng di dân bán kính 500 m quanh bãi rác Nam Sơn, người dân thôn Xuân Thịnh mong sớm được nhận tiền hỗ trợ để chuyển đến nơi ở mới.", "thôn Xuân Thịnh, xã Nam Sơn, huyện Sóc Sơn, Hà Nội", "dat_dai", "tinh", "c3-010", "https://m.khoahocdoisong.vn/nguoi-dan-dung-chan-xe-vao-bai-rac-lon-nhat-ha-noi-post88414.html"),
    # --- c3-011: chế độ đãi ngộ cho giáo viên mầm non (chính sách chung)
    ("r3-024", "Lương và chế độ đãi ngộ của giáo viên, cô nuôi mầm non thấp nên không thu hút được người có chuyên môn và lao động trẻ; cử tri đề nghị tăng phụ cấp ngành cho giáo viên mầm non.", "xã Nguyên Giáp, huyện Tứ Kỳ, Hải Dương", "giao_duc", "trung_uong", "c3-011", HAIDUONG),
    ("r3-025", "Trẻ mầm non hầu hết ăn, ngủ bán trú nên cán bộ, giáo viên phải ở lại trực trưa nhưng không được hưởng chế độ làm thêm giờ; cử tri đề nghị Nhà nước có chính sách hỗ trợ tiền ăn trưa cho họ.", "Ninh Bình", "giao_duc", "trung_uong", "c3-011", NB2018),

    # --- single petitions: Thanh Hóa
    ("r3-026", "Cử tri đề nghị đầu tư làm tỉnh lộ 521C dài 11 km từ thôn La Hán, xã Ban Công (Bá Thước) đi xã Phú Nghiêm (Quan Hóa), tuyến đường chiến lược từ thời chống Pháp nối vùng Bá Thước, Quan Hóa, Mường Lát; Bộ Giao thông vận tải trả lời đây là đường do tỉnh quản lý, đầu tư.", "xã Ban Công, huyện Bá Thước - xã Phú Nghiêm, huyện Quan Hóa, Thanh Hóa", "giao_thong_xay_dung", "tinh", "c3-013", "http://mt.gov.vn/cntt/tin-tuc/859/78910/cu-tri-thanh-hoa-de-nghi-dau-tu-lam-duong-giao-thong-tinh-lo-521c.aspx"),
    ("r3-027", "Thi công dự án tuyến đường từ khu công nghiệp Bỉm Sơn nối đường bộ ven biển đoạn Nga Sơn - Hoằng Hóa làm hư hỏng một số tuyến đường trên địa bàn; cử tri đề nghị hoàn trả lại các tuyến đường này.", "phường Bỉm Sơn, Thanh Hóa", "giao_thong_xay_dung", "tinh", "c3-014", BTH + "ket-qua-giai-quyet-y-kien-kien-nghi-cua-cu-tri-gui-den-ky-hop-thu-31-hdnd-tinh-khoa-xviii-271109.htm"),
    ("r3-028", "Vận hành chính quyền cấp xã theo mô hình mới còn vướng do hệ thống phần mềm; cử tri đề nghị sớm nâng cấp Cổng dịch vụ công quốc gia và hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.", "xã Kim Tân, Thanh Hóa", "tu_phap_hanh_chinh", "trung_uong", "c3-015", KIMTAN),
    ("r3-029", "Cử tri đề nghị Chính phủ sớm ban hành nghị định quy định cụ thể thẩm quyền của cấp xã trong điều động, luân chuyển giáo viên các trường do xã quản lý.", "xã Kim Tân, Thanh Hóa", "giao_duc", "trung_uong", "c3-016", KIMTAN),
    ("r3-030", "Cử tri xã Sơn Thủy mong sớm được chia tách, cấp giấy chứng nhận quyền sử dụng đất lâm nghiệp cho từng hộ gia đình để gắn trách nhiệm quản lý, bảo vệ, phòng cháy chữa cháy và phát triển rừng.", "xã Sơn Thủy, Thanh Hóa", "dat_dai", "xa", "c3-017", BTH + "cu-tri-xa-son-thuy-phan-anh-nhieu-van-de-dan-sinh-268374.htm"),
    ("r3-031", "Sau ba tháng chính quyền hai cấp, xã Như Thanh nhận gần hết việc của cấp xã và phần lớn việc của cấp huyện nhưng còn thiếu 14 biên chế, cán bộ phải kiêm nhiệm nhiều việc; cử tri đề nghị bổ sung hoặc cho tuyển thêm công chức.", "xã Như Thanh, Thanh Hóa", "to_chuc_can_bo", "tinh", "c3-018", NHUTHANH),
    ("r3-032", "Việc xác định nguồn gốc, thời điểm sử dụng đất ở xã gặp nhiều khó khăn vì chưa có hướng dẫn và phân cấp rõ cho UBND xã; cử tri đề nghị sớm ban hành hướng dẫn chi tiết.", "xã Như Thanh, Thanh Hóa", "dat_dai", "trung_uong", "c3-019", NHUTHANH),
    # --- Ninh Bình
    ("r3-033", "Đền Trần và chùa Phổ Minh là di tích quốc gia đặc biệt; cử tri đề nghị giao cấp tỉnh trực tiếp quản lý để bảo đảm công tác quản lý và đầu tư cho xứng tầm.", "phường Nam Định, Ninh Bình", "van_hoa_the_thao", "tinh", "c3-020", NAMDINH25),
    ("r3-034", "Cử tri đề nghị tỉnh sớm có hướng dẫn cụ thể thực hiện Quyết định 727/QĐ-BNV ngày 09/7/2025 của Bộ Nội vụ về tiêu chuẩn, điều kiện bổ nhiệm công chức, viên chức lãnh đạo, quản lý.", "các phường Nam Định, Thiên Trường, Trường Thi, Ninh Bình", "to_chuc_can_bo", "tinh", "c3-021", NAMDINH25),
    ("r3-035", "Xe chở nguyên vật liệu khai thác chạy quá tải, phóng nhanh, vượt ẩu gây mất trật tự an toàn giao thông trong thành phố; cử tri Tam Điệp đề nghị tỉnh chỉ đạo kiểm tra, xử lý nghiêm.", "thành phố Tam Điệp, Ninh Bình", "an_ninh_trat_tu", "tinh", "c3-022", TAMDIEP),
    # --- Quảng Trị
    ("r3-036", "Cử tri xã Hải Lệ đề nghị đẩy nhanh xây kè chống xói lở sông Thạch Hãn và hỗ trợ kinh phí hợp lý để các hộ sớm di dời lên khu tái định cư.", "xã Hải Lệ, thị xã Quảng Trị, Quảng Trị", "nong_nghiep_thuy_loi", "tinh", "c3-023", QUANGTRI),
    ("r3-037", "Quốc lộ 9 quá tải phương tiện; cử tri xã Cam Thành đề nghị đẩy nhanh đầu tư dự án cao tốc Cam Lộ - Lao Bảo.", "xã Cam Thành, huyện Cam Lộ, Quảng Trị", "giao_thong_xay_dung", "trung_uong", "c3-024", QUANGTRI),
    ("r3-038", "Cử tri đề nghị tiếp tục thực hiện dự án thủy lợi Ba Hồ - Bản Chùa để phục vụ sản xuất cho người dân trong vùng.", "xã Cam Thành, huyện Cam Lộ, Quảng Trị", "nong_nghiep_thuy_loi", "tinh", "c3-025", QUANGTRI),
    ("r3-039", "Cử tri xã Cam Hiếu phản ánh việc thi công cao tốc Cam Lộ - La Sơn qua địa bàn làm nứt nhà, hễ mưa là gây ngập úng, ảnh hưởng đời sống; đề nghị khắc phục.", "xã Cam Hiếu, huyện Cam Lộ, Quảng Trị", "giao_thong_xay_dung", "trung_uong", "c3-026", "https://vietbao.vn/cu-tri-bat-binh-viec-thi-cong-cao-toc-gay-nut-nha-ngap-ung-293664.html"),
    # --- Phú Thọ (gồm Hòa Bình cũ)
    ("r3-040", "Cử tri đề nghị có phương án nạo vét tuyến ngòi tiêu trên địa bàn xã Liên Minh để bảo đảm dòng chảy, hạn chế ngập úng.", "xã Liên Minh, Phú Thọ", "nong_nghiep_thuy_loi", "xa", "c3-027", PHUTHO),
    ("r3-041", "Cử tri đề nghị nâng cấp hệ thống lưới điện tại khu Hà Xá.", "khu Hà Xá, xã Liên Minh, Phú Thọ", "dien_nuoc_vien_thong", "tinh", "c3-028", PHUTHO),
    ("r3-042", "Hạ tầng khu tái định cư Khu công nghiệp Phú Hà còn thiếu, tiền bồi thường diện tích đất lúa bị xô sạt chưa được chi trả; cử tri đề nghị giải quyết.", "phường Phong Châu, Phú Thọ", "dat_dai", "tinh", "c3-029", PHUTHO),
    ("r3-043", "Cử tri đề nghị mở rộng khoảng hơn 100 m đường Lạc Hồng (Quốc lộ 32C) từ cổng Trung tâm Lễ hội Đền Hùng đến đường rẽ vào UBND xã Hy Cương và mở rộng vỉa hè về phía nút giao IC8; tỉnh giao Sở Giao thông vận tải đề xuất Bộ Giao thông vận tải cho phép thực hiện.", "xã Hy Cương, thành phố Việt Trì, Phú Thọ", "giao_thong_xay_dung", "trung_uong", "c3-030", "https://phutho.gov.vn/vi/bao-cao-ket-qua-giai-quyet-y-kien-kien-nghi-cua-cu-tri-tai-cac-cuoc-tiep-xuc-cu-tri-truoc-va-sau-ky"),
    ("r3-044", "Cử tri đề nghị chuyển việc cung cấp, quản lý điện từ hợp tác xã điện năng xã Thu Phong cũ sang cho ngành Điện.", "xã Cao Phong, Phú Thọ", "dien_nuoc_vien_thong", "tinh", "c3-031", CAOPHONG),
    # --- Nghệ An (ngoài các cụm trên)
    ("r3-045", "Cử tri đề nghị cải tạo, nâng cấp, mở rộng Quốc lộ 48D từ cảng Đông Hồi đến huyện Quế Phong; Bộ Giao thông vận tải trả lời chưa bố trí được vốn giai đoạn 2021-2025, sẽ xem xét trong kế hoạch 2026-2030, riêng đoạn Châu Thôn - Tân Xuân qua xã Cắm Muộn (có cầu Phả Pạt) do huyện Quế Phong đầu tư chưa bàn giao.", "Quốc lộ 48D, cảng Đông Hồi - huyện Quế Phong, Nghệ An", "giao_thong_xay_dung", "trung_uong", "c3-032", DBNA + "bo-giao-thong-van-tai-tra-loi-kien-nghi-cu-tri-ve-cai-tao-nang-cap-mo-rong-tuyen-quoc-lo-48d-14181.htm"),
    ("r3-046", "Đoạn tỉnh lộ 540 qua xóm Liên Mậu và xóm Hoàng Trù (đường vào quê ngoại Bác Hồ) chưa có rãnh thoát nước nên mưa lớn là ngập; cử tri đề nghị xây hệ thống thoát nước dọc tuyến.", "xóm Liên Mậu, xóm Hoàng Trù, xã Kim Liên, huyện Nam Đàn, Nghệ An", "giao_thong_xay_dung", "tinh", "c3-033", DBNA + "so-giao-thong-van-tai-tra-loi-cu-tri-nguyen-quang-loc-chu-tich-ubnd-xa-kim-lien-huyen-nam-dan-ve-xay-dung-he-thong-thoat-nuoc-doc-tuyen-tinh-lo-540-12360.htm"),
    ("r3-047", "Đường tỉnh ĐT.538E đoạn qua xã Tân Thành hư hỏng, cử tri đề nghị sửa chữa, nâng cấp; Sở Giao thông vận tải trả lời đoạn Km2+500 - Km4 thuộc dự án đường liên xã Đức Thành - Diễn Lâm do UBND huyện Yên Thành đầu tư, đề nghị huyện đẩy nhanh hoàn thành.", "xã Tân Thành, huyện Yên Thành, Nghệ An", "giao_thong_xay_dung", "huyen", "c3-034", "https://nguoinghe.vn/so-giao-thong-van-tai-tra-loi-cu-tri-nguyen-van-doan-tru-tai-xa-tan-thanh-huyen-yen-thanh-ve-sua-chua-nang-cap-tuyen-tinh-lo-538e-doan-qua-xa-tan-thanh-a308718.html"),
    ("r3-048", "Quốc lộ 7 qua hai huyện Tương Dương và Kỳ Sơn có nhiều đoạn hẹp, xuống cấp, khuất tầm nhìn, dễ gây tai nạn; cử tri đề nghị nâng cấp, mở rộng.", "huyện Tương Dương, huyện Kỳ Sơn, Nghệ An", "giao_thong_xay_dung", "trung_uong", "c3-035", "https://nguoinghe.vn/quoc-lo-7-qua-nghe-an-se-co-81-ti-dong-cho-sua-chua-trong-nam-2025-a308192.html"),
    ("r3-049", "Khoảng 100 hộ hai bên Quốc lộ 46C đoạn qua xóm Xuân Lộc thường bị ngập mỗi khi mưa lớn; cử tri đề nghị làm cống, mương thoát nước hai bên tuyến.", "xóm Xuân Lộc, xã Nghi Xuân, huyện Nghi Lộc, Nghệ An", "giao_thong_xay_dung", "trung_uong", "c3-036", "https://dantri.com.vn/thoi-su/sau-phan-anh-cua-cu-tri-bo-xay-dung-chi-dao-chi-gan-20-ty-dong-sua-quoc-lo-20251207180957145.htm"),
    ("r3-050", "Cử tri xã Tây Hiếu đề nghị Nhà nước điều chỉnh tăng lương cho những người về hưu trước năm 1993.", "xã Tây Hiếu, thị xã Thái Hòa, Nghệ An", "lao_dong_chinh_sach", "trung_uong", "c3-037", THAIHOA),
    ("r3-051", "Cử tri thị trấn Con Cuông mong cấp trên sớm xây đường giao thông vào khu vực Bệnh viện đa khoa khu vực Tây Nam để người dân đi khám chữa bệnh thuận lợi.", "thị trấn Con Cuông, huyện Con Cuông, Nghệ An", "giao_thong_xay_dung", "tinh", "c3-038", "https://concuong.nghean.gov.vn/tin-tuc-su-kien/dai-bieu-quoc-hoi-tiep-xuc-cu-tri-con-cuong-467993?pageindex=0"),
    # --- Hà Tĩnh
    ("r3-052", "Cử tri năm xã Kỳ Văn, Kỳ Thư, Kỳ Châu, Kỳ Hải, Kỳ Tân mong sớm được cấp giấy chứng nhận quyền sử dụng đất, đặc biệt với đất sử dụng từ trước năm 1980.", "xã Kỳ Văn, Kỳ Thư, Kỳ Châu, Kỳ Hải, Kỳ Tân, huyện Kỳ Anh, Hà Tĩnh", "dat_dai", "huyen", "c3-039", "https://tinthethaonews.org/cu-tri-huyen-ky-anh-tag127762.html"),
    ("r3-053", "Cử tri thành phố Hà Tĩnh đề nghị tỉnh tiếp tục kéo dài cho thành phố các chính sách của Nghị quyết 36/2021/NQ-HĐND về cơ chế đặc thù tạo nguồn lực xây dựng thành phố Hà Tĩnh.", "thành phố Hà Tĩnh, Hà Tĩnh", "tai_chinh_ngan_sach", "tinh", "c3-040", "http://dbndhatinh.vn/dbnd/portal/folder/thuong-truc-hdnd-111/news/tong-hop-y-kien-kien-nghi-quan-trong-buc-thiet-lien-quan-den-loi-ich-cua-dong-da.html"),
    ("r3-054", "Nhiều học sinh THCS, THPT chưa đủ tuổi vẫn đi xe máy, xe máy điện đến trường, tiềm ẩn tai nạn giao thông; người dân đề nghị các ngành phối hợp với công an chấn chỉnh.", "xã Xuân Phổ, huyện Nghi Xuân, Hà Tĩnh", "an_ninh_trat_tu", "huyen", "c3-041", XUANPHO),
    ("r3-055", "Ngày tháng năm sinh, địa chỉ trên hộ khẩu, chứng minh nhân dân và các giấy tờ khác không khớp nhau khiến người dân khó khăn khi kê khai hộ khẩu điện tử; người dân đề nghị công an hướng dẫn, giải quyết.", "thôn Hợp Thuận, xã Xuân Phổ, huyện Nghi Xuân, Hà Tĩnh", "tu_phap_hanh_chinh", "huyen", "c3-042", XUANPHO),
    # --- Hải Dương, Hưng Yên, Hà Nam, Vĩnh Phúc, Bắc Giang, Thái Nguyên
    ("r3-056", "Cử tri đề nghị hỗ trợ tiền mua bảo hiểm y tế cho công an viên bán chuyên trách.", "xã Nguyên Giáp, huyện Tứ Kỳ, Hải Dương", "y_te", "trung_uong", "c3-043", HAIDUONG),
    ("r3-057", "Cử tri xã Thắng Lợi đề nghị không tăng tuổi nghỉ hưu đối với giáo viên mầm non.", "xã Thắng Lợi, huyện Văn Giang, Hưng Yên", "lao_dong_chinh_sach", "trung_uong", "c3-044", "http://cand.com.vn/Su-kien-Binh-luan-thoi-su/Cu-tri-dong-gop-y-kien-vao-cac-du-thao-luat-truoc-Ky-hop-thu-8-Quoc-hoi-khoa-XIV-563850/"),
    # c3-012: Bệnh viện Bạch Mai và Việt Đức cơ sở 2 ở Hà Nam (two voter meetings)
    ("r3-058", "Cử tri đề nghị Quốc hội, Chính phủ chỉ đạo quyết liệt để sớm đưa hai dự án Bệnh viện Bạch Mai cơ sở 2 và Bệnh viện Việt Đức cơ sở 2 tại Hà Nam vào hoạt động, tránh lãng phí tài sản đầu tư công.", "huyện Kim Bảng, thành phố Phủ Lý, Hà Nam", "y_te", "trung_uong", "c3-012", "https://nhandan.vn/cu-tri-tinh-ha-nam-mong-muon-som-dua-2-benh-vien-bach-mai-va-viet-duc-co-so-2-di-vao-hoat-dong-post808421.html"),
    ("r3-059", "Hai bệnh viện Bạch Mai và Việt Đức cơ sở 2 ở Hà Nam cơ bản đã xây xong các hạng mục; cử tri tiếp tục đề nghị sớm đưa vào hoạt động để giảm tải cho Hà Nội và người dân trong tỉnh, các tỉnh lân cận được hưởng dịch vụ y tế chất lượng cao.", "xã Liêm Tuyền, thành phố Phủ Lý, Hà Nam", "y_te", "trung_uong", "c3-012", "https://nhandan.vn/ocop/cu-tri-ha-nam-de-nghi-som-dua-2-benh-vien-bach-mai-va-viet-duc-co-so-2-vao-hoat-dong-post725407.html"),
    ("r3-060", "Thôn Hoàng Oanh có trạm bơm được Công ty thủy lợi Tam Đảo nâng cấp 6-7 năm nay nhưng không dùng cho sản xuất; cử tri đề nghị khôi phục trạm bơm xứ đồng Mương Máy. Tỉnh trả lời diện tích chỉ còn khoảng 0,5 ha, giao xã vận động dân chuyển đổi cây trồng.", "thôn Hoàng Oanh, xã Hương Sơn, huyện Bình Xuyên, Vĩnh Phúc", "nong_nghiep_thuy_loi", "xa", "c3-045", "https://vinhphuc.gov.vn/ct/cms/Convert/cutrikhop12/Lists/123/View_Detail.aspx?ItemID=13"),
    ("r3-061", "Cử tri thành phố Bắc Giang phản ánh hàng lậu, hàng giả, nhất là phân bón, thuốc bảo vệ thực vật giả tràn lan; đề nghị cơ quan chức năng có giải pháp xử lý.", "thành phố Bắc Giang, Bắc Giang", "khac", "trung_uong", "c3-046", "http://cand.com.vn/Su-kien-Binh-luan-thoi-su/Chu-tich-uy-ban-Trung-uong-Mat-tran-To-quoc-Viet-Nam-Nguyen-Thien-Nhan-tiep-xuc-cu-tri-tai-Bac-Giang-385396/"),
    ("r3-062", "Nguồn nước sinh hoạt của xóm Xuân Đám cạn vào mùa khô và có nguy cơ ô nhiễm do nước thải ngấm vào mạch nước; người dân đề nghị thành phố hỗ trợ lắp đường ống nước sạch.", "xóm Xuân Đám, xã Đồng Liên, thành phố Thái Nguyên, Thái Nguyên", "dien_nuoc_vien_thong", "huyen", "c3-047", "https://thainguyentv.vn/quan-tam-dau-tu-nguon-nuoc-sach-cho-nguoi-dan-hop-thu-truyen-hinh-1332025-51197.media"),
    ("r3-063", "Chưa có văn bản trung ương về hỗ trợ bảo hiểm y tế cho người làm công tác y tế thôn bản; cử tri đề nghị tỉnh hỗ trợ bảo hiểm y tế cho đội ngũ này. Tỉnh giao Sở Nội vụ tiếp thu, nghiên cứu đề xuất.", "xã Thái Bình, huyện Yên Sơn, Tuyên Quang", "y_te", "tinh", "c3-048", TQ + "yen-son/xa-thai-binh/xem-chi-tiet-2500.html"),
    ("r3-064", "Người cao tuổi cô đơn là trường hợp đặc biệt khó khăn; cử tri thị trấn Tân Phong đề nghị các đại biểu Quốc hội nghiên cứu chính sách trợ giúp cho đối tượng này và các đối tượng bảo trợ xã hội.", "thị trấn Tân Phong, huyện Quảng Xương, Thanh Hóa", "lao_dong_chinh_sach", "trung_uong", "c3-049", "https://vietbao.vn/cu-dan-chu-khach-quan-cong-khai-minh-bach-ma-lam-293235.html"),
    ("r3-065", "Cử tri Hà Tĩnh bày tỏ băn khoăn và kiến nghị với các đại biểu Quốc hội, đại biểu HĐND tỉnh về những vấn đề liên quan đến việc triển khai dự án mỏ sắt Thạch Khê.", "Hà Tĩnh", "moi_truong", "trung_uong", "c3-050", "https://plo.vn/thoi-su/chinh-phu-tiep-tuc-ho-tro-ngu-dan-bam-bien-669497.html"),
    ("r3-066", "Cử tri hai xã Đông Lợi và Tú Thịnh đề nghị quy hoạch quỹ đất để xây dựng nhà văn hóa cho các thôn; huyện trả lời quỹ đất này đã có trong quy hoạch sử dụng đất đến năm 2020 của hai xã.", "xã Đông Lợi, xã Tú Thịnh, huyện Sơn Dương, Tuyên Quang", "van_hoa_the_thao", "huyen", "c3-051", TQ + "son-duong/xa-tu-thinh/xem-chi-tiet-354.html"),
    # --- Sơn La, Điện Biên
    ("r3-067", "Cử tri xã Mường Lầm đề nghị cấp điện cho 8 hộ với 38 nhân khẩu ở bản Bang.", "bản Bang, xã Mường Lầm, huyện Sông Mã, Sơn La", "dien_nuoc_vien_thong", "tinh", "c3-052", SONGMA),
    ("r3-068", "Cử tri đề nghị xây cầu qua suối Nậm Con nối bản Ngày với bản Sàng.", "bản Ngày, xã Mường Lầm, huyện Sông Mã, Sơn La", "giao_thong_xay_dung", "huyen", "c3-053", SONGMA),
    ("r3-069", "Cử tri xã Yên Hưng đề nghị đẩy nhanh việc chi trả tiền dịch vụ môi trường rừng cho người dân.", "xã Yên Hưng, huyện Sông Mã, Sơn La", "nong_nghiep_thuy_loi", "tinh", "c3-054", SONGMA),
    ("r3-070", "Từ năm 2017 hàng trăm công nhân Công ty Lâm nghiệp Phù Yên không còn nhận tiền dịch vụ môi trường rừng vì diện tích không thuộc lưu vực sông Đà; cử tri đề nghị có cơ chế chi trả cho diện tích này.", "huyện Phù Yên, Sơn La", "nong_nghiep_thuy_loi", "trung_uong", "c3-055", "https://quochoitv.vn/can-co-co-che-chinh-sach-chi-tra-tien-dich-vu-moi-truong-rung-ngoai-luu-vuc-song-da"),
    ("r3-071", "Cử tri xã Huổi Lèng đề nghị kéo điện lưới quốc gia và làm đường nước sinh hoạt cho bản Ca Dí Nhè.", "bản Ca Dí Nhè, xã Huổi Lèng, huyện Mường Chà, Điện Biên", "dien_nuoc_vien_thong", "tinh", "c3-056", MUONGCHA),
    ("r3-072", "Cử tri đề nghị bố trí đất ở cho các hộ dọc hai bên tuyến bị ảnh hưởng khi mở đường Quốc lộ 12.", "xã Huổi Lèng, huyện Mường Chà, Điện Biên", "dat_dai", "huyen", "c3-057", MUONGCHA),
    ("r3-073", "Cử tri đề nghị xây phòng học kiên cố cho điểm trường tiểu học bản Nậm Chua.", "bản Nậm Chua, xã Huổi Lèng, huyện Mường Chà, Điện Biên", "giao_duc", "huyen", "c3-058", MUONGCHA),
    ("r3-074", "Công trình thủy lợi bản Háng Lìa đã xong hai năm mà chưa bàn giao đưa vào sử dụng; cử tri đề nghị sớm bàn giao để phục vụ sản xuất.", "bản Háng Lìa, xã Sa Lông, huyện Mường Chà, Điện Biên", "nong_nghiep_thuy_loi", "huyen", "c3-059", MUONGCHA),
    ("r3-075", "Công ty cao su chỉ trả tiền theo diện tích đã trồng cao su, còn phần đất đã thu hồi mà không trồng được thì không trả; cử tri đề nghị chi trả đủ theo diện tích thực tế dân đã góp.", "xã Sa Lông, huyện Mường Chà, Điện Biên", "dat_dai", "tinh", "c3-060", MUONGCHA),
    # --- Hà Nội, Hải Phòng, Quảng Ninh
    ("r3-076", "Cử tri quận Hoàn Kiếm đề nghị thành phố chỉ đạo các cơ quan chức năng xử lý các biển hiệu quảng cáo sai kích cỡ.", "quận Hoàn Kiếm, Hà Nội", "van_hoa_the_thao", "tinh", "c3-061", HANOI18),
    ("r3-077", "Quy hoạch treo Công viên Văn hóa Đống Đa kéo dài hàng chục năm ảnh hưởng đời sống dân; cử tri đề nghị xóa quy hoạch treo, đầu tư hạ tầng điện, đường, nước và cấp giấy tờ sử dụng đất cho người dân.", "phường Trung Liệt, quận Đống Đa, Hà Nội", "giao_thong_xay_dung", "tinh", "c3-062", DONGDA),
    ("r3-078", "Mương cống hở tại một nút thuộc dự án L2A trên địa bàn phường gây ô nhiễm; quận đã vào cuộc nhưng thiếu vốn, cử tri mong sớm được giải quyết.", "phường Khương Thượng, quận Đống Đa, Hà Nội", "moi_truong", "huyen", "c3-063", DONGDA),
    ("r3-079", "Cựu thanh niên xung phong giai đoạn 1976-1979 ở quận Tây Hồ còn 54 người, tuổi cao, không lương, chưa được trợ cấp một lần và chưa có bảo hiểm y tế; cử tri đề nghị có chế độ, chính sách cho đối tượng này.", "quận Tây Hồ, Hà Nội", "lao_dong_chinh_sach", "trung_uong", "c3-064", "https://dantri.com.vn/xa-hoi/quan-tay-ho-co-54-cuu-tnxp-khong-luong-chua-duoc-huong-tro-cap-20240305180047011.htm"),
    ("r3-080", "Dự án đường sắt Yên Viên - Hạ Long chậm tiến độ 17 năm; cử tri Quảng Ninh kiến nghị, Bộ Giao thông vận tải trả lời nguyên nhân là thiếu vốn.", "Quảng Ninh", "giao_thong_xay_dung", "trung_uong", "c3-065", "https://tindoanhnhan.com/tag/ha-tang-duong-sat"),
]


def main() -> None:
    write_rows(__file__, "real_own3.jsonl", ROWS)


if __name__ == "__main__":
    main()
