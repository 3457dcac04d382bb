"""The record of auditor reads: who read what of which tenant, and when."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import asyncpg

from audit.errors import AuditInputError
from infra.database import Database

MAX_AUDITOR_LENGTH = 200


@dataclass(frozen=True)
class AuditRead:
    tenant_id: str
    read_id: UUID
    auditor: str
    read_at: datetime
    what: str
    detail: dict[str, Any]


def validate_auditor(auditor: str) -> str:
    if not isinstance(auditor, str) or not auditor.strip() or len(auditor) > MAX_AUDITOR_LENGTH:
        raise AuditInputError("an auditor id is required (1-200 characters)")
    return auditor.strip()


async def record_read(
    conn: asyncpg.Connection, tenant_id: str, auditor: str, what: str, detail: Mapping[str, Any]
) -> UUID:
    """Insert one read record; `conn` must be in a transaction scoped to `tenant_id`."""
    read_id = uuid4()
    await conn.execute(
        "INSERT INTO audit_reads (tenant_id, read_id, auditor, what, detail)"
        " VALUES ($1, $2, $3, $4, $5::jsonb)",
        tenant_id, read_id, validate_auditor(auditor), what,
        json.dumps(dict(detail), ensure_ascii=False, default=str),
    )
    return read_id


async def list_reads(db: Database, tenant_id: str, limit: int = 100) -> list[AuditRead]:
    """The tenant's most recent auditor reads, newest first."""
    async with db.tenant_transaction(tenant_id) as conn:
        rows = await conn.fetch(
            "SELECT tenant_id, read_id, auditor, read_at, what, detail FROM audit_reads"
            " WHERE tenant_id = $1 ORDER BY read_at DESC LIMIT $2",
            tenant_id, limit,
        )
    return [
        AuditRead(r["tenant_id"], r["read_id"], r["auditor"], r["read_at"], r["what"],
                  json.loads(r["detail"]))
        for r in rows
    ]
