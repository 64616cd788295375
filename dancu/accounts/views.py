from __future__ import annotations

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from dancu.core.errors import ApplicationError, ValidationFailed
from dancu.core.forms import form_status, submit

from . import services
from .forms import LoginForm, PasswordChangeForm, TokenForm, TotpConfirmForm
from .models import ApiToken


def login_view(request):
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    form = LoginForm(request.POST or None)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request, username=form.cleaned_data["username"], password=form.cleaned_data["password"]
        )
        if getattr(request, "axes_locked_out", False):
            return render(request, "accounts/locked_out.html", status=429)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first() if user is not None else None
        token = form.cleaned_data["otp_token"].strip()
        code_ok = device is None or (token.isdigit() and device.verify_token(token))
        if user is None or not code_ok:
            # One message for a wrong password and a wrong or missing code, so that a guess
            # never learns the password was right; the failed code counts toward the lockout.
            form.add_error(None, _("Wrong user name, password or code."))
            if user is not None:
                user_login_failed.send(
                    sender=__name__, credentials={"username": form.cleaned_data["username"]}, request=request
                )
                if getattr(request, "axes_locked_out", False):
                    return render(request, "accounts/locked_out.html", status=429)
        else:
            login(request, user)
            if device is not None:
                otp_login(request, device)
            if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
                next_url = ""
            return redirect(next_url or "web:dashboard")
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect("accounts:login")


@login_required
def profile(request):
    context = {
        "tokens": ApiToken.objects.filter(user=request.user),
        "roles": request.user.roles.select_related("body", "body__province"),
        "token_form": TokenForm(),
        "has_totp": services.user_has_totp(request.user),
        "new_key": request.session.pop("new_api_key", None),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def token_create(request):
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            _token, key = services.api_token_create(
                actor=request.user, name=form.cleaned_data["name"], days_valid=form.cleaned_data["days_valid"]
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            # Shown once, on the next page, then gone from the session.
            request.session["new_api_key"] = key
    else:
        messages.error(request, _("Check the token name and validity."))
    return redirect("accounts:profile")


@login_required
@require_POST
def token_revoke(request, token_id: int):
    try:
        services.api_token_revoke(actor=request.user, token_id=token_id)
        messages.success(request, _("The token was revoked."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("accounts:profile")


def _qr_svg_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_required
def totp_setup(request):
    if request.method == "POST":
        form = TotpConfirmForm(request.POST)
        if form.is_valid():
            try:
                device = services.totp_confirm(actor=request.user, token=form.cleaned_data["token"])
            except ApplicationError as exc:
                form.add_error("token", exc.message)
            else:
                otp_login(request, device)  # this session has just proved the device
                messages.success(request, _("Two-step sign-in is on."))
                return redirect("accounts:profile")
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False).order_by("-id").first()
        if device is None:
            return redirect("accounts:totp_setup")
    else:
        form = TotpConfirmForm()
        device = services.totp_start(actor=request.user)
    secret = base64.b32encode(device.bin_key).decode()
    context = {"form": form, "secret": secret, "qr": _qr_svg_data_uri(device.config_url)}
    return render(request, "accounts/totp_setup.html", context)


@login_required
@require_POST
def totp_disable(request):
    """Turning two-step sign-in off needs a current code: a stolen session alone cannot."""
    form = TotpConfirmForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationFailed(_("Enter the current code from your authenticator app."), code="otp_required")
        services.totp_disable(actor=request.user, token=form.cleaned_data["token"])
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.info(request, _("Two-step sign-in is off."))
    return redirect("accounts:profile")


@login_required
@require_http_methods(["GET", "POST"])
def password_change(request):
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = submit(
            form,
            services.password_change,
            actor=request.user,
            old_password=form.cleaned_data["old_password"],
            new_password=form.cleaned_data["new_password"],
        )
        if done:
            update_session_auth_hash(request, request.user)  # stay signed in here, out elsewhere
            messages.success(request, _("Your password was changed."))
            return redirect("accounts:profile")
    return render(request, "accounts/password_change.html", {"form": form}, status=form_status(form))
