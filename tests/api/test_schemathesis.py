"""Schemathesis against the OpenAPI schema: >= 1,000 generated requests, no 5xx, every response conforming.

The checks are the conformance ones: no server error, documented status code, documented content type,
documented headers, body matching the schema. (Schemathesis's "positive data acceptance" heuristic is
left out: a syntactically valid id of an actor that does not exist is rightly refused with a 400.)
"""

from __future__ import annotations

from collections import Counter

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.wsgi import get_wsgi_application
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from knox.models import AuthToken
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLES_PER_OPERATION = 60
MIN_REQUESTS = 1000
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def _exerciser(operation, throwaway_user, token: str, sent: Counter[str], statuses: Counter[int]):
    """A Hypothesis test for one operation, sending each generated case with a researcher's token."""
    # Logging out deletes the token it is sent with (logoutall: every token of its user): give those
    # operations a throwaway user's fresh token each time.
    throwaway = "logout" in operation.path

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def exercise(case):
        sent_token = AuthToken.objects.create(throwaway_user)[1] if throwaway else token
        response = case.call(headers={"Authorization": f"Token {sent_token}"})
        sent[operation.label] += 1
        statuses[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)

    return exercise


def test_it_survives_generated_requests_on_every_operation(make_event, researcher, monkeypatch):
    from django.conf import settings as django_settings

    # Submissions must not reach a real broker from a test.
    monkeypatch.setattr("events.services.queue._send", lambda name, article_id: None)
    for _ in range(3):
        make_event()
    _, token = AuthToken.objects.create(researcher)
    other = get_user_model().objects.create_user(username="leaving", password="pw-Test-12345")
    unthrottled = {
        **django_settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"client_ip": None, "token": None, "submit": None},
    }
    sent: Counter[str] = Counter()
    statuses: Counter[int] = Counter()
    app = get_wsgi_application()
    with override_settings(REST_FRAMEWORK=unthrottled):
        schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", app)
        operations = [result.ok() for result in schema.get_all_operations()]
        for operation in operations:
            _exerciser(operation, other, token, sent, statuses)()

    print(f"\nschemathesis: {sum(sent.values())} requests over {len(sent)} operations; statuses {dict(statuses)}")
    assert len(sent) == len(operations)
    assert sum(sent.values()) >= MIN_REQUESTS
    assert not [code for code in statuses if code >= 500]
