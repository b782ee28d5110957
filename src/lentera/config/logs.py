"""Structured log lines, and gunicorn's access log in the same shape.

Every record is one line: a JSON object (``LENTERA_LOG_FORMAT=json``, the default) or
``key=value`` pairs (``text``), with the time in UTC, the level, the logger, the message and the
record's ``extra`` fields. Nothing that identifies a person goes in: services log ids, never
names or numbers; the access log names the path without its query string (searches for
identities are POSTs, and no query string reaches the log at all) and leaves out the client's
address and user agent, so a log cannot tie a citizen's complaint to where it was sent from.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from typing import Any

from gunicorn import glogging

# attributes every LogRecord has; anything else on a record came from ``extra``
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}
# never written, whatever a caller passes as ``extra``
_DROPPED = {"request", "server_time", "args", "msg"}


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def _text_value(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if text == "" or any(c in text for c in ' "=\\\n\t'):
        return json.dumps(text, ensure_ascii=False)
    return text


class StructuredFormatter(logging.Formatter):
    """One line per record: JSON (``output="json"``) or ``key=value`` (``output="text"``)."""

    def __init__(self, output: str = "json") -> None:
        super().__init__()
        self.output = "text" if output == "text" else "json"

    def fields(self, record: logging.LogRecord) -> dict[str, Any]:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            "pid": record.process,
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            # Django's request logger: the method and path, never the query string
            data["method"], data["path"] = getattr(request, "method", ""), request.path
        for key, value in vars(record).items():
            if key not in _STANDARD and key not in _DROPPED and not key.startswith("_"):
                data[key] = _plain(value)
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            data["exc"] = record.exc_text
        return data

    def format(self, record: logging.LogRecord) -> str:
        data = self.fields(record)
        if self.output == "json":
            return json.dumps(data, ensure_ascii=False, default=str)
        return " ".join(f"{key}={_text_value(value)}" for key, value in data.items())


class GunicornLogger(glogging.Logger):  # type: ignore[misc]
    """gunicorn's error and access logs as structured lines (see the module docstring)."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        formatter = StructuredFormatter(os.environ.get("LENTERA_LOG_FORMAT", "json"))
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(formatter)

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not (self.cfg.accesslog or self.cfg.logconfig or self.cfg.syslog):
            return
        status = getattr(resp, "status", "")
        code = status.split(None, 1)[0] if isinstance(status, str) else status
        seconds = request_time.total_seconds() if hasattr(request_time, "total_seconds") else 0
        self.access_log.info(
            "request",
            extra={
                "method": environ.get("REQUEST_METHOD", ""),
                "path": environ.get("PATH_INFO", ""),
                "status": int(code) if str(code).isdigit() else code,
                "bytes": getattr(resp, "sent", None),
                "duration_ms": round(seconds * 1000, 1),
            },
        )
