"""Attributing history rows to the user who acted, on every write path."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User

UserLike = AbstractBaseUser | AnonymousUser | None


def attribute(instance: Any, user: AbstractBaseUser | AnonymousUser | None, reason: str = "") -> None:
    """Mark the next save of ``instance`` as done by ``user`` for django-simple-history."""
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
    if reason:
        instance._change_reason = reason


def acting_user(user: UserLike) -> User | None:
    """The user to record as the author of a row, or None for anonymous and system writes."""
    if isinstance(user, User) and user.is_authenticated:
        return user
    return None
