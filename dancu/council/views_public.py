"""Public pages (no sign-in): sessions that are no longer in planning, published resolutions
and announced confidence votes. No personal data beyond the public officials rated."""

from __future__ import annotations

from django.shortcuts import render

from dancu.core.htmx import clean_query, paginate, render_list

from . import documents, selectors
from .rules import percent


def session_list(request):
    sessions = selectors.public_sessions(query=clean_query(request))
    return render_list(
        request,
        "council/public/session_list.html",
        "council/public/_session_rows.html",
        {"page": paginate(request, sessions)},
    )


def session_detail(request, session_id: int):
    session = selectors.public_session_get(session_id)
    context = {
        "session": session,
        "agenda": session.agenda_items.all(),
        "resolutions": selectors.public_resolutions(session_id=session.pk),
        "confidence_votes": session.confidence_votes.filter(status="announced"),
    }
    return render(request, "council/public/session_detail.html", context)


def resolution_list(request):
    resolutions = selectors.public_resolutions(query=clean_query(request))
    return render_list(
        request,
        "council/public/resolution_list.html",
        "council/public/_resolution_rows.html",
        {"page": paginate(request, resolutions)},
    )


def resolution_detail(request, resolution_id: int):
    resolution = selectors.public_resolution_get(resolution_id)
    return render(request, "council/public/resolution_detail.html", {"resolution": resolution})


def confidence_detail(request, vote_id: int):
    vote = selectors.public_confidence_get(vote_id)
    denominator = vote.denominator
    rows = [
        (s, {k: percent(getattr(s, k) or 0, denominator) for k in ("high", "medium", "low")})
        for s in vote.subjects.filter(exempt=False).select_related("person")
    ]
    context = {"vote": vote, "rows": rows, "denominator": denominator, "outcomes": documents.OUTCOME_TEXT}
    return render(request, "council/public/confidence_detail.html", context)
