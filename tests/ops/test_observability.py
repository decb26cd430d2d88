"""Request ids in headers and log records; Prometheus metrics for requests, articles and extraction."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client, override_settings

from events.metrics import EXTRACTION_SECONDS, extraction_timer
from tests.factories import ArticleFactory
from timeline.logging import JsonFormatter, RequestIdFilter

pytestmark = pytest.mark.django_db


def access_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """Records of this test phase, with the request id filter the console handler has."""
    caplog.handler.addFilter(RequestIdFilter())
    caplog.set_level(logging.INFO, logger="timeline.request")
    return caplog.records


def test_it_gives_every_response_a_request_id(client: Client) -> None:
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_it_keeps_a_sane_request_id_from_the_proxy(client: Client, caplog: pytest.LogCaptureFixture) -> None:
    records = access_records(caplog)
    response = client.get("/healthz", HTTP_X_REQUEST_ID="edge-4f1c2d9e.77")
    assert response["X-Request-ID"] == "edge-4f1c2d9e.77"
    (record,) = [r for r in records if r.name == "timeline.request"]
    assert record.request_id == "edge-4f1c2d9e.77"  # type: ignore[attr-defined]
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "edge-4f1c2d9e.77"
    assert line["status"] == 200 and line["view"] == "healthz" and line["method"] == "GET"


@pytest.mark.parametrize("offered", ["short", "x" * 200, "bad id with spaces", "id\r\nInjected: yes", "<script>x"])
def test_it_replaces_an_insane_request_id(client: Client, offered: str) -> None:
    returned = client.get("/healthz", HTTP_X_REQUEST_ID=offered)["X-Request-ID"]
    assert returned != offered and len(returned) == 32


def test_outside_a_request_records_carry_a_dash(caplog: pytest.LogCaptureFixture) -> None:
    records = access_records(caplog)
    logging.getLogger("timeline.request").info("not in a request")
    assert records[-1].request_id == "-"  # type: ignore[attr-defined]


def metric_value(text: str, name: str, **labels: str) -> float:
    wanted = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        key, _, value = line.rpartition(" ")
        metric, _, label_text = key.partition("{")
        have = ",".join(sorted(label_text.rstrip("}").split(","))) if label_text else ""
        if metric == name and have == wanted:
            return float(value)
    raise AssertionError(f"{name}{{{wanted}}} not in metrics")


def test_metrics_count_requests_by_view(client: Client) -> None:
    before = client.get("/metrics").content.decode()
    try:
        start = metric_value(before, "timeline_http_requests_total", method="GET", status="200", view="healthz")
    except AssertionError:
        start = 0.0
    client.get("/healthz")
    client.get("/healthz")
    text = client.get("/metrics").content.decode()
    assert metric_value(text, "timeline_http_requests_total", method="GET", status="200", view="healthz") == start + 2
    assert "timeline_http_request_duration_seconds_bucket" in text


def test_metrics_report_articles_by_state_and_queue_depth(client: Client) -> None:
    ArticleFactory.create_batch(2, state="queued")
    ArticleFactory(state="extracting")
    ArticleFactory(state="failed")
    text = client.get("/metrics").content.decode()
    assert metric_value(text, "timeline_articles", state="queued") == 2
    assert metric_value(text, "timeline_articles", state="failed") == 1
    assert metric_value(text, "timeline_queue_depth") == 3


def test_extraction_latency_is_observed_by_outcome() -> None:
    done = EXTRACTION_SECONDS.labels(outcome="done")
    error = EXTRACTION_SECONDS.labels(outcome="error")
    n_done, n_error = done._sum.get(), error._sum.get()  # type: ignore[attr-defined]
    with extraction_timer():
        pass
    with pytest.raises(ValueError), extraction_timer():
        raise ValueError
    assert done._sum.get() >= n_done and error._sum.get() >= n_error  # type: ignore[attr-defined]
    from prometheus_client import REGISTRY

    assert REGISTRY.get_sample_value("timeline_extraction_seconds_count", {"outcome": "done"}) >= 1
    assert REGISTRY.get_sample_value("timeline_extraction_seconds_count", {"outcome": "error"}) >= 1


@override_settings(METRICS_TOKEN="s3cret-scrape-token")
def test_metrics_can_require_a_token(client: Client) -> None:
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-scrape-token").status_code == 200


def test_processing_an_article_observes_its_extraction_time() -> None:
    """The histogram was declared and tested, but the worker never observed it: /metrics showed none."""
    from prometheus_client import REGISTRY

    from events.services import article_submit_text
    from events.services.articles_process import article_process

    before = REGISTRY.get_sample_value("timeline_extraction_seconds_count", {"outcome": "done"}) or 0
    article = article_submit_text(text="The ministers met in Vienna on Monday.", published=None)

    assert article_process(article_id=article.pk).startswith("done")
    assert REGISTRY.get_sample_value("timeline_extraction_seconds_count", {"outcome": "done"}) == before + 1
