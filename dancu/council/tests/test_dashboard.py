import pytest

pytestmark = pytest.mark.django_db


def test_dashboard_shows_council_figures_in_scope(client, office_admin, make_user, other_office):
    client.force_login(office_admin)
    body = client.get("/").content.decode()
    assert "Kỳ họp đang chuẩn bị hoặc đang họp" in body
    stranger = make_user("office_admin", other_office)
    client.force_login(stranger)
    assert client.get("/").status_code == 200


def test_dashboard_has_no_module_cards_without_role(client, make_user):
    client.force_login(make_user())
    body = client.get("/").content.decode()
    assert "Kỳ họp đang chuẩn bị" not in body
