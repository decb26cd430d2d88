"""New sources for published events: proposed citations an editor accepts or rejects in one click.

A citation from an article no editor stands behind (a researcher's, a contributor's) that the pipeline
attached to a published event stays proposed and off every public page (see
``events.services.citation_review``). This page lists them, oldest first, each with its quote, article,
submitter and match reason, and an Accept and a Reject button (a POST through the services, recorded
in the citation's history).
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
from django.views.decorators.http import require_POST

from events.exceptions import DomainError
from events.models import Citation
from events.selectors import citations_new_sources
from events.services.citation_review import citation_accept, citation_reject

NEW_SOURCES_PAGE_SIZE = 50


def new_sources_urls(model_admin: admin.ModelAdmin[Any]) -> list[URLPattern]:
    """The list and its two buttons, under the Event admin."""
    wrap = model_admin.admin_site.admin_view
    return [
        path("new-sources/", wrap(_list_view(model_admin)), name="events_event_new_sources"),
        path(
            "citation/<int:citation_id>/<str:decision>/",
            wrap(require_POST(_decide_view(model_admin))),
            name="events_event_citation_review",
        ),
    ]


def _may_review(request: HttpRequest) -> bool:
    return request.user.has_perm("events.publish_event")


def _list_view(model_admin: admin.ModelAdmin[Any]) -> Any:
    def view(request: HttpRequest) -> HttpResponse:
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        page = Paginator(citations_new_sources(), NEW_SOURCES_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            **model_admin.admin_site.each_context(request),
            "title": "New sources for published events",
            "opts": model_admin.model._meta,
            "page": page,
            "may_review": _may_review(request),
        }
        return TemplateResponse(request, "admin/events/event/new_sources.html", context)

    return view


def _decide_view(model_admin: admin.ModelAdmin[Any]) -> Any:
    def view(request: HttpRequest, citation_id: int, decision: str) -> HttpResponse:
        if decision not in ("accept", "reject"):
            raise PermissionDenied  # no other decision exists; nothing to say about it
        if not _may_review(request):
            raise PermissionDenied
        citation = get_object_or_404(Citation, pk=citation_id)
        review = citation_accept if decision == "accept" else citation_reject
        try:
            changed = review(citations=[citation], user=request.user)
        except DomainError as exc:
            model_admin.message_user(request, f"Not changed: {exc}", messages.ERROR)
        else:
            done = "accepted: it is public on the event now" if decision == "accept" else "rejected"
            model_admin.message_user(
                request,
                f"Citation {citation.pk} of event {citation.event_id} {done}."
                if changed
                else f"Citation {citation.pk} was already {citation.review_state}.",
                messages.SUCCESS if changed else messages.INFO,
            )
        return HttpResponseRedirect(reverse("admin:events_event_new_sources"))

    return view
