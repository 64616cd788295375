"""Field guide, level rules and the confidence step of the engine (no database).

Each test states a rule of the labelling guide (../shared/evalsets/README.md) or of the competent
level (RULES.md: two levels of local government since 1 July 2025) on petitions written here,
none of them taken from the evaluation sets.
"""

import json

import numpy as np

from dancu.petitions import engine, engine_entities, engine_level, engine_pairs


def _field(text: str) -> str:
    return engine.default_classifier().predict([text])[0][0].code


def _level(text: str, area: str = "") -> str:
    _prep, preds = engine.prepare([{"id": "x", "text": text, "area": area}], engine.default_classifier())
    return preds[0][1].code


def test_guide_sends_farm_input_prices_to_finance_and_fake_fertiliser_elsewhere():
    assert engine.guide_field(engine.normalize("Giá phân bón, thức ăn chăn nuôi tăng vọt")) == (
        "tai_chinh_ngan_sach"
    )
    # "giả" (fake) folds like "giá" (price): the rule asks for the price words around the inputs.
    assert engine.guide_field(engine.normalize("Kiểm tra chất lượng phân bón giả bán tại chợ")) != (
        "tai_chinh_ngan_sach"
    )
    assert _field("Xăng dầu và phân bón tăng giá mạnh, bà con làm lúa lỗ vốn, đề nghị bình ổn.") == (
        "tai_chinh_ngan_sach"
    )


def test_guide_decides_where_two_fields_meet():
    cases = {
        "Tuyến đê bao dọc sông Hậu ở ấp Bình Phú sạt lở, đề nghị gia cố.": "nong_nghiep_thuy_loi",
        "Chó thả rông ngoài đường gây tai nạn cho người đi xe máy.": "khac",
        "Đề nghị lắp đèn chiếu sáng đoạn đường trước chợ xã.": "dien_nuoc_vien_thong",
        "Làm lại căn cước cho người cao tuổi ở xa rất vất vả, đề nghị làm lưu động.": "tu_phap_hanh_chinh",
        "Trại heo xả nước thải xuống mương làm cá chết.": "moi_truong",
    }
    for text, field in cases.items():
        assert _field(text) == field, text


def test_classifier_alone_decides_when_the_guide_says_nothing():
    text = "Trạm y tế xã thiếu bác sĩ, người bệnh phải lên tuyến trên khám."
    assert engine.guide_field(engine.normalize(text)) is None
    assert _field(text) == "y_te"


def test_level_grid_telecoms_dikes_and_river_bridges_are_the_province():
    for text in (
        "Thôn Khuổi Hẻo chưa có sóng di động, đề nghị lắp trạm phát sóng.",
        "Đề nghị di dời đường điện trung thế đi qua vườn nhà dân ở thôn Đồng Tâm.",
        "Xây cầu qua sông Gâm để thôn Nà Héc đi lại.",
    ):
        assert _level(text, "xã Yên Hoa, Tuyên Quang") == "province", text


def test_level_small_hamlet_works_are_the_commune_but_not_a_named_road():
    hamlet = "Nhà văn hóa thôn Bản Chang dột nát, đề nghị sửa chữa."
    assert _level(hamlet, "xã Yên Hoa, Tuyên Quang") == "commune"
    road = engine_entities.extract("Đường 784 đoạn qua thôn Bàu Đồn ngập nước, đề nghị nâng cấp.")
    code, _conf = engine_level.rule_level(road, frozenset(), engine.normalize("Đường 784 qua thôn Bàu Đồn"))
    assert code == "province"


def test_level_hệ_số_is_not_a_provincial_department():
    # "hệ số" and "so với" fold to "he so"/"so voi": they used to count as "sở" (a department).
    e = engine_entities.extract("Đề nghị tăng hệ số phụ cấp cho cán bộ ấp so với cán bộ hội.")
    assert e.level_cues[1] == 0
    assert engine_entities.extract("Sở Giao thông vận tải sớm sửa đường.").level_cues[1] == 1


def test_national_road_alone_does_not_make_a_central_matter():
    e = engine_entities.extract("Lắp đèn tín hiệu tại ngã tư Quốc lộ 2 với đường Lạc Long Quân.")
    code, _conf = engine_level.rule_level(e, frozenset(), engine.normalize("Lắp đèn tín hiệu Quốc lộ 2"))
    assert code != "central"


def test_calibration_step_is_monotone_round_trips_and_fits_what_it_sees():
    model = engine_pairs.PairModel(cal_a=0.5, cal_b=0.8)
    raw = np.array([0.01, 0.1, 0.3, 0.6, 0.95])
    cal = model.calibrate(raw)
    assert np.all(np.diff(cal) > 0)  # rankings do not change
    again = engine_pairs.PairModel.from_json(json.loads(json.dumps(model.to_json())))
    assert np.allclose(again.calibrate(raw), cal)
    # Identity by default: the shipped confidences are the raw probabilities.
    assert np.allclose(engine_pairs.PairModel().calibrate(raw), raw)
    # A step fitted on probabilities that are half as high as the truth raises them.
    rng = np.random.default_rng(0)
    p = rng.uniform(0.02, 0.5, 4000)
    y = (rng.uniform(size=p.size) < 2 * p).astype(int)
    fitted = engine_pairs.PairModel().fit_calibration(p, y)
    assert abs(float(fitted.calibrate(0.25)) - 0.5) < 0.08
    assert np.mean((fitted.calibrate(p) - y) ** 2) < np.mean((p - y) ** 2)


def test_group_confidence_uses_the_step():
    model = engine_pairs.PairModel(cal_a=1.0, cal_b=1.0)
    assert model.group_confidence(0.5, 3) > 0.5
    assert model.group_confidence(1.0, 1) == 1.0
    # A lone opinion whose best pair had p = 0.4 (confidence 0.6) is less sure once p is raised.
    assert model.group_confidence(0.6, 1) < 0.6
