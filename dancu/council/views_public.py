"""Public pages (no sign-in): sessions that are no longer in planning (with the current file of
each of their submissions), published resolutions (with their text as DOCX) and announced
confidence votes. No personal data beyond the public officials rated. Every file goes through a
view here that checks publication; nothing is served from /media/."""

from __future__ import annotations

from django.shortcuts import render

from dancu.core.htmx import clean_query, paginate, render_list

from . import documents, selectors
from .views import docx_response, stored_file_response


def _list(request, rows, name: str):
    """A public list page (`name`: session, resolution), its rows alone for htmx."""
    context = {"page": paginate(request, rows)}
    return render_list(
        request, f"council/public/{name}_list.html", f"council/public/_{name}_rows.html", context
    )


def session_list(request):
    return _list(request, selectors.public_sessions(query=clean_query(request)), "session")


def session_detail(request, session_id: int):
    session = selectors.public_session_get(session_id)
    context = {
        "session": session,
        "agenda": session.agenda_items.all(),
        "files": selectors.public_submission_files(session_id=session.pk),
        "resolutions": selectors.public_resolutions(session_id=session.pk),
        "confidence_votes": selectors.public_confidence_votes(session_id=session.pk),
    }
    return render(request, "council/public/session_detail.html", context)


def resolution_list(request):
    return _list(request, selectors.public_resolutions(query=clean_query(request)), "resolution")


def resolution_detail(request, resolution_id: int):
    resolution = selectors.public_resolution_get(resolution_id)
    return render(request, "council/public/resolution_detail.html", {"resolution": resolution})


def resolution_docx(request, resolution_id: int):
    """The text of a published resolution (DOCX); 404 before it is published."""
    resolution = selectors.public_resolution_get(resolution_id)
    return docx_response(
        documents.resolution_docx(resolution), f"nghi-quyet-{resolution.number}-{resolution.year}.docx"
    )


def file_download(request, submission_id: int):
    """The current file of a submission of a public session (not in planning); 404 otherwise."""
    item = selectors.public_submission_file_get(submission_id)
    return stored_file_response(item, filename=item.public_name)


def confidence_detail(request, confidence_id: int):
    vote = selectors.public_confidence_get(confidence_id)
    rows = selectors.confidence_rows(vote, rated_only=True)
    context = {
        "vote": vote,
        "rows": rows,
        "denominator": vote.denominator,
    }
    return render(request, "council/public/confidence_detail.html", context)
