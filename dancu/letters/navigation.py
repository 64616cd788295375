from django.utils.translation import gettext_lazy as _

from dancu.core.navigation import MenuItem

NAV_ITEMS = [
    MenuItem(_("Letter register"), "letters:register", "envelope-paper", "letters.view"),
    MenuItem(_("Letters forwarded to us"), "letters:register", "inbox", "letters.respond"),
    MenuItem(_("Receive a letter"), "letters:letter_create", "envelope-plus", "letters.handle"),
    MenuItem(_("Reception days"), "letters:reception_days", "calendar-event", "letters.view"),
    MenuItem(_("Import a letter register"), "letters:import_page", "file-earmark-excel", "letters.import"),
    MenuItem(_("Destruction list"), "letters:destruction_list", "trash", "letters.approve_destruction"),
    MenuItem(_("Letter statistics"), "letters:statistics", "bar-chart", "letters.view"),
]
