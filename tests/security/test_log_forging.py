"""User input in a log message cannot start a line of its own (CR/LF and other controls are escaped)."""

from __future__ import annotations

import json
import logging

import pytest

from timeline.logging import JsonFormatter, SafeTextFormatter, escape_control_characters

FORGED = "alice\r\n2026-01-01 00:00:00 INFO django.security login ok for admin\x1b[2J\u2028tail"


def record(msg: str, *args: object, exc_info: object = None) -> logging.LogRecord:
    return logging.LogRecord("axes", logging.WARNING, __file__, 1, msg, args, exc_info)  # type: ignore[arg-type]


@pytest.mark.parametrize("formatter", [JsonFormatter(), SafeTextFormatter("%(levelname)s %(message)s")])
def test_a_forged_line_stays_on_one_line(formatter: logging.Formatter) -> None:
    line = formatter.format(record("failed login for %s", FORGED))
    assert "\n" not in line and "\r" not in line and "\x1b" not in line and "\u2028" not in line


def test_json_lines_keep_the_text_recoverable() -> None:
    entry = json.loads(JsonFormatter().format(record("failed login for %s", FORGED)))
    assert entry["message"] == f"failed login for {FORGED}"
    assert entry["level"] == "WARNING" and entry["logger"] == "axes"


def test_text_escapes_are_visible() -> None:
    assert escape_control_characters("a\r\nb\x00\x7f") == "a\\r\\nb\\x00\\x7f"


def test_a_traceback_is_kept_but_indented_so_it_cannot_pass_for_a_record() -> None:
    try:
        raise ValueError("bad\nINFO forged")
    except ValueError:
        import sys

        line = SafeTextFormatter("%(levelname)s %(message)s").format(record("oops", exc_info=sys.exc_info()))
    first, *rest = line.split("\n")
    assert first == "WARNING oops"
    assert rest and all(part.startswith("    | ") for part in rest)
    assert "bad\\nINFO forged" in line
