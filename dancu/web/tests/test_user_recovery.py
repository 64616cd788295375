"""An Office administrator can help a user who is locked out or lost their password, only in
their own province, audited (audit finding 17); e-mail addresses are validated."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dancu.accounts.models import User
from dancu.accounts.tests.factories import PASSWORD
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db
LOGIN = "/tai-khoan/dang-nhap/"


def test_new_password_is_shown_once_and_works(client, office_admin, make_user, office):
    specialist = make_user("specialist", office)
    client.force_login(office_admin)
    response = client.post(reverse("web:password_reset", args=[specialist.pk]))
    assert response.status_code == 302
    page = client.get(reverse("web:user_list")).content.decode()
    password = page.split('id="new-password">')[1].split("<")[0]
    assert password and password not in client.get(reverse("web:user_list")).content.decode()
    specialist.refresh_from_db()
    assert specialist.check_password(password) and not specialist.check_password(PASSWORD)
    assert AuditEntry.objects.filter(action="accounts.password.reset", target_id=str(specialist.pk)).exists()


def test_unlock_lifts_the_lockout(client, office_admin, make_user, office, settings):
    specialist = make_user("specialist", office)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": specialist.username, "password": "sai"})
    assert client.post(LOGIN, {"username": specialist.username, "password": PASSWORD}).status_code in (
        403,
        429,
    )
    client.force_login(office_admin)
    client.post(reverse("web:lockout_clear", args=[specialist.pk]))
    client.logout()
    assert client.post(LOGIN, {"username": specialist.username, "password": PASSWORD}).status_code == 302
    assert AuditEntry.objects.filter(action="accounts.lockout.clear").exists()


def test_not_for_users_of_another_province(client, office_admin, make_user, other_office):
    stranger = make_user("specialist", other_office)
    client.force_login(office_admin)
    audits = AuditEntry.objects.count()
    client.post(reverse("web:password_reset", args=[stranger.pk]))
    client.post(reverse("web:lockout_clear", args=[stranger.pk]))
    stranger.refresh_from_db()
    assert stranger.check_password(PASSWORD) and AuditEntry.objects.count() == audits


def test_email_is_validated(client, office_admin, office):
    client.force_login(office_admin)
    client.post(
        reverse("web:user_create"),
        {
            "username": "moi",
            "full_name": "Người Mới",
            "email": "khong-phai-email",
            "body": office.pk,
            "role": "viewer",
        },
    )
    assert not User.objects.filter(username="moi").exists()
