"""Comments grouped by article, and within an article by similarity (pure once loaded).

Within one article, comments that say the same thing are one group: texts are folded (no
diacritics, đ→d), turned into TF-IDF vectors of words and word pairs (scikit-learn), and two
comments whose cosine similarity reaches `THRESHOLD` are linked; a group is a connected set
(single link, as the petitions engine groups opinions). Each group keeps its comments, the
number of them, the sources with their counts and the proposed wordings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dancu.core.text import fold

THRESHOLD = 0.35
# A second link for short comments, where TF-IDF over a handful of texts is weak: the share of
# the shorter comment's content syllables found in the other (overlap coefficient).
OVERLAP = 0.4
MIN_SHARED = 4
# Folded function syllables that say nothing about the subject of a comment.
STOP = {
    "la",
    "cua",
    "va",
    "cac",
    "nhung",
    "de",
    "cho",
    "voi",
    "trong",
    "duoc",
    "co",
    "khong",
    "nay",
    "thi",
    "ma",
    "o",
    "tai",
    "theo",
    "ve",
    "mot",
    "khi",
    "da",
    "se",
    "can",
    "nghi",
    "doi",
    "dieu",
    "khoan",
    "diem",
    "du",
    "an",
    "luat",
    "thao",
    "nen",
    "phai",
    "cung",
    "rat",
    "hon",
    "nhu",
}


@dataclass
class Group:
    comments: list[Any]
    sources: list[tuple[str, int]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.comments)

    @property
    def lead(self) -> Any:
        """The comment that stands for the group: the longest text."""
        return max(self.comments, key=lambda c: (len(c.text), -c.pk))

    @property
    def proposals(self) -> list[str]:
        seen: list[str] = []
        for c in self.comments:
            if c.proposal and c.proposal not in seen:
                seen.append(c.proposal)
        return seen


def _content(text: str) -> set[str]:
    import re

    return {t for t in re.findall(r"[0-9a-z]+", fold(text)) if t not in STOP}


def group_texts(texts: list[str], threshold: float = THRESHOLD) -> list[list[int]]:
    """Indexes of `texts` grouped by similarity, groups in order of their first member: linked
    when their TF-IDF cosine reaches `threshold` or they share most content syllables."""
    n = len(texts)
    if n <= 1:
        return [[i] for i in range(n)]
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    folded = [fold(t) for t in texts]
    try:
        matrix = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(folded)
    except ValueError:  # no word at all (only punctuation)
        return [[i] for i in range(n)]
    sim = cosine_similarity(matrix)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words = [_content(t) for t in texts]
    for i in range(n):
        for j in range(i + 1, n):
            shared = len(words[i] & words[j])
            shortest = min(len(words[i]), len(words[j])) or 1
            if sim[i, j] >= threshold or (shared >= MIN_SHARED and shared / shortest >= OVERLAP):
                parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def group_comments(comments: list[Any]) -> list[Group]:
    groups = []
    for members in group_texts([c.text for c in comments]):
        items = [comments[i] for i in members]
        sources = Counter(c.source_label() for c in items)
        groups.append(Group(items, sorted(sources.items(), key=lambda s: (-s[1], s[0]))))
    return sorted(groups, key=lambda g: (-g.count, g.comments[0].pk))


def article_sort_key(key: str) -> tuple[int, int, str]:
    """ "" (the whole draft) first, then d1, d2, ..., d12a after d12."""
    if not key:
        return (0, 0, "")
    digits = "".join(ch for ch in key[1:] if ch.isdigit())
    return (1, int(digits or 0), key[1 + len(digits) :])


def path_label(path: str) -> str:
    """ "d12.k2.b" -> "Điểm b khoản 2 Điều 12"; "" -> "Toàn bộ dự thảo"."""
    if not path:
        return "Toàn bộ dự thảo"
    parts = path.split(".")
    words = []
    for part in reversed(parts):
        if part.startswith("d") and part[1:2].isdigit():
            words.append(f"Điều {part[1:]}")
        elif part.startswith("k") and part[1:].isdigit():
            words.append(f"khoản {part[1:]}")
        else:
            words.append(f"điểm {part}")
    label = " ".join(words)
    return label[:1].upper() + label[1:]
