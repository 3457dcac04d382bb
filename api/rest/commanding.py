"""What every REST command shares: the caller's write scope, the idempotency key, the reply."""

from __future__ import annotations

import hashlib
from uuid import UUID

import msgspec
import orjson
from litestar import Request, Response
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from api.auth.policy import Access, require
from domain.errors import BadInput
from services.auth.principal import Principal, Role
from services.context import CommandContext, CommandResult
from tenants.ids import root_unit_id

IDEMPOTENCY_HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 200
FINGERPRINT = "request_fingerprint"  # request.state key, set by the router's before_request


class Body(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Base of request bodies: an unknown field is BAD_INPUT, not silently ignored."""


class CommandReply(msgspec.Struct):
    id: UUID
    version: int
    position: int
    replayed: bool


def command_context(request: Request, principal: Principal) -> CommandContext:
    key = request.headers.get(IDEMPOTENCY_HEADER)
    if key is not None and not (0 < len(key) <= MAX_KEY_LENGTH and key.isprintable()):
        raise BadInput(f"{IDEMPOTENCY_HEADER} must be 1..{MAX_KEY_LENGTH} printable characters",
                       rule="api.idempotency_key")
    return CommandContext(actor=principal.subject, unit_id=principal.unit, idempotency_key=key,
                          correlation_id=request.headers.get("X-Request-Id"), writes_under=write_reach(principal),
                          request_fingerprint=request.state.get(FINGERPRINT))


def request_fingerprint(method: str, path: str, body: object) -> str:
    """A digest of what the request asks: method, path and the body in canonical form (keys
    sorted, no spacing), so a retry that only reorders or respaces the JSON is still a retry."""
    canonical = orjson.dumps([method, path, body], option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(canonical).hexdigest()


def write_reach(principal: Principal) -> UUID | None:
    """Officers write for their unit and its subtree (a token without a unit: the tenant root)."""
    if principal.has(Role.PLATFORM_ADMIN):
        return None
    return principal.unit or root_unit_id(principal.tenant)


def write_tenant(principal: Principal) -> str:
    require(principal, Access.WRITE)
    return principal.tenant


def reply(result: CommandResult) -> Response[CommandReply]:
    status = HTTP_200_OK if result.replayed else HTTP_201_CREATED
    return Response(CommandReply(result.id, result.version, result.position, result.replayed), status_code=status)
