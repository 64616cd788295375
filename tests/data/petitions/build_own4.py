"""Builds real_own4.jsonl: a fourth set of real voter petitions, from the south-central coast,
the Central Highlands and the south (Đà Nẵng, Quảng Nam, Bình Định, Khánh Hòa, Bình Thuận,
Kon Tum, Gia Lai, Đắk Lắk, Đắk Nông, Lâm Đồng, Bình Phước, Tây Ninh, Bà Rịa - Vũng Tàu,
TP Hồ Chí Minh, Đồng Nai, Đồng Tháp, An Giang, Kiên Giang, Cần Thơ, Sóc Trăng, Vĩnh Long).

Sources are public pages: provincial answer documents (UBND tỉnh Kiên Giang, Bình Định, Tây Ninh,
Cần Thơ), provincial and district portals, and press reports of voter meetings (tiếp xúc cử
tri) of National Assembly delegations and People's Councils. Each petition was rewritten in
our own words in 1-3 sentences, keeping place names, road and project names, numbers and what
is asked; private persons' names were dropped. Pages whose URL is already used in
real_own.jsonl, real_own2.jsonl, real_own3.jsonl or petitions_real_dev.jsonl were skipped.

Labels (field, level, cluster) were written BEFORE any engine was run on the rows. Field codes
and level rules follow /work/shared/evalsets/README.md: level is the one the answer shows
("huyen" when a district or city under the province answered or was asked to act; "tinh" for
grid and telecom requests); where a meeting report gives no answer, the level is the body
competent for the demand (national policy -> trung_uong). Clusters are local to this file and
group petitions about the same specific problem (same road, site, project or national policy
demand), each member written independently from its own source.

    python tests/data/petitions/build_own4.py
"""

from rows_file import write_rows

KT_QH = "http://iachim.kontumcity.kontum.gov.vn/tin-tuc-su-kien/thong-tin-kinh-te-chinh-tri-xa-hoi/doan-dai-bieu-quoc-hoi-tinh-tiep-xuc-cu-tri-truoc-ky-hop-thu-9-tai-thanh-pho-kon-tum.html"
KT_VQ = "http://baokontum.com.vn/thoi-su-chinh-tri/chu-tich-ubnd-tinh-le-ngoc-tuan-tiep-xuc-cu-tri-xa-vinh-quang-47980.html"
KT_DG = "https://kontumtv.vn/tin-tuc/tin-trong-nuoc/doan-dbqh-tinh-kon-tum-tiep-xuc-cu-tri-huyen-dak-glei"
GL_AY = "https://dbnd.gialai.gov.vn/News/hoat-dong-hdnd/Can-nghien-cuu-mo-hinh-dua-nuoc-sinh-hoat-ve-voi-b"
GL_QN = "https://www.vietnam.vn/en/pho-thu-tuong-ho-duc-phoc-tra-loi-cu-tri-ve-phan-anh-loan-sach-giao-khoa"
DL_DX = "https://thanhnien.vn/bau-cu-quoc-hoi-cu-tri-dak-lak-mong-duoc-xay-them-cau-mo-rong-duong-185260303164045834.htm"
DN_KN = "http://truyenhinhdaknong.vn/tin-tuc/dai-bieu-hdnd-2-cap-tinh-huyen-tiep-xuc-cu-tri-xa-dak-sor-huyen-krong-no-3670.html"
LD10 = "https://baolamdong.vn/chinhtri/201010/doan-dai-bieu-quoc-hoi-tiep-xuc-cu-tri-2429433"
LD25 = "https://baolamdong.vn/hdnd-tinh-lam-dong-tiep-xuc-cu-tri-2-xa-bao-lam-2-va-bao-lam-3-387377.html"
KH12 = "https://baokhanhhoa.vn/xa-hoi/201205/dai-bieu-hdnd-tiep-xuc-cu-tri-nha-trang-ninh-hoa-dien-khanh-cam-lam-quan-tam-hon-den-can-bo-o-co-so-van-de-moi-truong-va-nong-thon-2159558"
KH22 = "https://baokhanhhoa.vn/chinh-tri/202211/dai-bieu-hdnd-tinh-khanh-hoa-tiep-xuc-cu-tri-cac-dia-phuong-8268572"
KH23 = "https://baomoi.net.vn/ong-nguyen-khac-toan-tiep-xuc-cu-tri-2-xa-cam-phuoc-dong-cam-thinh-tay-tp-cam-ranh-c47445257.epi"
KH25 = "https://baomoi.net.vn/dai-bieu-hdnd-tinh-khanh-hoa-tiep-xuc-cu-tri-tai-2-xa-cam-thinh-dong-va-cam-lap-tp-cam-ranh-c52351773.epi"
BD_DOC = "https://binhdinh.gov.vn/inetcloud/portal/main/page/gov/chitietdanhmuc.ivt?intl=vi&id=58459a6e8d74caafdbd40d3a"
BD_PM = "http://old.phumy.binhdinh.gov.vn/vi/news/tin-tuc/to-dai-bieu-hdnd-huyen-don-vi-bau-cu-thi-tran-phu-my-xa-my-hoa-tiep-xuc-cu-tri-tai-thi-tran-phu-my-huyen-phu-my-771.html"
BD_TP = "https://tuyphuoc.binhdinh.gov.vn/xay-dung-dang/2582-2582.html"
QN_TB = "https://www.vietnam.vn/ms/dai-bieu-hdnd-tinh-quang-nam-tiep-xuc-cu-tri-huyen-thang-binh"
VOV_HA = "https://vov.vn/chinh-tri/cu-tri-hoi-an-kien-nghi-khan-cap-bao-ve-bo-bien-cua-dai-post1029011.vov"
DNG_HX = "https://baodanang.vn/dai-bieu-hdnd-thanh-pho-tiep-xuc-cu-tri-phuong-hoa-xuan-3300434.html"
DNG_LN = "https://baodanang.vn/dai-bieu-hdnd-thanh-pho-da-nang-tiep-xuc-cu-tri-cac-dia-phuong-3300635.html"
BT_LG = "https://baobinhthuan.com.vn/cu-tri-phan-nan-gia-cao-bay-o-nhiem-chan-nuoi-heo-qua-dai-dang-5595.html"
BRVT = "https://baobariavungtau.com.vn/chinh-tri/202206/pho-thu-tuong-pham-binh-minh-cung-doan-dbqh-tinh-tiep-xuc-cu-tri-can-co-giai-phap-kiem-che-lam-phat-953641/"
QH_DN = "https://quochoitv.vn/van-de-sach-giao-khoa-duoc-cu-tri-dong-nai-dac-biet-quan-tam-181717.htm"
BP_CT = "https://baobinhphuoc.com.vn/news/32/149325/cu-tri-thi-xa-chon-thanh-kien-nghi-lien-quan-den-nganh-dien"
TN_MT = "https://www.baotayninh.vn/to-dai-bieu-hdnd-tinh-so-13-tiep-xuc-cu-tri-xa-my-thanh-a193122.html"
TN17 = "https://hdnd.tayninh.gov.vn/Pages/kiennghicutri.aspx"
TN_TB = "https://hdnd.tayninh.gov.vn/vi/news/thong-tin-co-so-48/-i-bi-u-h-nd-x-t-n-b-nh-t-ch-c-ti-p-x-c-c-tri-p-t-n-trung-tr-c-k-h-p-th-9-h-nd-x-kh-a-x-5756.html"
TN_XM = "https://hdnd.tayninh.gov.vn/vi/news/thong-tin-co-so-48/th-ng-tr-c-h-nd-x-thanh-ph-c-huy-n-g-d-u-t-ch-c-kh-o-s-t--ki-n-ki-n-ngh-c-a-c-tri--i-v-i-b-i-r-c-x-m-m-i-3748.html"
HCM_PN = "https://sggp.org.vn/de-nghi-day-manh-giam-sat-cac-van-de-nong-post523878.html"
HCM_DH = "https://www.sggp.org.vn/cu-tri-tphcm-ket-xe-va-ngap-ngay-cang-pho-bien-post825205.html"
HCM_QH = "https://www.sggp.org.vn/giai-quyet-dut-diem-nhung-dieu-da-hua-180576.html"
HCM_VVK = "https://plo.vn/hua-giao-nha-tai-dinh-cu-cho-4-ho-dan-lien-quan-du-an-duong-vo-van-kiet-trong-quy-i-2026-post887004.html"
HCM_CNC = "https://thanhtra.com.vn/xa-hoi/doi-song/Som-bo-tri-tai-dinh-cu-cho-nguoi-dan-tai-du-an-Khu-cong-nghe-cao-158471.html"
DT_DT = "https://www.baodongthap.vn/chinh-tri/202511/cu-tri-phuong-dao-thanh-phan-anh-cac-van-de-dan-sinh-1052474"
DT_DS = "https://www.baodongthap.vn/chinh-tri/202508/dai-bieu-hoi-dong-nhan-dan-tinh-tiep-xuc-cu-tri-xa-dong-son-1048507"
DT_MD = "https://tracuuquyhoach.com/tin-tuc/cu-tri-kien-nghi-nhieu-van-de-dan-sinh-50362580"
AG_TH = "https://baomoi.net.vn/hdnd-tinh-an-giang-tiep-xuc-cu-tri-xa-tien-hai-c53092137.epi"
KG_DOC = "https://vpubnd.kiengiang.gov.vn/trang/TinTuc/120/3569/Ket-qua-giai-quyet-cac-y-kien--kien-nghi-cua-cu-tri-truoc-va-sau-Ky-hop-thu-9.html"
KG_HT = "https://baokiengiang.vn/chinh-quyen/cu-tri-kien-nghi-som-khoi-cong-xay-dung-cau-ha-tien-2-21280.html"
KG_HD = "https://baokiengiang.vn/trong-tinh/cu-tri-huyen-hon-dat-phan-anh-tinh-trang-bao-chiem-bien-20097.html"
KG_TV = "https://truyenhinhdulich.vn/video/doan-dai-bieu-quoc-hoi-tinh-kien-giang-tiep-xuc-cu-tri-13458.html"
CT_917 = "http://app.marimbapop.com/html/592d798708.html"
CT_TN = "https://mattrancantho.vn/dai-bieu-hdnd-tiep-xuc-cu-tri-truoc-ky-hop-thu-6-hdnd-thanh-pho-can-tho"
CT_DD = "https://baocantho.com.vn/chinh-tri/dien-dan?p=21"
CT_AB = "http://plo.vn/thoi-su/bay-gio-can-bo-khong-biet-uong-ruou-thi-kho-lam-quan-768825.html"
ST_KS = "https://mytu.soctrang.gov.vn/ubnd-stg/4/469/54333/350405/Tin-huyen--thi-xa--thanh-pho/Doan-dai-bieu-HDND-3-cap-tiep-xuc-cu-tri-tren-dia-ban-huyen-Ke-Sach.aspx"
ST_TD = "https://www.thst.vn/t/chu-tich-ubnd-tinh-soc-trang-tiep-xuc-cu-tri-huyen-tran-de"
ST_NN = "https://soctrangtv.vn/t/dai-bieu-quoc-hoi-tinh-soc-trang-tiep-xuc-cu-tri-xa-long-binh-tx-nga-nam-va-xa-chau-hung-huyen-thanh-tri"
VL_QL1 = "https://tienphong.vn/quoc-lo-1-qua-vinh-long-ngap-sau-cong-an-bo-tri-xe-chuyen-dung-dua-dan-qua-diem-ngap-post1785709.tpo"
DANTRI_VL = "https://dantri.com.vn/thoi-su/tphcm-hoan-thanh-du-an-chong-ngap-10000-ty-dong-nam-2026-bang-moi-gia-20251124162346450.htm"
TP_TM = "https://tienphong.vn/cu-tri-tphcm-lo-ngai-ve-du-an-chong-ngap-10000-ty-con-dang-do-post1781717.tpo"
TP_BM = "https://tienphong.vn/khac-phuc-tinh-trang-ngap-quoc-lo-1-doan-qua-ben-xe-o-vinh-long-post1777954.tpo"
TCGT_QL55 = "https://tapchigiaothong.vn/quoc-lo-55-qua-binh-thuan.html"
KH_KSLD = "https://baokhanhhoa.vn/xa-hoi/202001/lam-duong-noi-huyen-khanh-son-di-lac-duong-thuoc-tham-quyen-cua-tinh-8144835"
VNE_QL61 = "https://vneconomy.vn/bo-xay-dung-tra-loi-kien-nghi-cua-cu-tri-an-giang-ve-xay-dung-quoc-lo-61.htm"
PLO_CT24 = "https://plo.vn/cu-tri-tp-can-tho-mong-muon-co-benh-vien-tam-co-de-dieu-tri-benh-post814816.html"
KT_TL = "https://daibieudancukontum.gov.vn/KonTum/846/Pho-Chu-tich-HDND-tinh-Kring-Ba-tiep-xuc-cu-tri--phuong-Thang-Loi,-thanh-pho-Kon-Tum.aspx"
DT_TN = "https://tamnong.dongthap.gov.vn/web/htn/chi-tiet-bai-viet/-/asset_publisher/1mOzUrGkrdAE/content/id/2583108?plidlayout=4524"

# Multi-member clusters (sizes):
#   c4-001 (2) land sold in 2000 at old Vinh Quang commune (Kon Tum): no land certificates yet
#   c4-002 (4) TP.HCM tidal anti-flooding project (about 10,000 billion VND) still unfinished
#   c4-003 (4) national demand: one stable set of textbooks that pupils can reuse
#   c4-004 (3) national demand (2022): curb fuel and farm-input prices
#   c4-005 (2) provincial road ĐT917 (Cần Thơ) upgrade
#   c4-006 (2) coastal erosion at Cửa Đại / Cẩm An, Hội An
#   c4-007 (3) national demand: allowances and regime of part-time commune and hamlet staff
#   c4-008 (2) national demand: regime for veterans of the Cambodian battlefield
#   c4-010 (2) national demand (2024): shortage of medicines in public hospitals
#   c4-021 (2) part-time commune staff after the 2025 two-level reorganisation
#   c4-031 (2) flooding of National Road 1 at Bình Minh bus station (Vĩnh Long)
#   c4-039 (2) Cần Thơ oncology hospital project
ROWS = [
    # id, text, area, field, level, cluster, source
    ("r4-001", "Năm 2000 thị xã Kon Tum chủ trương bán đất ở xã Vinh Quang cũ (nay là phường Ngô Mây) cho các hộ dân để lấy tiền xây trụ sở xã, nhưng đến nay người dân vẫn chưa được cấp giấy chứng nhận quyền sử dụng đất; cử tri đề nghị cấp có thẩm quyền sớm xem xét, giải quyết.", "phường Ngô Mây, thành phố Kon Tum, Kon Tum", "dat_dai", "huyen", "c4-001", KT_QH),
    ("r4-002", "Dự án chống ngập quy mô 10.000 tỷ đồng của TP.HCM thi công rất chậm; cử tri quận Phú Nhuận đề nghị HĐND thành phố giám sát chặt tiến độ, dùng kinh phí dự phòng của công trình hỗ trợ đền bù cho các hộ bị ảnh hưởng để sớm hoàn thành.", "quận Phú Nhuận, TP. Hồ Chí Minh", "giao_thong_xay_dung", "tinh", "c4-002", HCM_PN),
    ("r4-003", "Giá sách giáo khoa tăng trong lúc đời sống khó khăn; cử tri đề nghị Bộ Giáo dục và Đào tạo không tiếp tục thay đổi, chỉnh sửa sách giáo khoa để học sinh có thể dùng lại sách cũ.", "ấp 6, xã Tóc Tiên, thị xã Phú Mỹ, Bà Rịa - Vũng Tàu", "giao_duc", "trung_uong", "c4-003", BRVT),
    ("r4-004", "Xăng dầu, phân bón liên tục tăng giá kéo theo nhiều mặt hàng sản xuất và sinh hoạt cũng tăng; cử tri đề nghị Đoàn ĐBQH kiến nghị Chính phủ có giải pháp hỗ trợ, kiềm chế lạm phát để người dân yên tâm ổn định cuộc sống.", "khu phố Hòa Hội, thị trấn Đất Đỏ, huyện Đất Đỏ, Bà Rịa - Vũng Tàu", "tai_chinh_ngan_sach", "trung_uong", "c4-004", BRVT),
    ("r4-005", "Cử tri đề nghị thành phố đẩy nhanh dự án nâng cấp, mở rộng đường tỉnh 917 đoạn Thới An Đông - Lộ Bức; dự án gần 1.000 tỉ đồng đi qua quận Ô Môn, quận Bình Thủy và huyện Phong Điền đã được HĐND thành phố phê duyệt chủ trương từ năm 2020 nhưng chưa khởi công.", "quận Ô Môn, quận Bình Thủy, huyện Phong Điền, Cần Thơ", "giao_thong_xay_dung", "tinh", "c4-005", CT_917),
    ("r4-006", "Từ năm 2022 hàng chục nhà dân ở khu vực bờ biển Cửa Đại bị sụt lún, chỉ trong bốn tháng sóng biển đã lấn vào khoảng 50 m, cuốn mất nhà cửa; cử tri khối phố Thịnh Mỹ đề nghị khẩn cấp có giải pháp bảo vệ bờ biển.", "khối phố Thịnh Mỹ, phường Cẩm An, thành phố Hội An, Quảng Nam", "nong_nghiep_thuy_loi", "tinh", "c4-006", VOV_HA),
    ("r4-007", "Cử tri hầu hết các địa phương quan tâm chế độ phụ cấp cho cán bộ cấp thôn, khu phố sau khi có Nghị định 92 của Chính phủ và đề nghị Quốc hội, Chính phủ xem xét cải thiện chế độ này.", "Lâm Đồng", "to_chuc_can_bo", "trung_uong", "c4-007", LD10),
    ("r4-008", "Cử tri đề nghị sớm xem xét chế độ, chính sách cho những người từng là bộ đội tham gia chiến trường Campuchia.", "xã Viên Bình, xã Liêu Tú, huyện Trần Đề, Sóc Trăng", "lao_dong_chinh_sach", "trung_uong", "c4-008", ST_TD),
    ("r4-009", "Cử tri phường Bình San đề nghị Nhà nước sớm khởi công cầu Hà Tiên 2 và nâng cấp, mở rộng mặt đường Quốc lộ 80 từ TP. Rạch Giá đến khu phố Ba Hòn, thị trấn Kiên Lương.", "phường Bình San, TP. Hà Tiên, Kiên Giang", "giao_thong_xay_dung", "trung_uong", "c4-009", KG_HT),
    ("r4-010", "Người bệnh vẫn thiếu thuốc điều trị; cử tri đề nghị Quốc hội, Chính phủ có giải pháp căn cơ giải quyết tình trạng thiếu thuốc.", "TP. Hà Tiên, Kiên Giang", "y_te", "trung_uong", "c4-010", KG_HT),
    ("r4-011", "Hộ dân mua đất do thị xã bán năm 2000 ở xã Vinh Quang cũ để có tiền xây trụ sở UBND xã đã được giao đất nhưng nhiều hộ vẫn chưa có sổ đỏ, nên khó xây nhà, chuyển nhượng, tặng cho hay để thừa kế; cử tri đề nghị các cấp giải quyết, bảo đảm quyền lợi cho dân.", "xã Vinh Quang, thành phố Kon Tum, Kon Tum", "dat_dai", "huyen", "c4-001", KT_VQ),
    ("r4-012", "Cử tri thôn Kon Rờ Bàng 2 đề nghị chính quyền địa phương hỗ trợ sửa chữa nhà rông văn hóa của thôn để bà con có nơi sinh hoạt cộng đồng, lưu giữ văn hóa truyền thống.", "thôn Kon Rờ Bàng 2, xã Vinh Quang, thành phố Kon Tum, Kon Tum", "van_hoa_the_thao", "xa", "c4-011", KT_VQ),
    ("r4-013", "Có dự án chống ngập của TP.HCM kéo dài nhiều năm chưa xong nên tình trạng ngập cục bộ cứ tiếp diễn; cử tri phường Diên Hồng đề nghị thành phố đẩy nhanh tiến độ dự án.", "phường Diên Hồng, TP. Hồ Chí Minh", "giao_thong_xay_dung", "tinh", "c4-002", HCM_DH),
    ("r4-014", "Dự án giải quyết ngập do triều khu vực TP.HCM có xét đến yếu tố biến đổi khí hậu (giai đoạn 1), vốn gần 10.000 tỷ đồng, làm nhiều năm vẫn chưa xong; cử tri phường Vườn Lài kiến nghị sớm nghiệm thu, đưa dự án vào vận hành và đầu tư thêm cho thoát nước, chống sụt lún.", "phường Vườn Lài, TP. Hồ Chí Minh", "giao_thong_xay_dung", "tinh", "c4-002", DANTRI_VL),
    ("r4-015", "Cử tri phường Vườn Lài đề nghị chính quyền phối hợp với bảo hiểm xã hội rà soát, bảo đảm hỗ trợ 100% tiền đóng bảo hiểm y tế cho trẻ em và người trên 65 tuổi chưa hưởng chính sách khác theo nghị quyết của thành phố.", "phường Vườn Lài, TP. Hồ Chí Minh", "y_te", "tinh", "c4-012", HCM_DH),
    ("r4-016", "Khu chung cư đường sắt Lý Thái Tổ nằm trong quy hoạch treo gần 13 năm do thay đổi chủ đầu tư, nhà ngập nước, tường hư mà không được sửa; cử tri đề nghị thành phố cho biết quy hoạch còn khả thi hay không.", "chung cư đường sắt Lý Thái Tổ, quận 3, TP. Hồ Chí Minh", "giao_thong_xay_dung", "tinh", "c4-013", HCM_QH),
    ("r4-017", "Gần 200 hộ dân trong vùng dự án cảng sông Phú Định bức xúc vì việc giải quyết tái định cư từ năm 2001 đến nay vẫn chưa xong, cuộc sống không ổn định; cử tri đề nghị thành phố giải quyết dứt điểm.", "quận 8, TP. Hồ Chí Minh", "dat_dai", "tinh", "c4-014", HCM_QH),
    ("r4-018", "Cử tri xã Nhị Mỹ đề nghị Bộ Giáo dục và Đào tạo thống nhất chọn một bộ sách giáo khoa dùng chung cho cả nước để học sinh lớp sau dùng lại được, tiết kiệm tiền cho phụ huynh.", "xã Nhị Mỹ, huyện Cao Lãnh, Đồng Tháp", "giao_duc", "trung_uong", "c4-003", DT_MD),
    ("r4-019", "Cử tri xã Nhị Mỹ đề nghị Quốc hội xem xét giảm mức đóng bảo hiểm y tế cho người dân không hưởng lương.", "xã Nhị Mỹ, huyện Cao Lãnh, Đồng Tháp", "y_te", "trung_uong", "c4-015", DT_MD),
    ("r4-020", "Cử tri đề nghị Quốc hội có chính sách hỗ trợ bảo hiểm y tế, bảo hiểm tai nạn cho lực lượng tham gia Tổ, Đội dân phòng, Tổ nhân dân tự quản và lực lượng bảo vệ an ninh, trật tự ở cơ sở.", "xã Mỹ Đông, huyện Tháp Mười, Đồng Tháp", "lao_dong_chinh_sach", "trung_uong", "c4-016", DT_MD),
    ("r4-021", "Cử tri xã Mỹ Đông đề nghị chính quyền địa phương gia cố bờ kênh chống sạt lở đất và tổ chức đấu giá cho hợp tác xã thuê trạm bơm để khai thác.", "xã Mỹ Đông, huyện Tháp Mười, Đồng Tháp", "nong_nghiep_thuy_loi", "xa", "c4-017", DT_MD),
    ("r4-022", "Cử tri đề nghị Bộ Công Thương có chính sách cụ thể để tiếp tục bình ổn giá xăng, dầu.", "ấp 6, xã Tóc Tiên, thị xã Phú Mỹ, Bà Rịa - Vũng Tàu", "tai_chinh_ngan_sach", "trung_uong", "c4-004", BRVT),
    ("r4-023", "Giá xăng dầu, vật tư nông nghiệp, thức ăn gia súc và nhiều mặt hàng thiết yếu tăng cao trong khi giá bán nông sản thấp, đầu ra bấp bênh, đời sống nông dân khó khăn; cử tri đề nghị có giải pháp bình ổn giá.", "xã An Mỹ, Trinh Phú, Nhơn Mỹ, Xuân Hòa, huyện Kế Sách, Sóc Trăng", "tai_chinh_ngan_sach", "trung_uong", "c4-004", ST_KS),
    ("r4-024", "Cử tri phường Trà Nóc đề nghị các ngành chức năng tiếp tục quan tâm nâng cấp, mở rộng Tỉnh lộ 917.", "phường Trà Nóc, quận Bình Thủy, Cần Thơ", "giao_thong_xay_dung", "tinh", "c4-005", CT_TN),
    ("r4-025", "Cử tri phường Trà Nóc đề nghị làm tường kè hết đoạn sông Trà Nóc.", "phường Trà Nóc, quận Bình Thủy, Cần Thơ", "nong_nghiep_thuy_loi", "tinh", "c4-018", CT_TN),
    ("r4-026", "Cử tri đề nghị quan tâm quy hoạch, xây dựng chợ Trà Nóc để người dân buôn bán, kinh doanh thuận lợi.", "phường Trà Nóc, quận Bình Thủy, Cần Thơ", "khac", "huyen", "c4-019", CT_TN),
    ("r4-027", "Sạt lở bờ biển ở Hội An ngày càng phức tạp, lan rộng, ảnh hưởng nặng đến nhiều khu đô thị, khu dân cư; Nhà nước đầu tư lớn nhiều năm mà vẫn chưa giải quyết căn cơ, cử tri đề nghị có giải pháp khẩn cấp và lâu dài bảo vệ bờ biển Cửa Đại.", "thành phố Hội An, Quảng Nam", "nong_nghiep_thuy_loi", "tinh", "c4-006", VOV_HA),
    ("r4-028", "Hạng mục cống ngăn triều tại cầu Tân Thuận 1 của dự án chống ngập 10.000 tỷ đồng vẫn thi công dở dang, ảnh hưởng lớn đến đời sống người dân, trong khi ngập lụt vẫn diễn ra thường xuyên; cử tri phường Tân Mỹ đề nghị sớm hoàn thành để dự án đi vào hoạt động.", "phường Tân Mỹ, TP. Hồ Chí Minh", "giao_thong_xay_dung", "tinh", "c4-002", TP_TM),
    ("r4-029", "Cử tri phường Phương Sài, Phương Sơn đề nghị quan tâm chế độ cho cộng tác viên dân số, chi hội trưởng chi hội phụ nữ và ban công tác mặt trận ở thôn, tổ dân phố.", "phường Phương Sài, phường Phương Sơn, TP. Nha Trang, Khánh Hòa", "to_chuc_can_bo", "tinh", "c4-007", KH12),
    ("r4-030", "Sông Kim Bồng đoạn chảy qua các phường Phương Sơn, Ngọc Hiệp, Phương Sài và khu vực đồi Trại Thủy bị ô nhiễm; cử tri đề nghị giải quyết.", "phường Phương Sơn, Ngọc Hiệp, Phương Sài, TP. Nha Trang, Khánh Hòa", "moi_truong", "tinh", "c4-020", KH12),
    ("r4-031", "Cử tri xã Mỹ Thạnh đề nghị giải quyết chế độ cho cán bộ bán chuyên trách cấp xã.", "xã Mỹ Thạnh, Tây Ninh", "to_chuc_can_bo", "tinh", "c4-021", TN_MT),
    ("r4-032", "Cử tri đề nghị xem xét, giải quyết hồ sơ hưởng chế độ chính sách cho cựu chiến binh tham gia chiến trường Campuchia.", "xã Mỹ Thạnh, Tây Ninh", "lao_dong_chinh_sach", "tinh", "c4-008", TN_MT),
    ("r4-033", "Cử tri huyện Thăng Bình đề nghị nâng chế độ đóng bảo hiểm xã hội và lương hưu cho người hoạt động không chuyên trách ở xã, thị trấn.", "huyện Thăng Bình, Quảng Nam", "to_chuc_can_bo", "trung_uong", "c4-007", QN_TB),
    ("r4-034", "Cử tri các huyện phía Nam tỉnh đề nghị triển khai và đẩy nhanh các dự án thủy lợi phục vụ tưới tiêu, nhất là hồ thủy lợi Đạ Lây đã có kế hoạch 10 năm nay mà chưa làm.", "các huyện phía Nam, Lâm Đồng", "nong_nghiep_thuy_loi", "tinh", "c4-022", LD10),
    ("r4-035", "Bao bì thuốc bảo vệ thực vật sau khi dùng bị vứt bỏ, không được xử lý, gây ô nhiễm môi trường; cử tri xã Bảo Lâm 3 đề nghị có biện pháp thu gom, xử lý.", "xã Bảo Lâm 3, Lâm Đồng", "moi_truong", "xa", "c4-023", LD25),
    ("r4-036", "Cử tri xã Bảo Lâm 3 đề nghị quan tâm bố trí, sử dụng đội ngũ cán bộ bán chuyên trách sau khi sắp xếp chính quyền hai cấp.", "xã Bảo Lâm 3, Lâm Đồng", "to_chuc_can_bo", "tinh", "c4-021", LD25),
    ("r4-037", "Cử tri đề nghị mở rộng Quốc lộ 27B đoạn từ Quốc lộ 1 đến đường dẫn vào đường bộ cao tốc.", "xã Cam Thịnh Đông, TP. Cam Ranh, Khánh Hòa", "giao_thong_xay_dung", "trung_uong", "c4-024", KH25),
    ("r4-038", "Cử tri đề nghị đầu tư tuyến đường nối huyện Khánh Sơn với huyện Lạc Dương (Lâm Đồng) để thuận lợi tiêu thụ nông sản, trao đổi hàng hóa và phát triển kinh tế - xã hội; Bộ Giao thông vận tải trả lời việc đầu tư thuộc thẩm quyền của UBND tỉnh.", "huyện Khánh Sơn, Khánh Hòa", "giao_thong_xay_dung", "tinh", "c4-025", KH_KSLD),
    ("r4-039", "Xe tải, xe khách chạy nhanh qua khu vực Trường Tiểu học Cam Thịnh Đông 1, gây nguy hiểm cho học sinh; cử tri đề nghị có biện pháp xử lý.", "xã Cam Thịnh Đông, TP. Cam Ranh, Khánh Hòa", "an_ninh_trat_tu", "tinh", "c4-026", KH25),
    ("r4-040", "Cử tri xã Cam Lập đề nghị sớm triển khai dự án cấp nước sạch cho người dân trên bán đảo Bình Lập.", "xã Cam Lập, TP. Cam Ranh, Khánh Hòa", "dien_nuoc_vien_thong", "tinh", "c4-027", KH22),
    ("r4-041", "Vỏ sò, vỏ ốc và rác thải bị đổ hai bên Quốc lộ 1 đoạn qua xã Cam Thịnh Đông, bãi rác của xã cũng ngày càng ô nhiễm; cử tri đề nghị xử lý.", "xã Cam Thịnh Đông, TP. Cam Ranh, Khánh Hòa", "moi_truong", "huyen", "c4-028", KH22),
    ("r4-042", "Cử tri xã Cam Thịnh Tây đề nghị đầu tư hồ chứa nước Sông Cạn để có nước sản xuất và sinh hoạt cho người dân.", "xã Cam Thịnh Tây, TP. Cam Ranh, Khánh Hòa", "nong_nghiep_thuy_loi", "tinh", "c4-029", KH23),
    ("r4-043", "Cử tri xã Cam Phước Đông đề nghị giải quyết việc cấp giấy chứng nhận quyền sử dụng đất ở khu vực xung quanh hồ chứa nước Suối Hành.", "xã Cam Phước Đông, TP. Cam Ranh, Khánh Hòa", "dat_dai", "tinh", "c4-030", KH23),
    ("r4-044", "Cử tri kiến nghị Bộ Xây dựng khắc phục tình trạng ngập trên Quốc lộ 1 đoạn qua bến xe Bình Minh, sớm nâng cấp, sửa chữa đoạn đường để xe cộ đi lại thuận lợi và người dân quanh đó yên tâm sản xuất.", "khu vực bến xe Bình Minh, Vĩnh Long", "giao_thong_xay_dung", "trung_uong", "c4-031", VL_QL1),
    ("r4-045", "Cử tri tỉnh Vĩnh Long đề nghị Bộ Xây dựng nâng cấp, khắc phục tình trạng ngập do triều cường trên Quốc lộ 1A đoạn khoảng 300 m qua bến xe Bình Minh, nơi lưu lượng xe lớn, dễ gây tai nạn và làm hư hoa màu của các hộ xung quanh.", "bến xe Bình Minh, thị xã Bình Minh cũ, Vĩnh Long", "giao_thong_xay_dung", "trung_uong", "c4-031", TP_BM),
    ("r4-046", "Cử tri phường Đạo Thạnh phản ánh việc vận hành cống Bảo Định chưa hợp lý, ảnh hưởng đến sản xuất và đời sống người dân.", "phường Đạo Thạnh, Đồng Tháp", "nong_nghiep_thuy_loi", "tinh", "c4-032", DT_DT),
    ("r4-047", "Hộ nuôi thủy sản ở xã Phú Hiệp vẫn chưa khắc phục việc xả thải xuống ruộng lúa, ảnh hưởng sản xuất của nhiều nông dân; cử tri đề nghị xử lý.", "xã Phú Hiệp, huyện Tam Nông, Đồng Tháp", "moi_truong", "huyen", "c4-033", DT_TN),
    ("r4-048", "Cử tri xã Đồng Sơn đề nghị gia hạn thẻ bảo hiểm y tế cho hội viên cựu chiến binh.", "xã Đồng Sơn, Đồng Tháp", "lao_dong_chinh_sach", "tinh", "c4-034", DT_DS),
    ("r4-049", "Cử tri đề nghị sớm thi công cầu bắc qua sông Soài Rạp, tạo trục giao thông liên kết giữa Đồng Tháp và Tây Ninh.", "xã Đồng Sơn, Đồng Tháp", "giao_thong_xay_dung", "tinh", "c4-035", DT_DS),
    ("r4-050", "Cử tri xã Long Bình kiến nghị nâng cấp Quốc lộ 61B từ thị xã Ngã Năm ra huyện Thạnh Trị.", "xã Long Bình, thị xã Ngã Năm, Sóc Trăng", "giao_thong_xay_dung", "trung_uong", "c4-036", ST_NN),
    ("r4-051", "Cử tri huyện Phong Điền đề nghị sớm nâng cấp, sửa chữa đường Nguyễn Văn Cừ (đoạn từ xã Mỹ Khánh đến thị trấn Phong Điền) để đáp ứng nhu cầu đi lại và bảo đảm an toàn giao thông.", "xã Mỹ Khánh - thị trấn Phong Điền, huyện Phong Điền, Cần Thơ", "giao_thong_xay_dung", "tinh", "c4-037", CT_DD),
    ("r4-052", "Khám bệnh bảo hiểm y tế ở bệnh viện công vẫn thiếu thuốc, người bệnh phải ra ngoài mua; cử tri cho rằng như vậy khó vận động dân mua bảo hiểm y tế 800-900 nghìn đồng mỗi năm và đề nghị khắc phục.", "phường Bùi Hữu Nghĩa, quận Bình Thủy, Cần Thơ", "y_te", "trung_uong", "c4-010", PLO_CT24),
    ("r4-053", "Bệnh viện Đa khoa thành phố không có máy chụp CT nên phải gửi người bệnh sang cơ sở khác chụp, người bệnh tự trả chi phí cả triệu đồng; cử tri đề nghị đầu tư trang thiết bị.", "phường Bùi Hữu Nghĩa, quận Bình Thủy, Cần Thơ", "y_te", "tinh", "c4-038", PLO_CT24),
    ("r4-054", "Cử tri phường Bùi Hữu Nghĩa nêu lại vấn đề dự án Bệnh viện Ung bướu TP. Cần Thơ và đề nghị thành phố quan tâm giải quyết.", "phường Bùi Hữu Nghĩa, quận Bình Thủy, Cần Thơ", "y_te", "tinh", "c4-039", PLO_CT24),
    ("r4-055", "Đường Hoàng Quốc Việt xuống cấp đã lâu, nhiều lần có kế hoạch làm mới nhưng chưa làm; đường qua chợ An Bình lầy lội, mùa mưa là ngập; cử tri đề nghị sớm đầu tư.", "phường An Bình, quận Ninh Kiều, Cần Thơ", "giao_thong_xay_dung", "tinh", "c4-040", CT_AB),
    ("r4-056", "Bệnh viện Ung bướu TP. Cần Thơ quá tải; cử tri phường An Bình đề nghị thành phố sớm có giải pháp đầu tư, hoàn thành dự án bệnh viện.", "phường An Bình, quận Ninh Kiều, Cần Thơ", "y_te", "tinh", "c4-039", CT_AB),
    ("r4-057", "Cử tri thị trấn Diêu Trì (cùng cử tri xã Nhơn Mỹ, thị xã An Nhơn và xã Bình Thành, huyện Tây Sơn) đề nghị UBND tỉnh chỉ đạo tăng cường tuyên truyền, tập huấn, cho người nuôi trồng ký cam kết không dùng hóa chất cấm và thường xuyên kiểm tra các đại lý vật tư nông nghiệp, xử lý nghiêm vi phạm để bảo đảm an toàn thực phẩm.", "thị trấn Diêu Trì, huyện Tuy Phước, Bình Định", "nong_nghiep_thuy_loi", "tinh", "c4-041", BD_DOC),
    ("r4-058", "Tỉnh lộ ĐT636B từ Gò Bồi đi Bình Định thi công nâng cấp quá chậm, ảnh hưởng việc đi lại và đời sống; cử tri xã Phước Hòa đề nghị đẩy nhanh tiến độ.", "xã Phước Hòa, huyện Tuy Phước, Bình Định", "giao_thong_xay_dung", "tinh", "c4-042", BD_TP),
    ("r4-059", "Cử tri đề nghị tiếp tục đầu tư hệ thống thoát nước tuyến suối Mang vì nhiều hộ lấn chiếm cản trở dòng chảy, gây ngập úng vào mùa mưa lũ.", "thị trấn Phù Mỹ, huyện Phù Mỹ, Bình Định", "nong_nghiep_thuy_loi", "huyen", "c4-043", BD_PM),
    ("r4-060", "Năm 2016 khi làm lộ kênh Nông Trường ở ấp Cảng, tỉnh, huyện và xã vận động dân chặt cây, dỡ nhà cho công trình thi công trước, hứa sẽ hỗ trợ tiền khen thưởng nhưng đến nay dân chưa nhận; cử tri đề nghị tỉnh chi trả như đã hứa.", "ấp Cảng, xã Hòa Điền, huyện Kiên Lương, Kiên Giang", "dat_dai", "tinh", "c4-044", KG_DOC),
    ("r4-061", "Nhiều chủ tàu cá cào nghêu, lụa trái phép ở vùng biển ven bờ, có đối tượng bao chiếm biển, bảo kê, đòi chủ tàu chia lợi nhuận; cử tri đề nghị ngành chức năng xử lý.", "huyện Hòn Đất, Kiên Giang", "an_ninh_trat_tu", "tinh", "c4-045", KG_HD),
    ("r4-062", "Cử tri xã Tiên Hải kiến nghị tỉnh xem xét, trình Trung ương phê duyệt Tiên Hải là xã biên giới.", "xã Tiên Hải, An Giang", "khac", "tinh", "c4-046", AG_TH),
    ("r4-063", "Quốc lộ 61 đoạn từ ấp An Trường đến Bến Nhứt xuống cấp, hư hỏng nặng, gây trở ngại cho người đi đường; cử tri An Giang đề nghị sớm sửa chữa, nâng cấp (Bộ Xây dựng trả lời đoạn quốc lộ này do địa phương quản lý, bảo trì và đầu tư).", "An Giang (Quốc lộ 61, đoạn ấp An Trường - Bến Nhứt)", "giao_thong_xay_dung", "tinh", "c4-047", VNE_QL61),
    ("r4-064", "Đường Phùng Hưng xuống cấp nghiêm trọng do xe tải trọng lớn của một số công ty ván lạng chạy qua; cử tri đề nghị sửa chữa.", "phường Hưng Long, thị xã Chơn Thành, Bình Phước", "giao_thong_xay_dung", "huyen", "c4-048", BP_CT),
    ("r4-065", "Nguồn điện ở thôn Đắk Trung quá tải, không bảo đảm sinh hoạt và sản xuất, nhất là vào mùa khô; cử tri đề nghị ngành điện khắc phục.", "thôn Đắk Trung, xã Đắk Sôr, huyện Krông Nô, Đắk Nông", "dien_nuoc_vien_thong", "tinh", "c4-049", DN_KN),
    ("r4-066", "Công ty TNHH MTV Lâm Nông nghiệp Đức Lập giao khoán đất trồng cà phê cho dân nhiều năm nay đã giải thể; các hộ nhận khoán mong được tiếp tục giao đất để ổn định sản xuất.", "xã Đắk Sôr, huyện Krông Nô, Đắk Nông", "dat_dai", "tinh", "c4-050", DN_KN),
    ("r4-067", "Nguồn nước ở xã Ayun và HBông nhiễm vôi không dùng được dù tỉnh đã đầu tư nhiều hệ thống nước tự chảy, giếng khoan; cử tri đề nghị đầu tư đường ống dẫn nước sinh hoạt từ thác Phú Cường về.", "xã Ayun, huyện Chư Sê, Gia Lai", "dien_nuoc_vien_thong", "tinh", "c4-051", GL_AY),
    ("r4-068", "Cử tri đề nghị xem xét chỉnh sửa một số đoạn nguy hiểm trên đèo Lò Xo thuộc đường Hồ Chí Minh.", "huyện Đăk Glei, Kon Tum", "giao_thong_xay_dung", "trung_uong", "c4-052", KT_DG),
    ("r4-069", "Tình trạng lấn chiếm lòng, lề đường vẫn diễn ra ở đường Trần Phú, đường Đống Đa; cử tri đề nghị chấn chỉnh trật tự đô thị.", "phường Thắng Lợi, thành phố Kon Tum, Kon Tum", "khac", "huyen", "c4-053", KT_TL),
    ("r4-070", "Cử tri xã Đồng Xuân mong được xây thêm các cây cầu mới và nâng cấp, mở rộng quốc lộ 19C qua địa bàn xã để đi lại thuận tiện.", "xã Đồng Xuân, Đắk Lắk", "giao_thong_xay_dung", "trung_uong", "c4-054", DL_DX),
    ("r4-071", "Cử tri tổ 24 cho rằng thuế sử dụng đất phi nông nghiệp hiện nay chưa hợp lý và đề nghị xem xét lại.", "phường Hòa Xuân, Đà Nẵng", "tai_chinh_ngan_sach", "trung_uong", "c4-055", DNG_HX),
    ("r4-072", "Các kiệt, hẻm ở khu dân cư Giáng Nam 1 xuống cấp, gây úng ngập cục bộ; cử tri đề nghị sửa chữa.", "khu dân cư Giáng Nam 1, phường Hòa Xuân, Đà Nẵng", "giao_thong_xay_dung", "xa", "c4-056", DNG_HX),
    ("r4-073", "Cử tri xã Lãnh Ngọc đề nghị đẩy nhanh thi công Dự án Liên kết vùng miền Trung qua địa bàn xã, trước mắt vá các ổ gà, ổ voi để người dân đi lại an toàn trong mùa mưa lũ.", "xã Lãnh Ngọc, Đà Nẵng", "giao_thong_xay_dung", "tinh", "c4-057", DNG_LN),
    ("r4-074", "Một số hộ sống ven bờ sông Tum (xã Tiên Lãnh cũ) đang bị sạt lở đe dọa, mong được di dời vào khu tái định cư Đồng Lầy để bảo đảm an toàn.", "xã Lãnh Ngọc (xã Tiên Lãnh cũ), Đà Nẵng", "dat_dai", "tinh", "c4-058", DNG_LN),
    ("r4-075", "Hai trại heo Bình Dương và Phạm Thiện ở xã Tân Xuân gây ô nhiễm dai dẳng, xả nước thải làm ô nhiễm nguồn nước sinh hoạt của người dân thị xã La Gi; cử tri đề nghị di dời các trại heo xuống hạ nguồn.", "xã Tân Xuân, huyện Hàm Tân - thị xã La Gi, Bình Thuận", "moi_truong", "tinh", "c4-059", BT_LG),
    ("r4-076", "Cử tri tỉnh Bình Thuận kiến nghị đầu tư cải tạo, nâng cấp Quốc lộ 55 đoạn Km52+640 - Km97+692 qua địa bàn tỉnh.", "Bình Thuận", "giao_thong_xay_dung", "trung_uong", "c4-060", TCGT_QL55),
    ("r4-077", "Cử tri xã Hưng Thuận đề nghị sớm triển khai dự án nâng cấp, mở rộng tỉnh lộ 6 (ĐT 787B, từ ngã tư Hai Châu đến Bùng Binh) và sửa hoàn chỉnh đoạn trước chợ Cầu Xe còn hư hỏng sau lần sửa chữa vừa qua.", "xã Hưng Thuận, huyện Trảng Bàng, Tây Ninh", "giao_thong_xay_dung", "tinh", "c4-061", TN17),
    ("r4-078", "Đường số 11 tổ 9 và hẻm số 2 tổ 28 ấp Tân Trung có nhiều ổ gà, ổ voi; nguồn nước ở tổ 36 bị ô nhiễm vẫn chưa khắc phục; cử tri đề nghị xã giải quyết.", "ấp Tân Trung, xã Tân Bình, thành phố Tây Ninh, Tây Ninh", "giao_thong_xay_dung", "xa", "c4-062", TN_TB),
    ("r4-079", "Bãi rác Xóm Mới gây ô nhiễm ngày càng nặng, khói đốt rác và mùi hôi, mạch nước ngầm có dấu hiệu ô nhiễm; cử tri đã kiến nghị từ năm 2014 và tiếp tục đề nghị sớm đóng cửa, di dời bãi rác.", "ấp Xóm Mới 2, xã Thanh Phước, huyện Gò Dầu, Tây Ninh", "moi_truong", "huyen", "c4-063", TN_XM),
    ("r4-080", "Gia đình cử tri cùng ba hộ khác bị giải tỏa trắng để làm đường Võ Văn Kiệt nhưng chờ đã lâu vẫn chưa được giao nhà tái định cư; cử tri đề nghị sớm bàn giao căn hộ.", "xã Tân Nhựt, TP. Hồ Chí Minh (huyện Bình Chánh cũ)", "dat_dai", "tinh", "c4-064", HCM_VVK),
    ("r4-081", "UBND TP.HCM thông báo trước ngày 30/11/2019 sẽ xem xét bố trí tái định cư cho người dân bị ảnh hưởng bởi dự án Khu công nghệ cao nhưng đến nay chưa triển khai; cử tri phường Phước Long B đề nghị giải quyết.", "phường Phước Long B, quận 9, TP. Hồ Chí Minh", "dat_dai", "huyen", "c4-065", HCM_CNC),
    ("r4-082", "Nhiều bộ sách giáo khoa được dùng qua các năm gây lãng phí; cử tri thành phố Long Khánh đề xuất điều chỉnh để tránh lãng phí.", "thành phố Long Khánh, Đồng Nai", "giao_duc", "trung_uong", "c4-003", QH_DN),
    ("r4-083", "Các trường ở phường Quy Nhơn cũng như cả nước dùng nhiều bộ sách giáo khoa khác nhau, gây khó cho phụ huynh, cho học sinh chuyển trường hay nhận sách tặng và cho quản lý chuyên môn; cử tri mong thống nhất dùng một bộ sách giáo khoa trên toàn quốc.", "phường Quy Nhơn, Gia Lai", "giao_duc", "trung_uong", "c4-003", GL_QN),
    ("r4-084", "Nhiều giấy phép con gây khó khăn cho các chủ phương tiện đánh bắt thủy sản; cử tri đề nghị ngành chức năng đẩy mạnh cải cách thủ tục hành chính.", "thành phố Hà Tiên, Kiên Giang", "tu_phap_hanh_chinh", "trung_uong", "c4-066", KG_TV),
]


def main() -> None:
    write_rows(__file__, "real_own4.jsonl", ROWS)


if __name__ == "__main__":
    main()
