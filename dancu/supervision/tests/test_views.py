"""Pages: a refused form keeps the input (400), bad query parameters are a clear 400, and the
coordination screen resolves a pair through its form."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from dancu.core.models import AuditEntry
from dancu.supervision.models import Activity, Coordination
from dancu.supervision.tests.factories import YEAR, make_programme, planted_overlap

pytestmark = pytest.mark.django_db


def _vi(msgid: str) -> str:
    """A message as the page shows it (the site speaks only Vietnamese)."""
    from django.utils import translation

    with translation.override("vi"):
        return translation.gettext(msgid)


def test_bad_activity_input_keeps_what_was_typed(client, w):
    p = make_programme(w["admin"], w["committee"])
    client.force_login(w["admin"])
    before = (Activity.objects.count(), AuditEntry.objects.count())
    with translation.override("en"):
        response = client.post(
            reverse("supervision:activity_create", args=[p.pk]),
            {
                "kind": "thematic",
                "topic": "Giám sát nước sạch",
                "planned_start": f"{YEAR}-05-10",
                "planned_end": f"{YEAR}-05-01",
            },
        )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Giám sát nước sạch" in body and _vi("The end date must not be before the start date.") in body
    assert (Activity.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.parametrize("query", ["?year=abc", "?year=1800", "?year=99999999999999999999"])
def test_bad_year_is_a_400(client, w, query):
    client.force_login(w["viewer"])
    for name in ("supervision:coordination", "supervision:figures", "supervision:programme_list"):
        assert client.get(reverse(name) + query).status_code in (400, 422), name


def test_bad_recommendation_filter_is_a_400(client, w):
    client.force_login(w["viewer"])
    assert client.get(reverse("supervision:recommendation_list") + "?agency=x").status_code == 400
    assert client.get(reverse("api:list_supervision_recommendations") + "?year=1").status_code == 422


def test_coordination_screen_merges_a_pair(client, w):
    _s, _c, broad, narrow, _o = planted_overlap(w["admin"], w)
    client.force_login(w["admin"])
    page = client.get(reverse("supervision:coordination") + f"?year={YEAR}").content.decode()
    assert f'data-overlap="{broad.pk}-{narrow.pk}"' in page
    response = client.post(
        reverse("supervision:coordination_resolve"),
        {"first": broad.pk, "second": narrow.pk, "decision": "merge", "target": "second"},
    )
    assert response.status_code == 302
    assert Coordination.objects.get().decision == "merge"
    # keep without a reason: refused on the screen, 400, nothing written
    other = Coordination.objects.count()
    response = client.post(
        reverse("supervision:coordination_resolve"),
        {"first": broad.pk, "second": narrow.pk, "decision": "keep"},
    )
    assert response.status_code == 400 and Coordination.objects.count() == other
