import datetime
import io
import zipfile

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook

from dancu.core.excel import (
    Boolean,
    CellError,
    Choice,
    Column,
    Date,
    Email,
    Integer,
    SpreadsheetRejected,
    Text,
    build_template,
    check_upload,
    export_rows,
    read_rows,
)

COLUMNS = [
    Column("name", "Name", required=True, parser=Text(50)),
    Column("age", "Age", parser=Integer(0, 150)),
    Column("born", "Born", parser=Date()),
    Column("kind", "Kind", parser=Choice([("m", "Nam"), ("f", "Nữ")])),
    Column("active", "Active", parser=Boolean(), default=False),
]


def xlsx(rows, header=("Name", "Age", "Born", "Kind", "Active")) -> bytes:
    wb = Workbook()
    ws = wb.active
    if header is not None:
        ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class TestParsers:
    def test_text_collapses_spaces_and_drops_float_tail(self):
        assert Text()("  Nguyễn   Văn  An ") == "Nguyễn Văn An"
        assert Text()(912345678.0) == "912345678"
        with pytest.raises(CellError):
            Text(3)("abcd")

    def test_integer(self):
        assert Integer()(18.0) == 18
        assert Integer()(" 7 ") == 7
        for bad in ("XVIII", 1.5, True):
            with pytest.raises(CellError):
                Integer()(bad)
        with pytest.raises(CellError):
            Integer(1, 10)(11)

    def test_date_formats(self):
        parse = Date()
        expected = datetime.date(2024, 1, 5)
        assert parse(datetime.datetime(2024, 1, 5, 0, 0)) == expected
        assert parse(expected) == expected
        assert parse("05/01/2024") == expected
        assert parse("5/1/2024") == expected
        assert parse("2024-01-05") == expected
        assert parse("05-01-2024") == expected
        for bad in ("31/02/2024", "2024/01/05", "hôm qua", 45000):
            with pytest.raises(CellError):
                parse(bad)

    def test_choice_ignores_diacritics_and_case(self):
        parse = Choice([("m", "Nam"), ("f", "Nữ")])
        assert parse("nu") == "f"
        assert parse("NỮ") == "f"
        assert parse(" nam ") == "m"
        assert parse("m") == "m"
        with pytest.raises(CellError):
            parse("khác")

    def test_choice_accepts_labels_in_every_language(self):
        parse = Choice([("male", gettext_lazy("Male"))])
        with translation.override("en"):
            assert parse("male") == "male"
            assert parse("Male") == "male"

    def test_boolean(self):
        parse = Boolean()
        assert parse("có") is True
        assert parse("Co") is True
        assert parse("x") is True
        assert parse(True) is True
        assert parse("không") is False
        assert parse("khong") is False
        assert parse(0) is False
        with pytest.raises(CellError):
            parse("có lẽ")

    def test_email(self):
        assert Email()("a@b.vn") == "a@b.vn"
        with pytest.raises(CellError):
            Email()("not-an-email")


class TestReadRows:
    def test_good_rows_with_blank_rows_skipped(self):
        data = xlsx(
            [
                ("An", 30, datetime.datetime(1994, 1, 5), "Nam", "x"),
                (None, None, None, None, None),
                ("Bình", "41", "15/12/1983", "nữ", None),
            ]
        )
        rows, errors = read_rows(data, COLUMNS)
        assert errors == []
        assert [r.number for r in rows] == [2, 4]
        assert rows[0].values == {
            "name": "An",
            "age": 30,
            "born": datetime.date(1994, 1, 5),
            "kind": "m",
            "active": True,
        }
        assert rows[1]["active"] is False
        assert rows[1]["born"] == datetime.date(1983, 12, 15)

    def test_every_row_is_checked_and_errors_name_row_and_column(self):
        data = xlsx(
            [
                ("An", "ba mươi", None, None, None),
                ("Bình", 20, None, None, None),
                (None, 20, "32/01/2000", "x", None),
            ]
        )
        rows, errors = read_rows(data, COLUMNS)
        assert [r.number for r in rows] == [3]
        assert [(e.row, e.column) for e in errors] == [(2, "Age"), (4, "Name"), (4, "Born"), (4, "Kind")]
        assert all(e.message for e in errors)
        assert errors[0].as_dict() == {"row": 2, "column": "Age", "message": errors[0].message}

    def test_columns_found_by_header_in_any_order_and_with_required_mark(self):
        data = xlsx([("x", 5, "An")], header=("active", "AGE", "name (*)"))
        rows, errors = read_rows(data, COLUMNS)
        assert errors == []
        assert rows[0].values["name"] == "An"
        assert rows[0].values["age"] == 5
        assert rows[0].values["born"] is None

    def test_check_callback_adds_cross_row_errors(self):
        data = xlsx([("An", 1), ("Bình", 2)], header=("Name", "Age"))

        def check(row):
            if row["age"] == 2:
                yield ("age", "even")

        rows, errors = read_rows(data, COLUMNS, check=check)
        assert len(rows) == 1
        assert [(e.row, e.column, e.message) for e in errors] == [(3, "Age", "even")]

    def test_progress_is_reported(self):
        data = xlsx([(f"P{i}", i) for i in range(7)], header=("Name", "Age"))
        calls = []
        read_rows(data, COLUMNS, progress=lambda done, total: calls.append((done, total)), progress_every=3)
        assert calls == [(3, 7), (6, 7), (7, 7)]

    @pytest.mark.parametrize(
        "data",
        [
            b"",
            b"Name,Age\nAn,30\n",
            b"PK\x03\x04 truncated",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old xls",
        ],
        ids=["empty", "csv", "broken-zip", "xls"],
    )
    def test_unreadable_files_are_rejected(self, data):
        with pytest.raises(SpreadsheetRejected):
            read_rows(data, COLUMNS)

    def test_a_zip_that_is_not_a_workbook_is_rejected(self):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("hello.txt", "xin chào")
        with pytest.raises(SpreadsheetRejected):
            read_rows(out.getvalue(), COLUMNS)

    def test_empty_workbook_is_rejected(self):
        with pytest.raises(SpreadsheetRejected):
            read_rows(xlsx([], header=None), COLUMNS)

    def test_header_only_is_rejected(self):
        with pytest.raises(SpreadsheetRejected):
            read_rows(xlsx([]), COLUMNS)

    def test_missing_required_column_is_named(self):
        with pytest.raises(SpreadsheetRejected) as info:
            read_rows(xlsx([(30,)], header=("Age",)), COLUMNS)
        assert "Name" in info.value.message

    def test_too_many_rows(self):
        data = xlsx([(f"P{i}",) for i in range(11)], header=("Name",))
        with pytest.raises(SpreadsheetRejected):
            read_rows(data, COLUMNS, max_rows=10)
        rows, _errors = read_rows(data, COLUMNS, max_rows=11)
        assert len(rows) == 11


class TestCheckUpload:
    class Upload(io.BytesIO):
        def __init__(self, data, name):
            super().__init__(data)
            self.name = name
            self.size = len(data)

    def test_accepts_xlsx(self):
        check_upload(self.Upload(xlsx([("An",)]), "ds.XLSX"))

    @pytest.mark.parametrize(
        ("data", "name"),
        [(b"hello", "ds.xlsx"), (b"PK\x03\x04", "ds.xls"), (b"PK\x03\x04", "ds.csv")],
    )
    def test_refuses_by_name_or_content(self, data, name):
        with pytest.raises(SpreadsheetRejected):
            check_upload(self.Upload(data, name))

    def test_refuses_large_files(self):
        with pytest.raises(SpreadsheetRejected):
            check_upload(self.Upload(b"PK\x03\x04" + b"0" * 100, "ds.xlsx"), max_bytes=50)


def test_template_has_header_instructions_and_reads_back():
    examples = [{"name": "An", "age": 30, "born": datetime.date(1994, 1, 5), "kind": "f", "active": True}]
    data = build_template(COLUMNS, "Danh sách: thử", examples)
    wb = load_workbook(io.BytesIO(data))
    sheet = wb.worksheets[0]
    assert sheet.title == "Danh sách  thử"
    assert [c.value for c in sheet[1]] == ["Name (*)", "Age", "Born", "Kind", "Active"]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width == 20
    assert sheet["C2"].number_format == "DD/MM/YYYY"
    assert sheet["D2"].value == "Nữ"
    assert len(wb.worksheets) == 2
    instructions = [row[0] for row in wb.worksheets[1].iter_rows(values_only=True)]
    assert "Name" in instructions

    rows, errors = read_rows(data, COLUMNS)
    assert errors == []
    assert rows[0].values == {
        "name": "An",
        "age": 30,
        "born": datetime.date(1994, 1, 5),
        "kind": "f",
        "active": True,
    }


def test_export_rows_with_columns_and_plain_headers():
    data = export_rows(
        COLUMNS, [{"name": "An", "born": datetime.date(2024, 1, 5), "kind": "m", "active": False}], "Xuất"
    )
    sheet = load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == ["Name", "Age", "Born", "Kind", "Active"]
    assert sheet["A2"].value == "An"
    assert sheet["C2"].number_format == "DD/MM/YYYY"
    assert sheet["D2"].value == "Nam"

    data = export_rows(["Họ tên", "Tuổi"], [("An", 30), ("Bình", 41)], "Plain")
    sheet = load_workbook(io.BytesIO(data)).active
    assert list(sheet.iter_rows(values_only=True)) == [("Họ tên", "Tuổi"), ("An", 30), ("Bình", 41)]
