"""Petitions' part of carrying open items over to a new term (the `term.carry_over` capability
the council's new-term page calls; manifest `provides`, never an import of council).

A petition awaiting an answer (forwarded, or re-opened) whose responsible committee was
re-formed in the new term (`body_map`: old body id -> new body id) is given the new committee;
the petition keeps its opinions, forwarding batches and answers, and the re-assignment is
audited with the committee before and after. A moved petition is no longer the old committee's,
so a second run moves nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from dancu.core.audit import audit_record
from dancu.directory.models import Body, Term

from .models import Petition

AWAITING = (Petition.Status.FORWARDED, Petition.Status.REOPENED)


def carry_over(
    province_id: int,
    old_term_id: int,
    new_term_id: int,
    body_map: dict[int, int],
    user: Any,
    dry_run: bool,
) -> dict[str, int]:
    """Counts by kind: `petitions` moved (or that would move) and `petitions_staying` (awaiting
    an answer with a committee that continues)."""
    awaiting = Petition.objects.filter(province_id=province_id, status__in=AWAITING)
    moving = awaiting.filter(committee_id__in=list(body_map))
    council_ids = Term.objects.filter(pk__in=[old_term_id, new_term_id]).values_list("body_id", flat=True)
    continuing = Body.objects.filter(parent_id__in=council_ids).exclude(pk__in=list(body_map))
    counts = {
        "petitions": moving.count(),
        "petitions_staying": awaiting.filter(committee_id__in=continuing.values("pk")).count(),
    }
    if dry_run or not counts["petitions"]:
        return counts
    with transaction.atomic():
        for petition in moving.select_for_update(of=("self",)).select_related("province"):
            before = petition.committee_id
            petition.committee_id = body_map[before or 0]
            petition.save(update_fields=["committee", "updated_at"])
            audit_record(
                actor=user,
                action="petitions.petition.carry_over",
                target=petition,
                province_code=petition.province.code,
                summary=petition.code,
                changes={
                    "committee": {"before": before, "after": petition.committee_id},
                    "term": new_term_id,
                },
            )
    return counts
