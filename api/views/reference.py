"""Reference data the events point at: topics, actors, places and outlets (read-only)."""

from __future__ import annotations

from django.db.models import QuerySet
from rest_framework import viewsets

from api.filters import ActorFilterSet, PlaceFilterSet
from api.selectors import api_actors, api_places, api_sources, api_topics
from api.serializers import ActorSerializer, PlaceSerializer, SourceSerializer, TopicSerializer
from events.models import Actor, Place, Source, Topic


class TopicViewSet(viewsets.ReadOnlyModelViewSet[Topic]):
    """Published topics with their count of published events; look one up by slug."""

    serializer_class = TopicSerializer
    lookup_field = "slug"
    # Any segment reaches the view, so an odd slug gets the API's JSON 404 rather than the site's HTML one.
    lookup_value_regex = "[^/]+"
    keyset_orderings = {"slug": ("slug",)}

    def get_queryset(self) -> QuerySet[Topic]:
        return api_topics()


class ActorViewSet(viewsets.ReadOnlyModelViewSet[Actor]):
    """Actors the events you may read name (anonymous: published events only)."""

    serializer_class = ActorSerializer
    filterset_class = ActorFilterSet

    def get_queryset(self) -> QuerySet[Actor]:
        return api_actors(user=self.request.user)


class PlaceViewSet(viewsets.ReadOnlyModelViewSet[Place]):
    """Places of the events you may read (anonymous: published events only)."""

    serializer_class = PlaceSerializer
    filterset_class = PlaceFilterSet

    def get_queryset(self) -> QuerySet[Place]:
        return api_places(user=self.request.user)


class SourceViewSet(viewsets.ReadOnlyModelViewSet[Source]):
    """Outlets of the articles you may read (anonymous: those a published event's accepted citation quotes)."""

    serializer_class = SourceSerializer

    def get_queryset(self) -> QuerySet[Source]:
        return api_sources(user=self.request.user)
