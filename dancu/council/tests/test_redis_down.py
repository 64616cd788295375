"""Issue 10, finding 7: with Redis down (the cache at a port where nothing listens) the council's
list pages, figures, public lists and API answer from the database, and a session is written
(audited, its data version bump dropped without an error). Real client, dead port, as
`tests/test_redis_down.py`."""

from __future__ import annotations

import socket
import time

import pytest
from django.urls import reverse

from dancu.core.models import AuditEntry
from dancu.council.models import Session
from dancu.council.tests.factories import make_session

pytestmark = pytest.mark.django_db

LISTS = (
    "council:session_list",
    "council:resolution_list",
    "council:question_list",
    "council:meeting_list",
    "council:figures",
    "council_public:session_list",
    "council_public:resolution_list",
    "api:list_council_sessions",
    "api:list_council_resolutions",
    "api:list_council_votes",
)


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed when the block ends: nothing listens there


def test_council_lists_and_a_session_write_with_redis_down(redis_down, client, world):
    from django.core.cache import cache

    assert cache.status()[0] is False  # the cache really is unreachable
    admin = world["admin"]
    make_session(admin, world, title="Kỳ họp có sẵn")
    client.force_login(admin)
    started = time.monotonic()
    for name in LISTS:
        query = {"year": "2026"} if name == "api:list_council_resolutions" else {}
        response = client.get(reverse(name), query)
        assert response.status_code == 200, (name, response.status_code)
    page = client.get(reverse("council:session_list")).content.decode()
    assert "Kỳ họp có sẵn" in page

    audits = AuditEntry.objects.count()
    response = client.post(
        reverse("council:session_create"),
        {
            "body": world["council"].pk,
            "term": world["term"].pk,
            "kind": "regular",
            "title": "Kỳ họp khi Redis ngừng",
            "start_date": "2027-07-10",
            "end_date": "2027-07-12",
        },
    )
    assert response.status_code == 302, response.content[:300]
    session = Session.objects.get(title="Kỳ họp khi Redis ngừng")
    assert AuditEntry.objects.count() == audits + 1
    step = client.post(reverse("council:session_transition", args=[session.pk]), {"action": "convene"})
    assert step.status_code == 302
    session.refresh_from_db()
    assert session.status == "convened"
    # Nothing cached: the list shows the new session at once.
    assert "Kỳ họp khi Redis ngừng" in client.get(reverse("council:session_list")).content.decode()
    assert "Kỳ họp khi Redis ngừng" in client.get(reverse("council_public:session_list")).content.decode()
    assert time.monotonic() - started < 15  # one short time-out, not one per cache call
