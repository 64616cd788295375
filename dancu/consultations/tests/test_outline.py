"""The draft-law parser against the annotated real-law files (tests/data/consultations), the
numbering styles, the traps (quoted amendments, references, tables) and its speed."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from dancu.consultations import outline

DATA = Path(__file__).resolve().parents[3] / "tests" / "data" / "consultations"
ROOT = DATA.parents[2]
SOURCES = sorted(p.stem for p in DATA.glob("*.src"))


def per_article(parsed):
    return [
        {
            "article": f"{a['article']}{a['suffix']}",
            "clauses": len(a["clauses"]),
            "points": len(a["points"]) + sum(len(k["points"]) for k in a["clauses"]),
        }
        for a in outline.articles(parsed)
    ]


def test_the_data_files_are_built_from_their_sources():
    assert len(SOURCES) >= 5
    for stem in SOURCES:
        for ext in (".docx", ".txt", ".truth.json"):
            assert (DATA / f"{stem}{ext}").exists(), f"run tests/data/consultations/build.py ({stem}{ext})"


@pytest.mark.parametrize("ext", [".docx", ".txt"])
@pytest.mark.parametrize("stem", SOURCES)
def test_real_law_structure_matches_the_truth(stem, ext):
    truth = json.loads((DATA / f"{stem}.truth.json").read_text(encoding="utf-8"))
    parsed = outline.parse_file(f"{stem}{ext}", (DATA / f"{stem}{ext}").read_bytes())
    found = outline.counts(parsed)
    assert found == {k: truth[k] for k in found}
    assert per_article(parsed) == truth["per_article"]
    assert parsed["warnings"] == []


def test_titles_numbers_and_text_are_kept():
    parsed = outline.parse_docx((DATA / "dat-dai-2024.docx").read_bytes())
    assert parsed["title"] == "Luật Đất đai"
    chapter = parsed["parts"][0]["chapters"][1]
    assert chapter["chapter"] == "II"
    assert chapter["title"].startswith("QUYỀN VÀ TRÁCH NHIỆM CỦA NHÀ NƯỚC")
    assert [s["section"] for s in chapter["sections"]] == [1, 2]
    art9 = next(a for a in outline.articles(parsed) if a["article"] == 9)
    assert art9["title"] == "Phân loại đất"
    letters = [p["letter"] for p in art9["clauses"][2]["points"]]
    assert letters == ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"]
    assert art9["clauses"][2]["points"][4]["text"].startswith("Đất sản xuất, kinh doanh phi nông nghiệp")
    # The article that spans a page break keeps its paragraph after the break in clause 3.
    art6 = next(a for a in outline.articles(parsed) if a["article"] == 6)
    assert "nhiều người sử dụng chung" in art6["clauses"][2]["text"]
    # The table is text of clause 2 of Điều 10; its "1." rows start no clause.
    art10 = next(a for a in outline.articles(parsed) if a["article"] == 10)
    assert "Đang sử dụng ổn định | Hiện trạng sử dụng đất" in art10["clauses"][1]["text"]
    assert parsed["closing"].startswith("Luật này được Quốc hội")


def test_colon_and_space_styles_and_a_wrapped_title():
    parsed = outline.parse_text((DATA / "du-thao-quy-hoach-2025.txt").read_text(encoding="utf-8"))
    arts = {a["article"]: a for a in outline.articles(parsed)}
    assert arts[1]["title"] == "Phạm vi điều chỉnh"
    assert arts[6]["title"] == "Thời kỳ quy hoạch"  # "Điều 6 Thời kỳ quy hoạch"
    assert arts[10]["title"].endswith("quy hoạch tỉnh thời kỳ 2021-2030")  # wrapped over 2 lines
    assert parsed["parts"][0]["chapters"][0]["title"] == "QUY ĐỊNH CHUNG"  # "Chương I: QUY ĐỊNH CHUNG"


def test_quoted_amendments_stay_in_the_clause_that_quotes_them():
    parsed = outline.parse_docx((DATA / "sua-doi-4-luat-2024.docx").read_bytes())
    arts = list(outline.articles(parsed))
    assert [a["article"] for a in arts] == [1, 2, 3, 4, 5]
    clause2 = arts[0]["clauses"][1]
    assert clause2["text"].startswith("Điều 252 được sửa đổi")
    assert "“Điều 252. Hiệu lực thi hành" in clause2["text"]
    assert clause2["points"] == []
    assert '"Điều 82. Hiệu lực thi hành' in arts[2]["text"]  # straight quotes too


def lines_docx(lines):
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_references_at_line_start_are_not_articles():
    text = "\n".join(
        [
            "Chương I",
            "QUY ĐỊNH CHUNG",
            "Điều 1. Phạm vi",
            "Nội dung quy định tại",
            "Điều 5 của Luật này được áp dụng.",
            "Điều 2. Đối tượng",
            "1. Khoản một theo quy định tại",
            "Điều 1. Trường hợp khác",  # number going backwards: a reference that wrapped
            "Chương I của Luật này không áp dụng.",
            "Mục 1 Chương này cũng vậy.",
            "c) không phải điểm vì chưa có điểm a",
            "Điều 3: Hiệu lực",
        ]
    )
    parsed = outline.parse_text(text)
    arts = list(outline.articles(parsed))
    assert [a["article"] for a in arts] == [1, 2, 3]
    assert outline.counts(parsed)["chapters"] == 1
    assert outline.counts(parsed)["sections"] == 0
    assert arts[1]["clauses"][0]["points"] == []


def test_an_unclosed_quote_does_not_swallow_the_rest():
    data = lines_docx(
        [
            "Điều 1. Sửa đổi Luật A",
            "1. Sửa đổi khoản 2 Điều 3 như sau:",
            "“2. Nội dung mới không có dấu đóng.",
            "Điều 2. Hiệu lực thi hành",
            "Luật này có hiệu lực từ ngày 01 tháng 01 năm 2026.",
        ]
    )
    parsed = outline.parse_docx(data)
    assert [a["article"] for a in outline.articles(parsed)] == [1, 2]
    assert parsed["warnings"]


def _numbered(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    nid = OxmlElement("w:numId")
    nid.set(qn("w:val"), str(num_id))
    num_pr.append(ilvl)
    num_pr.append(nid)
    ppr.append(num_pr)


def test_word_automatic_numbering_is_read():
    """Clauses "1." and points "a)" drawn by a Word list, not typed."""
    doc = Document()
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, (fmt, text) in enumerate([("decimal", "%1."), ("lowerLetter", "%2)")]):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), value)
            lvl.append(el)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "77")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    doc.add_paragraph("Điều 1. Phạm vi điều chỉnh")
    for text, level in [("Khoản một;", 0), ("Điểm một;", 1), ("Điểm hai.", 1), ("Khoản hai.", 0)]:
        _numbered(doc.add_paragraph(text), 77, level)
    out = io.BytesIO()
    doc.save(out)
    parsed = outline.parse_docx(out.getvalue())
    art = next(outline.articles(parsed))
    assert [c["number"] for c in art["clauses"]] == [1, 2]
    assert [p["letter"] for p in art["clauses"][0]["points"]] == ["a", "b"]
    assert art["clauses"][1]["text"] == "Khoản hai."


def test_flat_paths_are_stable():
    parsed = outline.parse_docx((DATA / "dat-dai-2024.docx").read_bytes())
    rows = outline.flatten(parsed)
    paths = [r.path for r in rows]
    assert len(paths) == len(set(paths))
    assert "d9.k3.đ" in paths and "d12" in paths and "cII.m1" in paths
    point = next(r for r in rows if r.path == "d9.k2.b")
    assert (point.kind, point.parent, point.label) == ("point", "d9.k2", "Điểm b")


def test_three_hundred_articles_parse_in_under_two_seconds():
    doc = Document()
    for a in range(1, 301):
        if a % 20 == 1:
            doc.add_paragraph(f"Chương {outline._to_roman(a // 20 + 1)}")
            doc.add_paragraph("CHƯƠNG THỬ")
        doc.add_paragraph(f"Điều {a}. Điều thử số {a}")
        for k in range(1, 7):
            doc.add_paragraph(
                f"{k}. Nội dung khoản {k} của điều {a} quy định về quản lý, sử dụng đất đai và trách nhiệm của cơ quan nhà nước:"
            )
            for letter in ("a", "b", "c", "d", "đ"):
                doc.add_paragraph(f"{letter}) Nội dung điểm {letter} quy định chi tiết;")
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    start = time.perf_counter()
    parsed = outline.parse_docx(data)
    elapsed = time.perf_counter() - start
    assert outline.counts(parsed)["articles"] == 300
    assert outline.counts(parsed)["points"] == 300 * 6 * 5
    assert elapsed < 2.0, elapsed


def test_the_command_needs_no_database(tmp_path):
    target = tmp_path / "out.json"
    env = {**os.environ, "DATABASE_URL": "sqlite:////nonexistent/x"}
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "consultations_parse",
            str(DATA / "bhvbqppl-2025.docx"),
            "--output",
            str(target),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    article = data["parts"][0]["chapters"][0]["sections"][0]["articles"][2]
    assert article["article"] == 3 and article["title"] == "Giải thích từ ngữ"
    assert article["clauses"][0]["number"] == 1 and article["clauses"][0]["text"].startswith(
        "Quy phạm pháp luật"
    )
    point = data["parts"][0]["chapters"][1]["sections"][0]["articles"][0]["clauses"][0]["points"][4]
    assert point == {
        "letter": "đ",
        "text": "Chính sách cơ bản về văn hóa, giáo dục, y tế, khoa học, công nghệ, môi trường;",
    }
    # Standard output when no --output; a clear error for a missing file.
    done = subprocess.run(
        [sys.executable, "manage.py", "consultations_parse", str(tmp_path / "none.docx")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0 and "cannot read" in done.stderr
