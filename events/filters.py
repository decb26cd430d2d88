"""The one FilterSet for events: the public timeline pages and the researchers' API both use it.

Date semantics for imprecise dates: ``date_from``/``date_to`` keep every event whose bounds *overlap*
the window. "May 2024" (2024-05-01..2024-05-31) is inside a window of 2024-05-15..2024-06-30, because
the event may have happened on any day of May; a researcher wanting only events certainly inside the
window adds ``precision=day``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django_filters import rest_framework as filters
from django_filters.fields import ModelMultipleChoiceField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from events.extraction.vocabulary import EVENT_TYPES, EventStatus, EventType, Precision
from events.models import Actor, Event, Place, Topic
from events.selectors import events_search

PLOVER_CATEGORIES = sorted({info.plover_category for info in EVENT_TYPES.values() if info.plover_category})


def _types_in_category(category: str) -> list[str]:
    return [t.value for t, info in EVENT_TYPES.items() if info.plover_category == category]


class _BoundedIdsField(ModelMultipleChoiceField):
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


class EventFilterSet(filters.FilterSet):
    # The schema generator cannot follow topics__slug + to_field_name, so it is told: a slug string.
    topic = extend_schema_field(OpenApiTypes.STR)(
        filters.ModelMultipleChoiceFilter(
            field_name="topics__slug",
            to_field_name="slug",
            queryset=Topic.objects.filter(is_published=True),
            label="Topic (slug)",
        )
    )
    actor = _IdsFilter(field_name="actor_links__actor", queryset=Actor.objects.all(), label="Actor", distinct=True)
    place = _IdsFilter(field_name="place", queryset=Place.objects.all(), label="Place")
    country = filters.CharFilter(method="filter_country", label="Country (ISO 3166-1 alpha-2 of the place)")
    type = filters.MultipleChoiceFilter(
        field_name="event_type", choices=[(t.value, EVENT_TYPES[t].label) for t in EventType], label="Type"
    )
    plover_category = filters.ChoiceFilter(
        method="filter_plover_category", choices=[(c, c) for c in PLOVER_CATEGORIES], label="PLOVER category"
    )
    status = filters.MultipleChoiceFilter(choices=[(s.value, s.value.title()) for s in EventStatus], label="Status")
    precision = filters.MultipleChoiceFilter(
        choices=[(p.value, p.value.title()) for p in Precision], label="Date precision"
    )
    date_from = filters.DateFilter(field_name="date_upper", lookup_expr="gte", label="From (bounds overlap)")
    date_to = filters.DateFilter(field_name="date_lower", lookup_expr="lte", label="To (bounds overlap)")
    updated_since = filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte", label="Updated since")
    q = filters.CharFilter(method="filter_q", label="Search")
    ordering = filters.OrderingFilter(
        fields=(("date_lower", "date"), ("updated_at", "updated"), ("pk", "id")),
        label="Order by",
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def filter_country(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        # Codes are stored upper-case (ISO 3166-1), so an exact match on the normalised value finds
        # them; ``iexact`` compared UPPER(country_code), which no index serves and which the
        # PostgreSQL planner misjudged (a default 0.5% guess) into a slow plan for a filtered page.
        code = value.strip().upper()
        return queryset.filter(place__country_code=code) if code else queryset

    def filter_plover_category(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        return queryset.filter(event_type__in=_types_in_category(value)) if value else queryset

    def filter_q(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        return events_search(queryset, value)


__all__ = ["EventFilterSet"]
