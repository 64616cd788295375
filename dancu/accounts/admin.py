from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import ApiToken, RoleAssignment, User


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ("body",)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Dân cử"), {"fields": ("full_name", "phone", "is_national_admin")}),
    )
    list_display = ("username", "full_name", "email", "is_national_admin", "is_active")
    inlines = [RoleInline]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("key_hash", "prefix")


def _admin_login(request, extra_context=None):
    """The admin site has no sign-in of its own: it uses the app's (password, the code where
    the user has a device, lockout), then comes back."""
    return redirect(f"{reverse('accounts:login')}?next={request.GET.get('next') or reverse('admin:index')}")


admin.site.login = _admin_login  # type: ignore[method-assign]
