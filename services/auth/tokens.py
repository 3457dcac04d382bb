"""JWT bearer tokens (HS256): minting for development, verification for every request."""

from __future__ import annotations

import time
from collections.abc import Iterable
from uuid import UUID

import jwt

from infra.database import validate_tenant_id
from infra.errors import InvalidTenantError
from services.auth.principal import Principal, Role
from services.errors import Unauthenticated

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["exp", "iat", "sub", "tenant", "roles"]


def mint_token(secret: str, *, tenant: str, roles: Iterable[str], unit: UUID | None = None,
               subject: str = "dev", audit_tenants: Iterable[str] = (), ttl_s: int = 3600,
               now: float | None = None) -> str:
    issued = int(time.time() if now is None else now)
    claims = {
        "sub": subject, "tenant": validate_tenant_id(tenant), "roles": [Role(r).value for r in roles],
        "audit_tenants": [validate_tenant_id(t) for t in audit_tenants],
        "iat": issued, "exp": issued + ttl_s,
    }
    if unit is not None:
        claims["unit"] = str(unit)
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def verify_token(secret: str, token: str) -> Principal:
    """Every failure is the same public error; the reason stays in the message for logs."""
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], options={"require": REQUIRED_CLAIMS})
        return _principal(claims)
    except jwt.ExpiredSignatureError:
        raise Unauthenticated("token expired") from None
    except (jwt.InvalidTokenError, ValueError, TypeError, InvalidTenantError) as exc:
        raise Unauthenticated(f"invalid token: {type(exc).__name__}") from None


def _principal(claims: dict) -> Principal:
    roles = claims["roles"]
    audit = claims.get("audit_tenants", [])
    if not isinstance(roles, list) or not roles or not isinstance(audit, list):
        raise ValueError("roles must be a non-empty list")
    unit = claims.get("unit")
    return Principal(
        subject=str(claims["sub"]),
        tenant=validate_tenant_id(claims["tenant"]),
        unit=UUID(unit) if unit else None,
        roles=frozenset(Role(r) for r in roles),
        audit_tenants=frozenset(validate_tenant_id(t) for t in audit),
    )


def bearer_token(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer <token>` header."""
    if not authorization:
        raise Unauthenticated("missing bearer token")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("malformed Authorization header")
    return token.strip()
