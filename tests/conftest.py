"""Shared test configuration.

Tests run with DEBUG on and a fixed secret so no environment is needed on a laptop. Services that a
laptop lacks (PostgreSQL, Redis, Chromium) are skipped there with a reason and required when CI=true.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling out, which this closed network refuses.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright; skipped without it on a laptop, required when CI=true."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("CI=true but /usr/bin/chromium is missing: .ci/run must install Debian's chromium")
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium); apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _facts_cache_cleared() -> Iterator[None]:
    """The date check's facts are cached per process; a test sees only the facts its database holds."""
    from events.selectors_facts import facts_clear_cache

    facts_clear_cache()
    yield
    facts_clear_cache()
