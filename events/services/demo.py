"""Loading the project's own sample data (``python manage.py demo``). Running it twice changes nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from events.domain.vocabulary import ReviewState
from events.models import Actor, Article, ArticleState, Event, Place, PublishedSource, Source, Topic, TopicMembership
from events.models.events import EventActor
from events.services.articles import content_hash_for, normalise_text
from events.services.citations import citation_create
from events.services.events import event_relate

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"


@dataclass(frozen=True)
class DemoSummary:
    sources: int
    topics: int
    articles: int
    events: int
    citations: int
    created: int  # rows created by this run; 0 on a second run


@transaction.atomic
def demo_load(*, data_dir: Path = SAMPLE_DIR) -> DemoSummary:
    spec: dict[str, Any] = json.loads((data_dir / "demo.json").read_text(encoding="utf-8"))
    created = 0
    sources: dict[str, Source] = {}
    for item in spec["sources"]:
        source, was_created = Source.objects.get_or_create(
            domain=item["domain"], defaults={"name": item["name"], "kind": item.get("kind", "newspaper")}
        )
        sources[source.domain] = source
        created += was_created
    topics: dict[str, Topic] = {}
    for item in spec["topics"]:
        topic, was_created = Topic.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name": item["name"],
                "description": item.get("description", ""),
                "rule_keywords": "\n".join(item.get("keywords", [])),
            },
        )
        topics[topic.slug] = topic
        created += was_created
    articles: dict[str, Article] = {}
    for item in spec["articles"]:
        raw = (data_dir / "articles" / item["file"]).read_text(encoding="utf-8")
        article = Article.objects.filter(url=item["url"]).first()
        if article is None:
            clean = normalise_text(raw)
            article = Article.objects.create(
                url=item["url"],
                submitted_url=item["url"],
                title=item["title"],
                byline=item.get("byline", ""),
                source=sources.get(item.get("source", "")),
                published=date.fromisoformat(item["published"]),
                published_source=PublishedSource.METADATA,
                original=raw,
                clean_text=clean,
                content_hash=content_hash_for(clean),
                state=ArticleState.DONE,
                state_changed_at=timezone.now(),
                extractor_version="demo",
            )
            created += 1
        articles[item["file"]] = article
    events: list[Event] = []
    citation_count = 0
    for item in spec["events"]:
        event = Event.objects.filter(title=item["title"], date_edtf=item["date"]).first()
        if event is None:
            event = Event.objects.create(
                title=item["title"],
                summary=item.get("summary", ""),
                event_type=item["type"],
                status=item["status"],
                date_edtf=item["date"],
                date_is_week=item.get("week", False),
                place=_place(item.get("place")),
                review_state=ReviewState.PROPOSED,
            )
            created += 1
        for actor_item in item.get("actors", []):
            actor, _ = Actor.objects.get_or_create(name=actor_item["name"], kind=actor_item["kind"])
            EventActor.objects.get_or_create(event=event, actor=actor, role=actor_item.get("role", "participant"))
        for slug in item.get("topics", []):
            TopicMembership.objects.get_or_create(topic=topics[slug], event=event)
        for cite in item["citations"]:
            citation_create(
                event=event,
                article=articles[cite["article"]],
                quote=normalise_text(cite["quote"]),
                time_text=cite.get("time_text", ""),
                rule="demo",
            )
            citation_count += 1
        if event.review_state != ReviewState.PUBLISHED:
            event.review_state = ReviewState.PUBLISHED
            event.reviewed_at = timezone.now()
            event.save()
        events.append(event)
    for relation in spec.get("relations", []):
        event_relate(from_event=events[relation["from"]], to_event=events[relation["to"]], kind=relation["kind"])
    return DemoSummary(
        sources=len(sources),
        topics=len(topics),
        articles=len(articles),
        events=len(events),
        citations=citation_count,
        created=created,
    )


def _place(item: dict[str, Any] | None) -> Place | None:
    if not item:
        return None
    place, _ = Place.objects.get_or_create(
        name=item["name"],
        kind=item.get("kind", "city"),
        country_code=item.get("country_code", ""),
        defaults={"latitude": item.get("latitude"), "longitude": item.get("longitude")},
    )
    return place
