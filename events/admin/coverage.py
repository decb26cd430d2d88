"""The admin's coverage page: what became of every article, per source and per week."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path

from events.models import OutcomeReason
from events.selectors import articles_coverage


def coverage_urls(model_admin: admin.ModelAdmin[Any]) -> list[URLPattern]:
    """The coverage page, under the Article admin."""
    wrap = model_admin.admin_site.admin_view

    def view(request: HttpRequest) -> HttpResponse:
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        coverage = articles_coverage()
        context = {
            **model_admin.admin_site.each_context(request),
            "title": "Coverage: what became of the articles",
            "opts": model_admin.model._meta,
            "coverage": coverage,
            "reasons": {r.value: str(r.label) for r in OutcomeReason},
        }
        return TemplateResponse(request, "admin/events/article/coverage.html", context)

    return [path("coverage/", wrap(view), name="events_article_coverage")]
