"""A tenant administrator's commands on an existing account: roles, disabling, enabling,
a fresh invitation link. Each is an event of the account in its tenant's log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from uuid import UUID

from domain.accounts import Grant, UserAccount
from infra import account_tables
from infra.platform import Platform
from services.accounts import links, mail
from services.accounts.authority import check_administers, check_may_change, check_may_grant
from services.accounts.invitations import Invitation
from services.accounts.loading import load_account, now
from services.auth.principal import Principal
from services.commands import update
from services.context import CommandContext, CommandResult
from services.errors import Forbidden, NotFoundError
from tenants.ids import root_unit_id


async def tenant_of(platform: Platform, principal: Principal, user_id: UUID) -> str:
    """The account's tenant; NOT_FOUND for an account in a tenant the caller does not administer."""
    ref = await account_tables.find_by_user(platform.db, user_id)
    if ref is None:
        raise NotFoundError(f"no account {user_id}")
    try:
        check_administers(principal, ref.tenant_id)
    except Forbidden:
        if principal.tenant != ref.tenant_id:
            raise NotFoundError(f"no account {user_id}") from None  # other tenants' accounts do not leak
        raise
    return ref.tenant_id


async def change_roles(platform: Platform, ctx: CommandContext, principal: Principal, user_id: UUID,
                       grant: Grant, expected_version: int | None = None) -> CommandResult:
    tenant = await tenant_of(platform, principal, user_id)
    await check_may_grant(platform, ctx, principal, tenant, grant)

    async def change(account: UserAccount) -> None:
        check_may_change(principal, account)
        account.change_roles(grant)

    return await _update(platform, ctx, tenant, user_id, expected_version, "change_roles", change)


async def disable_account(platform: Platform, ctx: CommandContext, principal: Principal, user_id: UUID,
                          reason: str, expected_version: int | None = None) -> CommandResult:
    """The account's sessions end with it; its tokens stop working as its log says disabled."""
    tenant = await tenant_of(platform, principal, user_id)

    async def change(account: UserAccount) -> None:
        check_may_change(principal, account)
        account.disable(reason)

    result = await _update(platform, ctx, tenant, user_id, expected_version, "disable_account", change)
    await account_tables.revoke_sessions_of(platform.db, user_id)
    return result


async def enable_account(platform: Platform, ctx: CommandContext, principal: Principal, user_id: UUID,
                         expected_version: int | None = None) -> CommandResult:
    tenant = await tenant_of(platform, principal, user_id)

    async def change(account: UserAccount) -> None:
        check_may_change(principal, account)
        account.enable()

    return await _update(platform, ctx, tenant, user_id, expected_version, "enable_account", change)


async def renew_invitation(platform: Platform, ctx: CommandContext, principal: Principal,
                           user_id: UUID) -> Invitation:
    """A new invitation link (the earlier one stops working) for an account not yet accepted."""
    tenant = await tenant_of(platform, principal, user_id)
    until = now() + timedelta(seconds=platform.settings.accounts.invitation_ttl_s)
    emails: list[str] = []

    async def change(account: UserAccount) -> None:
        check_may_change(principal, account)
        account.renew_invitation(until)
        emails.append(account.email)

    result = await _update(platform, ctx, tenant, user_id, None, "renew_invitation", change)
    link = await links.new_link(platform, links.INVITATION, user_id, until)
    email = emails[-1] if emails else (await account_tables.find_by_user(platform.db, user_id)).email
    mailed = await mail.deliver(platform, email, mail.INVITATION, tenant=tenant, link=link,
                                until=until.strftime("%d/%m/%Y %H:%M UTC"))
    return Invitation(result, email, None if mailed else link, mailed)


async def _update(platform: Platform, ctx: CommandContext, tenant: str, user_id: UUID,
                  expected_version: int | None, name: str, change) -> CommandResult:
    return await update(platform, tenant, ctx, name, UserAccount, user_id, expected_version, change,
                        unit_of=lambda account: account.unit or root_unit_id(tenant))


@dataclass(frozen=True)
class AccountView:
    id: UUID
    email: str
    roles: list[str]
    unit: UUID | None
    audit_tenants: list[str]
    state: str
    """invited, active or disabled"""
    version: int


async def list_accounts(platform: Platform, principal: Principal, tenant: str) -> list[AccountView]:
    """The accounts of a tenant, as their logs say now (administrators; a few hundred per tenant)."""
    check_administers(principal, tenant, scope="read")
    views = []
    for ref in await account_tables.accounts_of_tenant(platform.db, tenant):
        account = await load_account(platform, tenant, ref.user_id)
        state = "disabled" if account.disabled else "active" if account.accepted else "invited"
        views.append(AccountView(account.id, account.email, list(account.roles), account.unit,
                                 list(account.audit_tenants), state, account.version))
    return views
