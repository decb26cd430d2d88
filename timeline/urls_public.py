"""URLs of the public pages, mounted at the site root."""

from django.urls import path

from timeline.views import actors_places, articles, events, feeds, home, search, topics

app_name = "timeline"

urlpatterns = [
    path("", home.home, name="home"),
    path("search/", search.search, name="search"),
    path("topics/<slug:slug>/", topics.topic_detail, name="topic"),
    path("topics/<slug:slug>/embed/", topics.topic_embed, name="topic-embed"),
    path("topics/<slug:slug>/feed.atom", feeds.topic_atom, name="topic-atom"),
    path("topics/<slug:slug>/scheduled.ics", feeds.topic_ical, name="topic-ical"),
    path("topics/<slug:slug>/timelinejs.json", feeds.topic_timelinejs, name="topic-timelinejs"),
    path("topics/<slug:slug>/events.<str:extension>", feeds.topic_events, name="topic-events"),
    path("events/<int:pk>/", events.event_detail, name="event"),
    path("articles/<int:pk>/", articles.article_detail, name="article"),
    path("actors/<int:pk>/", actors_places.actor_detail, name="actor"),
    path("places/<int:pk>/", actors_places.place_detail, name="place"),
]
