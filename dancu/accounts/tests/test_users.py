import pytest

from dancu.accounts.models import RoleAssignment, User
from dancu.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_office_admin_creates_user_gives_and_takes_roles(client, office_admin, office):
    client.force_login(office_admin)
    response = client.post(
        "/tai-khoan/nguoi-dung/tao/",
        {"username": "Chuyenvien2", "full_name": "Phan Thị Mai", "body": office.pk, "role": "specialist"},
    )
    assert response.status_code == 302
    user = User.objects.get(username="chuyenvien2")
    page = client.get("/tai-khoan/nguoi-dung/").content.decode()
    assert "chuyenvien2" in page and 'id="new-password"' in page
    assert 'id="new-password"' not in client.get("/tai-khoan/nguoi-dung/").content.decode(), "shown once"
    assert AuditEntry.objects.filter(action="accounts.user.create", target_id=str(user.pk)).exists()

    client.post(f"/tai-khoan/nguoi-dung/{user.pk}/giao-quyen/", {"body": office.pk, "role": "viewer"})
    assert set(user.roles.values_list("role", flat=True)) == {"specialist", "viewer"}
    assignment = user.roles.get(role="viewer")
    client.post(f"/tai-khoan/vai-tro/{assignment.pk}/thu-hoi/")
    assert set(user.roles.values_list("role", flat=True)) == {"specialist"}
    assert AuditEntry.objects.filter(action="accounts.role.revoke").exists()


def test_bad_input_and_other_province_are_refused(client, office_admin, office, other_office, make_user):
    client.force_login(office_admin)
    before = User.objects.count()
    for data in (
        {"username": "có dấu", "body": office.pk, "role": "viewer"},
        {"username": office_admin.username, "body": office.pk, "role": "viewer"},
        {"username": "x1", "body": office.pk, "role": "king"},
        {"username": "x2", "body": other_office.pk, "role": "viewer"},
        {"username": "x3", "body": "abc", "role": "viewer"},
    ):
        assert client.post("/tai-khoan/nguoi-dung/tao/", data).status_code == 302
    assert User.objects.count() == before
    stranger = make_user("viewer", other_office)
    client.post(f"/tai-khoan/nguoi-dung/{stranger.pk}/giao-quyen/", {"body": office.pk, "role": "office_admin"})
    assert not RoleAssignment.objects.filter(user=stranger, body=office).exists()
    foreign_role = stranger.roles.get()
    client.post(f"/tai-khoan/vai-tro/{foreign_role.pk}/thu-hoi/")
    assert RoleAssignment.objects.filter(pk=foreign_role.pk).exists()
    assert stranger.username not in client.get("/tai-khoan/nguoi-dung/").content.decode()


def test_cannot_change_own_roles(client, office_admin, office):
    client.force_login(office_admin)
    client.post(f"/tai-khoan/nguoi-dung/{office_admin.pk}/giao-quyen/", {"body": office.pk, "role": "leader"})
    assert not office_admin.roles.filter(role="leader").exists()
