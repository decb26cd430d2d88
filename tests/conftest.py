"""Shared test configuration.

Tests run with DEBUG on and a fixed secret so no environment is needed on a laptop. Services that a
laptop lacks (PostgreSQL, Redis, Chromium) are skipped there with a reason and required when CI=true.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"
