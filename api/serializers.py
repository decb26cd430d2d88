"""Serializers: how each thing looks on the wire. No business logic; writes go through services."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from api.selectors import api_readable
from events.models import Actor, Article, Citation, Event, EventActor, Place, Source, Topic
from events.presentation.formats.base import RenderContext
from events.presentation.formats.json import event_json
from events.presentation.record import (
    CITATION_ORDER,
    Readable,
    RecordEmbeds,
    record_row_from_instance,
    records_from_rows,
)

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
        fields = ["id", "event", "quote", "start", "end", "time_text", "date_basis", "article"]


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

    :func:`events.presentation.formats.json.event_json` builds what the API sends; this field (like
    the rest of :class:`EventSerializer`'s fields) stays a complete reference for the schema and for
    the test that checks the two agree. So it reads the citations by the same rule and in the same
    order as the records: those the requester may read (one query per event: a reference, not a path
    any response takes).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)
        self.child = CitationSerializer()

    def to_representation(self, event: Event) -> list[dict[str, Any]] | str:
        if self.context.get("citations") == CITATIONS_LINK:
            url = reverse("api:citation-list", request=self.context.get("request"))
            return f"{url}?event={event.pk}"
        citations = (
            _readable(self.context)
            .citations.filter(event_id=event.pk)
            .select_related("article", "article__source")
            .order_by(*CITATION_ORDER)
        )
        return [self.child.to_representation(citation) for citation in citations]


def _event_row(item: Event | Mapping[str, Any]) -> Mapping[str, Any]:
    return record_row_from_instance(item) if isinstance(item, Event) else item


def _render_context(context: Mapping[str, Any]) -> RenderContext:
    request = context.get("request")
    site = request.build_absolute_uri("/").rstrip("/") if request is not None else ""
    return RenderContext(site=site)


def _readable(context: Mapping[str, Any]) -> Readable:
    """What the requester may see of the events' citations and relations (anonymous without a request)."""
    return api_readable(user=getattr(context.get("request"), "user", None))


def _embeds_wanted(context: Mapping[str, Any]) -> bool:
    return (context.get("citations") or CITATIONS_EMBED) != CITATIONS_LINK


class EventListSerializer(serializers.ListSerializer):
    """Many events at once: read as records, one query per embedded kind whatever their number."""

    def to_representation(self, data: Any) -> list[dict[str, Any]]:
        rows = [_event_row(item) for item in data]
        render_context = _render_context(self.context)
        records = records_from_rows(rows, with_citations=_embeds_wanted(self.context), readable=_readable(self.context))
        return [event_json(record, render_context) for record in records]


class EventSerializer(serializers.ModelSerializer[Event]):
    """An event at its true precision: the EDTF string, the bounds it implies, and the precision.

    The fields declare the shape (and the OpenAPI schema); :meth:`to_representation` builds it with
    :func:`events.presentation.formats.json.event_json` from an
    :class:`~events.presentation.record.EventRecord` instead of walking them, which a test checks gives the same JSON.

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
        list_serializer_class = EventListSerializer
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

    def to_representation(self, instance: Event | Mapping[str, Any]) -> dict[str, Any]:
        """The fields above, built from the event's record (a row or a model instance).

        ``event_embeds`` in the context (a :class:`~events.presentation.record.RecordEmbeds` read for
        many events at once) spares the queries for this one event's embeds; a caller serializing many
        events passes it, or uses ``many=True``.
        """
        embeds: RecordEmbeds | None = self.context.get("event_embeds")
        records = records_from_rows(
            [_event_row(instance)],
            embeds,
            with_citations=_embeds_wanted(self.context),
            readable=_readable(self.context),
        )
        return event_json(records[0], _render_context(self.context))


class EventBriefSerializer(serializers.ModelSerializer[Event]):
    url = serializers.SerializerMethodField()
    type = serializers.CharField(source="event_type", read_only=True)

    class Meta:
        model = Event
        fields = ["id", "url", "title", "type", "status", "review_state", "date_edtf", "precision"]

    def get_url(self, event: Event) -> str:
        return reverse("api:event-detail", kwargs={"pk": event.pk}, request=self.context.get("request"))


class DateCheckReasonSerializer(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=["office", "gathering", "known_event", "year", "weekday", "future"])
    quote = serializers.CharField(help_text="The words of the article the reason rests on.")
    fact = serializers.CharField(help_text="The fact they contradict, with its dates.")
    sentence = serializers.CharField(help_text="The reason as an editor reads it.")
    fits_from = serializers.DateField(help_text="The earliest publication date this clue allows.")
    fits_to = serializers.DateField(help_text="The latest publication date this clue allows.")


class DateCheckSerializer(serializers.Serializer[Any]):
    """Whether the stated publication date fits what the text says (see events/pubdate)."""

    verdict = serializers.ChoiceField(
        choices=["", "ok", "doubtful", "corrected"],
        help_text="Empty: not checked yet. `corrected`: an editor used the suggested date.",
    )
    stated = serializers.DateField(allow_null=True, help_text="The date the article stated, when it was corrected.")
    suggested = serializers.DateField(allow_null=True)
    suggested_from = serializers.DateField(allow_null=True)
    suggested_to = serializers.DateField(allow_null=True)
    reasons = DateCheckReasonSerializer(many=True)


class ArticleSerializer(serializers.ModelSerializer[Article]):
    """An article's metadata and processing state; ``status_url`` is where to poll after submitting."""

    source = SourceSerializer(read_only=True, allow_null=True)  # type: ignore[assignment]  # a field named 'source'
    status_url = serializers.SerializerMethodField()
    date_check = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id",
            "url",
            "title",
            "byline",
            "published",
            "date_check",
            "source",
            "state",
            "status_url",
            "created_at",
        ]

    @extend_schema_field(DateCheckSerializer)
    def get_date_check(self, article: Article) -> dict[str, Any]:
        return {
            "verdict": article.date_check,
            "stated": article.date_stated,
            "suggested": article.date_suggested,
            "suggested_from": article.date_suggested_from,
            "suggested_to": article.date_suggested_to,
            "reasons": article.date_check_reasons or [],
        }

    def get_status_url(self, article: Article) -> str:
        return reverse("api:article-detail", kwargs={"pk": article.pk}, request=self.context.get("request"))


class ArticleStatusSerializer(ArticleSerializer):
    """One article with its error, if any, and the events drawn from it that the requester may read."""

    events = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [
            *ArticleSerializer.Meta.fields,
            "error",
            "outcome_reason",
            "outcome_detail",
            "language",
            "state_changed_at",
            "events",
        ]

    def get_error(self, article: Article) -> str:
        """The error as the requester may read it (``article_error`` in the context, else as stored)."""
        shown = self.context.get("article_error")
        return article.error if shown is None else str(shown)

    @extend_schema_field(EventBriefSerializer(many=True))
    def get_events(self, article: Article) -> list[dict[str, Any]]:
        events = self.context.get("article_events", [])
        return EventBriefSerializer(events, many=True, context=self.context).data  # type: ignore[return-value]


class ArticleSubmitSerializer(serializers.Serializer[Any]):
    """A URL to fetch, or pasted text: exactly one of them, as in the admin's form."""

    url = serializers.URLField(required=False, max_length=2000)
    text = serializers.CharField(
        required=False,
        max_length=settings.ARTICLE_MAX_CHARS,
        trim_whitespace=False,
        help_text="The article's text; at most ARTICLE_MAX_CHARS (2,000,000 by default) characters.",
    )
    title = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")
    published = serializers.DateField(required=False, allow_null=True, default=None)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        has_url, has_text = bool(attrs.get("url")), bool((attrs.get("text") or "").strip())
        if not has_url and not has_text:
            raise serializers.ValidationError("give a url, or the article's text")
        if has_url and has_text:
            # Which one would be stored is a guess the submitter should not have to make (the admin refuses it too).
            raise serializers.ValidationError("give exactly one of url or text, not both")
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
