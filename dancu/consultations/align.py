"""Aligning a later version of a draft to the earlier one, article by article. Pure Python.

Drafts are renumbered between versions (an article inserted in Chương II shifts every later
number), so articles are paired by what they say, not by their number: every pair gets a score
from its folded title and text (token overlap), the same number adds a little, and the best
pairs are taken greedily. An article left without a partner is new (only in the later version)
or removed (only in the earlier one). A pair is unchanged, changed (same number, other text) or
moved (another number; `changed` tells whether its text changed too).

`taken_up` answers the follow-through question: does the later text of a provision follow the
wording the delegation proposed?
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from dancu.core.text import fold

from .outline import article_key, article_text, articles

_TOKEN = re.compile(r"[0-9a-z]+")
MIN_SCORE = 0.35


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b) if a or b else 0.0


@dataclass
class ArticleMatch:
    status: str  # unchanged, changed, moved, new, removed
    old_key: str = ""  # "d12" in the earlier version
    new_key: str = ""
    old_label: str = ""  # "Điều 12"
    new_label: str = ""
    title: str = ""
    changed: bool = False
    score: float = 0.0
    diff: list[tuple[str, str]] = field(default_factory=list)  # ("=", "+", "-"), words

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "old": self.old_key,
            "new": self.new_key,
            "old_label": self.old_label,
            "new_label": self.new_label,
            "title": self.title,
            "changed": self.changed,
            "score": round(self.score, 3),
            "diff": [list(op) for op in self.diff],
        }


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """A readable diff: runs of equal, inserted and deleted words (lines kept)."""
    a = re.findall(r"\S+|\n", old)
    b = re.findall(r"\S+|\n", new)
    ops: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            ops.append(("-", " ".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            ops.append(("+", " ".join(b[j1:j2])))
    return [(op, text.replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")) for op, text in ops]


def _label(article: dict[str, Any]) -> str:
    return f"Điều {article['article']}{article.get('suffix', '')}"


def align(
    old_outline: dict[str, Any], new_outline: dict[str, Any], *, with_diff: bool = True
) -> list[ArticleMatch]:
    """Every article of both versions, in the later version's order (removed ones where they were)."""
    old = list(articles(old_outline))
    new = list(articles(new_outline))
    old_text = [article_text(a) for a in old]
    new_text = [article_text(a) for a in new]
    old_tok = [set(tokens(t)) for t in old_text]
    new_tok = [set(tokens(t)) for t in new_text]
    old_title = [set(tokens(a["title"])) for a in old]
    new_title = [set(tokens(a["title"])) for a in new]
    old_to_new: dict[int, tuple[int, float]] = {}
    taken_new: set[int] = set()
    # Articles whose text did not change pair first (most of a revised draft), by exact text.
    same: dict[str, list[int]] = {}
    for j, article in enumerate(new):
        same.setdefault(fold(article["title"] + "\n" + new_text[j]), []).append(j)
    for i, article in enumerate(old):
        bucket = same.get(fold(article["title"] + "\n" + old_text[i]))
        if bucket:
            j = bucket.pop(0)
            old_to_new[i] = (j, 1.0)
            taken_new.add(j)
    # The rest: only pairs that share a word are scored (an inverted index).
    index: dict[str, set[int]] = {}
    for j, toks in enumerate(new_tok):
        if j in taken_new:
            continue
        for tok in toks | new_title[j]:
            index.setdefault(tok, set()).add(j)
    pairs: list[tuple[float, int, int]] = []
    for i, toks in enumerate(old_tok):
        if i in old_to_new:
            continue
        candidates: set[int] = set()
        for tok in old_title[i] | set(list(toks)[:40]):
            candidates |= index.get(tok, set())
        for j in candidates:
            body = _jaccard(toks, new_tok[j])
            title = _jaccard(old_title[i], new_title[j])
            score = 0.6 * body + 0.4 * title
            if old[i]["article"] == new[j]["article"] and old[i].get("suffix") == new[j].get("suffix"):
                score += 0.05
            if score >= MIN_SCORE:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for score, i, j in pairs:
        if i in old_to_new or j in taken_new:
            continue
        old_to_new[i] = (j, score)
        taken_new.add(j)
    new_to_old = {j: (i, s) for i, (j, s) in old_to_new.items()}

    result: list[ArticleMatch] = []
    removed_before: dict[int, list[int]] = {}
    # A removed article is shown before the later article that follows its old position.
    next_paired = len(new)
    for i in range(len(old) - 1, -1, -1):
        if i in old_to_new:
            next_paired = old_to_new[i][0]
        else:
            removed_before.setdefault(next_paired, []).insert(0, i)

    def removed(i: int) -> ArticleMatch:
        return ArticleMatch(
            "removed",
            old_key=article_key(old[i]),
            old_label=_label(old[i]),
            title=old[i]["title"],
            diff=[("-", old_text[i])] if with_diff else [],
        )

    for j, article in enumerate(new):
        result.extend(removed(i) for i in removed_before.get(j, []))
        if j not in new_to_old:
            result.append(
                ArticleMatch(
                    "new",
                    new_key=article_key(article),
                    new_label=_label(article),
                    title=article["title"],
                    diff=[("+", new_text[j])] if with_diff else [],
                )
            )
            continue
        i, score = new_to_old[j]
        same_text = fold(old_text[i]) == fold(new_text[j]) and fold(old[i]["title"]) == fold(article["title"])
        same_number = article_key(old[i]) == article_key(article)
        status = ("unchanged" if same_text else "changed") if same_number else "moved"
        diff = (
            []
            if same_text or not with_diff
            else word_diff(f"{old[i]['title']}\n{old_text[i]}", f"{article['title']}\n{new_text[j]}")
        )
        result.append(
            ArticleMatch(
                status,
                old_key=article_key(old[i]),
                new_key=article_key(article),
                old_label=_label(old[i]),
                new_label=_label(article),
                title=article["title"],
                changed=not same_text,
                score=score,
                diff=diff,
            )
        )
    result.extend(removed(i) for i in removed_before.get(len(new), []))
    return result


def summary(matches: list[ArticleMatch]) -> dict[str, int]:
    out = {"unchanged": 0, "changed": 0, "moved": 0, "new": 0, "removed": 0}
    for m in matches:
        out[m.status] += 1
    return out


def _shingles(words: list[str], n: int = 2) -> set[tuple[str, ...]]:
    if len(words) < n:
        return {tuple(words)} if words else set()
    return {tuple(words[k : k + n]) for k in range(len(words) - n + 1)}


def coverage(proposal: str, text: str) -> float:
    """The share of the proposal's word pairs found in `text` (0..1)."""
    wanted = _shingles(tokens(proposal))
    if not wanted:
        return 0.0
    return len(wanted & _shingles(tokens(text))) / len(wanted)


TAKEN_UP = 0.6


def taken_up(proposal: str, old_text: str, new_text: str) -> tuple[bool, float]:
    """Whether the later text follows the proposed wording: it holds most of the proposal's word
    pairs, and clearly more of them than the earlier text did (so a proposal that only repeated
    the text is not counted as taken up)."""
    after = coverage(proposal, new_text)
    before = coverage(proposal, old_text)
    return (after >= TAKEN_UP and after - before >= 0.2), round(after, 3)
