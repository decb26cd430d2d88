"""API tokens (django-rest-knox): stored as hashes, expiring, one per client login.

A researcher trades a username and password (HTTP Basic, once) for a token, then sends
``Authorization: Token <token>``. Logging out deletes the token; ``logoutall`` deletes every token of
the user.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox import views as knox_views
from rest_framework.authentication import BasicAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from api.serializers import TokenSerializer


class TokenCreateView(knox_views.LoginView):
    authentication_classes = [BasicAuthentication]
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="Create a token (HTTP Basic credentials)",
        request=None,
        responses={200: TokenSerializer, 401: OpenApiResponse(description="Wrong or missing credentials.")},
    )
    def post(self, request: Request, format: Any = None) -> Response:
        return super().post(request, format=format)


class TokenDeleteView(knox_views.LogoutView):
    @extend_schema(summary="Delete the token used for this request", request=None, responses={204: None})
    def post(self, request: Request, format: Any = None) -> Response:
        return super().post(request, format=format)


class TokenDeleteAllView(knox_views.LogoutAllView):
    @extend_schema(summary="Delete every token of this user", request=None, responses={204: None})
    def post(self, request: Request, format: Any = None) -> Response:
        return super().post(request, format=format)
