"""Each EventFilterSet owns its filters and form fields, though they are no longer deep-copied."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from events.filters import EventFilterSet
from events.models import Actor, Event

pytestmark = pytest.mark.django_db


def test_it_gives_each_filterset_its_own_filters_and_fields() -> None:
    first = EventFilterSet(QueryDict(""), queryset=Event.objects.all())
    second = EventFilterSet(QueryDict(""), queryset=Event.objects.all())
    assert first.filters["actor"] is not second.filters["actor"]
    assert first.filters["actor"].extra is not EventFilterSet.base_filters["actor"].extra
    first.form.fields["actor"].queryset = Actor.objects.none()
    first.form.fields["date_from"].widget.input_type = "date"
    assert second.form.fields["actor"] is not first.form.fields["actor"]
    assert second.form.fields["actor"].queryset.query.is_empty() is False
    assert second.form.fields["date_from"].widget.input_type == "text"


def test_a_method_filter_calls_the_method_of_its_own_filterset() -> None:
    filterset = EventFilterSet(QueryDict("country=at"), queryset=Event.objects.all())
    assert filterset.filters["country"].filter.f is filterset.filters["country"]
    assert filterset.filters["country"].parent is filterset
    assert "AT" in str(filterset.qs.query)


def test_nothing_chosen_leaves_the_queryset_unfiltered_without_a_query(
    django_assert_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    with django_assert_num_queries(0):
        filterset = EventFilterSet(QueryDict("type=visit"), queryset=Event.objects.all())
        assert filterset.form.is_valid()
        assert filterset.form.cleaned_data["actor"] == []
        assert filterset.form.cleaned_data["topic"] == []
        assert "actor" not in str(filterset.qs.query).lower()
