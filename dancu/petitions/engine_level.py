"""Competent level of a petition: rules on what it names, then the classifier.

Since 1 July 2025 there are two levels of local government: province and commune. A petition is

- central when it asks for a national policy or law (Quốc hội, Chính phủ, a ministry, a law,
  decree or circular, base salary, pensions, social insurance) and names no local site (a
  national road alone does not decide: such answers come from the province as often);
- province when it names a provincial road (ĐT, tỉnh lộ, "đường 781"), a provincial department,
  programme, hospital, industrial or economic zone, the provincial People's Committee, the power
  grid or telecoms, a dike, an embankment or a bridge over a river;
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
    r"cau tran|ngam tran)\b"
)
PROVINCE_WORKS = re.compile(
    r"\b(cau qua song|cau treo qua song|de (?:dieu|bao|song|bien|ngan man|quai)|ke chong|bo ke|tram phat song|song di dong|"
    r"luoi dien|duong dien|tram bien ap|dien luc|duong \d{3}\b|internet|vien thong)"
)
# The classifier overrides a rule only when it is more sure than this of another level.
OVERRIDE = 0.9


def rule_level(
    e: ent.Entities, concepts: frozenset[str] = frozenset(), folded: str = ""
) -> tuple[str | None, float]:
    """The level the rules give, with a confidence, or (None, 0) when they say nothing."""
    national, province, commune = e.level_cues
    roads = {s.split(":", 1)[1].split(" ", 1)[0] for s in e.sites if s.startswith("road:")}
    hamlets = any(s.startswith("hamlet:") for s in e.sites)
    works_sites = {s for s in e.sites if not s.startswith("hamlet:")}
    policy = bool(concepts & POLICY_CONCEPTS)
    if (e.national or (policy and not works_sites)) and national >= province:
        return CENTRAL, 0.8 if e.national else 0.65
    # A national road alone does not make a central matter: the answers to such petitions
    # (lighting, traffic lights, a damaged stretch) come from the province as often as not.
    if "dt" in roads or (province and province >= commune) or PROVINCE_WORKS.search(folded):
        return PROVINCE, 0.75
    if (
        (hamlets or commune)
        and not national
        and not policy
        and not roads
        and HAMLET_WORKS.search(folded)
    ):
        return COMMUNE, 0.7
    return None, 0.0


def decide(
    entities: Sequence[ent.Entities], predictions: Sequence[_Prediction], texts: Sequence[str]
) -> list:
    """For each petition the level Prediction: the rule when it fires and the classifier is not
    more sure of another level, else the classifier."""
    from .engine import Prediction, concept_tokens, normalize

    out = []
    for e, pred, text in zip(entities, predictions, texts, strict=True):
        norm = normalize(text)
        concepts = frozenset(t[3:] for t in concept_tokens(norm).split())
        code, conf = rule_level(e, concepts, norm)
        if code is None or (pred.code != code and pred.confidence > OVERRIDE):
            out.append(Prediction(pred.code, pred.confidence))
        elif pred.code == code:
            out.append(Prediction(code, max(conf, pred.confidence)))
        else:
            out.append(Prediction(code, conf))
    return out
