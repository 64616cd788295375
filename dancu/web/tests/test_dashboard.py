"""The dashboard groups the modules' cards by what they are for, and one module whose data is
not set up does not take the page down."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dancu.core.errors import NotFound
from dancu.core.modules import ModuleManifest

pytestmark = pytest.mark.django_db


def test_cards_are_grouped_and_a_refusing_module_is_left_out(client, office_admin, monkeypatch):
    from dancu.web import views

    def good(user):
        return [
            {"label": "Đơn quá hạn", "value": 3, "url": "/don-thu/", "group": "due"},
            {"label": "Số kỳ họp", "value": 2, "url": "/ky-hop/"},
        ]

    def broken(user):
        raise NotFound("Chưa có quy định.")

    monkeypatch.setattr(
        views, "hooks", lambda name: [(ModuleManifest("a"), good), (ModuleManifest("b"), broken)]
    )
    client.force_login(office_admin)
    response = client.get(reverse("web:dashboard"))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index('data-section="due"') < body.index('data-section="figures"')
    assert "Đơn quá hạn" in body and "Số kỳ họp" in body and 'data-card="a"' in body
    assert 'data-card="b"' not in body
