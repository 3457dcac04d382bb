"""Personal API tokens for integrations: scoped (`read`, `write`), expiring, revocable.

The token names its tenant, account and token id, so verifying it is one load of the
account: its log holds each token's SHA-256, scopes, expiry and revocation, and whether the
account is still active. The secret itself is shown once and kept nowhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from domain.accounts import UserAccount
from domain.errors import BadInput
from infra.database import validate_tenant_id
from infra.errors import InvalidTenantError
from infra.platform import Platform
from services.accounts.loading import load_account, now, principal_of
from services.auth.hashed_secrets import digest, matches, new_secret, parse_personal_token, personal_token
from services.auth.principal import Principal
from services.commands import run_command
from services.context import CommandContext, CommandResult
from services.errors import Forbidden, NotFoundError, Unauthenticated

SCOPES = frozenset({"read", "write"})
MAX_DAYS = 366


@dataclass(frozen=True)
class TokenView:
    token_id: UUID
    name: str
    scopes: list[str]
    expires_at: datetime
    live: bool
    """Neither revoked nor expired."""


@dataclass(frozen=True)
class IssuedToken:
    result: CommandResult
    token_id: UUID
    token: str
    expires_at: datetime


async def issue_token(platform: Platform, ctx: CommandContext, principal: Principal, *, name: str,
                      scopes: list[str], days: int) -> IssuedToken:
    """Only a signed-in person (a session) issues tokens, never another token."""
    if principal.account is None or principal.scopes is not None:
        raise Forbidden("personal tokens are issued from a signed-in session")
    name, scopes = _check(name, scopes, days)
    token_id, secret, expires = uuid4(), new_secret(), now() + timedelta(days=days)

    async def decide() -> UserAccount:
        account = await load_account(platform, principal.tenant, principal.account)
        account.issue_token(token_id, name, sorted(scopes), expires, digest(secret).hex(), now())
        return account

    result = await run_command(platform, principal.tenant, ctx, "issue_token", decide)
    return IssuedToken(result, token_id, personal_token(principal.tenant, principal.account, token_id, secret),
                       expires)


async def my_tokens(platform: Platform, principal: Principal) -> list[TokenView]:
    """The signed-in person's own tokens, newest expiry first (never a secret: none is kept)."""
    if principal.account is None:
        raise Forbidden("only a signed-in account has personal tokens")
    account = await load_account(platform, principal.tenant, principal.account)
    live = account.live_tokens(now())
    views = [TokenView(UUID(key), t["name"], list(t["scopes"]), t["expires_at"], key in live)
             for key, t in account.tokens.items()]
    return sorted(views, key=lambda view: view.expires_at, reverse=True)


async def revoke_token(platform: Platform, ctx: CommandContext, principal: Principal, token_id: UUID) -> CommandResult:
    """The holder revokes its own token (from a session or with the token itself)."""
    if principal.account is None:
        raise Forbidden("only an account's own tokens are revoked here")

    async def decide() -> UserAccount:
        account = await load_account(platform, principal.tenant, principal.account)
        if str(token_id) not in account.tokens:
            raise NotFoundError(f"no token {token_id}")
        account.revoke_token(token_id)
        return account

    return await run_command(platform, principal.tenant, ctx, "revoke_token", decide)


async def token_principal(platform: Platform, token: str) -> Principal:
    """UNAUTHENTICATED unless the token is live and its account active."""
    parsed = parse_personal_token(token)
    if parsed is None:
        raise Unauthenticated("malformed personal token")
    tenant, account_id, token_id, secret = parsed
    try:
        account = await load_account(platform, validate_tenant_id(tenant), account_id)
    except (NotFoundError, InvalidTenantError):
        raise Unauthenticated("unknown personal token") from None
    held = account.tokens.get(str(token_id))
    if not account.active or held is None or held["revoked"] or held["expires_at"] <= now() \
            or not matches(secret, bytes.fromhex(held["secret_hash"])):
        raise Unauthenticated("the personal token is revoked, expired or its account disabled")
    return principal_of(account, scopes=frozenset(held["scopes"]))


def _check(name: str, scopes: list[str], days: int) -> tuple[str, list[str]]:
    name = str(name).strip()
    if not 0 < len(name) <= 100:
        raise BadInput("a token's name has 1 to 100 characters", rule="accounts.tokens.name",
                       message_vi="Tên token có từ 1 đến 100 ký tự")
    if not scopes or not set(scopes) <= SCOPES:
        raise BadInput(f"scopes are among {sorted(SCOPES)}", rule="accounts.tokens.scopes",
                       message_vi="Chọn ít nhất một quyền: đọc (read) hoặc ghi (write)")
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise BadInput(f"a token lives 1 to {MAX_DAYS} days", rule="accounts.tokens.expiry",
                       message_vi=f"Token có hiệu lực từ 1 đến {MAX_DAYS} ngày")
    return name, sorted(set(scopes))
