"""Form posts that run a command: the form's idempotency key, and a refusal shown on the form.

Every form carries a hidden `idempotency_key` made when the form was drawn, so a double
click or a resent post writes once (the second answers the first result). A refused command
draws the same form again with the values typed, the rule's own message next to its field,
and nothing written; the status is the API's for the same refusal.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from litestar import Request, Response
from litestar.datastructures import FormMultiDict
from litestar.response import Template

from api.auth.request import CSRF_FIELD
from api.errors import PublicError, classify
from api.rest.commanding import MAX_KEY_LENGTH, request_fingerprint, write_reach
from services.auth.principal import Principal
from services.context import CommandContext

KEY_FIELD = "idempotency_key"
_META = (CSRF_FIELD, KEY_FIELD)


async def read_form(request: Request) -> FormMultiDict:
    return await request.form()


def form_context(request: Request, principal: Principal, form: FormMultiDict) -> CommandContext:
    key = form.get(KEY_FIELD) or None
    if key is not None and not (len(key) <= MAX_KEY_LENGTH and key.isprintable()):
        key = None  # a mangled key cannot make a retry safe; the command still runs once
    fields = sorted((name, value) for name, value in form.multi_items()
                    if name not in _META and isinstance(value, str))
    return CommandContext(actor=principal.subject, unit_id=principal.unit, idempotency_key=key,
                          correlation_id=request.headers.get("X-Request-Id"), writes_under=write_reach(principal),
                          request_fingerprint=request_fingerprint("POST", request.url.path, fields))


def field_of(error: PublicError, fields: Mapping[str, str]) -> str | None:
    """The form field a refusal is about: the longest rule prefix the page names."""
    rule = error.rule or ""
    matches = [prefix for prefix in fields if rule == prefix or rule.startswith(prefix + ".")]
    return fields[max(matches, key=len)] if matches else None


async def submit(template: str, context: dict[str, Any], action: Callable[[], Awaitable[Response]],
                 fields: Mapping[str, str] | None = None) -> Response:
    """Run `action` (it calls a service and answers the page to show next); a refusal (any 4xx
    coded error) draws `template` again with `error` and `error_field`; a server error is raised."""
    try:
        return await action()
    except Exception as exc:  # noqa: BLE001 - classified below; 5xx re-raised
        error = classify(exc)
        if error.status >= 500:
            raise
        return Template(template, context={**context, "error": error, "error_field": field_of(error, fields or {})},
                        status_code=error.status)
