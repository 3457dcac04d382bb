"""Verify the hash chains of one or every tenant, and the dossier files the chain names."""

from __future__ import annotations

from dataclasses import replace

import asyncpg

from audit.file_check import first_file_problem
from infra.database import Database
from infra.files import FileStore
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


async def verify_all(db: Database, tenants: list[str], files: FileStore | None = None) -> list[ChainReport]:
    return [await verify_with_files(db, tenant, files) for tenant in tenants]


async def verify_with_files(db: Database, tenant: str, files: FileStore | None) -> ChainReport:
    """The chain's report; with a file store, also the first file that no longer matches its
    event, whichever of the two breaks first."""
    report = await verify_tenant(db, tenant)
    if files is None:
        return report
    problem = await first_file_problem(db, files, tenant)
    if problem is None or (not report.ok and report.first_bad_position <= problem.position):
        return report
    return replace(report, ok=False, first_bad_position=problem.position, reason=problem.reason)


def describe(report: ChainReport) -> str:
    if report.ok:
        return f"OK {report.tenant_id} head={report.head_position} hash={report.head_hash.hex()}"
    return f"BROKEN {report.tenant_id} at position {report.first_bad_position}: {report.reason}"
