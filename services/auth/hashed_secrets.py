"""Random secrets for sessions, one-time links and personal tokens; only their SHA-256 is
stored. 256 random bits need no slow hash: they cannot be guessed from it."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from uuid import UUID

PERSONAL_TOKEN_PREFIX = "tdp"


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()


def matches(secret: str, expected: bytes) -> bool:
    return hmac.compare_digest(digest(secret), expected)


def csrf_token(key: str, session_id: UUID) -> str:
    """The session's CSRF token: derived, so nothing more is stored (synchroniser token)."""
    return hmac.new(key.encode(), b"csrf:" + session_id.bytes, hashlib.sha256).hexdigest()


def personal_token(tenant: str, account: UUID, token_id: UUID, secret: str) -> str:
    """`tdp.<tenant>.<account>.<token id>.<secret>`: says where to find its hash, so
    verifying it is one load of the account, with no other table."""
    return f"{PERSONAL_TOKEN_PREFIX}.{tenant}.{account.hex}.{token_id.hex}.{secret}"


def parse_personal_token(token: str) -> tuple[str, UUID, UUID, str] | None:
    parts = token.split(".")
    if len(parts) != 5 or parts[0] != PERSONAL_TOKEN_PREFIX:
        return None
    try:
        return parts[1], UUID(hex=parts[2]), UUID(hex=parts[3]), parts[4]
    except ValueError:
        return None
