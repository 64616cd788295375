"""The parser against the annotated real-law files (tests/data/consultations): per file and
format, the articles, clauses and points found against the truth, and the articles whose clause
or point count differs. Usage: `.venv/bin/python bench/consultations_accuracy.py [FILES...]`
(default: every *.src there; run tests/data/consultations/build.py first after editing one).

Baseline in the same run: a naive line-prefix count (a line starting "Điều N", "N.", "a)"),
what a regex over the text would find without the parser's rules (sequence, quotes, tables)."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dancu.consultations import outline  # noqa: E402

DATA = ROOT / "tests" / "data" / "consultations"


def naive(text: str) -> dict[str, int]:
    lines = [line.strip() for line in text.splitlines()]
    return {
        "articles": sum(bool(re.match(r"^Điều \d+", line)) for line in lines),
        "clauses": sum(bool(re.match(r"^\d+\.\s", line)) for line in lines),
        "points": sum(bool(re.match(r"^[a-zđ]\)\s", line)) for line in lines),
    }


def main(argv: list[str]) -> None:
    stems = [Path(a).stem for a in argv] or sorted(p.stem for p in DATA.glob("*.src"))
    print(
        "| file | format | articles found/truth | clauses found/truth | points found/truth | articles differing | naive regex a/k/p | ms |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for stem in stems:
        truth = json.loads((DATA / f"{stem}.truth.json").read_text(encoding="utf-8"))
        for ext in (".docx", ".txt"):
            data = (DATA / f"{stem}{ext}").read_bytes()
            start = time.perf_counter()
            parsed = outline.parse_file(stem + ext, data)
            ms = (time.perf_counter() - start) * 1000
            c = outline.counts(parsed)
            found = [
                {
                    "article": f"{a['article']}{a['suffix']}",
                    "clauses": len(a["clauses"]),
                    "points": len(a["points"]) + sum(len(k["points"]) for k in a["clauses"]),
                }
                for a in outline.articles(parsed)
            ]
            differing = sum(1 for f, t in zip(found, truth["per_article"], strict=False) if f != t) + abs(
                len(found) - len(truth["per_article"])
            )
            text = (
                data.decode("utf-8")
                if ext == ".txt"
                else "\n".join(b.text for b in outline.docx_blocks(data) if b.rows is None)
            )
            n = naive(text)
            print(
                f"| {stem} | {ext[1:]} | {c['articles']}/{truth['articles']} | {c['clauses']}/{truth['clauses']} | {c['points']}/{truth['points']} | {differing} | {n['articles']}/{n['clauses']}/{n['points']} | {ms:.0f} |"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
