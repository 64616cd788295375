"""Production: every secret from the environment, HTTPS only, PostgreSQL and Redis expected.

Refuses to start without SECRET_KEY and DANCU_SEAL_KEY: with the development defaults, anyone
holding a copy of the database and the public source could forge sessions and unseal the
identities of denouncers (docs/security.md, key custody).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool
from .storage import default_storage

DEBUG = False
if not os.environ.get("SECRET_KEY") or SECRET_KEY.startswith("dev-insecure") or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured(
        "Set SECRET_KEY (at least 32 random characters) in the environment for production."
    )
if len(os.environ.get("DANCU_SEAL_KEY", "")) < 32:
    raise ImproperlyConfigured(
        "Set DANCU_SEAL_KEY (at least 32 random characters) in the environment for production: "
        "it seals the identities of denouncers and must not be the development key."
    )

DANCU_REQUIRE_TOTP = env_bool("DANCU_REQUIRE_TOTP", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
# The app has its own host name (dancu.<province>.gov.vn): its subdomains are its own too.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is a decision for the owner of the whole domain (the province's portal), not for
# this app: off, and its deploy-check warning silenced for that reason.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind a reverse proxy that terminates TLS (nginx, the province's gateway), set
# TRUSTED_PROXY_SSL_HEADER=1 so that Django trusts its X-Forwarded-Proto.
if env_bool("TRUSTED_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
STORAGES = {
    # The local disk, or the S3-compatible store of DANCU_S3_BUCKET (config/settings/storage.py).
    "default": default_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
