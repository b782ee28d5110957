"""Django settings for Lentera.

Everything that differs between machines comes from the environment (see ``docs/configuration.md``).
Defaults are safe: debug pages are off unless a developer sets ``LENTERA_DEBUG=1``. On the
embedded default (no ``DATABASE_URL``: SQLite in ``var/``, what ``make run`` uses), on a debug
machine and in the test suite, keys are generated once into ``var/dev-secrets.json`` (ignored by
git) and the site speaks plain HTTP on 127.0.0.1. Anywhere else (a ``DATABASE_URL`` and no debug:
production) a missing secret is an error, never a silent default, and cookies are HTTPS-only.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

SRC_DIR = Path(__file__).resolve().parent.parent  # src/lentera
BASE_DIR = Path(os.environ.get("LENTERA_HOME", SRC_DIR.parent.parent)).resolve()
VAR_DIR = Path(os.environ.get("LENTERA_VAR_DIR", BASE_DIR / "var"))


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = _env_bool("LENTERA_DEBUG", False)
# One machine trying Lentera or running its tests: the embedded SQLite database (no DATABASE_URL),
# a developer's debug mode, or a pytest run (pytest sets PYTEST_VERSION for the whole session).
EMBEDDED_DATABASE = not os.environ.get("DATABASE_URL")
LOCAL = DEBUG or EMBEDDED_DATABASE or "PYTEST_VERSION" in os.environ
# HTTPS-only cookies, HSTS and the redirect to HTTPS: on by default except on a local machine,
# which `make run` serves over plain HTTP on 127.0.0.1.
HTTPS = _env_bool("LENTERA_HTTPS", not LOCAL)


def _dev_secrets() -> dict[str, str]:
    """Keys for a development machine, generated once and kept outside the repository."""
    path = VAR_DIR / "dev-secrets.json"
    if path.exists():
        return dict(json.loads(path.read_text()))
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    data = {
        "secret_key": secrets.token_urlsafe(50),
        "field_key": Fernet.generate_key().decode(),
        "index_key": secrets.token_urlsafe(32),
    }
    path.write_text(json.dumps(data))
    path.chmod(0o600)
    return data


def _secret(env_name: str, dev_key: str) -> str:
    value = os.environ.get(env_name)
    if value:
        return value
    if not LOCAL:
        raise ImproperlyConfigured(
            f"{env_name} must be set: with a DATABASE_URL and without LENTERA_DEBUG=1 keys are "
            "never generated (see docs/configuration.md)"
        )
    return _dev_secrets()[dev_key]


SECRET_KEY = _secret("LENTERA_SECRET_KEY", "secret_key")
# Identity-field encryption: comma-separated Fernet keys, newest first. Add a new key in front,
# run `lentera manage rotate_field_keys`, then drop the old key.
FIELD_ENCRYPTION_KEYS = [k.strip() for k in _secret("LENTERA_FIELD_KEYS", "field_key").split(",")]
# Keyed hash used for exact-match search on encrypted fields (NIK, phone). Changing it requires
# `lentera manage rotate_field_keys --reindex`.
BLIND_INDEX_KEY = _secret("LENTERA_INDEX_KEY", "index_key")

ALLOWED_HOSTS = _env_list(
    "LENTERA_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"] if LOCAL else []
)
CSRF_TRUSTED_ORIGINS = _env_list("LENTERA_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "lentera.apps.accounts",
    "lentera.apps.reference",
    "lentera.apps.people",
    "lentera.apps.cases",
    "lentera.apps.intake",
    "lentera.apps.prevention",
    "lentera.apps.justice",
    "lentera.apps.insights",
    "lentera.apps.protection",
    "lentera.apps.coordination",
    "lentera.apps.investigation",
    "lentera.apps.ops",
    "lentera.web",
    "lentera.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost after security: every error response under /api/ leaves as a JSON problem body.
    "lentera.api.problems.ApiProblemMiddleware",
    # A body declared larger than LENTERA_MAX_REQUEST_BYTES is refused (413) before it is read.
    "lentera.apps.ops.middleware.RequestSizeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "lentera.web.middleware.LanguageMiddleware",
    # A NUL or undecodable byte in the query string or a form field is a 400, before any view.
    "lentera.config.http.RejectInvalidInputMiddleware",
    "lentera.web.middleware.AgencyTimeZoneMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "lentera.apps.accounts.middleware.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lentera.config.urls"
WSGI_APPLICATION = "lentera.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lentera.web.context_processors.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lentera.sqlite3'}"),
        conn_max_age=int(os.environ.get("LENTERA_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("LENTERA_TEST_SQLITE", "")}
else:
    DATABASES["default"]["TEST"] = {
        "NAME": os.environ.get("LENTERA_TEST_DB_NAME", "test_lentera"),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
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
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "lentera.apps.accounts.passwords.CharacterClassValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling and lockout (django-axes): 5 failures per username+IP lock for 30 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("LENTERA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("LENTERA_LOGIN_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Sessions and cookies
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if HTTPS:
    SECURE_SSL_REDIRECT = _env_bool("LENTERA_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("LENTERA_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # the health probes of the machine itself speak plain HTTP to 127.0.0.1
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Content-Security-Policy: no inline scripts or styles, nothing from other origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Internationalisation: Bahasa Indonesia by default, English available.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# Pages write "15 Desember 2026" and "Rp75.000.000" (form date inputs stay ISO: web.widgets).
FORMAT_MODULE_PATH = ["lentera.web.formats"]
TIME_ZONE = "Asia/Jakarta"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Browser libraries come from npm (package.json, `make` runs npm ci) and are served as static
# files under their own prefix: the network view's graph drawing (cytoscape). No CDN.
STATICFILES_DIRS = [("vendor/cytoscape", BASE_DIR / "node_modules" / "cytoscape" / "dist")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded evidence lives outside the web root and is served only through the access policy,
# encrypted under FIELD_ENCRYPTION_KEYS (lentera.apps.cases.evidence), owner-only.
MEDIA_ROOT = Path(os.environ.get("LENTERA_MEDIA_ROOT", VAR_DIR / "private-media"))
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# Uploads are received in memory only (no file in clear in a temporary folder), each at most the
# largest file a form accepts (evidence: 10 MB); a larger one is dropped as it arrives.
FILE_UPLOAD_HANDLERS = ["lentera.web.uploads.CappedMemoryUploadHandler"]
LENTERA_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# The cache every web worker shares: rate limits live there (lentera.apps.accounts.ratelimit).
# The database by default (no server to run); Redis when LENTERA_REDIS_URL is set.
if os.environ.get("LENTERA_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["LENTERA_REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "lentera_cache",
        }
    }
#: Reverse proxies whose X-Forwarded-For is believed (addresses or networks).
LENTERA_TRUSTED_PROXIES = _env_list("LENTERA_TRUSTED_PROXIES", ["127.0.0.1", "::1"])

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "lentera.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Every endpoint declares its action (``required_action``) or is marked ``public = True``
    # with AllowAny; HasAction refuses an endpoint that declares nothing.
    "DEFAULT_PERMISSION_CLASSES": ["lentera.api.permissions.HasAction"],
    "DEFAULT_SCHEMA_CLASS": "lentera.api.schema.LenteraAutoSchema",
    "EXCEPTION_HANDLER": "lentera.api.exceptions.handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # one limiter for pages and the API (lentera.apps.accounts.ratelimit), on the shared cache
    "DEFAULT_THROTTLE_CLASSES": ["lentera.apps.accounts.ratelimit.AnonymousThrottle"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lentera API",
    "DESCRIPTION": "REST API of Lentera, the information system of the Gugus Tugas PP-TPPO.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # a screening's risk level (offers and departures); regions and task forces have their own
    "ENUM_NAME_OVERRIDES": {"RiskLevelEnum": ["high", "medium", "low"]},
}

# Background work (linkage runs, the deadline sweep) runs as tasks on the database queue, read by
# `lentera worker` (which `lentera serve` starts). LENTERA_TASKS_INLINE=1 runs every task at once
# in the process that enqueues it (tests; a machine without a worker).
LENTERA_TASKS_INLINE = _env_bool("LENTERA_TASKS_INLINE", False)
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if LENTERA_TASKS_INLINE
        else "django_tasks_db.DatabaseBackend",
    },
    "inline": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
# A worker (and a long task inside it) beats this often; a beat older than the stale limit means
# the process died: its running tasks are failed, its linkage runs queued again (at most
# LENTERA_TASK_MAX_ATTEMPTS handings to the queue), and /readyz reports the worker missing.
LENTERA_HEARTBEAT_SECONDS = float(os.environ.get("LENTERA_HEARTBEAT_SECONDS", "10"))
LENTERA_STALE_SECONDS = float(os.environ.get("LENTERA_STALE_SECONDS", "120"))
LENTERA_TASK_MAX_ATTEMPTS = int(os.environ.get("LENTERA_TASK_MAX_ATTEMPTS", "3"))
LENTERA_TASK_RESULTS_KEEP_DAYS = int(os.environ.get("LENTERA_TASK_RESULTS_KEEP_DAYS", "30"))
# The worker's schedule (replaces cron lines): job name -> (task, seconds between runs; 0 = off).
LENTERA_SCHEDULE: dict[str, tuple[str, float]] = {
    "notify-timers": (
        "lentera.apps.protection.tasks.notify_timers_task",
        60 * float(os.environ.get("LENTERA_NOTIFY_EVERY_MINUTES", "15")),
    ),
    "recover-lost-tasks": (
        "lentera.apps.ops.tasks.recover_lost_tasks",
        float(os.environ.get("LENTERA_RECOVER_EVERY_SECONDS", "60")),
    ),
    "recover-linkage-runs": (
        "lentera.apps.insights.tasks.linkage_runs_recover",
        float(os.environ.get("LENTERA_RECOVER_EVERY_SECONDS", "60")),
    ),
    "prune-task-results": ("lentera.apps.ops.tasks.prune", 24 * 60 * 60),
    # the stall list's watch days of changed proceedings (issue #21): counters <= 5 min old
    "refresh-stall-watch": ("lentera.apps.justice.tasks.refresh_watch_task", 5 * 60),
    # investigation (issue #17): court orders near their end, cross-case links
    "court-order-alerts": (
        "lentera.apps.investigation.tasks.orders_alert_task",
        60 * float(os.environ.get("LENTERA_NOTIFY_EVERY_MINUTES", "15")),
    ),
    "cross-case-links": (
        "lentera.apps.investigation.tasks.links_sweep_task",
        60 * float(os.environ.get("LENTERA_NOTIFY_EVERY_MINUTES", "15")),
    ),
    "remind-course-evaluations": (
        "lentera.apps.prevention.tasks.remind_evaluations_task",
        60 * float(os.environ.get("LENTERA_NOTIFY_EVERY_MINUTES", "15")),
    ),
    "coordination-notices": (
        "lentera.apps.coordination.tasks.notices_task",
        60 * float(os.environ.get("LENTERA_NOTIFY_EVERY_MINUTES", "15")),
    ),
}
# E-mail (coordination notices, sent from the task queue): a local machine prints each message on
# the console of the worker (or the web process, inline) instead of sending it; anywhere else SMTP.
EMAIL_BACKEND = os.environ.get(
    "LENTERA_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if LOCAL
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("LENTERA_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("LENTERA_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("LENTERA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("LENTERA_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _env_bool("LENTERA_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("LENTERA_EMAIL_FROM", "Lentera <lentera@localhost>")
# Requests whose declared body is larger are refused with 413 before Django reads them (the
# evidence upload limit is 10 MB; forms are far smaller).
LENTERA_MAX_REQUEST_BYTES = int(os.environ.get("LENTERA_MAX_REQUEST_BYTES", str(12 * 1024 * 1024)))
# Linkage in the product: pairs at or above the threshold are proposed as likely, pairs above the
# review floor as uncertain; every pair waits for an officer's decision.
LENTERA_LINKAGE_REVIEW_FLOOR = float(os.environ.get("LENTERA_LINKAGE_REVIEW_FLOOR", "0.5"))
# Published figures: counts below this are shown as "<k" (small-cell suppression).
LENTERA_PUBLIC_K = int(os.environ.get("LENTERA_PUBLIC_K", "11"))
if LENTERA_PUBLIC_K < 2:
    raise ImproperlyConfigured("LENTERA_PUBLIC_K must be at least 2")

# Roles that must use a second factor (TOTP) before they reach any page.
LENTERA_SECOND_FACTOR_ROLES = ["system_admin", "agency_admin"]
# Upper age bounds of the pseudonym age bands (years).
LENTERA_AGE_BANDS = [12, 18, 25, 35, 50, 65]

# One line per record on standard error: JSON by default, key=value with LENTERA_LOG_FORMAT=text.
# Records carry no identity (lentera.config.logs); the access log of `lentera serve` names the
# path without its query string and not the client's address.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "()": "lentera.config.logs.StructuredFormatter",
            "output": os.environ.get("LENTERA_LOG_FORMAT", "json"),
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LENTERA_LOG_LEVEL", "WARNING")},
    "loggers": {
        # worker start/stop, recovered runs, scheduled jobs: worth a line at the default level
        "lentera.apps.ops": {"level": os.environ.get("LENTERA_LOG_LEVEL", "INFO")},
    },
}
