"""The public portal home links the public pages of every module (issue 11, item 5); public
pages' logo leads there, not to the staff sign-in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dancu.core.modules import manifests

pytestmark = pytest.mark.django_db


def test_portal_home_lists_every_modules_public_links(client):
    response = client.get("/cong-khai/")
    assert response.status_code == 200
    body = response.content.decode()
    links = [link for m in manifests() for link in m.public_links]
    assert links, "the modules declare public links"
    for link in links:
        assert f'href="{link.url}"' in body
    assert reverse("accounts:login") in body


def test_logo_of_public_pages_leads_to_the_portal(client, office_admin):
    home = reverse("web:public_home")
    assert f'class="navbar-brand fw-semibold" href="{home}"' in client.get(home).content.decode()
    client.force_login(office_admin)
    assert f'class="navbar-brand fw-semibold" href="{home}"' in client.get(home).content.decode()
    dashboard = client.get(reverse("web:dashboard")).content.decode()
    assert f'class="navbar-brand fw-semibold" href="{reverse("web:dashboard")}"' in dashboard
