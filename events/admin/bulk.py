"""The admin's bulk add: up to 500 URLs (one a line) or files at once, then a page that follows them.

The status page refreshes itself every two seconds (a meta refresh: no JavaScript) until every article
is done or failed. Which articles a batch holds is kept in the editor's session, so the page's address
stays short whatever the size of the batch.

Files: at most ``BULK_MAX_FILES`` in one request, each at most ``ARTICLE_UPLOAD_MAX_BYTES``. Django
refuses a request with more files than ``DATA_UPLOAD_MAX_NUMBER_FILES`` while parsing it, before any
view runs, with a bare 400; so this view reads the request body itself, first, and answers such a
request with the form and a sentence saying what the limit is. The CSRF check then runs as usual on
the parsed form (see ``_bulk_add_view``).
"""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFilesSent
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.multipartparser import MultiPartParserError
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from events.exceptions import DomainError
from events.models import ArticleState
from events.selectors import articles_progress
from events.services.bulk import BULK_MAX_ITEMS, IngestOutcome, bulk_add

_SESSION_PREFIX = "events-bulk-add-"
_FINISHED = {ArticleState.DONE, ArticleState.FAILED}
# Files in one bulk add ("drop in a hundred"); URLs count towards BULK_MAX_ITEMS only.
BULK_MAX_FILES = 100


def bulk_files_limit() -> int:
    """The most files one bulk add accepts: ours, or Django's request-wide limit if that is lower."""
    django_limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
    return BULK_MAX_FILES if django_limit is None else min(BULK_MAX_FILES, django_limit)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; each is checked against the upload limit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        limit_files = bulk_files_limit()
        if len(files) > limit_files:
            raise forms.ValidationError(f"{len(files)} files given; at most {limit_files} in one go.")
        cleaned = [super(MultipleFileField, self).clean(item, initial) for item in files]
        limit = settings.ARTICLE_UPLOAD_MAX_BYTES
        too_big = [f.name for f in cleaned if f.size > limit]
        if too_big:
            raise forms.ValidationError(f"Larger than {limit:,} bytes: {', '.join(too_big)}.")
        return cleaned


class BulkAddForm(forms.Form):
    urls = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        required=False,
        label="URLs",
        help_text=f"One per line, at most {BULK_MAX_ITEMS} (files included).",
    )
    uploads = MultipleFileField(required=False, label="…and/or files")
    published = forms.DateField(required=False, help_text="Publication date of every article given (optional).")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Built here, not at import, so that the limits shown are the settings in force.
        self.fields["uploads"].help_text = (
            f".txt or .html; at most {bulk_files_limit()} files, "
            f"each at most {settings.ARTICLE_UPLOAD_MAX_BYTES:,} bytes."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        urls = [line.strip() for line in (data.get("urls") or "").splitlines() if line.strip()]
        data["url_list"] = list(dict.fromkeys(urls))  # the same line twice is one article
        count = len(data["url_list"]) + len(data.get("uploads") or [])
        if count == 0:
            raise forms.ValidationError("Give at least one URL or file.")
        if count > BULK_MAX_ITEMS:
            raise forms.ValidationError(f"{count} articles given; at most {BULK_MAX_ITEMS} at once.")
        return data


def bulk_urls(model_admin: admin.ModelAdmin[Any]) -> list[URLPattern]:
    """The bulk add and status pages, under the Article admin."""
    wrap = model_admin.admin_site.admin_view
    return [
        path("bulk-add/", wrap(_bulk_add_view(model_admin)), name="events_article_bulk_add"),
        path("bulk-add/<str:token>/", wrap(_bulk_status_view(model_admin)), name="events_article_bulk_status"),
    ]


def _bulk_add_view(model_admin: admin.ModelAdmin[Any]) -> Any:
    @csrf_exempt  # the CSRF check runs in ``view``, once the body is read; see the module docstring
    def body_read_first(request: HttpRequest) -> HttpResponse:
        if not model_admin.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            refusal = _upload_refusal(request)
            if refusal:
                # Nothing is written on this path, so it needs no CSRF token: it shows the empty form.
                return _form_page(model_admin, request, BulkAddForm(), refusal, status=400)
        return view(request)

    @csrf_protect
    def view(request: HttpRequest) -> HttpResponse:
        form = BulkAddForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            uploads = [(f.name, f.read()) for f in form.cleaned_data["uploads"]]
            try:
                outcomes = bulk_add(
                    urls=form.cleaned_data["url_list"],
                    uploads=uploads,
                    published=form.cleaned_data.get("published"),
                    user=request.user,
                )
            except DomainError as exc:
                form.add_error(None, str(exc))
            else:
                token = secrets.token_urlsafe(8)
                request.session[_SESSION_PREFIX + token] = [_as_json(outcome) for outcome in outcomes]
                return HttpResponseRedirect(reverse("admin:events_article_bulk_status", args=[token]))
        return _form_page(model_admin, request, form)

    return body_read_first


def _upload_refusal(request: HttpRequest) -> str:
    """Read the POST body; return why it was refused as a whole, or "" when it was read."""
    try:
        request.FILES  # noqa: B018 -- parses the body (and request.POST with it)
    except TooManyFilesSent:
        return (
            f"Too many files: at most {bulk_files_limit()} can be added at once. Nothing was added; "
            "add them in several batches."
        )
    except RequestDataTooBig:
        return (
            f"The URLs and other fields are larger than {settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes. "
            "Nothing was added; add them in several batches."
        )
    except MultiPartParserError as exc:
        return f"The upload could not be read ({exc}). Nothing was added."
    return ""


def _form_page(
    model_admin: admin.ModelAdmin[Any], request: HttpRequest, form: BulkAddForm, refusal: str = "", status: int = 200
) -> HttpResponse:
    context = {
        **model_admin.admin_site.each_context(request),
        "title": "Add articles in bulk",
        "opts": model_admin.model._meta,
        "form": form,
        "refusal": refusal,
        "max_items": BULK_MAX_ITEMS,
        "max_files": bulk_files_limit(),
    }
    return TemplateResponse(request, "admin/events/article/bulk_add.html", context, status=status)


def _bulk_status_view(model_admin: admin.ModelAdmin[Any]) -> Any:
    def view(request: HttpRequest, token: str) -> HttpResponse:
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        submitted = request.session.get(_SESSION_PREFIX + token)
        if submitted is None:
            raise Http404("No such bulk add in this session.")
        articles = articles_progress(article_ids=[row["article_id"] for row in submitted if row["article_id"]])
        rows = [{**row, "article": articles.get(row["article_id"])} for row in submitted]
        states = [row["article"].state for row in rows if row["article"] is not None]
        finished = all(state in _FINISHED for state in states)
        counts = {label: states.count(value) for value, label in ArticleState.choices}
        context = {
            **model_admin.admin_site.each_context(request),
            "title": "Bulk add: progress",
            "opts": model_admin.model._meta,
            "rows": rows,
            "counts": counts,
            "refused": sum(1 for row in rows if row["outcome"] == "failed"),
            "duplicates": sum(1 for row in rows if row["outcome"] == "duplicate"),
            "finished": finished,
        }
        return TemplateResponse(request, "admin/events/article/bulk_status.html", context)

    return view


def _as_json(outcome: IngestOutcome) -> dict[str, Any]:
    return {
        "source": outcome.source,
        "outcome": str(outcome.outcome),
        "article_id": outcome.article_id,
        "message": outcome.message,
    }
