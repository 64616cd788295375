import io

import pytest
from openpyxl import load_workbook

from dancu.petitions import services
from dancu.petitions.importing import opinion_template, read_opinion_file
from dancu.petitions.models import ClassificationOverride


def test_csv_rows_and_errors():
    data = 'text,voter_label,area\nĐề nghị sửa đường,Tổ 1,Thôn 2\n,Tổ 2,\n"Cấp sổ đỏ chậm",,\n'.encode()
    rows, errors = read_opinion_file(data, "y_kien.csv")
    assert [r["text"] for r in rows] == ["Đề nghị sửa đường", "Cấp sổ đỏ chậm"]
    assert [e.row for e in errors] == [3]
    rows, errors = read_opinion_file(b"foo,bar\n1,2\n", "x.csv")
    assert not rows and errors


def test_excel_template_round_trip():
    wb = load_workbook(io.BytesIO(opinion_template()))
    sheet = wb.worksheets[0]
    sheet.cell(row=2, column=1, value="Thiếu thuốc BHYT ở trạm y tế xã")
    sheet.cell(row=3, column=2, value="Tổ 5")  # no opinion text: an error for row 3
    out = io.BytesIO()
    wb.save(out)
    rows, errors = read_opinion_file(out.getvalue(), "mau.xlsx")
    assert [r["text"] for r in rows] == ["Thiếu thuốc BHYT ở trạm y tế xã"]
    assert [e.row for e in errors] == [3]


@pytest.mark.django_db
def test_overrides_retrain_the_classifier(pworld):
    w = pworld
    (p, *_rest) = services.consolidate_round(actor=w["specialist"], round=w["round"])
    before = services.classifier()
    services.petition_classify(actor=w["specialist"], petition=p, field="khac", level="commune")
    assert ClassificationOverride.objects.count() == 1
    assert services.classifier() is not before
    assert services.classifier().trained_on == before.trained_on + 1
