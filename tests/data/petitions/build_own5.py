"""Builds real_own5.jsonl: a fifth set of real voter petitions, from the north and north-central
provinces (Hà Giang/Tuyên Quang, Cao Bằng, Lạng Sơn, Lào Cai, Điện Biên, Sơn La, Phú Thọ (with the
old Vĩnh Phúc and Hòa Bình), Thái Nguyên (with the old Bắc Kạn), Bắc Giang/Bắc Ninh, Quảng Ninh,
Hải Phòng, Hưng Yên, Thái Bình, Ninh Bình, Hà Nội, Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình).

Sources are public pages found with the stored-page search: provincial People's Council portals
that publish each petition with the province's answer (hdndtuyenquang.gov.vn, hdnd.caobang.gov.vn,
dbnd.hagiang.gov.vn), district and commune portals (Yên Dũng, Bạch Thông, Hải Phòng city portal),
press reports of voter meetings (tiếp xúc cử tri) of National Assembly delegations and of
provincial and commune People's Councils (Báo Phú Thọ, Báo Lạng Sơn, Điện Biên TV, Thái Nguyên TV,
quochoi.vn, ...), and press reports of ministries' written answers to a province's voters
(Bộ Giao thông vận tải / Bộ Xây dựng on QL47, QL217, QL48, QL16, QL15; Bộ Nội vụ on thôn and
tổ dân phố, on part-time commune staff and on hamlet allowances). Years run from 2009 to January
2026; about a quarter of the rows (22 of 92) come from 2025-2026 pages (after the 1 July 2025
reform, with the merged commune and province names), the rest from earlier years: the stored pages
held far fewer usable 2025-2026 meeting reports for the north than older ones. Each petition was rewritten in
our own words in 1-3 sentences, keeping place names, road and project names, numbers, decision
numbers and what is asked; private persons' names were dropped. Pages whose URL is already used
in real_own.jsonl .. real_own4.jsonl, dancu/petitions/data/real_train.jsonl or
petitions_real_dev.jsonl were skipped.

Labels (field, level, cluster) were written by hand from the source, BEFORE any engine was run on
the rows (no engine, test or benchmark was run or read while building this set). Field codes and
level rules follow /work/shared/evalsets/README.md: level is the one the answer shows ("huyen"
when a district or city under the province answered or was asked to act; "tinh" for grid and
telecom requests and for provincial answers); where a meeting report gives no answer, the level is
the body competent for the demand (national policy or law -> trung_uong; a national road ->
trung_uong; provincial roads, dykes, grid -> tinh; hamlet roads, school kitchens, village halls ->
huyen before July 2025 and xa after). Clusters are local to this file and group petitions about
the same specific problem (same road, project or national policy demand), each member written
from its own page; the same kind of problem at different sites (hamlet roads, grid extensions,
school buildings in different communes) gets separate clusters on purpose (near misses).

    python tests/data/petitions/build_own5.py
"""

from rows_file import write_rows

# Điện Biên, Sơn La
DB_TG = "https://dienbientv.vn/tin-tuc-su-kien/chinh-tri/202010/dbqh-mua-a-vang-txct-mot-so-xa-huyen-tuan-giao-5703217"
DB_NN = "https://dienbientv.vn/tin-tuc-su-kien/chinh-tri/202307/dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-tai-xa-nam-nhu-5805778"
SL_CC = "http://quochoi.vn/tintuc/Pages/tin-doan-dai-bieu-quoc-hoi.aspx?ItemID=50220"
SL_YC = "http://cuuchienbinh.vn/pct-hoi-ccb-viet-nam-phung-khac-dang-tiep-xuc-cu-tri-tai-son-la-18-05-2011/"
# Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình
TH_GT = "https://tapchigiaothong.vn/dau-tu-ql45.html"
TH_BXD = "https://vneconomy.vn/hon-140-ty-dong-tu-sua-hai-tuyen-quoc-lo-trong-diem-tai-thanh-hoa.htm"
NA_VNE = "https://vneconomy.vn/uu-tien-hon-12-600-ty-dong-von-dau-tu-cong-nang-cap-ha-tang-giao-thong-nghe-an.htm"
NA_NN = "https://nguoinghe.vn/uu-tien-hon-12600-ty-dong-von-dau-tu-cong-nang-cap-ha-tang-giao-thong-nghe-an-a211502.html"
NA_KCT1 = "https://dantri.com.vn/noi-vu/khi-ket-thuc-hoat-dong-can-bo-khong-chuyen-trach-o-xa-huong-che-do-gi-20250914103432055.htm"
NA_KCT2 = "https://ja.laodong.vn/thoi-su/bo-noi-vu-tra-loi-ve-che-do-chinh-sach-cho-nguoi-hoat-dong-khong-chuyen-trach-cap-xa-1574990.ldo"
NA_HN = "https://vinh24h.vn/tag/hung-yen-bac"
NA_TK = "https://baonghean.vn/cu-tri-huyen-tan-ky-phan-anh-viec-cap-giay-chung-nhan-quyen-su-dung-dat-cham-nguoi-dan-phai-di-lai-nhieu-lan-10286178.html"
HT_QL15 = "https://hatinh24h.com.vn/tag/nang-cap-mo-rong"
QB_DH = "https://www.baoquangbinh.vn/chinh-tri/202108/ky-hop-thu-2-hdnd-tinh-khoa-xviii-cac-so-ban-nganh-tra-loi-y-kien-kien-nghi-cua-cu-tri-2192505/"
# Lào Cai, Tuyên Quang / Hà Giang
LC_TN = "https://thanhnien.vn/tiep-thu-giai-quyet-kip-thoi-nhung-kien-nghi-xac-dang-cua-cu-tri-185251217235652938.htm"
TQ_NV1 = "https://hatinh24h.com.vn/bo-truong-bo-noi-vu-se-co-quy-dinh-moi-ve-to-chuc-hoat-dong-cua-thon-to-dan-pho-a193640.html"
TQ_NV2 = "https://vtcnews.vn/bo-noi-vu-dang-xay-dung-quy-dinh-moi-ve-to-chuc-cua-thon-to-dan-pho-ar996914.html"
TQ_DT = "https://hdndtuyenquang.gov.vn/dai-bieu-voi-cu-tri/tra-loi-y-kien/dia-phuong/lam-binh/xem-chi-tiet-3036.html"
TQ_TT = "https://hdndtuyenquang.gov.vn/dai-bieu-voi-cu-tri/tra-loi-y-kien/dia-phuong/na-hang/xa-thanh-tuong/xem-chi-tiet-3550.html"
TQ_TL = "https://hdndtuyenquang.gov.vn/dai-bieu-voi-cu-tri/tra-loi-y-kien/dia-phuong/lam-binh/xem-chi-tiet-2711.html"
HG_VX = "http://dbnd.hagiang.gov.vn/index.php?nv=news&op=savefile/HOAT-DONG-HDND/Dai-bieu-HDND-tinh-tiep-xuc-cu-tri-tai-huyen-Vi-Xuyen-1059"
# Cao Bằng, Lạng Sơn
CB_BL = "http://hdnd.caobang.gov.vn/hdnd/index.php/vi/news/savefile/Hoat-dong-cua-HDND-cac-cap/Dai-bieu-HDND-tinh-tiep-xuc-cu-tri-Bao-Lac-942/"
CB_HA = "https://baomoi.net.vn/to-dai-bieu-hdnd-xa-hoa-an-tiep-xuc-cu-tri-truoc-ky-hop-thuong-le-cuoi-nam-c53687601.epi"
LS_TP = "https://baolangson.vn/chinh-tri/8127-dai-bieu-hdnd-tinh-thanh-pho-tiep-xuc-cu-tri-thanh-pho-lang-son.html"
LS_TD = "https://baolangson.vn/chinh-tri/5096-doan-dbqh-tinh-tiep-xuc-cu-tri-cum-3-xa-cua-huyen-trang-dinh.html"
LS_MP = "https://quochoi.vn/hoidongdantoc/cacphienhop/Pages/home.aspx?ItemID=89695"
LS_VL = "http://tinbong247.org/doan-dai-bieu-quoc-hoi-tinh-lang-son-tiep-xuc-cu-tri-tai-van-lang-1005084.html"
LS_CL = "https://chuathanhlangson.com/Xu-Lang-Que-Toi/Doan-Dai-bieu-Quoc-hoi-tinh-Tiep-xuc-cu-tri-tai-huyen-Chi-Lang-13413.html"
# Phú Thọ, Thái Nguyên (with old Bắc Kạn), Bắc Giang, Bắc Ninh
PT_TN = "https://baophutho.vn/dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-sau-ky-hop-thu-hai-245001.htm"
PT_VP = "https://baophutho.vn/dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-tai-phuong-vinh-phuc-243336.htm"
PT_ND = "https://baophutho.vn/to-dai-bieu-hdnd-tinh-cum-yen-lac-tiep-xuc-cu-tri-sau-ky-hop-thu-hai-245006.htm"
TN_DL = "https://thainguyentv.vn/dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-tai-xa-dong-lien-thanh-pho-thai-nguyen-90945.html"
TN_TD = "https://thainguyentv.vn/dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-tai-xa-tan-duong-huyen-dinh-hoa-90943.html"
BK_CG = "https://camgiang.bachthong.gov.vn/dai-bieu-hdnd-tinh-tiep-xuc-cu-tri-tai-xa-cam-giang/"
BG_TP = "https://yendung.bacgiang.gov.vn/tra-loi-y-kien-cu-tri/tiep-xuc-cu-tri-dai-bieu-hdnd-tinh-huyen-tai-xa-tien-phong.htm"
BN_TS = "http://stnmt.bacninh.gov.vn/web/bacninh/news/-/details/20182/-oan-bqh-tinh-tiep-xuc-cu-tri-thi-xa-tu-son-va-thanh-pho-bac-ninh"
# Quảng Ninh, Hải Phòng, Hà Nội, Hưng Yên, Thái Bình, Ninh Bình
QN_MC = "https://baophapluat.vn/tiep-xuc-cu-tri-tai-cac-dia-phuong-mong-cai-hai-ha-dam-ha-van-don-va-hoanh-bo-post65539.html"
QN_DT = "https://baophapluat.vn/dai-bieu-quoc-hoi-tinh-quang-ninh-tiep-xuc-cu-tri-dong-trieu-post107045.html"
HP_AB23 = "https://haiphong24h.org/hai-phong-cu-tri-quan-le-chan-kien-nghi-som-trien-khai-ngam-hoa-duong-day-dien-va-quy-hoach-bai-do-xe-a142491.html"
HP_AB19 = "https://thanhphohaiphong.gov.vn/dai-bieu-hdnd-thanh-pho-tiep-xuc-cu-tri-tai-phuong-an-bien.html/amp"
HP_DHK = "https://thanhphohaiphong.gov.vn/dai-bieu-hdnd-thanh-pho-tiep-xuc-cu-tri-tai-phuong-du-hang-kenh.html/amp"
HP_AD = "https://thanhphohaiphong.gov.vn/dai-bieu-hdnd-tp-tiep-xuc-cu-tri-noi-cu-tru-tai-phuong-anh-dung.html"
HN_ML = "https://hanoimoi.vn/o-nhiem-moi-truong-khu-cong-nghiep-van-nong-246553.html"
HY_SGK = "https://www.thactrang.com/tin-tuc/trang-409.html"
TB_HH = "http://thainguyentv.vn/pho-thu-tuong-hoang-trung-hai-tiep-xuc-cu-tri-thai-binh-13594.html"
NB_THON = "https://kienthuc.net.vn/kien-nghi-tang-muc-phu-cap-cua-truong-thon-to-dan-pho-post1593648.html"

# Multi-member clusters (sizes):
#   c5-001 (2) national demand (2024-2025): one unified set of textbooks for the whole country
#   c5-002 (2) Bộ Nội vụ answer to Tuyên Quang voters: one national model, thôn under xã, TDP under phường
#   c5-003 (4) national demand (2025): regime and jobs for part-time commune staff ended by the reform
#   c5-004 (3) allowances of part-time hamlet staff and heads of mass organisations in thôn/xóm
#   c5-005 (2) widening QL47 in Thanh Hóa (Bộ GTVT / Bộ Xây dựng)
#   c5-006 (2) upgrading QL48 (to Quế Phong) and QL16 in Nghệ An, Bộ GTVT letter 1733 (2022)
#   c5-007 (2) Mai Pha new urban area project, TP Lạng Sơn
#   c5-008 (4) national demand (2009-2015): policy for the elderly (allowance age, care)
#   c5-009 (4) national demand (2009-2012): regime of commune (grassroots) officials
# Near misses kept apart on purpose: grid extensions to different hamlets (c5-013, c5-019, c5-023,
# c5-046, c5-053, c5-058), roads to different hamlets (c5-014, c5-047, c5-052), two schools of Kim
# Cúc commune (c5-048, c5-049), riverbank dykes on different rivers (c5-016, c5-040, c5-050,
# c5-073), land certificates in different places (c5-007, c5-072), and two voter meetings in phường
# An Biên, Hải Phòng (2019: c5-065, c5-066; 2023: c5-061, c5-062).

ROWS = [
    # --- c5-001 one unified set of textbooks
    ("r5-001", "Cử tri ngành giáo dục tỉnh Lào Cai tiếp tục kiến nghị dùng một bộ sách giáo khoa thống nhất trong cả nước; tại buổi tiếp xúc sau Kỳ họp thứ 10, Phó Thủ tướng cho biết Bộ Giáo dục và Đào tạo đang khảo sát, nghiên cứu để sớm có bộ sách chung.", "phường Yên Bái, tỉnh Lào Cai", "giao_duc", "trung_uong", "c5-001", LC_TN),
    ("r5-002", "Trước Kỳ họp thứ 8 Quốc hội khóa XV, cử tri Hưng Yên đề nghị thống nhất một bộ sách giáo khoa chung cho học sinh cùng cấp trên cả nước, không thay sách thường xuyên; khi bão lụt làm hỏng sách, sách được ủng hộ thường không đúng bộ các em đang học nên không dùng được.", "tỉnh Hưng Yên", "giao_duc", "trung_uong", "c5-001", HY_SGK),
    # --- c5-002 model of thôn and tổ dân phố
    ("r5-003", "Cử tri Tuyên Quang đề nghị Trung ương ban hành văn bản thống nhất trên toàn quốc mô hình tổ chức dưới cấp xã: dưới xã là thôn, dưới phường là tổ dân phố. Bộ trưởng Bộ Nội vụ trả lời Bộ đang soạn nghị định về tổ chức, hoạt động của thôn, tổ dân phố theo Nghị quyết 268 ngày 31/8/2025 của Chính phủ.", "tỉnh Tuyên Quang", "to_chuc_can_bo", "trung_uong", "c5-002", TQ_NV1),
    ("r5-004", "Trả lời kiến nghị của cử tri tỉnh Tuyên Quang gửi tới Kỳ họp thứ 10 (văn bản số 12671), Bộ Nội vụ ghi nhận đề nghị quy định chung cả nước: xã có thôn, phường có tổ dân phố; việc sắp xếp thôn, tổ dân phố sẽ có tiêu chí và thủ tục riêng theo Kết luận 186 của Bộ Chính trị.", "tỉnh Tuyên Quang", "to_chuc_can_bo", "trung_uong", "c5-002", TQ_NV2),
    # --- c5-003 part-time commune staff after the reform
    ("r5-005", "Sau khi sáp nhập tỉnh và vận hành chính quyền hai cấp, cử tri cụm Tam Nông (các xã Tam Nông, Vạn Xuân, Thọ Văn, Hiền Quan) đề nghị sớm giải quyết chế độ cho đội ngũ cán bộ bán chuyên trách cấp xã.", "cụm xã Tam Nông, Vạn Xuân, Thọ Văn, Hiền Quan, tỉnh Phú Thọ", "to_chuc_can_bo", "trung_uong", "c5-003", PT_TN),
    ("r5-006", "Cử tri phường Vĩnh Phúc đề nghị tiếp tục sắp xếp, bố trí việc làm cho những người hoạt động không chuyên trách ở cấp xã sau khi tổ chức lại chính quyền địa phương.", "phường Vĩnh Phúc, tỉnh Phú Thọ", "to_chuc_can_bo", "trung_uong", "c5-003", PT_VP),
    ("r5-007", "Cử tri Nghệ An kiến nghị Bộ Nội vụ trình Chính phủ có chế độ, chính sách và tạo việc làm phù hợp cho người hoạt động không chuyên trách cấp xã khi chấm dứt sử dụng lực lượng này. Bộ trả lời họ được tạm kéo dài đến trước 31/5/2026 theo Văn bản 12/CV-BCĐ; nếu nghỉ việc thì hưởng chính sách theo Nghị định 154/2025/NĐ-CP.", "tỉnh Nghệ An", "to_chuc_can_bo", "trung_uong", "c5-003", NA_KCT1),
    ("r5-008", "Kiến nghị của cử tri Nghệ An gửi Kỳ họp thứ 9 Quốc hội khóa XV: quan tâm chính sách và việc làm cho những người hoạt động không chuyên trách cấp xã phải thôi việc khi sắp xếp bộ máy; Bộ Nội vụ dẫn Kết luận 163-KL/TW về lộ trình kéo dài việc sử dụng họ.", "tỉnh Nghệ An", "to_chuc_can_bo", "trung_uong", "c5-003", NA_KCT2),
    # --- c5-004 hamlet allowances
    ("r5-009", "Cử tri xóm Làng Bẩy, xã Tân Dương phản ánh phụ cấp của cán bộ xóm hiện quá thấp, còn người đứng đầu các đoàn thể ở xóm không có phụ cấp, đề nghị xem xét nâng mức.", "xóm Làng Bẩy, xã Tân Dương, huyện Định Hóa, tỉnh Thái Nguyên", "to_chuc_can_bo", "tinh", "c5-004", TN_TD),
    ("r5-010", "Cử tri thị trấn Lăng Can (Lâm Bình) và các xã Đức Ninh, Bằng Cốc, Phù Lưu (Hàm Yên), Đại Phú (Sơn Dương), Nhữ Khê (Yên Sơn) đề nghị nâng mức khoán chi cho thôn, tổ dân phố và phụ cấp của trưởng các đoàn thể ở thôn. UBND tỉnh trả lời Sở Tài chính đang dự thảo nghị quyết định mức chi giai đoạn 2022-2025, dự kiến tăng các khoản này từ 01/01/2022.", "tỉnh Tuyên Quang", "to_chuc_can_bo", "tinh", "c5-004", TQ_DT),
    ("r5-011", "Cử tri Ninh Bình cho rằng sau khi vận hành chính quyền hai cấp, việc ở thôn, xóm tăng nhiều mà phụ cấp người hoạt động không chuyên trách còn thấp; đề nghị tăng phụ cấp và sớm hướng dẫn chế độ cho cán bộ cơ sở, các hội quần chúng sau sáp nhập. Bộ Nội vụ đang dự thảo nghị định theo Quyết định 1589/QĐ-TTg.", "tỉnh Ninh Bình", "to_chuc_can_bo", "trung_uong", "c5-004", NB_THON),
    # --- c5-005 QL47 Thanh Hóa
    ("r5-012", "Cử tri tỉnh Thanh Hóa kiến nghị Bộ Giao thông vận tải đầu tư nâng cấp, mở rộng hai tuyến Quốc lộ 45 và Quốc lộ 47 qua địa bàn tỉnh.", "tỉnh Thanh Hóa", "giao_thong_xay_dung", "trung_uong", "c5-005", TH_GT),
    ("r5-013", "Cử tri phường Đông Sơn phản ánh Quốc lộ 47 đoạn từ phường Đông Tân đi cầu Thiều (10,73 km) xe qua lại rất đông mà mặt đường hẹp, đề nghị Bộ Xây dựng sớm nâng cấp, mở rộng. Bộ trả lời giai đoạn 2021-2025 ngân sách Trung ương chưa bố trí được vốn, trước mắt giao Cục Đường bộ bảo dưỡng.", "phường Đông Sơn, tỉnh Thanh Hóa", "giao_thong_xay_dung", "trung_uong", "c5-005", TH_BXD),
    # --- c5-006 QL48 / QL16 Nghệ An
    ("r5-014", "Cử tri Nghệ An đề nghị nâng cấp, mở rộng các đoạn Quốc lộ 16 và Quốc lộ 48 qua tỉnh; Bộ Giao thông vận tải ghi nhận nhưng cho biết vốn đầu tư công trung hạn 2021-2025 còn hạn hẹp nên chưa cân đối được.", "tỉnh Nghệ An", "giao_thong_xay_dung", "trung_uong", "c5-006", NA_VNE),
    ("r5-015", "Đường lên huyện Quế Phong dài 54 km theo Quốc lộ 48 (km75-km112) rồi trùng với Quốc lộ 16 (km248-km255) có cấp đường thấp, xe giường nằm không được chạy; cử tri Nghệ An kiến nghị Bộ Giao thông vận tải cải tạo, nâng cấp đoạn này (Bộ trả lời tại công văn số 1733).", "huyện Quế Phong, tỉnh Nghệ An", "giao_thong_xay_dung", "trung_uong", "c5-006", NA_NN),
    # --- c5-007 Mai Pha urban area
    ("r5-016", "Cử tri thôn Rọ Phải, xã Mai Pha hỏi về tiến độ thực hiện dự án Khu đô thị mới Mai Pha, thành phố Lạng Sơn, đề nghị đẩy nhanh.", "thôn Rọ Phải, xã Mai Pha, thành phố Lạng Sơn, tỉnh Lạng Sơn", "giao_thong_xay_dung", "tinh", "c5-007", LS_MP),
    ("r5-017", "Một số gia đình ở xã Mai Pha có đất liên quan đến dự án Khu đô thị mới Mai Pha đề nghị được cấp đổi lại giấy chứng nhận quyền sử dụng đất.", "xã Mai Pha, thành phố Lạng Sơn, tỉnh Lạng Sơn", "dat_dai", "huyen", "c5-007", LS_MP),
    # --- c5-008 policy for the elderly
    ("r5-018", "Cử tri Móng Cái, Hải Hà, Đầm Hà, Vân Đồn và Hoành Bồ kiến nghị Quốc hội hạ độ tuổi được hưởng trợ cấp đối với người cao tuổi.", "tỉnh Quảng Ninh", "lao_dong_chinh_sach", "trung_uong", "c5-008", QN_MC),
    ("r5-019", "Cử tri huyện Đông Triều đề nghị Quốc hội có thêm chính sách quan tâm tới người cao tuổi.", "huyện Đông Triều, tỉnh Quảng Ninh", "lao_dong_chinh_sach", "trung_uong", "c5-008", QN_DT),
    ("r5-020", "Tại xã Quang Lang và Thượng Cường, cử tri đề nghị hoàn thiện chế độ, chính sách cho người cao tuổi và người có công với cách mạng.", "xã Quang Lang, Thượng Cường, huyện Chi Lăng, tỉnh Lạng Sơn", "lao_dong_chinh_sach", "trung_uong", "c5-008", LS_CL),
    ("r5-021", "Cử tri huyện Hưng Hà kiến nghị Chính phủ quan tâm chăm sóc sức khỏe cho người cao tuổi.", "huyện Hưng Hà, tỉnh Thái Bình", "lao_dong_chinh_sach", "trung_uong", "c5-008", TB_HH),
    # --- c5-009 regime of grassroots officials
    ("r5-022", "Cử tri cụm xã Hùng Sơn, Hùng Việt, Kháng Chiến kiến nghị Quốc hội xem xét chế độ đối với công chức cấp xã trong việc thực hiện nghị định mới về cán bộ cơ sở.", "huyện Tràng Định, tỉnh Lạng Sơn", "to_chuc_can_bo", "trung_uong", "c5-009", LS_TD),
    ("r5-023", "Cử tri Đông Triều cho rằng chế độ, chính sách với đội ngũ cán bộ cơ sở còn nhiều bất cập và trình độ cán bộ cơ sở còn yếu, đề nghị Quốc hội xem xét.", "huyện Đông Triều, tỉnh Quảng Ninh", "to_chuc_can_bo", "trung_uong", "c5-009", QN_DT),
    ("r5-024", "Cử tri xã Thành Hòa nêu chế độ, chính sách cho cán bộ cơ sở còn bất cập, đề nghị Đoàn ĐBQH tỉnh phản ánh lên Quốc hội.", "xã Thành Hòa, huyện Văn Lãng, tỉnh Lạng Sơn", "to_chuc_can_bo", "trung_uong", "c5-009", LS_VL),
    ("r5-025", "Cử tri Thái Bình đề nghị Chính phủ hoàn thiện cơ chế, chính sách cho đội ngũ cán bộ cơ sở.", "tỉnh Thái Bình", "to_chuc_can_bo", "trung_uong", "c5-009", TB_HH),
    # --- single-member clusters
    ("r5-026", "Cử tri Thái Bình kiến nghị Chính phủ tăng đầu tư, đẩy nhanh tiến độ thi công một số tuyến đường qua tỉnh đã xuống cấp nghiêm trọng.", "tỉnh Thái Bình", "giao_thong_xay_dung", "trung_uong", "c5-010", TB_HH),
    ("r5-027", "Cử tri huyện Hưng Hà đề nghị giải quyết chế độ, chính sách cho bộ đội xuất ngũ và nạn nhân chất độc da cam.", "huyện Hưng Hà, tỉnh Thái Bình", "lao_dong_chinh_sach", "trung_uong", "c5-011", TB_HH),
    ("r5-028", "Cử tri xã Tỏa Tình đề nghị tỉnh, huyện có kế hoạch di chuyển 7 hộ ở bản Sông Ia đang sống trên đất quy hoạch rừng đến nơi ở mới.", "bản Sông Ia, xã Tỏa Tình, huyện Tuần Giáo, tỉnh Điện Biên", "dat_dai", "huyen", "c5-012", DB_TG),
    ("r5-029", "Bản Háng Tầu và bản Sông Ia (xã Tỏa Tình) chưa có điện lưới quốc gia; cử tri đề nghị đầu tư kéo điện.", "xã Tỏa Tình, huyện Tuần Giáo, tỉnh Điện Biên", "dien_nuoc_vien_thong", "tinh", "c5-013", DB_TG),
    ("r5-030", "Đường từ trung tâm xã Tỏa Tình vào bản Sông Ia vẫn là đường đất, đi lại và vận chuyển hàng hóa rất khó; cử tri đề nghị sớm đầu tư nâng cấp.", "bản Sông Ia, xã Tỏa Tình, huyện Tuần Giáo, tỉnh Điện Biên", "giao_thong_xay_dung", "huyen", "c5-014", DB_TG),
    ("r5-031", "43 hộ ở xã Tỏa Tình có rừng thông bị chuyển từ rừng sản xuất sang rừng phòng hộ; cử tri đề nghị xem xét hỗ trợ tiền chuyển đổi cho các hộ.", "xã Tỏa Tình, huyện Tuần Giáo, tỉnh Điện Biên", "nong_nghiep_thuy_loi", "tinh", "c5-015", DB_TG),
    ("r5-032", "Cử tri xã Chiềng Sinh đề nghị tỉnh, huyện đầu tư kè chống sạt lở hai bên suối Chiềng Sinh, tổng chiều dài khoảng 9,6 km.", "xã Chiềng Sinh, huyện Tuần Giáo, tỉnh Điện Biên", "nong_nghiep_thuy_loi", "tinh", "c5-016", DB_TG),
    ("r5-033", "Cử tri xã Nậm Nhừ đề nghị sửa chữa, nâng cấp tuyến đường từ trung tâm xã lên Đồn Biên phòng Nậm Nhừ.", "xã Nậm Nhừ, huyện Nậm Pồ, tỉnh Điện Biên", "giao_thong_xay_dung", "tinh", "c5-017", DB_NN),
    ("r5-034", "Cử tri xã Nậm Nhừ đề nghị xây dựng công trình nước sinh hoạt Huổi Lụ 2.", "bản Huổi Lụ 2, xã Nậm Nhừ, huyện Nậm Pồ, tỉnh Điện Biên", "dien_nuoc_vien_thong", "huyen", "c5-018", DB_NN),
    ("r5-035", "Bản Huổi Lụ 3 (xã Nậm Nhừ) chưa có điện; cử tri đề nghị kéo điện lưới quốc gia vào bản.", "bản Huổi Lụ 3, xã Nậm Nhừ, huyện Nậm Pồ, tỉnh Điện Biên", "dien_nuoc_vien_thong", "tinh", "c5-019", DB_NN),
    ("r5-036", "Cử tri đề nghị sớm làm nhà văn hóa cho bản Nậm Nhừ 3 và bản Nậm Chua 3, xã Nậm Nhừ.", "xã Nậm Nhừ, huyện Nậm Pồ, tỉnh Điện Biên", "van_hoa_the_thao", "huyen", "c5-020", DB_NN),
    ("r5-037", "Cử tri xã Chiềng Cọ đề nghị đẩy nhanh giải phóng mặt bằng tuyến tránh Quốc lộ 6 đoạn tránh thành phố Sơn La.", "xã Chiềng Cọ, thành phố Sơn La, tỉnh Sơn La", "giao_thong_xay_dung", "tinh", "c5-021", SL_CC),
    ("r5-038", "Cử tri xã Chiềng Cọ đề nghị đầu tư đường giao thông từ bản Dầu sang xã Bản Lầm (huyện Thuận Châu).", "xã Chiềng Cọ, thành phố Sơn La, tỉnh Sơn La", "giao_thong_xay_dung", "tinh", "c5-022", SL_CC),
    ("r5-039", "Cử tri đề nghị sớm hỗ trợ nâng cấp đường điện vào khu dân cư bản Ngoại, xã Chiềng Cọ.", "bản Ngoại, xã Chiềng Cọ, thành phố Sơn La, tỉnh Sơn La", "dien_nuoc_vien_thong", "tinh", "c5-023", SL_CC),
    ("r5-040", "Cử tri xã Chiềng Cọ đề nghị có chính sách ưu tiên tạo việc làm cho con em các hộ tái định cư thủy điện Sơn La.", "xã Chiềng Cọ, thành phố Sơn La, tỉnh Sơn La", "lao_dong_chinh_sach", "tinh", "c5-024", SL_CC),
    ("r5-041", "Cử tri xã Chiềng Cọ kiến nghị bố trí chức danh Phó Chủ nhiệm Ủy ban Kiểm tra chuyên trách của đảng ủy các xã, phường, thị trấn.", "xã Chiềng Cọ, thành phố Sơn La, tỉnh Sơn La", "to_chuc_can_bo", "trung_uong", "c5-025", SL_CC),
    ("r5-042", "Cử tri huyện Yên Châu đề nghị đầu tư đường điện cho các bản vùng sâu, vùng xa.", "huyện Yên Châu, tỉnh Sơn La", "dien_nuoc_vien_thong", "tinh", "c5-026", SL_YC),
    ("r5-043", "Cử tri xã Hà Trung đề nghị mở rộng, nắn thẳng Quốc lộ 217 đoạn từ nút giao cao tốc Bắc - Nam (địa phận xã Hà Lĩnh cũ) đến Quốc lộ 1A; Bộ Xây dựng cho biết đoạn 10,25 km này mới đạt cấp V, mặt rộng 5,5 m nhưng chưa có vốn nâng cấp.", "xã Hà Trung, tỉnh Thanh Hóa", "giao_thong_xay_dung", "trung_uong", "c5-027", TH_BXD),
    ("r5-044", "Bộ Giao thông vận tải có văn bản trả lời kiến nghị của cử tri Hà Tĩnh về việc mở rộng, nâng cấp Quốc lộ 15 đoạn qua tỉnh, giải thích vì sao chưa thể đầu tư.", "tỉnh Hà Tĩnh", "giao_thong_xay_dung", "trung_uong", "c5-028", HT_QL15),
    ("r5-045", "Cử tri Lào Cai quan tâm giá dịch vụ khám chữa bệnh; Phó Thủ tướng cho biết Bộ Y tế sẽ ban hành khung giá để HĐND các tỉnh quyết định mức giá cụ thể phù hợp địa phương.", "tỉnh Lào Cai", "y_te", "trung_uong", "c5-029", LC_TN),
    ("r5-046", "Cử tri cụm Tam Nông đề nghị bổ sung đèn chiếu sáng, biển chỉ dẫn và phân luồng giao thông ở khu vực đầu cầu Trung Hà để bảo đảm an toàn.", "khu vực đầu cầu Trung Hà, xã Tam Nông, tỉnh Phú Thọ", "giao_thong_xay_dung", "tinh", "c5-030", PT_TN),
    ("r5-047", "Cử tri các xã Tam Nông, Vạn Xuân, Thọ Văn, Hiền Quan kiến nghị giải quyết vấn đề lương và chế độ của giáo viên hợp đồng.", "tỉnh Phú Thọ", "giao_duc", "tinh", "c5-031", PT_TN),
    ("r5-048", "Cử tri phường Vĩnh Phúc đề nghị bổ sung chỉ tiêu biên chế, hợp đồng giáo viên cho các cơ sở giáo dục và duy trì mô hình trường chất lượng cao.", "phường Vĩnh Phúc, tỉnh Phú Thọ", "giao_duc", "tinh", "c5-032", PT_VP),
    ("r5-049", "Cử tri phường Vĩnh Phúc kiến nghị chỉnh trang, cải tạo bờ Hồ Đầm Chúa và chấn chỉnh việc lấn chiếm hành lang an toàn giao thông ở khu vực chợ Định Trung.", "phường Vĩnh Phúc, tỉnh Phú Thọ", "giao_thong_xay_dung", "xa", "c5-033", PT_VP),
    ("r5-050", "32 hộ ở thôn Phúc Cẩm cho Trường Mầm non Văn Tiến mượn đất nông nghiệp để mở rộng trường; cử tri xã Nguyệt Đức đề nghị tỉnh có cơ chế hỗ trợ, bồi thường diện tích này.", "thôn Phúc Cẩm, xã Nguyệt Đức, tỉnh Phú Thọ", "dat_dai", "tinh", "c5-034", PT_ND),
    ("r5-051", "Cử tri xã Nguyệt Đức đề nghị đầu tư cứng hóa kênh mương phục vụ sản xuất nông nghiệp.", "xã Nguyệt Đức, tỉnh Phú Thọ", "nong_nghiep_thuy_loi", "xa", "c5-035", PT_ND),
    ("r5-052", "Cử tri xã Nguyệt Đức đề nghị nâng cấp hệ thống điện để bảo đảm sinh hoạt và sản xuất của người dân.", "xã Nguyệt Đức, tỉnh Phú Thọ", "dien_nuoc_vien_thong", "tinh", "c5-036", PT_ND),
    ("r5-053", "Các nhà máy xả nước thải ra ngòi khu vực thôn Thành Công và thôn Quyết Tiến gây ô nhiễm; cử tri xã Tiền Phong đề nghị kiểm tra, xử lý.", "thôn Thành Công, Quyết Tiến, xã Tiền Phong, huyện Yên Dũng, tỉnh Bắc Giang", "moi_truong", "huyen", "c5-037", BG_TP),
    ("r5-054", "Cử tri thôn Bình An phản ánh hoạt động khai thác khoáng sản gây khói bụi, ô nhiễm, ảnh hưởng đến cuộc sống người dân, đề nghị xử lý.", "thôn Bình An, xã Tiền Phong, huyện Yên Dũng, tỉnh Bắc Giang", "moi_truong", "tinh", "c5-038", BG_TP),
    ("r5-055", "Cầu treo Hương Sơn bị dừng hoạt động làm ảnh hưởng lớn đến đi lại, sản xuất của người dân xã Đồng Liên; cử tri đề nghị sớm có giải pháp.", "xã Đồng Liên, thành phố Thái Nguyên, tỉnh Thái Nguyên", "giao_thong_xay_dung", "tinh", "c5-039", TN_DL),
    ("r5-056", "Cử tri xã Đồng Liên đề nghị sửa chữa kè hai bên bờ sông Cầu.", "xã Đồng Liên, thành phố Thái Nguyên, tỉnh Thái Nguyên", "nong_nghiep_thuy_loi", "tinh", "c5-040", TN_DL),
    ("r5-057", "Cử tri xã Tân Dương đề nghị giải quyết nhanh các chế độ cho cựu thanh niên xung phong và dân công hỏa tuyến.", "xã Tân Dương, huyện Định Hóa, tỉnh Thái Nguyên", "lao_dong_chinh_sach", "trung_uong", "c5-041", TN_TD),
    ("r5-058", "Góp ý dự thảo nghị quyết của HĐND tỉnh về người hoạt động không chuyên trách, cử tri các xã Cẩm Giàng, Quân Hà, Nguyên Phúc đề nghị không phân loại xã khi áp dụng và người kiêm nhiệm nhiều chức danh được hưởng nguyên mức phụ cấp của chức danh kiêm nhiệm.", "xã Cẩm Giàng, huyện Bạch Thông, tỉnh Bắc Kạn", "to_chuc_can_bo", "tinh", "c5-042", BK_CG),
    ("r5-059", "Trạm y tế xã Thanh Tương đã xuống cấp, không bảo đảm khám chữa bệnh; cử tri đề nghị đầu tư xây mới. UBND tỉnh trả lời trạm đã có trong chương trình vay vốn ADB (Quyết định 6689/QĐ-BYT) với 2,8 tỷ đồng, dự kiến làm năm 2023, xong năm 2024.", "xã Thanh Tương, huyện Na Hang, tỉnh Tuyên Quang", "y_te", "tinh", "c5-043", TQ_TT),
    ("r5-060", "Cử tri xã Thượng Lâm đề nghị tiếp tục hỗ trợ xi măng, ống cống để làm tuyến đường nội đồng Cốc Cọ - Đông Thân; tỉnh giao huyện Lâm Bình rà soát, đăng ký với Sở Giao thông vận tải vì xã chưa đăng ký tuyến này.", "xã Thượng Lâm, huyện Lâm Bình, tỉnh Tuyên Quang", "giao_thong_xay_dung", "huyen", "c5-044", TQ_TL),
    ("r5-061", "Cử tri thôn Lùng Vài, xã Thượng Sơn đề nghị Nhà nước hỗ trợ xi măng để làm kênh mương và công trình vệ sinh cho các hộ gia đình.", "thôn Lùng Vài, xã Thượng Sơn, huyện Vị Xuyên, tỉnh Hà Giang", "nong_nghiep_thuy_loi", "tinh", "c5-045", HG_VX),
    ("r5-062", "Cử tri xã Thượng Sơn đề nghị kéo điện lưới cho các thôn chưa có điện.", "xã Thượng Sơn, huyện Vị Xuyên, tỉnh Hà Giang", "dien_nuoc_vien_thong", "tinh", "c5-046", HG_VX),
    ("r5-063", "Cử tri xã Kim Cúc đề nghị mở đường vào các xóm Duồng Rình, Khuổi Pao.", "xóm Duồng Rình, Khuổi Pao, xã Kim Cúc, huyện Bảo Lạc, tỉnh Cao Bằng", "giao_thong_xay_dung", "huyen", "c5-047", CB_BL),
    ("r5-064", "Cử tri đề nghị xây nhà công vụ và bếp ăn cho Điểm trường Tiểu học Duồng Rình (xã Kim Cúc).", "xóm Duồng Rình, xã Kim Cúc, huyện Bảo Lạc, tỉnh Cao Bằng", "giao_duc", "huyen", "c5-048", CB_BL),
    ("r5-065", "Cử tri xã Kim Cúc đề nghị đôn đốc, đẩy nhanh tiến độ thi công Trường THCS bán trú Kim Cúc.", "xã Kim Cúc, huyện Bảo Lạc, tỉnh Cao Bằng", "giao_duc", "huyen", "c5-049", CB_BL),
    ("r5-066", "Cử tri xã Hồng Trị đề nghị xây bờ kè chống sạt lở khu vực bờ sông xóm Thang Buổng.", "xóm Thang Buổng, xã Hồng Trị, huyện Bảo Lạc, tỉnh Cao Bằng", "nong_nghiep_thuy_loi", "tinh", "c5-050", CB_BL),
    ("r5-067", "Cử tri đề nghị xây bể cấp nước sinh hoạt cho xóm Bản Khuông, xã Hồng Trị.", "xóm Bản Khuông, xã Hồng Trị, huyện Bảo Lạc, tỉnh Cao Bằng", "dien_nuoc_vien_thong", "huyen", "c5-051", CB_BL),
    ("r5-068", "Tại buổi tiếp xúc của HĐND xã Hòa An, cử tri xóm Ca Rài đề nghị Nhà nước đầu tư nâng cấp tuyến đường từ trung tâm xã đến xóm Ca Rài.", "xóm Ca Rài, xã Hòa An, tỉnh Cao Bằng", "giao_thong_xay_dung", "xa", "c5-052", CB_HA),
    ("r5-069", "Khu vực Lũng Thốc - Pò Rùng (xã Hòa An) chưa có điện; cử tri đề nghị kéo điện lưới quốc gia lên.", "khu vực Lũng Thốc - Pò Rùng, xã Hòa An, tỉnh Cao Bằng", "dien_nuoc_vien_thong", "tinh", "c5-053", CB_HA),
    ("r5-070", "Học sinh Trường Tiểu học và THCS Ca Rài chưa được giải quyết chế độ bán trú năm học 2024-2025; cử tri đề nghị sớm chi trả.", "xóm Ca Rài, xã Hòa An, tỉnh Cao Bằng", "giao_duc", "xa", "c5-054", CB_HA),
    ("r5-071", "Giếng khoan nước sạch ở xóm Ca Rài vừa đưa vào dùng đã bơm không ra nước, bể chứa nước của xóm cũng hỏng; cử tri đề nghị kiểm tra, sửa chữa.", "xóm Ca Rài, xã Hòa An, tỉnh Cao Bằng", "dien_nuoc_vien_thong", "xa", "c5-055", CB_HA),
    ("r5-072", "Cử tri thành phố Lạng Sơn đề nghị xử lý tình trạng mất vệ sinh, ô nhiễm môi trường ở bờ sông Kỳ Cùng.", "thành phố Lạng Sơn, tỉnh Lạng Sơn", "moi_truong", "huyen", "c5-056", LS_TP),
    ("r5-073", "Cử tri thành phố Lạng Sơn đề nghị tiếp tục đầu tư hệ thống cấp thoát nước và điện chiếu sáng ở các khối phố vùng ven.", "thành phố Lạng Sơn, tỉnh Lạng Sơn", "dien_nuoc_vien_thong", "huyen", "c5-057", LS_TP),
    ("r5-074", "Cử tri xã Hùng Sơn đề nghị đầu tư đường điện cho hai thôn của xã.", "xã Hùng Sơn, huyện Tràng Định, tỉnh Lạng Sơn", "dien_nuoc_vien_thong", "tinh", "c5-058", LS_TD),
    ("r5-075", "Cử tri Tràng Định đề nghị đầu tư xây cầu Hát Trang nối Bản Nhàn với Phạp Giàng.", "huyện Tràng Định, tỉnh Lạng Sơn", "giao_thong_xay_dung", "tinh", "c5-059", LS_TD),
    ("r5-076", "Cử tri Chi Lăng đề nghị hỗ trợ bảo hiểm xã hội và kinh phí học nghề cho người dân tộc Kinh đang sống ở vùng sâu, vùng xa, vùng đặc biệt khó khăn như đồng bào dân tộc thiểu số.", "huyện Chi Lăng, tỉnh Lạng Sơn", "lao_dong_chinh_sach", "trung_uong", "c5-060", LS_CL),
    ("r5-077", "Cử tri phường An Biên (quận Lê Chân) đề nghị thành phố sớm ngầm hóa dây điện trên các tuyến phố.", "phường An Biên, quận Lê Chân, thành phố Hải Phòng", "dien_nuoc_vien_thong", "tinh", "c5-061", HP_AB23),
    ("r5-078", "Ô tô đỗ tràn lan trên vỉa hè; cử tri phường An Biên đề nghị thành phố quy hoạch bãi đỗ xe.", "phường An Biên, quận Lê Chân, thành phố Hải Phòng", "giao_thong_xay_dung", "tinh", "c5-062", HP_AB23),
    ("r5-079", "Cử tri phường Dư Hàng Kênh đề nghị thành phố tập trung nguồn lực cho dự án đường Hồ Sen - Cầu Rào 2 và quan tâm bố trí tái định cư cho người dân.", "phường Dư Hàng Kênh, quận Lê Chân, thành phố Hải Phòng", "giao_thong_xay_dung", "tinh", "c5-063", HP_DHK),
    ("r5-080", "Cử tri phường Dư Hàng Kênh đề nghị mở rộng đường ngõ để xe chữa cháy vào được khi có cháy, nổ.", "phường Dư Hàng Kênh, quận Lê Chân, thành phố Hải Phòng", "giao_thong_xay_dung", "huyen", "c5-064", HP_DHK),
    ("r5-081", "Năm 2019, cử tri phường An Biên đề nghị việc sáp nhập tổ dân phố phải phù hợp với thực tế địa phương.", "phường An Biên, quận Lê Chân, thành phố Hải Phòng", "to_chuc_can_bo", "tinh", "c5-065", HP_AB19),
    ("r5-082", "Cử tri phường An Biên đề nghị tăng cường giám sát việc thu các khoản phí tại trường học.", "phường An Biên, quận Lê Chân, thành phố Hải Phòng", "giao_duc", "huyen", "c5-066", HP_AB19),
    ("r5-083", "Nghĩa trang nhân dân phường Anh Dũng đã chật; cử tri mong thành phố cho mở rộng.", "phường Anh Dũng, quận Dương Kinh, thành phố Hải Phòng", "dat_dai", "huyen", "c5-067", HP_AD),
    ("r5-084", "Hoạt động sản xuất của một số công ty nhựa, vật liệu xây dựng trên địa bàn phường Anh Dũng gây ô nhiễm; cử tri đề nghị thành phố kiểm tra, xử lý.", "phường Anh Dũng, quận Dương Kinh, thành phố Hải Phòng", "moi_truong", "tinh", "c5-068", HP_AD),
    ("r5-085", "Cử tri huyện Mê Linh tiếp tục phản ánh khu công nghiệp Quang Minh gây ô nhiễm nghiêm trọng dù thành phố đã nhiều lần kiểm tra; đề nghị thanh tra, xử lý nghiêm vi phạm.", "huyện Mê Linh, thành phố Hà Nội", "moi_truong", "tinh", "c5-069", HN_ML),
    ("r5-086", "Cử tri thị xã Từ Sơn đề nghị giải quyết việc giao đất dân cư dịch vụ cho nhân dân xã Phù Chẩn.", "xã Phù Chẩn, thị xã Từ Sơn, tỉnh Bắc Ninh", "dat_dai", "tinh", "c5-070", BN_TS),
    ("r5-087", "Cử tri huyện Hưng Nguyên đề nghị kiểm tra đường dây và các trạm biến áp để bảo đảm cấp điện cho các xã Hưng Trung, Hưng Tây, Hưng Yên Nam, Hưng Yên Bắc.", "huyện Hưng Nguyên, tỉnh Nghệ An", "dien_nuoc_vien_thong", "tinh", "c5-071", NA_HN),
    ("r5-088", "Cử tri xã Giai Xuân phản ánh việc cấp giấy chứng nhận quyền sử dụng đất chậm, người dân phải đi lại nhiều lần.", "xã Giai Xuân, huyện Tân Kỳ, tỉnh Nghệ An", "dat_dai", "huyen", "c5-072", NA_TK),
    ("r5-089", "Cử tri đề nghị đẩy nhanh thi công kè chống sạt lở sông Gianh đoạn qua xã Đức Hóa. Sở Nông nghiệp và Phát triển nông thôn trả lời dự án được Thủ tướng hỗ trợ vốn theo Quyết định 1847/QĐ-TTg ngày 19/12/2019 nhưng phải chờ cho kéo dài thời gian thực hiện.", "xã Đức Hóa, huyện Tuyên Hóa, tỉnh Quảng Bình", "nong_nghiep_thuy_loi", "tinh", "c5-073", QB_DH),
    ("r5-090", "Cử tri các địa phương ven biển Quảng Ninh phản ánh giá điện sinh hoạt nơi cao nơi thấp, đề nghị Quốc hội xem xét.", "tỉnh Quảng Ninh", "dien_nuoc_vien_thong", "trung_uong", "c5-074", QN_MC),
    ("r5-091", "Cử tri phường An Biên đề nghị thành phố cải tạo, nâng cấp Bệnh viện Mắt.", "phường An Biên, quận Lê Chân, thành phố Hải Phòng", "y_te", "tinh", "c5-075", HP_AB19),
    ("r5-092", "Đường Mạc Quyết qua phường Anh Dũng đã xuống cấp; cử tri đề nghị nâng cấp, cải tạo.", "phường Anh Dũng, quận Dương Kinh, thành phố Hải Phòng", "giao_thong_xay_dung", "huyen", "c5-076", HP_AD),

]


def main() -> None:
    write_rows(__file__, "real_own5.jsonl", ROWS)


if __name__ == "__main__":
    main()
