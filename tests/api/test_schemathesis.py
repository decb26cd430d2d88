"""Schemathesis against the OpenAPI schema: >= 1,000 generated requests, no 5xx, every response conforming.

The checks are the conformance ones: no server error, documented status code, documented content type,
documented headers, body matching the schema. (Schemathesis's "positive data acceptance" heuristic is
left out: a syntactically valid id of an actor that does not exist is rightly refused with a 400.)

The schema calls a cursor an opaque string and a date-time a string, so generated values are almost
never well-formed enough to reach the code behind them. Half the cases of an operation with a
``cursor`` parameter therefore carry a real cursor shape (base64 of the JSON this API writes) holding
drawn values — nulls, lists, huge numbers, NUL characters, dates and date-times at the calendar's
edges with any offset — and half the cases with ``updated_since``/``date_from``/``date_to`` carry such
edge dates and date-times (issue 18, finding 11).
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.wsgi import get_wsgi_application
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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


# Dates and date-times at and past the calendar's edges, with offsets that push them over in UTC.
_OFFSETS = st.sampled_from([timezone(timedelta(hours=h, minutes=m)) for h, m in ((0, 0), (14, 0), (-14, 0), (23, 59))])
EDGE_DATETIMES = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(1, 1, 2)),
    st.datetimes(min_value=datetime(9999, 12, 30), max_value=datetime(9999, 12, 31, 23, 59, 59)),
    st.datetimes(),
).flatmap(lambda moment: _OFFSETS.map(lambda offset: moment.replace(tzinfo=offset).isoformat()))
EDGE_DATES = st.one_of(st.sampled_from([date.min, date.max]), st.dates()).map(date.isoformat)
CURSOR_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.just("a\x00b"),
    EDGE_DATES,
    EDGE_DATETIMES,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=1),
)
# The keyset orderings the paged lists offer, with the length of their sort keys.
KEY_LENGTHS = {"date": 2, "updated": 2, "id": 1, "slug": 1, "seq": 1}


@st.composite
def cursors(draw: st.DrawFn) -> dict[str, str]:
    """A cursor of this API's shape (base64url of {"o", "d", "v"}) holding drawn values, and the
    ``ordering`` it belongs to: mostly consistent, so the values reach the code that reads them."""
    name = draw(st.sampled_from(sorted(KEY_LENGTHS)))
    descending = draw(st.booleans())
    length = draw(st.one_of(st.just(KEY_LENGTHS[name]), st.integers(min_value=0, max_value=3)))
    payload = {"o": name, "d": descending, "v": draw(st.lists(CURSOR_VALUES, min_size=length, max_size=length))}
    cursor = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    return {"cursor": cursor, "ordering": ("-" if descending else "") + name}


FUZZED_DATES = {"updated_since": EDGE_DATETIMES, "date_from": EDGE_DATES, "date_to": EDGE_DATES}


def _exerciser(operation, throwaway_user, token: str, sent: Counter[str], statuses: Counter[int]):
    """A Hypothesis test for one operation, sending each generated case with a researcher's token."""
    # Logging out deletes the token it is sent with (logoutall: every token of its user): give those
    # operations a throwaway user's fresh token each time.
    throwaway = "logout" in operation.path
    paged = operation.get_parameter("cursor", "query") is not None
    fuzzed = {name: values for name, values in FUZZED_DATES.items() if operation.get_parameter(name, "query")}

    @given(case=operation.as_strategy(), replace=st.booleans(), data=st.data())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def exercise(case, replace, data):
        if replace and (paged or fuzzed):
            drawn = {name: data.draw(values) for name, values in fuzzed.items()}
            case.query = {**(case.query or {}), **drawn, **(data.draw(cursors()) if paged else {})}
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
        "DEFAULT_THROTTLE_RATES": {"client_ip": None, "token": None, "submit": None, "token_failures": None},
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
