"""Small FilterSets for the API's secondary lists (events use :class:`events.filters.EventFilterSet`)."""

from __future__ import annotations

from django_filters import rest_framework as filters

from events.models import Actor, Article, Citation, Place


class CitationFilterSet(filters.FilterSet):
    event = filters.NumberFilter(field_name="event_id", label="Event id")
    article = filters.NumberFilter(field_name="article_id", label="Article id")

    class Meta:
        model = Citation
        fields: list[str] = []


class ActorFilterSet(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Actor._meta.get_field("kind").choices)
    country_code = filters.CharFilter(field_name="country_code", lookup_expr="iexact")
    wikidata_id = filters.CharFilter()
    name = filters.CharFilter(field_name="name", lookup_expr="icontains")

    class Meta:
        model = Actor
        fields: list[str] = []


class PlaceFilterSet(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Place._meta.get_field("kind").choices)
    country_code = filters.CharFilter(field_name="country_code", lookup_expr="iexact")
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
