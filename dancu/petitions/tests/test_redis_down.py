"""Issue 10, finding 7: with Redis down (the cache at a port where nothing listens) the petition
list (whose rows and count are cached), the suggestions and a petition edit work from the
database, and an opinion import whose task cannot be queued ends failed with its file removed.
Real clients against a dead port, as `tests/test_redis_down.py`."""

from __future__ import annotations

import re
import socket
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dancu.core.models import AuditEntry, ImportJob
from dancu.core.testing import broker_down
from dancu.petitions import services
from dancu.petitions.models import Petition, VoterOpinion

pytestmark = pytest.mark.django_db


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed when the block ends: nothing listens there




def test_list_suggestions_and_an_edit_with_redis_down(redis_down, client, pworld):
    from django.core.cache import cache

    assert cache.status()[0] is False  # the cache really is unreachable
    w = pworld
    road, _land = sorted(
        services.consolidate_round(actor=w["specialist"], round=w["round"]), key=lambda p: "8A" not in p.text
    )
    client.force_login(w["specialist"])
    started = time.monotonic()
    listing = reverse("petitions:petition_list")
    page = client.get(listing)
    assert page.status_code == 200 and road.code in page.content.decode()
    assert re.search(r'<p class="small text-muted">2 ', page.content.decode())  # the count, uncached
    htmx = client.get(listing, {"q": "nâng cấp"}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and road.code in htmx.content.decode()
    suggest = client.get(reverse("petitions:petition_suggest"), {"text": "Quốc lộ 8A xuống cấp, nhiều ổ gà"})
    assert suggest.status_code == 200 and road.code in suggest.content.decode()
    api = client.post(
        reverse("api:suggest_petitions"), {"text": "Quốc lộ 8A hư hỏng"}, content_type="application/json"
    )
    assert api.status_code == 200 and api.json()[0]["code"] == road.code

    audits = AuditEntry.objects.count()
    edit = client.post(
        reverse("petitions:consolidation_action", kwargs={"round_id": w["round"].pk}),
        {
            "action": "edit",
            "petition": road.pk,
            "text": "Đề nghị sớm sửa chữa Quốc lộ 8A đoạn qua xã Sơn Kim 1.",
        },
    )
    assert edit.status_code == 302, edit.content[:300]
    assert Petition.objects.get(pk=road.pk).text.startswith("Đề nghị sớm sửa chữa Quốc lộ 8A")
    assert AuditEntry.objects.count() == audits + 1  # audited; the version bump dropped silently
    classify = client.post(
        reverse("petitions:petition_detail", kwargs={"petition_id": road.pk}),
        {"field": "giao_thong_xay_dung", "level": "central"},
    )
    assert classify.status_code == 302
    # Nothing cached: the list shows the change at once.
    page = client.get(listing, {"level": "central"}).content.decode()
    assert "xã Sơn Kim 1" in page and road.code in page
    assert time.monotonic() - started < 15  # one short time-out, not one per cache call


def test_an_opinion_import_that_cannot_be_queued_ends_failed_with_its_file_removed(
    client, pworld, settings, tmp_path
):
    from django.db import transaction


    w = pworld
    settings.MEDIA_ROOT = tmp_path
    opinions = VoterOpinion.objects.count()
    with broker_down():
        client.force_login(w["specialist"])
        started = time.monotonic()
        upload = SimpleUploadedFile("y_kien.csv", "text,area\nĐề nghị sửa cầu treo thôn 3,Thôn 3\n".encode())
        with pytest.MonkeyPatch.context() as mp:
            # run the on_commit callback inside the test transaction
            mp.setattr(transaction, "on_commit", lambda fn, using=None, robust=False: fn())
            response = client.post(
                reverse("petitions:opinion_import", kwargs={"meeting_id": w["m1"].pk}), {"file": upload}
            )
        elapsed = time.monotonic() - started
    assert response.status_code == 302
    job = ImportJob.objects.latest("id")
    assert job.kind == "petitions_opinions" and job.status == ImportJob.Status.FAILED
    assert job.errors and job.errors[0]["row"] == 0
    assert not job.file and not [p for p in tmp_path.rglob("*") if p.is_file()]
    assert VoterOpinion.objects.count() == opinions
    assert AuditEntry.objects.filter(action="core.import_job.create").count() == 1
    assert elapsed < 20, elapsed
    page = client.get(response["Location"]).content.decode()
    assert job.errors[0]["message"][:30] in page and "alert-danger" in page
