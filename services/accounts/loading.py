"""An account as it is now, and the `Principal` it signs in as."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from domain.accounts import UserAccount
from infra import account_tables
from infra.platform import Platform
from services.auth.principal import Principal, Role
from services.commands import load
from services.errors import NotFoundError, Unauthenticated


def now() -> datetime:
    return datetime.now(UTC)


async def load_account(platform: Platform, tenant: str, user_id: UUID) -> UserAccount:
    return await load(platform, tenant, user_id, UserAccount)


async def active_account(platform: Platform, user_id: UUID) -> UserAccount:
    """The account behind a session or link, read from its log on every request, so a
    disabled account stops working at once. UNAUTHENTICATED otherwise."""
    ref = await account_tables.find_by_user(platform.db, user_id)
    try:
        account = None if ref is None else await load_account(platform, ref.tenant_id, user_id)
    except NotFoundError:
        account = None
    if account is None or not account.active:
        raise Unauthenticated("the account is disabled or does not exist")
    return account


def principal_of(account: UserAccount, scopes: frozenset[str] | None = None) -> Principal:
    return Principal(subject=account.email, tenant=account.tenant, unit=account.unit,
                     roles=frozenset(Role(r) for r in account.roles), audit_tenants=frozenset(account.audit_tenants),
                     scopes=scopes, account=account.id)
