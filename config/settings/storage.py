"""Where uploaded files live (`STORAGES["default"]`): one definition for base and production.

Without `DANCU_S3_BUCKET`, the local disk under MEDIA_ROOT (the embedded default). With it, an
S3-compatible object store (MinIO on the province's own servers, a national object store) through
django-storages' S3 backend:

- `DANCU_S3_BUCKET`: the bucket, created beforehand and **private** (no public policy: the tests
  check that an unsigned GET of an object is refused);
- `DANCU_S3_ENDPOINT_URL`: e.g. `https://minio.hatinh.gov.vn:9000` (empty: AWS itself);
- `DANCU_S3_ACCESS_KEY`, `DANCU_S3_SECRET_KEY`: both or neither (neither: boto3's own chain,
  e.g. an instance role);
- `DANCU_S3_REGION` (optional), `DANCU_S3_ADDRESSING_STYLE` (`path` by default, as MinIO wants).

Files are still served only by the permission-checking views (`dancu.core.files`), which read
them through the storage API and stream them; no view hands out the store's URL. Objects get
no ACL of their own (`default_acl=None`: the bucket's, private), names are never overwritten,
and a signed URL, if one is ever produced (`storage.url(name)`), expires in 5 minutes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3 = "storages.backends.s3.S3Storage"
SIGNED_URL_SECONDS = 300


def default_storage(environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """`STORAGES["default"]` for this environment."""
    bucket = environ.get("DANCU_S3_BUCKET", "").strip()
    if not bucket:
        return dict(FILESYSTEM)
    access_key = environ.get("DANCU_S3_ACCESS_KEY", "").strip()
    secret_key = environ.get("DANCU_S3_SECRET_KEY", "").strip()
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured("Set both DANCU_S3_ACCESS_KEY and DANCU_S3_SECRET_KEY, or neither.")
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("DANCU_S3_ENDPOINT_URL", "").strip() or None,
        "region_name": environ.get("DANCU_S3_REGION", "").strip() or None,
        "addressing_style": environ.get("DANCU_S3_ADDRESSING_STYLE", "").strip() or "path",
        "signature_version": "s3v4",
        # Private: no public-read ACL on any object, and any URL the storage builds is signed
        # and short-lived. No custom domain: that would produce unsigned URLs.
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": SIGNED_URL_SECONDS,
        "custom_domain": None,
        # Two uploads with the same safe name (dancu.core.files.stored_name) keep both objects.
        "file_overwrite": False,
    }
    if access_key:
        options["access_key"] = access_key
        options["secret_key"] = secret_key
    return {"BACKEND": S3, "OPTIONS": options}
