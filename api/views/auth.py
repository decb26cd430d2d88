"""API tokens (django-rest-knox): stored as hashes, expiring, one per client login.

A researcher trades a username and password (HTTP Basic, once) for a token, then sends
``Authorization: Token <token>``. A user with a TOTP device (two-factor sign-in, enrolled in the
admin) also sends the current code in the ``X-OTP-Code`` header: the password alone gets no token.
Failed exchanges are counted per client IP; past ``API_THROTTLE_TOKEN_FAILURES`` the exchange answers
429 before it checks any password. Logging out deletes the token; ``logoutall`` deletes every token
of the user.
"""

from __future__ import annotations

from typing import Any

from django_otp import user_has_device
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from knox import views as knox_views
from rest_framework.authentication import BasicAuthentication
from rest_framework.exceptions import AuthenticationFailed, NotAuthenticated
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from api.serializers import TokenSerializer
from api.throttling import TokenExchangeFailureThrottle
from timeline.two_factor import TwoFactorError, totp_verify_code

OTP_HEADER = "X-OTP-Code"


class TokenCreateView(knox_views.LoginView):
    authentication_classes = [BasicAuthentication]
    permission_classes = [IsAuthenticated]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        failures = TokenExchangeFailureThrottle()
        # Before authentication: a throttled client gets no password hash computed for it.
        if not failures.allow_request(request, self):
            self.throttled(request, failures.wait())
        try:
            super().initial(request, *args, **kwargs)
            self._check_second_factor(request)
        except (AuthenticationFailed, NotAuthenticated):
            failures.record_failure(request, self)
            raise

    @staticmethod
    def _check_second_factor(request: Request) -> None:
        user = request.user
        if not user_has_device(user, confirmed=True):
            return
        code = request.headers.get(OTP_HEADER, "")
        if not code:
            raise AuthenticationFailed(
                f"This account uses two-factor sign-in: send the current code of its authenticator app "
                f"in the {OTP_HEADER} header.",
                code="otp_required",
            )
        try:
            totp_verify_code(user=user, code=code)
        except TwoFactorError as exc:
            raise AuthenticationFailed(str(exc), code="otp_invalid") from None

    @extend_schema(
        summary="Create a token (HTTP Basic credentials, plus the TOTP code for a two-factor account)",
        request=None,
        parameters=[
            OpenApiParameter(
                OTP_HEADER,
                str,
                location=OpenApiParameter.HEADER,
                required=False,
                description="The current six-digit code, for an account with two-factor sign-in.",
            )
        ],
        responses={
            200: TokenSerializer,
            401: OpenApiResponse(description="Wrong or missing credentials or two-factor code."),
            429: OpenApiResponse(description="Too many failed exchanges from this client; retry later."),
        },
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
