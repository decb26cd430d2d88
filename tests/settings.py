"""Settings for the test suite: the site's settings with a development key and DEBUG on.

Everything else still comes from the environment, so CI can point DATABASE_URL at PostgreSQL and
CELERY_BROKER_URL at Redis.
"""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

from timeline.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast user creation in tests

# Test-only patches for the tests' subprocesses (workers), switched on by their environment.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.hooks"]  # noqa: F405
