"""Actors, places, topics, sources and feeds in the admin: searchable, with the counts that matter."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest

from events import services
from events.domain.vocabulary import ReviewState
from events.models import Actor, ActorAlias, Feed, FeedEntry, OfficeTerm, Place, Source, Topic

PUBLISHED = ReviewState.PUBLISHED.value


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 1


class ActorTermInline(admin.TabularInline):
    """The offices the actor held (facts; edited on the office's page)."""

    model = OfficeTerm
    fk_name = "person"
    extra = 0
    fields = ("office", "start", "end", "source")
    readonly_fields = ("office", "start", "end", "source")
    can_delete = False
    verbose_name_plural = "offices held"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country_code", "wikidata_id", "event_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "wikidata_id"]
    inlines = [ActorAliasInline, ActorTermInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Actor]:
        return super().get_queryset(request).annotate(n_events=Count("event_links__event", distinct=True))

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj: Actor) -> int:
        return getattr(obj, "n_events", 0)


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country_code", "latitude", "longitude", "event_count"]
    list_filter = ["kind", "country_code"]
    search_fields = ["name", "country_code"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Place]:
        return super().get_queryset(request).annotate(n_events=Count("events"))

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj: Place) -> int:
        return getattr(obj, "n_events", 0)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_published", "event_count", "published_count"]
    list_filter = ["is_published"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["rule_actors", "rule_places"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Topic]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_events=Count("memberships", distinct=True),
                n_published=Count("memberships", filter=Q(memberships__event__review_state=PUBLISHED), distinct=True),
            )
        )

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        # The rule's actors and places are many-to-many: saved here, after the topic itself, so the rule
        # is applied once they are in place. Events the rule now matches join the topic at once.
        super().save_related(request, form, formsets, change)
        added = services.topic_apply_rule(topic=form.instance)
        if added:
            self.message_user(request, f"{added} event(s) matching the topic's rule joined it.", messages.INFO)

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj: Topic) -> int:
        return getattr(obj, "n_events", 0)

    @admin.display(description="published", ordering="n_published")
    def published_count(self, obj: Topic) -> int:
        return getattr(obj, "n_published", 0)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "kind", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "domain"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Source]:
        return super().get_queryset(request).annotate(n_articles=Count("articles"))

    @admin.display(description="articles", ordering="n_articles")
    def article_count(self, obj: Source) -> int:
        return getattr(obj, "n_articles", 0)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "url", "is_active", "poll_minutes", "last_polled_at", "entry_count", "last_error"]
    list_filter = ["is_active"]
    search_fields = ["title", "url"]
    autocomplete_fields = ["source"]
    # The validators of the last copy read, sent back to ask "changed since?"; set by polls only.
    readonly_fields = ["etag", "modified", "last_polled_at", "last_error"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Feed]:
        return super().get_queryset(request).annotate(n_entries=Count("entries"))

    def save_model(self, request: HttpRequest, obj: Feed, form: Any, change: bool) -> None:
        if change and "url" in form.changed_data:
            # The validators belong to the old address; sent to the new one they could earn a 304
            # for a feed never read.
            obj.etag = obj.modified = ""
        super().save_model(request, obj, form, change)

    @admin.display(description="items seen", ordering="n_entries")
    def entry_count(self, obj: Feed) -> int:
        return getattr(obj, "n_entries", 0)


@admin.register(FeedEntry)
class FeedEntryAdmin(admin.ModelAdmin):
    list_display = ["guid", "feed", "article", "seen_at"]
    list_select_related = ["feed", "article"]
    search_fields = ["guid", "link"]
