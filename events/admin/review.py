"""The review queue (proposed events, most confident first) and splitting a wrongly matched citation.

The queue shows each event with the sentences that report it and, for a citation the pipeline attached
to an existing event, its match score and reason, so an editor can judge the match and split it off.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from events.exceptions import DomainError
from events.models import Citation
from events.selectors import events_review_queue
from events.services import event_split_citation

REVIEW_PAGE_SIZE = 50


def review_urls(model_admin: admin.ModelAdmin[Any]) -> list[URLPattern]:
    """The review queue and the split page, under the Event admin."""
    wrap = model_admin.admin_site.admin_view
    return [
        path("review-queue/", wrap(_review_queue_view(model_admin)), name="events_event_review_queue"),
        path(
            "citation/<int:citation_id>/split/",
            wrap(_citation_split_view(model_admin)),
            name="events_event_citation_split",
        ),
    ]


def _review_queue_view(model_admin: admin.ModelAdmin[Any]) -> Any:
    def view(request: HttpRequest) -> HttpResponse:
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        page = Paginator(events_review_queue(), REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            **model_admin.admin_site.each_context(request),
            "title": "Review queue: proposed events, most confident first",
            "opts": model_admin.model._meta,
            "page": page,
        }
        return TemplateResponse(request, "admin/events/event/review_queue.html", context)

    return view


def _citation_split_view(model_admin: admin.ModelAdmin[Any]) -> Any:
    def view(request: HttpRequest, citation_id: int) -> HttpResponse:
        citation = get_object_or_404(Citation.objects.select_related("event", "article"), pk=citation_id)
        if not model_admin.has_change_permission(request, citation.event):
            raise PermissionDenied
        if request.method == "POST":
            try:
                event = event_split_citation(citation=citation, user=request.user)
            except DomainError as exc:
                model_admin.message_user(request, f"Not split: {exc}", messages.ERROR)
                return HttpResponseRedirect(reverse("admin:events_event_change", args=[citation.event_id]))
            model_admin.message_user(
                request,
                f"The citation is now the only one of a new proposed event; correct it here. "
                f"Event {citation.event_id} keeps its other citations.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[event.pk]))
        context = {
            **model_admin.admin_site.each_context(request),
            "title": "Split a citation into its own event",
            "opts": model_admin.model._meta,
            "citation": citation,
        }
        return TemplateResponse(request, "admin/events/event/citation_split_confirm.html", context)

    return view
