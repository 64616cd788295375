"""Pages of the council module. Views parse input, call services and render selectors' data."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dancu.core.access import get_access
from dancu.core.errors import NotFound, ValidationFailed
from dancu.core.htmx import clean_int, clean_query, paginate, render_list

from . import documents, forms, selectors, services, workflow
from .models import Attendance, ResolutionKind, SessionKind
from .permissions import CouncilPerm
from .rules import percent


def _check(form) -> dict:
    """Typed input of a valid form; otherwise the errors as a typed error (shown as a page)."""
    if not form.is_valid():
        messages = [
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}"
            for f, e in form.errors.items()
        ]
        raise ValidationFailed("; ".join(messages), code="invalid_input")
    return form.cleaned_data


def _docx(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _can(request, perm: str, province_id: int) -> bool:
    return get_access(request.user).has(perm, province_id)


# -- Sessions ------------------------------------------------------------------------------


@login_required
def session_list(request):
    get_access(request.user).require(CouncilPerm.VIEW)
    kind = request.GET.get("kind", "")
    sessions = selectors.sessions_visible(request.user, query=clean_query(request), kind=kind)
    context = {
        "page": paginate(request, sessions),
        "kinds": SessionKind.choices,
        "kind": kind,
        "can_manage": get_access(request.user).has(CouncilPerm.MANAGE),
    }
    return render_list(request, "council/session_list.html", "council/_session_rows.html", context)


@login_required
def session_create(request):
    access = get_access(request.user)
    access.require(CouncilPerm.MANAGE)
    form = forms.SessionForm(request.POST or None, provinces=access.provinces_with(CouncilPerm.MANAGE))
    if request.method == "POST" and form.is_valid():
        session = services.session_create(actor=request.user, **form.cleaned_data)
        return redirect("council:session_detail", session_id=session.pk)
    return render(request, "council/form.html", {"form": form, "title": _("New session")})


@login_required
def session_detail(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    pid = session.province_id
    can_manage = _can(request, CouncilPerm.MANAGE, pid)
    context = {
        "session": session,
        "status_label": workflow.status_label(session),
        "next_states": [(s, workflow.SessionStatus.LABELS[s]) for s in workflow.next_states(session)],
        "agenda": session.agenda_items.all(),
        "conference": getattr(session, "joint_conference", None),
        "submissions": selectors.submissions_visible(request.user).filter(session=session),
        "votes": selectors.votes_visible(request.user, session_id=session.pk).select_related("resolution"),
        "attendance": services.attendance_summary(session),
        "absent": session.attendance.filter(present=False).select_related("person"),
        "resolutions": selectors.resolutions_visible(request.user).filter(session=session),
        "confidence_votes": selectors.confidence_votes_visible(request.user).filter(session=session),
        "questions": selectors.questions_visible(request.user, session_id=session.pk),
        "today": timezone.localdate(),
        "can_manage": can_manage,
        "can_adopt": _can(request, CouncilPerm.ADOPT, pid),
    }
    if can_manage:
        context |= {
            "agenda_form": forms.AgendaForm(),
            "conference_form": forms.JointConferenceForm(),
            "confidence_form": forms.ConfidenceVoteForm(),
            "question_form": forms.QuestionForm(
                delegates=services.session_delegates(session), province_id=pid
            ),
        }
    return render(request, "council/session_detail.html", context)


@login_required
@require_POST
def session_transition(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    services.session_transition(actor=request.user, session=session, to=request.POST.get("to", ""))
    return redirect("council:session_detail", session_id=session.pk)


@login_required
@require_POST
def agenda_add(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    services.agenda_item_add(actor=request.user, session=session, **_check(forms.AgendaForm(request.POST)))
    return redirect("council:session_detail", session_id=session.pk)


@login_required
@require_POST
def conference_record(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    services.joint_conference_record(
        actor=request.user, session=session, **_check(forms.JointConferenceForm(request.POST))
    )
    return redirect("council:session_detail", session_id=session.pk)


@login_required
def agenda_docx(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    return _docx(documents.agenda_docx(session), f"chuong-trinh-ky-hop-{session.pk}.docx")


@login_required
def attendance(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    delegates = list(services.session_delegates(session))
    if request.method == "POST":
        absences = {}
        for person in delegates:
            if request.POST.get(f"absent_{person.pk}"):
                absences[person.pk] = request.POST.get(f"reason_{person.pk}", "").strip()
        services.attendance_record(actor=request.user, session=session, absences=absences)
        return redirect("council:attendance", session_id=session.pk)
    recorded = {a.person_id: a for a in Attendance.objects.filter(session=session)}
    rows = [(p, recorded.get(p.pk)) for p in delegates]
    context = {
        "session": session,
        "rows": rows,
        "summary": services.attendance_summary(session),
        "can_manage": _can(request, CouncilPerm.MANAGE, session.province_id),
    }
    return render(request, "council/attendance.html", context)


# -- Submissions -----------------------------------------------------------------------------


@login_required
def submission_create(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    get_access(request.user).require(CouncilPerm.MANAGE, session.province_id)
    form = forms.SubmissionForm(request.POST or None, province_id=session.province_id)
    if request.method == "POST" and form.is_valid():
        submission = services.submission_create(actor=request.user, session=session, **form.cleaned_data)
        return redirect("council:submission_detail", submission_id=submission.pk)
    return render(
        request, "council/form.html", {"form": form, "title": _("New submission"), "session": session}
    )


@login_required
def submission_detail(request, submission_id: int):
    submission = selectors.submission_get(request.user, submission_id)
    pid = submission.province_id
    can_manage = _can(request, CouncilPerm.MANAGE, pid)
    context = {
        "submission": submission,
        "files": submission.files.all(),
        "reviews": submission.reviews.select_related("committee"),
        "notes": submission.discussion_notes.select_related("group"),
        "votes": submission.votes.all(),
        "resolution": getattr(submission, "resolution", None),
        "today": timezone.localdate(),
        "can_manage": can_manage,
    }
    if can_manage:
        context |= {
            "review_form": forms.ReviewForm(
                province_id=pid, initial={"committee": submission.reviewing_committee}
            ),
            "discussion_form": forms.DiscussionForm(province_id=pid),
            "file_form": forms.FileForm(),
        }
    return render(request, "council/submission_detail.html", context)


@login_required
@require_POST
def review_add(request, submission_id: int):
    submission = selectors.submission_get(request.user, submission_id)
    data = _check(forms.ReviewForm(request.POST, province_id=submission.province_id))
    services.review_report_record(actor=request.user, submission=submission, **data)
    return redirect("council:submission_detail", submission_id=submission.pk)


@login_required
@require_POST
def discussion_add(request, submission_id: int):
    submission = selectors.submission_get(request.user, submission_id)
    data = _check(forms.DiscussionForm(request.POST, province_id=submission.province_id))
    services.discussion_note_record(actor=request.user, submission=submission, **data)
    return redirect("council:submission_detail", submission_id=submission.pk)


@login_required
@require_POST
def file_add(request, submission_id: int):
    submission = selectors.submission_get(request.user, submission_id)
    data = _check(forms.FileForm(request.POST, request.FILES))
    services.submission_file_add(
        actor=request.user, submission=submission, uploaded=data["file"], note=data["note"]
    )
    return redirect("council:submission_detail", submission_id=submission.pk)


@login_required
def file_download(request, submission_id: int, version: int):
    submission = selectors.submission_get(request.user, submission_id)
    item = submission.files.filter(version=version).first()
    if item is None:
        raise NotFound("")
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name)


@login_required
def vote_create(request, submission_id: int):
    submission = selectors.submission_get(request.user, submission_id)
    get_access(request.user).require(CouncilPerm.MANAGE, submission.province_id)
    form = forms.VoteForm(
        request.POST or None,
        initial={"held_on": timezone.localdate(), "no": 0, "abstain": 0, "not_voting": 0},
    )
    if request.method == "POST" and form.is_valid():
        services.vote_record(actor=request.user, submission=submission, **form.cleaned_data)
        return redirect("council:submission_detail", submission_id=submission.pk)
    context = {
        "form": form,
        "title": _("Record the vote"),
        "session": submission.session,
        "help": _("Counted against the total of %(total)s delegates.")
        % {"total": submission.session.delegates_total},
    }
    return render(request, "council/form.html", context)


# -- Resolutions ---------------------------------------------------------------------------


@login_required
def resolution_adopt(request, vote_id: int):
    vote = selectors.vote_get(request.user, vote_id)
    get_access(request.user).require(CouncilPerm.ADOPT, vote.session.province_id)
    form = forms.AdoptForm(
        request.POST or None, province_id=vote.session.province_id, initial={"adopted_on": vote.held_on}
    )
    if request.method == "POST" and form.is_valid():
        resolution = services.resolution_adopt(actor=request.user, vote=vote, **form.cleaned_data)
        return redirect("council:resolution_detail", resolution_id=resolution.pk)
    return render(
        request,
        "council/form.html",
        {"form": form, "title": _("Adopt the resolution"), "session": vote.session},
    )


@login_required
def resolution_list(request):
    get_access(request.user).require(CouncilPerm.RESOLUTIONS)
    kind = request.GET.get("kind", "")
    kind = kind if kind in ResolutionKind.values else ""
    resolutions = selectors.resolutions_visible(
        request.user, query=clean_query(request), kind=kind, year=clean_int(request, "year")
    )
    context = {"page": paginate(request, resolutions), "kinds": ResolutionKind.choices, "kind": kind}
    return render_list(request, "council/resolution_list.html", "council/_resolution_rows.html", context)


@login_required
def resolution_detail(request, resolution_id: int):
    resolution = selectors.resolution_get(request.user, resolution_id)
    pid = resolution.province_id
    access = get_access(request.user)
    can_follow = access.has(CouncilPerm.FOLLOW_UP, pid) and (
        access.has(CouncilPerm.MANAGE, pid)
        or (resolution.implementing_agency_id in access.bodies_with_role("agency_responder"))
    )
    context = {
        "resolution": resolution,
        "status_label": workflow.status_label(resolution),
        "follow_ups": resolution.follow_ups.select_related("agency"),
        "can_adopt": access.has(CouncilPerm.ADOPT, pid),
        "can_follow": can_follow and resolution.implementing_agency_id is not None,
        "follow_form": forms.FollowUpForm(initial={"reported_on": timezone.localdate()}),
    }
    return render(request, "council/resolution_detail.html", context)


@login_required
def resolution_docx(request, resolution_id: int):
    resolution = selectors.resolution_get(request.user, resolution_id)
    return _docx(
        documents.resolution_docx(resolution), f"nghi-quyet-{resolution.number}-{resolution.year}.docx"
    )


@login_required
@require_POST
def resolution_publish(request, resolution_id: int):
    resolution = selectors.resolution_get(request.user, resolution_id)
    services.resolution_publish(actor=request.user, resolution=resolution)
    return redirect("council:resolution_detail", resolution_id=resolution.pk)


@login_required
@require_POST
def follow_up_add(request, resolution_id: int):
    resolution = selectors.resolution_get(request.user, resolution_id)
    data = _check(forms.FollowUpForm(request.POST))
    services.follow_up_report_add(actor=request.user, resolution=resolution, **data)
    return redirect("council:resolution_detail", resolution_id=resolution.pk)


# -- Confidence votes ----------------------------------------------------------------------


@login_required
@require_POST
def confidence_create(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    vote = services.confidence_vote_create(
        actor=request.user, session=session, **_check(forms.ConfidenceVoteForm(request.POST))
    )
    return redirect("council:confidence_detail", vote_id=vote.pk)


@login_required
def confidence_detail(request, vote_id: int):
    vote = selectors.confidence_vote_get(request.user, vote_id)
    pid = vote.province_id
    denominator = vote.denominator
    subjects = []
    for s in vote.subjects.select_related("person"):
        pct = {
            k: (percent(getattr(s, k), denominator) if getattr(s, k) is not None else None)
            for k in ("high", "medium", "low")
        }
        subjects.append((s, pct))
    context = {
        "vote": vote,
        "status_label": workflow.status_label(vote),
        "subjects": subjects,
        "denominator": denominator,
        "next_states": [(s, workflow.ConfidenceStatus.LABELS[s]) for s in workflow.next_states(vote)],
        "can_manage": _can(request, CouncilPerm.MANAGE, pid),
        "can_adopt": _can(request, CouncilPerm.ADOPT, pid),
        "subject_form": forms.SubjectForm(province_id=pid),
        "tally_form": forms.TallyForm(),
        "outcomes": documents.OUTCOME_TEXT,
    }
    return render(request, "council/confidence_detail.html", context)


@login_required
@require_POST
def confidence_subject_add(request, vote_id: int):
    vote = selectors.confidence_vote_get(request.user, vote_id)
    data = _check(forms.SubjectForm(request.POST, province_id=vote.province_id))
    services.confidence_subject_add(actor=request.user, vote=vote, **data)
    return redirect("council:confidence_detail", vote_id=vote.pk)


@login_required
@require_POST
def confidence_tally(request, vote_id: int, subject_id: int):
    vote = selectors.confidence_vote_get(request.user, vote_id)
    subject = vote.subjects.filter(pk=subject_id).first()
    if subject is None:
        raise NotFound("")
    data = _check(forms.TallyForm(request.POST))
    services.confidence_tally_record(actor=request.user, subject=subject, **data)
    return redirect("council:confidence_detail", vote_id=vote.pk)


@login_required
@require_POST
def confidence_transition(request, vote_id: int):
    vote = selectors.confidence_vote_get(request.user, vote_id)
    services.confidence_vote_transition(actor=request.user, vote=vote, to=request.POST.get("to", ""))
    return redirect("council:confidence_detail", vote_id=vote.pk)


@login_required
def confidence_docx(request, vote_id: int):
    vote = selectors.confidence_vote_get(request.user, vote_id)
    return _docx(documents.confidence_minutes_docx(vote), f"bien-ban-tin-nhiem-{vote.pk}.docx")


# -- Questioning ---------------------------------------------------------------------------


@login_required
@require_POST
def question_create(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    form = forms.QuestionForm(
        request.POST, delegates=services.session_delegates(session), province_id=session.province_id
    )
    question = services.question_ask(actor=request.user, session=session, **_check(form))
    return redirect("council:question_detail", question_id=question.pk)


@login_required
def question_list(request):
    get_access(request.user).require(CouncilPerm.VIEW)
    questions = selectors.questions_visible(
        request.user, query=clean_query(request), session_id=clean_int(request, "session")
    )
    context = {
        "page": paginate(request, questions),
        "commitments": selectors.commitments_visible(request.user).exclude(status="kept")[:50],
        "today": timezone.localdate(),
    }
    return render_list(request, "council/question_list.html", "council/_question_rows.html", context)


@login_required
def question_detail(request, question_id: int):
    question = selectors.question_get(request.user, question_id)
    context = {
        "question": question,
        "can_manage": _can(request, CouncilPerm.MANAGE, question.province_id),
        "answer_form": forms.AnswerForm(initial={"answered_on": timezone.localdate()}),
        "commitment_form": forms.CommitmentForm(),
        "update_form": forms.CommitmentUpdateForm(),
    }
    return render(request, "council/question_detail.html", context)


@login_required
@require_POST
def answer_add(request, question_id: int):
    question = selectors.question_get(request.user, question_id)
    services.answer_record(actor=request.user, question=question, **_check(forms.AnswerForm(request.POST)))
    return redirect("council:question_detail", question_id=question.pk)


@login_required
@require_POST
def commitment_add(request, question_id: int):
    question = selectors.question_get(request.user, question_id)
    services.commitment_add(
        actor=request.user, question=question, **_check(forms.CommitmentForm(request.POST))
    )
    return redirect("council:question_detail", question_id=question.pk)


@login_required
@require_POST
def commitment_update(request, commitment_id: int):
    commitment = selectors.commitments_visible(request.user).filter(pk=commitment_id).first()
    if commitment is None:
        raise NotFound("")
    services.commitment_update(
        actor=request.user, commitment=commitment, **_check(forms.CommitmentUpdateForm(request.POST))
    )
    return redirect("council:question_detail", question_id=commitment.question_id)


@login_required
def commitments_report(request, session_id: int):
    session = selectors.session_get(request.user, session_id)
    report = selectors.commitments_report(request.user, session)
    if request.GET.get("format") == "docx":
        return _docx(documents.commitments_docx(session, report), f"bao-cao-loi-hua-{session.pk}.docx")
    return render(request, "council/commitments_report.html", {"session": session, "report": report})


# -- Standing Committee and figures ---------------------------------------------------------


@login_required
def meeting_list(request):
    access = get_access(request.user)
    access.require(CouncilPerm.VIEW)
    context = {
        "page": paginate(request, selectors.meetings_visible(request.user)),
        "matters": selectors.interim_matters_visible(request.user)[:50],
        "hearings": selectors.hearings_visible(request.user)[:50],
        "sessions": selectors.sessions_visible(request.user).exclude(status="planning")[:20],
        "can_manage": access.has(CouncilPerm.MANAGE),
    }
    if context["can_manage"]:
        provinces = access.provinces_with(CouncilPerm.MANAGE)
        context["meeting_form"] = forms.MeetingForm(provinces=provinces)
        context["hearing_form"] = forms.HearingForm(provinces=provinces)
    return render(request, "council/meeting_list.html", context)


@login_required
def meeting_detail(request, meeting_id: int):
    meeting = selectors.meeting_get(request.user, meeting_id)
    context = {
        "meeting": meeting,
        "can_manage": _can(request, CouncilPerm.MANAGE, meeting.province_id),
        "task_form": forms.TaskForm(province_id=meeting.province_id),
        "matter_form": forms.InterimMatterForm(),
    }
    return render(request, "council/meeting_detail.html", context)


@login_required
def figures(request):
    get_access(request.user).require(CouncilPerm.VIEW)
    year = clean_int(request, "year") or timezone.localdate().year
    data = selectors.figures(request.user, year)
    chart = {
        "title": _("Sessions by kind"),
        "labels": [str(label) for _v, label in SessionKind.choices],
        "values": [data["sessions"][v] for v in SessionKind.values],
    }
    return render(
        request, "council/figures.html", {"data": data, "chart": chart, "kinds": SessionKind.choices}
    )


@login_required
@require_POST
def meeting_create(request):
    access = get_access(request.user)
    access.require(CouncilPerm.MANAGE)
    form = forms.MeetingForm(request.POST, provinces=access.provinces_with(CouncilPerm.MANAGE))
    meeting = services.standing_meeting_record(actor=request.user, **_check(form))
    return redirect("council:meeting_detail", meeting_id=meeting.pk)


@login_required
@require_POST
def hearing_create(request):
    access = get_access(request.user)
    access.require(CouncilPerm.MANAGE)
    form = forms.HearingForm(request.POST, provinces=access.provinces_with(CouncilPerm.MANAGE))
    services.hearing_record(actor=request.user, **_check(form))
    return redirect("council:meeting_list")


@login_required
@require_POST
def task_add(request, meeting_id: int):
    meeting = selectors.meeting_get(request.user, meeting_id)
    data = _check(forms.TaskForm(request.POST, province_id=meeting.province_id))
    services.standing_task_add(actor=request.user, meeting=meeting, **data)
    return redirect("council:meeting_detail", meeting_id=meeting.pk)


@login_required
@require_POST
def interim_add(request, meeting_id: int):
    meeting = selectors.meeting_get(request.user, meeting_id)
    services.interim_matter_record(
        actor=request.user, meeting=meeting, **_check(forms.InterimMatterForm(request.POST))
    )
    return redirect("council:meeting_detail", meeting_id=meeting.pk)


@login_required
@require_POST
def interim_report(request, matter_id: int):
    matter = selectors.interim_matters_visible(request.user).filter(pk=matter_id).first()
    if matter is None:
        raise NotFound("")
    sessions = selectors.sessions_visible(request.user).filter(province_id=matter.province_id)
    data = _check(forms.InterimReportForm(request.POST, sessions=sessions))
    services.interim_matter_report(actor=request.user, matter=matter, session=data["session"])
    return redirect("council:meeting_list")
