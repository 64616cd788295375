"""Benchmark of the draft-law parser and the version alignment (issue 15: < 2 s for 300 articles).

Usage: `.venv/bin/python bench/consultations_parse.py [--articles 300] [--repeat 5]`.

Generates a draft of N articles in 15 chapters (each chapter with two "Mục", each article with
3-8 clauses, every third clause with points a)-đ), a table every 25 articles, a page break every
10), saves it as .docx, then times `outline.parse_docx` (the page's and the command's parser),
`outline.parse_text` on the same text and `align.align` between it and a second version with
articles inserted, removed and edited. Baseline in the same run: reading the .docx paragraphs
with python-docx alone (what any parser pays before parsing).
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.enum.text import WD_BREAK  # noqa: E402

from dancu.consultations import align, outline  # noqa: E402

WORDS = [
    "cơ",
    "quan",
    "nhà",
    "nước",
    "tổ",
    "chức",
    "cá",
    "nhân",
    "quyền",
    "nghĩa",
    "vụ",
    "quản",
    "lý",
    "sử",
    "dụng",
    "đất",
    "đai",
    "quy",
    "hoạch",
    "kế",
    "hoạch",
    "giao",
    "đất",
    "cho",
    "thuê",
    "thu",
    "hồi",
    "bồi",
    "thường",
    "hỗ",
    "trợ",
    "tái",
    "định",
    "cư",
    "giá",
    "đất",
    "tài",
    "chính",
    "hồ",
    "sơ",
    "thủ",
    "tục",
    "thẩm",
    "quyền",
    "trách",
    "nhiệm",
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "cấp",
    "tỉnh",
    "cấp",
    "xã",
    "Hội",
    "đồng",
    "nhân",
    "dân",
    "Chính",
    "phủ",
    "quy",
    "định",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
LETTERS = ["a", "b", "c", "d", "đ"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return (words[0][:1].upper() + words[0][1:] + " " + " ".join(words[1:])).strip()


def draft_lines(articles: int, *, seed: int = 1, edit: bool = False) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    lines: list[tuple[str, str]] = [
        ("p", "QUỐC HỘI"),
        ("p", "DỰ THẢO"),
        ("p", "LUẬT"),
        ("p", "THỬ NGHIỆM HIỆU NĂNG"),
    ]
    per_chapter = max(1, articles // 15)
    number = 0
    edit_rng = random.Random(seed + 7)
    for a in range(1, articles + 1):
        if (a - 1) % per_chapter == 0 and (a - 1) // per_chapter < 15:
            c = (a - 1) // per_chapter
            lines += [("p", f"Chương {ROMAN[c]}"), ("p", f"CHƯƠNG THỬ SỐ {c + 1}")]
        if (a - 1) % per_chapter in (0, per_chapter // 2):
            lines.append(("p", f"Mục {1 if (a - 1) % per_chapter == 0 else 2}. MỤC THỬ"))
        if edit and a % 40 == 0:
            continue  # removed in the second version
        number += 1
        lines.append(("h", f"Điều {number}. {sentence(rng, 6)}"))
        if edit and a % 50 == 0:
            number += 1
            lines.append(("h", f"Điều {number}. Điều mới được bổ sung"))
            lines.append(("p", "1. " + sentence(edit_rng, 20)))
        for k in range(1, rng.randint(3, 8) + 1):
            text = sentence(rng, rng.randint(15, 40))
            if edit and a % 7 == 0 and k == 1:
                text += " " + sentence(edit_rng, 8)
            lines.append(("p", f"{k}. {text}:"))
            if k % 3 == 0:
                for letter in LETTERS:
                    lines.append(("p", f"{letter}) {sentence(rng, rng.randint(8, 20))};"))
        if a % 25 == 0:
            lines.append(("t", "Loại | Thời hạn\nQuy hoạch | 30 ngày"))
        if a % 10 == 0:
            lines.append(("br", ""))
    return lines


def to_docx(lines: list[tuple[str, str]]) -> bytes:
    doc = Document()
    for kind, text in lines:
        if kind == "br":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "t":
            rows = [r.split(" | ") for r in text.split("\n")]
            table = doc.add_table(rows=len(rows), cols=2)
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        else:
            doc.add_paragraph().add_run(text).bold = kind == "h"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    first = draft_lines(args.articles)
    data = to_docx(first)
    second = to_docx(draft_lines(args.articles, edit=True))
    text = "\n".join(t for k, t in first if k in ("p", "h"))

    base, _ = timed(lambda: [p.text for p in Document(io.BytesIO(data)).paragraphs], args.repeat)
    t_docx, parsed = timed(lambda: outline.parse_docx(data), args.repeat)
    t_text, _ = timed(lambda: outline.parse_text(text), args.repeat)
    later = outline.parse_docx(second)
    t_align, matches = timed(lambda: align.align(parsed, later), args.repeat)
    c = outline.counts(parsed)  # type: ignore[arg-type]
    print(
        f"draft: {len(data) // 1024} KiB .docx, {c['articles']} articles, {c['clauses']} clauses, {c['points']} points"
    )
    print(f"baseline python-docx paragraphs only: {base * 1000:.0f} ms (median of {args.repeat})")
    print(f"parse_docx: {t_docx * 1000:.0f} ms   parse_text: {t_text * 1000:.0f} ms")
    print(f"align with a second version: {t_align * 1000:.0f} ms  {align.summary(matches)}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
