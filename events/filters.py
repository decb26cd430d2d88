"""The one FilterSet for events: the public timeline pages and the researchers' API both use it.

Date semantics for imprecise dates: ``date_from``/``date_to`` keep every event whose bounds *overlap*
the window. "May 2024" (2024-05-01..2024-05-31) is inside a window of 2024-05-15..2024-06-30, because
the event may have happened on any day of May; a researcher wanting only events certainly inside the
window adds ``precision=day``.
"""

from __future__ import annotations

import builtins
import copy
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField, ModelMultipleChoiceField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from events.db_bounds import utc_datetime
from events.domain.vocabulary import EVENT_TYPES, EventStatus, EventType, Precision
from events.models import Actor, Event, Place, Topic
from events.selectors import SearchQueryError, events_search, search_words

PLOVER_CATEGORIES = sorted({info.plover_category for info in EVENT_TYPES.values() if info.plover_category})


def _types_in_category(category: str) -> list[str]:
    return [t.value for t, info in EVENT_TYPES.items() if info.plover_category == category]


def _search_query_valid(value: str) -> None:
    """A search over the word or length limit is a form error (a 400 in the API), not a silent cut."""
    try:
        search_words(value)
    except SearchQueryError as exc:
        raise ValidationError(str(exc), code="search_too_long") from None


class _UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time whose UTC value is a date-time too (years 1..9999).

    ``0001-01-01T00:00:00+14:00`` parses, but its UTC value is in year 0: converting it for the query
    raised an OverflowError (a 500). It is a form error instead (a 400 in the API).
    """

    def clean(self, value: Any) -> Any:
        cleaned = super().clean(value)
        if cleaned is None:
            return cleaned
        try:
            return utc_datetime(cleaned)
        except ValueError as exc:
            raise ValidationError(str(exc), code="out_of_range") from None


class _UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = _UtcDateTimeField


class _ChoicesField(ModelMultipleChoiceField):
    """Nothing chosen cleans to ``[]``, not ``queryset.none()``.

    The filter then asks ``if not value``, and the truth of a QuerySet evaluates it: three empty
    querysets compiled per request (SQL compilation up to the point it finds nothing to run).
    """

    def clean(self, value: Any) -> Any:
        if not self.required and not value:
            return []
        return super().clean(value)


class _BoundedIdsField(_ChoicesField):
    """Ids beyond a 64-bit integer are refused as invalid choices; SQLite would overflow on them."""

    def _check_values(self, value: Any) -> Any:
        for item in value or []:
            try:
                number = int(item)
            except (TypeError, ValueError):
                continue  # the parent class reports it
            if not -(2**63) <= number < 2**63:
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                )
        return super()._check_values(value)


class _IdsFilter(filters.ModelMultipleChoiceFilter):
    field_class = _BoundedIdsField


class _SlugsFilter(filters.ModelMultipleChoiceFilter):
    field_class = _ChoicesField


class _FiltersOfOneFilterSet(dict[str, Any]):
    """A FilterSet's ``base_filters``, copied for each FilterSet instance without a deep copy.

    django-filter deep-copies every filter per instance, and with them their choice lists and
    querysets; a public page pays for it on every request. What an instance changes on its filters is
    ``model``, ``parent``, ``extra`` (a queryset put there when the field is built), the field built
    from them (``_field``) and, for a ``method=`` filter, the proxy that finds the method on its parent;
    so a shallow copy of each filter with its own ``extra``, no field and its own proxy is as
    independent as the deep copy.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        copies: dict[str, Any] = {}
        for name, original in self.items():
            own = copy.copy(original)
            own.extra = dict(original.extra)
            own.__dict__.pop("_field", None)
            if own.method is not None:
                own.method = own.method  # a FilterMethod proxy bound to the copy, not to the original
            copies[name] = own
        return copies


class _FieldsOfOneForm(dict[str, Any]):
    """The fields of a FilterSet's form class, which is built for one FilterSet instance.

    Each field was built just now by that instance's own filters (see :class:`_FiltersOfOneFilterSet`),
    so the form may own them: Django's per-form deep copy (widgets, choice lists, querysets) is skipped.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return dict(self)


class EventFilterSet(filters.FilterSet):
    # The schema generator cannot follow topics__slug + to_field_name, so it is told: a slug string.
    topic = extend_schema_field(OpenApiTypes.STR)(
        _SlugsFilter(
            field_name="topics__slug",
            to_field_name="slug",
            queryset=Topic.objects.filter(is_published=True),
            label="Topic (slug)",
        )
    )
    actor = _IdsFilter(field_name="actor_links__actor", queryset=Actor.objects.all(), label="Actor", distinct=True)
    place = _IdsFilter(field_name="place", queryset=Place.objects.all(), label="Place")
    country = filters.CharFilter(method="filter_country", label="Country (ISO 3166-1 alpha-2 of the place)")
    # No DISTINCT for the choice filters of the event's own columns: they join nothing, so they cannot
    # repeat a row, and django-filter's default DISTINCT made PostgreSQL sort every matching row by all
    # the selected columns before it could stop at a page (bench/api.py, filtered page).
    type = filters.MultipleChoiceFilter(
        field_name="event_type",
        choices=[(t.value, EVENT_TYPES[t].label) for t in EventType],
        label="Type",
        method="filter_type",
    )
    plover_category = filters.ChoiceFilter(
        method="filter_plover_category", choices=[(c, c) for c in PLOVER_CATEGORIES], label="PLOVER category"
    )
    status = filters.MultipleChoiceFilter(
        choices=[(s.value, s.value.title()) for s in EventStatus], label="Status", distinct=False
    )
    precision = filters.MultipleChoiceFilter(
        choices=[(p.value, p.value.title()) for p in Precision], label="Date precision", distinct=False
    )
    date_from = filters.DateFilter(field_name="date_upper", lookup_expr="gte", label="From (bounds overlap)")
    date_to = filters.DateFilter(field_name="date_lower", lookup_expr="lte", label="To (bounds overlap)")
    updated_since = _UtcDateTimeFilter(field_name="updated_at", lookup_expr="gte", label="Updated since")
    q = filters.CharFilter(method="filter_q", label="Search", validators=[_search_query_valid])
    ordering = filters.OrderingFilter(
        fields=(("date_lower", "date"), ("updated_at", "updated"), ("pk", "id")),
        label="Order by",
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def get_form_class(self) -> builtins.type[Any]:  # ``type`` is a filter of this class
        form_class = super().get_form_class()
        form_class.base_fields = _FieldsOfOneForm(form_class.base_fields)
        return form_class

    def filter_country(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        # Codes are stored upper-case (ISO 3166-1), so an exact match on the normalised value finds
        # them; ``iexact`` compared UPPER(country_code), which no index serves and which the
        # PostgreSQL planner misjudged (a default 0.5% guess) into a slow plan for a filtered page.
        code = value.strip().upper()
        return queryset.filter(place__country_code=code) if code else queryset

    def filter_type(self, queryset: QuerySet[Event], name: str, value: list[str]) -> QuerySet[Event]:
        # One ``IN`` rather than django-filter's OR of equalities: PostgreSQL reads an IN list from the
        # type index alone, while the OR became a bitmap scan of the table for every match.
        return queryset.filter(event_type__in=value) if value else queryset

    def filter_plover_category(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        return queryset.filter(event_type__in=_types_in_category(value)) if value else queryset

    def filter_q(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        return events_search(queryset, value)


EventFilterSet.base_filters = _FiltersOfOneFilterSet(EventFilterSet.base_filters)

__all__ = ["EventFilterSet"]
