"""The draft's page shows who leads (chủ trì) and who coordinates (phối hợp) law consultation
under the coordination regulation in force (`coordination.roles_for`, the real provider)."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.urls import reverse

from .factories import make_draft, make_world

pytestmark = pytest.mark.django_db


def test_the_draft_page_shows_lead_and_coordinators(province, office, make_user, settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path
    admin = make_user("office_admin", office)
    w = make_world(province, admin)
    draft = make_draft(admin, province)
    client.force_login(admin)
    url = reverse("consultations:draft_detail", args=[draft.pk])
    assert "data-lead" not in client.get(url).content.decode()  # no regulation: nothing shown
    Regulation = apps.get_model("coordination", "Regulation")  # never imported across modules
    RegulationArea = apps.get_model("coordination", "RegulationArea")
    today = datetime.date.today()
    reg = Regulation.objects.create(
        province=province, number="379/QCPH", signed_on=today - datetime.timedelta(days=400),
        title="Quy chế phối hợp", valid_from=today - datetime.timedelta(days=400),
    )
    reg.parties.set([w["delegation"], w["front"]])
    area = RegulationArea.objects.create(regulation=reg, area="consultation")
    area.lead.set([w["delegation"]])
    area.coordinate.set([w["front"], w["justice"]])
    page = client.get(url).content.decode()
    assert "Chủ trì" in page and "Phối hợp" in page
    assert "Đoàn đại biểu Quốc hội tỉnh 42" in page.split("data-lead>")[1].split("</dd>")[0]
    coordinators = page.split("data-coordinators>")[1].split("</dd>")[0]
    assert "Ủy ban MTTQ Việt Nam tỉnh 42" in coordinators and "Sở Tư pháp 42" in coordinators
