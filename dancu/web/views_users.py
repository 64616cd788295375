"""Users and roles of the provinces an Office administrator manages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dancu.accounts import services
from dancu.accounts.models import RoleAssignment, User
from dancu.accounts.roles import Perm, Role
from dancu.core.access import get_access
from dancu.core.errors import ApplicationError, NotFound
from dancu.core.htmx import clean_query, paginate, render_list

from . import selectors_users as selectors


def _managed_body(request, body_id: str | None):
    value = body_id or ""
    body = selectors.managed_bodies(request.user).filter(pk=int(value)).first() if value.isdigit() else None
    if body is None:
        raise NotFound(_("Choose a body of your province."))
    return body


@login_required
def user_list(request):
    get_access(request.user).require(Perm.ACCOUNTS_MANAGE)
    context = {
        "page": paginate(request, selectors.managed_users(request.user, query=clean_query(request))),
        "bodies": selectors.managed_bodies(request.user),
        "roles": Role.choices,
        "new_password": request.session.pop("new_user_password", None),
    }
    return render_list(request, "web/user_list.html", "web/_user_rows.html", context)


@login_required
@require_POST
def user_create(request):
    try:
        user, password = services.user_create(
            actor=request.user,
            username=request.POST.get("username", ""),
            full_name=request.POST.get("full_name", ""),
            email=request.POST.get("email", ""),
            body=_managed_body(request, request.POST.get("body")),
            role=request.POST.get("role", ""),
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        # Shown once on the next page, for the administrator to hand over.
        request.session["new_user_password"] = {"username": user.username, "password": password}
    return redirect("web:user_list")


@login_required
@require_POST
def role_assign(request, user_id: int):
    user = selectors.managed_users(request.user).filter(pk=user_id).first() or User.objects.none().first()
    try:
        if user is None:
            raise NotFound(_("This user is not in your province."))
        services.role_assign(
            actor=request.user,
            user=user,
            body=_managed_body(request, request.POST.get("body")),
            role=request.POST.get("role", ""),
        )
        messages.success(request, _("The role was given."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("web:user_list")


@login_required
@require_POST
def role_revoke(request, assignment_id: int):
    assignment = (
        RoleAssignment.objects.select_related("body", "body__province", "user")
        .filter(pk=assignment_id, body__in=selectors.managed_bodies(request.user))
        .first()
    )
    try:
        if assignment is None:
            raise NotFound(_("This role does not exist or you may not change it."))
        services.role_revoke(actor=request.user, assignment=assignment)
        messages.success(request, _("The role was taken away."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("web:user_list")


def _managed_user(request, user_id: int) -> User:
    user = selectors.managed_users(request.user).filter(pk=user_id).first()
    if user is None:
        raise NotFound(_("This user is not in your province."), code="user_not_found")
    return user


@login_required
@require_POST
def password_reset(request, user_id: int):
    """A new first password for a user who lost theirs, shown once to the administrator."""
    try:
        user = _managed_user(request, user_id)
        password = services.password_reset(actor=request.user, user=user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        request.session["new_user_password"] = {"username": user.username, "password": password}
    return redirect("web:user_list")


@login_required
@require_POST
def lockout_clear(request, user_id: int):
    try:
        user = _managed_user(request, user_id)
        services.lockout_clear(actor=request.user, user=user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("%(name)s can sign in again.") % {"name": user.username})
    return redirect("web:user_list")
