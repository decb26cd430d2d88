"""Log records that a reader can trust: one line per record, with the request id.

User input reaches log messages (a username at a failed login, a URL an editor submitted, a path). A
CR or LF in it would start what looks like a new, forged log line, and other control characters can
rewrite a terminal; so both formatters here escape them. The JSON formatter gets that from JSON
itself (``json.dumps`` escapes every control character); the text formatter escapes them by hand.

The request id comes from :mod:`timeline.middleware` through a context variable, so every record
written while a request is handled carries it, whichever logger wrote it.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

# Set by RequestIdMiddleware for the duration of one request; "-" outside a request (a worker, a command).
request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# C0 controls, DEL and the C1 controls (U+0085 NEL is a line break to some readers), plus the Unicode
# line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

# Attributes every LogRecord has; anything else on a record was passed with ``extra=`` and is logged.
_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None))) | {
    "message",
    "asctime",
    "request_id",
}


def escape_control_characters(text: str) -> str:
    r"""``text`` with every control character written as an escape (``\n``, ``\r``, ``\x1b``...)."""

    def escape(match: re.Match[str]) -> str:
        char = match.group()
        named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
        if char in named:
            return named[char]
        return f"\\x{ord(char):02x}" if ord(char) < 256 else f"\\u{ord(char):04x}"

    return _CONTROL.sub(escape, text)


class RequestIdFilter(logging.Filter):
    """Puts the current request id on every record (``%(request_id)s`` in a text format)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, extras and any traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD_ATTRS and not key.startswith("_"):
                entry[key] = value if isinstance(value, str | int | float | bool | type(None)) else str(value)
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        # ensure_ascii keeps the line 7-bit clean: U+2028 and friends become \u escapes too.
        return json.dumps(entry, ensure_ascii=True, default=str)


class SafeTextFormatter(logging.Formatter):
    """A human-readable format for development in which user input cannot break a line.

    The message is escaped; a traceback keeps its own line breaks (they are ours, not the user's),
    but every one of its lines is indented so it cannot pass for a record of its own.
    """

    def format(self, record: logging.LogRecord) -> str:
        saved = record.msg, record.args, record.exc_info, record.exc_text, record.stack_info
        try:
            record.msg = escape_control_characters(record.getMessage())
            record.args = None
            record.exc_info = record.exc_text = record.stack_info = None
            line = super().format(record)
        finally:
            record.msg, record.args, record.exc_info, record.exc_text, record.stack_info = saved
        extra = []
        if record.exc_info:
            extra.append(self.formatException(record.exc_info))
        if record.stack_info:
            extra.append(self.formatStack(record.stack_info))
        for block in extra:
            line += "".join(f"\n    | {escape_control_characters(part)}" for part in block.splitlines())
        return line
