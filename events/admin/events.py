"""Events in the admin: data entry, review (publish / reject), merges and their undoing."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from simple_history.admin import SimpleHistoryAdmin

from events import services
from events.admin.review import review_urls
from events.domain.vocabulary import ReviewState
from events.exceptions import DomainError
from events.models import Citation, Event, EventActor, EventMerge, EventRelation, TopicMembership


class CitationInline(admin.TabularInline):
    model = Citation
    fk_name = "event"
    extra = 0
    autocomplete_fields = ["article"]
    fields = [
        "article", "quote", "start", "end", "time_text", "date_basis", "rule", "match_score", "match_reason",
        "split_link",
    ]  # fmt: skip
    readonly_fields = ["date_basis", "rule", "match_score", "match_reason", "split_link"]

    @admin.display(description="wrong match?")
    def split_link(self, obj: Citation) -> SafeString | str:
        if obj.pk is None or not obj.match_reason:
            return ""  # only a citation the pipeline matched to this event can be wrongly matched
        return format_html('<a href="{}">split off</a>', reverse("admin:events_event_citation_split", args=[obj.pk]))


class EventActorInline(admin.TabularInline):
    model = EventActor
    extra = 0
    autocomplete_fields = ["actor"]


class TopicMembershipInline(admin.TabularInline):
    model = TopicMembership
    extra = 0
    autocomplete_fields = ["topic"]
    fields = ["topic", "origin"]
    readonly_fields = ["origin"]


class EventRelationInline(admin.TabularInline):
    model = EventRelation
    fk_name = "from_event"
    extra = 0
    autocomplete_fields = ["to_event"]
    verbose_name = "related event"


class MergedFilter(admin.SimpleListFilter):
    title = "merged"
    parameter_name = "merged"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("no", "Not merged"), ("yes", "Merged into another")]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> QuerySet[Event]:
        if self.value() == "no":
            return queryset.filter(merged_into__isnull=True)
        if self.value() == "yes":
            return queryset.filter(merged_into__isnull=False)
        return queryset


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = [
        "human_date_display",
        "title",
        "event_type",
        "status",
        "review_state",
        "citation_count",
        "topic_list",
    ]
    list_display_links = ["title"]
    list_filter = ["review_state", "status", "event_type", "precision", "topics", MergedFilter]
    search_fields = [
        "title",
        "summary",
        "actor_links__actor__name",
        "actor_links__actor__aliases__name",
        "citations__quote",
    ]
    autocomplete_fields = ["place"]
    readonly_fields = [
        "date_lower",
        "date_upper",
        "precision",
        "merged_into_link",
        "reviewed_by",
        "reviewed_at",
        "locked_fields",
        "plover",
        "proposed_date_edtf",
        "proposed_date_reason",
        "date_warning",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "summary", "event_type", "plover", "status", "review_state", "confidence"]}),
        (
            "Date",
            {
                "fields": [
                    "date_edtf",
                    "date_is_week",
                    "precision",
                    "date_lower",
                    "date_upper",
                    "proposed_date_edtf",
                    "proposed_date_reason",
                    "date_warning",
                ]
            },
        ),
        ("Where", {"fields": ["place"]}),
        (
            "Review",
            {"fields": ["merged_into_link", "reviewed_by", "reviewed_at", "locked_fields", "created_at", "updated_at"]},
        ),
    ]
    inlines = [CitationInline, EventActorInline, TopicMembershipInline, EventRelationInline]
    actions = ["publish", "reject", "merge_selected", "undo_merge", "accept_proposed_dates"]
    ordering = ["-date_lower"]
    list_per_page = 50

    def get_queryset(self, request: HttpRequest) -> QuerySet[Event]:
        return (
            super()
            .get_queryset(request)
            .annotate(n_citations=Count("citations", distinct=True))
            .prefetch_related("topics")
        )

    def get_urls(self) -> list[URLPattern]:
        return [*review_urls(self), *super().get_urls()]  # before "<path:object_id>/", which would take them

    # -- who may do what ---------------------------------------------------------------------------
    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("events.publish_event")

    def has_merge_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("events.merge_event")

    def has_change_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.review_state != ReviewState.PROPOSED:
            # Contributors edit proposals only; what is published or rejected is an editor's.
            return self.has_publish_permission(request)
        return allowed

    def get_readonly_fields(self, request: HttpRequest, obj: Event | None = None) -> Any:
        # The review state changes only through the publish / reject actions: their service checks that a
        # published event cites a source and records who reviewed it, which a form field would skip.
        return [*super().get_readonly_fields(request, obj), "review_state"]

    # -- list columns ------------------------------------------------------------------------------
    @admin.display(description="date", ordering="date_lower")
    def human_date_display(self, obj: Event) -> str:
        return obj.human_date

    @admin.display(description="citations", ordering="n_citations")
    def citation_count(self, obj: Event) -> int:
        return getattr(obj, "n_citations", 0)

    @admin.display(description="topics")
    def topic_list(self, obj: Event) -> str:
        return ", ".join(t.name for t in obj.topics.all())

    @admin.display(description="PLOVER")
    def plover(self, obj: Event) -> str:
        return f"{obj.plover_category} / {obj.plover_mode}" if obj.event_type else ""

    @admin.display(description="merged into")
    def merged_into_link(self, obj: Event) -> SafeString | str:
        if obj.merged_into_id is None:
            return "—"
        url = reverse("admin:events_event_change", args=[obj.merged_into_id])
        return format_html('<a href="{}">event {}</a> (use “Undo merge” to split it again)', url, obj.merged_into_id)

    # -- saving through services -------------------------------------------------------------------
    def save_model(self, request: HttpRequest, obj: Event, form: Any, change: bool) -> None:
        """Save through the services: an edit locks what the editor changed; a new event starts proposed."""
        data = form.cleaned_data
        if change:
            edited = {name: data[name] for name in form.changed_data if name in services.events.EDITABLE_FIELDS}
            saved = services.event_update(event=Event.objects.get(pk=obj.pk), user=request.user, **edited)
        else:
            saved = services.event_create(
                title=data["title"],
                summary=data.get("summary") or "",
                event_type=data["event_type"],
                status=data["status"],
                date_edtf=data["date_edtf"],
                date_is_week=bool(data.get("date_is_week")),
                place=data.get("place"),
                confidence=data.get("confidence", 1.0),
                user=request.user,
            )
        # The inlines (citations, actors, topics) are saved next, against this instance.
        obj.__dict__.update({k: v for k, v in saved.__dict__.items() if not k.startswith("_")})
        obj._state.adding = False

    @admin.display(description="date warning")
    def date_warning(self, obj: Event) -> str:
        doubtful = obj.citations.filter(article__date_check="doubtful").values_list("article_id", flat=True)
        if not doubtful:
            return ""
        ids = ", ".join(str(pk) for pk in doubtful)
        return f"Dated from article(s) {ids} whose publication date is doubtful: check the date before publishing."

    # -- actions -----------------------------------------------------------------------------------
    @admin.action(description="Accept the proposed dates", permissions=["publish"])
    def accept_proposed_dates(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        from events.services.event_dates import events_accept_proposed_dates

        try:
            count = events_accept_proposed_dates(events=list(queryset), user=request.user)
        except DomainError as exc:
            self.message_user(request, f"No date changed: {exc}", messages.ERROR)
            return
        self.message_user(request, f"Moved {count} event(s) to their proposed dates.", messages.SUCCESS)

    @admin.action(description="Publish selected events", permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        try:
            count = services.event_publish(events=list(queryset), user=request.user)
        except DomainError as exc:
            self.message_user(request, f"Nothing published: {exc}", messages.ERROR)
            return
        self.message_user(request, f"Published {count} event(s).", messages.SUCCESS)

    @admin.action(description="Reject selected events", permissions=["publish"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        try:
            count = services.event_reject(events=list(queryset), user=request.user)
        except DomainError as exc:
            self.message_user(request, f"Nothing rejected: {exc}", messages.ERROR)
            return
        self.message_user(request, f"Rejected {count} event(s).", messages.SUCCESS)

    @admin.action(description="Merge selected events into one", permissions=["merge"])
    def merge_selected(self, request: HttpRequest, queryset: QuerySet[Event]) -> HttpResponse | None:
        events = list(queryset.order_by("created_at"))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        if "target" in request.POST:
            target = next((e for e in events if str(e.pk) == request.POST["target"]), None)
            if target is None:
                self.message_user(request, "Choose one of the selected events as the target.", messages.ERROR)
                return None
            try:
                services.event_merge(
                    target=target,
                    others=[e for e in events if e.pk != target.pk],
                    user=request.user,
                    reason=request.POST.get("reason", ""),
                )
            except DomainError as exc:
                self.message_user(request, f"Nothing merged: {exc}", messages.ERROR)
                return None
            self.message_user(
                request,
                f"Merged {len(events) - 1} event(s) into “{target.title}”; all citations kept.",
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge events",
            "events": events,
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/events/event/merge_confirm.html", context)

    @admin.action(description="Undo merge of selected events", permissions=["merge"])
    def undo_merge(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        undone, errors = 0, []
        for event in queryset:
            try:
                services.event_unmerge(event=event, user=request.user)
                undone += 1
            except DomainError as exc:
                errors.append(str(exc))
        if undone:
            self.message_user(request, f"Undid {undone} merge(s); their citations are back.", messages.SUCCESS)
        if errors:
            self.message_user(request, "; ".join(errors), messages.WARNING)


@admin.register(EventMerge)
class EventMergeAdmin(admin.ModelAdmin):
    list_display = ["merged", "target", "merged_by", "merged_at", "undone_at", "moved"]
    list_select_related = ["merged", "target", "merged_by"]
    readonly_fields = [f.name for f in EventMerge._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: EventMerge | None = None) -> bool:
        return False

    @admin.display(description="citations moved")
    def moved(self, obj: EventMerge) -> SafeString:
        return format_html_join(", ", "{}", ((pk,) for pk in obj.moved_citation_ids))
