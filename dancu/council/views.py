"""Pages of the council module.

A view maps its input to one service call through `_write`: it refuses (403) who may not act
at all, validates the form, calls the service through `core.forms.submit`, and on a refusal
re-renders the same page with the user's input and the message next to the field (status 400).
The pages render the selectors' data and show only the steps a user may take now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dancu.core import files
from dancu.core.access import Access, get_access
from dancu.core.errors import NotFound, PermissionDenied, ValidationFailed
from dancu.core.forms import Failed, form_status, submit
from dancu.core.htmx import clean_int, clean_query, paginate, render_list
from dancu.core.workflow import Action, Workflow

from . import documents, forms, selectors, services
from .errors import CouncilError
from .models import ResolutionKind, Session, SessionKind
from .permissions import CouncilPerm, can_adopt, can_follow_up, can_manage, require
from .workflow import (
    BUTTONS,
    COMMITMENT_FLOW,
    CONFIDENCE_FLOW,
    QUESTION_FLOW,
    RESOLUTION_FLOW,
    SESSION_FLOW,
)

Page = Callable[[django_forms.Form], HttpResponse]


# -- the shapes every page shares ---------------------------------------------------------------


def _post_data(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _write(
    request: HttpRequest,
    form: forms.CouncilForm,
    service: Callable[..., Any],
    *,
    allowed: bool,
    done: Callable[[Any], HttpResponse],
    page: Page,
    **kwargs: Any,
) -> HttpResponse:
    """Refuse (403) who may not act here; call `service` with the form's parameters; on
    invalid input or a refusal of the service, re-render `page(form)` (status 400)."""
    require(allowed)
    if form.is_valid():
        result = submit(form, service, actor=request.user, **kwargs, **form.params())
        if not isinstance(result, Failed):
            return done(result)
        if isinstance(result.error, PermissionDenied):
            raise result.error
    response = page(form)
    response.status_code = form_status(form)
    return response


def _permitted(flow: Workflow, access: Access, obj: Any, action: Action) -> bool:
    return access.has(action.perm, flow.province(obj)) and (action.rule is None or action.rule(access, obj))


def _steps(flow: Workflow, access: Access, obj: Any) -> list[tuple[Action, str]]:
    """The buttons of a record: each step the user may take from its state, with the reason
    it is not possible yet ("" when it is)."""
    steps = []
    for name in BUTTONS[flow.label]:
        action = flow.action(name)
        if flow.state_of(obj) in action.sources and _permitted(flow, access, obj, action):
            steps.append((action, flow.blocked_reason(access, obj, name)))
    return steps


@dataclass(frozen=True)
class _Host:
    """A record page that carries forms and buttons: how to find the record, render its page
    with a bound form, go back to it, and name it to a service."""

    get: Callable[[Any, int], Any]  # selector(user, id), scoped
    page: Callable[..., HttpResponse]  # page(request, obj, **bound forms)
    kwarg: str  # the URL kwarg of its id
    url: str  # the route of its page
    entity: str  # the service's keyword for it

    def back(self, obj: Any) -> Callable[[Any], HttpResponse]:
        return _to(self.url, **{self.kwarg: obj.pk})

    def detail(self) -> Callable[..., HttpResponse]:
        """The view of the record's page."""

        @login_required
        def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
            return self.page(request, self.get(request.user, kwargs[self.kwarg]))

        return view


def _embedded(
    host: _Host,
    form_name: str,
    make_form: Callable[[HttpRequest, Any], forms.CouncilForm],
    service: Callable[..., Any],
    *,
    allowed: Callable[[Access, Any], bool] = can_manage,
    done: Callable[[Any], HttpResponse] | None = None,
) -> Callable[..., HttpResponse]:
    """The view of a form shown on a record's page (`form_name` in its context)."""

    @login_required
    @require_POST
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj = host.get(request.user, kwargs[host.kwarg])
        return _write(
            request,
            make_form(request, obj),
            service,
            allowed=allowed(get_access(request.user), obj),
            done=done or host.back(obj),
            page=lambda form: host.page(request, obj, **{form_name: form}),
            **{host.entity: obj},
        )

    return view


def _stepper(host: _Host, flow: Workflow, service: Callable[..., Any]) -> Callable[..., HttpResponse]:
    """The view of a record's buttons: one step of its workflow, through its transition
    service; refused at once (403) to who may take none of its steps."""

    def allowed(access: Access, obj: Any) -> bool:
        return any(_permitted(flow, access, obj, a) for a in flow.actions)

    return _embedded(
        host,
        "step_form",
        lambda request, _obj: forms.TransitionForm(request.POST, flow=flow),
        service,
        allowed=allowed,
    )


def _form_page(
    request: HttpRequest,
    form: django_forms.Form,
    *,
    title: str,
    session: Session | None = None,
    help: str = "",
) -> HttpResponse:
    context = {"form": form, "title": title, "session": session, "help": help}
    return render(request, "council/form.html", context)


def _form_view(
    request: HttpRequest,
    form: forms.CouncilForm,
    service: Callable[..., Any],
    *,
    allowed: bool,
    done: Callable[[Any], HttpResponse],
    page: Page,
    **kwargs: Any,
) -> HttpResponse:
    """A page of its own with one form: shown on GET, written on POST."""
    if request.method != "POST":
        require(allowed)
        return page(form)
    return _write(request, form, service, allowed=allowed, done=done, page=page, **kwargs)


def docx_response(data: bytes, name: str) -> HttpResponse:
    """A document built here, sent as `core.files.file_response` sends a stored file: an
    attachment, never rendered in the app's origin."""
    response = HttpResponse(data, content_type=files.DOCX.content_type)
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def stored_file_response(item: Any, *, filename: str = "") -> FileResponse:
    """A submission's stored file as a download (`core.files.file_response`), under `filename`
    (its staff download name by default); a file missing from the storage is a 404, not a 500."""
    try:
        content = item.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise NotFound(_("Not found."), code=CouncilError.NOT_FOUND) from exc
    return files.file_response(content, filename=filename or item.download_name)


def _bad_query(request: HttpRequest, form: django_forms.Form) -> HttpResponse:
    """A list or figures page asked with a parameter out of range: 400 with the reason."""
    message = " ".join(str(e) for errors in form.errors.values() for e in errors)
    error = ValidationFailed(message, code=CouncilError.OUT_OF_RANGE)
    return render(request, "core/error.html", {"error": error}, status=400)


def _to(name: str, **kwargs: Any) -> Callable[[Any], HttpResponse]:
    """Redirect to a fixed page once the service is done."""
    return lambda _result: redirect(name, **kwargs)


def _to_new(name: str, kwarg: str) -> Callable[[Any], HttpResponse]:
    """Redirect to the page of the record the service returned."""
    return lambda obj: redirect(name, **{kwarg: obj.pk})


# -- Sessions ------------------------------------------------------------------------------


@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    access.require(CouncilPerm.VIEW)
    kind = request.GET.get("kind", "")
    sessions = selectors.sessions_visible(request.user, query=clean_query(request), kind=kind)
    context = {
        "page": paginate(request, sessions),
        "kinds": SessionKind.choices,
        "kind": kind,
        "can_manage": access.has(CouncilPerm.MANAGE),
    }
    return render_list(request, "council/session_list.html", "council/_session_rows.html", context)


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    return _form_view(
        request,
        forms.SessionForm(_post_data(request), access=access),
        services.session_create,
        allowed=access.has(CouncilPerm.MANAGE),
        done=_to_new("council:session_detail", "session_id"),
        page=partial(_form_page, request, title=_("New session")),
    )


def _session_page(request: HttpRequest, session: Session, **bound: Any) -> HttpResponse:
    user = request.user
    access = get_access(user)
    context: dict[str, Any] = {
        "session": session,
        "steps": _steps(SESSION_FLOW, access, session),
        "agenda": session.agenda_items.all(),
        "conference": getattr(session, "joint_conference", None),
        "submissions": selectors.submissions_visible(user).filter(session=session),
        "votes": selectors.votes_visible(user, session_id=session.pk).select_related("resolution"),
        "attendance": selectors.attendance_summary(session),
        "absent": session.attendance.filter(present=False).select_related("person"),
        "resolutions": selectors.resolutions_visible(user).filter(session=session),
        "confidence_votes": selectors.confidence_votes_visible(user).filter(session=session),
        "questions": selectors.questions_visible(user, session_id=session.pk),
        "today": timezone.localdate(),
        "can_manage": can_manage(access, session),
        "can_adopt": can_adopt(access, session),
    }
    if context["can_manage"]:
        context |= {
            "agenda_form": forms.AgendaForm(),
            "conference_form": forms.JointConferenceForm(),
            "confidence_form": forms.ConfidenceVoteForm(),
            "question_form": forms.QuestionForm(
                delegates=selectors.session_delegates(session), province_id=session.province_id
            ),
        }
    return render(request, "council/session_detail.html", context | bound)


SESSION = _Host(selectors.session_get, _session_page, "session_id", "council:session_detail", "session")


session_detail = SESSION.detail()


session_transition = _stepper(SESSION, SESSION_FLOW, services.session_transition)
agenda_add = _embedded(
    SESSION, "agenda_form", lambda r, s: forms.AgendaForm(r.POST), services.agenda_item_add
)
conference_record = _embedded(
    SESSION,
    "conference_form",
    lambda r, s: forms.JointConferenceForm(r.POST),
    services.joint_conference_record,
)
question_create = _embedded(
    SESSION,
    "question_form",
    lambda r, s: forms.QuestionForm(
        r.POST, delegates=selectors.session_delegates(s), province_id=s.province_id
    ),
    services.question_ask,
    done=_to_new("council:question_detail", "question_id"),
)
confidence_create = _embedded(
    SESSION,
    "confidence_form",
    lambda r, s: forms.ConfidenceVoteForm(r.POST),
    services.confidence_vote_create,
    done=_to_new("council:confidence_detail", "confidence_id"),
)


@login_required
def agenda_docx(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    return docx_response(documents.agenda_docx(session), f"chuong-trinh-ky-hop-{session.pk}.docx")


def _attendance_page(
    request: HttpRequest, session: Session, editable: bool, form: django_forms.Form
) -> HttpResponse:
    context = {
        "session": session,
        "form": form,
        "summary": selectors.attendance_summary(session),
        "can_manage": editable,
    }
    return render(request, "council/attendance.html", context)


@login_required
def attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    editable = can_manage(get_access(request.user), session)
    form = forms.AttendanceForm(
        _post_data(request),
        delegates=list(selectors.session_delegates(session)),
        recorded=selectors.attendance_roll(session),
        editable=editable,
    )
    page = partial(_attendance_page, request, session, editable)
    if request.method != "POST":
        return page(form)
    return _write(
        request,
        form,
        services.attendance_record,
        allowed=editable,
        done=_to("council:attendance", session_id=session.pk),
        page=page,
        session=session,
    )


# -- Submissions -----------------------------------------------------------------------------


@login_required
def submission_create(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    return _form_view(
        request,
        forms.SubmissionForm(_post_data(request), province_id=session.province_id),
        services.submission_create,
        allowed=can_manage(get_access(request.user), session),
        done=_to_new("council:submission_detail", "submission_id"),
        page=partial(_form_page, request, title=_("New submission"), session=session),
        session=session,
    )


def _submission_page(request: HttpRequest, submission: Any, **bound: Any) -> HttpResponse:
    pid = submission.province_id
    manage = can_manage(get_access(request.user), submission)
    context: dict[str, Any] = {
        "submission": submission,
        "files": submission.files.all(),
        "reviews": submission.reviews.select_related("committee"),
        "notes": submission.discussion_notes.select_related("group"),
        "votes": submission.votes.all(),
        "resolution": getattr(submission, "resolution", None),
        "today": timezone.localdate(),
        "can_manage": manage,
    }
    if manage:
        context |= {
            "review_form": forms.ReviewForm(
                province_id=pid, initial={"committee": submission.reviewing_committee}
            ),
            "discussion_form": forms.DiscussionForm(province_id=pid),
            "file_form": forms.FileForm(),
        }
    return render(request, "council/submission_detail.html", context | bound)


SUBMISSION = _Host(
    selectors.submission_get, _submission_page, "submission_id", "council:submission_detail", "submission"
)


submission_detail = SUBMISSION.detail()


review_add = _embedded(
    SUBMISSION,
    "review_form",
    lambda r, s: forms.ReviewForm(r.POST, province_id=s.province_id),
    services.review_report_record,
)
discussion_add = _embedded(
    SUBMISSION,
    "discussion_form",
    lambda r, s: forms.DiscussionForm(r.POST, province_id=s.province_id),
    services.discussion_note_record,
)
file_add = _embedded(
    SUBMISSION, "file_form", lambda r, s: forms.FileForm(r.POST, r.FILES), services.submission_file_add
)


@login_required
def file_download(request: HttpRequest, submission_id: int, version: int) -> FileResponse:
    """A version of a submission's file, to the staff who may see the submission."""
    return stored_file_response(selectors.submission_file_get(request.user, submission_id, version))


@login_required
def vote_create(request: HttpRequest, submission_id: int) -> HttpResponse:
    submission = selectors.submission_get(request.user, submission_id)
    total = submission.session.delegates_total
    return _form_view(
        request,
        forms.VoteForm(
            _post_data(request),
            initial={"held_on": timezone.localdate(), "no": 0, "abstain": 0, "not_voting": 0},
        ),
        services.vote_record,
        allowed=can_manage(get_access(request.user), submission),
        done=SUBMISSION.back(submission),
        page=partial(
            _form_page,
            request,
            title=_("Record the vote"),
            session=submission.session,
            help=_("Counted against the total of %(total)s delegates.") % {"total": total},
        ),
        submission=submission,
    )


# -- Resolutions ---------------------------------------------------------------------------


@login_required
def resolution_adopt(request: HttpRequest, vote_id: int) -> HttpResponse:
    vote = selectors.vote_get(request.user, vote_id)
    return _form_view(
        request,
        forms.AdoptForm(
            _post_data(request), province_id=vote.session.province_id, initial={"adopted_on": vote.held_on}
        ),
        services.resolution_adopt,
        allowed=can_adopt(get_access(request.user), vote.session),
        done=_to_new("council:resolution_detail", "resolution_id"),
        page=partial(_form_page, request, title=_("Adopt the resolution"), session=vote.session),
        vote=vote,
    )


@login_required
def resolution_list(request: HttpRequest) -> HttpResponse:
    get_access(request.user).require(CouncilPerm.RESOLUTIONS)
    year_form = forms.YearForm(request.GET)
    if not year_form.is_valid():
        return _bad_query(request, year_form)
    kind = request.GET.get("kind", "")
    kind = kind if kind in ResolutionKind.values else ""
    resolutions = selectors.resolutions_visible(
        request.user, query=clean_query(request), kind=kind, year=year_form.cleaned_data["year"]
    )
    context = {"page": paginate(request, resolutions), "kinds": ResolutionKind.choices, "kind": kind}
    return render_list(request, "council/resolution_list.html", "council/_resolution_rows.html", context)


def _resolution_page(request: HttpRequest, resolution: Any, **bound: Any) -> HttpResponse:
    access = get_access(request.user)
    context = {
        "resolution": resolution,
        "steps": _steps(RESOLUTION_FLOW, access, resolution),
        "follow_ups": resolution.follow_ups.select_related("agency"),
        "can_follow": can_follow_up(access, resolution),
        "follow_form": forms.FollowUpForm(initial={"reported_on": timezone.localdate()}),
    }
    return render(request, "council/resolution_detail.html", context | bound)


RESOLUTION = _Host(
    selectors.resolution_get, _resolution_page, "resolution_id", "council:resolution_detail", "resolution"
)


resolution_detail = RESOLUTION.detail()


@login_required
def resolution_docx(request: HttpRequest, resolution_id: int) -> HttpResponse:
    resolution = selectors.resolution_get(request.user, resolution_id)
    return docx_response(
        documents.resolution_docx(resolution), f"nghi-quyet-{resolution.number}-{resolution.year}.docx"
    )


resolution_publish = _stepper(RESOLUTION, RESOLUTION_FLOW, services.resolution_transition)
follow_up_add = _embedded(
    RESOLUTION,
    "follow_form",
    lambda r, _res: forms.FollowUpForm(r.POST),
    services.follow_up_report_add,
    allowed=can_follow_up,
)


# -- Confidence votes ----------------------------------------------------------------------


def _confidence_page(
    request: HttpRequest, vote: Any, *, tally: tuple[int, django_forms.Form] | None = None, **bound: Any
) -> HttpResponse:
    access = get_access(request.user)
    manage = can_manage(access, vote)
    rows = []
    for subject, pct in selectors.confidence_rows(vote):
        form = None
        if manage and not subject.exempt:
            if tally and tally[0] == subject.pk:
                form = tally[1]
            else:
                initial = {"high": subject.high, "medium": subject.medium, "low": subject.low}
                form = forms.TallyForm(initial=initial, auto_id=f"id_s{subject.pk}_%s")
        rows.append((subject, pct, form))
    context = {
        "vote": vote,
        "rows": rows,
        "denominator": vote.denominator,
        "steps": _steps(CONFIDENCE_FLOW, access, vote),
        "can_manage": manage,
        "subject_form": forms.SubjectForm(province_id=vote.province_id),
        "outcomes": documents.OUTCOME_TEXT,
    }
    return render(request, "council/confidence_detail.html", context | bound)


CONFIDENCE = _Host(
    selectors.confidence_vote_get, _confidence_page, "confidence_id", "council:confidence_detail", "vote"
)


confidence_detail = CONFIDENCE.detail()


confidence_transition = _stepper(CONFIDENCE, CONFIDENCE_FLOW, services.confidence_vote_transition)
confidence_subject_add = _embedded(
    CONFIDENCE,
    "subject_form",
    lambda r, vote: forms.SubjectForm(r.POST, province_id=vote.province_id),
    services.confidence_subject_add,
)


@login_required
@require_POST
def confidence_tally(request: HttpRequest, confidence_id: int, subject_id: int) -> HttpResponse:
    subject = selectors.confidence_subject_get(request.user, confidence_id, subject_id)
    vote = subject.vote
    return _write(
        request,
        forms.TallyForm(request.POST, auto_id=f"id_s{subject.pk}_%s"),
        services.confidence_tally_record,
        allowed=can_manage(get_access(request.user), vote),
        done=CONFIDENCE.back(vote),
        page=lambda f: _confidence_page(request, vote, tally=(subject.pk, f)),
        subject=subject,
    )


@login_required
def confidence_docx(request: HttpRequest, confidence_id: int) -> HttpResponse:
    vote = selectors.confidence_vote_get(request.user, confidence_id)
    return docx_response(documents.confidence_minutes_docx(vote), f"bien-ban-tin-nhiem-{vote.pk}.docx")


# -- Questioning ---------------------------------------------------------------------------


@login_required
def question_list(request: HttpRequest) -> HttpResponse:
    get_access(request.user).require(CouncilPerm.VIEW)
    questions = selectors.questions_visible(
        request.user, query=clean_query(request), session_id=clean_int(request, "session")
    )
    context = {
        "page": paginate(request, questions),
        "commitments": selectors.commitments_open(request.user),
        "today": timezone.localdate(),
    }
    return render_list(request, "council/question_list.html", "council/_question_rows.html", context)


def _question_page(
    request: HttpRequest, question: Any, *, update: tuple[int, django_forms.Form] | None = None, **bound: Any
) -> HttpResponse:
    access = get_access(request.user)
    manage = can_manage(access, question)
    commitments = []
    for c in question.commitments.all():
        form = None
        if manage:
            if update and update[0] == c.pk:
                form = update[1]
            else:
                form = forms.CommitmentUpdateForm(
                    actions=COMMITMENT_FLOW.available(access, c),
                    initial={"follow_up": c.follow_up},
                    auto_id=f"id_c{c.pk}_%s",
                )
        commitments.append((c, form))
    context = {
        "question": question,
        "commitments": commitments,
        "steps": _steps(QUESTION_FLOW, access, question),
        "can_manage": manage,
        "answer_form": forms.AnswerForm(initial={"answered_on": timezone.localdate()}),
        "commitment_form": forms.CommitmentForm(),
    }
    return render(request, "council/question_detail.html", context | bound)


QUESTION = _Host(selectors.question_get, _question_page, "question_id", "council:question_detail", "question")


question_detail = QUESTION.detail()


question_transition = _stepper(QUESTION, QUESTION_FLOW, services.question_transition)
answer_add = _embedded(QUESTION, "answer_form", lambda r, q: forms.AnswerForm(r.POST), services.answer_record)
commitment_add = _embedded(
    QUESTION, "commitment_form", lambda r, q: forms.CommitmentForm(r.POST), services.commitment_add
)


@login_required
@require_POST
def commitment_update(request: HttpRequest, commitment_id: int) -> HttpResponse:
    commitment = selectors.commitment_get(request.user, commitment_id)
    question = selectors.question_get(request.user, commitment.question_id)
    return _write(
        request,
        forms.CommitmentUpdateForm(
            request.POST, actions=COMMITMENT_FLOW.actions, auto_id=f"id_c{commitment.pk}_%s"
        ),
        services.commitment_update,
        allowed=can_manage(get_access(request.user), commitment),
        done=QUESTION.back(question),
        page=lambda f: _question_page(request, question, update=(commitment.pk, f)),
        commitment=commitment,
    )


@login_required
def commitments_report(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_get(request.user, session_id)
    report = selectors.commitments_report(request.user, session)
    if request.GET.get("format") == "docx":
        return docx_response(
            documents.commitments_docx(session, report), f"bao-cao-loi-hua-{session.pk}.docx"
        )
    return render(request, "council/commitments_report.html", {"session": session, "report": report})


# -- Standing Committee and figures ---------------------------------------------------------


def _meeting_list_page(
    request: HttpRequest,
    *,
    report: tuple[int, django_forms.Form] | None = None,
    bound: dict[str, django_forms.Form] | None = None,
) -> HttpResponse:
    user = request.user
    access = get_access(user)
    context: dict[str, Any] = {
        "page": paginate(request, selectors.meeting_rows(user)),
        "matters": selectors.interim_matters_visible(user)[:50],
        "hearings": selectors.hearings_visible(user)[:50],
        "sessions": list(selectors.sessions_held(user)[:20]),
        "can_manage": access.has(CouncilPerm.MANAGE),
        "report": report,
    }
    if context["can_manage"]:
        context["meeting_form"] = forms.MeetingForm(access=access)
        context["hearing_form"] = forms.HearingForm(access=access)
    return render(request, "council/meeting_list.html", context | (bound or {}))


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    get_access(request.user).require(CouncilPerm.VIEW)
    return _meeting_list_page(request)


def _top(
    request: HttpRequest,
    form_class: type[forms.MeetingForm],
    service: Callable[..., Any],
    form_name: str,
    done,
):
    """A form of the Standing Committee page that belongs to no record yet (meeting, hearing)."""
    access = get_access(request.user)
    return _write(
        request,
        form_class(request.POST, access=access),
        service,
        allowed=access.has(CouncilPerm.MANAGE),
        done=done,
        page=lambda f: _meeting_list_page(request, bound={form_name: f}),
    )


@login_required
@require_POST
def meeting_create(request: HttpRequest) -> HttpResponse:
    done = _to_new("council:meeting_detail", "meeting_id")
    return _top(request, forms.MeetingForm, services.standing_meeting_record, "meeting_form", done)


@login_required
@require_POST
def hearing_create(request: HttpRequest) -> HttpResponse:
    return _top(
        request, forms.HearingForm, services.hearing_record, "hearing_form", _to("council:meeting_list")
    )


@login_required
@require_POST
def interim_report(request: HttpRequest, matter_id: int) -> HttpResponse:
    matter = selectors.interim_matter_get(request.user, matter_id)
    sessions = selectors.sessions_visible(request.user).filter(province_id=matter.province_id)
    return _write(
        request,
        forms.InterimReportForm(request.POST, sessions=sessions),
        services.interim_matter_report,
        allowed=can_manage(get_access(request.user), matter),
        done=_to("council:meeting_list"),
        page=lambda f: _meeting_list_page(request, report=(matter.pk, f)),
        matter=matter,
    )


def _meeting_page(request: HttpRequest, meeting: Any, **bound: Any) -> HttpResponse:
    context = {
        "meeting": meeting,
        "can_manage": can_manage(get_access(request.user), meeting),
        "task_form": forms.TaskForm(province_id=meeting.province_id),
        "matter_form": forms.InterimMatterForm(),
    }
    return render(request, "council/meeting_detail.html", context | bound)


MEETING = _Host(selectors.meeting_get, _meeting_page, "meeting_id", "council:meeting_detail", "meeting")


meeting_detail = MEETING.detail()


task_add = _embedded(
    MEETING,
    "task_form",
    lambda r, m: forms.TaskForm(r.POST, province_id=m.province_id),
    services.standing_task_add,
)
interim_add = _embedded(
    MEETING, "matter_form", lambda r, m: forms.InterimMatterForm(r.POST), services.interim_matter_record
)


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    """The figures of a year (this year by default); a year outside forms.YEARS is shown again
    with the reason by the field (400), never looked up."""
    get_access(request.user).require(CouncilPerm.VIEW)
    this_year = timezone.localdate().year
    year_form = forms.YearForm(
        request.GET if request.GET.get("year") else None, initial={"year": this_year}, auto_id="%s"
    )
    context: dict[str, Any] = {"year_form": year_form, "kinds": SessionKind.choices}
    if year_form.is_bound and not year_form.is_valid():
        return render(request, "council/figures.html", context, status=400)
    year = year_form.cleaned_data["year"] if year_form.is_bound else this_year
    data = selectors.figures(request.user, year)
    chart = {
        "title": _("Sessions by kind"),
        "labels": [str(label) for _v, label in SessionKind.choices],
        "values": [data["sessions"][v] for v in SessionKind.values],
    }
    return render(request, "council/figures.html", context | {"data": data, "chart": chart})
