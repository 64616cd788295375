"""Builds real_own6.jsonl: a sixth set of real voter petitions, from the south-central coast,
the Central Highlands and the south (Quảng Ngãi, Phú Yên, Khánh Hòa, Ninh Thuận, Gia Lai,
Lâm Đồng, Bình Phước, Tây Ninh, TP Hồ Chí Minh, Long An, Tiền Giang, Bến Tre, Trà Vinh,
Vĩnh Long, An Giang, Kiên Giang, Hậu Giang, Sóc Trăng, Cà Mau), mixing years from the early 2010s
up to March 2026; about 44% of the rows (38 of 87) are from 2025-2026 (after the 1 July 2025
reform they carry the merged commune and province names).

Sources are public pages found with the search tool (corpus "pages"): ministries' replies to the
voters of a province (Bộ Giao thông vận tải / Bộ Xây dựng on QL62, N2, QL22B, QL19, QL80, QL91C;
Bộ Nội vụ on part-time commune staff), provincial answer pages (HĐND tỉnh Long An, Sở GTVT
Long An, UBND tỉnh Gia Lai), and press or portal reports of voter meetings (tiếp xúc cử tri) of
National Assembly delegations and People's Councils. Each petition was rewritten in our own
words in 1-3 sentences, keeping place names, road and project names, numbers and what is
asked; private persons' names were dropped. Pages whose URL is already used in
tests/data/petitions/*.jsonl, dancu/petitions/data/real_train.jsonl or
/work/shared/evalsets/petitions_real_dev.jsonl were skipped; the northern provinces were left
to real_own5.jsonl.

Labels (field, level, cluster) were written by hand from the source text BEFORE any engine was
run on the rows, following /work/shared/evalsets/README.md: level is the one the answer shows
("huyen" when a district or town under the province answered or was asked to act; "tinh" for
grid and telecom requests); where a meeting report gives no answer, the level is the body
competent for the demand (national policy or national road -> trung_uong). Clusters are local
to this file and group petitions about the same specific problem (same road, bridge, site,
project or national policy demand), each member written independently from its own page.
Near misses are kept apart on purpose: different segments of QL22B and QL19, different
riverbank sites on the sông Ba, different canals and different hamlet roads each have their
own cluster.

Multi-member clusters (sizes):
  c6-001 (4) upgrade of QL62 (nút giao QL1 - cửa khẩu Bình Hiệp), Long An
  c6-002 (3) upgrade / widening of national road N2 (Đức Hòa - Mỹ An), Long An
  c6-003 (4) national demand 2022: stabilise fertiliser, farm-input and fuel prices
  c6-004 (2) counterfeit fertiliser and pesticides sold to farmers (Long An, An Giang)
  c6-005 (3) national demand 2022-2023: shortage of BHYT medicines in public health facilities
  c6-006 (3) national demand: one stable set of textbooks
  c6-007 (4) national demand: income and allowances of part-time commune staff
  c6-008 (2) part-time commune staff after the 2025 reorganisation (placement, regime)
  c6-009 (2) flooding of the Ba Cụm field, xã Hưng Thuận (Tây Ninh): dredge drainage canal
  c6-010 (2) repair / upgrade of the Trường Sơn Đông road in Gia Lai
  c6-011 (2) bridges Năng Gù and Thuận Giang (An Giang)
  c6-012 (2) widening / repair of QL80 through An Giang
  c6-013 (2) upgrade of QL91C (cầu Cồn Tiên - cửa khẩu Khánh Bình), An Giang

    cd tests/data/petitions && python3 build_own6.py
"""

from rows_file import write_rows

QNG_SH = "https://danviet.vn/pho-chu-tich-moi-cua-tinh-quang-ngai-nhan-kien-nghi-nong-tai-buoi-tiep-xuc-dau-tien-voi-nguoi-dan-d1369274.html"
QNG_TP = "https://88tysobongda.com/thoi-su/chanh-an-nguyen-hoa-binh-kiem-tra-phan-anh-giao-vien-day-them-tai-nha-trai-quy-dinh-20181123202928170.htm"
NT_KD = "https://baoninhthuan.com.vn/news/133288p24c32/dai-bieu-quoc-hoi-don-vi-tinh-tiep-xuc-cu-tri-cac-dia-phuong.htm"
TN_BC = "https://mattrantoquoc.tayninh.gov.vn/vi/news/uy-vien-uy-ban-mat-tran-to-quoc-viet-nam/-i-bi-u-qu-c-h-i-ti-p-x-c-c-tri-b-n-c-u-tr-c-k-h-p-th-5-qu-c-h-i-kh-a-xv-19454.html"
TN_CG = "https://mattrantoquoc.tayninh.gov.vn/vi/news/uy-vien-uy-ban-mat-tran-to-quoc-viet-nam/mttq-x-c-m-giang-ph-i-h-p-t--i-bi-u-h-nd-huy-n-g-d-u-kh-o-s-t--ki-n-ki-n-ngh-c-a-c-tri-tr-n--a-b-n-x--17742.html"
TN_TT = "https://baotayninh.vn/ong-vo-duc-trong-pho-chu-tich-thuong-truc-ubnd-tinh-tiep-xuc-cu-tri-xa-thanh-tay-a159313.html"
TN_BCUM1 = "https://baotayninh.vn/index.php/dai-bieu-quoc-hoi-tiep-xuc-cu-tri-trang-bang-truoc-ky-hop-thu-8-quoc-hoi-khoa-xv-a179516.html"
TN_BCUM2 = "https://baotayninh.vn/canh-dong-ba-cum-ngap-ung-nganh-chuc-nang-chuan-bi-nao-vet-kenh-tieu-a176213.html"
TN_TV = "https://tanbien.tayninh.gov.vn/vi/news/tin-tuc/-i-bi-u-h-nd-2-c-p-ti-p-x-c-c-tri-x-tr-vong-195.html"
TN_BGT = "http://mt.gov.vn/vn/tin-tuc/91871/tra-loi-kien-nghi-cua-cu-tri-tinh-tay-ninh-ve-lap-dat-he-thong-dam-bao-atgt-tren-ql-22b--he-thong-thoat-nuoc-tren-ql-22.aspx"
GL_CP = "https://baogialai.com.vn/uy-ban-nhan-dan-tinh-tra-loi-kien-nghi-cua-cu-tri-huyen-chu-prong-va-kbang-post327184.html"
GL_KB = "https://baogialai.com.vn/dai-bieu-quoc-hoi-tinh-tiep-xuc-cu-tri-xa-kbang-va-phuong-an-khe-post568566.html"
GL_BC = "https://baogialai.com.vn/truong-doan-dai-bieu-quoc-hoi-tinh-gia-lai-tiep-xuc-cu-tri-xa-bau-can-post568569.html"
GL_IH = "https://baogialai.com.vn/truong-doan-dbqh-tinh-gia-lai-chau-ngoc-tuan-tiep-xuc-cu-tri-tai-xa-ia-hrung-post568665.html"
GL_ID = "https://baogialai.com.vn/to-dai-bieu-hdnd-tinh-so-8-tiep-xuc-cu-tri-xa-ia-dreh-va-phuong-ayun-pa-post576418.html"
GL_TSD = "https://baogialai.com.vn/ubnd-tinh-gia-lai-tra-loi-giai-quyet-kien-nghi-cua-cu-tri-lien-quan-duong-truong-son-dong-xuong-cap-post303853.html"
GL_SA = "https://baogialai.com.vn/dai-bieu-hoi-dong-nhan-dan-tinh-gia-lai-tiep-xuc-cu-tri-xa-song-an-post239608.html"
GL_HT = "https://baogialai.com.vn/channel/12360/202112/bo-giao-thong-van-tai-tra-loi-kien-nghi-cua-cu-tri-tinh-gia-lai-5759494/"
GL_CDY = "https://baogialai.com.vn/cu-tri-huyen-chu-pah-kien-nghi-cac-van-de-lien-quan-den-cong-tac-sap-nhap-don-vi-hanh-chinh-post326929.html"
LA_TH = "https://baolongan.vn/doan-dai-bieu-quoc-hoi-tinh-long-an-tiep-xuc-cu-tri-huyen-thanh-hoa-a142444.html"
LA_QL62 = "https://sgtvt.longan.gov.vn/ket-qua-giai-quyet-don-thu/bo-giao-thong-van-tai-tra-loi-kien-nghi-truoc-ky-hop-6-ve-ql62-534843"
LA_VNE21 = "https://vneconomy.vn/3-du-an-giao-thong-tai-long-an-duoc-uu-tien-dau-tu-tren-11-000-ty-dong.htm"
LA_VTC = "https://vtc.vn/bo-gtvt-hua-duy-tu-sua-chua-quoc-lo-62-bang-nguon-von-bao-tri-ar590036.html"
LA_TA = "https://plo.vn/cu-tri-long-an-bay-to-lo-lang-ve-chuong-trinh-cai-cach-giao-duc-hien-nay-post702072.html"
LA_QL1 = "https://hdnd.longan.gov.vn/thanh-pho-tan-an/cu-tri-thanh-pho-tan-an-de-nghi-tinh-co-giai-phap-thoat-nuoc-tuyen-quoc-lo-1a-doan-phuong-5-tp-t-967605"
AG_PT23 = "https://danviet.vn/chu-tich-hoi-ndvn-va-doan-dai-bieu-quoc-hoi-tinh-an-giang-tiep-xuc-cu-tri-huyen-phu-tan-20230703141527182.htm"
AG_PT22 = "https://danviet.vn/chu-tich-hoi-nong-viet-nam-luong-quoc-doan-tiep-xuc-cu-tri-tai-an-giang-20220428001920035.htm"
AG_LC = "https://danviet.vn/nong-dan-an-giang-phan-anh-gia-phan-bon-xang-dau-tang-cao-voi-doan-dai-bieu-quoc-hoi-20220627125113227.htm"
AG_LX22 = "https://danviet.vn/chu-tich-hoi-ndvn-luong-quoc-doan-nong-dan-can-lien-ket-trong-san-xuat-de-tang-gia-tri-san-pham-20221129154519241.htm"
AG_CM = "https://danviet.vn/ong-luong-quoc-doan-chu-tich-hoi-ndvn-dai-bieu-quoc-hoi-tinh-an-giang-tiep-xuc-cu-tri-cho-moi-20241213083941311.htm"
AG_LX25 = "https://doanhnghiepcuocsong.vn/tinh-gon-giup-tao-the-va-luc-dua-dat-nuoc-buoc-vao-giai-doan-phat-trien-moi-a193200.html"
AG_TC = "https://danviet.vn/chu-tich-trung-uong-hoi-ndvn-luong-quoc-doan-tiep-xuc-cu-tri-tai-an-giang-hau-het-chinh-quyen-ung-ho-chinh-quyen-dia-phuong-2-cap-d1345799.html"
AG_RG = "https://baoangiang.com.vn/cu-tri-phuong-rach-gia-kien-nghi-nhieu-van-de-voi-ung-cu-vien-dai-bieu-quoc-hoi-a478995.html"
AG_BXD25 = "https://dantri.com.vn/thoi-su/bo-xay-dung-tra-loi-cu-tri-an-giang-ve-nang-cap-loat-tuyen-quoc-lo-20251214220413990.htm"
AG_91C = "https://vneconomy.vn/se-xem-xet-dau-tu-nang-cap-mo-rong-tuyen-tranh-quoc-lo-91-qua-an-giang-trong-giai-doan-2026-2030.htm"
BNV_TG = "https://hethongphapluat.vn/cong-van-6253-bnv-cqdp-e2ef34815965063d3bfaa8c78302bc27.html"
HG_PH = "https://www.quochoitv.vn/pho-chu-tich-thuong-truc-quoc-hoi-tiep-xuc-cu-tri-phung-hiep-tinh-hau-giang"
ST_VH = "https://baosoctrang.org.vn/thi-xa-vinh-chau/202406/ai-bieu-hnd-3-cap-tiep-xuc-cu-tri-tai-xa-vinh-hai-bd201fa"
CM_P56 = "https://baocamau.vn/cu-tri-buc-xuc-nhieu-van-de-ve-dan-sinh-a19528.html"
CM_NP = "https://quochoi.vn:443/hoidongdantoc/cacphienhop/Pages/home.aspx?ItemID=89638"
CM_25 = "http://hdnd.camau.gov.vn:80/doan-dbqh-tinh-ca-mau-tiep-xuc-cu-tri-sau-ky-hop-thu-9-quoc-hoi-khoa-xv-lang-nghe-tiep-thu-va-chuyen-tai-day-du-tam-tu-nguyen-vong-cua-nhan-dan.3525"
BT_TP = "http://biengioibienbentre.vn/noi-dung/thanh-phu-doan-dai-bieu-hdnd-tinh-huyen-tiep-xuc-cu-tri-hai-xa-dien-va-thanh.html"
TG_CB = "http://www.thtg.vn/pho-chu-tich-hdnd-tinh-tiep-xuc-cu-tri-huyen-cai-be/"
TG_LT = "https://baomoi.net.vn/tiep-xuc-cu-tri-2-xa-long-tien-va-my-long-c36933544.epi"
HCM_TN = "https://nld.com.vn/cu-tri-tp-hcm-kien-nghi-nhieu-van-de-dan-sinh-cap-bach-196251119190847998.htm"
HCM_DA = "https://www.sggp.org.vn/cu-tri-kien-nghi-chinh-trang-do-thi-dam-bao-an-toan-giao-thong-post825533.html"
KH_LS = "https://lite.baomoi.com/dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-xa-lam-son-c53750008.epi"
VL_TV = "https://hdnd.vinhlong.gov.vn/Default.aspx?ID=292078&tabid=12746"
LD_NC = "https://www.vietnamplus.vn/truong-ban-noi-chinh-trung-uong-phan-dinh-trac-tiep-xuc-cu-tri-tai-lam-dong-post1083220.vnp"
LD_DL = "https://vcdn.vietnam.vn/cu-tri-duc-lap-thuan-an-kien-nghi-nhieu-van-de-dan-sinh-voi-dai-bieu-hdnd-tinh-lam-dong"
PY_TH = "https://tuoitre.vn/lo-song-sat-lo-duong-hu-469423.htm"
BP_BGM = "https://dbnd.binhphuoc.gov.vn/dbqh/doan-dai-bieu-quoc-hoi-tinh-tiep-xuc-cu-tri-tai-huyen-bu-gia-map-va-bu-dop-1793.html"
TV_TN = "https://cauke.travinh.gov.vn/1433/38342/71834/600813/focus/delegates-of-tra-vinh-provincial-people-s-council-met-with-voters-in-tam-ngai-and-hoa-an-commune"

ROWS = [
    # id, text, area, field, level, cluster, source
    # --- Quảng Ngãi ---
    ("r6-001", "Cử tri phường Sa Huỳnh đề nghị các cấp, ngành của tỉnh và Trung ương đầu tư hệ thống đèn chiếu sáng trên Quốc lộ 1A, đoạn giáp ranh xã Khánh Cường đến đèo Bình Đê; Phó Chủ tịch UBND tỉnh cho biết sẽ chỉ đạo sở, ngành kiểm tra, đề xuất phương án.", "phường Sa Huỳnh, tỉnh Quảng Ngãi", "dien_nuoc_vien_thong", "tinh", "c6-014", QNG_SH),
    ("r6-002", "Nguồn nước sinh hoạt của nhiều khu dân cư phía nam phường Sa Huỳnh (thuộc xã Phổ Châu, thị xã Đức Phổ cũ) bị nhiễm mặn, nhiễm phèn; cử tri mong tỉnh sớm có giải pháp cấp nước sạch.", "phường Sa Huỳnh (xã Phổ Châu cũ), tỉnh Quảng Ngãi", "dien_nuoc_vien_thong", "tinh", "c6-015", QNG_SH),
    ("r6-003", "Nhà máy nhựa Đồng Khánh, Xí nghiệp Puzơlan và một số cơ sở trong Khu công nghiệp Tịnh Phong thải nhiều khói bụi, ảnh hưởng đời sống người dân và học sinh; cử tri xã Tịnh Phong đề nghị tỉnh kiểm tra, xử lý ô nhiễm và sớm hoàn thành công trình xử lý rác thải của huyện Sơn Tịnh.", "xã Tịnh Phong, huyện Sơn Tịnh, Quảng Ngãi", "moi_truong", "tinh", "c6-016", QNG_TP),
    # --- Ninh Thuận (nay Khánh Hòa) ---
    ("r6-004", "Cử tri phường Kinh Dinh đề nghị sớm thực hiện thông tuyến khám, chữa bệnh bảo hiểm y tế để người dân được khám ở nơi thuận tiện.", "phường Kinh Dinh, TP. Phan Rang-Tháp Chàm, Ninh Thuận", "y_te", "trung_uong", "c6-017", NT_KD),
    ("r6-005", "Cử tri phường Kinh Dinh kiến nghị Quốc hội, Chính phủ sớm có cơ chế hỗ trợ kinh phí, nâng chế độ cho cán bộ bán chuyên trách ở phường.", "phường Kinh Dinh, TP. Phan Rang-Tháp Chàm, Ninh Thuận", "to_chuc_can_bo", "trung_uong", "c6-007", NT_KD),
    # --- Tây Ninh ---
    ("r6-006", "Cử tri huyện Bến Cầu mong Trung ương và tỉnh quan tâm nâng cấp, mở rộng tuyến đường 786 qua địa bàn huyện để người dân đi lại, giao thương thuận tiện.", "huyện Bến Cầu, Tây Ninh", "giao_thong_xay_dung", "tinh", "c6-018", TN_BC),
    ("r6-007", "Người dân đến trạm y tế xã khám bệnh vẫn gặp tình trạng thiếu thuốc, gây bức xúc; cử tri Bến Cầu đề nghị Đoàn ĐBQH phản ánh để có giải pháp bảo đảm thuốc cho cơ sở y tế.", "xã Long Thuận, huyện Bến Cầu, Tây Ninh", "y_te", "trung_uong", "c6-005", TN_BC),
    ("r6-008", "Cử tri ấp Cẩm An phản ánh nhiều lần việc kênh Hóc Đùn đoạn 2 từ khi làm xong chưa được nạo vét, nay xuống cấp, khó sản xuất lúa; đoàn khảo sát đề nghị UBND xã có văn bản kiến nghị cấp trên nạo vét tuyến kênh này.", "ấp Cẩm An, xã Cẩm Giang, huyện Gò Dầu, Tây Ninh", "nong_nghiep_thuy_loi", "huyen", "c6-019", TN_CG),
    ("r6-009", "Cử tri xã Thạnh Tây phản ánh Quốc lộ 22B đoạn qua xã còn chỗ hư hỏng nặng, cống thoát nước lâu ngày không được nạo vét nên gây ngập úng, đề nghị ngành chức năng sửa chữa.", "xã Thạnh Tây, huyện Tân Biên, Tây Ninh", "giao_thong_xay_dung", "trung_uong", "c6-020", TN_TT),
    ("r6-010", "Người có thẻ bảo hiểm y tế đi khám vẫn thiếu thuốc BHYT; Phó Chủ tịch Thường trực UBND tỉnh giải trình đây là tình hình chung cả nước, Bộ Y tế đã chọn được nhà thầu để mua sắm tập trung thuốc.", "xã Thạnh Tây, huyện Tân Biên, Tây Ninh", "y_te", "trung_uong", "c6-005", TN_TT),
    ("r6-011", "Cử tri thị xã Trảng Bàng phản ánh khoảng 200 ha ruộng ở cánh đồng Ba Cụm, xã Hưng Thuận bị ngập úng vì kênh tiêu bị tắc, có trại vịt và hàng rào B40 chắn ngang, cống dân tự đặt sai kích thước bị lấp đầy rác; đề nghị khơi thông dòng chảy. Ý kiến được giao ngành chức năng và thị xã Trảng Bàng giải quyết.", "xã Hưng Thuận, thị xã Trảng Bàng, Tây Ninh", "nong_nghiep_thuy_loi", "huyen", "c6-009", TN_BCUM1),
    ("r6-012", "Từ cuối tháng 9/2023, nông dân trồng lúa ở cánh đồng Ba Cụm (ấp Lộc Trung, xã Hưng Thuận) kiến nghị nạo vét kênh tiêu N23-2-2T bên bờ tả kênh chính Đông vì kênh bồi lắng, cống ngang không đúng quy cách; Sở NN&PTNT, công ty khai thác thủy lợi đã khảo sát và có kế hoạch nạo vét.", "ấp Lộc Trung, xã Hưng Thuận, thị xã Trảng Bàng, Tây Ninh", "nong_nghiep_thuy_loi", "tinh", "c6-009", TN_BCUM2),
    ("r6-013", "Cử tri xã Trà Vong đề nghị nâng cấp Quốc lộ 22B đoạn từ kênh Tây về xã Trà Vong, dài khoảng 4 km, mặt đường đã xuống cấp.", "xã Trà Vong, huyện Tân Biên, Tây Ninh", "giao_thong_xay_dung", "trung_uong", "c6-021", TN_TV),
    ("r6-014", "Cử tri Tây Ninh đề nghị khảo sát, lắp gờ giảm tốc hoặc đèn tín hiệu cảnh báo trên QL22B trước cổng Thánh thất Trường Ân (xã Trường Đông, thị xã Hòa Thành) vì hay xảy ra tai nạn; Bộ GTVT trả lời về vị trí đấu nối Km23+020.", "xã Trường Đông, thị xã Hòa Thành, Tây Ninh", "giao_thong_xay_dung", "trung_uong", "c6-022", TN_BGT),
    # --- Gia Lai (cũ và mới) ---
    ("r6-015", "Tỉnh lộ 665 (tiểu dự án vốn ADB) qua thôn Tân Thủy, xã Ia Ga, gần ngã ba Di tích Chiến thắng Plei Me (Km24+200) có cống thoát nước nhỏ, mưa lớn là nghẹt, nước tràn mặt đường, xói vườn dân; một số hộ chưa được cấp tấm đan qua mương. UBND tỉnh trả lời dự án đã gia hạn, bổ sung vốn, dự kiến thi công hạng mục này trong tháng 5/2025.", "thôn Tân Thủy, xã Ia Ga, huyện Chư Prông, Gia Lai", "giao_thong_xay_dung", "tinh", "c6-023", GL_CP),
    ("r6-016", "Cử tri huyện Kbang đề nghị UBND tỉnh có cơ chế đặc thù để thu hút giáo viên, viên chức y tế, công chức về xã Kon Pne, vì từ năm 2021 xã được công nhận là xã khu vực I nên rất khó tuyển dụng.", "xã Kon Pne, huyện Kbang, Gia Lai", "to_chuc_can_bo", "tinh", "c6-024", GL_CP),
    ("r6-017", "Cử tri xã Kbang đề nghị điều chỉnh quy định xử phạt phương tiện “không chính chủ” cho phù hợp thực tế.", "xã Kbang, tỉnh Gia Lai", "an_ninh_trat_tu", "trung_uong", "c6-025", GL_KB),
    ("r6-018", "Nhiều cử tri phường An Khê phản ánh tình trạng sạt lở nghiêm trọng dọc bờ sông Ba, đe dọa đất và nhà cửa của người dân, đề nghị có giải pháp khắc phục.", "phường An Khê, tỉnh Gia Lai", "nong_nghiep_thuy_loi", "tinh", "c6-026", GL_KB),
    ("r6-019", "Cử tri xã Bàu Cạn phản ánh một số đoạn Quốc lộ 19 qua địa bàn xã đã xuống cấp, tiềm ẩn nguy cơ tai nạn giao thông.", "xã Bàu Cạn, tỉnh Gia Lai", "giao_thong_xay_dung", "trung_uong", "c6-027", GL_BC),
    ("r6-020", "Cử tri xã Bàu Cạn lo ngại ô nhiễm nguồn nước do một số nhà máy chế biến trên địa bàn xả thải, đề nghị kiểm tra, xử lý.", "xã Bàu Cạn, tỉnh Gia Lai", "moi_truong", "tinh", "c6-028", GL_BC),
    ("r6-021", "Cử tri xã Ia Hrung đề nghị các cấp quan tâm bồi thường thỏa đáng cho các hộ dân bị ảnh hưởng bởi dự án đường dây điện 500 kV đi qua địa bàn.", "xã Ia Hrung, tỉnh Gia Lai", "dat_dai", "tinh", "c6-029", GL_IH),
    ("r6-022", "Cử tri thôn Tân An, xã Ia Hrung đề nghị xem xét cấp đất để xây hội trường thôn phục vụ sinh hoạt cộng đồng.", "thôn Tân An, xã Ia Hrung, tỉnh Gia Lai", "van_hoa_the_thao", "xa", "c6-030", GL_IH),
    ("r6-023", "Cử tri xã Ia Dreh kiến nghị tổ đại biểu HĐND tỉnh đề nghị nâng cấp tuyến đường Trường Sơn Đông đoạn qua địa bàn xã.", "xã Ia Dreh, tỉnh Gia Lai", "giao_thong_xay_dung", "tinh", "c6-010", GL_ID),
    ("r6-024", "Cử tri xã Ia Dreh đề nghị sửa chữa, nâng cấp cầu Ia Rmok để đi lại an toàn.", "xã Ia Dreh, tỉnh Gia Lai", "giao_thong_xay_dung", "tinh", "c6-031", GL_ID),
    ("r6-025", "Cử tri xã Ia Dreh đề nghị đầu tư nhà máy nước sinh hoạt lấy nguồn từ hồ Ia Dreh để cấp nước sạch cho dân.", "xã Ia Dreh, tỉnh Gia Lai", "dien_nuoc_vien_thong", "tinh", "c6-032", GL_ID),
    ("r6-026", "Đoạn đường Trường Sơn Đông qua xã Ia Trok, huyện Ia Pa đã xuống cấp, bong tróc, nhiều hố lồi lõm, mất an toàn; cử tri đề nghị UBND tỉnh chỉ đạo Sở Giao thông vận tải sớm sửa chữa.", "xã Ia Trok, huyện Ia Pa, Gia Lai", "giao_thong_xay_dung", "tinh", "c6-010", GL_TSD),
    ("r6-027", "Cử tri huyện Ia Pa đề nghị UBND tỉnh chỉ đạo các đơn vị vận hành hồ, đập thủy lợi trên địa bàn phải có kế hoạch và thông báo sớm cho đơn vị thi công, người dân trước khi xả lũ, vì có lần chưa thông báo kịp thời.", "huyện Ia Pa, Gia Lai", "nong_nghiep_thuy_loi", "tinh", "c6-033", GL_TSD),
    ("r6-028", "Cử tri xã Song An đề nghị nạo vét đập hồ Hòn Cỏ để trữ nước tưới lúa, hoa màu và phát triển du lịch sinh thái.", "xã Song An, thị xã An Khê, Gia Lai", "nong_nghiep_thuy_loi", "huyen", "c6-034", GL_SA),
    ("r6-029", "Quốc lộ 19 đoạn qua khu dân cư xã Hà Tam, huyện Đak Pơ hư hỏng nặng, chưa có rãnh thoát nước dọc, mùa mưa nước chảy vào nhà dân; cử tri đề nghị chỉ đạo đơn vị thi công khắc phục. Bộ GTVT trả lời tại Công văn 12736/BGTVT-KCHT.", "xã Hà Tam, huyện Đak Pơ, Gia Lai", "giao_thong_xay_dung", "trung_uong", "c6-035", GL_HT),
    ("r6-030", "Cử tri xã Chư Đang Ya lo ngại sau khi sáp nhập xã phải điều chỉnh giấy tờ tùy thân và giấy chứng nhận quyền sử dụng đất; đại diện ngành, địa phương đã trả lời tại hội nghị.", "xã Chư Đang Ya, huyện Chư Păh, Gia Lai", "tu_phap_hanh_chinh", "tinh", "c6-036", GL_CDY),
    # --- Long An (nay Tây Ninh) ---
    ("r6-031", "Cử tri xã Thủy Tây và Thạnh An đề nghị sớm nâng cấp, mở rộng Quốc lộ 62 để hạn chế tai nạn giao thông.", "xã Thủy Tây, xã Thạnh An, huyện Thạnh Hóa, Long An", "giao_thong_xay_dung", "trung_uong", "c6-001", LA_TH),
    ("r6-032", "Cùng với Quốc lộ 62, cử tri huyện Thạnh Hóa kiến nghị nâng cấp, mở rộng Quốc lộ N2 vì tuyến này xảy ra nhiều vụ tai nạn giao thông.", "huyện Thạnh Hóa, Long An", "giao_thong_xay_dung", "trung_uong", "c6-002", LA_TH),
    ("r6-033", "Cử tri Thạnh Hóa mong có giải pháp bình ổn giá phân bón, thuốc bảo vệ thực vật để nông dân yên tâm sản xuất.", "huyện Thạnh Hóa, Long An", "tai_chinh_ngan_sach", "trung_uong", "c6-003", LA_TH),
    ("r6-034", "Cử tri đề nghị xử lý nghiêm các cửa hàng vật tư nông nghiệp bán phân bón, thuốc bảo vệ thực vật giả, kém chất lượng để bảo vệ quyền lợi nông dân.", "huyện Thạnh Hóa, Long An", "khac", "tinh", "c6-004", LA_TH),
    ("r6-035", "Cử tri tỉnh Long An tiếp tục đề nghị sớm bố trí vốn, đẩy nhanh dự án nâng cấp, mở rộng QL62 từ nút giao với QL1 đến cửa khẩu Bình Hiệp; Bộ Giao thông vận tải trả lời tại Văn bản 701/BGTVT-KHĐT ngày 19/01/2024.", "Long An", "giao_thong_xay_dung", "trung_uong", "c6-001", LA_QL62),
    ("r6-036", "Quốc lộ 62 đoạn từ nút giao QL1 đến cửa khẩu Bình Hiệp (thị xã Kiến Tường) quá tải, xuống cấp, thường kẹt xe dịp lễ Tết; cử tri Long An đề nghị Bộ GTVT sớm phê duyệt chủ trương nâng cấp, mở rộng. Bộ trả lời bằng văn bản số 13851.", "thị xã Kiến Tường, Long An", "giao_thong_xay_dung", "trung_uong", "c6-001", LA_VNE21),
    ("r6-037", "Cử tri Long An đề nghị triển khai trong năm 2022 dự án nâng cấp, mở rộng tuyến N2 đoạn Đức Hòa (Long An) - Mỹ An (Đồng Tháp) vì tuyến đường quá tải, hư hỏng nhiều.", "huyện Đức Hòa, Long An", "giao_thong_xay_dung", "trung_uong", "c6-002", LA_VNE21),
    ("r6-038", "Nhiều đoạn QL62 xuống cấp trầm trọng, xe tải lưu thông dày đặc; cử tri Long An đề nghị Bộ GTVT lắp chiếu sáng tại khu dân cư, giao lộ trên tuyến. Bộ hứa duy tu, sửa chữa bằng vốn bảo trì trong khi chờ dự án nâng cấp (Văn bản 65/BGTVT-KHĐT).", "Long An", "giao_thong_xay_dung", "trung_uong", "c6-001", LA_VTC),
    ("r6-039", "Cử tri Long An đề nghị mở rộng tuyến N2, nhất là đoạn giao với QL62, vì mặt đường hẹp mà lưu lượng xe tăng nhanh, thường ùn tắc.", "Long An", "giao_thong_xay_dung", "trung_uong", "c6-002", LA_VTC),
    ("r6-040", "Cử tri phường 3, phường 4 TP Tân An cho rằng việc mỗi trường, mỗi khối, mỗi tỉnh chọn một kiểu sách giáo khoa gây bất cập, chi phí sách vở lớn; đề nghị Quốc hội xem xét lại việc đổi mới chương trình, sách giáo khoa.", "phường 3, phường 4, TP. Tân An, Long An", "giao_duc", "trung_uong", "c6-006", LA_TA),
    ("r6-041", "Cử tri TP Tân An kiến nghị xem lại công tác đấu thầu, mua sắm thuốc, vật tư và trang thiết bị y tế vì bệnh viện đang thiếu thuốc, nhất là thuốc bảo hiểm y tế.", "TP. Tân An, Long An", "y_te", "trung_uong", "c6-005", LA_TA),
    ("r6-042", "Cử tri TP Tân An phản ánh chế độ, chính sách cho cán bộ không chuyên trách cấp xã, phường còn thấp, đề nghị Quốc hội quan tâm.", "TP. Tân An, Long An", "to_chuc_can_bo", "trung_uong", "c6-007", LA_TA),
    ("r6-043", "Quốc lộ 1A đoạn qua phường 5, TP Tân An thường bị ngập khi trời mưa; cử tri đề nghị tỉnh có giải pháp thoát nước. UBND tỉnh trả lời đoạn này đã có hệ thống thoát nước, Sở GTVT đã vệ sinh cửa thu, nạo vét hố ga.", "phường 5, TP. Tân An, Long An", "giao_thong_xay_dung", "tinh", "c6-037", LA_QL1),
    # --- An Giang (cũ và mới) ---
    ("r6-044", "Cử tri huyện Phú Tân kiến nghị huyện, tỉnh và Chính phủ đầu tư nâng cấp đường giao thông, nhất là mở rộng Quốc lộ 80 qua địa bàn để bà con đi lại, buôn bán thuận tiện.", "huyện Phú Tân, An Giang", "giao_thong_xay_dung", "trung_uong", "c6-012", AG_PT23),
    ("r6-045", "Thu nhập của cán bộ không chuyên trách ở cơ sở chủ yếu là phụ cấp, không đủ sống và không được nâng như công chức dù có bằng cấp tương đương; cử tri Phú Tân đề nghị Quốc hội, Chính phủ bổ sung chính sách cho lực lượng này.", "huyện Phú Tân, An Giang", "to_chuc_can_bo", "trung_uong", "c6-007", AG_PT23),
    ("r6-046", "Cử tri Phú Tân đề nghị kêu gọi đầu tư hai cầu Năng Gù (nối Châu Phú - Phú Tân) và Thuận Giang (nối Chợ Mới - Phú Tân) cùng hai khu công nghiệp của huyện để tạo việc làm tại chỗ.", "huyện Phú Tân, An Giang", "giao_thong_xay_dung", "tinh", "c6-011", AG_PT22),
    ("r6-047", "Cử tri huyện Phú Tân đề nghị đại biểu kiến nghị Chính phủ có chính sách bình ổn giá phân bón, vật tư nông nghiệp và tìm đầu ra cho nông sản.", "huyện Phú Tân, An Giang", "tai_chinh_ngan_sach", "trung_uong", "c6-003", AG_PT22),
    ("r6-048", "Nông dân xã Lê Chánh phản ánh với Đoàn ĐBQH tỉnh giá phân bón, xăng dầu tăng cao làm sản xuất thua lỗ, đề nghị Nhà nước có giải pháp kiềm giá.", "xã Lê Chánh, thị xã Tân Châu, An Giang", "tai_chinh_ngan_sach", "trung_uong", "c6-003", AG_LC),
    ("r6-049", "Cử tri TP Long Xuyên phản ánh tình trạng phân bón, thuốc trừ sâu giả, kém chất lượng ảnh hưởng sản xuất, mong ngành chức năng tỉnh tăng cường kiểm tra, giám sát hàng gian, hàng giả.", "phường Mỹ Xuyên, TP. Long Xuyên, An Giang", "khac", "tinh", "c6-004", AG_LX22),
    ("r6-050", "Việc thay sách giáo khoa liên tục gây lãng phí, thêm gánh nặng chi phí cho người dân; cử tri Long Xuyên đề nghị Quốc hội lưu ý.", "TP. Long Xuyên, An Giang", "giao_duc", "trung_uong", "c6-006", AG_LX22),
    ("r6-051", "Cử tri huyện Chợ Mới phản ánh thủ tục cấp giấy chứng nhận quyền sử dụng đất cho các dự án trên địa bàn các xã kéo dài gần 5 năm vẫn chưa được Sở và Phòng Tài nguyên và Môi trường giải quyết, gây khó cho nhà đầu tư.", "các xã An Thạnh Trung, Mỹ An, Long Kiến, Hòa Bình, huyện Chợ Mới, An Giang", "dat_dai", "tinh", "c6-038", AG_CM),
    ("r6-052", "Cử tri phường Mỹ Bình đề nghị Trung ương sớm ban hành văn bản hướng dẫn cụ thể việc giải quyết chế độ, chính sách cho cán bộ dôi dư và người hoạt động không chuyên trách cấp xã sau khi sáp nhập.", "phường Mỹ Bình, TP. Long Xuyên, An Giang", "to_chuc_can_bo", "trung_uong", "c6-008", AG_LX25),
    ("r6-053", "Cử tri phường Tân Châu đề nghị đầu tư phát triển cửa khẩu quốc tế Vĩnh Xương cho xứng tầm cửa khẩu quốc tế.", "phường Tân Châu, tỉnh An Giang", "giao_thong_xay_dung", "trung_uong", "c6-039", AG_TC),
    ("r6-054", "Cử tri phường Tân Châu tiếp tục nêu vấn đề sách giáo khoa và thi cử, mong Quốc hội, Bộ Giáo dục và Đào tạo có điều chỉnh.", "phường Tân Châu, tỉnh An Giang", "giao_duc", "trung_uong", "c6-006", AG_TC),
    ("r6-055", "Tại hội nghị với ứng cử viên ĐBQH khóa XVI, cử tri phường Rạch Giá kiến nghị đầu tư nâng cấp tuyến đường Võ Trường Toản và cải thiện thủ tục bảo hiểm y tế.", "phường Rạch Giá, tỉnh An Giang", "giao_thong_xay_dung", "tinh", "c6-040", AG_RG),
    ("r6-056", "Cử tri phường Rạch Giá đề nghị tăng cường quản lý quảng cáo trên mạng xã hội, nhất là việc người nổi tiếng quảng bá sản phẩm không đúng sự thật.", "phường Rạch Giá, tỉnh An Giang", "khac", "trung_uong", "c6-041", AG_RG),
    ("r6-057", "Cử tri An Giang đề nghị đẩy nhanh tiến độ xây dựng cầu Thuận Giang và cầu Năng Gù; kiến nghị được gửi tới Bộ Xây dựng cùng các đề nghị về quốc lộ.", "tỉnh An Giang", "giao_thong_xay_dung", "tinh", "c6-011", AG_BXD25),
    ("r6-058", "Quốc lộ 80 qua An Giang đã xuống cấp, gây nguy hiểm; cử tri đề nghị khảo sát, sửa chữa và mở rộng tuyến. Bộ Xây dựng trả lời QL80 dài khoảng 216 km (133 km qua An Giang), được quy hoạch đường cấp III, 2-4 làn xe.", "tỉnh An Giang", "giao_thong_xay_dung", "trung_uong", "c6-012", AG_BXD25),
    ("r6-059", "Quốc lộ 91C dù đã được nâng cấp nhưng lưu lượng xe quá lớn, không đáp ứng nhu cầu phát triển; cử tri An Giang đề nghị mở rộng tuyến (Bộ Xây dựng trả lời năm 2025).", "tỉnh An Giang", "giao_thong_xay_dung", "trung_uong", "c6-013", AG_BXD25),
    ("r6-060", "Cử tri An Giang kiến nghị khảo sát nâng cấp Quốc lộ 91C đoạn từ cầu Cồn Tiên đến cửa khẩu quốc gia Khánh Bình, tuyến huyết mạch của huyện An Phú; Bộ Xây dựng trả lời tại Văn bản 199/BXD-KHTC ngày 10/3/2025.", "huyện An Phú, An Giang", "giao_thong_xay_dung", "trung_uong", "c6-013", AG_91C),
    ("r6-061", "Cử tri An Giang đề nghị đầu tư mở rộng mặt đường tuyến tránh Quốc lộ 91 (đường N1) để hạn chế tai nạn và tăng liên kết vùng; Bộ Xây dựng cho biết sẽ xem xét trong giai đoạn 2026-2030.", "An Giang", "giao_thong_xay_dung", "trung_uong", "c6-042", AG_91C),
    # --- Tiền Giang (nay Đồng Tháp), Hậu Giang, Sóc Trăng (nay Cần Thơ) ---
    ("r6-062", "Cử tri tỉnh Tiền Giang (nay là Đồng Tháp) đề nghị xem xét bố trí vị trí công tác cho cán bộ không chuyên trách ở cơ sở sau sắp xếp đơn vị hành chính, ưu tiên người có trình độ phù hợp vào chức danh chuyên trách; Bộ Nội vụ trả lời tại Công văn 6253/BNV-CQĐP ngày 09/8/2025, dẫn Văn bản 12/CV-BCĐ.", "tỉnh Đồng Tháp (Tiền Giang cũ)", "to_chuc_can_bo", "trung_uong", "c6-008", BNV_TG),
    ("r6-063", "Cử tri huyện Phụng Hiệp đề nghị Đoàn ĐBQH kiến nghị ổn định giá phân bón, xăng dầu để nông dân yên tâm sản xuất.", "huyện Phụng Hiệp, Hậu Giang", "tai_chinh_ngan_sach", "trung_uong", "c6-003", HG_PH),
    ("r6-064", "Lộ đê biển ấp Mỹ Thanh, xã Vĩnh Hải, xây dựng năm 2018, nay đã xuống cấp nghiêm trọng; cử tri đề nghị đại biểu HĐND ba cấp kiến nghị sửa chữa.", "ấp Mỹ Thanh, xã Vĩnh Hải, thị xã Vĩnh Châu, Sóc Trăng", "nong_nghiep_thuy_loi", "tinh", "c6-043", ST_VH),
    ("r6-065", "Lưới điện ở ấp Mỹ Thanh có nhiều đoạn dây sà thấp xuống đường, mất an toàn; cử tri đề nghị ngành điện khắc phục.", "ấp Mỹ Thanh, xã Vĩnh Hải, thị xã Vĩnh Châu, Sóc Trăng", "dien_nuoc_vien_thong", "tinh", "c6-044", ST_VH),
    # --- Cà Mau ---
    ("r6-066", "Cử tri xã Nguyễn Việt Khái phản ánh ấp Sào Lưới, Sào Lưới Tây và ấp Cơ 6 thiếu nước sạch sinh hoạt, đề nghị đầu tư cấp nước.", "xã Nguyễn Việt Khái, huyện Phú Tân, Cà Mau", "dien_nuoc_vien_thong", "tinh", "c6-045", CM_P56),
    ("r6-067", "Ấp 17, 18, 19, 20 xã Nguyễn Phích có khoảng 386 hộ với hơn 1.750 ha đất nhận giao khoán rừng đã hết hạn hợp đồng nhưng chưa được cấp lại giấy chứng nhận vì đưa nước mặn nuôi tôm trái mục đích, nay đất đã nhiễm mặn; cử tri đề nghị quy hoạch lại vùng, cho chuyển mục đích sử dụng đất và được xây nhà kiên cố.", "ấp 17-20, xã Nguyễn Phích, huyện U Minh, Cà Mau", "dat_dai", "tinh", "c6-046", CM_NP),
    ("r6-068", "Cử tri Cà Mau đề xuất Quốc hội, Chính phủ điều chỉnh điều kiện tách thửa đất ở nông thôn cho phù hợp từng địa phương để người dân dễ chuyển nhượng, chia thừa kế.", "tỉnh Cà Mau", "dat_dai", "trung_uong", "c6-047", CM_25),
    ("r6-069", "Hộ nuôi tôm gặp nhiều khó khăn vì giá vật tư tăng, dịch bệnh, khó vay vốn; cử tri Cà Mau kiến nghị chính sách cấp bách hỗ trợ lãi suất, khoanh nợ và đầu tư hạ tầng vùng nuôi tôm.", "tỉnh Cà Mau", "tai_chinh_ngan_sach", "trung_uong", "c6-048", CM_25),
    # --- Bến Tre, Trà Vinh, Vĩnh Long (nay Vĩnh Long) ---
    ("r6-070", "Cử tri hai xã An Điền, An Thạnh đề nghị quan tâm hơn chính sách cho người làm nhiệm vụ bán chuyên trách ở xã và chi trả công tác phí cho cán bộ đi công tác dưới 9 km.", "xã An Điền, xã An Thạnh, huyện Thạnh Phú, Bến Tre", "to_chuc_can_bo", "trung_uong", "c6-007", BT_TP),
    ("r6-071", "Cử tri xã Tam Ngãi đề nghị sớm đưa công trình cống Tân Định ở xã An Phú Tân vào vận hành.", "xã An Phú Tân, huyện Cầu Kè, Trà Vinh", "nong_nghiep_thuy_loi", "tinh", "c6-049", TV_TN),
    ("r6-072", "Cử tri phường Trà Vinh đề nghị đầu tư hệ thống cống thoát nước ở một số hẻm trong phường.", "phường Trà Vinh, tỉnh Vĩnh Long", "giao_thong_xay_dung", "xa", "c6-050", VL_TV),
    ("r6-073", "Cử tri đề nghị nâng cấp, sửa chữa trang thiết bị của Trung tâm chính trị phường Trà Vinh.", "phường Trà Vinh, tỉnh Vĩnh Long", "khac", "xa", "c6-051", VL_TV),
    ("r6-074", "Đập Miễu Bà ở xã Hòa Hưng xuống cấp, có nguy cơ sạt lở; cử tri đề nghị đầu tư sửa chữa.", "xã Hòa Hưng, huyện Cái Bè, Tiền Giang", "nong_nghiep_thuy_loi", "huyen", "c6-052", TG_CB),
    ("r6-075", "Cử tri xã Long Tiên đề nghị sớm thi công đường Đông Ba Muồng (liên ấp Mỹ Chánh - Mỹ Lương) để dân lưu thông, chở hàng.", "ấp Mỹ Chánh, ấp Mỹ Lương, xã Long Tiên, huyện Cai Lậy, Tiền Giang", "giao_thong_xay_dung", "huyen", "c6-053", TG_LT),
    ("r6-076", "Cử tri xã Mỹ Long đề nghị sớm làm tuyến đường Tây Chín Tương nối ấp Mỹ Hội và ấp Mỹ Điền.", "ấp Mỹ Hội, ấp Mỹ Điền, xã Mỹ Long, huyện Cai Lậy, Tiền Giang", "giao_thong_xay_dung", "huyen", "c6-054", TG_LT),
    # --- TP Hồ Chí Minh (gồm Bình Dương cũ) ---
    ("r6-077", "Cử tri 7 xã Tân Nhựt, Bình Chánh, Bình Hưng, Hưng Long, Bình Lợi, Vĩnh Lộc, Tân Vĩnh Lộc phản ánh triều cường gây ngập đường Văn Tiến Dũng (Quốc lộ 50 cũ), đề nghị thành phố có giải pháp.", "xã Tân Nhựt và các xã lân cận, TP. Hồ Chí Minh", "giao_thong_xay_dung", "tinh", "c6-055", HCM_TN),
    ("r6-078", "Cử tri đề xuất thực hiện dự án bờ đê, bờ kè dọc sông Chợ Đệm.", "xã Tân Nhựt, TP. Hồ Chí Minh", "nong_nghiep_thuy_loi", "tinh", "c6-056", HCM_TN),
    ("r6-079", "Cử tri phường Dĩ An lo ngại an toàn giao thông với xe đầu kéo, nhất là tại nút giao Sóng Thần, đề nghị tăng cường kiểm tra, kiểm soát.", "phường Dĩ An, TP. Hồ Chí Minh", "an_ninh_trat_tu", "tinh", "c6-057", HCM_DA),
    ("r6-080", "Cử tri phường Đông Hòa phản ánh ngập úng cục bộ trên một số tuyến đường của phường và đề nghị sớm khắc phục.", "phường Đông Hòa, TP. Hồ Chí Minh", "giao_thong_xay_dung", "xa", "c6-058", HCM_DA),
    # --- Khánh Hòa, Lâm Đồng, Phú Yên, Bình Phước ---
    ("r6-081", "Cử tri xã Lâm Sơn phản ánh Trường Phổ thông Dân tộc nội trú THCS Ninh Sơn xuống cấp nặng, ảnh hưởng dạy và học, đề nghị sửa chữa.", "xã Lâm Sơn, tỉnh Khánh Hòa", "giao_duc", "tinh", "c6-059", KH_LS),
    ("r6-082", "Cử tri xã Lâm Sơn đề nghị sớm khắc phục sạt lở tại khu vực đèo Ngoạn Mục.", "xã Lâm Sơn, tỉnh Khánh Hòa", "giao_thong_xay_dung", "trung_uong", "c6-060", KH_LS),
    ("r6-083", "Bơ, sầu riêng của Tây Nguyên khó tiêu thụ, giá liên tục giảm; cử tri xã Nhân Cơ mong Chính phủ, các bộ và tỉnh đẩy mạnh xúc tiến thương mại, tìm đầu ra cho nông sản.", "xã Nhân Cơ, tỉnh Lâm Đồng", "nong_nghiep_thuy_loi", "trung_uong", "c6-061", LD_NC),
    ("r6-084", "Cử tri xã Đức Lập và Thuận An đề nghị giải quyết vướng mắc cấp giấy chứng nhận, chuyển mục đích sử dụng đất và tình trạng chồng chéo quy hoạch làm khó việc xây dựng, tách thửa, cấp bìa.", "xã Đức Lập, xã Thuận An, tỉnh Lâm Đồng", "dat_dai", "tinh", "c6-062", LD_DL),
    ("r6-085", "Cử tri huyện Tây Hòa đề nghị sớm xây kè chống xói lở bờ nam sông Ba từ xã Hòa Phú đến xã Hòa Bình 1 để giữ đất, bảo vệ tính mạng người dân.", "xã Hòa Phú - xã Hòa Bình 1, huyện Tây Hòa, Phú Yên", "nong_nghiep_thuy_loi", "tinh", "c6-063", PY_TH),
    ("r6-086", "Cử tri huyện Phú Hòa yêu cầu sửa chữa nhanh hệ thống kè dọc sông đoạn qua thôn Cẩm Thạch, xã Hòa Định Tây đã bị hư hỏng.", "thôn Cẩm Thạch, xã Hòa Định Tây, huyện Phú Hòa, Phú Yên", "nong_nghiep_thuy_loi", "tinh", "c6-064", PY_TH),
    ("r6-087", "Cử tri huyện Bù Gia Mập kiến nghị tháo gỡ khó khăn do quy hoạch dự trữ, khai thác khoáng sản chồng lấn lên đất của các xã Đức Hạnh, Phú Văn.", "xã Đức Hạnh, xã Phú Văn, huyện Bù Gia Mập, Bình Phước", "dat_dai", "trung_uong", "c6-065", BP_BGM),
]


def main() -> None:
    write_rows(__file__, "real_own6.jsonl", ROWS)


if __name__ == "__main__":
    main()
