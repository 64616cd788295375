"""Settings shared by every environment.

Everything that differs between machines is read from the environment, with safe embedded
defaults so that `make run` works on a fresh clone with no configuration at all.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .storage import default_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("DANCU_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "dev-insecure-key-change-me-in-production")
# The key of the audit chain's HMAC (core.audit); kept out of the database and its backups.
# Defaults to SECRET_KEY: when rotating SECRET_KEY, set DANCU_AUDIT_KEY to the old value.
DANCU_AUDIT_KEY = os.environ.get("DANCU_AUDIT_KEY") or SECRET_KEY
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "dancu.core",
]
# The list of modules: each has `manifest.py` (dancu.core.modules). Order is the order of the
# menu within a group, of the demo loaders and of the API; the shell comes last.
DANCU_MODULES = [
    "dancu.accounts",
    "dancu.directory",
    "dancu.notifications",
    "dancu.petitions",
    "dancu.letters",
    "dancu.council",
    "dancu.supervision",
    "dancu.scheduling",
    "dancu.coordination",
    "dancu.consultations",
    "dancu.web",
]
INSTALLED_APPS += DANCU_MODULES
# Builds a user's core.access.Access from the roles they hold.
DANCU_ACCESS_LOADER = "dancu.accounts.access.load_access"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "dancu.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "dancu.core.middleware.ServerTimingMiddleware",
    "dancu.core.middleware.CleanInputMiddleware",
    "dancu.core.middleware.ApplicationErrorMiddleware",
    # Last, as django-axes asks: it reacts to the login failures the views above produce.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "dancu" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "dancu.web.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'dancu.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; IMMEDIATE avoids "database is locked"
    # upgrades in the middle of a write transaction.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
    # The list indexes' INCLUDE columns (covering indexes for PostgreSQL, issue 17) are ignored by
    # SQLite, which is fine for the embedded database; the warning printed on every command is not.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Lockout: five failures for the same user name from the same address lock it for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Dân cử"
# National administrators, Office administrators and leaders must set up two-step sign-in
# before they reach any page (accounts.middleware). On in production; off by default in the
# embedded demo, whose printed logins must work without an authenticator app.
DANCU_REQUIRE_TOTP = env_bool("DANCU_REQUIRE_TOTP", False)

LANGUAGE_CODE = "vi"
# Vietnamese only: an Office's browsers are often set to English, and the interface must not
# follow them. Source strings are English, so adding "en" later is a one-line change.
LANGUAGES = [("vi", _("Vietnamese"))]
LOCALE_PATHS = [BASE_DIR / "dancu" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Off: with it on, every integer in a template is grouped ("5.107"), primary keys in form
# values included. Counts shown to people use `intcomma` (humanize), which groups with "."
# for Vietnamese all the same.
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["dancu.core.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "dancu" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploaded files: the local disk, or an S3-compatible store when DANCU_S3_BUCKET is set
# (config/settings/storage.py, docs/scaling.md "Media").
STORAGES = {
    "default": default_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Everything is served from our own origin: no CDN, no inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

REDIS_URL = os.environ.get("REDIS_URL", "")
# Any Celery broker: Redis (REDIS_URL) or RabbitMQ (CELERY_BROKER_URL=amqp://...), both tested
# (tests/test_celery_redis.py, tests/test_celery_rabbitmq.py).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", REDIS_URL or "cache+memory://")
# Without a broker configured the app runs tasks in-process (the embedded default). A broker
# given by CELERY_BROKER_URL alone (RabbitMQ without Redis) counts: its tasks go to the workers.
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", not (REDIS_URL or os.environ.get("CELERY_BROKER_URL"))
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request that queues a task must not hang for long when the broker is down: one short
# try, then the caller marks its job failed (core.imports).
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = 2


def broker_transport_options(broker_url: str) -> dict:
    """A timeout on connecting, not reading: a worker's blocking reads must not time out under
    load. `socket_connect_timeout` is a key of kombu's Redis transport only; py-amqp (RabbitMQ) does
    not know it (its Connection silently swallows unknown keys) and takes its connect timeout from
    CELERY_BROKER_CONNECTION_TIMEOUT above. So the key goes to Redis brokers only, and a settings
    module that changes the broker recomputes the options (config/settings/test.py)."""
    if broker_url.startswith(("redis://", "rediss://", "redis+socket://")):
        return {"socket_connect_timeout": 2}
    return {}


CELERY_BROKER_TRANSPORT_OPTIONS = broker_transport_options(CELERY_BROKER_URL)
CELERY_BEAT_SCHEDULE: dict = {}

CACHES = {
    "default": (
        {
            # Degrades to no cache when Redis is down (pages are computed from the database).
            "BACKEND": "dancu.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# DANCU_CACHE=off: no cache at all, every page computed from the database (benchmarks measure
# the cold path with it: bench/http_load.py --cache off).
if os.environ.get("DANCU_CACHE") == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

# Reverse proxies in front of the app (comma-separated IPs): behind them, rate limits key on
# the client address from X-Forwarded-For instead of the proxy's, so citizens do not share one
# budget. Only these addresses are trusted to set the header.
DANCU_TRUSTED_PROXIES = [
    ip.strip() for ip in os.environ.get("DANCU_TRUSTED_PROXIES", "").split(",") if ip.strip()
]

# Calendar subscriptions (ICS URLs) may only reach public addresses; an intranet People's
# Committee server is allowed here by host name or IP (comma-separated), see scheduling/fetch.py.
DANCU_ICS_ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("DANCU_ICS_ALLOWED_HOSTS", "").split(",") if h.strip()
]

# Uploaded files (answers' attachments, submissions, letters' scans): at most this size each;
# their kind is checked by content (dancu.core.files).
DANCU_MAX_UPLOAD_MB = int(os.environ.get("DANCU_MAX_UPLOAD_MB", "10"))
# Django refuses larger request bodies before any view runs.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# Pagination of pages (the API's page sizes are in dancu.core.api_base).
PAGE_SIZE = 25

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- E-mail (notifications): Django's SMTP backend, configured by the environment ---------------
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Dân cử <no-reply@localhost>")
# Absolute links in e-mails and calendar feeds.
DANCU_SITE_URL = os.environ.get("DANCU_SITE_URL", "http://localhost:8000").rstrip("/")
DANCU_NOTIFY_MAX_ATTEMPTS = int(os.environ.get("DANCU_NOTIFY_MAX_ATTEMPTS", "5"))
