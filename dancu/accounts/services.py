"""Writes about accounts: API tokens, second factor, roles. Each audited in its transaction."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from dancu.core.access import get_access
from dancu.core.audit import audit_record
from dancu.core.errors import NotFound, PermissionDenied, ValidationFailed

from .models import ApiToken, RoleAssignment, User
from .roles import Perm, Role

MAX_ACTIVE_TOKENS = 10


@transaction.atomic
def api_token_create(*, actor: User, name: str, days_valid: int | None = 365) -> tuple[ApiToken, str]:
    """Create a token for the actor; the clear key is returned once and never stored."""
    name = " ".join((name or "").split())[:100]
    if not name:
        raise ValidationFailed(_("Give the token a name."))
    active = ApiToken.objects.filter(user=actor, revoked_at__isnull=True).count()
    if active >= MAX_ACTIVE_TOKENS:
        raise ValidationFailed(_("You already have %(n)d active tokens; revoke one first.") % {"n": active})
    key = ApiToken.generate_key()
    token = ApiToken.objects.create(
        user=actor,
        name=name,
        prefix=key[3 : 3 + ApiToken.PREFIX_LENGTH],
        key_hash=ApiToken.hash_key(key),
        expires_at=timezone.now() + datetime.timedelta(days=days_valid) if days_valid else None,
    )
    audit_record(actor=actor, action="accounts.token.create", target=token, summary=name)
    return token, key


@transaction.atomic
def api_token_revoke(*, actor: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=actor).first()
    if token is None:
        raise NotFound(_("Token not found."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="accounts.token.revoke", target=token, summary=token.name)
    return token


def api_token_authenticate(key: str) -> User | None:
    """The active user owning `key`, or None. Constant work per call: one indexed lookup."""
    if not key or len(key) > 100:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(key)).first()
    if token is None or not token.is_active or not token.user.is_active:
        return None
    now = timezone.now()
    # Record use at most once a minute, to keep reads from turning into writes.
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def totp_start(*, actor: User) -> TOTPDevice:
    """A new unconfirmed TOTP device; it counts only after `totp_confirm`."""
    TOTPDevice.objects.filter(user=actor, confirmed=False).delete()
    return TOTPDevice.objects.create(user=actor, name=_("Authenticator app"), confirmed=False)


@transaction.atomic
def totp_confirm(*, actor: User, token: str) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=actor, confirmed=False).order_by("-id").first()
    if device is None:
        raise NotFound(_("Start the set-up again."))
    if not token or not token.strip().isdigit() or not device.verify_token(token.strip()):
        raise ValidationFailed(_("The code is not correct. Check the time on your phone and try again."))
    TOTPDevice.objects.filter(user=actor, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(actor=actor, action="accounts.totp.enable", target=actor, summary=actor.username)
    return device


@transaction.atomic
def totp_disable(*, actor: User, token: str) -> None:
    """Turn two-step sign-in off; needs a current code from the device being removed."""
    device = TOTPDevice.objects.filter(user=actor, confirmed=True).first()
    if device is None:
        return
    token = (token or "").strip()
    if not (token.isdigit() and device.verify_token(token)):
        raise ValidationFailed(
            _("The code is not correct. Check the time on your phone and try again."),
            code="otp_wrong",
            details={"field": "token"},
        )
    TOTPDevice.objects.filter(user=actor).delete()
    audit_record(actor=actor, action="accounts.totp.disable", target=actor, summary=actor.username)


@transaction.atomic
def password_change(*, actor: User, old_password: str, new_password: str) -> User:
    """A user replaces their password (the first one an administrator issued, or any)."""
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    if not actor.check_password(old_password):
        raise ValidationFailed(
            _("The current password is not correct."), code="password_wrong", details={"field": "old_password"}
        )
    try:
        validate_password(new_password, user=actor)
    except ValidationError as exc:
        raise ValidationFailed(" ".join(exc.messages), code="password_weak", details={"field": "new_password"}) from exc
    actor.set_password(new_password)
    actor.save(update_fields=["password"])
    audit_record(actor=actor, action="accounts.password.change", target=actor, summary=actor.username)
    return actor


def _require_manages(actor: User, user: User) -> str:
    """The province code where `actor` manages `user` (holds ACCOUNTS_MANAGE where the user has
    a role); refuses otherwise, without saying whether the user exists."""
    access = get_access(actor)
    for province_id, code in user.roles.values_list("body__province_id", "body__province__code"):
        if access.has(Perm.ACCOUNTS_MANAGE, province_id):
            return code
    if access.is_national_admin:
        return ""
    raise NotFound(_("This user is not in your province."), code="user_not_found")


@transaction.atomic
def password_reset(*, actor: User, user: User) -> str:
    """An Office administrator issues a new random password (shown once); the user's other
    sessions end, and a lockout on the account is lifted."""
    import secrets

    province_code = _require_manages(actor, user)
    if user.pk == actor.pk:
        raise PermissionDenied(_("Change your own password under My account."), code="own_account")
    password = secrets.token_urlsafe(9)
    user.set_password(password)
    user.save(update_fields=["password"])
    _clear_lockout(user)
    audit_record(
        actor=actor, action="accounts.password.reset", target=user, province_code=province_code, summary=user.username
    )
    return password


def _clear_lockout(user: User) -> int:
    from axes.utils import reset

    return int(reset(username=user.username) or 0)


@transaction.atomic
def lockout_clear(*, actor: User, user: User) -> int:
    """Lift the sign-in lockout of a user (the lockout page tells them to ask for this)."""
    province_code = _require_manages(actor, user)
    cleared = _clear_lockout(user)
    audit_record(
        actor=actor,
        action="accounts.lockout.clear",
        target=user,
        province_code=province_code,
        summary=f"{user.username}: {cleared}",
    )
    return cleared


def user_has_totp(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def role_assign(*, actor: User, user: User, body, role: str) -> RoleAssignment:
    """An Office administrator gives a role in a body of their province."""
    get_access(actor).require(Perm.ACCOUNTS_MANAGE, body.province_id)
    if role not in Role.values:
        raise ValidationFailed(_("Unknown role."))
    if user.pk == actor.pk and not actor.is_national_admin:
        raise PermissionDenied(_("You cannot change your own roles."))
    assignment, created = RoleAssignment.objects.get_or_create(user=user, body=body, role=role)
    if created:
        audit_record(
            actor=actor,
            action="accounts.role.assign",
            target=assignment,
            province_code=body.province.code,
            summary=str(assignment),
        )
    return assignment


@transaction.atomic
def role_revoke(*, actor: User, assignment: RoleAssignment) -> None:
    get_access(actor).require(Perm.ACCOUNTS_MANAGE, assignment.body.province_id)
    summary = str(assignment)
    province_code = assignment.body.province.code
    target_id = assignment.pk
    assignment.delete()
    audit_record(
        actor=actor,
        action="accounts.role.revoke",
        target_type="accounts.roleassignment",
        target_id=str(target_id),
        province_code=province_code,
        summary=summary,
    )


@transaction.atomic
def user_create(*, actor: User, username: str, full_name: str, email: str = "", body, role: str) -> tuple[User, str]:
    """An Office administrator creates an account with a first role in a body of their province.

    Returns the user and a random first password, shown once to the administrator.
    """
    import secrets

    get_access(actor).require(Perm.ACCOUNTS_MANAGE, body.province_id)
    username = (username or "").strip().lower()
    if not username or len(username) > 150 or not all(c.isalnum() or c in "._-" for c in username):
        raise ValidationFailed(_("A user name uses letters without diacritics, digits, dots, dashes or underscores."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationFailed(_("The user name %(name)s is taken.") % {"name": username})
    if role not in Role.values:
        raise ValidationFailed(_("Unknown role."))
    email = (email or "").strip()
    if email:
        from django.core.exceptions import ValidationError
        from django.core.validators import validate_email

        try:
            validate_email(email)
        except ValidationError as exc:
            raise ValidationFailed(
                _("The e-mail address is not valid."), code="email_invalid", details={"field": "email"}
            ) from exc
    password = secrets.token_urlsafe(9)
    user = User(username=username, full_name=" ".join((full_name or "").split())[:200], email=email)
    user.set_password(password)
    user.save()
    assignment = RoleAssignment.objects.create(user=user, body=body, role=role)
    audit_record(
        actor=actor,
        action="accounts.user.create",
        target=user,
        province_code=body.province.code,
        summary=f"{user.username} · {assignment}",
    )
    return user, password
