"""Shared test configuration.

Tests run with DEBUG on and a fixed secret so no environment is needed on a laptop. Services that a
laptop lacks (PostgreSQL, Redis, Chromium) are skipped there with a reason and required when CI=true.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"
