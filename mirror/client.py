"""Talking to the tracker's API: the streamed bulk export and the change feed, with clear errors.

Every failure a researcher can meet becomes a :class:`MirrorError` sentence: the API cannot be reached,
refuses the token, is not a timeline API, or speaks a newer feed format than this client knows. A busy
feed (503) or a throttle (429) is waited out as the server's ``Retry-After`` asks, a few times.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from mirror.errors import MirrorError

# The feed and export formats this client understands; the server names its own in FORMAT_HEADER.
SUPPORTED_FEED_FORMAT = 1
FORMAT_HEADER = "X-Feed-Format"
SEQ_HEADER = "X-Changes-Seq"
TOTAL_HEADER = "X-Total-Count"
RETRIES = 5
MAX_WAIT_S = 30.0


def api_root(url: str) -> str:
    """The API's root URL, ending in a slash; a bare site URL gets ``/api/v1/``."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise MirrorError(f"--api must be an http(s) URL such as http://127.0.0.1:8000/api/v1/, not {url!r}")
    path = parts.path.rstrip("/")
    if not path:
        path = "/api/v1"
    return f"{parts.scheme}://{parts.netloc}{path}/"


@dataclass
class ExportStart:
    head: int  # the change feed's head when the export began: the feed continues after it
    total: int | None  # how many events the export will send, when the server says


@dataclass
class ChangePage:
    entries: list[dict[str, Any]]
    head: int
    next_url: str | None  # the page after this one, or None when this one reached the head


class ApiClient:
    """A small client for the two endpoints a mirror uses; ``requests`` counts the HTTP requests made."""

    def __init__(self, url: str, *, token: str | None = None, timeout: float = 60.0) -> None:
        self.root = api_root(url)
        headers = {"User-Agent": "timeline-mirror"}
        if token:
            headers["Authorization"] = f"Token {token}"
        self._http = httpx.Client(base_url=self.root, headers=headers, timeout=timeout)
        self.requests = 0

    def close(self) -> None:
        self._http.close()

    def _send(
        self, path: str, params: dict[str, Any] | None, *, accept: str = "application/json", stream: bool = False
    ) -> httpx.Response:
        for attempt in range(RETRIES + 1):
            self.requests += 1
            try:
                request = self._http.build_request("GET", path, params=params, headers={"Accept": accept})
                response = self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                raise MirrorError(f"cannot reach the API at {self.root}: {exc or type(exc).__name__}") from None
            if response.status_code in (429, 503) and attempt < RETRIES:
                wait = _retry_after(response)
                response.close()
                time.sleep(wait)
                continue
            if response.status_code >= 400:
                if stream:
                    response.read()
                raise MirrorError(self._refusal(response))
            self._check_format(response)
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _refusal(self, response: httpx.Response) -> str:
        status = response.status_code
        if status in (401, 403):
            return f"the API at {self.root} refused the token ({status}): check --token, or create a new one"
        if status == 404:
            return f"{response.request.url} answered 404: is {self.root} the tracker's API root (…/api/v1/)?"
        try:
            message = response.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = response.text[:200]
        return f"the API answered {status} to {response.request.url}: {message}"

    def _check_format(self, response: httpx.Response) -> None:
        raw = response.headers.get(FORMAT_HEADER)
        if raw is None:
            return
        try:
            version = int(raw)
        except ValueError:
            raise MirrorError(f"the API sent an unreadable {FORMAT_HEADER} header: {raw!r}") from None
        if version > SUPPORTED_FEED_FORMAT:
            raise MirrorError(
                f"the API at {self.root} serves feed format {version}, newer than this timeline-mirror "
                f"understands ({SUPPORTED_FEED_FORMAT}): upgrade timeline-mirror (pip install -U .)"
            )

    @contextmanager
    def export(self, *, topic: str | None) -> Iterator[tuple[ExportStart, Iterator[dict[str, Any]]]]:
        """The bulk export (NDJSON, citations embedded), streamed line by line."""
        params = {"citations": "embed"}
        if topic:
            params["topic"] = topic
        response = self._send("events/export/", params, accept="application/x-ndjson", stream=True)
        try:
            head = _int_header(response, SEQ_HEADER)
            if head is None:
                raise MirrorError(f"the export at {self.root} sent no {SEQ_HEADER} header: not a timeline API?")
            total = _int_header(response, TOTAL_HEADER)
            yield ExportStart(head=head, total=total), _ndjson(response)
        finally:
            response.close()

    def changes(self, *, after: int, page_size: int, url: str | None = None) -> ChangePage:
        """A page of the feed after ``after``, or the page at ``url`` (a previous page's ``next``)."""
        # The server may leave entries out of a page (removals of events this client never saw), so a
        # page is continued by its cursor, not by its last entry's seq.
        # (params=None: an empty dict would make httpx drop the cursor's query string.)
        response = self._send(url, None) if url else self._send("changes/", {"after": after, "page_size": page_size})
        try:
            body = response.json()
            entries = body["results"]
        except (ValueError, KeyError, TypeError):
            raise MirrorError(f"the change feed at {self.root} sent something that is not a feed page") from None
        return ChangePage(entries=entries, head=_int_header(response, SEQ_HEADER) or 0, next_url=body.get("next"))


def _ndjson(response: httpx.Response) -> Iterator[dict[str, Any]]:
    try:
        for line in response.iter_lines():
            if line:
                yield json.loads(line)
    except httpx.TransportError as exc:
        raise MirrorError(f"the export stopped before its end: {exc or type(exc).__name__}") from None


def _int_header(response: httpx.Response, name: str) -> int | None:
    raw = response.headers.get(name)
    try:
        return None if raw is None else int(raw)
    except ValueError:
        return None


def _retry_after(response: httpx.Response) -> float:
    try:
        return min(MAX_WAIT_S, max(0.1, float(response.headers.get("Retry-After", "1"))))
    except ValueError:
        return 1.0
