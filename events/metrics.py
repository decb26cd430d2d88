"""Prometheus metrics: the metric objects the code observes, and the collector read from the database.

Observed in code (import the object and call it):

- ``HTTP_REQUESTS`` / ``HTTP_LATENCY``: every request, by view name (``timeline.middleware``).
- ``EXTRACTION_SECONDS``: how long one article's extraction took, by outcome. The ingestion code
  observes it, e.g. ``with extraction_timer(): ...`` or ``EXTRACTION_SECONDS.labels("done").observe(s)``.

Read from the database at scrape time (``ArticleStateCollector``): articles by state and the queue depth
(articles queued or being processed). The Article rows are the record of truth for the queue — a
broker's own length misses messages a worker holds and counts ones the sweeper will re-send.

Several processes: gunicorn workers and Celery workers each keep their own counters. With
``PROMETHEUS_MULTIPROC_DIR`` set (``deploy/gunicorn.conf.py`` sets it), every process writes its
samples to files there and ``/metrics`` adds them up, so a Celery worker on the same machine and with
the same directory is included. A worker on another machine exposes its own port with
:func:`start_worker_exporter` (``WORKER_METRICS_PORT``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, start_http_server
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import REGISTRY, Collector

HTTP_REQUESTS = Counter(
    "timeline_http_requests",
    "HTTP requests answered, by view name, method and status.",
    ["method", "view", "status"],
)
HTTP_LATENCY = Histogram(
    "timeline_http_request_duration_seconds",
    "Time to answer a request, by view name.",
    ["view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
EXTRACTION_SECONDS = Histogram(
    "timeline_extraction_seconds",
    "Time to extract events from one article (clean, analyse, time, events, store), by outcome.",
    ["outcome"],
    buckets=(0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 180.0),
)

# States that mean "not finished yet": the queue, as far as the database knows it.
QUEUE_STATES = ("queued", "fetching", "extracting")


@contextmanager
def extraction_timer() -> Iterator[None]:
    """Times the block into ``EXTRACTION_SECONDS`` (outcome ``done``, or ``error`` if it raised)."""
    started = time.perf_counter()
    outcome = "error"
    try:
        yield
        outcome = "done"
    finally:
        EXTRACTION_SECONDS.labels(outcome=outcome).observe(time.perf_counter() - started)


class ArticleStateCollector(Collector):
    """Articles by state and the queue depth, counted with one GROUP BY at scrape time."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from django.db.models import Count

        from events.models import Article, ArticleState

        counts = {state: 0 for state in ArticleState.values}
        for row in Article.objects.order_by().values("state").annotate(n=Count("id")):
            counts[row["state"]] = row["n"]
        by_state = GaugeMetricFamily("timeline_articles", "Articles by processing state.", labels=["state"])
        for state, n in sorted(counts.items()):
            by_state.add_metric([state], n)
        yield by_state
        yield GaugeMetricFamily(
            "timeline_queue_depth",
            "Articles waiting for or in processing (queued, fetching, extracting).",
            value=sum(counts.get(state, 0) for state in QUEUE_STATES),
        )


def metrics_exposition() -> bytes:
    """The text exposition for ``/metrics``: process (or all processes') metrics, then the database's."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        process_registry = CollectorRegistry()
        MultiProcessCollector(process_registry)
        body = generate_latest(process_registry)
    else:
        body = generate_latest(REGISTRY)
    database_registry = CollectorRegistry(auto_describe=False)
    database_registry.register(ArticleStateCollector())
    return body + generate_latest(database_registry)


def start_worker_exporter() -> int | None:
    """Serve this process's metrics on ``WORKER_METRICS_PORT`` (for a Celery worker on its own machine).

    Returns the port, or None when the variable is unset. Call it once per machine, from the worker's
    main process (e.g. Celery's ``worker_ready`` signal) with ``PROMETHEUS_MULTIPROC_DIR`` set so the
    pool's children are included.
    """
    port = os.environ.get("WORKER_METRICS_PORT")
    if not port:
        return None
    registry: CollectorRegistry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)
    start_http_server(int(port), addr=os.environ.get("WORKER_METRICS_ADDR", "127.0.0.1"), registry=registry)
    return int(port)
