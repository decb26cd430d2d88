"""The relational model of the events app: one module per kind of thing."""

from events.models.actors import Actor, ActorAlias
from events.models.articles import Article, ArticleState, PublishedSource
from events.models.citations import Citation
from events.models.events import Event, EventActor, EventMerge, EventRelation, RelationKind
from events.models.facts import Gathering, GatheringSeries, Office, OfficeKind, OfficeTerm, ReferenceEvent
from events.models.feeds import Feed, FeedEntry
from events.models.places import Place
from events.models.sources import Source, SourceKind
from events.models.topics import Topic, TopicMembership

__all__ = [
    "Actor",
    "ActorAlias",
    "Article",
    "ArticleState",
    "Citation",
    "Event",
    "EventActor",
    "EventMerge",
    "EventRelation",
    "Feed",
    "FeedEntry",
    "Gathering",
    "GatheringSeries",
    "Office",
    "OfficeKind",
    "OfficeTerm",
    "Place",
    "PublishedSource",
    "ReferenceEvent",
    "RelationKind",
    "Source",
    "SourceKind",
    "Topic",
    "TopicMembership",
]
