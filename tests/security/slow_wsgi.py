"""A WSGI app for the stuck-request test: ``/slow`` never finishes in time, anything else answers."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from typing import Any


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    if environ.get("PATH_INFO") == "/slow":
        time.sleep(120)  # a thread stuck where no database limit reaches (a runaway loop, a hung call)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [f"ok from {os.getpid()}\n".encode()]
