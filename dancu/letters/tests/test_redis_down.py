"""Issue 10, finding 7: the letters pages with Redis down (the cache at a port where nothing
listens; core.cache.ResilientRedisCache answers as a miss): the register, the public form,
the receipt and the status look-up work, a letter can be written, and an import that cannot
be queued ends failed with its file removed (core.imports.import_job_create)."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dancu.core.testing import dead_port
from dancu.letters.models import Letter

from .conftest import solved_challenge

pytestmark = pytest.mark.django_db






def test_pages_and_writes_with_redis_down(redis_down, client, make_letter, delegation, specialist):
    from django.core.cache import cache

    assert cache.status()[0] is False
    letter = make_letter()
    started = time.monotonic()
    # The public form: the challenge, the letter, the receipt, the look-up.
    data = {
        "receiving_body": delegation.pk,
        "kind": "petition",
        "subject": "Kiến nghị khi bộ đệm hỏng",
        "content": "Nội dung",
        "name": "Công Dân",
        "address": "Hà Tĩnh",
        "phone": "0977 123 456",
    }
    response = client.post(reverse("letters_public:submit"), {**data, **solved_challenge(client)})
    assert response.status_code == 302
    sent = Letter.objects.get(subject="Kiến nghị khi bộ đệm hỏng")
    assert sent.receipt_code in client.get(response["Location"]).content.decode()
    status = client.post(
        reverse("letters_public:status"), {"receipt_code": sent.receipt_code, "second_factor": "3456"}
    )
    assert status.status_code == 200 and 'id="public-status"' in status.content.decode()
    # Staff: the register (page, rows, search), the letter's page, and a letter written.
    client.force_login(specialist)
    assert letter.number in client.get(reverse("letters:register")).content.decode()
    rows = client.get(reverse("letters:register"), {"q": "lấn chiếm"}, HTTP_HX_REQUEST="true")
    assert rows.status_code == 200 and letter.number in rows.content.decode()
    assert client.get(reverse("letters:letter_detail", kwargs={"letter_id": letter.pk})).status_code == 200
    intake = {
        "receiving_body": delegation.pk,
        "received_date": "2026-03-04",
        "channel": "post",
        "kind": "complaint",
        "letter_field": "land",
        "subject": "Khiếu nại nhận khi bộ đệm hỏng",
        "signer_count": 1,
        "representative_count": 0,
        "competence": "unknown",
    }
    assert client.post(reverse("letters:letter_create"), intake).status_code == 302
    assert Letter.objects.filter(subject="Khiếu nại nhận khi bộ đệm hỏng").exists()
    assert time.monotonic() - started < 15  # one short time-out, not one per cache call


def test_an_import_that_cannot_be_queued_ends_failed_with_its_file_removed(
    redis_down, client, delegation, specialist, settings, tmp_path
):
    from django.db import transaction

    from config.celery import app
    from dancu.core.models import ImportJob
    from dancu.letters.importing import letter_template

    settings.MEDIA_ROOT = tmp_path
    saved = {k: app.conf[k] for k in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=f"redis://127.0.0.1:{dead_port()}/0", task_always_eager=False)
    app._pool = None
    app.amqp._producer_pool = None
    try:
        client.force_login(specialist)
        upload = SimpleUploadedFile("so_don_thu.xlsx", letter_template())
        with pytest.MonkeyPatch.context() as mp:
            # run the on_commit callback (the enqueue) inside the test's transaction
            mp.setattr(transaction, "on_commit", lambda fn, using=None, robust=False: fn())
            response = client.post(reverse("letters:import_page"), {"file": upload})
    finally:
        app.conf.update(saved)
        app._pool = None
        app.amqp._producer_pool = None
    assert response.status_code == 302
    job = ImportJob.objects.get(kind="letters")
    assert job.status == ImportJob.Status.FAILED and job.errors
    assert not job.file and not list(tmp_path.rglob("*.xlsx"))
    assert Letter.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert job.errors[0]["message"][:30] in page
