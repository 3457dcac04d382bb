"""A platform admin provisions the national body's tenant, then one tenant per province
federation, central sector union or department, each with its root unit under the national body."""

from __future__ import annotations

from datetime import date

from domain.errors import BadInput
from domain.organisation import OrgUnit, normalise_name
from infra.database import validate_tenant_id
from infra.errors import ConcurrencyError, NotFoundError
from infra.platform import Platform
from services.context import CommandContext
from services.unit_of_work import load_or_none, save
from tenants import registry
from tenants.ids import NATIONAL_TENANT, root_unit_id

NATIONAL_BODY_NAME = "Tổng Liên đoàn Lao động Việt Nam"


async def provision_platform(platform: Platform, ctx: CommandContext, *, effective: date,
                             name: str = NATIONAL_BODY_NAME,
                             tenant_id: str = NATIONAL_TENANT) -> registry.TenantInfo:
    """The platform tenant with the national body as its root."""
    root = OrgUnit.create(tenant_id=tenant_id, kind="national_body", name=name, parent=None,
                          effective=effective, id=root_unit_id(tenant_id))
    return await _provision(platform, ctx, tenant_id, "platform", root)


async def provision_tenant(platform: Platform, ctx: CommandContext, *, tenant_id: str, name: str,
                           kind: str, effective: date, code: str | None = None,
                           national_tenant: str = NATIONAL_TENANT) -> registry.TenantInfo:
    """A tenant whose root unit (of the tenant's kind) sits under the national body.

    A second provisioning of the same id is refused with DUPLICATE.
    """
    validate_tenant_id(tenant_id)
    if kind not in registry.TENANT_KINDS or kind == "platform":
        raise BadInput(f"tenant kind must be one of province_federation, sector_union, department; got {kind!r}",
                       rule="tenants.kind")
    national = await load_or_none(platform, national_tenant, root_unit_id(national_tenant), OrgUnit)
    if national is None:
        raise BadInput(f"the platform tenant {national_tenant!r} is not provisioned yet",
                       rule="tenants.national_body")
    root = OrgUnit.create(tenant_id=tenant_id, kind=registry.TENANT_KINDS[kind], name=name,
                          parent=national, effective=effective, code=code, id=root_unit_id(tenant_id))
    return await _provision(platform, ctx, tenant_id, kind, root)


async def _provision(platform: Platform, ctx: CommandContext, tenant_id: str, kind: str,
                     root: OrgUnit) -> registry.TenantInfo:
    """Registry row, then root unit. A row left without its root (a crash between the two)
    is completed by provisioning again; a row with its root is a duplicate."""
    info = await registry.find_tenant(platform.db, tenant_id)
    if info is None:
        info = await registry.insert_tenant(platform.db, tenant_id, normalise_name(root.name), kind)
    elif await _root_exists(platform, tenant_id):
        raise registry.already_provisioned(tenant_id)
    try:
        await save(platform, tenant_id, ctx, "provision_tenant", root)
    except ConcurrencyError:
        raise registry.already_provisioned(tenant_id) from None
    return info


async def _root_exists(platform: Platform, tenant_id: str) -> bool:
    try:
        await platform.repository.get(tenant_id, root_unit_id(tenant_id))
    except NotFoundError:
        return False
    return True
