from django.utils.translation import gettext_lazy as _

from dancu.core.navigation import MenuItem

NAV_ITEMS = [
    MenuItem(_("Voter meetings"), "petitions:round_list", "people", "petitions.view"),
    MenuItem(_("Voter petitions"), "petitions:petition_list", "chat-square-text", "petitions.view"),
    MenuItem(_("Petitions dashboard"), "petitions:dashboard", "bar-chart", "petitions.view"),
    MenuItem(_("Petitions to answer"), "petitions:agency_inbox", "reply", "petitions.answer"),
]
