"""The review queue (what editors must decide, most important first) and splitting a wrong match.

Editors work through the queue on the page itself: each row has Publish and Reject buttons (and, for
a published event whose date passed with no outcome reported, the outcome), and ticked rows can be
published, rejected or merged together, through the Event admin's own actions and their services.

The queue shows each event with the sentences that report it and, for a citation the pipeline attached
to an existing event, its match score and reason, so an editor can judge the match and split it off.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse

from events.exceptions import DomainError
from events.models import Citation, Event
from events.selectors import events_review_queue
from events.services import event_split_citation, event_update

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
        if request.method == "POST":
            response = _review_queue_act(model_admin, request)
            if response is not None:
                return response  # the merge confirmation page
            return HttpResponseRedirect(request.get_full_path())
        page = Paginator(events_review_queue(), REVIEW_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {
            **model_admin.admin_site.each_context(request),
            "title": "Review queue",
            "opts": model_admin.model._meta,
            "page": page,
            "can_publish": model_admin.has_publish_permission(request),  # type: ignore[attr-defined]
            "can_merge": model_admin.has_merge_permission(request),  # type: ignore[attr-defined]
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "outcomes": [("occurred", "It happened"), ("postponed", "Postponed"), ("cancelled", "Cancelled")],
        }
        return TemplateResponse(request, "admin/events/event/review_queue.html", context)

    return view


def _review_queue_act(model_admin: Any, request: HttpRequest) -> HttpResponse | None:
    """Do what a button of the queue asks, through the same actions and services as the event list.

    A row's button names its event (``publish=<id>``, ``reject=<id>``, ``outcome=<id>:<status>``); the
    buttons under the table act on the ticked rows (``action`` with ``_selected_action``), and
    "merge" shows the merge confirmation, which posts back here.
    """
    post = request.POST
    action, ids = post.get("action", ""), post.getlist(helpers.ACTION_CHECKBOX_NAME)
    for name in ("publish", "reject"):
        if post.get(name):
            action, ids = name, [post[name]]
    if post.get("outcome"):
        event_id, _, status = post["outcome"].partition(":")
        _record_outcome(model_admin, request, event_id, status)
        return None
    actions = {
        "publish": model_admin.publish,
        "reject": model_admin.reject,
        "merge_selected": model_admin.merge_selected,
    }
    allowed = {
        "publish": model_admin.has_publish_permission,
        "reject": model_admin.has_publish_permission,
        "merge_selected": model_admin.has_merge_permission,
    }
    if action not in actions:
        model_admin.message_user(request, "Choose what to do with the events.", messages.WARNING)
        return None
    if not allowed[action](request):
        raise PermissionDenied
    ids = [pk for pk in ids if pk.isdigit()]
    if not ids:
        model_admin.message_user(request, "Tick the events to act on first.", messages.WARNING)
        return None
    result: HttpResponse | None = actions[action](request, Event.objects.filter(pk__in=ids))
    return result


def _record_outcome(model_admin: Any, request: HttpRequest, event_id: str, status: str) -> None:
    if not model_admin.has_publish_permission(request):
        raise PermissionDenied
    event = Event.objects.filter(pk=event_id if event_id.isdigit() else 0).first()
    if event is None or status not in {"occurred", "postponed", "cancelled"}:
        model_admin.message_user(request, "No such event or outcome.", messages.ERROR)
        return None
    try:
        event_update(event=event, user=request.user, status=status)
    except (DomainError, ValidationError) as exc:
        model_admin.message_user(request, f"Not changed: {exc}", messages.ERROR)
        return None
    model_admin.message_user(request, f"“{event.title}” is now {status}.", messages.SUCCESS)
    return None


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
