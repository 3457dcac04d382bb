"""One-time links (invitation, password reset): a random secret in the URL, its hash in
`account_links`, used once before it expires."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode
from uuid import UUID

from infra import account_tables
from infra.platform import Platform
from services.auth.hashed_secrets import digest, new_secret
from services.errors import LinkInvalid

INVITATION, PASSWORD_RESET = "invitation", "password_reset"
_PAGES = {INVITATION: "/account/accept", PASSWORD_RESET: "/account/reset"}


async def new_link(platform: Platform, purpose: str, user_id: UUID, expires_at: datetime) -> str:
    """The link's URL; an earlier unused link of the same purpose stops working."""
    secret = new_secret()
    await account_tables.insert_link(platform.db, digest(secret), purpose, user_id, expires_at)
    base = platform.settings.accounts.public_url
    return f"{base}{_PAGES[purpose]}?{urlencode({'token': secret})}"


async def account_of_link(platform: Platform, secret: str, *purposes: str) -> UUID:
    user = await account_tables.peek_link(platform.db, digest(_text(secret)), purposes)
    if user is None:
        raise _invalid()
    return user


async def use_link(platform: Platform, secret: str, *purposes: str) -> str:
    """Mark the link used (once, even under a race); its purpose."""
    used = await account_tables.consume_link(platform.db, digest(_text(secret)), purposes)
    if used is None:
        raise _invalid()
    return used[1]


def _text(secret: object) -> str:
    if not isinstance(secret, str) or not 0 < len(secret) <= 200:
        raise _invalid()
    return secret


def _invalid() -> LinkInvalid:
    return LinkInvalid("the link is unknown, already used or expired; ask for a new one")
