"""Read transactions scoped to one tenant, or to the national view across tenants."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from uuid import UUID

import asyncpg

from infra.database import Database, apply_national_scope, apply_tenant

NATIONAL = None
"""Pass `tenant=NATIONAL` (None) to read every tenant's rollup and metadata rows."""


@dataclass(frozen=True)
class PlanRef:
    tenant_id: str
    plan_id: UUID


@asynccontextmanager
async def read_scope(db: Database, tenant: str | None) -> AsyncIterator[asyncpg.Connection]:
    async with db.stateless_connection() as conn, conn.transaction(readonly=True):  # SET LOCAL only
        if tenant is None:
            await apply_national_scope(conn)
        else:
            await apply_tenant(conn, tenant)
        yield conn


CASCADE_CTE = """WITH RECURSIVE cascade(tenant_id, plan_id, parent_tenant, parent_plan_id, depth) AS (
    SELECT $1::text, $2::uuid, NULL::text, NULL::uuid, 0
    UNION
    SELECT l.tenant_id, l.plan_id, c.tenant_id, c.plan_id, c.depth + 1
      FROM plan_links l JOIN cascade c ON l.parent_plan_id = c.plan_id AND l.parent_tenant = c.tenant_id
     WHERE l.relation = ANY($3::text[]) AND c.depth < 16)"""
"""Every plan implementing the root, across tenants ($1 tenant, $2 plan, $3 relations)."""

IMPLEMENTS = ["implements"]

ROLLUP_RELATIONS = ["implements", "based_on"]
"""What a rollup follows unless asked otherwise: plans that implement (thực hiện) the root or
are drawn up on the basis of it (căn cứ) count toward it, as the seeds' plans cite their
parents; hưởng ứng (responds_to) and gắn với (combined_with) count only when asked."""
