"""Two-step sign-in enforced on every page, whatever door a session came through.

- A user who has an authenticator device must have proved it in this session
  (django-otp's `is_verified`); a session made with the password alone (an old session, a
  login path that forgot the code) is signed out and sent to the sign-in page.
- Where `settings.DANCU_REQUIRE_TOTP` is on (production), national administrators and the
  roles in `roles.ROLES_WITH_TOTP` (Office administrators, leaders) reach nothing but the
  set-up page until they have a device.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import ROLES_WITH_TOTP


def must_have_totp(user) -> bool:
    return bool(user.is_national_admin or user.roles.filter(role__in=ROLES_WITH_TOTP).exists())


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.path.startswith(settings.STATIC_URL):
            device = getattr(user, "otp_device", None)  # set by django-otp when proved this session
            if device is not None and getattr(device, "confirmed", False) and device.user_id == user.pk:
                has_device = True  # no query: the device was read from the session already
            else:
                has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            if has_device and not user.is_verified():
                logout(request)
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"error": {"code": "not_authenticated", "message": "Sign in with your code."}}, status=401
                    )
                return redirect(f"{reverse('accounts:login')}?next={request.path}")
            if (
                not has_device
                and getattr(settings, "DANCU_REQUIRE_TOTP", False)
                and request.path not in {reverse("accounts:totp_setup"), reverse("accounts:logout")}
                and not request.path.startswith("/api/")
                and must_have_totp(user)
            ):
                return redirect("accounts:totp_setup")
        return self.get_response(request)
