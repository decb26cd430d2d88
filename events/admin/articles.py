"""Articles in the admin: add by pasted text, uploaded HTML file or URL; see cited sentences highlighted."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import URLPattern, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from simple_history.admin import SimpleHistoryAdmin

from events import services
from events.admin.bulk import bulk_urls
from events.exceptions import DomainError
from events.models import Article, Source
from events.selectors import article_find_duplicate, article_text_segments


class ArticleSubmitForm(forms.ModelForm):
    """Exactly one of: pasted text, an HTML file, or a URL."""

    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 16, "cols": 100}), required=False, label="Paste text")
    html_file = forms.FileField(required=False, label="…or upload an HTML file")
    submit_url = forms.CharField(
        required=False, label="…or give a URL", help_text="Stored as queued; the ingestion worker fetches it."
    )

    class Meta:
        model = Article
        fields = ["title", "published", "source"]

    def clean_html_file(self) -> Any:
        upload = self.cleaned_data.get("html_file")
        if upload is not None and upload.size > settings.ARTICLE_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; the limit is {settings.ARTICLE_UPLOAD_MAX_BYTES:,} bytes."
            )
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [
            bool((data.get("text") or "").strip()),
            data.get("html_file") is not None,
            bool(data.get("submit_url")),
        ]
        if sum(given) != 1:
            raise forms.ValidationError("Give exactly one of: pasted text, an HTML file, or a URL.")
        url = None
        if data.get("submit_url"):
            from events.ingestion.urls import canonical_url

            try:
                url = canonical_url(data["submit_url"].strip())
            except ValueError as exc:
                raise forms.ValidationError({"submit_url": f"Not a usable article URL: {exc}"}) from None
        existing = article_find_duplicate(text=data.get("text"), url=url)
        if existing is not None:
            raise forms.ValidationError(f"This article is already stored as article {existing.pk} ({existing}).")
        return data

    def submit(self, request: HttpRequest) -> Article:
        data = self.cleaned_data
        source: Source | None = data.get("source")
        upload = data.get("html_file")
        return services.article_submit(
            text=data.get("text"),
            html=upload.read() if upload is not None else None,
            filename=upload.name if upload is not None else "",
            url=data.get("submit_url"),
            title=data.get("title") or "",
            published=data.get("published"),
            source=source,
            user=request.user,
        )


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "source", "published", "date_check", "state", "attempts", "citation_count", "created_at"]
    actions = ["retry_processing", "reprocess", "use_suggested_date"]
    list_filter = ["state", "date_check", "published_source", "original_kind", "source"]
    search_fields = ["title", "url", "byline", "clean_text"]
    date_hierarchy = "published"
    autocomplete_fields = ["source"]
    readonly_fields = [
        "cited_text",
        "date_check",
        "date_check_display",
        "date_stated",
        "url",
        "submitted_url",
        "content_hash",
        "state",
        "state_changed_at",
        "error",
        "attempts",
        "extractor_version",
        "original_kind",
        "original_filename",
        "submitted_by",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "byline", "source", "published", "published_source", "url", "submitted_url"]}),
        ("Publication-date check", {"fields": ["date_check", "date_check_display", "date_stated"]}),
        ("Processing", {"fields": ["state", "state_changed_at", "error", "attempts", "extractor_version"]}),
        ("Text", {"fields": ["cited_text"]}),
        (
            "Provenance",
            {
                "classes": ["collapse"],
                "fields": [
                    "original_kind",
                    "original_filename",
                    "content_hash",
                    "submitted_by",
                    "created_at",
                    "updated_at",
                ],
            },
        ),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).select_related("source").annotate(n_citations=Count("citations"))

    def get_urls(self) -> list[URLPattern]:
        return [*bulk_urls(self), *super().get_urls()]  # before "<path:object_id>/", which would take them

    def get_form(self, request: HttpRequest, obj: Article | None = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["form"] = ArticleSubmitForm
            kwargs["fields"] = ["title", "published", "source", "text", "html_file", "submit_url"]
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Article | None = None) -> Any:
        if obj is None:
            return [
                (None, {"fields": ["text", "html_file", "submit_url"]}),
                ("Optional", {"fields": ["title", "published", "source"]}),
            ]
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> Any:
        return [] if obj is None else self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Article, form: Any, change: bool) -> None:
        if change:
            if "published" in form.changed_data and obj.published is not None:
                # The service re-resolves every date resolved from the old publication date.
                services.article_set_published(article=obj, published=obj.published, user=request.user)
                others = [f for f in form.changed_data if f != "published"]
                if others:
                    obj.save(update_fields=[*others, "updated_at"])
                return
            super().save_model(request, obj, form, change)
            return
        try:
            article = form.submit(request)
        except DomainError as exc:
            # Shown as an error message; the redirect goes back to the list, nothing half-stored.
            self.message_user(request, str(exc), messages.ERROR)
            raise _AbortAdd(str(exc)) from None
        obj.__dict__.update({k: v for k, v in article.__dict__.items() if not k.startswith("_")})
        obj._state.adding = False

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: Any = None) -> Any:
        try:
            return super().add_view(request, form_url, extra_context)
        except _AbortAdd:
            from django.shortcuts import redirect

            return redirect(reverse("admin:events_article_add"))

    @admin.action(description="Retry processing (failed articles)", permissions=["change"])
    def retry_processing(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        requeued = services.article_retry(article_ids=ids, user=request.user)
        skipped = len(ids) - len(requeued)
        self.message_user(request, f"{len(requeued)} article(s) queued again; {skipped} not failed, left alone.")

    @admin.action(description="Extract events again (keeps editors' changes)", permissions=["change"])
    def reprocess(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        services.article_reprocess_request(article_ids=ids)
        self.message_user(request, f"{len(ids)} article(s) sent for extraction again.")

    @admin.action(description="Use the suggested date and re-extract", permissions=["change"])
    def use_suggested_date(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        done, refused = [], []
        for article in queryset:
            try:
                services.article_use_suggested_date(article=article, user=request.user)
                done.append(article.pk)
            except DomainError as exc:
                refused.append(str(exc))
        if done:
            self.message_user(request, f"{len(done)} article(s) re-dated and sent for extraction again.")
        for message in refused:
            self.message_user(request, message, messages.WARNING)

    @admin.display(description="what the check found")
    def date_check_display(self, obj: Article) -> SafeString:
        if not obj.date_check:
            return format_html("<em>{}</em>", "Not checked yet.")
        suggestion = ""
        if obj.date_suggested:
            suggestion = f"Suggested: {obj.date_suggested}"
            if obj.date_suggested_from and obj.date_suggested_to and obj.date_suggested_from != obj.date_suggested_to:
                suggestion += f" (the text fits {obj.date_suggested_from} to {obj.date_suggested_to})"
        reasons = format_html_join("", "<li>{}</li>", ((r.get("sentence", ""),) for r in obj.date_check_reasons or []))
        return format_html("<p>{}</p><p>{}</p><ul>{}</ul>", obj.get_date_check_display(), suggestion, reasons)

    @admin.display(description="citations", ordering="n_citations")
    def citation_count(self, obj: Article) -> int:
        return getattr(obj, "n_citations", 0)

    @admin.display(description="clean text (cited sentences highlighted)")
    def cited_text(self, obj: Article) -> SafeString:
        if not obj.clean_text:
            return format_html("<em>{}</em>", "No text yet (the article is " + obj.get_state_display().lower() + ").")
        parts = format_html_join(
            "",
            "{}",
            (
                (
                    format_html(
                        '<mark title="{}"><a href="{}">{}</a></mark>',
                        segment.citation.event.title,
                        reverse("admin:events_event_change", args=[segment.citation.event_id]),
                        segment.text,
                    )
                    if segment.citation is not None
                    else segment.text,
                )
                for segment in article_text_segments(obj)
            ),
        )
        return format_html('<div style="white-space: pre-wrap; max-width: 60em; line-height: 1.5">{}</div>', parts)


class _AbortAdd(Exception):
    """The service refused a submission; the add view starts again with the message shown."""
