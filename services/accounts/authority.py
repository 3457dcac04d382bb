"""Who may administer the accounts of a tenant: a platform administrator anywhere, a tenant
administrator in its own tenant and for units of its own subtree."""

from __future__ import annotations

from uuid import UUID

from domain.accounts import Grant, UserAccount, check_grant
from domain.accounts.grants import PLATFORM_ROLES
from infra.platform import Platform
from services.auth.principal import Principal, Role
from services.context import CommandContext
from services.errors import Forbidden, NotFoundError
from services.scope import check_reach
from tenants import registry
from tenants.ids import NATIONAL_TENANT, root_unit_id
from tenants.org_reader import load_timeline


def check_administers(principal: Principal, tenant: str, scope: str = "write") -> None:
    if not principal.may(scope):
        raise Forbidden(f"this personal token lacks the scope {scope!r}")
    if principal.has(Role.PLATFORM_ADMIN):
        return
    if principal.has(Role.TENANT_ADMIN) and principal.tenant == tenant:
        return
    raise Forbidden(f"only a platform administrator or a tenant administrator of {tenant!r} manages its accounts")


def check_may_change(principal: Principal, account: UserAccount) -> None:
    """Only a platform administrator changes an account that holds a platform role."""
    if PLATFORM_ROLES & set(account.roles) and not principal.has(Role.PLATFORM_ADMIN):
        raise Forbidden("only a platform administrator changes a platform administrator's or national account")


async def check_may_grant(platform: Platform, ctx: CommandContext, principal: Principal, tenant: str,
                          grant: Grant) -> None:
    """The caller administers the tenant, may grant these roles, and the unit is one of the
    tenant's, inside the caller's subtree."""
    check_administers(principal, tenant)
    if await registry.find_tenant(platform.db, tenant) is None:
        raise NotFoundError(f"no tenant {tenant!r}")
    check_grant(grant, tenant=tenant, platform_tenant=NATIONAL_TENANT,
                granted_by=frozenset(r.value for r in principal.roles))
    # No unit means the whole tenant: an administrator of a subtree may not grant that.
    await _check_unit(platform, ctx, tenant, grant.unit or root_unit_id(tenant))


async def _check_unit(platform: Platform, ctx: CommandContext, tenant: str, unit: UUID) -> None:
    timeline = await load_timeline(platform, tenant)
    if unit not in timeline:
        raise NotFoundError(f"no org unit {unit} in tenant {tenant!r}")
    await check_reach(platform, tenant, ctx, unit, timeline=timeline)
