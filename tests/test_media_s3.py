"""Uploaded files in an S3-compatible store (config/settings/storage.py, docs/scaling.md "Media").

moto's standalone server speaks real S3 over HTTP on loopback (MinIO's server ships in no
package this machine can install). The fixture starts it on a free port, creates a bucket with
boto3 and points `STORAGES["default"]` at it through the settings' own `default_storage()`,
fed the DANCU_S3_* variables a deployment would set. Then a council submission's file goes the
real way: uploaded through the page by the Office's administrator, checked by content
(dancu.core.files), stored as an object in the bucket (never on the local disk), downloaded
through the permission-checking view with the same bytes, refused to another province's
administrator, unreachable by the bucket's own URL without a signature, and removed from the
bucket when the submission is deleted.
"""

from __future__ import annotations

import datetime
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from config.settings.storage import SIGNED_URL_SECONDS, default_storage

pytestmark = [pytest.mark.s3, pytest.mark.django_db]

ACCESS_KEY, SECRET_KEY = "dancu-test-access", "dancu-test-secret-key"


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3(s3_server, settings, tmp_path):
    """(boto3 client, bucket): a fresh private bucket, and the app's default storage on it."""
    import boto3

    bucket = f"dancu-test-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=bucket)
    settings.MEDIA_ROOT = tmp_path  # where a FileSystemStorage would have written
    settings.STORAGES = {
        **settings.STORAGES,
        "default": default_storage(
            {
                "DANCU_S3_BUCKET": bucket,
                "DANCU_S3_ENDPOINT_URL": s3_server,
                "DANCU_S3_ACCESS_KEY": ACCESS_KEY,
                "DANCU_S3_SECRET_KEY": SECRET_KEY,
                "DANCU_S3_REGION": "us-east-1",
            }
        ),
    }
    from storages.backends.s3 import S3Storage

    from dancu.council.models import SubmissionFile

    # override_settings reset Django's storage caches; the model field follows the lazy default.
    assert isinstance(SubmissionFile._meta.get_field("file").storage, S3Storage)
    yield client, bucket


def _keys(client, bucket: str) -> list[str]:
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket=bucket).get("Contents", []))


def _on_disk(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.fixture
def council(province, office, make_user):
    from dancu.council.tests.factories import make_council, make_draft, make_session

    world = make_council(province)
    world["admin"] = make_user("office_admin", office)
    session = make_session(
        world["admin"], world, steps=("convene",), title="Kỳ họp sau", day=datetime.date(2027, 3, 1)
    )
    world["draft"] = make_draft(world["admin"], world, session, title="Dự thảo nghị quyết về rừng")
    return world


def _upload(client, draft, name: str, data: bytes):
    return client.post(
        reverse("council:file_add", args=[draft.pk]), {"file": SimpleUploadedFile(name, data), "note": ""}
    )


def test_settings_without_a_bucket_keep_the_local_disk_and_with_one_are_private_s3():
    assert default_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    s3 = default_storage(
        {
            "DANCU_S3_BUCKET": "hs",
            "DANCU_S3_ENDPOINT_URL": "https://minio.example:9000",
            "DANCU_S3_ACCESS_KEY": "a",
            "DANCU_S3_SECRET_KEY": "s",
        }
    )
    assert s3["BACKEND"] == "storages.backends.s3.S3Storage"
    options = s3["OPTIONS"]
    assert options["bucket_name"] == "hs" and options["endpoint_url"] == "https://minio.example:9000"
    assert options["default_acl"] is None and options["querystring_auth"] is True
    assert options["querystring_expire"] == SIGNED_URL_SECONDS <= 300
    assert options["file_overwrite"] is False and options["custom_domain"] is None
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        default_storage({"DANCU_S3_BUCKET": "hs", "DANCU_S3_ACCESS_KEY": "a"})


def test_an_uploaded_file_is_an_object_in_the_bucket_served_only_through_the_checked_view(
    client, s3, council, make_user, other_office, tmp_path
):
    from dancu.council.models import SubmissionFile
    from dancu.council.tests.factories import PDF_BYTES, docx_bytes

    boto, bucket = s3
    draft, admin = council["draft"], council["admin"]
    client.force_login(admin)
    first, second = PDF_BYTES + b"\n% v1 " + uuid.uuid4().bytes, docx_bytes("Bản sửa lần hai")

    # (a) Uploaded through the page: an object in the bucket, nothing on the local disk.
    assert _upload(client, draft, "Dự thảo.pdf", first).status_code == 302
    assert _upload(client, draft, "Dự thảo.pdf", second).status_code == 302  # same stem: not overwritten
    items = list(SubmissionFile.objects.filter(submission=draft).order_by("version"))
    assert [i.version for i in items] == [1, 2]
    keys = _keys(boto, bucket)
    assert keys == sorted(i.file.name for i in items) and len(set(keys)) == 2
    assert all(k.startswith("council/submissions/") for k in keys)
    assert boto.get_object(Bucket=bucket, Key=items[0].file.name)["Body"].read() == first
    assert _on_disk(tmp_path) == []
    with pytest.raises(NotImplementedError):
        items[0].file.path  # noqa: B018  (a remote storage has no local path: nothing may use it)

    # (b) The permitted user downloads each version through the view: the same bytes.
    for version, data in ((1, first), (2, second)):
        response = client.get(reverse("council:file_download", args=[draft.pk, version]))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == data

    # (c) Another province's administrator, and the anonymous, get nothing through the view...
    client.force_login(make_user("office_admin", other_office))
    # Not even its existence:
    assert client.get(reverse("council:file_download", args=[draft.pk, 1])).status_code == 404
    client.logout()
    anonymous = client.get(reverse("council:file_download", args=[draft.pk, 1]))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))
    # ...and the bucket's own URL without a signature is refused by the server.
    storage = items[0].file.storage
    signed = storage.url(items[0].file.name)
    unsigned = signed.split("?", 1)[0]
    assert unsigned.endswith(items[0].file.name) and "Signature=" in signed
    assert f"X-Amz-Expires={SIGNED_URL_SECONDS}" in signed
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(unsigned, timeout=10)
    assert refused.value.code == 403
    # (The signed URL does work: it is the store's own check, which the views never hand out.)
    with urllib.request.urlopen(signed, timeout=10) as direct:
        assert direct.read() == first


def test_deleting_the_submission_removes_its_objects(client, s3, council, django_capture_on_commit_callbacks):
    from dancu.council.models import Submission
    from dancu.council.tests.factories import PDF_BYTES

    boto, bucket = s3
    draft = council["draft"]
    client.force_login(council["admin"])
    assert _upload(client, draft, "a.pdf", PDF_BYTES).status_code == 302
    assert len(_keys(boto, bucket)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("council:submission_delete", args=[draft.pk]))
    assert response.status_code == 302 and not Submission.objects.filter(pk=draft.pk).exists()
    assert _keys(boto, bucket) == []


def test_an_object_missing_from_the_bucket_is_404_not_500(client, s3, council):
    from dancu.council.models import SubmissionFile
    from dancu.council.tests.factories import PDF_BYTES

    boto, bucket = s3
    draft = council["draft"]
    client.force_login(council["admin"])
    assert _upload(client, draft, "a.pdf", PDF_BYTES).status_code == 302
    boto.delete_object(Bucket=bucket, Key=SubmissionFile.objects.get(submission=draft).file.name)
    assert client.get(reverse("council:file_download", args=[draft.pk, 1])).status_code == 404
