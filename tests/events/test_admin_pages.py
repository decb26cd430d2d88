"""Every admin page of the events app renders for an editor, with sample data in place."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.factories import make_user

pytestmark = pytest.mark.django_db

EVENTS_MODELS = [m for m in admin.site._registry if m._meta.app_label == "events"]


@pytest.fixture
def client_with_data() -> Client:
    call_command("demo", verbosity=0)
    client = Client()
    client.force_login(make_user("root", superuser=True))
    return client


def test_every_list_and_a_change_page_render(client_with_data: Client) -> None:
    failures = []
    for model in EVENTS_MODELS:
        opts = model._meta
        listing = client_with_data.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        if listing.status_code != 200:
            failures.append((opts.model_name, "list", listing.status_code))
        first = model.objects.first()
        if first is not None:
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
            change = client_with_data.get(url)
            if change.status_code != 200:
                failures.append((opts.model_name, "change", change.status_code))
    assert len(EVENTS_MODELS) >= 9  # events, articles, merges, actors, places, topics, sources, feeds, items
    assert failures == []


def test_the_event_list_shows_human_dates_and_citation_counts(client_with_data: Client) -> None:
    page = client_with_data.get(reverse("admin:events_event_changelist")).content.decode()
    assert "c. 2012" in page
    assert "Apr 2027" in page


@pytest.mark.parametrize("query", ["Geneva", "Shenzhen"])
def test_the_event_search_finds_titles_and_quotes(client_with_data: Client, query: str) -> None:
    page = client_with_data.get(reverse("admin:events_event_changelist"), {"q": query}).content.decode()
    assert query in page
    assert "0 events" not in page


def test_the_event_list_filters_by_precision(client_with_data: Client) -> None:
    page = client_with_data.get(reverse("admin:events_event_changelist"), {"precision__exact": "year"}).content
    assert "c. 2012" in page.decode()
    assert "25–26 Nov 2026" not in page.decode()
