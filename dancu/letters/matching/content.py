"""What a letter is about, as comparable sets of folded words (pure Python).

The boilerplate every letter carries ("kính gửi", "đề nghị xem xét giải quyết", "tôi xin cam
đoan", the receiving body's name) is removed, and so is the writer's own introduction ("tôi tên
là …, trú tại …"), which says who writes, not what about. What is left is compared as a set of
words and word pairs (containment and Jaccard), with the numbers of the matter (plot and map
sheet numbers, areas, amounts, years, decision numbers) compared apart: two letters about the
same kind of problem at another plot or another hamlet share words but not numbers.
"""

from __future__ import annotations

import re

from dancu.core.text import fold

# Letter boilerplate and function words (folded). Generic: what any Vietnamese letter to an
# elected body says, whatever the matter.
_STOP = """
    kinh gui toi chung xin trinh bay su viec nhu sau la cua va cac nhung mot co khong duoc da dang se
    de nghi xem xet giai quyet cho gia dinh nha quy co quan don nay lam mong nhan su quan tam dong chi
    lanh dao vi dai bieu doan quoc hoi hoi dong nhan dan tinh thuong truc chuc nang vao cuoc kiem tra
    xu ly nghiem theo quy dinh phap luat cam doan noi dung tren dung that tran trong cam on rat dut
    diem yen tam sinh song ve tai voi tu den nay khi thi ma nen vi boi trong ngoai len xuong ra o day
    do kia nao gi ai bi bang hay hoac cung van con nua roi lai moi sau truoc ong ba anh chi em cu
    ubnd uy ban so phong ban huyen xa phuong thi tran thanh pho thon xom to
    """
STOPWORDS = frozenset(_STOP.split())
_INTRO = re.compile(r"toi (?:ten )?la [^,]*,? (?:tru|o|cu tru|thuong tru) tai [^.]*\.")
_OPENING = re.compile(r"^\s*kinh gui[^.]*\.")
_WORD = re.compile(r"[0-9a-z]+")
_NUMBER = re.compile(r"\b\d+(?:[.,/]\d+)*\b")
_LETTER_ROUND = re.compile(r"\b(?:don )?lan (?:thu )?(?:\d+|hai|ba|bon|nam)\b")


def clean(text: str) -> str:
    folded = fold(text)
    folded = _OPENING.sub(" ", folded)
    folded = _INTRO.sub(" ", folded)
    return _LETTER_ROUND.sub(" ", folded)


# Numbered hamlets only: once folded, a named one cannot be told from a common word ("trưởng
# thôn dù…", "xóm bị ngập", "biên bản hòa giải", "khối lượng").
_SITE = re.compile(r"\b(?:thon|xom|to dan pho|ban|ap|khoi|to)\s+(\d+)\b")


def features(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words and word pairs, numbers, sites) of a letter's text, without boilerplate. Sites
    are the numbered hamlets the text names ("thôn 6" -> "6"; communes are compared through
    the unit successions, on the address)."""
    folded = clean(text)
    numbers = frozenset(n.replace(",", ".") for n in _NUMBER.findall(folded) if len(n) >= 2)
    words = [w for w in _WORD.findall(folded) if w not in STOPWORDS and not w.isdigit()]
    grams = set(words)
    grams |= {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}
    sites = frozenset(m.group(1) for m in _SITE.finditer(folded))
    return frozenset(grams), numbers, sites


def similarity(a: frozenset[str], b: frozenset[str]) -> tuple[float, float]:
    """(containment, Jaccard) of two sets: containment is the share of the smaller one found in
    the other (a cover letter's summary is contained in the citizen's letter)."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / min(len(a), len(b)), common / len(a | b)


def target_words(target: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(fold(target)) if w not in STOPWORDS)
