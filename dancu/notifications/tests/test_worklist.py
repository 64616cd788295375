""" "Việc của tôi": every manifest's work items for the user, overdue first, then this week, then
later, with filters and counts; a failing hook is skipped, logged and named on the page."""

from __future__ import annotations

import datetime
import logging

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from dancu.core.events import WorkItem
from dancu.notifications import worklist

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 12, 7)


def _item(title, due, kind="letter_deadline", **kw):
    return WorkItem(module="toy_work", kind=kind, title=title, due=due, url=f"/toy/{title}/", **kw)


@pytest.fixture
def items(toy_modules, person):
    d = datetime.timedelta
    toy_modules[person.pk] = [
        _item("later", MONDAY + d(days=9)),
        _item("overdue-old", MONDAY - d(days=10), note="quá hạn: đôn đốc"),
        _item("sunday", MONDAY + d(days=6), kind="task", extra={"kind_label": "Nhiệm vụ"}),
        _item("today", MONDAY, kind="task", extra={"kind_label": "Nhiệm vụ"}),
        _item("undated", None),
        _item("overdue-new", MONDAY - d(days=1)),
    ]
    return toy_modules[person.pk]


def titles(work, key):
    return [row.item.title for g in work.groups if g.key == key for row in g.items]


def test_groups_overdue_first_then_this_week_then_later(items, person, caplog):
    with caplog.at_level(logging.ERROR, logger="dancu.notifications.worklist"):
        work = worklist.build(person, today=MONDAY)
    assert [g.key for g in work.groups] == ["overdue", "this_week", "later"]
    assert titles(work, "overdue") == ["overdue-old", "overdue-new"]
    assert titles(work, "this_week") == ["today", "sunday"]
    assert titles(work, "later") == ["later", "undated"]
    assert work.counts == {"overdue": 2, "this_week": 2, "later": 2} and work.total == 6
    assert ("toy_work", "toy_work", 6) in work.modules
    # A kind without a label is said generically, never as its code.
    generic = str(worklist.kind_label(WorkItem(module="m", kind="x", title="t", due=None, url="/")))
    assert generic != "x"
    assert work.kinds == [("letter_deadline", generic, 4), ("task", "Nhiệm vụ", 2)]
    # The failing module is skipped, named and logged; the rest is there.
    assert work.failed == ["toy_broken"]
    assert any("toy_broken" in r.getMessage() for r in caplog.records)


def test_filters_by_module_and_kind(items, person):
    work = worklist.build(person, module="toy_work", kind="task", today=MONDAY)
    assert work.total == 2 and titles(work, "this_week") == ["today", "sunday"]
    assert worklist.build(person, module="toy_broken", today=MONDAY).total == 0
    # Counts by module stay those before the filters (the filter's choices).
    assert ("toy_work", "toy_work", 6) in work.modules


def test_a_user_sees_only_their_items(items, person, make_user, office):
    other = make_user("specialist", office)
    assert worklist.build(other, today=MONDAY).total == 0


def test_the_page_shows_groups_counts_and_the_failed_module(items, person, client):
    client.force_login(person)
    with translation.override("en"):
        response = client.get(reverse("notifications:my_work"))
    assert response.status_code == 200
    body = response.content.decode()
    today = timezone.localdate()
    expected = worklist.build(person, today=today)
    assert f'data-count-overdue="{expected.counts["overdue"]}"' in body
    assert "data-failed" in body and "toy_broken" in body
    assert body.index("/toy/overdue-old/") < body.index("/toy/later/")
    assert 'data-module-count="toy_work"' in body
    filtered = client.get(
        reverse("notifications:my_work"), {"module": "toy_work", "kind": "task"}
    ).content.decode()
    assert "/toy/today/" in filtered and "/toy/later/" not in filtered


def test_bad_filters_are_a_400(items, person, client):
    client.force_login(person)
    url = reverse("notifications:my_work")
    assert client.get(url, {"module": "no_such_module"}).status_code == 400
    assert client.get(url, {"kind": "<script>"}).status_code == 400
    assert client.get(url, {"kind": "x" * 100}).status_code == 400


def test_nothing_due_says_so(toy_modules, person, client):
    client.force_login(person)
    response = client.get(reverse("notifications:my_work"), {"module": "toy_work"})
    assert response.status_code == 200
    assert "data-empty" in response.content.decode()
