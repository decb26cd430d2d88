"""``GET /api/v1/``: the API's root, linking every resource, the bulk export, the schema and the docs."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

# (name in the answer, URL name): the order a newcomer reads them in.
ROOT_LINKS = (
    ("events", "api:event-list"),
    ("export", "api:event-export"),
    ("topics", "api:topic-list"),
    ("actors", "api:actor-list"),
    ("places", "api:place-list"),
    ("articles", "api:article-list"),
    ("citations", "api:citation-list"),
    ("sources", "api:source-list"),
    ("changes", "api:changes"),
    ("coverage", "api:coverage"),
    ("schema", "api:schema"),
    ("docs", "api:docs"),
    ("redoc", "api:redoc"),
)


class ApiRootView(APIView):
    """Links to everything the API offers, so it can be explored from its root."""

    @extend_schema(
        summary="The API root: links to every resource, the schema and the docs", responses=OpenApiTypes.OBJECT
    )
    def get(self, request: Request) -> Response:
        return Response({name: reverse(url_name, request=request) for name, url_name in ROOT_LINKS})
