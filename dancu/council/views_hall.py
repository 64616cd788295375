"""Pages of the paperless session (issue 16): the secretary's hall console, the projector, the
delegate's session app (agenda, documents, notes, check-in, speaking, ballots) and the
result sheet. Each POST maps to one service of `hall.py`; a refusal re-renders the page with
the message (and the form's input) at the error's status.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path
from typing import Any

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from dancu.core import files
from dancu.core.access import get_access
from dancu.core.errors import ApplicationError, NotFound, PermissionDenied, ValidationFailed
from dancu.core.forms import Failed, form_status, submit
from dancu.directory.models import Body, Person

from . import documents_hall, hall, selectors, versions_diff
from .errors import CouncilError
from .forms import CouncilForm
from .models import AgendaItem, DocumentNote, ElectronicVote, SpeakerRequest, SubmissionFile
from .permissions import CouncilPerm, can_conduct, can_take_part, is_own_request, require
from .views import docx_response, stored_file_response

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static" / "council"


def new_key() -> str:
    return uuid.uuid4().hex


# -- forms -----------------------------------------------------------------------------------------


class OpenVoteForm(CouncilForm):
    matter = django_forms.ChoiceField(label=gettext_lazy("Matter"), choices=ElectronicVote.Matter.choices)
    submission: django_forms.ModelChoiceField = django_forms.ModelChoiceField(
        label=gettext_lazy("Draft resolution"), queryset=None, required=False
    )
    agenda_item: django_forms.ModelChoiceField = django_forms.ModelChoiceField(
        label=gettext_lazy("Agenda item"), queryset=None, required=False
    )
    question = django_forms.CharField(
        label=gettext_lazy("Question put to the vote"), max_length=500, required=False
    )
    minutes = django_forms.IntegerField(
        label=gettext_lazy("Minutes for voting"), min_value=1, max_value=hall.MAX_MINUTES, initial=3
    )
    secret = django_forms.BooleanField(label=gettext_lazy("Secret ballot"), required=False)

    def __init__(self, *args: Any, session: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("submission", hall.drafts_to_vote(session))
        self.choices_from("agenda_item", hall.open_agenda_items(session))


class SpeakForm(CouncilForm):
    kind = django_forms.ChoiceField(label=gettext_lazy("I register"), choices=SpeakerRequest.Kind.choices)
    agenda_item: django_forms.ModelChoiceField = django_forms.ModelChoiceField(
        label=gettext_lazy("Agenda item"), queryset=None, required=False
    )
    topic = django_forms.CharField(label=gettext_lazy("Topic or question"), max_length=500)
    addressee = django_forms.CharField(
        label=gettext_lazy("Official questioned"), max_length=300, required=False
    )
    addressee_body: django_forms.ModelChoiceField = django_forms.ModelChoiceField(
        label=gettext_lazy("Body answering"), queryset=None, required=False
    )

    def __init__(self, *args: Any, session: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choices_from("agenda_item", hall.open_agenda_items(session))
        self.choices_from(
            "addressee_body",
            Body.objects.filter(province_id=session.province_id, active_to__isnull=True).order_by(
                "kind", "name"
            ),
        )


class NoteForm(CouncilForm):
    text = django_forms.CharField(label=gettext_lazy("Note"), widget=django_forms.Textarea(attrs={"rows": 3}))
    page = django_forms.IntegerField(
        label=gettext_lazy("Page"), min_value=1, max_value=100000, required=False
    )
    quote = django_forms.CharField(label=gettext_lazy("Highlighted text"), max_length=1000, required=False)


class BallotForm(django_forms.Form):
    choice = django_forms.ChoiceField(choices=[("yes", "yes"), ("no", "no"), ("abstain", "abstain")])
    key = django_forms.CharField(max_length=64)


class MarkForm(django_forms.Form):
    person = django_forms.IntegerField(min_value=1, max_value=10**18)


# -- the secretary's console ---------------------------------------------------------------------


def _console(request: HttpRequest, session: Any, *, form: Any = None, error: Any = None, status: int = 200):
    require(can_conduct(get_access(request.user), session))
    state = hall.hall_state(session)
    present = hall.present_people(session)
    context = {
        "session": session,
        "state": state,
        "delegates": [(p, p.pk in present) for p in selectors.session_delegates(session)],
        "form": form or OpenVoteForm(session=session),
        "error": error,
    }
    return render(request, "council/hall_console.html", context, status=status)


@login_required
@require_GET
def hall_console(request: HttpRequest, session_id: int) -> HttpResponse:
    return _console(request, selectors.session_get(request.user, session_id))


@login_required
@require_GET
def hall_live(request: HttpRequest, session_id: int) -> HttpResponse:
    """The console's live part (htmx polling): quorum, the vote's tally, the queue."""
    session = selectors.session_get(request.user, session_id)
    require(can_conduct(get_access(request.user), session))
    return render(request, "council/_hall_live.html", {"session": session, "state": hall.hall_state(session)})


def _act(request: HttpRequest, at: Any, service: Any, /, **kwargs: Any) -> HttpResponse:
    """A console button: run the service; a refusal re-renders the console of the session
    `at` with the reason."""
    try:
        service(actor=request.user, **kwargs)
    except PermissionDenied:
        raise
    except ApplicationError as exc:
        return _console(request, at, error=exc, status=exc.http_status)
    return redirect("council:hall_console", session_id=at.pk)


@login_required
@require_POST
def hall_mark(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    require(can_conduct(get_access(request.user), session))
    form = MarkForm(request.POST)
    person = Person.objects.filter(pk=form.cleaned_data["person"]).first() if form.is_valid() else None
    if person is None:
        error = NotFound(_("Not found."), code=CouncilError.NOT_FOUND)
        return _console(request, session, error=error, status=400)
    return _act(request, session, hall.check_in, session=session, person=person)


@login_required
@require_POST
def e_vote_open(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    require(can_conduct(get_access(request.user), session))
    form = OpenVoteForm(request.POST, session=session)
    if form.is_valid():
        result = submit(form, hall.e_vote_open, actor=request.user, session=session, **form.params())
        if not isinstance(result, Failed):
            return redirect("council:hall_console", session_id=session.pk)
    return _console(request, session, form=form, status=form_status(form))


@login_required
@require_POST
def e_vote_close(request: HttpRequest, e_vote_id: int) -> HttpResponse:
    vote = hall.e_vote_get(request.user, e_vote_id)
    return _act(request, vote.session, hall.e_vote_close, vote=vote)


@login_required
@require_POST
def speaker_next(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    return _act(request, session, hall.speaker_next, session=session)


@login_required
@require_POST
def speaker_step(request: HttpRequest, request_id: int) -> HttpResponse:
    """Move a registration up or down (the secretary), or withdraw it (its delegate or the
    secretary); back to the page it came from."""
    row = hall.speaker_get(request.user, request_id)
    action = request.POST.get("action", "")
    access = get_access(request.user)
    require(can_conduct(access, row) or is_own_request(access, row))
    back = "council:hall_console" if can_conduct(access, row) else "council:delegate_session"
    try:
        if action in ("up", "down"):
            hall.speaker_move(actor=request.user, request=row, direction=action)
        else:
            hall.speaker_transition(actor=request.user, request=row, action=action)
    except PermissionDenied:
        raise
    except ApplicationError as exc:
        if back == "council:hall_console":
            return _console(request, row.session, error=exc, status=exc.http_status)
        return _delegate_page(request, row.session, error=exc, status=exc.http_status)
    return redirect(back, session_id=row.session_id)


@login_required
@require_GET
def e_vote_docx(request: HttpRequest, closed_vote_id: int) -> HttpResponse:
    """The result sheet of a closed vote (biên bản kết quả biểu quyết)."""
    vote = hall.e_vote_get(request.user, closed_vote_id)
    if vote.status != "closed":
        raise NotFound(
            _("The vote is still open: the result sheet follows its close."), code=CouncilError.NOT_FOUND
        )
    return docx_response(documents_hall.result_sheet_docx(vote), f"ket-qua-bieu-quyet-{vote.pk}.docx")


# -- the projector -------------------------------------------------------------------------------


@login_required
@require_GET
def projector(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    return render(request, "council/projector.html", {"session": session, "state": hall.hall_state(session)})


@login_required
@require_GET
def projector_live(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    return render(
        request, "council/_projector_live.html", {"session": session, "state": hall.hall_state(session)}
    )


# -- the delegate's session app ------------------------------------------------------------------


@login_required
@require_GET
def my_sessions(request: HttpRequest) -> HttpResponse:
    get_access(request.user).require(CouncilPerm.VIEW)
    return render(request, "council/delegate_sessions.html", {"sessions": hall.my_sessions(request.user)})


def _agenda_days(session: Any) -> list[tuple[Any, list[AgendaItem]]]:
    days: dict[Any, list[AgendaItem]] = {}
    for item in session.agenda_items.all():
        days.setdefault(item.day, []).append(item)
    return list(days.items())


def _delegate_page(
    request: HttpRequest, session: Any, *, form: Any = None, error: Any = None, status: int = 200
) -> HttpResponse:
    access = get_access(request.user)
    person_id = getattr(request.user, "person_id", None)
    is_delegate = can_take_part(access, session) and (
        person_id is not None and selectors.session_delegates(session).filter(pk=person_id).exists()
    )
    context = {
        "session": session,
        "days": _agenda_days(session),
        "documents": hall.session_documents(request.user, session),
        "is_delegate": is_delegate,
        "form": form or SpeakForm(session=session),
        "error": error,
        **_delegate_live_context(request, session),
    }
    return render(request, "council/delegate_session.html", context, status=status)


def _delegate_live_context(request: HttpRequest, session: Any) -> dict[str, Any]:
    person_id = getattr(request.user, "person_id", None)
    state = hall.hall_state(session)
    vote = state["vote"]
    return {
        "state": state,
        "checked_in": person_id is not None and hall.is_present(session, person_id),
        "my_ballot": hall.my_ballot(vote, person_id) if vote else None,
        "my_requests": [
            r for r in state["waiting"] + [state["speaking"]] if r and r.delegate_id == person_id
        ],
        "ballot_key": new_key(),
    }


@login_required
@require_GET
def delegate_session(request: HttpRequest, session_id: int) -> HttpResponse:
    return _delegate_page(request, selectors.session_get(request.user, session_id))


@login_required
@require_GET
def delegate_live(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    context = {"session": session, **_delegate_live_context(request, session)}
    return render(request, "council/_delegate_live.html", context)


@login_required
@require_POST
def delegate_check_in(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    try:
        hall.check_in(actor=request.user, session=session)
    except PermissionDenied:
        raise
    except ApplicationError as exc:
        return _delegate_page(request, session, error=exc, status=exc.http_status)
    return redirect("council:delegate_session", session_id=session.pk)


@login_required
@require_POST
def delegate_speak(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    hall.own_person(request.user, session)  # 403 before anything else
    form = SpeakForm(request.POST, session=session)
    if form.is_valid():
        result = submit(form, hall.speaker_register, actor=request.user, session=session, **form.params())
        if not isinstance(result, Failed):
            return redirect("council:delegate_session", session_id=session.pk)
    return _delegate_page(request, session, form=form, status=form_status(form))


@login_required
@require_POST
def ballot(request: HttpRequest, e_vote_id: int) -> HttpResponse:
    """A ballot from the delegate's device. With htmx (or the device script) the answer is the
    live part of the page; a retry with the same key is the same ballot."""
    vote = hall.e_vote_get(request.user, e_vote_id)
    hall.own_person(request.user, vote.session)  # nobody votes for another: 403 first
    form = BallotForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationFailed(_("Vote yes, no or abstain."), code=CouncilError.UNKNOWN_CHOICE)
        hall.ballot_cast(
            actor=request.user, vote=vote, choice=form.cleaned_data["choice"], key=form.cleaned_data["key"]
        )
    except PermissionDenied:
        raise
    except ApplicationError as exc:
        if getattr(request, "htmx", False):
            context = {"session": vote.session, "error": exc, **_delegate_live_context(request, vote.session)}
            return render(request, "council/_delegate_live.html", context, status=exc.http_status)
        return _delegate_page(request, vote.session, error=exc, status=exc.http_status)
    if getattr(request, "htmx", False):
        context = {"session": vote.session, **_delegate_live_context(request, vote.session)}
        return render(request, "council/_delegate_live.html", context)
    return redirect("council:delegate_session", session_id=vote.session_id)


def _file(request: HttpRequest, submission_id: int, version: int) -> SubmissionFile:
    return selectors.submission_file_get(request.user, submission_id, version)


@login_required
@require_GET
def document_view(
    request: HttpRequest, submission_id: int, version: int, *, form: Any = None, status: int = 200
):
    """A document version in the browser (pdf.js), with the user's own notes beside it; an
    older version shows what changed against the newest."""
    item = _file(request, submission_id, version)
    submission = item.submission
    context = {
        "item": item,
        "submission": submission,
        "session": submission.session,
        "notes": hall.notes_of(request.user, submission),
        "form": form or NoteForm(),
        "pdf_url": reverse("council:document_pdf", args=[submission.pk, item.version]),
        "viewable": item.kind in (files.PDF, files.DOCX),
        "conversion": documents_hall.conversion_state(item),
        "previous": submission.files.filter(version__lt=item.version).order_by("-version").values_list(
            "version", flat=True
        ).first(),
    }
    return render(request, "council/document_view.html", context, status=status)


def _pairs(versions: list[int]) -> list[tuple[int, int]]:
    """Each version against the one before it, newest first."""
    ordered = sorted(versions, reverse=True)
    return [(ordered[k + 1], ordered[k]) for k in range(len(ordered) - 1)]


@login_required
@require_GET
def document_diff(request: HttpRequest, submission_id: int, old: int, new: int) -> HttpResponse:
    """What changed from version `old` to version `new` of a submission's file: paragraphs
    added, removed and changed, word-level marks inside a changed one."""
    if old == new:
        raise ValidationFailed(_("Choose two different versions."), code=CouncilError.OUT_OF_RANGE)
    before, after = _file(request, submission_id, old), _file(request, submission_id, new)
    submission = after.submission
    comparison = None
    try:
        comparison = versions_diff.compare_versions(before, after)
    except versions_diff.TextUnavailable as exc:
        log.info("council: versions %s/%s of submission %s not compared: %s", old, new, submission.pk, exc)
    versions = list(submission.files.order_by("-version").values_list("version", flat=True))
    context = {
        "submission": submission,
        "session": submission.session,
        "before": before,
        "after": after,
        "comparison": comparison,
        "blocks": comparison.blocks() if comparison else [],
        "pairs": [p for p in _pairs(versions) if p != (old, new)],
    }
    return render(request, "council/document_diff.html", context)


@login_required
@require_GET
def document_pdf(request: HttpRequest, submission_id: int, version: int) -> HttpResponse | FileResponse:
    """The PDF the viewer shows: the file itself, or the DOCX converted by LibreOffice (asked
    of the worker once per version; 202 while it is not ready)."""
    item = _file(request, submission_id, version)
    if item.kind == files.PDF:
        response: HttpResponse | FileResponse = stored_file_response(item)
    elif item.kind == files.DOCX:
        converted = documents_hall.converted_pdf(item)
        if converted is None:
            return HttpResponse(_("The document is being converted; try again in a moment."), status=202)
        response = FileResponse(converted, content_type=files.PDF.content_type)
    else:
        raise NotFound(_("This kind of file is downloaded, not viewed."), code=CouncilError.NOT_FOUND)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=86400"
    return response


@login_required
@require_POST
def note_add(request: HttpRequest, submission_id: int, version: int) -> HttpResponse:
    item = _file(request, submission_id, version)
    form = NoteForm(request.POST)
    if form.is_valid():
        result = submit(
            form,
            hall.note_add,
            actor=request.user,
            submission=item.submission,
            version=item.version,
            **form.params(),
        )
        if not isinstance(result, Failed):
            return redirect("council:document_view", submission_id=submission_id, version=version)
    return document_view(request, submission_id, version, form=form, status=form_status(form))


@login_required
@require_POST
def note_delete(request: HttpRequest, note_id: int) -> HttpResponse:
    note = DocumentNote.objects.filter(pk=note_id, author_id=request.user.pk).first()
    if note is None:
        raise NotFound(_("Not found."), code=CouncilError.NOT_FOUND)
    hall.note_delete(actor=request.user, note_id=note.pk)
    latest = note.version or 1
    return redirect("council:document_view", submission_id=note.submission_id, version=latest)


@login_required
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The offline cache's script, served under the delegate pages so its scope covers them."""
    get_access(request.user).require(CouncilPerm.VIEW)
    response = HttpResponse((STATIC / "sw.js").read_bytes(), content_type="text/javascript")
    response["Service-Worker-Allowed"] = reverse("council:my_sessions")
    response["Cache-Control"] = "no-cache"
    return response
