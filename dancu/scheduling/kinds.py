"""Labels of the kinds of event the calendar shows, its own and the other modules' (a kind it
does not know is shown as the module sent it)."""

from django.utils.translation import gettext_lazy as _

from .models import EventKind

OTHER_KINDS = {
    "session_opening": _("Session opening"),
    "session_day": _("Council session day"),
    "session": _("Council session"),
    "committee_review": _("Committee review"),
    "standing_committee_meeting": _("Standing Committee meeting"),
    "reception_day": _("Citizen reception day"),
    "supervision_visit": _("Supervision visit"),
    "supervision": _("Supervision work"),
    "consultation_conference": _("Consultation conference"),
    "giao_ban": _("Coordination (giao ban) meeting"),
    "milestone": _("Session preparation milestone"),
    "explanation_hearing": _("Explanation hearing"),
    "supervision_session": _("Supervision session"),
    "supervision_deadline": _("Supervision: report due"),
    "supervision_recommendation": _("Supervision: recommendation due"),
    "supervision_agency_report": _("Supervision: agency report due"),
    "consultation_due": _("Consultation: comments due"),
    "consultation_synthesis_due": _("Consultation: synthesis due"),
}
LABELS = {**{k.value: k.label for k in EventKind}, **OTHER_KINDS}
# A colour class per kind (the month grid's left border).
COLOURS = {
    "standing_meeting": "primary",
    "committee_meeting": "info",
    "peoples_committee_meeting": "danger",
    "voter_meeting": "success",
    "joint_conference": "warning",
    "external": "secondary",
    "session_opening": "dark",
    "session_day": "dark",
    "session": "dark",
    "reception_day": "success",
    "giao_ban": "warning",
}


def label(kind: str) -> str:
    return str(LABELS.get(kind, kind))


def choices() -> list[tuple[str, str]]:
    return [(k, str(v)) for k, v in LABELS.items()]
