"""`thidua platform init`: on an empty database, the national body, the platform tenant and
the first platform administrator; run again, it changes nothing and says what it found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.accounts import Grant, normalise_email
from infra import account_tables
from infra.errors import NotFoundError
from infra.platform import Platform
from services.accounts.invitations import create_invitation
from services.accounts.loading import load_account
from services.auth.principal import Role
from services.context import CommandContext
from services.tenants import provision_platform
from tenants import registry
from tenants.ids import NATIONAL_TENANT, root_unit_id

INIT = CommandContext(actor="thidua platform init")


@dataclass(frozen=True)
class InitOutcome:
    changed: bool
    provisioned_tenant: bool
    admins: tuple[str, ...]
    """The platform administrators found or created."""
    link: str | None = None
    """The new administrator's one-time link to set a password (None when nothing changed)."""


async def init_platform(platform: Platform, admin_email: str, *, effective: date) -> InitOutcome:
    admin_email = normalise_email(admin_email)  # BAD_INPUT before anything is written
    provisioned = False
    if await _national_root_missing(platform):
        await provision_platform(platform, INIT, effective=effective)
        provisioned = True
    admins = await platform_admins(platform)
    if admins:
        return InitOutcome(provisioned, provisioned, admins)
    grant = Grant(frozenset({Role.PLATFORM_ADMIN.value}))
    _, link, _ = await create_invitation(platform, INIT, tenant=NATIONAL_TENANT, email=admin_email, grant=grant)
    return InitOutcome(True, provisioned, (admin_email,), link)


async def platform_admins(platform: Platform) -> tuple[str, ...]:
    """Accounts of the platform tenant that hold platform_admin and are not disabled."""
    found = []
    for ref in await account_tables.accounts_of_tenant(platform.db, NATIONAL_TENANT):
        account = await load_account(platform, NATIONAL_TENANT, ref.user_id)
        if Role.PLATFORM_ADMIN.value in account.roles and not account.disabled:
            found.append(account.email)
    return tuple(found)


async def _national_root_missing(platform: Platform) -> bool:
    if await registry.find_tenant(platform.db, NATIONAL_TENANT) is None:
        return True
    try:
        await platform.repository.get(NATIONAL_TENANT, root_unit_id(NATIONAL_TENANT))
    except NotFoundError:
        return True
    return False
