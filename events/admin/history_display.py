"""How the admin's history pages write a change: "—" for nothing, names for locked fields.

django-simple-history writes an empty foreign key as "Deleted user (pk=None)" (the first publish of an
event changes ``reviewed_by`` from nothing to an editor) and a JSON list as ``['status']``; an editor
reads "—" and "status, date".
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper

EMPTY = "—"


def field_labels(model: type[Model], names: list[str] | None) -> str:
    """Field names as an editor reads them ("status, date (EDTF)"), or "—" for none."""
    if not names:
        return EMPTY
    labels = []
    for name in names:
        try:
            labels.append(str(getattr(model._meta.get_field(name), "verbose_name", name)))
        except Exception:  # a field removed since it was locked still shows by its name
            labels.append(str(name))
    return ", ".join(labels)


class ReadableHistoryContextHelper(HistoricalRecordContextHelper):
    """The library's helper with readable empty values and field lists."""

    def prepare_delta_change_value(self, change: Any, value: Any) -> Any:
        if value is None or (isinstance(value, DeletedObject) and value.pk is None):
            return EMPTY
        if change.field == "locked_fields":
            return field_labels(self.model, value if isinstance(value, list) else [])
        return super().prepare_delta_change_value(change, value)


class ReadableHistoryMixin:
    """For a SimpleHistoryAdmin: use :class:`ReadableHistoryContextHelper` on its history page."""

    def get_historical_record_context_helper(self, request: Any, historical_record: Any) -> Any:
        return ReadableHistoryContextHelper(self.model, historical_record)  # type: ignore[attr-defined]
