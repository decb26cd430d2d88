"""One log record per sign-in attempt: who, from where, through which door, and the outcome.

django-axes keeps the counts that drive the lockout (and masks names in its own messages); these
records are the audit trail. The username is whatever the client typed, so it goes through the log
formatters' control-character escaping like any user input.
"""

from __future__ import annotations

import logging
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.http import HttpRequest

from timeline.middleware import client_ip

logger = logging.getLogger("timeline.auth")


def _where(request: HttpRequest | None) -> dict[str, str]:
    if request is None:
        return {"client_ip": "", "path": ""}
    return {"client_ip": client_ip(request), "path": getattr(request, "path", "")}


def log_login_succeeded(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """Receiver of ``user_logged_in``."""
    username = user.get_username()
    logger.info("login succeeded for %r", username, extra={"event": "login", "username": username, **_where(request)})


def log_login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    """Receiver of ``user_login_failed`` (wrong password, unknown user, or refused by the lockout)."""
    username = str(credentials.get("username", ""))
    locked = bool(getattr(request, "axes_locked_out", False))
    logger.warning(
        "login failed for %r%s",
        username,
        " (locked out)" if locked else "",
        extra={"event": "login_failed", "username": username, "locked_out": locked, **_where(request)},
    )


def connect() -> None:
    """Connects the receivers (once; from the admin app's ``ready``)."""
    user_logged_in.connect(log_login_succeeded, dispatch_uid="timeline.login_log.succeeded")
    user_login_failed.connect(log_login_failed, dispatch_uid="timeline.login_log.failed")
