"""Two-step sign-in cannot be bypassed (audit findings 2 and 13): not through the admin site's
login, not with a session made with the password alone, not by turning it off without a code;
a wrong code says no more than a wrong password and counts toward the lockout; where required,
leaders and administrators must set it up before anything else."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from dancu.accounts.tests.factories import PASSWORD
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db
LOGIN = "/tai-khoan/dang-nhap/"


def code(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def wrong(device) -> str:
    return "000000" if code(device) != "000000" else "111111"


@pytest.fixture
def admin_with_totp(make_user):
    user = make_user(is_national_admin=True, is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user, device


def test_the_admin_site_has_no_password_only_login(client, admin_with_totp):
    user, _device = admin_with_totp
    response = client.post("/quan-tri/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    assert client.get("/quan-tri/").status_code == 302
    assert client.get("/api/v1/me").status_code == 401


def test_a_password_only_session_is_signed_out_everywhere(client, admin_with_totp):
    user, _device = admin_with_totp
    client.force_login(user)  # what any login path that forgot the code would produce
    response = client.get(reverse("web:dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    client.force_login(user)
    assert client.get("/api/v1/me").status_code == 401
    client.force_login(user)
    assert client.get("/quan-tri/").status_code == 302


def test_with_the_code_admin_and_pages_work(client, admin_with_totp):
    user, device = admin_with_totp
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD, "otp_token": code(device), "next": "/quan-tri/"})
    assert response.status_code == 302 and response["Location"] == "/quan-tri/"
    assert client.get("/quan-tri/").status_code == 200
    assert client.get("/api/v1/me").status_code == 200


def test_turning_it_off_needs_a_current_code(client, admin_with_totp):
    user, device = admin_with_totp
    client.post(LOGIN, {"username": user.username, "password": PASSWORD, "otp_token": code(device)})
    client.post(reverse("accounts:totp_disable"))
    client.post(reverse("accounts:totp_disable"), {"token": wrong(device)})
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    device.refresh_from_db()
    device.last_t = -1  # the login used this time step's code
    device.save()
    client.post(reverse("accounts:totp_disable"), {"token": code(device)})
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert AuditEntry.objects.filter(action="accounts.totp.disable").exists()


def test_a_wrong_code_says_no_more_than_a_wrong_password_and_counts(client, admin_with_totp, settings):
    user, device = admin_with_totp
    wrong_password = client.post(LOGIN, {"username": user.username, "password": "sai-mat-khau"}).content.decode()
    right_password = client.post(LOGIN, {"username": user.username, "password": PASSWORD, "otp_token": wrong(device)})
    body = right_password.content.decode()
    assert "6 chữ số" not in body and "6-digit" not in body
    message = "Sai tên đăng nhập, mật khẩu hoặc mã xác thực"
    assert message in body and message in wrong_password
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": user.username, "password": PASSWORD, "otp_token": wrong(device)})
    locked = client.post(LOGIN, {"username": user.username, "password": PASSWORD, "otp_token": code(device)})
    assert locked.status_code in (403, 429) and "_auth_user_id" not in client.session


def test_required_roles_must_set_it_up_first(client, office_admin, make_user, office, settings):
    settings.DANCU_REQUIRE_TOTP = True
    client.force_login(office_admin)
    response = client.get(reverse("web:dashboard"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:totp_setup")
    assert client.get(reverse("accounts:totp_setup")).status_code == 200
    viewer = make_user("viewer", office)
    client.force_login(viewer)
    assert client.get(reverse("web:dashboard")).status_code == 200  # not a role that must


def test_enrolling_keeps_the_session_verified(client, office_admin):
    client.force_login(office_admin)
    client.get(reverse("accounts:totp_setup"))
    device = TOTPDevice.objects.get(user=office_admin, confirmed=False)
    assert client.post(reverse("accounts:totp_setup"), {"token": code(device)}).status_code == 302
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_a_user_changes_the_issued_password(client, office_admin):
    client.force_login(office_admin)
    url = reverse("accounts:password_change")
    response = client.post(url, {"old_password": "sai", "new_password": "Hoa-sen-2027!", "new_password2": "Hoa-sen-2027!"})
    assert response.status_code == 400 and "Hoa-sen" not in response.content.decode()
    assert "is-invalid" in response.content.decode()
    response = client.post(url, {"old_password": PASSWORD, "new_password": "123", "new_password2": "123"})
    assert response.status_code == 400
    response = client.post(url, {"old_password": PASSWORD, "new_password": "Hoa-sen-2027!", "new_password2": "Hoa-sen-2027!"})
    assert response.status_code == 302
    office_admin.refresh_from_db()
    assert office_admin.check_password("Hoa-sen-2027!")
    assert client.get(reverse("web:dashboard")).status_code == 200  # still signed in here
    assert AuditEntry.objects.filter(action="accounts.password.change").exists()


def test_a_verified_session_is_not_asked_again_for_its_device(client, admin_with_totp):
    """django-otp reads the proved device from the session; the middleware does not look for
    the user's devices a second time. A device removed meanwhile is looked for again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user, device = admin_with_totp
    client.post(LOGIN, {"username": user.username, "password": PASSWORD, "otp_token": code(device)})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("web:dashboard")).status_code == 200
    device_sql = [q["sql"] for q in queries.captured_queries if "otp_totp_totpdevice" in q["sql"]]
    assert len(device_sql) == 1 and '"confirmed"' not in device_sql[0].split("WHERE", 1)[-1]
    device.delete()
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("web:dashboard"))
    device_sql = [q["sql"] for q in queries.captured_queries if "otp_totp_totpdevice" in q["sql"]]
    assert any('"confirmed"' in sql for sql in device_sql)  # the user's devices looked for again
