import pytest
from django.urls import reverse
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from dancu.accounts.tests.factories import PASSWORD
from dancu.core.access import get_access
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db
LOGIN = "/tai-khoan/dang-nhap/"


def test_login_page_is_vietnamese(client):
    body = client.get(LOGIN).content.decode()
    assert "Đăng nhập" in body and "Mật khẩu" in body


def test_login_and_wrong_password(client, office_admin):
    response = client.post(LOGIN, {"username": office_admin.username, "password": "sai"})
    assert response.status_code == 200
    assert "Sai tên đăng nhập, mật khẩu hoặc mã xác thực" in response.content.decode()
    response = client.post(LOGIN, {"username": office_admin.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("web:dashboard")


def test_open_redirect_is_refused(client, office_admin):
    response = client.post(LOGIN, {"username": office_admin.username, "password": PASSWORD, "next": "https://evil.example/"})
    assert response["Location"] == reverse("web:dashboard")


def test_lockout_after_repeated_failures(client, office_admin, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": office_admin.username, "password": "sai"})
    response = client.post(LOGIN, {"username": office_admin.username, "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert "Tài khoản bị tạm khóa" in response.content.decode()


def _code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_totp_enrolment_and_login(client, office_admin):
    client.force_login(office_admin)
    assert client.get("/tai-khoan/xac-thuc-hai-buoc/").status_code == 200
    device = TOTPDevice.objects.get(user=office_admin, confirmed=False)
    response = client.post("/tai-khoan/xac-thuc-hai-buoc/", {"token": "000000" if _code(device) != "000000" else "111111"})
    assert response.status_code == 200 and not TOTPDevice.objects.filter(confirmed=True).exists()
    response = client.post("/tai-khoan/xac-thuc-hai-buoc/", {"token": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="accounts.totp.enable").exists()
    client.logout()
    # Without the code: refused. With it: signed in.
    response = client.post(LOGIN, {"username": office_admin.username, "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    response = client.post(LOGIN, {"username": office_admin.username, "password": PASSWORD, "otp_token": _code(device)})
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_access_scopes(office_admin, make_user, office, other_office):
    access = get_access(office_admin)
    assert access.has("directory.change", office.province_id)
    assert not access.has("directory.change", other_office.province_id)
    viewer = make_user("viewer", office)
    assert not get_access(viewer).has("directory.change")
    assert get_access(viewer).has("directory.view", office.province_id)


def test_messages_translated():
    with translation.override("vi"):
        from django.utils.translation import gettext

        assert gettext("Dashboard") == "Bảng điều khiển"
