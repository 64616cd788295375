"""Supervision's part of carrying open items over to a new term (the `term.carry_over`
capability the council's new-term page calls; manifest `provides`, never an import of council).

A recommendation not closed whose activity belongs to a programme of a body re-formed in the
new term (`body_map`: old body id -> new body id) moves to a follow-up activity ("theo dõi kiến
nghị", kind re-supervision) in the new body's programme of the new term's first year, one
follow-up activity per original activity. The recommendation keeps its answers and escalation
steps; the original activity, its report and documents stay with the old body; the follow-up
activity names the original, and each move is audited with the activity before and after.
A moved recommendation is no longer the old body's, so a second run moves nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from dancu.core.audit import audit_record
from dancu.directory.models import Body, Term

from .models import Activity, ActivityKind, Programme, Recommendation
from .workflow import RecommendationStatus

OPEN_STATES = (RecommendationStatus.OPEN, RecommendationStatus.ANSWERED)


def _open(province_id: int, body_ids: Any):
    return Recommendation.objects.filter(
        province_id=province_id, status__in=OPEN_STATES, activity__programme__body_id__in=body_ids
    )


def carry_over(
    province_id: int,
    old_term_id: int,
    new_term_id: int,
    body_map: dict[int, int],
    user: Any,
    dry_run: bool,
) -> dict[str, int]:
    """Counts by kind: `recommendations` moved (or that would move), and
    `recommendations_staying` (open ones of the council's bodies that continue: nothing to do)."""
    moving = _open(province_id, list(body_map))
    counts = {"recommendations": moving.count()}
    council_ids = Term.objects.filter(pk__in=[old_term_id, new_term_id]).values_list("body_id", flat=True)
    continuing = Body.objects.filter(parent_id__in=council_ids).exclude(pk__in=list(body_map))
    counts["recommendations_staying"] = _open(province_id, continuing.values("pk")).count()
    if dry_run or not counts["recommendations"]:
        return counts
    with transaction.atomic():
        _move(moving, body_map, Term.objects.get(pk=new_term_id), user)
    return counts


def _move(moving, body_map: dict[int, int], term: Term, user: Any) -> None:
    start = term.start_date
    year_end = datetime.date(start.year, 12, 31)
    bodies = {b.pk: b for b in Body.objects.filter(pk__in=list(body_map.values())).select_related("province")}
    programmes: dict[int, Programme] = {}
    follow_ups: dict[int, Activity] = {}
    for rec in moving.select_for_update(of=("self",)).select_related("activity__programme__body", "province"):
        original = rec.activity
        new_body = bodies[body_map[original.programme.body_id]]
        programme = programmes.get(new_body.pk)
        if programme is None:
            programme, created = Programme.objects.get_or_create(
                body=new_body,
                year=start.year,
                defaults={
                    "province": new_body.province,
                    "title": _("Supervision programme %(year)s of %(body)s")
                    % {"year": start.year, "body": new_body.name},
                },
            )
            if created:
                audit_record(
                    actor=user,
                    action="supervision.programme.create",
                    target=programme,
                    province_code=new_body.province.code,
                    summary=programme.title,
                    changes={"reason": "term.carry_over"},
                )
            programmes[new_body.pk] = programme
        follow_up = follow_ups.get(original.pk)
        if follow_up is None:
            topic = (_("Follow-up of recommendations: %(topic)s") % {"topic": original.topic})[:300]
            follow_up = Activity.objects.filter(programme=programme, topic=topic).first()
            if follow_up is None:
                follow_up = Activity.objects.create(
                    province_id=original.province_id,
                    programme=programme,
                    kind=ActivityKind.RESUPERVISION,
                    topic=topic,
                    content=_(
                        "Carried over from the previous term: activity #%(id)d “%(topic)s” of %(body)s (%(year)d)."
                    )
                    % {
                        "id": original.pk,
                        "topic": original.topic,
                        "body": original.programme.body.name,
                        "year": original.programme.year,
                    },
                    planned_start=start,
                    planned_end=year_end,
                )
                audit_record(
                    actor=user,
                    action="supervision.activity.create",
                    target=follow_up,
                    province_code=rec.province.code,
                    summary=follow_up.topic,
                    changes={"carried_from_activity": original.pk},
                )
            follow_ups[original.pk] = follow_up
        rec.activity = follow_up
        rec.save(update_fields=["activity", "updated_at"])
        audit_record(
            actor=user,
            action="supervision.recommendation.carry_over",
            target=rec,
            province_code=rec.province.code,
            summary=rec.content[:200],
            changes={
                "activity": {"before": original.pk, "after": follow_up.pk},
                "body": {"before": original.programme.body_id, "after": new_body.pk},
                "term": term.pk,
            },
        )
