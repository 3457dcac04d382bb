"""Provisioning as commands: the platform tenant with the national body, then one tenant per
province federation, central sector union or department (tenants/provisioning.py does it)."""

from __future__ import annotations

from datetime import date

from infra.platform import Platform
from services.context import CommandContext
from tenants import provisioning
from tenants.registry import TenantInfo


async def provision_platform(platform: Platform, ctx: CommandContext, *, effective: date,
                             **names: str) -> TenantInfo:
    """`names`: `name` of the national body, `tenant_id` of the platform tenant (defaults)."""
    return await provisioning.provision_platform(platform, ctx.metadata("provision_tenant"), effective=effective,
                                                 idempotency_key=ctx.idempotency_key, **names)


async def provision_tenant(platform: Platform, ctx: CommandContext, *, tenant_id: str, name: str, kind: str,
                           effective: date, code: str | None = None, **national: str) -> TenantInfo:
    """DUPLICATE when the tenant id is taken; BAD_INPUT for a bad id or kind, or before the
    platform tenant exists."""
    return await provisioning.provision_tenant(platform, ctx.metadata("provision_tenant"), tenant_id=tenant_id,
                                               name=name, kind=kind, effective=effective, code=code,
                                               idempotency_key=ctx.idempotency_key, **national)
