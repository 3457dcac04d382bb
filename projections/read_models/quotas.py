"""quotas: each award-quota ledger's limit and use (and the enterprise share)."""

from __future__ import annotations

import asyncpg

from domain.quota import AwardQuota
from projections.engine.base import Projection, handles
from projections.engine.event import Event
from projections.engine.writes import DeferredWrites


class QuotasProjection(DeferredWrites, Projection):
    name = "quotas"
    tables = ("quotas",)

    @handles(AwardQuota.QuotaOpened)
    async def on_opened(self, conn: asyncpg.Connection, e: Event) -> None:
        opened = e.domain_event
        await conn.execute(
            f"INSERT INTO {self.t['quotas']} (tenant_id, quota_id, plan_id, pool, nominating_unit_id,"
            " quota_limit, basis, priority) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            e.tenant_id, e.stream_id, opened.plan_id, opened.pool, opened.nominating_unit_id, opened.limit,
            opened.basis, opened.priority)

    @handles(AwardQuota.QuotaReserved)
    async def on_reserved(self, conn: asyncpg.Connection, e: Event) -> None:
        await conn.execute(
            f"UPDATE {self.t['quotas']} SET used = used + 1, enterprise_used = enterprise_used + CASE WHEN $4::boolean THEN 1 ELSE 0 END,"
            " reserved = reserved || jsonb_build_object($3::text, $4::boolean)"
            " WHERE tenant_id = $1 AND quota_id = $2",
            e.tenant_id, e.stream_id, e.domain_event.nomination_id.hex, e.domain_event.enterprise)

    @handles(AwardQuota.QuotaReleased)
    async def on_released(self, conn: asyncpg.Connection, e: Event) -> None:
        await conn.execute(
            f"UPDATE {self.t['quotas']} SET used = used - 1,"
            " enterprise_used = enterprise_used - (reserved ->> $3::text)::boolean::int,"
            " reserved = reserved - $3::text WHERE tenant_id = $1 AND quota_id = $2",
            e.tenant_id, e.stream_id, e.domain_event.nomination_id.hex)
