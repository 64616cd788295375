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
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dancu.core import files
from dancu.core.access import Access, get_access
from dancu.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from dancu.core.forms import Failed, form_status, submit
from dancu.core.htmx import clean_int, clean_query, paginate, render_list
from dancu.core.workflow import Action, Workflow

from . import case, checks, documents, forms, rules, selectors, services, term, term_import
from .errors import CouncilError
from .models import AgendaItem, ResolutionKind, Session, SessionKind, SubmissionKind, TermSetup
from .permissions import (
    CouncilPerm,
    can_adopt,
    can_correct,
    can_follow_up,
    can_manage,
    can_set_up_term,
    require,
)
from .ruleset import rule_on
from .workflow import (
    BUTTONS,
    COMMITMENT_FLOW,
    CONFIDENCE_FLOW,
    QUESTION_FLOW,
    RESOLUTION_FLOW,
    SESSION_FLOW,
    ResolutionStatus,
    SessionStatus,
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


def _steps(flow: Workflow, access: Access, obj: Any) -> list[tuple[Action, str]]:
    """The buttons of a record (the kit's `permitted` and `blocked_reason`): each step of its
    state the user holds the right to take, with the reason it is not possible yet ("" when it
    is). Steps the user has no right to are not shown at all."""
    steps = []
    for name in BUTTONS[flow.label]:
        action = flow.action(name)
        if flow.state_of(obj) in action.sources and flow.permitted(access, obj, name):
            steps.append((action, flow.blocked_reason(access, obj, name)))
    return steps


@dataclass(frozen=True)
class PageAction:
    """One thing the user may do on a record's page: a link, or a workflow step posted to
    `url` (`step`); `reason` says why it is not possible now (shown disabled, with it)."""

    label: str
    url: str
    step: str = ""
    reason: str = ""
    danger: bool = False
    key: str = ""


def _split(
    actions: list[PageAction], primary_keys: tuple[str, ...]
) -> tuple[PageAction | None, list[PageAction]]:
    """One primary action (the first possible of `primary_keys`, else the first possible one
    that destroys nothing) and the menu of the rest."""
    possible = [a for a in actions if not a.reason]
    primary = next((a for key in primary_keys for a in possible if a.key == key), None)
    if primary is None:
        primary = next((a for a in possible if not a.danger), None)
    return primary, [a for a in actions if a is not primary]


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
        return any(flow.permitted(access, obj, a.name) for a in flow.actions)

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
    blocked: str = "",
    back: str = "",
) -> HttpResponse:
    """A page with one form; when the action is not possible now (`blocked`), the reason
    instead of the form, before anything is typed."""
    if form.is_bound and blocked in form.non_field_errors():
        blocked = ""  # the refused service already put the reason on the form, by what was typed
    context = {
        "form": form,
        "title": title,
        "session": session,
        "help": help,
        "blocked": blocked,
        "back": back,
    }
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
        "can_term": access.has(CouncilPerm.TERM),
    }
    return render_list(request, "council/session_list.html", "council/_session_rows.html", context)


def _first_session_help(access: Access) -> str:
    """The 45-day rule, for each new term of the user's provinces whose first session is not
    planned yet (shown on the new session form)."""
    setups = access.scope(
        TermSetup.objects.filter(term__isnull=False, term__council_sessions__isnull=True).select_related("term"),
        CouncilPerm.MANAGE,
    )
    lines = []
    for setup in setups[:5]:
        latest, rule = term.latest_first_session(setup)
        lines.append(
            _(
                "The first session of %(term)s must open by %(latest)s: within %(days)d days of the "
                "election of %(election)s (%(source)s)."
            )
            % {
                "term": setup.term,
                "latest": f"{latest:%d/%m/%Y}",
                "days": rule.days or 0,
                "election": f"{setup.election_date:%d/%m/%Y}",
                "source": rule.source,
            }
        )
    return " ".join(lines)


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    return _form_view(
        request,
        forms.SessionForm(_post_data(request), access=access),
        services.session_create,
        allowed=access.has(CouncilPerm.MANAGE),
        done=_to_new("council:session_detail", "session_id"),
        page=partial(_form_page, request, title=_("New session"), help=_first_session_help(access)),
    )


# The forward steps of a session: the primary action of its page when possible.
SESSION_PRIMARY = ("convene", "open", "close")


def _session_actions(access: Access, session: Session) -> list[PageAction]:
    """What the user may do on the session now: its workflow steps, then the Office's other
    work on it, each possibly disabled with its reason; nothing the user has no right to."""
    url = reverse("council:session_transition", args=[session.pk])
    actions = [
        PageAction(str(a.label), url, step=a.name, reason=why, key=a.name)
        for a, why in _steps(SESSION_FLOW, access, session)
    ]
    if can_manage(access, session):
        changing = checks.reason(checks.session_change(session))
        editing = checks.reason(services.edit_refusal(access, session))
        actions += [
            PageAction(
                _("New submission"),
                reverse("council:submission_create", args=[session.pk]),
                reason=changing,
                key="submission",
            ),
            PageAction(
                _("Record attendance"), reverse("council:attendance", args=[session.pk]), key="attendance"
            ),
            PageAction(
                _("Edit the session"),
                reverse("council:session_edit", args=[session.pk]),
                reason=editing,
                key="edit",
            ),
            PageAction(
                _("Delete the session"),
                reverse("council:session_delete", args=[session.pk]),
                reason=checks.reason(checks.session_delete(session)),
                danger=True,
                key="delete",
            ),
        ]
    return actions


def _session_files(
    user: Any, session: Session, resolutions: list[Any], confidence_votes: list[Any]
) -> list[dict]:
    """Every file of the session the user may download: the documents built from its records
    and the current file of each submission."""
    items = [
        {"label": _("Agenda (DOCX)"), "url": reverse("council:agenda_docx", args=[session.pk])},
        {
            "label": _("Report on commitments (DOCX)"),
            "url": reverse("council:commitments_report", args=[session.pk]) + "?format=docx",
        },
    ]
    for f in selectors.current_files(user, session):
        items.append(
            {
                "label": f.submission.title,
                "detail": f"{f.original_name} · v{f.version}",
                "url": reverse("council:file_download", args=[f.submission_id, f.version]),
            }
        )
    for r in resolutions:
        items.append(
            {
                "label": _("Resolution %(number)s (DOCX)") % {"number": r.number_label},
                "url": reverse("council:resolution_docx", args=[r.pk]),
            }
        )
    for c in confidence_votes:
        items.append(
            {
                "label": _("Confidence vote minutes %(date)s (DOCX)") % {"date": f"{c.held_on:%d/%m/%Y}"},
                "url": reverse("council:confidence_docx", args=[c.pk]),
            }
        )
    return items


def _session_page(request: HttpRequest, session: Session, **bound: Any) -> HttpResponse:
    """The case page of a session: its status and next legal step with the date, the one
    primary action and a menu of the others (disabled ones say why), its records, a timeline
    from the audit log and its files."""
    user = request.user
    access = get_access(user)
    today = timezone.localdate()
    submissions = list(selectors.submissions_visible(user).filter(session=session))
    resolutions = list(selectors.resolutions_visible(user).filter(session=session))
    confidence_votes = list(selectors.confidence_votes_visible(user).filter(session=session))
    dates = case.deadlines(session, submissions)
    primary, menu = _split(_session_actions(access, session), SESSION_PRIMARY)
    context: dict[str, Any] = {
        "session": session,
        "actions_primary": primary,
        "actions_menu": menu,
        "deadlines": dates,
        "next_deadline": case.next_deadline(dates),
        "timeline": case.timeline(session),
        "files": _session_files(user, session, resolutions, confidence_votes),
        "agenda": session.agenda_items.all(),
        "conference": getattr(session, "joint_conference", None),
        "submissions": submissions,
        "votes": selectors.votes_visible(user, session_id=session.pk).select_related("resolution"),
        "attendance": selectors.attendance_summary(session),
        "absent": session.attendance.filter(present=False).select_related("person"),
        "resolutions": resolutions,
        "confidence_votes": confidence_votes,
        "questions": selectors.questions_visible(user, session_id=session.pk),
        "today": today,
        "can_manage": can_manage(access, session),
        "can_adopt": can_adopt(access, session),
        "edit_rule": services.edit_rule(session),
        "agenda_editable": can_manage(access, session) and services.edit_refusal(access, session) is None,
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
def session_edit(request: HttpRequest, session_id: int) -> HttpResponse:
    """Correct a session's details within the editing rules (shown on the form); a closed
    session only by an administrator, with a reason; others see why, before any input."""
    session = selectors.session_get(request.user, session_id)
    access = get_access(request.user)
    initial = {f: getattr(session, f) for f in ("kind", "number", "title", "start_date", "end_date", "venue")}
    correcting = session.status == SessionStatus.CLOSED and can_correct(access, session)
    return _form_view(
        request,
        forms.SessionEditForm(_post_data(request), initial=initial, correcting=correcting),
        services.session_update,
        allowed=can_manage(access, session),
        done=SESSION.back(session),
        page=partial(
            _form_page,
            request,
            title=_("Edit the session"),
            session=session,
            help=services.edit_rule(session),
            blocked=checks.reason(services.edit_refusal(access, session)),
        ),
        session=session,
    )


def _agenda_item(user: Any, item_id: int) -> AgendaItem:
    item = AgendaItem.objects.filter(pk=item_id).first()
    if item is None:
        raise NotFound(_("Not found."), code=CouncilError.NOT_FOUND)
    item.session = selectors.session_get(user, item.session_id)  # scoped: another province's is a 404
    return item


def _agenda_blocked(access: Access, item: AgendaItem) -> str:
    if item.withdrawn_at is not None:
        return _("This item has been withdrawn.")
    return checks.reason(services.edit_refusal(access, item.session))


@login_required
def agenda_edit(request: HttpRequest, item_id: int) -> HttpResponse:
    """Change an agenda item within the editing rules (shown on the form)."""
    item = _agenda_item(request.user, item_id)
    session, access = item.session, get_access(request.user)
    correcting = session.status == SessionStatus.CLOSED and can_correct(access, session)
    initial = {f: getattr(item, f) for f in services.AGENDA_FIELDS}
    return _form_view(
        request,
        forms.AgendaItemForm(_post_data(request), initial=initial, correcting=correcting),
        services.agenda_item_update,
        allowed=can_manage(access, session),
        done=SESSION.back(session),
        page=partial(
            _form_page,
            request,
            title=_("Edit the agenda item"),
            session=session,
            help=services.edit_rule(session),
            blocked=_agenda_blocked(access, item),
            back=reverse("council:session_detail", args=[session.pk]),
        ),
        item=item,
    )


@login_required
def agenda_withdraw(request: HttpRequest, item_id: int) -> HttpResponse:
    """Withdraw an agenda item with the reason (it stays on the agenda, marked withdrawn)."""
    item = _agenda_item(request.user, item_id)
    session, access = item.session, get_access(request.user)
    blocked = _("This item has been withdrawn.") if item.withdrawn_at else checks.reason(checks.session_change(session))
    return _form_view(
        request,
        forms.WithdrawForm(_post_data(request)),
        services.agenda_item_withdraw,
        allowed=can_manage(access, session),
        done=SESSION.back(session),
        page=partial(
            _form_page,
            request,
            title=_("Withdraw the agenda item"),
            session=session,
            help=item.title,
            blocked=blocked,
            back=reverse("council:session_detail", args=[session.pk]),
        ),
        item=item,
    )


@login_required
@require_POST
def agenda_delete(request: HttpRequest, item_id: int) -> HttpResponse:
    """Delete an agenda item before the session sits (afterwards: withdraw, with a reason)."""
    item = _agenda_item(request.user, item_id)
    require(can_manage(get_access(request.user), item.session))
    result = submit(forms.ConfirmForm({}), services.agenda_item_delete, actor=request.user, item=item)
    if isinstance(result, Failed):
        if isinstance(result.error, PermissionDenied):
            raise result.error
        return render(request, "core/error.html", {"error": result.error}, status=409)
    return redirect("council:session_detail", session_id=item.session_id)


def _confirm_page(
    request: HttpRequest,
    form: django_forms.Form,
    *,
    title: str,
    what: str,
    goes: list[str],
    back: str,
    blocked: str,
) -> HttpResponse:
    context = {"form": form, "title": title, "what": what, "goes": goes, "back": back, "blocked": blocked}
    return render(request, "council/confirm_delete.html", context)


@login_required
def session_delete(request: HttpRequest, session_id: int) -> HttpResponse:
    """Delete a session still in planning with nothing held at it, after a confirmation; else
    the page says why it is kept."""
    session = selectors.session_get(request.user, session_id)
    counts = [
        (session.submissions.count(), _("submissions being prepared (with their files)")),
        (session.agenda_items.count(), _("agenda items")),
    ]
    goes = [f"{n} {label}" for n, label in counts if n]
    return _form_view(
        request,
        forms.ConfirmForm(_post_data(request)),
        services.session_delete,
        allowed=can_manage(get_access(request.user), session),
        done=_to("council:session_list"),
        page=partial(
            _confirm_page,
            request,
            title=_("Delete the session"),
            what=session.title,
            goes=goes,
            back=reverse("council:session_detail", args=[session.pk]),
            blocked=checks.reason(checks.session_delete(session)),
        ),
        session=session,
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
        page=partial(
            _form_page,
            request,
            title=_("New submission"),
            session=session,
            blocked=checks.reason(checks.session_change(session)),
            back=reverse("council:session_detail", args=[session.pk]),
        ),
        session=session,
    )


def _submission_actions(access: Access, submission: Any) -> list[PageAction]:
    """Record the vote, edit and delete, each possibly disabled with its reason (a passed
    draft's "Adopt" stands by its vote, to who may adopt)."""
    actions: list[PageAction] = []
    if can_manage(access, submission) and submission.kind == SubmissionKind.DRAFT_RESOLUTION:
        actions.append(
            PageAction(
                _("Record the vote"),
                reverse("council:vote_create", args=[submission.pk]),
                reason=checks.reason(checks.vote(submission)),
                key="vote",
            )
        )
    if can_manage(access, submission):
        changing = checks.reason(checks.submission_change(submission))
        withdrawn = _("This submission has been withdrawn.") if submission.withdrawn_at else ""
        actions += [
            PageAction(
                _("Edit the submission"),
                reverse("council:submission_edit", args=[submission.pk]),
                reason=_submission_blocked(access, submission),
                key="edit",
            ),
            PageAction(
                _("Withdraw the submission"),
                reverse("council:submission_withdraw", args=[submission.pk]),
                reason=withdrawn or changing,
                key="withdraw",
            ),
            PageAction(
                _("Delete the submission"),
                reverse("council:submission_delete", args=[submission.pk]),
                reason=_submission_delete_blocked(submission),
                danger=True,
                key="delete",
            ),
        ]
    return actions


def _submission_page(request: HttpRequest, submission: Any, **bound: Any) -> HttpResponse:
    pid = submission.province_id
    access = get_access(request.user)
    manage = can_manage(access, submission)
    votes = list(submission.votes.select_related("resolution"))
    resolution = getattr(submission, "resolution", None)
    primary, menu = _split(_submission_actions(access, submission), ("vote",))
    context: dict[str, Any] = {
        "submission": submission,
        "actions_primary": primary,
        "actions_menu": menu,
        "files": submission.files.all(),
        "reviews": submission.reviews.select_related("committee"),
        "notes": submission.discussion_notes.select_related("group"),
        "votes": votes,
        "resolution": resolution,
        "today": timezone.localdate(),
        "can_manage": manage,
        "can_adopt": can_adopt(access, submission),
        # A passed draft not adopted yet, to who may not adopt: who does, instead of a button.
        "awaiting_adoption": resolution is None and any(v.passed for v in votes),
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


def _submission_blocked(access: Access, submission: Any) -> str:
    if submission.votes.exists():
        return checks.reason(checks.submission_change(submission))
    return checks.reason(services.edit_refusal(access, submission.session))


@login_required
def submission_edit(request: HttpRequest, submission_id: int) -> HttpResponse:
    """Correct a submission until it is voted on, within the editing rules (shown on the
    form); otherwise the reason, before any input."""
    submission = selectors.submission_get(request.user, submission_id)
    access = get_access(request.user)
    fields = ("kind", "title", "submitter", "reviewing_committee", "is_normative", "received_on")
    session = submission.session
    correcting = session.status == SessionStatus.CLOSED and can_correct(access, session)
    return _form_view(
        request,
        forms.SubmissionEditForm(
            _post_data(request),
            province_id=submission.province_id,
            initial={f: getattr(submission, f) for f in fields},
            correcting=correcting,
        ),
        services.submission_update,
        allowed=can_manage(access, submission),
        done=SUBMISSION.back(submission),
        page=partial(
            _form_page,
            request,
            title=_("Edit the submission"),
            session=submission.session,
            help=services.edit_rule(session),
            blocked=_submission_blocked(access, submission),
            back=reverse("council:submission_detail", args=[submission.pk]),
        ),
        submission=submission,
    )


@login_required
def submission_withdraw(request: HttpRequest, submission_id: int) -> HttpResponse:
    """Withdraw a submission not voted on, with the reason (it stays, marked withdrawn)."""
    submission = selectors.submission_get(request.user, submission_id)
    if submission.withdrawn_at is not None:
        blocked = _("This submission has been withdrawn.")
    else:
        blocked = checks.reason(checks.submission_change(submission))
    return _form_view(
        request,
        forms.WithdrawForm(_post_data(request)),
        services.submission_withdraw,
        allowed=can_manage(get_access(request.user), submission),
        done=SUBMISSION.back(submission),
        page=partial(
            _form_page,
            request,
            title=_("Withdraw the submission"),
            session=submission.session,
            help=submission.title,
            blocked=blocked,
            back=reverse("council:submission_detail", args=[submission.pk]),
        ),
        submission=submission,
    )


def _submission_delete_blocked(submission: Any) -> str:
    refusal = checks.reason(checks.submission_change(submission))
    if not refusal and submission.session.status == SessionStatus.IN_PROGRESS:
        return _("Once the session sits a submission is withdrawn with a reason, not deleted.")
    return refusal


@login_required
def submission_delete(request: HttpRequest, submission_id: int) -> HttpResponse:
    """Delete a submission not voted on, after a confirmation; else the page says why not."""
    submission = selectors.submission_get(request.user, submission_id)
    counts = [
        (submission.files.count(), _("file versions")),
        (submission.reviews.count(), _("review reports")),
        (submission.discussion_notes.count(), _("delegate group discussions")),
    ]
    return _form_view(
        request,
        forms.ConfirmForm(_post_data(request)),
        services.submission_delete,
        allowed=can_manage(get_access(request.user), submission),
        done=lambda session: redirect("council:session_detail", session_id=session.pk),
        page=partial(
            _confirm_page,
            request,
            title=_("Delete the submission"),
            what=submission.title,
            goes=[f"{n} {label}" for n, label in counts if n],
            back=reverse("council:submission_detail", args=[submission.pk]),
            blocked=_submission_delete_blocked(submission),
        ),
        submission=submission,
    )


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
            blocked=checks.reason(checks.vote(submission)),
            back=reverse("council:submission_detail", args=[submission.pk]),
        ),
        submission=submission,
    )


# -- Resolutions ---------------------------------------------------------------------------


@login_required
def resolution_adopt(request: HttpRequest, vote_id: int) -> HttpResponse:
    vote = selectors.vote_get(request.user, vote_id)
    initial = {"adopted_on": vote.held_on, "title": rules.adopted_title(vote.submission.title)}
    return _form_view(
        request,
        forms.AdoptForm(_post_data(request), province_id=vote.session.province_id, initial=initial),
        services.resolution_adopt,
        allowed=can_adopt(get_access(request.user), vote.session),
        done=_to_new("council:resolution_detail", "resolution_id"),
        page=partial(
            _form_page,
            request,
            title=_("Adopt the resolution"),
            session=vote.session,
            help=_("A legal normative resolution is in force, by default, %(days)s days after adoption.")
            % {"days": rule_on("normative_effect_days", vote.held_on).days or 0}
            if vote.submission.is_normative
            else "",
            blocked=checks.reason(checks.adopt(vote)),
            back=reverse("council:submission_detail", args=[vote.submission_id]),
        ),
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
    status = request.GET.get("status", "")
    status = status if status in ResolutionStatus.values else ""
    resolutions = selectors.resolutions_visible(
        request.user,
        query=clean_query(request),
        kind=kind,
        year=year_form.cleaned_data["year"],
        status=status,
    )
    context = {
        "page": paginate(request, resolutions),
        "kinds": ResolutionKind.choices,
        "kind": kind,
        "statuses": ResolutionStatus.choices,
        "status": status,
    }
    return render_list(request, "council/resolution_list.html", "council/_resolution_rows.html", context)


def _resolution_page(request: HttpRequest, resolution: Any, **bound: Any) -> HttpResponse:
    access = get_access(request.user)
    context = {
        "resolution": resolution,
        "steps": _steps(RESOLUTION_FLOW, access, resolution),
        "follow_ups": resolution.follow_ups.select_related("agency"),
        "can_follow": can_follow_up(access, resolution),
        # The Office may report once an agency is assigned: say so rather than hide the form.
        "follow_blocked": checks.reason(checks.follow_up(resolution))
        if can_manage(access, resolution) and access.has(CouncilPerm.FOLLOW_UP, resolution.province_id)
        else "",
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
    closed = checks.reason(checks.confidence_open(vote))
    rows = []
    for subject, pct in selectors.confidence_rows(vote):
        form = None
        if manage and not closed and not subject.exempt:
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
        "closed": closed,
    }
    if manage and not closed:
        summary = selectors.attendance_summary(vote.session)
        # Issued: the delegates present by the roll, until the board records its figures.
        issued = vote.ballots_issued if vote.ballots_issued is not None else (summary["present"] or None)
        context |= {
            "subject_form": forms.SubjectForm(people=selectors.confidence_candidates(vote.session)),
            "ballots_form": forms.BallotsForm(
                delegates=selectors.session_delegates(vote.session),
                initial={
                    "ballots_issued": issued,
                    "ballots_cast": vote.ballots_cast if vote.ballots_cast is not None else issued,
                    "counting_head": vote.counting_head_id,
                },
            ),
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
    lambda r, vote: forms.SubjectForm(r.POST, people=selectors.confidence_candidates(vote.session)),
    services.confidence_subject_add,
)
confidence_ballots = _embedded(
    CONFIDENCE,
    "ballots_form",
    lambda r, vote: forms.BallotsForm(r.POST, delegates=selectors.session_delegates(vote.session)),
    services.confidence_ballots_record,
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
    # "mine": a delegate's own questions (the account's person in the directory).
    person_id = getattr(request.user, "person_id", None)
    mine = bool(request.GET.get("mine")) and person_id is not None
    questions = selectors.questions_visible(
        request.user,
        query=clean_query(request),
        session_id=clean_int(request, "session"),
        delegate_id=person_id if mine else None,
    )
    context = {
        "page": paginate(request, questions),
        "commitments": selectors.commitments_open(request.user, delegate_id=person_id if mine else None),
        "today": timezone.localdate(),
        "mine": mine,
        "has_person": person_id is not None,
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


# -- What was sent to an agency ---------------------------------------------------------------


@login_required
def agency_inbox(request: HttpRequest) -> HttpResponse:
    """For an agency's responder: the questions put to it with the written answer's due date,
    what it promised with the due dates, and the resolutions it implements."""
    if not selectors.agency_body_ids(request.user):
        raise PermissionDenied(_("You do not have permission to do this."), code=CouncilError.NOT_ALLOWED)
    context = {
        "questions": selectors.questions_to_agency(request.user)[:100],
        "commitments": selectors.commitments_of_agency(request.user)[:100],
        "resolutions": selectors.resolutions_visible(request.user)[:100],
        "today": timezone.localdate(),
    }
    return render(request, "council/agency_inbox.html", context)


# -- a new term (issue 16, item 6) ----------------------------------------------------------------


def _term_setups(user: Any) -> Any:
    return get_access(user).scope(
        TermSetup.objects.select_related("council", "term", "previous_term", "province"), CouncilPerm.VIEW
    )


def _term_setup(user: Any, setup_id: int) -> TermSetup:
    """A new term of the user's provinces (404 elsewhere); only who may set one up goes on (403)."""
    setup = _term_setups(user).filter(pk=setup_id).first()
    if setup is None:
        raise NotFound(_("Not found."), code=CouncilError.NOT_FOUND)
    require(can_set_up_term(get_access(user), setup))
    return setup


@login_required
def term_list(request: HttpRequest) -> HttpResponse:
    access = get_access(request.user)
    require(access.has(CouncilPerm.TERM))
    setups = access.scope(
        TermSetup.objects.select_related("council", "term", "previous_term"), CouncilPerm.TERM
    )
    return render(request, "council/term_list.html", {"setups": setups})


@login_required
def term_template(request: HttpRequest) -> HttpResponse:
    require(get_access(request.user).has(CouncilPerm.TERM))
    response = HttpResponse(term_import.elected_template(), content_type=files.XLSX.content_type)
    response["Content-Disposition"] = content_disposition_header(True, "danh-sach-trung-cu.xlsx") or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _term_upload_page(request: HttpRequest, form: django_forms.Form) -> HttpResponse:
    rows = []
    failure = getattr(form, "failure", None)
    if failure is not None:
        rows = (failure.details or {}).get("rows", [])
    return render(request, "council/term_upload.html", {"form": form, "row_errors": rows})


@login_required
def term_create(request: HttpRequest) -> HttpResponse:
    """Upload the list of the elected: a file with a row in error saves nothing, and the rows'
    errors are shown with the rest of the input kept; else the preview."""
    access = get_access(request.user)
    require(access.has(CouncilPerm.TERM))
    form = forms.TermUploadForm(_post_data(request), request.FILES or None, access=access)
    if request.method != "POST":
        return _term_upload_page(request, form)
    if form.is_valid():
        result = submit(form, term.term_setup_create, actor=request.user, **form.params())
        if not isinstance(result, Failed):
            return redirect("council:term_detail", setup_id=result.pk)
        form.failure = result.error  # type: ignore[attr-defined]
    response = _term_upload_page(request, form)
    response.status_code = 400
    return response


def _term_page(request: HttpRequest, setup: TermSetup, **bound: Any) -> HttpResponse:
    checked = term_import.check_elected(setup.source, setup.council.province, setup.council.level, setup.structure)
    latest, rule = term.latest_first_session(setup)
    first = None
    if setup.term is not None:
        first = setup.term.council_sessions.order_by("number").first()
    structure_form = bound.pop("structure_form", None) or forms.TermStructureForm(structure=setup.structure)
    context: dict[str, Any] = {
        "setup": setup,
        "checked": checked,
        # Once confirmed, the figures as they were before (the directory now holds everyone).
        "counts": setup.counts if setup.is_confirmed else checked.counts(),
        "structure_form": structure_form,
        "latest_first_session": latest,
        "rule": rule,
        "first_session": first,
        "first_session_late": first is not None and first.start_date > latest,
        "row_errors": bound.pop("row_errors", [] if setup.is_confirmed else [e.as_dict() for e in checked.errors]),
        "confirm_error": bound.pop("confirm_error", ""),
        "carry": term.carry_over_preview(setup) if setup.is_confirmed else {},
    }
    return render(request, "council/term_detail.html", context | bound)


@login_required
def term_detail(request: HttpRequest, setup_id: int) -> HttpResponse:
    return _term_page(request, _term_setup(request.user, setup_id))


def _term_failed(request: HttpRequest, setup: TermSetup, error: Any, **bound: Any) -> HttpResponse:
    if isinstance(error, PermissionDenied):
        raise error
    rows = (getattr(error, "details", None) or {}).get("rows") or []
    response = _term_page(request, setup, row_errors=rows, confirm_error=error.message, **bound)
    response.status_code = 409 if isinstance(error, Conflict) else 400
    return response


@login_required
@require_POST
def term_structure(request: HttpRequest, setup_id: int) -> HttpResponse:
    setup = _term_setup(request.user, setup_id)
    form = forms.TermStructureForm(request.POST, structure=setup.structure)
    if not form.is_valid():
        response = _term_page(request, setup, structure_form=form)
        response.status_code = 400
        return response
    result = submit(form, term.term_structure_update, actor=request.user, setup=setup, **form.params())
    if isinstance(result, Failed):
        return _term_failed(request, setup, result.error, structure_form=form)
    return redirect("council:term_detail", setup_id=setup.pk)


@login_required
@require_POST
def term_confirm(request: HttpRequest, setup_id: int) -> HttpResponse:
    setup = _term_setup(request.user, setup_id)
    result = submit(forms.ConfirmForm({}), term.term_confirm, actor=request.user, setup=setup)
    if isinstance(result, Failed):
        return _term_failed(request, setup, result.error)
    return redirect("council:term_detail", setup_id=setup.pk)


@login_required
@require_POST
def term_carry_over(request: HttpRequest, setup_id: int) -> HttpResponse:
    setup = _term_setup(request.user, setup_id)
    result = submit(forms.ConfirmForm({}), term.term_carry_over, actor=request.user, setup=setup)
    if isinstance(result, Failed):
        return _term_failed(request, setup, result.error)
    return redirect("council:term_detail", setup_id=setup.pk)
