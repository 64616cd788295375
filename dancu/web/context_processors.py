from django.utils.safestring import mark_safe

from dancu.core.access import get_access
from dancu.core.navigation import menu_for, menu_html


def navigation(request):
    access = get_access(getattr(request, "user", None))

    def html() -> str:
        # Called by the template only where it draws the top bar: a partial (htmx rows, the
        # bell) builds no menu at all.
        if not access.is_authenticated:
            return ""
        return mark_safe(menu_html(menu_for(access), request.path))  # noqa: S308 - escaped by menu_html

    return {"access": access, "menu_html": html}
