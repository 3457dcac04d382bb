"""The tenant registry: the platform-wide `tenants` table (no RLS; platform metadata)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

import asyncpg

from domain.errors import Duplicate
from infra.database import Database, validate_tenant_id
from tenants.ids import root_unit_id

# Tenant kind → the kind of its root org unit.
TENANT_KINDS = {
    "platform": "national_body",
    "province_federation": "province_federation",
    "sector_union": "sector_union",
    "department": "department",
}


@dataclass(frozen=True)
class TenantInfo:
    tenant_id: str
    name: str
    kind: str
    created_at: datetime

    @property
    def root_unit_id(self) -> UUID:
        return root_unit_id(self.tenant_id)


async def list_tenants(db: Database) -> list[TenantInfo]:
    rows = await db.pool.fetch("SELECT tenant_id, name, kind, created_at FROM tenants ORDER BY tenant_id")
    return [TenantInfo(**dict(r)) for r in rows]


async def find_tenant(db: Database, tenant_id: str) -> TenantInfo | None:
    row = await db.pool.fetchrow(
        "SELECT tenant_id, name, kind, created_at FROM tenants WHERE tenant_id = $1",
        validate_tenant_id(tenant_id))
    return TenantInfo(**dict(row)) if row else None


async def insert_tenant(db: Database, tenant_id: str, name: str, kind: str) -> TenantInfo:
    """Add a registry row; a tenant id already taken is DUPLICATE."""
    try:
        row = await db.pool.fetchrow(
            "INSERT INTO tenants (tenant_id, name, kind) VALUES ($1, $2, $3)"
            " RETURNING tenant_id, name, kind, created_at", validate_tenant_id(tenant_id), name, kind)
    except asyncpg.UniqueViolationError:
        raise already_provisioned(tenant_id) from None
    return TenantInfo(**dict(row))


def already_provisioned(tenant_id: str) -> Duplicate:
    return Duplicate(f"tenant {tenant_id!r} is already provisioned", rule="tenants.provision.unique",
                     message_vi=f"Đơn vị sử dụng '{tenant_id}' đã được khởi tạo")
