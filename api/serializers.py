"""Serializers: how each thing looks on the wire. No business logic; writes go through services."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from events.models import Actor, Article, Citation, Event, EventActor, Place, Source, Topic

CITATIONS_EMBED = "embed"
CITATIONS_LINK = "link"


class SourceSerializer(serializers.ModelSerializer[Source]):
    class Meta:
        model = Source
        fields = ["id", "name", "domain", "kind", "homepage"]


class PlaceSerializer(serializers.ModelSerializer[Place]):
    class Meta:
        model = Place
        fields = ["id", "name", "kind", "country_code", "latitude", "longitude", "geonames_id"]


class ActorSerializer(serializers.ModelSerializer[Actor]):
    aliases: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name"
    )

    class Meta:
        model = Actor
        fields = ["id", "name", "kind", "country_code", "wikidata_id", "description", "aliases"]


class TopicSerializer(serializers.ModelSerializer[Topic]):
    event_count = serializers.IntegerField(read_only=True, help_text="Published events in the topic.")

    class Meta:
        model = Topic
        fields = ["slug", "name", "description", "event_count"]


class TopicBriefSerializer(serializers.ModelSerializer[Topic]):
    class Meta:
        model = Topic
        fields = ["slug", "name"]


class EventActorSerializer(serializers.ModelSerializer[EventActor]):
    """An actor as it takes part in one event: the actor's fields plus its role there."""

    id = serializers.IntegerField(source="actor.id", read_only=True)
    name = serializers.CharField(source="actor.name", read_only=True)
    kind = serializers.CharField(source="actor.kind", read_only=True)
    country_code = serializers.CharField(source="actor.country_code", read_only=True)
    wikidata_id = serializers.CharField(source="actor.wikidata_id", read_only=True, allow_null=True)

    class Meta:
        model = EventActor
        fields = ["id", "name", "kind", "country_code", "wikidata_id", "role"]


class CitedArticleSerializer(serializers.ModelSerializer[Article]):
    """The article a citation quotes, with its outlet: enough to cite it without another request."""

    outlet = serializers.CharField(source="source.name", read_only=True, allow_null=True, default=None)
    outlet_domain = serializers.CharField(source="source.domain", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Article
        fields = ["id", "url", "title", "published", "outlet", "outlet_domain"]


class CitationSerializer(serializers.ModelSerializer[Citation]):
    """The sentence that reports an event; ``start``/``end`` are offsets into the article's clean text."""

    event = serializers.IntegerField(source="event_id", read_only=True)
    article = CitedArticleSerializer(read_only=True)

    class Meta:
        model = Citation
        fields = ["id", "event", "quote", "start", "end", "time_text", "article"]


class RelatedEventSerializer(serializers.Serializer[Any]):
    kind = serializers.CharField()
    event = serializers.IntegerField(source="to_event_id")


@extend_schema_field(
    {
        "oneOf": [
            {"type": "array", "items": {"$ref": "#/components/schemas/Citation"}},
            {"type": "string", "format": "uri"},
        ]
    }
)
class EventCitationsField(serializers.Field):
    """An event's citations inline, or the URL that lists them (``citations=link`` in the context).

    The citation serializer is built once per field, not once per event: building a ModelSerializer's
    fields is what made a page of 100 events slow.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)
        self.child = CitationSerializer()

    def to_representation(self, event: Event) -> list[dict[str, Any]] | str:
        if self.context.get("citations") == CITATIONS_LINK:
            url = reverse("api:citation-list", request=self.context.get("request"))
            return f"{url}?event={event.pk}"
        return [self.child.to_representation(citation) for citation in event.citations.all()]


class EventSerializer(serializers.ModelSerializer[Event]):
    """An event at its true precision: the EDTF string, the bounds it implies, and the precision.

    ``citations`` is a list of citations (``?citations=embed``, the default) or the URL of the
    event's citations (``?citations=link``).
    """

    url = serializers.SerializerMethodField()
    type = serializers.CharField(source="event_type", read_only=True)
    plover_category = serializers.CharField(read_only=True, help_text="PLOVER category; empty for `other`.")
    plover_mode = serializers.CharField(read_only=True, help_text="PLOVER mode; empty for `other`.")
    date_display = serializers.CharField(source="human_date", read_only=True, help_text="e.g. 'May 2024'.")
    place = PlaceSerializer(read_only=True, allow_null=True)
    actors = EventActorSerializer(source="actor_links", many=True, read_only=True)
    topics = TopicBriefSerializer(many=True, read_only=True)
    related = RelatedEventSerializer(source="relations_out", many=True, read_only=True)
    citations = EventCitationsField()

    class Meta:
        model = Event
        fields = [
            "id",
            "url",
            "title",
            "summary",
            "type",
            "plover_category",
            "plover_mode",
            "status",
            "review_state",
            "date_edtf",
            "date_lower",
            "date_upper",
            "precision",
            "date_is_week",
            "date_display",
            "confidence",
            "place",
            "actors",
            "topics",
            "related",
            "citations",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "date_lower": {"help_text": "Earliest day the date can mean (inclusive)."},
            "date_upper": {"help_text": "Latest day the date can mean (inclusive)."},
        }

    def get_url(self, event: Event) -> str:
        return reverse("api:event-detail", kwargs={"pk": event.pk}, request=self.context.get("request"))


class EventBriefSerializer(serializers.ModelSerializer[Event]):
    url = serializers.SerializerMethodField()
    type = serializers.CharField(source="event_type", read_only=True)

    class Meta:
        model = Event
        fields = ["id", "url", "title", "type", "status", "review_state", "date_edtf", "precision"]

    def get_url(self, event: Event) -> str:
        return reverse("api:event-detail", kwargs={"pk": event.pk}, request=self.context.get("request"))


class ArticleSerializer(serializers.ModelSerializer[Article]):
    """An article's metadata and processing state; ``status_url`` is where to poll after submitting."""

    source = SourceSerializer(read_only=True, allow_null=True)  # type: ignore[assignment]  # a field named 'source'
    status_url = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = ["id", "url", "title", "byline", "published", "source", "state", "status_url", "created_at"]

    def get_status_url(self, article: Article) -> str:
        return reverse("api:article-detail", kwargs={"pk": article.pk}, request=self.context.get("request"))


class ArticleStatusSerializer(ArticleSerializer):
    """One article with its error, if any, and the events drawn from it that the requester may read."""

    events = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "error", "state_changed_at", "events"]

    @extend_schema_field(EventBriefSerializer(many=True))
    def get_events(self, article: Article) -> list[dict[str, Any]]:
        events = self.context.get("article_events", [])
        return EventBriefSerializer(events, many=True, context=self.context).data  # type: ignore[return-value]


class ArticleSubmitSerializer(serializers.Serializer[Any]):
    """A URL to fetch, or pasted text (optionally with the URL it came from)."""

    url = serializers.URLField(required=False, max_length=2000)
    text = serializers.CharField(required=False, max_length=2_000_000, trim_whitespace=False)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    published = serializers.DateField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs.get("url") and not (attrs.get("text") or "").strip():
            raise serializers.ValidationError("give a url, or the article's text")
        return attrs


class EventChangeSerializer(serializers.Serializer[Any]):
    """One entry of the change feed: what to do with one event id in a mirror."""

    seq = serializers.IntegerField(help_text="Position in the feed; pass the last one as `after`.")
    event_id = serializers.IntegerField()
    changed_at = serializers.DateTimeField()
    action = serializers.ChoiceField(choices=["upsert", "remove"])
    reason = serializers.ChoiceField(
        choices=["visible", "merged", "not_published", "deleted"],
        help_text="Why: `visible` (store `event`), `merged` (replace by `merged_into`), "
        "`not_published` (unpublished, rejected or never published) or `deleted`.",
    )
    merged_into = serializers.IntegerField(allow_null=True)
    event = EventSerializer(allow_null=True)


class TokenSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`; only its hash is stored.")
    expiry = serializers.DateTimeField(allow_null=True)


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def event_export_dicts(events: list[Event], *, event_url: str, citations: str) -> list[dict[str, Any]]:
    """The bulk export's representation, identical to :class:`EventSerializer`'s output, built directly.

    DRF walks every field of every nested serializer per object; at a million events that walk, not the
    database, was the cost. ``event_url`` is the detail URL with ``0`` for the id. A test checks that
    both representations stay equal.
    """
    prefix, suffix = event_url.rsplit("0", 1)
    citations_url = event_url.replace("/events/0/", "/citations/")
    out = []
    for event in events:
        place = event.place
        out.append(
            {
                "id": event.pk,
                "url": f"{prefix}{event.pk}{suffix}",
                "title": event.title,
                "summary": event.summary,
                "type": event.event_type,
                "plover_category": event.plover_category,
                "plover_mode": event.plover_mode,
                "status": event.status,
                "review_state": event.review_state,
                "date_edtf": event.date_edtf,
                "date_lower": _iso(event.date_lower),
                "date_upper": _iso(event.date_upper),
                "precision": event.precision,
                "date_is_week": event.date_is_week,
                "date_display": event.human_date,
                "confidence": event.confidence,
                "place": None
                if place is None
                else {
                    "id": place.pk,
                    "name": place.name,
                    "kind": place.kind,
                    "country_code": place.country_code,
                    "latitude": place.latitude,
                    "longitude": place.longitude,
                    "geonames_id": place.geonames_id,
                },
                "actors": [
                    {
                        "id": link.actor.pk,
                        "name": link.actor.name,
                        "kind": link.actor.kind,
                        "country_code": link.actor.country_code,
                        "wikidata_id": link.actor.wikidata_id,
                        "role": link.role,
                    }
                    for link in event.actor_links.all()
                ],
                "topics": [{"slug": topic.slug, "name": topic.name} for topic in event.topics.all()],
                "related": [{"kind": r.kind, "event": r.to_event_id} for r in event.relations_out.all()],
                "citations": f"{citations_url}?event={event.pk}"
                if citations == CITATIONS_LINK
                else [
                    {
                        "id": c.pk,
                        "event": c.event_id,
                        "quote": c.quote,
                        "start": c.start,
                        "end": c.end,
                        "time_text": c.time_text,
                        "article": {
                            "id": c.article.pk,
                            "url": c.article.url,
                            "title": c.article.title,
                            "published": _iso(c.article.published),
                            "outlet": c.article.source.name if c.article.source else None,
                            "outlet_domain": c.article.source.domain if c.article.source else None,
                        },
                    }
                    for c in event.citations.all()
                ],
                "created_at": _iso(event.created_at),
                "updated_at": _iso(event.updated_at),
            }
        )
    return out
