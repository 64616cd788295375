from django.utils.safestring import mark_safe

from dancu.core.access import get_access
from dancu.core.navigation import menu_for, menu_html


def navigation(request):
    access = get_access(getattr(request, "user", None))
    menu = menu_for(access) if access.is_authenticated else []

    def html() -> str:  # called by the template only where it draws the top bar
        return mark_safe(menu_html(menu, request.path))  # noqa: S308 - escaped by menu_html

    return {"access": access, "menu": menu, "menu_html": html}
