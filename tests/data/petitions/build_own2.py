"""Builds real_own2.jsonl: a second set of real voter petitions from public pages (provincial
HĐND answers to voters, ministries' replies, press reports of voter meetings, provincial
interactive portals), rewritten in our own words with the facts kept, labelled (field, level,
cluster) BEFORE any engine was run on them. Same schema as real_own.jsonl. Level is the one the
answer shows ("huyen" when the province handed the matter to the district, as in the
development set); clusters are local to this file.

    python tests/data/petitions/build_own2.py
"""

import json
from pathlib import Path

TQ = "https://hdndtuyenquang.gov.vn/dai-bieu-voi-cu-tri/tra-loi-y-kien/dia-phuong/"
HUE_BD = "https://huengaynay.vn/chinh-tri-xa-hoi/thao-go-vuong-mac-an-sinh-xa-hoi-o-co-so-156984.html"
HUE_TD = "https://huengaynay.vn/chinh-tri-xa-hoi/cu-tri-kien-nghi-nhieu-van-de-ve-doi-song-dan-sinh-159912.html"
KS = "https://baokhanhhoa.vn/chinh-tri/201504/doan-dai-bieu-quoc-hoi-tinh-tiep-xuc-cu-tri-huyen-khanh-son-2382257"
KT = "http://m.baokontum.com.vn/thoi-su-chinh-tri/doan-dai-bieu-quoc-hoi-tinh-tiep-xuc-cu-tri-tai-phuong-nguyen-trai-11706.html"
QP = "https://nghean24h.vn/dbqh-khoa-xiv-tiep-xuc-cu-tri-que-phong-a417654.html"
CD = "https://chodon.gov.vn/hdnd-huyen-tiep-xuc-cu-tri-xa-quang-bach/"
AG = "https://m.docnhanh.vn/xa-hoi/ca-tong-bi-thu-chu-tich-nuoc-cung-khang-dinh-phai-di-ly-trinh-xuan-thanh-ve-nuoc-tintuc463667"
MOC = "https://moc.gov.vn/vn/chuyen-muc/1179/tra-loi-cu-tri.aspx?page=48"
GD = "https://giaoduc.net.vn/bo-gddt-tra-loi-kien-nghi-cua-cu-tri-ve-day-them-hoc-them-va-sach-giao-khoa-post253220.gd"
BT = "https://baodongkhoi.vn/dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-huyen-mo-cay-bac-18112018-a54933.html"

ROWS = [
    # id, text, area, field, level, cluster, source
    ("q001", "Kênh Đán Nhang dẫn nước từ thôn Nặm Đíp xuống ruộng thôn Nà Khà chỉ rộng 30 x 30 cm, không đủ nước tưới cho ruộng của Nặm Đíp, Nà Khà và Làng Chùa; cử tri đề nghị làm lại tuyến kênh.", "thị trấn Lăng Can, huyện Lâm Bình, Tuyên Quang", "nong_nghiep_thuy_loi", "huyen", "m001", TQ + "lam-binh/xem-chi-tiet-2974.html"),
    ("q002", "Hồ Cây Lát bị đất bồi lắng nên không đủ nước, trạm bơm Cây Mò ở thôn Trường Thi không bơm được vì mực nước sông thấp; cử tri xin kinh phí nạo vét lòng hồ.", "xã An Khang, thành phố Tuyên Quang, Tuyên Quang", "nong_nghiep_thuy_loi", "huyen", "m002", TQ + "tuyen-quang/xa-an-khang/xem-chi-tiet-3572.html"),
    ("q003", "Kênh mương Nà Ngùa ở thôn Nặm Cằm chạy men sườn đồi, nhiều đoạn vỡ thành và rò rỉ đáy; cử tri xin kinh phí tu sửa kênh.", "xã Thượng Giáp, huyện Na Hang, Tuyên Quang", "nong_nghiep_thuy_loi", "xa", "m003", TQ + "na-hang/xem-chi-tiet-2527.html"),
    ("q004", "Hơn 6 ha ruộng ở cánh đồng Yên Thọ, thôn Nà Nhoi chỉ cấy được một vụ vì thiếu nước; cử tri đề nghị làm ống xi phông dẫn nước từ hồ Khuẩy Khoang về cánh đồng.", "xã Tân Mỹ, huyện Chiêm Hóa, Tuyên Quang", "nong_nghiep_thuy_loi", "huyen", "m004", TQ + "xem-chi-tiet-3050.html"),
    ("q005", "Cánh đồng thôn Nà Giàng thiếu nước sản xuất, cử tri đề nghị xây công trình phai Giàng để lấy nước tưới.", "xã Minh Quang, huyện Lâm Bình, Tuyên Quang", "nong_nghiep_thuy_loi", "huyen", "m005", TQ + "lam-binh/xem-chi-tiet-3075.html"),
    ("q006", "Bàn ghế học sinh ở các trường trên địa bàn xã Minh Dân đã dùng từ lâu, sửa nhiều lần vẫn không bảo đảm; cử tri đề nghị nhà nước cấp bàn ghế mới.", "xã Minh Dân, huyện Hàm Yên, Tuyên Quang", "giao_duc", "huyen", "m006", TQ + "xem-chi-tiet-3647.html"),
    ("q007", "Cột điện chôn từ năm 2018 mà chưa kéo dây; cử tri đề nghị khẩn trương đưa điện vào khu Khuổi Vát (thôn Phai Tre A) và khu Nà Cha (thôn Đon Bả).", "thị trấn Lăng Can, huyện Lâm Bình, Tuyên Quang", "dien_nuoc_vien_thong", "tinh", "m007", TQ + "lam-binh/xem-chi-tiet-2523.html"),
    ("q008", "Xóm Nà Tạng chưa có nhà văn hóa, cử tri đề nghị đầu tư xây dựng.", "xã Khâu Tinh, huyện Na Hang, Tuyên Quang", "van_hoa_the_thao", "huyen", "m008", TQ + "na-hang/xa-khau-tinh/xem-chi-tiet-1336.html"),
    ("q010", "Khu đất sát Trạm Y tế xã Đà Vị bị sạt lở, cử tri đề nghị xây dựng lại, gia cố khu vực này.", "xã Đà Vị, huyện Na Hang, Tuyên Quang", "giao_thong_xay_dung", "huyen", "m010", TQ + "na-hang/xem-chi-tiet-2376.html"),
    ("q011", "Nhà văn hóa thôn 11 đã xuống cấp, cử tri đề nghị kiểm tra hiện trạng và đầu tư xây mới để xã đạt tiêu chí nông thôn mới.", "xã Tứ Quận, huyện Yên Sơn, Tuyên Quang", "van_hoa_the_thao", "huyen", "m011", TQ + "yen-son/xa-tu-quan/xem-chi-tiet-2296.html"),
    ("q012", "Cử tri đề nghị hỗ trợ lắp đèn chiếu sáng trên đoạn đường từ thôn Yên Trung đến thôn Nà Thôm.", "xã Thanh Tương, huyện Na Hang, Tuyên Quang", "dien_nuoc_vien_thong", "xa", "m012", TQ + "na-hang/xa-thanh-tuong/xem-chi-tiet-2235.html"),
    ("q013", "Trang trại nuôi lợn K4 ở xã Phúc Ứng xả chất thải, gây mùi hôi và ô nhiễm sang xã Kháng Nhật; cử tri đề nghị kiểm tra, xử lý nghiêm.", "xã Kháng Nhật, huyện Sơn Dương, Tuyên Quang", "moi_truong", "tinh", "m013", TQ + "son-duong/xa-khang-nhat/xem-chi-tiet-1820.html"),
    ("q014", "Công trình thủy lợi Nậm Mở đã bàn giao nhưng chỉ đón nước ở ba khe vào mùa mưa, mùa khô cạn nước; cử tri đề nghị tỉnh có giải pháp bảo đảm nước tưới hai vụ.", "xã Tà Mung, huyện Than Uyên, Lai Châu", "nong_nghiep_thuy_loi", "tinh", "m014", "https://hdnd.laichau.gov.vn/view/kien-nghi-va-tra-loi-kien-nghi-cua-cu-tri/ket-qua-giai-quyet-kien-nghi-cu-tri-truoc-ky-hop-thu-10-hoi-dong-nhan-dan-tinh-khoa-xiv-48086?mid=1851"),
    ("q015", "Kênh Cái Bát (KT3 - Cả Gốc) bồi lắng nặng, ghe xuồng khó đi lại và thiếu nước sản xuất; cử tri đề nghị tỉnh nạo vét kênh, kết hợp trải đá làm đường giao thông nông thôn.", "huyện Tân Hưng, Long An", "nong_nghiep_thuy_loi", "tinh", "m015", "https://hdnd.longan.gov.vn/huyen-tan-hung/de-nghi-tinh-dau-tu-nao-vet-kenh-cai-bat-kt3-ca-goc-ket-hop-trai-da-lam-lo-giao-thong-nong-thon--969898"),
    ("q016", "Đường Lê Thuyết nối với đường tránh phía Tây và đoạn Tỉnh lộ 16 từ phường Tứ Hạ lên các mỏ đất đang hư hỏng nặng; cử tri đề nghị tỉnh sửa chữa, nâng cấp.", "thị xã Hương Trà, Thừa Thiên Huế", "giao_thong_xay_dung", "tinh", "m016", "https://thuathienhue.gov.vn/vi-vn/Giai-trinh-y-kien-cu-tri/action/chitiet/tid/B65AA890-92FB-4EB8-BFE8-A68600E77BF1"),
    ("q017", "Sau mùa gặt người dân vẫn đốt rơm rạ ngoài đồng, khói bụi ảnh hưởng môi trường; cử tri đề nghị phường có biện pháp chấm dứt.", "tổ dân phố Bồ Điền, phường Phong Thái, thành phố Huế", "moi_truong", "xa", "m017", HUE_BD),
    ("q018", "Hệ thống camera an ninh ở tổ dân phố Bồ Điền hư hỏng đã lâu chưa được sửa; cử tri đề nghị khắc phục.", "tổ dân phố Bồ Điền, phường Phong Thái, thành phố Huế", "an_ninh_trat_tu", "xa", "m018", HUE_BD),
    ("q019", "Lệ phí phải nộp khi làm sổ đỏ hiện quá cao, nhiều hộ không đủ tiền làm thủ tục; cử tri đề nghị xem xét giảm.", "tổ dân phố Bồ Điền, phường Phong Thái, thành phố Huế", "dat_dai", "tinh", "m019", HUE_BD),
    ("q020", "Cử tri đề nghị quy định thời gian tổ chức tang lễ, bỏ dần hủ tục, mê tín và việc phô trương lãng phí trong hiếu hỉ.", "tổ dân phố Bồ Điền, phường Phong Thái, thành phố Huế", "van_hoa_the_thao", "xa", "m020", HUE_BD),
    ("q021", "Máy bơm tiêu úng đồng lúa của Hợp tác xã Trung Đồng bị hỏng, cử tri đề nghị sớm sửa để chống ngập.", "tổ dân phố Trung Đồng, thành phố Huế", "nong_nghiep_thuy_loi", "xa", "m021", HUE_TD),
    ("q022", "Nhà sinh hoạt cộng đồng tổ dân phố Trung Đồng đã xuống cấp, cử tri xin sửa chữa.", "tổ dân phố Trung Đồng, thành phố Huế", "van_hoa_the_thao", "xa", "m022", HUE_TD),
    ("q023", "Cử tri đề nghị cấp giấy chứng nhận quyền sử dụng đất cho diện tích nuôi trồng thủy sản dọc Tỉnh lộ 22.", "tổ dân phố Trung Đồng, thành phố Huế", "dat_dai", "xa", "m023", HUE_TD),
    ("q024", "Các hộ trẻ sau khi kết hôn không có đất làm nhà; cử tri đề nghị quy hoạch, bố trí đất ở cho họ.", "tổ dân phố Trung Đồng, thành phố Huế", "dat_dai", "xa", "m024", HUE_TD),
    ("q026", "Bác sĩ kê thuốc có trong danh mục bảo hiểm y tế nhưng bệnh viện không có thuốc, người bệnh phải tự ra nhà thuốc mua; cử tri đề nghị Bộ Y tế giải quyết dứt điểm tình trạng thiếu thuốc, vật tư y tế ở cơ sở công lập.", "Sóc Trăng", "y_te", "trung_uong", "m026", "https://moh.gov.vn/en_US/bo-truong-tra-loi-cu-tri-va-dai-bieu-quoc-hoi/-/asset_publisher/ukP8Pc2PcXiG/content/tra-loi-kien-nghi-cua-cu-tri-gui-toi-truoc-ky-hop-thu-5-quoc-hoi-khoa-xv-oan-ai-bieu-quoc-hoi-tinh-soc-trang"),
    ("q027", "Từ giữa năm, các cơ sở y tế công lập ngày càng thiếu thuốc, người có thẻ bảo hiểm y tế đi tái khám không được cấp thuốc mà phải bỏ tiền mua ngoài; cử tri mong Quốc hội sớm giải quyết.", "xã Chà Là, huyện Dương Minh Châu, Tây Ninh", "y_te", "trung_uong", "m026", "https://baotayninh.vn/tiep-xuc-cu-tri-huyen-duong-minh-chau-nong-van-de-thieu-thuoc-thieu-xang-dau-a151695.html"),
    ("q028", "Cử tri đề nghị có chính sách hỗ trợ cho công chức, viên chức mất sức khỏe đã nghỉ việc hưởng chế độ từ những năm 1990 trở về trước.", "Tiền Giang", "lao_dong_chinh_sach", "trung_uong", "m028", "https://baoapbac.vn/ban-doc/202404/tra-loi-kien-nghi-cua-cu-tri-sau-ky-hop-thu-6-quoc-hoi-khoa-xv-1007555/index.htm"),
    ("q033", "Cử tri đề nghị điều chỉnh mức lương cho người đã nghỉ hưu.", "phường Nguyễn Trãi, thành phố Kon Tum, Kon Tum", "lao_dong_chinh_sach", "trung_uong", "m033", KT),
    ("q034", "Cử tri đề nghị mở rộng chính sách bảo trợ xã hội để hỗ trợ thêm người cao tuổi.", "phường Nguyễn Trãi, thành phố Kon Tum, Kon Tum", "lao_dong_chinh_sach", "trung_uong", "m029", KT),
    ("q035", "Một cử tri ở xóm 12 đã tham gia kháng chiến và bị nhiễm chất độc hóa học đề nghị được xem xét hưởng chế độ trợ cấp.", "xóm 12, xã Nghi Lâm, huyện Nghi Lộc, Nghệ An", "lao_dong_chinh_sach", "tinh", "m035", "https://dbndnghean.vn/so-lao-dong-thuong-binh-va-xa-hoi-tra-loi-cu-tri-nguyen-van-y-xom-12-xa-nghi-lam-huyen-nghi-loc-ve-che-do-doi-voi-nguoi-bi-nhiem-chat-doc-hoa-hoc-10174.htm"),
    ("q036", "Nước đập Mưu Sỹ đục, nổi váng xanh, cử tri cho rằng do trang trại nuôi lợn quanh đập xả thải và đề nghị kiểm tra.", "xóm Xuân Hiền, xã Thanh Xuân, huyện Thanh Chương, Nghệ An", "moi_truong", "huyen", "m036", "https://dbndnghean.vn/so-tai-nguyen-va-moi-truong-tra-loi-cu-tri-tran-xuan-ly-xa-thanh-xuan-huyen-thanh-chuong-ve-viec-trang-trai-nuoi-lon-o-xa-thanh-xuan-gay-o-nhiem-nguon-nuoc-10706.htm"),
    ("q037", "Nguồn nước sinh hoạt ở thị trấn Kim Sơn bị ô nhiễm, cử tri đề nghị có giải pháp cấp nước sạch.", "thị trấn Kim Sơn, huyện Quế Phong, Nghệ An", "dien_nuoc_vien_thong", "huyen", "m037", QP),
    ("q038", "Việc ổn định đời sống sau tái định cư của công trình thủy điện Hủa Na còn nhiều tồn tại, cử tri đề nghị giải quyết.", "xã Đồng Văn, huyện Quế Phong, Nghệ An", "dat_dai", "tinh", "m038", QP),
    ("q039", "Hai hộ ở xã Quảng Bạch vừa bị sạt lở đất làm hư nhà, cử tri đề nghị sớm có kinh phí hỗ trợ.", "xã Quảng Bạch, huyện Chợ Đồn, Bắc Kạn", "lao_dong_chinh_sach", "huyen", "m039", CD),
    ("q040", "Thôn Bản Khắt chưa có điện lưới, cử tri đề nghị xem xét đầu tư kéo điện.", "thôn Bản Khắt, xã Quảng Bạch, huyện Chợ Đồn, Bắc Kạn", "dien_nuoc_vien_thong", "tinh", "m040", CD),
    ("q041", "Kè chống xói lở ở thôn Bản Duồn bị lũ làm hư hỏng nhiều đoạn, nếu không sửa sẽ mất ruộng lúa; cử tri đề nghị đầu tư sửa chữa.", "thôn Bản Duồn, xã Quảng Bạch, huyện Chợ Đồn, Bắc Kạn", "nong_nghiep_thuy_loi", "huyen", "m041", CD),
    ("q042", "Cử tri đề nghị sớm xây dựng trụ sở mới của Ủy ban nhân dân xã Quảng Bạch.", "xã Quảng Bạch, huyện Chợ Đồn, Bắc Kạn", "giao_thong_xay_dung", "huyen", "m042", CD),
    ("q043", "Chín mươi hai hộ ở ấp Mỹ Hội mất nhà vì sạt lở đã hơn hai tháng phải ở nhờ chùa, trường học mà khu dân cư mới chưa san lấp xong mặt bằng; cử tri đề nghị đẩy nhanh để dân có chỗ ở.", "tổ 15, ấp Mỹ Hội, An Giang", "dat_dai", "tinh", "m043", AG),
    ("q044", "Cử tri đề nghị xây bờ kè, xử lý hố xoáy để chống sạt lở bờ sông ở ấp Mỹ Hội.", "ấp Mỹ Hội, An Giang", "nong_nghiep_thuy_loi", "tinh", "m044", AG),
    ("q045", "Cử tri đề nghị Chính phủ tiếp tục chương trình xóa nhà tạm cho hộ nghèo như Quyết định 167 trước đây.", "Quảng Nam", "lao_dong_chinh_sach", "trung_uong", "m045", MOC),
    ("q046", "Cử tri đề nghị sớm phê duyệt giai đoạn 2 (2012-2015) chương trình hỗ trợ nhà ở cho hộ nghèo theo Quyết định 167 vì người dân đang khó khăn về nhà ở.", "Long An", "lao_dong_chinh_sach", "trung_uong", "m045", MOC),
    ("q047", "Thông tư 29/2024 về dạy thêm, học thêm cho bồi dưỡng học sinh giỏi và ôn thi cuối cấp tối đa hai tiết một môn mỗi tuần là chưa phù hợp; cử tri đề nghị Bộ Giáo dục và Đào tạo điều chỉnh.", "Hưng Yên", "giao_duc", "trung_uong", "m047", GD),
    ("q048", "Các trung tâm dạy thêm mở ra theo nhu cầu nhưng giáo viên và cơ sở vật chất chưa bảo đảm; cử tri đề nghị quản lý chặt hơn các trung tâm này.", "Hưng Yên", "giao_duc", "trung_uong", "m047", GD),
    ("q049", "Cử tri đề nghị Bộ Giáo dục và Đào tạo nghiên cứu quy định về dạy thêm, học thêm sát thực tế để học sinh không bị biến thành máy học.", "Thái Bình", "giao_duc", "trung_uong", "m047", GD),
    ("q050", "Cử tri đề nghị xây dựng hoàn chỉnh các tuyến đê bao của xã Hưng Khánh Trung A.", "xã Hưng Khánh Trung A, huyện Mỏ Cày Bắc, Bến Tre", "nong_nghiep_thuy_loi", "tinh", "m050", BT),
    ("q051", "Các chợ tự phát lấn chiếm lòng lề đường gây mất trật tự an toàn giao thông, cử tri đề nghị dẹp bỏ.", "xã Thanh Tân, huyện Mỏ Cày Bắc, Bến Tre", "khac", "huyen", "m051", BT),
    ("q052", "Cử tri đề nghị đẩy nhanh việc lắp đường ống dẫn nước để người dân có nước sạch sinh hoạt.", "xã Thanh Tân, huyện Mỏ Cày Bắc, Bến Tre", "dien_nuoc_vien_thong", "tinh", "m052", BT),
    ("q053", "Cử tri đề nghị xử lý nghiêm các hộ chăn nuôi gây ô nhiễm môi trường và việc khai thác cát trái phép trên địa bàn.", "huyện Mỏ Cày Bắc, Bến Tre", "moi_truong", "huyen", "m053", BT),
    ("q054", "Trại nuôi gà của một hộ ở ấp Tân Quới gây ô nhiễm nhiều năm, ảnh hưởng sức khỏe người dân xung quanh; cử tri đề nghị xử lý.", "ấp Tân Quới, xã Tân Hòa, thành phố Vĩnh Long, Vĩnh Long", "moi_truong", "huyen", "m054", "https://www.thvl.vn/th%E1%BB%9Di-s%E1%BB%B1-thvl/tin-dia-phuong/c%E1%BA%A7n-s%E1%BB%9Bm-kh%E1%BA%AFc-ph%E1%BB%A5c-o-nhi%E1%BB%85m-moi-tr%C6%B0%E1%BB%9Dng-tr%E1%BA%A1i-ga-%E1%BB%9F-xa-tan-hoa/"),
    ("q055", "Luật giao tỉnh tự điều tra, đánh giá tài nguyên nước nội tỉnh và liên tỉnh nhưng kinh phí rất lớn; cử tri đề nghị Chính phủ có cơ chế hỗ trợ đối ứng cho địa phương.", "", "moi_truong", "trung_uong", "m055", "http://dwrm.gov.vn/index.php?language=vi&nv=faq&op=Tra-lo-i-kie-n-nghi-cu-tri"),
    ("q056", "Các thôn Bản Giòng, Thôm Luông, Bản Khẻ chưa có sóng di động 3G/4G vì núi đá che khuất; cử tri đề nghị khảo sát, lắp trạm phát sóng và Internet.", "xã Thượng Nông, huyện Na Hang, Tuyên Quang", "dien_nuoc_vien_thong", "tinh", "m056", TQ + "na-hang/xa-thuong-nong/xem-chi-tiet-3278.html"),
    ("q057", "Cử tri xin hỗ trợ xi măng để làm đường bê tông trong thôn, giữa các khu dân cư và vào khu sản xuất.", "xã Hồng Thái, huyện Na Hang, Tuyên Quang", "giao_thong_xay_dung", "huyen", "m057", TQ + "na-hang/xa-hong-thai/xem-chi-tiet-2241.html"),
    ("q058", "Cử tri đề nghị đầu tư xây dựng trụ sở làm việc của Ủy ban nhân dân xã Phú Lâm.", "xã Phú Lâm, huyện Yên Sơn, Tuyên Quang", "giao_thong_xay_dung", "tinh", "m058", TQ + "yen-son/xa-phu-lam-cu/xem-chi-tiet-487.html"),
    ("q059", "Xã Văn Phú chưa có trường mầm non, cử tri đề nghị sớm bố trí kinh phí xây dựng.", "xã Văn Phú, huyện Sơn Dương, Tuyên Quang", "giao_duc", "huyen", "m059", TQ + "son-duong/xa-van-phu/xem-chi-tiet-1247.html"),
    ("q060", "Các trường mầm non, tiểu học và trung học cơ sở của xã Văn Phú còn thiếu giáo viên; cử tri đề nghị bổ sung.", "xã Văn Phú, huyện Sơn Dương, Tuyên Quang", "giao_duc", "tinh", "m060", TQ + "son-duong/xa-van-phu/xem-chi-tiet-2665.html"),
    ("q061", "Lớp mẫu giáo 3 tuổi, 4 tuổi và nhà hiệu bộ Trường Mầm non Côn Lôn thiếu trang thiết bị, đồ dùng dạy học; cử tri đề nghị cấp trên trang cấp.", "xã Côn Lôn, huyện Na Hang, Tuyên Quang", "giao_duc", "tinh", "m061", TQ + "na-hang/xa-con-lon/xem-chi-tiet-3640.html"),
    ("q062", "Bờ sông Phó Đáy đoạn qua thôn Quan Hạ sạt lở nghiêm trọng, mất đất sản xuất và ảnh hưởng khu di tích; cử tri đề nghị làm kè hai bên bờ.", "thôn Quan Hạ, xã Trung Yên, huyện Sơn Dương, Tuyên Quang", "nong_nghiep_thuy_loi", "tinh", "m062", TQ + "son-duong/xa-trung-yen/xem-chi-tiet-696.html"),
    ("q063", "Cử tri đề nghị xây kè hai bờ suối chống sạt lở để giữ khoảng 70 ha ruộng lúa của xã Côn Lôn.", "xã Côn Lôn, huyện Na Hang, Tuyên Quang", "nong_nghiep_thuy_loi", "tinh", "m063", TQ + "na-hang/xa-con-lon/xem-chi-tiet-1212.html"),
    ("q064", "Công trình thủy lợi Cư Thành thi công chậm, cử tri đề nghị tỉnh đôn đốc chủ đầu tư sớm hoàn thành để có nước tưới.", "xã Mường Kim, huyện Than Uyên, Lai Châu", "nong_nghiep_thuy_loi", "tinh", "m064", "https://www.vietnam.vn/pt/lang-nghe-giai-quyet-kip-thoi-kien-nghi-cua-cu-tri"),
    ("q065", "Đoạn Tỉnh lộ 2 qua thôn Mậu Tài thường ngập úng, cử tri đề nghị đầu tư hệ thống cống rãnh thoát nước dọc đường.", "thôn Mậu Tài, thành phố Huế, Thừa Thiên Huế", "giao_thong_xay_dung", "huyen", "m065", "https://thuathienhue.gov.vn/vi-vn/Giai-trinh-y-kien-cu-tri/action/chitiet/tid/009154E6-2C64-48EB-8260-AED1008DC37E"),
    ("q066", "Đoạn đê ngăn mặn từ Bàu Lác đến Thóc Lóc ở Hương Phong chưa được nâng cấp, mưa lũ làm sạt lở nhiều chỗ; cử tri đề nghị tỉnh bố trí kinh phí sửa chữa để bảo vệ nuôi trồng thủy sản.", "xã Hương Phong, thị xã Hương Trà, Thừa Thiên Huế", "nong_nghiep_thuy_loi", "tinh", "m066", "https://thuathienhue.gov.vn/vi-vn/Giai-trinh-y-kien-cu-tri/action/chitiet/tid/05496075-934C-486E-8011-A84000927938"),
    ("q067", "Bờ biển xã Phú Hải bị xâm thực, sạt lở nghiêm trọng; cử tri đề nghị tỉnh sớm đầu tư kè chống sạt lở.", "xã Phú Hải, huyện Phú Vang, Thừa Thiên Huế", "nong_nghiep_thuy_loi", "tinh", "m067", "https://thuathienhue.gov.vn/vi-vn/Giai-trinh-y-kien-cu-tri/action/chitiet/tid/29FB140E-C075-40A3-9929-ABF20091FE00"),
    ("q069", "Dự án bờ kè Rạch Sao triển khai chậm, kéo dài gây khó khăn cho người dân; cử tri đề nghị đẩy nhanh.", "xã Mỹ Khánh, huyện Phong Điền, Cần Thơ", "nong_nghiep_thuy_loi", "huyen", "m069", "http://baocantho.com.vn/bo-ke-thi-cong-cham-gay-kho-khan-cho-nguoi-dan-a39830.html"),
    ("q070", "Cử tri đề nghị hỗ trợ thêm kinh phí hoạt động cho ban thôn.", "xã Lộc An, thành phố Huế", "to_chuc_can_bo", "tinh", "m070", "https://huengaynay.vn/chinh-tri-xa-hoi/theo-dong-thoi-su/cu-tri-cac-xa-phu-loc-hung-loc-loc-an-kien-nghi-nhieu-van-de-160113.html"),
    ("q071", "Mưa lũ làm Quốc lộ 1A qua địa bàn xuất hiện nhiều ổ gà, cử tri đề nghị sớm khắc phục.", "xã Phú Lộc, thành phố Huế", "giao_thong_xay_dung", "trung_uong", "m071", "https://huengaynay.vn/chinh-tri-xa-hoi/theo-dong-thoi-su/cu-tri-cac-xa-phu-loc-hung-loc-loc-an-kien-nghi-nhieu-van-de-160113.html"),
    ("q072", "Sau khi sắp xếp chính quyền hai cấp, xã còn thiếu cán bộ, công chức; cử tri đề nghị kiến nghị cấp trên bố trí thêm.", "xã Hưng Lộc, thành phố Huế", "to_chuc_can_bo", "tinh", "m072", "https://huengaynay.vn/chinh-tri-xa-hoi/theo-dong-thoi-su/cu-tri-cac-xa-phu-loc-hung-loc-loc-an-kien-nghi-nhieu-van-de-160113.html"),
    ("q073", "Cử tri đề nghị cải tạo, nâng cấp Nghĩa trang liệt sĩ xã Lộc An.", "xã Lộc An, thành phố Huế", "lao_dong_chinh_sach", "xa", "m073", "https://huengaynay.vn/chinh-tri-xa-hoi/theo-dong-thoi-su/cu-tri-cac-xa-phu-loc-hung-loc-loc-an-kien-nghi-nhieu-van-de-160113.html"),
    ("q074", "Cử tri thành phố Huế đề nghị rà soát các quy hoạch trên địa bàn, hủy bỏ những quy hoạch không khả thi, treo kéo dài.", "thành phố Huế, Thừa Thiên Huế", "giao_thong_xay_dung", "tinh", "m074", "http://hocday.com/k-hp-th-tm-hnd-tnh-kha-vi-nhim-k-2011-2016-ngy-16-17-18-thng-7.html?page=23"),
    ("q075", "Tội phạm ma túy và cho vay nặng lãi ở thành phố ngày càng gia tăng khiến người dân lo lắng; cử tri đề nghị công an có giải pháp mạnh.", "phường 2, thành phố Mỹ Tho, Tiền Giang", "an_ninh_trat_tu", "tinh", "m075", "http://baoapbac.vn/chinh-tri/201808/cu-tri-lo-lang-ve-tinh-hinh-an-ninh-trat-tu-808665/"),
    ("q076", "Thanh thiếu niên chạy xe quá tốc độ, không đội mũ bảo hiểm, có ma túy trong trường học và đánh bạc qua mạng; người dân đề nghị công an huyện có giải pháp xử lý.", "xã Đại Chánh, huyện Đại Lộc, Quảng Nam", "an_ninh_trat_tu", "huyen", "m076", "https://baoquangnam.vn/quoc-phong-an-ninh/cong-an-huyen-dai-loc-lang-nghe-y-kien-nhan-dan-146998.html"),
    ("q077", "Người nghiện ma túy, ngáo đá gây nhiều vụ trộm cắp, cướp giật; người dân đề nghị tuyên truyền đa dạng hơn về tác hại ma túy và phòng chống trộm cắp.", "xã Tân Thạnh Đông, huyện Củ Chi, TP. Hồ Chí Minh", "an_ninh_trat_tu", "huyen", "m077", "http://plo.vn/thoi-su/dan-goi-dien-cong-an-co-mat-ngay-798643.html"),
    ("q078", "Vay nóng chỉ cần bản sao chứng minh nhân dân và hộ khẩu, lãi suất quá cao, không trả kịp thì bị đánh đập; người dân đề nghị xử lý tín dụng đen.", "xã Tân Thạnh Đông, huyện Củ Chi, TP. Hồ Chí Minh", "an_ninh_trat_tu", "huyen", "m078", "http://plo.vn/thoi-su/dan-goi-dien-cong-an-co-mat-ngay-798643.html"),
    ("q079", "Cử tri lo ngại tội phạm trộm, cướp ngày càng táo bạo, tín dụng đen, bảo kê và đòi nợ thuê; đề nghị Bộ Công an tập trung trấn áp.", "", "an_ninh_trat_tu", "trung_uong", "m079", "https://nld.com.vn/chinh-tri/kien-nghi-voi-quoc-hoi-ve-lang-phi-sgk-tieu-cuc-thi-thpt-20181017095947505.htm"),
    ("q080", "Vợ chồng cử tri tạm trú đã làm hồ sơ căn cước công dân gắn chip từ tháng 2/2021 nhưng chưa có, sau mới biết người tạm trú không được cấp; cử tri đề nghị làm rõ.", "khu phố 5, phường Hắc Dịch, thị xã Phú Mỹ, Bà Rịa - Vũng Tàu", "tu_phap_hanh_chinh", "tinh", "m080", "https://baobariavungtau.com.vn/phap-luat/202206/cap-doi-can-cuoc-cong-dan-dang-lam-kho-nguoi-dan-953625/"),
    ("q081", "Người dân thiếu giấy khai sinh phải về quê trích lục mới làm được căn cước công dân, đã đóng phí giao tận nhà mà vẫn phải trả thêm phí ship; cử tri đề nghị xem lại.", "thôn Chu Hải, xã Tân Hải, thị xã Phú Mỹ, Bà Rịa - Vũng Tàu", "tu_phap_hanh_chinh", "tinh", "m081", "https://baobariavungtau.com.vn/phap-luat/202206/cap-doi-can-cuoc-cong-dan-dang-lam-kho-nguoi-dan-953625/"),
    ("q082", "Làm thủ tục cấp căn cước công dân từ đầu tháng 4 nhưng nhiều tháng chưa nhận được, trong khi người làm cùng ngày đã có; người dân đề nghị giải thích.", "khối phố Xuân Bắc, phường Trường Xuân, thành phố Tam Kỳ, Quảng Nam", "tu_phap_hanh_chinh", "tinh", "m082", "https://baoquangnam.vn/tin-an-ninh-trat-tu/cham-tra-can-cuoc-cong-dan-mong-nguoi-dan-chia-se-118857.html"),
    ("q083", "Nhiều cử tri đã đóng tiền nhận căn cước công dân qua bưu điện nhưng lâu vẫn chưa nhận được thẻ; đề nghị Công an tỉnh giải quyết.", "Bình Dương", "tu_phap_hanh_chinh", "tinh", "m083", "https://nld.com.vn/thoi-su/giam-doc-cong-an-tinh-binh-duong-neu-ly-do-cham-tra-the-can-cuoc-cong-dan-20220714182937924.htm"),
]


def main() -> None:
    out = Path(__file__).with_name("real_own2.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for rid, text, area, field, level, cluster, source in ROWS:
            row = {"id": rid, "text": text, "area": area, "field": field, "level": level,
                   "cluster": cluster, "source": source}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{out}: {len(ROWS)} rows")


if __name__ == "__main__":
    main()
