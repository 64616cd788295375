from django.utils.translation import gettext_lazy as _

from dancu.core.navigation import MenuItem

NAV_ITEMS = [
    MenuItem(_("Council sessions"), "council:session_list", "bank", "council.view"),
    MenuItem(_("Resolutions"), "council:resolution_list", "journal-text", "council.resolutions"),
    MenuItem(_("Questions and commitments"), "council:question_list", "question-circle", "council.view"),
    MenuItem(_("Standing Committee"), "council:meeting_list", "people-fill", "council.view"),
    MenuItem(_("Council figures"), "council:figures", "bar-chart", "council.view"),
]
