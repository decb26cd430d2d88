"""Small FilterSets for the API's secondary lists (events use :class:`events.filters.EventFilterSet`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django_filters import rest_framework as filters

from events.models import Actor, Article, Citation, Place


class IdFilter(filters.NumberFilter):
    """A whole-number id within 64 bits (a decimal or an overflowing value is a 400, not a 500)."""

    field_class = forms.IntegerField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


class CountryCodeFilter(filters.CharFilter):
    """An ISO 3166-1 alpha-2 code in any case, matched exactly on the upper-case code stored.

    An exact match can use an index and the planner's statistics; ``iexact`` compares ``UPPER(...)``.
    """

    def filter(self, qs: Any, value: Any) -> Any:
        return super().filter(qs, value.strip().upper() if isinstance(value, str) else value)


class CitationFilterSet(filters.FilterSet):
    event = IdFilter(field_name="event_id", label="Event id")
    article = IdFilter(field_name="article_id", label="Article id")

    class Meta:
        model = Citation
        fields: list[str] = []


class ActorFilterSet(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Actor._meta.get_field("kind").choices)
    country_code = CountryCodeFilter(field_name="country_code")
    wikidata_id = filters.CharFilter()
    name = filters.CharFilter(field_name="name", lookup_expr="icontains")

    class Meta:
        model = Actor
        fields: list[str] = []


class PlaceFilterSet(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Place._meta.get_field("kind").choices)
    country_code = CountryCodeFilter(field_name="country_code")
    name = filters.CharFilter(field_name="name", lookup_expr="icontains")

    class Meta:
        model = Place
        fields: list[str] = []


class ArticleFilterSet(filters.FilterSet):
    state = filters.ChoiceFilter(choices=Article._meta.get_field("state").choices)
    source = filters.CharFilter(field_name="source__domain", label="Outlet domain")

    class Meta:
        model = Article
        fields: list[str] = []
