"""Articles: the public metadata of cited articles, and a researcher's own submissions.

``POST /articles/`` stores the article through the same services the admin uses, queues it for
extraction and answers 202 with a status URL; polling it shows the processing state and, once done,
the events proposed from it (visible to the submitter only until an editor publishes them).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle

from api.filters import ArticleFilterSet
from api.selectors import api_article_events, api_articles_visible
from api.serializers import ArticleSerializer, ArticleStatusSerializer, ArticleSubmitSerializer
from api.throttling import ClientIpThrottle, SubmitThrottle, TokenThrottle
from events.models import Article
from events.services import article_submit


@extend_schema_view(
    list=extend_schema(summary="Articles cited by published events (and your own submissions)"),
    retrieve=extend_schema(
        summary="An article's processing state and the events drawn from it",
        responses={200: ArticleStatusSerializer, 404: OpenApiResponse(description="Not visible to you.")},
    ),
    create=extend_schema(
        summary="Submit an article (URL or text) for extraction",
        request=ArticleSubmitSerializer,
        responses={
            202: ArticleStatusSerializer,
            400: OpenApiResponse(description="Invalid submission."),
            401: OpenApiResponse(description="A token is required."),
            409: OpenApiResponse(description="Already stored; `existing_article` names it."),
        },
    ),
)
class ArticleViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet[Article]
):
    serializer_class = ArticleSerializer
    filterset_class = ArticleFilterSet

    def get_permissions(self) -> list[BasePermission]:
        return [IsAuthenticated()] if self.action == "create" else [AllowAny()]

    def get_throttles(self) -> list[BaseThrottle]:
        throttles: list[BaseThrottle] = [ClientIpThrottle(), TokenThrottle()]
        return [*throttles, SubmitThrottle()] if self.action == "create" else throttles

    def get_queryset(self) -> QuerySet[Article]:
        return api_articles_visible(user=self.request.user)

    def get_serializer_class(self) -> type[ArticleSerializer] | type[ArticleSubmitSerializer]:
        if self.action == "create":
            return ArticleSubmitSerializer
        return ArticleStatusSerializer if self.action == "retrieve" else ArticleSerializer

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        article = self.get_object()
        return Response(self._status(article))

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        submission = ArticleSubmitSerializer(data=request.data)
        submission.is_valid(raise_exception=True)
        data = submission.validated_data
        # A DomainError (empty text, a duplicate) becomes a 400 / 409 in api.exception_handlers.
        article = article_submit(
            text=data.get("text"),
            url=data.get("url"),
            title=data.get("title", ""),
            published=data.get("published"),
            user=request.user,
        )
        body = self._status(article)
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["status_url"]})

    def _status(self, article: Article) -> dict[str, Any]:
        events = list(api_article_events(article=article, user=self.request.user))
        context = {**self.get_serializer_context(), "article_events": events}
        return ArticleStatusSerializer(article, context=context).data
