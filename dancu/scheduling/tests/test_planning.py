"""Session planning backwards from the opening day (the Bình Phước 2020 example)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from dancu.scheduling import planning
from dancu.scheduling.models import MilestoneRule

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_binh_phuoc_calendar_is_counted_back(world, milestone_rules):
    """Opening 7/12/2020: reports by 10/11, summaries by 11/11, reviews by 24/11, the Standing
    Committee–delegate groups meeting on 27/11 (RULES-NEXT C, S37)."""
    found = {
        m.key: m for m in planning.milestones_for(D(2020, 12, 7), {"COMMITTEE": "Ban KT-NS"}, D(2020, 11, 1))
    }
    assert found["peoples_committee_reports"].due == D(2020, 11, 10)
    assert found["voter_meeting_summaries"].due == D(2020, 11, 11)
    assert found["committee_reviews"].due == D(2020, 11, 24)
    assert found["standing_delegate_meeting"].due == D(2020, 11, 27)
    assert found["committee_reviews"].owner == "Ban KT-NS"


def test_warnings_when_late_or_close(world, milestone_rules):
    opening = D(2026, 12, 20)
    by_key = {m.key: m for m in planning.milestones_for(opening, {}, D(2026, 11, 30))}
    assert by_key["peoples_committee_reports"].state == "late"  # due 23/11
    assert by_key["committee_reviews"].state == "soon"  # due 07/12
    assert all(m.state == "past" for m in planning.milestones_for(opening, {}, D(2026, 12, 21)))


def test_a_new_rule_row_applies_from_its_date(world, milestone_rules):
    MilestoneRule.objects.create(
        key="committee_reviews", label="x", offset_days=-15, owner_kind="COMMITTEE", valid_from=D(2026, 1, 1)
    )
    old = {m.key: m for m in planning.milestones_for(D(2025, 12, 7), {}, D(2025, 1, 1))}
    new = {m.key: m for m in planning.milestones_for(D(2026, 12, 7), {}, D(2026, 1, 1))}
    assert old["committee_reviews"].due == D(2025, 11, 24) and new["committee_reviews"].due == D(2026, 11, 22)


def test_the_page_shows_an_entered_opening_day(client, world, milestone_rules):
    client.force_login(world["admin"])
    opening = timezone.localdate() + datetime.timedelta(days=20)
    with translation.override("en"):
        response = client.get(reverse("scheduling:planning") + f"?opening={opening:%d/%m/%Y}")
    body = response.content.decode()
    assert response.status_code == 200 and 'data-milestone="committee_reviews"' in body
    assert (opening - datetime.timedelta(days=13)).strftime("%d/%m/%Y") in body
