from dancu.core.access import get_access
from dancu.core.navigation import menu_for


def navigation(request):
    access = get_access(getattr(request, "user", None))
    return {"access": access, "menu": menu_for(access) if access.is_authenticated else []}
