"""Build the parser's test files from their annotated sources (`*.src`).

Each line of a source starts with a tag saying what it is, written by hand while copying the
structure of a real law (README.md names the sources). The tags are the truth the parser is
measured against; the parser never sees them:

    H|  heading and preamble lines before the first Phần/Chương/Điều
    P|  a Phần line            C|  a Chương line          M|  a Mục line
    CT| the title line of the Phần/Chương/Mục just above (when on its own line)
    D|  an article (Điều)      K|  a clause (khoản)       E|  a point (điểm)
    T|  a paragraph that continues the element above
    Q|  a quoted paragraph (the text an amending law inserts): no structure of its own
    TB| a table row, cells separated by " | " (consecutive rows make one table)
    BR| a page break            F|  closing lines (adoption formula, signature)

`python tests/data/consultations/build.py` writes, for each source, `<name>.docx` (the Word
file: tables, page breaks, the layout a drafting body sends), `<name>.txt` (what `pdftotext`
gives for the same law: lines wrapped at 90 characters, page numbers between pages, tables as
rows of text) and `<name>.truth.json` (counts and, per article, clauses and points).
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt

HERE = Path(__file__).resolve().parent


def parse_source(path: Path) -> list[tuple[str, str]]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        tag, _, text = raw.partition("|")
        lines.append((tag.strip(), text.strip()))
    return lines


def truth_of(lines: list[tuple[str, str]]) -> dict:
    counts = {"parts": 0, "chapters": 0, "sections": 0, "articles": 0, "clauses": 0, "points": 0}
    per_article: list[dict] = []
    for tag, text in lines:
        if tag == "P":
            counts["parts"] += 1
        elif tag == "C":
            counts["chapters"] += 1
        elif tag == "M":
            counts["sections"] += 1
        elif tag == "D":
            counts["articles"] += 1
            label = text.split()[1].rstrip(".:")
            per_article.append({"article": label, "clauses": 0, "points": 0})
        elif tag == "K":
            counts["clauses"] += 1
            per_article[-1]["clauses"] += 1
        elif tag == "E":
            counts["points"] += 1
            per_article[-1]["points"] += 1
    return {**counts, "per_article": per_article}


def build_docx(lines: list[tuple[str, str]], target: Path) -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(14)
    table_rows: list[list[str]] = []

    def flush_table() -> None:
        if not table_rows:
            return
        width = max(len(r) for r in table_rows)
        table = doc.add_table(rows=len(table_rows), cols=width)
        table.style = "Table Grid"
        for i, row in enumerate(table_rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
        table_rows.clear()

    for tag, text in lines:
        if tag == "TB":
            table_rows.append([c.strip() for c in text.split(" | ")])
            continue
        flush_table()
        if tag == "BR":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        paragraph = doc.add_paragraph()
        run = paragraph.add_run(text)
        if tag in {"P", "C", "M", "CT", "D"}:
            run.bold = True
    flush_table()
    doc.save(str(target))


def build_text(lines: list[tuple[str, str]], target: Path) -> None:
    out: list[str] = []
    page = 1
    for tag, text in lines:
        if tag == "BR":
            page += 1
            out.extend(["", str(page), ""])
            continue
        if tag == "TB":
            out.append("   ".join(c.strip() for c in text.split(" | ")))
            continue
        out.extend(textwrap.wrap(text, width=90) or [""])
    target.write_text("\n".join(out) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    sources = [Path(a) for a in argv] or sorted(HERE.glob("*.src"))
    for source in sources:
        lines = parse_source(source)
        stem = source.with_suffix("")
        build_docx(lines, stem.with_suffix(".docx"))
        build_text(lines, stem.with_suffix(".txt"))
        truth = truth_of(lines)
        stem.with_suffix(".truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(
            f"{source.name}: {truth['articles']} articles, {truth['clauses']} clauses, {truth['points']} points"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
