"""How fresh a rollup is: up to which position of each tenant's log its counters count, how
far the log has gone beyond it, and since when; and a bounded wait for a client's own write
(read-your-writes by the `position` a command replies with)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime, timezone

import asyncpg

from infra.database import Database

PROJECTION = "rollups"
_FRESHNESS = "SELECT tenant_id, applied AS position, head, oldest_pending FROM thidua_projection_freshness($1, $2::text[])"
POLL_S = 0.02
MAX_WAIT_S = 10.0
"""The longest a read waits for a position: longer belongs to the client's own retry."""


@dataclass(frozen=True)
class TenantFreshness:
    tenant_id: str
    position: int
    """The last event of the tenant's log the figures count."""
    head: int
    """The tenant's log as far as it was when the figures were read."""
    lag_seconds: float
    """Since the oldest event not counted yet was recorded (0 when caught up)."""

    @property
    def lag_events(self) -> int:
        return max(self.head - self.position, 0)


async def read_freshness(conn: asyncpg.Connection, tenants: list[str]) -> list[TenantFreshness]:
    """In the read's own transaction: the same snapshot as the counters it read."""
    now = datetime.now(timezone.utc)
    rows = await conn.fetch(_FRESHNESS, PROJECTION, sorted(set(tenants)))
    return [TenantFreshness(r["tenant_id"], r["position"], r["head"],
                            max((now - r["oldest_pending"]).total_seconds(), 0.0) if r["oldest_pending"] else 0.0)
            for r in rows]


async def wait_until_counted(db: Database, after: dict[str, int], timeout_s: float) -> bool:
    """Wait until the rollup counts each tenant's log up to the position given; False if it
    did not within `timeout_s` (capped at MAX_WAIT_S). Checkpoints only move forward, so a
    read that starts after this returns True includes those positions."""
    if not after:
        return True
    deadline = time.monotonic() + min(max(timeout_s, 0.0), MAX_WAIT_S)
    tenants = sorted(after)
    while True:
        rows = await db.pool.fetch(_FRESHNESS, PROJECTION, tenants)
        if all(r["position"] >= after[r["tenant_id"]] for r in rows):
            return True
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(POLL_S)
