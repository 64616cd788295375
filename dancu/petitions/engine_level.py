"""Competent level of a petition: rules on what it names, then the classifier.

Since 1 July 2025 there are two levels of local government: province and commune. A petition is

- central when it asks for a national policy or law (Quốc hội, Chính phủ, a ministry, a law,
  decree or circular, base salary, pensions, social insurance) and names no local site (a
  national road alone does not decide: such answers come from the province as often);
- province when it names a provincial road (ĐT, tỉnh lộ, "đường 781"), a provincial department,
  programme, hospital, industrial or economic zone, the provincial People's Committee, the power
  grid or telecoms, a dike, an embankment or a bridge over a river;
- whoever the voters address ("đề nghị Bộ Xây dựng ...", "kiến nghị tỉnh ...", "đề nghị UBND xã
  ...") when they name one: on the real sets that body is the level of the answer 74 times in 76;
- province for one person's or a few people's case under a national policy (a file to decide);
- commune when it is about small works of a hamlet or residential group (thôn, xóm, bản, tổ dân
  phố: the cultural house, a hamlet or field road, a spillway, a culvert) and names no road;
- otherwise the classifier decides. A matter that was a district's before the reform is
  answered by the province or the commune, so the classifier is never asked for "district".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from . import engine_entities as ent

CENTRAL, PROVINCE, COMMUNE = "central", "province", "commune"


class _Prediction(Protocol):
    code: str
    confidence: float


POLICY_CONCEPTS = frozenset(
    {
        "phucap",
        "tienluong",
        "luonghuu",
        "vattu",
        "binhongia",
        "bhyt",
        "bhxh",
        "sgk",
        "luatdatdai",
        "nvqs",
        "caotuoi",
        "nguoicocong",
        "xalu",
    }
)
# Works that a commune answers for once the district is gone: hamlet roads and paths, field
# canals, the cultural house. A bridge over a river, a dike, an embankment, a named provincial
# or national road, the power grid and telecoms are the province's (labelling guide).
HAMLET_WORKS = re.compile(
    r"\b(nha van hoa|nha sinh hoat cong dong|duong (?:lien thon|thon|xom|noi thon|noi dong|ngo|lang|dan sinh)|"
    r"ngo xom|be tong hoa|duong be tong|kenh noi dong|muong noi dong|cong thoat|tran lien thon|"
    r"cau tran|ngam tran|hoi truong thon|kiet|hem|gieng khoan|gieng nuoc)\b"
)
PROVINCE_WORKS = re.compile(
    r"\b(cau qua song|cau treo qua song|de (?:dieu|bao|song|bien|ngan man|quai)|ke chong|bo ke|tram phat song|song di dong|"
    r"luoi dien|duong dien|tram bien ap|dien luc|duong \d{3}\b|internet|vien thong)"
)
# The body the voters address, right after the verb of asking: "đề nghị Quốc hội/Chính phủ/Bộ Y
# tế", "kiến nghị tỉnh/UBND tỉnh/Sở ...", "đề nghị xã/phường/UBND xã/chính quyền địa phương".
# "các cấp", "cơ quan chức năng" and "Nhà nước" name no level and are left to the rest; the
# look-aheads keep "tính toán", "xã hội hóa", "xả lũ", "phương án" (folded alike) out.
_ASK = r"(?:de nghi|kien nghi|de xuat|mong|yeu cau)"
_MINISTRY = (
    r"bo (?:noi vu|tai chinh|y te|giao duc|cong an|quoc phong|xay dung|cong thuong|nong nghiep|lao dong|"
    r"tu phap|giao thong|tai nguyen|ke hoach|van hoa|thong tin|khoa hoc|ngoai giao|dan toc)"
)
_ADDRESSEES = (
    (CENTRAL, rf"quoc hoi|chinh phu|thu tuong|trung uong|cac bo|bo nganh|{_MINISTRY}|uy ban thuong vu quoc hoi"),
    (PROVINCE, r"tinh(?! (?:toan|lai|den|them|chat|trang|hinh|thoi|tu|phi|gop|tien|cach|ke|nang|thuc|hop|diem|luong))|uy ban nhan dan tinh|hoi dong nhan dan tinh|thanh pho|uy ban nhan dan thanh pho|so [a-z]+"),
    (COMMUNE, r"xa(?! (?:hoi|lu|nuoc|thai|rac|khoi|tran))|phuong(?! (?:an|thuc|tien|cham|huong|phap))|thi tran|uy ban nhan dan xa|uy ban nhan dan phuong|chinh quyen xa|chinh quyen dia phuong|dia phuong"),
)
ADDRESSEE = re.compile(
    rf"\b{_ASK}\s+(?:(?:cac|cap|co quan|chinh quyen)\s+)?(?:"
    + "|".join(f"(?P<{code}>{pattern})" for code, pattern in _ADDRESSEES)
    + r")\b"
)


def addressee(folded: str) -> str | None:
    """The level of the body the voters ask, when they name one right after asking."""
    m = ADDRESSEE.search(folded)
    return m.lastgroup if m else None


# A national road or expressway that voters want built, widened, upgraded or repaired: national
# roads are the Ministry's (its road administration invests in and maintains them), so such
# answers come from the centre; lighting, signals, land and compensation along the road are
# the province's or the commune's and are left to the other rules.
NATIONAL_ROAD = re.compile(r"\b(quoc lo \d+[a-z]?|cao toc|duong ho chi minh)\b")
ROAD_WORKS = re.compile(
    r"\b(nang cap|mo rong|dau tu|cai tao|sua chua|chinh sua|xuong cap|hu hong|o ga|go ghe|khac phuc|"
    r"khoi cong|xay dung|ngap)\b"
)
ROAD_LOCAL = re.compile(
    r"\b(chieu sang|den|tin hieu|dat o|boi thuong|giai phong mat bang|thu hoi|chuyen doi|rac|tinh lo|"
    r"duong tinh)\b"
)


# One person's or a few people's case under a national policy ("một cử tri ... đã nộp đủ hồ sơ
# nhưng chưa được giải quyết chế độ", "giải quyết chế độ ... cho một số người trên địa bàn"):
# the province's department decides the file, not the law (6 of 6 on the real sets).
INDIVIDUAL_CASE = re.compile(
    r"\b(mot cu tri|mot so nguoi|mot so truong hop|mot so ho|nop (?:du )?ho so|giai quyet ho so|xem xet ho so|"
    r"ho so huong|ho so de nghi)\b"
)
ENTITLEMENT = re.compile(r"\b(che do|tro cap|chinh sach|huong)\b")

# The classifier overrides a rule only when it is more sure than this of another level.
OVERRIDE = 0.9
ADDRESSEE_CONFIDENCE = 0.9  # about right: 74 of 76 on the five real sets


def rule_level(
    e: ent.Entities, concepts: frozenset[str] = frozenset(), folded: str = ""
) -> tuple[str | None, float]:
    """The level the rules give, with a confidence, or (None, 0) when they say nothing."""
    asked = addressee(folded)
    if asked is not None:
        return asked, ADDRESSEE_CONFIDENCE
    if individual_case(folded):
        return PROVINCE, 0.75
    national, province, commune = e.level_cues
    roads = {s.split(":", 1)[1].split(" ", 1)[0] for s in e.sites if s.startswith("road:")}
    hamlets = any(s.startswith("hamlet:") for s in e.sites)
    policy = bool(concepts & POLICY_CONCEPTS)
    if (e.national or policy_demand(e, concepts, folded)) and national >= province:
        return CENTRAL, 0.8 if e.national else 0.65
    # A national road alone does not make a central matter: the answers to such petitions
    # (lighting, traffic lights, a damaged stretch) come from the province as often as not.
    if "dt" in roads or (province and province >= commune) or PROVINCE_WORKS.search(folded):
        return PROVINCE, 0.75
    if NATIONAL_ROAD.search(folded) and ROAD_WORKS.search(folded) and not ROAD_LOCAL.search(folded):
        return CENTRAL, 0.7
    if (
        (hamlets or commune)
        and not national
        and not policy
        and not roads
        and HAMLET_WORKS.search(folded)
    ):
        return COMMUNE, 0.7
    return None, 0.0


def text_concepts(text: str, folded: str | None = None) -> frozenset[str]:
    """The concepts of the lexicon a petition names ("phucap", "bhyt", ...); `folded`: its
    `normalize`d text, when the caller has it."""
    from .engine import concept_tokens, normalize

    return frozenset(t[3:] for t in concept_tokens(normalize(text) if folded is None else folded).split())


def policy_demand(e: ent.Entities, concepts: frozenset[str], folded: str = "") -> bool:
    """A demand about a national policy (allowances, salaries, health insurance, textbooks ...)
    that names no road, work or facility and is not one person's case: it groups by the policy
    wherever it was raised."""
    return (
        bool(concepts & POLICY_CONCEPTS)
        and not any(not s.startswith("hamlet:") for s in e.sites)
        and not individual_case(folded)
    )


def individual_case(folded: str) -> bool:
    """One person's or a few people's case under a national policy: a file, not a demand."""
    return bool(INDIVIDUAL_CASE.search(folded) and ENTITLEMENT.search(folded))


def decide(
    entities: Sequence[ent.Entities],
    predictions: Sequence[_Prediction],
    texts: Sequence[str],
    concepts: Sequence[frozenset[str]] | None = None,
    folded: Sequence[str] | None = None,
) -> list:
    """For each petition the level Prediction: the rule when it fires and the classifier is not
    more sure of another level, else the classifier. `concepts` and `folded`: each text's
    `text_concepts` and `normalize`d text, when the caller has them."""
    from .engine import Prediction, normalize

    out = []
    if folded is None:
        folded = [normalize(t) for t in texts]
    if concepts is None:
        concepts = [text_concepts(t, f) for t, f in zip(texts, folded, strict=True)]
    for e, pred, norm, text_cs in zip(entities, predictions, folded, concepts, strict=True):
        code, conf = rule_level(e, text_cs, norm)
        if code is None or (pred.code != code and pred.confidence > OVERRIDE):
            out.append(Prediction(pred.code, pred.confidence))
        elif pred.code == code:
            out.append(Prediction(code, max(conf, pred.confidence)))
        else:
            out.append(Prediction(code, conf))
    return out
