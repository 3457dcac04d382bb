"""Refused requests in the log: ONE structured JSON line each (code, rule, where, trace id).

A 401, 403, 404 or a bad GraphQL document is the client's mistake, and an attack sends
thousands: a traceback apiece would bury the real faults. Server errors keep their
traceback; `api.errors.to_public` writes those.
"""

from __future__ import annotations

import json
import logging

from opentelemetry import trace

from api.errors import PublicError
from infra.telemetry import trace_ids

log = logging.getLogger("thidua.api.refused")


def log_refusal(error: PublicError, *, method: str, path: str, operation: str | None = None) -> None:
    if error.status >= 500:
        return
    line = {"event": "request_refused", "status": error.status, "code": error.code, "method": method,
            "path": path, "message": error.message_en}
    if error.rule:
        line["rule"] = error.rule
    if operation:
        line["operation"] = operation
    line.update(trace_ids(trace.get_current_span().get_span_context()))
    log.info(json.dumps(line, ensure_ascii=False))
