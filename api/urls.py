"""URLs of the researchers' API, mounted at /api/v1/."""

from django.urls import URLPattern, URLResolver, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from api.views.articles import ArticleViewSet
from api.views.auth import TokenCreateView, TokenDeleteAllView, TokenDeleteView
from api.views.changes import ChangeFeedView
from api.views.citations import CitationViewSet
from api.views.coverage import CoverageView
from api.views.events import EventViewSet
from api.views.reference import ActorViewSet, PlaceViewSet, SourceViewSet, TopicViewSet
from api.views.root import ApiRootView

app_name = "api"

router = SimpleRouter()
router.register("events", EventViewSet, basename="event")
router.register("topics", TopicViewSet, basename="topic")
router.register("actors", ActorViewSet, basename="actor")
router.register("places", PlaceViewSet, basename="place")
router.register("articles", ArticleViewSet, basename="article")
router.register("citations", CitationViewSet, basename="citation")
router.register("sources", SourceViewSet, basename="source")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", ApiRootView.as_view(), name="root"),
    *router.urls,
    path("changes/", ChangeFeedView.as_view(), name="changes"),
    path("coverage/", CoverageView.as_view(), name="coverage"),
    path("auth/token/", TokenCreateView.as_view(), name="token-create"),
    path("auth/logout/", TokenDeleteView.as_view(), name="token-delete"),
    path("auth/logoutall/", TokenDeleteAllView.as_view(), name="token-delete-all"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
]
