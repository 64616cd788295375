"""Competent level of a petition: rules on what it names, then the classifier.

Since 1 July 2025 there are two levels of local government: province and commune. A petition is

- central when it asks for a national policy or law (Quốc hội, Chính phủ, a ministry, a law,
  decree or circular, base salary, pensions, social insurance) and names no local site, or is
  about a national road, expressway or railway;
- province when it names a provincial road (ĐT, tỉnh lộ), a provincial department, programme,
  hospital, industrial or economic zone, the provincial People's Committee or power company;
- commune when it is about works of a hamlet or residential group (thôn, xóm, bản, tổ dân
  phố: the cultural house, an inter-hamlet or field road) and nothing above;
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
WORKS = re.compile(
    r"\b(duong|cau|kenh|muong|nha van hoa|cong thoat|ngam|tran|be tong|nang cap|sua chua|xay)\b"
)


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
    if "ql" in roads and not hamlets and "dt" not in roads:
        return CENTRAL, 0.6
    if "dt" in roads or (province and province >= commune):
        return PROVINCE, 0.75
    if (hamlets or commune) and not national and not province and not policy and WORKS.search(folded):
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
        if code is None or (pred.code != code and pred.confidence > 0.9):
            out.append(Prediction(pred.code, pred.confidence))
        elif pred.code == code:
            out.append(Prediction(code, max(conf, pred.confidence)))
        else:
            out.append(Prediction(code, conf))
    return out
