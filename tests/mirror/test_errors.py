"""Clear errors, no tracebacks: an unreachable API, a refused token, an API newer than the client."""

from __future__ import annotations

import socket

import pytest

from mirror.cli import main

pytestmark = pytest.mark.django_db(transaction=True)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["sync", "--no-progress", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_it_says_when_the_api_cannot_be_reached(capsys, tmp_path):
    code, _, err = _run(capsys, "--api", f"http://127.0.0.1:{_closed_port()}/api/v1/", "--db", str(tmp_path / "m.db"))

    assert code == 2
    assert "cannot reach the API at http://127.0.0.1:" in err and "Traceback" not in err


def test_it_says_when_the_token_is_refused(capsys, api_url, tmp_path):
    code, _, err = _run(capsys, "--api", api_url, "--db", str(tmp_path / "m.db"), "--token", "not-a-token")

    assert code == 2
    assert "refused the token (401)" in err


def test_it_says_when_the_api_is_newer_than_the_client(capsys, api_url, tmp_path, monkeypatch, make_event):
    make_event()
    monkeypatch.setattr("api.views.events.FEED_FORMAT", 2)

    code, _, err = _run(capsys, "--api", api_url, "--db", str(tmp_path / "m.db"))

    assert code == 2
    assert "serves feed format 2, newer than this timeline-mirror understands (1)" in err


def test_it_says_when_the_url_is_not_the_api(capsys, live_server, tmp_path):
    code, _, err = _run(capsys, "--api", f"{live_server.url}/nothing/here/", "--db", str(tmp_path / "m.db"))

    assert code == 2
    assert "answered 404" in err and "API root" in err


def test_it_refuses_a_database_that_mirrors_another_api(capsys, api_url, live_server, tmp_path, make_event):
    make_event()
    db = str(tmp_path / "m.db")
    assert _run(capsys, "--api", api_url, "--db", db)[0] == 0

    code, _, err = _run(capsys, "--api", api_url.replace("localhost", "127.0.0.1"), "--db", db)

    assert code == 2
    assert f"this database mirrors {api_url}" in err


def test_it_prints_a_one_line_summary(capsys, api_url, tmp_path, make_event):
    make_event()
    make_event()

    code, out, _ = _run(capsys, "--api", api_url, "--db", str(tmp_path / "m.db"))

    assert code == 0
    assert len(out.strip().splitlines()) == 1
    assert "first sync: 2 events exported" in out and "at seq" in out
