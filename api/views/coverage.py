"""``GET /api/v1/coverage/``: what became of every article, per source and per week.

Recall transparency: besides the events, a researcher sees how many articles yielded none and why
(language not supported yet, no dated statements, no diplomatic events, only background, a duplicate)
and how many failed and why (time limit, size limit, fetch, ...). Counts only; no article is named.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.query_params import query_params_check, query_params_known
from events.models import OutcomeReason
from events.selectors import CoverageRow, articles_coverage


def _row(row: CoverageRow) -> dict[str, Any]:
    data = asdict(row)
    data["no_events"] = data["no_events"] or {}
    data["failed"] = data["failed"] or {}
    data["total"] = row.total
    return data


class CoverageView(APIView):
    """Articles by outcome: in total, per source and per week."""

    @extend_schema(
        summary="Articles by outcome, per source and per week",
        description=(
            "Each row counts articles: `events_found`, `no_events` by reason, `failed` by reason, and "
            "`pending` (still queued or being processed). Reasons: "
            + ", ".join(f"`{r.value}` ({r.label})" for r in OutcomeReason)
            + ". Weeks start on Monday and are weeks of publication, or of receipt when undated."
        ),
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request: Request) -> Response:
        query_params_check(request=request, known=query_params_known(view=self))
        coverage = articles_coverage()
        return Response(
            {
                "totals": _row(coverage.totals),
                "by_source": [_row(r) for r in coverage.by_source],
                "by_week": [_row(r) for r in coverage.by_week],
                "reasons": {r.value: str(r.label) for r in OutcomeReason},
            }
        )
