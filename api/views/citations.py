"""Citations of the events the requester may read, as JSON or as their own CSV."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.renderers import JSONRenderer

from api.filters import CitationFilterSet
from api.renderers import CitationCsvRenderer
from api.selectors import api_citations_visible
from api.serializers import CitationSerializer
from events.models import Citation

FORMAT_PARAMETER = OpenApiParameter("format", str, enum=["json", "csv"], description="Response format.")


@extend_schema_view(
    list=extend_schema(
        parameters=[FORMAT_PARAMETER],
        responses={(200, "application/json"): CitationSerializer(many=True), (200, "text/csv"): OpenApiTypes.STR},
    ),
    retrieve=extend_schema(
        parameters=[FORMAT_PARAMETER],
        responses={(200, "application/json"): CitationSerializer, (200, "text/csv"): OpenApiTypes.STR},
    ),
)
class CitationViewSet(viewsets.ReadOnlyModelViewSet[Citation]):
    serializer_class = CitationSerializer
    filterset_class = CitationFilterSet
    renderer_classes = [JSONRenderer, CitationCsvRenderer]

    def get_queryset(self) -> QuerySet[Citation]:
        return api_citations_visible(user=self.request.user)
