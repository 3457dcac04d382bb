"""Verify the hash chains of one or every tenant."""

from __future__ import annotations

import asyncpg

from infra.database import Database
from infra.hash_chain import ChainReport, verify_tenant


async def all_tenants(admin_url: str) -> list[str]:
    """Every tenant: the registry plus any tenant with a log (a log without a registry entry is
    exactly what an auditor must not miss). Needs the superuser URL: it spans tenants."""
    conn = await asyncpg.connect(admin_url)
    try:
        rows = await conn.fetch(
            "SELECT tenant_id FROM tenants UNION SELECT tenant_id FROM tenant_heads ORDER BY 1"
        )
    finally:
        await conn.close()
    return [r["tenant_id"] for r in rows]


async def verify_all(db: Database, tenants: list[str]) -> list[ChainReport]:
    return [await verify_tenant(db, tenant) for tenant in tenants]


def describe(report: ChainReport) -> str:
    if report.ok:
        return f"OK {report.tenant_id} head={report.head_position} hash={report.head_hash.hex()}"
    return f"BROKEN {report.tenant_id} at position {report.first_bad_position}: {report.reason}"
